package ingest_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
)

// The evaluation set (nlp/testdata/eval) and its gold links.
const evalDir = "../../nlp/testdata/eval"

type goldRef struct {
	File      string `json:"file"`
	Paragraph int    `json:"paragraph"`
}

type goldFile struct {
	File       string `json:"file"`
	Type       string `json:"type"`
	Paragraphs []struct {
		Index      int    `json:"index"`
		FirstWords string `json:"first_words"`
		Items      []struct {
			Position   int    `json:"position"`
			FirstWords string `json:"first_words"`
		} `json:"items"`
	} `json:"paragraphs"`
	Mandates []struct {
		Index      int    `json:"index"`
		FirstWords string `json:"first_words"`
		Items      []struct {
			Position   int    `json:"position"`
			FirstWords string `json:"first_words"`
		} `json:"items"`
	} `json:"mandates"`
}

type gold struct {
	Files      []goldFile `json:"files"`
	Alignments struct {
		Translations []struct {
			Files map[string]string `json:"files"`
			Rows  []map[string]int  `json:"rows"`
		} `json:"translations"`
		Quotes []struct {
			Page         string `json:"page"`
			Mandate      int    `json:"mandate"`
			Item         *int   `json:"item"`
			Document     string `json:"document"`
			Paragraph    int    `json:"paragraph"`
			DocumentItem *int   `json:"document_item"`
		} `json:"quotes"`
		Renews struct {
			Document string `json:"document"`
			Links    []struct {
				From     goldRef   `json:"from"`
				Targets  []goldRef `json:"targets"`
				Strength string    `json:"strength"`
			} `json:"links"`
		} `json:"renews"`
	} `json:"alignments"`
}

// evalStore ingests the evaluation set (the files in the order given).
func evalStore(t *testing.T, files []string, workers int) *store.Store {
	t.Helper()
	srcs, err := ingest.Paths(files)
	if err != nil {
		t.Fatal(err)
	}
	return ingestSources(t, srcs, workers)
}

func evalFiles(t *testing.T) []string {
	var files []string
	for _, d := range []string{"documents", "pages"} {
		es, err := os.ReadDir(filepath.Join(evalDir, d))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			files = append(files, filepath.Join(evalDir, d, e.Name()))
		}
	}
	return files
}

func firstWords(s string) string { return strings.Join(graph.FoldWords(s), " ") }

// resolver maps the gold's (file, paragraph index, item position) to the
// store's mandates, by their first words.
type resolver struct {
	byFile map[string][]*graph.Mandate // base name → mandates in source order
	gold   map[string]goldFile
}

func newResolver(t *testing.T, st *store.Store, g *gold) *resolver {
	r := &resolver{byFile: map[string][]*graph.Mandate{}, gold: map[string]goldFile{}}
	err := st.EachNode(context.Background(), func(n graph.Node) error {
		if m, ok := n.(*graph.Mandate); ok {
			f := m.Source().File
			r.byFile[f] = append(r.byFile[f], m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, ms := range r.byFile {
		sort.Slice(ms, func(i, j int) bool { return ms[i].Source().Seq < ms[j].Source().Seq })
	}
	for _, f := range g.Files {
		r.gold[f.File] = f
	}
	return r
}

// id finds the mandate of a gold paragraph (item 0: the paragraph itself);
// "" when the store has no mandate that begins with its first words.
func (r *resolver) id(file string, index, item int) string {
	gf := r.gold[file]
	var fw string
	// Paragraphs that open with the same words are told apart by their
	// order: the k-th of them is the k-th mandate that opens so.
	same := func(fw string) int {
		k := 0
		for _, p := range gf.Paragraphs {
			if p.Index < index && firstWords(p.FirstWords) == firstWords(fw) {
				k++
			}
		}
		return k
	}
	for _, p := range gf.Paragraphs {
		if p.Index == index {
			fw = p.FirstWords
			for _, it := range p.Items {
				if item > 0 && it.Position == item {
					fw = it.FirstWords
				}
			}
		}
	}
	for _, p := range gf.Mandates {
		if p.Index == index {
			fw = p.FirstWords
			for _, it := range p.Items {
				if item > 0 && it.Position == item {
					fw = it.FirstWords
				}
			}
		}
	}
	if fw == "" {
		return ""
	}
	want := firstWords(fw)
	skip := 0
	if item == 0 {
		skip = same(fw)
	}
	for _, m := range r.byFile[filepath.Base(file)] {
		if (item > 0) != (m.Parent != "") {
			continue
		}
		if strings.HasPrefix(firstWords(m.Text), want) {
			if skip > 0 {
				skip--
				continue
			}
			return m.ID
		}
	}
	return ""
}

type pairSet map[[2]string]bool

// score counts the links of got that want holds (tp) and the pairs of want
// that got holds (hit), and lists the wrong ones (and the missed ones, with
// missed), sorted, described by desc.
func (got pairSet) score(want pairSet, desc func([2]string) string, missed bool) (tp, hit int, wrong []string) {
	for p := range got {
		if want[p] {
			tp++
		} else {
			wrong = append(wrong, "wrong: "+desc(p))
		}
	}
	for p := range want {
		if got[p] {
			hit++
		} else if missed {
			wrong = append(wrong, "missed: "+desc(p))
		}
	}
	sort.Strings(wrong)
	return tp, hit, wrong
}

func links(t *testing.T, st *store.Store, lt graph.EdgeType) pairSet {
	out := pairSet{}
	err := st.EachEdge(context.Background(), func(e graph.Edge) error {
		if e.Type == lt {
			out[[2]string{e.From, e.To}] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLinksEvalSet scores the links found in the evaluation set against
// its gold: precision at least 0.95 and recall at least 0.8 for each of
// TRANSLATION, QUOTES and RENEWS (restated and continued renewals
// required, partial ones and the closing boilerplate optional; the
// preamble, not a mandate, left out).
func TestLinksEvalSet(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(evalDir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	st := evalStore(t, evalFiles(t), 0)
	r := newResolver(t, st, &g)
	report := func(name string, tp, found, hit, want int, wrong []string) {
		minP := 0.95
		p, rc := 1.0, 1.0
		if found > 0 {
			p = float64(tp) / float64(found)
		}
		if want > 0 {
			rc = float64(hit) / float64(want)
		}
		t.Logf("%-11s precision %.3f (%d of %d links right), recall %.3f (%d of %d gold links found)", name, p, tp, found, rc, hit, want)
		for i, w := range wrong {
			if i < 10 {
				t.Logf("  %s", w)
			}
		}
		if p < minP || rc < 0.8 {
			t.Errorf("%s: precision %.3f, recall %.3f; want at least %.2f and 0.8", name, p, rc, minP)
		}
	}
	label := map[string]string{}
	for f, ms := range r.byFile {
		for _, m := range ms {
			label[m.ID] = f + "#" + m.Number + " " + strings.Join(strings.Fields(m.Text), " ")[:min(40, len(strings.Join(strings.Fields(m.Text), " ")))]
		}
	}
	desc := func(p [2]string) string { return label[p[0]] + "  →  " + label[p[1]] }

	// TRANSLATION: every pair of languages of a row, both ways.
	want := pairSet{}
	missingIDs := 0
	for _, set := range g.Alignments.Translations {
		for _, row := range set.Rows {
			langs := make([]string, 0, len(row))
			for l := range row {
				langs = append(langs, l)
			}
			sort.Strings(langs)
			for _, la := range langs {
				for _, lb := range langs {
					if la == lb || row[la] == 0 || row[lb] == 0 {
						continue
					}
					a, b := r.id(set.Files[la], row[la], 0), r.id(set.Files[lb], row[lb], 0)
					if a == "" || b == "" {
						missingIDs++
						want[[2]string{set.Files[la] + "#" + la, set.Files[lb] + "#" + lb}] = true
						continue
					}
					want[[2]string{a, b}] = true
				}
			}
		}
	}
	got := links(t, st, graph.Translation)
	tp, hit, wrong := got.score(want, desc, false)
	if missingIDs > 0 {
		t.Logf("TRANSLATION: %d gold pairs name a paragraph the parser did not give", missingIDs)
	}
	report("TRANSLATION", tp, len(got), hit, len(want), wrong)

	// QUOTES.
	want = pairSet{}
	negatives := 0
	for _, q := range g.Alignments.Quotes {
		item := 0
		if q.Item != nil {
			item = *q.Item
		}
		from := r.id(q.Page, q.Mandate, item)
		if q.Document == "" {
			negatives++
			continue
		}
		ditem := 0
		if q.DocumentItem != nil {
			ditem = *q.DocumentItem
		}
		to := r.id(q.Document, q.Paragraph, ditem)
		if from == "" || to == "" {
			t.Logf("QUOTES: gold %s %d/%d → %s %d/%d not among the parsed mandates", q.Page, q.Mandate, item, q.Document, q.Paragraph, ditem)
			want[[2]string{q.Page, q.Document}] = true
			continue
		}
		want[[2]string{from, to}] = true
	}
	got = links(t, st, graph.Quotes)
	tp, hit, wrong = got.score(want, desc, true)
	report("QUOTES", tp, len(got), hit, len(want), wrong)

	// RENEWS, from the renewal document's paragraphs.
	rn := g.Alignments.Renews
	fromDoc := map[string]bool{}
	for _, m := range r.byFile[filepath.Base(rn.Document)] {
		fromDoc[m.ID] = true
	}
	right := pairSet{}
	type required struct {
		from    string
		targets []string
	}
	var req []required
	for _, l := range rn.Links {
		from := r.id(l.From.File, l.From.Paragraph, 0)
		var ts []string
		for _, tg := range l.Targets {
			if id := r.id(tg.File, tg.Paragraph, 0); id != "" {
				ts = append(ts, id)
				right[[2]string{from, id}] = true
			}
		}
		if l.Strength == "restated" || l.Strength == "continued" {
			req = append(req, required{from, ts})
		}
	}
	got = links(t, st, graph.Renews)
	// A link to an item of a right paragraph, or to a compiled mandate
	// that quotes one, is right: it is the same text.
	parent := map[string]string{}
	for _, ms := range r.byFile {
		for _, m := range ms {
			parent[m.ID] = m.Parent
		}
	}
	for q := range right {
		for id, par := range parent {
			if par == q[1] {
				right[[2]string{q[0], id}] = true
			}
		}
	}
	for p := range links(t, st, graph.Quotes) {
		for q := range right {
			if q[1] == p[1] {
				right[[2]string{q[0], p[0]}] = true
			}
		}
	}
	tp, hit, wrong = 0, 0, nil
	found := 0
	for p := range got {
		if !fromDoc[p[0]] {
			continue
		}
		found++
		if right[p] {
			tp++
		} else {
			wrong = append(wrong, "wrong: "+desc(p))
		}
	}
	for _, q := range req {
		ok := false
		for _, tg := range q.targets {
			ok = ok || got[[2]string{q.from, tg}]
		}
		if ok {
			hit++
		} else if len(q.targets) > 0 {
			wrong = append(wrong, "missed: "+desc([2]string{q.from, q.targets[0]}))
		} else {
			wrong = append(wrong, "missed (no target parsed): "+label[q.from])
		}
	}
	sort.Strings(wrong)
	report("RENEWS", tp, found, hit, len(req), wrong)
}

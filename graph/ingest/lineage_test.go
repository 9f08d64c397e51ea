package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
)

// The lineage fixtures (testdata/lineage), written for these tests: a
// declaration of Lima 2018 in English, Spanish, French and Portuguese (four
// numbered paragraphs each), a plan of Los Angeles 2022 whose paragraphs 1
// ("Continue strengthening…") and 2 ("Reaffirm…") restate Lima's 1 and 2,
// and a compilation page whose mandates 1 and 2 quote Lima's paragraphs 1
// and 3, 3 quotes nothing, and 4 quotes the 2022 plan's paragraph 1.
const lineageDir = "testdata/lineage"

const (
	limaEN   = "lima_2018_declaration_en.txt"
	limaES   = "lima_2018_declaracion_es.txt"
	limaFR   = "lima_2018_declaration_fr.txt"
	limaPT   = "lima_2018_declaracao_pt.txt"
	la2022   = "los_angeles_2022_plan_en.txt"
	compPage = "water_open_government_page_en.txt"
)

func lineageSources(t *testing.T, names ...string) []ingest.Source {
	t.Helper()
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join(lineageDir, n))
	}
	srcs, err := ingest.Paths(paths)
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// lineageLinks are a store's links of the given type (every type when
// none), each as "TYPE from → to score evidence", mandates named by file
// and number ("lima_2018_declaration_en.txt#3"), sorted.
func lineageLinks(t *testing.T, st *store.Store, types ...graph.EdgeType) []string {
	t.Helper()
	ctx := context.Background()
	name := map[string]string{}
	err := st.EachNode(ctx, func(n graph.Node) error {
		if m, ok := n.(*graph.Mandate); ok {
			name[m.ID] = m.Source().File + "#" + m.Number
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	err = st.EachEdge(ctx, func(e graph.Edge) error {
		if graph.IsLink(e.Type) && (len(types) == 0 || slices.Contains(types, e.Type)) {
			out = append(out, fmt.Sprintf("%s %s → %s %.2f %s", e.Type, name[e.From], name[e.To], e.Weight, e.Note))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// pairs are links without their scores and evidence: "TYPE from → to".
func pairs(links []string) []string {
	out := make([]string, len(links))
	for i, l := range links {
		f := strings.Fields(l)
		out[i] = strings.Join(f[:4], " ")
	}
	return out
}

// TestLineageQuotesBothOrders: the compilation page's mandates 1 and 2 quote
// Lima's paragraphs 1 and 3, verbatim, whichever file came first; its
// mandate 3 quotes nothing. The links are the same in both orders, scores
// and evidence included.
func TestLineageQuotesBothOrders(t *testing.T) {
	a := lineageLinks(t, ingestSources(t, lineageSources(t, limaEN, compPage), 1))
	b := lineageLinks(t, ingestSources(t, lineageSources(t, compPage, limaEN), 1))
	if !slices.Equal(a, b) {
		t.Errorf("the links depend on the order:\ndocument first:\n%s\npage first:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
	var quotes []string
	for _, l := range a {
		if strings.HasPrefix(l, "QUOTES ") {
			quotes = append(quotes, l)
		}
	}
	want := []string{"QUOTES " + compPage + "#1 → " + limaEN + "#1", "QUOTES " + compPage + "#2 → " + limaEN + "#3"}
	if got := pairs(quotes); !slices.Equal(got, want) {
		t.Fatalf("QUOTES:\n%s\nwant\n%s", strings.Join(quotes, "\n"), strings.Join(want, "\n"))
	}
	for _, q := range quotes {
		if !strings.Contains(q, " 1.00 rule quotes (verbatim): ") || !strings.Contains(q, "words, in order, are paragraph") {
			t.Errorf("QUOTES evidence: %s", q)
		}
	}
}

// TestLineageTranslations: the declaration in four languages gives a
// TRANSLATION link between every two copies of the same paragraph, both
// ways (4 paragraphs × 12 ordered pairs of languages), and none between
// different paragraphs, in two ingest orders.
func TestLineageTranslations(t *testing.T) {
	files := []string{limaEN, limaES, limaFR, limaPT}
	var want []string
	for _, a := range files {
		for _, b := range files {
			if a == b {
				continue
			}
			for p := 1; p <= 4; p++ {
				want = append(want, fmt.Sprintf("TRANSLATION %s#%d → %s#%d", a, p, b, p))
			}
		}
	}
	sort.Strings(want)
	for _, order := range [][]string{files, {limaPT, limaFR, limaES, limaEN}} {
		got := lineageLinks(t, ingestSources(t, lineageSources(t, order...), 1), graph.Translation)
		if p := pairs(got); !slices.Equal(p, want) {
			t.Errorf("order %v: TRANSLATION links\n%s\nwant\n%s", order, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for _, l := range got {
			// The evidence names the paragraph aligned.
			f := strings.Fields(l)
			n := f[3][strings.LastIndex(f[3], "#")+1:]
			if !strings.Contains(l, "rule translation: paragraph \""+n+"\"") {
				t.Errorf("evidence does not name paragraph %s: %s", n, l)
			}
		}
	}
}

// TestLineageRenews: the 2022 plan's paragraphs 1 and 2 renew Lima's 1 and
// 2 (later → earlier), the evidence saying what matched: the renewal word,
// the entities, numbers and word roots shared. Its paragraph 3 renews
// nothing, and nothing of 2018 renews 2022.
func TestLineageRenews(t *testing.T) {
	got := lineageLinks(t, ingestSources(t, lineageSources(t, la2022, limaEN), 1), graph.Renews)
	want := []string{"RENEWS " + la2022 + "#1 → " + limaEN + "#1", "RENEWS " + la2022 + "#2 → " + limaEN + "#2"}
	if !slices.Equal(pairs(got), want) {
		t.Fatalf("RENEWS:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, w := range []string{
		`rule renews: renewal word "continue"; shared 0.97: entities institution/idb, institution/inter-american-network-of-water-authorities; roots `,
		`rule renews: renewal word "reaffirm"; shared 0.97: entities theme/forests-and-biodiversity; numbers 2030, 40000; roots `,
	} {
		if !strings.Contains(got[i], w) {
			t.Errorf("RENEWS evidence:\n%s\nwant it to contain\n%s", got[i], w)
		}
	}
}

// TestLineageReplaceAndRemove: replacing the 2022 plan with a version whose
// first paragraph no longer restates Lima's takes that renewal away, and
// removing the file takes every link of its mandates away; no key of the
// store (l|, y|, e|, r|, or any other) is left naming a mandate that is
// gone, and every link edge has both ends and its reverse entry.
func TestLineageReplaceAndRemove(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { st.Close() }()
	if err := st.LoadCatalog(ctx, cat.Graph()); err != nil {
		t.Fatal(err)
	}
	ing := func(srcs ...ingest.Source) {
		t.Helper()
		for _, r := range ingest.New(st, cat, ingest.Options{Workers: 1}).Ingest(ctx, srcs, nil) {
			if r.Err != nil {
				t.Fatalf("%s: %v", r.Name, r.Err)
			}
		}
	}
	ing(lineageSources(t, limaEN, limaES, la2022)...)
	before := lineageLinks(t, st, graph.Renews, graph.RelatedTo)
	if !slices.Contains(pairs(before), "RENEWS "+la2022+"#1 → "+limaEN+"#1") {
		t.Fatalf("no renewal to replace:\n%s", strings.Join(before, "\n"))
	}
	old := ids(t, st, la2022)

	// The new version: paragraph 1 is about something else; 2 and 3 stay.
	data, err := os.ReadFile(filepath.Join(lineageDir, la2022))
	if err != nil {
		t.Fatal(err)
	}
	first := "Continue strengthening the Inter-American Network of Water Authorities so\nthat watershed councils share hydrological data and drought forecasts, with the\nsupport of the Inter-American Development Bank (IDB)."
	if !bytes.Contains(data, []byte(first)) {
		t.Fatal("the fixture changed: its first paragraph is not where the test looks")
	}
	data = bytes.Replace(data, []byte(first), []byte("Establish a hemispheric fellowship for young glassblowers and\nceramic restorers of colonial churches."), 1)
	src, err := ingest.Text(la2022, data)
	if err != nil {
		t.Fatal(err)
	}
	ing(src)
	after := lineageLinks(t, st, graph.Renews)
	if want := []string{"RENEWS " + la2022 + "#2 → " + limaEN + "#2"}; !slices.Equal(pairs(after), want) {
		t.Errorf("RENEWS after the replacement:\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(want, "\n"))
	}
	now := ids(t, st, la2022)
	var gone []string
	for id := range old {
		if !now[id] {
			gone = append(gone, id)
		}
	}
	if len(gone) != 1 {
		t.Fatalf("mandates gone with the replacement: %v; want paragraph 1's", gone)
	}

	// Removing the file: an empty version of it.
	if _, err := st.Apply(ctx, &graph.Batch{File: la2022, Hash: "removed"}); err != nil {
		t.Fatal(err)
	}
	// Left: the translations, and RELATED between Lima's paragraphs
	// (never a paragraph and its own translation).
	related := 0
	for _, l := range lineageLinks(t, st) {
		if strings.HasPrefix(l, "RELATED ") && !strings.Contains(l, la2022) {
			f := strings.Fields(l)
			fa, na, _ := strings.Cut(f[1], "#")
			fb, nb, _ := strings.Cut(f[3], "#")
			if fa != fb && na == nb {
				t.Errorf("a paragraph RELATED to its translation: %s", l)
			}
			related++
			continue
		}
		if strings.Contains(l, la2022) || !strings.HasPrefix(l, "TRANSLATION ") {
			t.Errorf("left after removing %s: %s", la2022, l)
		}
	}
	for id := range now {
		gone = append(gone, id)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	checkLinkKeys(t, dir, gone, 16+2*related)
}

// ids are the mandates of a file.
func ids(t *testing.T, st *store.Store, file string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := st.EachNode(context.Background(), func(n graph.Node) error {
		if m, ok := n.(*graph.Mandate); ok && m.Source().File == file {
			out[m.ID] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkLinkKeys reads the closed store in dir key by key: no key or value
// names a mandate of gone; every l| and y| key is a mandate's that exists;
// every link edge (e|) has both ends and its reverse (r|), and every
// reverse of a link its edge.
func checkLinkKeys(t *testing.T, dir string, gone []string, wantLinks int) {
	t.Helper()
	db, err := badger.Open(badger.DefaultOptions(dir).WithReadOnly(true).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	keys := map[string]bool{}
	var links, partners, features int
	err = db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := string(it.Item().Key())
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			keys[k] = true
			for _, id := range gone {
				if strings.Contains(k, id) || bytes.Contains(v, []byte(id)) {
					t.Errorf("key %q (or its value) names %s, which is gone", k, id)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k := range keys {
		fam, rest, _ := strings.Cut(k, "|")
		switch fam {
		case "l", "y":
			if fam == "l" {
				features++
			} else {
				partners++
			}
			if !keys["n|"+rest] {
				t.Errorf("%s: no mandate %s", k, rest)
			}
		case "e", "r":
			p := strings.SplitN(rest, "|", 3)
			if len(p) != 3 || !graph.IsLink(graph.EdgeType(p[1])) {
				continue
			}
			links++
			if !keys["n|"+p[0]] || !keys["n|"+p[2]] {
				t.Errorf("%s: an end is missing", k)
			}
			other := "r"
			if fam == "r" {
				other = "e"
			}
			if !keys[other+"|"+p[2]+"|"+p[1]+"|"+p[0]] {
				t.Errorf("%s: no %s| entry for it", k, other)
			}
		}
	}
	// What is left: Lima's English and Spanish copies, translations of
	// each other (4 paragraphs × 2 ways, an edge and a reverse each), and
	// the RELATED links between them.
	// Link features are rebuilt from the mandates when the store is
	// opened for writing, never stored (store/links_load.go).
	if features != 0 || links != wantLinks {
		t.Errorf("left: %d l| keys, %d link keys (e| and r|), %d y| keys; want 0 and %d", features, links, partners, wantLinks)
	}
}

package nlp

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"summitgraph/graph"
)

// evalMention is a mention of testdata/eval/gold.json.
type evalMention struct {
	Surface  string  `json:"surface"`
	Entity   *string `json:"entity"` // nil: a name the catalog lacks
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Optional bool    `json:"optional"`
}

type evalPara struct {
	Start    int           `json:"start"`
	Mentions []evalMention `json:"mentions"`
	Items    []struct {
		Mentions []evalMention `json:"mentions"`
	} `json:"items"`
}

// TestEvalSetMentions scores the catalog's names, acronyms and name
// discovery on the evaluation set's paragraphs (testdata/eval: documents
// and pages in the four languages, written for the project): each
// paragraph (or preamble) is extracted from its start to the next one's,
// in the file's language, and compared with the gold by entity and
// overlapping span; optional mentions and names the catalog lacks count
// neither way, and lines the gold says are not paragraphs (page counters,
// footnotes) are left out. It needs no parser.
func TestEvalSetMentions(t *testing.T) {
	c := testCatalog(t)
	data, err := os.ReadFile("testdata/eval/gold.json")
	if err != nil {
		t.Skipf("no evaluation set: %v", err)
	}
	var g struct {
		Files []struct {
			File       string     `json:"file"`
			Type       string     `json:"type"`
			Language   string     `json:"language"`
			Preamble   *evalPara  `json:"preamble"`
			Paragraphs []evalPara `json:"paragraphs"`
			Mandates   []evalPara `json:"mandates"`
			NotParas   []struct {
				Line int `json:"line"`
			} `json:"not_paragraphs"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	type tally struct{ tp, fn, fp int }
	byLang := map[string]*tally{}
	for _, f := range g.Files {
		raw, err := os.ReadFile("testdata/eval/" + f.File)
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(string(raw))
		paras := append([]evalPara(nil), f.Paragraphs...)
		if f.Type == "page" {
			paras = append(paras, f.Mandates...)
		}
		if f.Preamble != nil {
			paras = append(paras, *f.Preamble)
		}
		sort.Slice(paras, func(i, j int) bool { return paras[i].Start < paras[j].Start })
		skip := map[int]bool{}
		for _, np := range f.NotParas {
			skip[np.Line] = true
		}
		lineOf := make([]int, len(runes)+1)
		for i, ln := 0, 1; i <= len(runes); i++ {
			lineOf[i] = ln
			if i < len(runes) && runes[i] == '\n' {
				ln++
			}
		}
		var gold []evalMention
		var got []Found
		for i, p := range paras {
			gold = append(gold, p.Mentions...)
			for _, it := range p.Items {
				gold = append(gold, it.Mentions...)
			}
			end := len(runes)
			if i+1 < len(paras) {
				end = paras[i+1].Start
			}
			ex := c.Extract(textPage(f.Language, string(runes[p.Start:end])), nil)
			for _, m := range ex.Paragraphs[0].Mentions {
				m.Start += p.Start
				m.End += p.Start
				// The gold is flat: names nested in longer ones are left
				// to TestNestedNames.
				if m.Entity.EntityKind != "THEME" && m.Method != graph.MethodNested && !skip[lineOf[m.Start]] {
					got = append(got, m)
				}
			}
		}
		if byLang[f.Language] == nil {
			byLang[f.Language] = &tally{}
		}
		tl := byLang[f.Language]
		used := make([]bool, len(got))
		for _, gm := range gold {
			if gm.Entity == nil {
				continue
			}
			found := false
			for k, m := range got {
				if !used[k] && m.Entity.ID == *gm.Entity && m.Start < gm.End && m.End > gm.Start {
					used[k], found = true, true
					break
				}
			}
			switch {
			case gm.Optional:
			case found:
				tl.tp++
			default:
				tl.fn++
				t.Logf("missed %s %s: %q (%s)", f.Language, f.File, gm.Surface, *gm.Entity)
			}
		}
		for k, m := range got {
			if used[k] {
				continue
			}
			neutral := false
			for _, gm := range gold {
				if m.Start < gm.End && m.End > gm.Start && (gm.Optional || gm.Entity == nil) {
					neutral = true
				}
			}
			if !neutral {
				tl.fp++
				t.Logf("extra %s %s: %q (%s, %s)", f.Language, f.File, m.Surface, m.Entity.ID, m.Method)
			}
		}
	}
	for _, lang := range Languages {
		tl := byLang[lang]
		if tl == nil {
			t.Errorf("no %s files in the evaluation set", lang)
			continue
		}
		recall := float64(tl.tp) / float64(tl.tp+tl.fn)
		precision := float64(tl.tp) / float64(tl.tp+tl.fp)
		t.Logf("%s: %d found, %d missed, %d extra: recall %.3f, precision %.3f", lang, tl.tp, tl.fn, tl.fp, recall, precision)
		if recall < 0.95 || precision < 0.95 {
			t.Errorf("%s: recall %.3f, precision %.3f; want 0.95 or more", lang, recall, precision)
		}
	}
}

// TestEvalSetTitles resolves the title block of every document of the
// evaluation set (its lines before the first paragraph or preamble, site
// navigation and document codes included) and checks the summit (none for
// the two that name none or two), the language and the kind against the
// gold.
func TestEvalSetTitles(t *testing.T) {
	c := testCatalog(t)
	data, err := os.ReadFile("testdata/eval/gold.json")
	if err != nil {
		t.Skipf("no evaluation set: %v", err)
	}
	var g struct {
		Files []struct {
			File     string  `json:"file"`
			Type     string  `json:"type"`
			Language string  `json:"language"`
			Summit   *string `json:"summit"`
			Kind     string  `json:"kind"`
			Preamble *struct {
				Line int `json:"line"`
			} `json:"preamble"`
			Paragraphs []struct {
				Line int `json:"line"`
			} `json:"paragraphs"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]DocKind{"declaration": DocDeclaration, "plan of action": DocPlanOfAction, "commitment": DocCommitment, "mandates for action": DocMandates, "other": DocOther}
	n := 0
	for _, f := range g.Files {
		if f.Type != "document" || len(f.Paragraphs) == 0 {
			continue
		}
		n++
		raw, err := os.ReadFile("testdata/eval/" + f.File)
		if err != nil {
			t.Fatal(err)
		}
		first := f.Paragraphs[0].Line
		if f.Preamble != nil && f.Preamble.Line < first {
			first = f.Preamble.Line
		}
		tb := c.ResolveTitle(strings.Split(string(raw), "\n")[:first-1])
		got, want := "", ""
		if tb.Summit != nil {
			got = tb.Summit.ID
		}
		if f.Summit != nil {
			want = *f.Summit
		}
		if got != want {
			t.Errorf("%s: summit %q, want %q (%s)", f.File, got, want, tb.Problem)
		}
		if tb.Language != "" && tb.Language != f.Language {
			t.Errorf("%s: language %s, want %s", f.File, tb.Language, f.Language)
		}
		if tb.Title != "" && tb.Kind != kinds[f.Kind] {
			t.Errorf("%s: kind %s (title %q), want %s", f.File, tb.Kind, tb.Title, f.Kind)
		}
	}
	if n < 20 {
		t.Errorf("%d documents in the evaluation set, want 20", n)
	}
}

// TestEvalSetLanguages detects the language of every file of the
// evaluation set, whole, and of every paragraph of eight words or more:
// every file right, and nearly every paragraph.
func TestEvalSetLanguages(t *testing.T) {
	data, err := os.ReadFile("testdata/eval/gold.json")
	if err != nil {
		t.Skipf("no evaluation set: %v", err)
	}
	var g struct {
		Files []struct {
			File       string     `json:"file"`
			Language   string     `json:"language"`
			Paragraphs []evalPara `json:"paragraphs"`
			Mandates   []evalPara `json:"mandates"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	right, all := 0, 0
	for _, f := range g.Files {
		raw, err := os.ReadFile("testdata/eval/" + f.File)
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectLanguage(string(raw)); got != f.Language {
			t.Errorf("%s: %s, want %s", f.File, got, f.Language)
		}
		runes := []rune(string(raw))
		paras := append(append([]evalPara(nil), f.Paragraphs...), f.Mandates...)
		sort.Slice(paras, func(i, j int) bool { return paras[i].Start < paras[j].Start })
		for i, p := range paras {
			end := len(runes)
			if i+1 < len(paras) {
				end = paras[i+1].Start
			}
			text := string(runes[p.Start:end])
			if len(strings.Fields(text)) < 8 {
				continue
			}
			all++
			if got := DetectLanguage(text); got == f.Language {
				right++
			} else {
				t.Logf("%s paragraph at %d: %s, want %s: %.80q", f.File, p.Start, got, f.Language, text)
			}
		}
	}
	t.Logf("paragraphs: %d of %d right", right, all)
	if float64(right) < 0.99*float64(all) {
		t.Errorf("paragraphs: %d of %d right, want 99%%", right, all)
	}
}

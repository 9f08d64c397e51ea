package nlp

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"summitgraph/graph"
	"summitgraph/seeds"
)

// The gold annotation of the seed: conventions and institutions per mandate
// or item, flat longest spans in text order (see its "note").
const goldFile = "testdata/gold/seed-mentions.json"

type goldDoc struct {
	File     string `json:"file"`
	Note     string `json:"note"`
	Mandates []struct {
		Line     int `json:"line"`
		Mentions []struct {
			Surface string `json:"surface"`
			Entity  string `json:"entity"`
			Kind    string `json:"kind"`
		} `json:"mentions"`
	} `json:"mandates"`
}

// evalSpan is one mention, gold or extracted, in a paragraph.
type evalSpan struct {
	para       int // paragraph index
	entity     string
	kind       graph.Kind
	start, end int // code points
	surface    string
}

func (s evalSpan) String() string {
	return fmt.Sprintf("para %d [%d,%d) %q %s", s.para, s.start, s.end, s.surface, s.entity)
}

// scores is the outcome of comparing extracted spans with gold spans.
type scores struct {
	tp, fp, fn int
	fps, fns   []evalSpan
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s scores) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s scores) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s scores) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// score matches extracted spans with gold spans one to one: a pair counts
// when it is the same entity in the same paragraph and, when exact is set,
// at the same offsets, or else at overlapping ones.
func score(gold, got []evalSpan, exact bool) scores {
	var s scores
	used := make([]bool, len(gold))
	for _, g := range got {
		found := false
		for i, w := range gold {
			if used[i] || w.para != g.para || w.entity != g.entity {
				continue
			}
			if exact && (w.start != g.start || w.end != g.end) || !exact && (w.start >= g.end || g.start >= w.end) {
				continue
			}
			used[i], found = true, true
			break
		}
		if found {
			s.tp++
		} else {
			s.fp++
			s.fps = append(s.fps, g)
		}
	}
	for i, w := range gold {
		if !used[i] {
			s.fn++
			s.fns = append(s.fns, w)
		}
	}
	return s
}

func byKind(spans []evalSpan, k graph.Kind) []evalSpan {
	var out []evalSpan
	for _, s := range spans {
		if s.kind == k {
			out = append(out, s)
		}
	}
	return out
}

var seedCatalog = sync.OnceValues(func() (*Catalog, error) { return LoadCatalog(seeds.FS()) })

func testCatalog(tb testing.TB) *Catalog {
	tb.Helper()
	c, err := seedCatalog()
	if err != nil {
		tb.Fatalf("LoadCatalog(seeds): %v", err)
	}
	return c
}

// seedPage parses the embedded seed page the gold annotates.
func seedPage(tb testing.TB, c *Catalog, name string) *Page {
	tb.Helper()
	data, err := fs.ReadFile(seeds.FS(), name)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := Parse(name, data, c)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// goldSpans locates each gold surface in its paragraph, in order, and
// returns the spans; the gold must cover every paragraph of the page.
func goldSpans(tb testing.TB, c *Catalog) (*Page, []evalSpan) {
	tb.Helper()
	data, err := os.ReadFile(goldFile)
	if err != nil {
		tb.Fatal(err)
	}
	var gd goldDoc
	if err := json.Unmarshal(data, &gd); err != nil {
		tb.Fatalf("%s: %v", goldFile, err)
	}
	p := seedPage(tb, c, gd.File)
	byLine := map[int]int{}
	for i, m := range p.Paragraphs {
		byLine[m.Line] = i
	}
	if len(gd.Mandates) != len(p.Paragraphs) {
		tb.Fatalf("gold annotates %d paragraphs, Parse finds %d in %s", len(gd.Mandates), len(p.Paragraphs), gd.File)
	}
	var out []evalSpan
	for _, gm := range gd.Mandates {
		i, ok := byLine[gm.Line]
		if !ok {
			tb.Fatalf("gold line %d: no paragraph starts there", gm.Line)
		}
		runes := []rune(p.Paragraphs[i].Text)
		from := 0
		for _, g := range gm.Mentions {
			if c.Entity(g.Entity) == nil || string(c.Entity(g.Entity).EntityKind) != g.Kind {
				tb.Fatalf("gold line %d: %s is not a %s of the catalog", gm.Line, g.Entity, g.Kind)
			}
			sr := []rune(g.Surface)
			at := -1
			for k := from; k+len(sr) <= len(runes); k++ {
				if string(runes[k:k+len(sr)]) == g.Surface {
					at = k
					break
				}
			}
			if at < 0 {
				tb.Fatalf("gold line %d: %q not found in the paragraph after code point %d", gm.Line, g.Surface, from)
			}
			out = append(out, evalSpan{para: i, entity: g.Entity, kind: graph.Kind(g.Kind), start: at, end: at + len(sr), surface: g.Surface})
			from = at + len(sr)
		}
	}
	return p, out
}

// extractedSpans are the conventions and institutions Extract finds.
func extractedSpans(ex *PageExtraction) []evalSpan {
	var out []evalSpan
	for i, para := range ex.Paragraphs {
		for _, m := range para.Mentions {
			// The gold is flat: names nested in a longer one are scored by
			// TestNestedNames.
			if m.Entity.EntityKind == graph.KindTheme || m.Method == graph.MethodNested {
				continue
			}
			out = append(out, evalSpan{para: i, entity: m.Entity.ID, kind: m.Entity.EntityKind, start: m.Start, end: m.End, surface: m.Surface})
		}
	}
	return out
}

// TestScoreSpans checks the scorer itself on a small case with known
// counts.
func TestScoreSpans(t *testing.T) {
	gold := []evalSpan{
		{para: 0, entity: "a", start: 0, end: 5},
		{para: 0, entity: "b", start: 10, end: 20},
		{para: 1, entity: "a", start: 0, end: 5},
		{para: 1, entity: "a", start: 8, end: 9},
	}
	got := []evalSpan{
		{para: 0, entity: "a", start: 0, end: 5},   // exact
		{para: 0, entity: "b", start: 12, end: 20}, // overlap only
		{para: 1, entity: "c", start: 0, end: 5},   // wrong entity
		{para: 2, entity: "a", start: 0, end: 5},   // wrong paragraph
	}
	for _, tc := range []struct {
		exact      bool
		tp, fp, fn int
		p, r, f    string
	}{
		{true, 1, 3, 3, "0.250", "0.250", "0.250"},
		{false, 2, 2, 2, "0.500", "0.500", "0.500"},
	} {
		s := score(gold, got, tc.exact)
		if s.tp != tc.tp || s.fp != tc.fp || s.fn != tc.fn {
			t.Errorf("exact=%v: tp/fp/fn = %d/%d/%d, want %d/%d/%d", tc.exact, s.tp, s.fp, s.fn, tc.tp, tc.fp, tc.fn)
		}
		if p, r, f := fmt.Sprintf("%.3f", s.precision()), fmt.Sprintf("%.3f", s.recall()), fmt.Sprintf("%.3f", s.f1()); p != tc.p || r != tc.r || f != tc.f {
			t.Errorf("exact=%v: P/R/F1 = %s/%s/%s, want %s/%s/%s", tc.exact, p, r, f, tc.p, tc.r, tc.f)
		}
	}
	if s := score(nil, nil, true); s.precision() != 1 || s.recall() != 1 {
		t.Errorf("nothing to find and nothing found: P/R = %v/%v, want 1/1", s.precision(), s.recall())
	}
}

// TestExtractionAgainstGold scores extraction on the seed against the hand
// annotation, per kind, for exact and for overlapping spans, and fails below
// precision 0.95 or recall 0.95 (exact spans) for conventions and
// institutions. Run with -v to see the table and every error.
func TestExtractionAgainstGold(t *testing.T) {
	c := testCatalog(t)
	p, gold := goldSpans(t, c)
	got := extractedSpans(c.Extract(p, nil))

	const minP, minR = 0.95, 0.95
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-12s %-8s %4s %4s %4s %4s %6s %6s %6s\n", "kind", "spans", "gold", "tp", "fp", "fn", "P", "R", "F1")
	var errs []string
	for _, k := range []graph.Kind{graph.KindConvention, graph.KindInstitution, ""} {
		g, x := gold, got
		name := "ALL"
		if k != "" {
			g, x, name = byKind(gold, k), byKind(got, k), string(k)
		}
		for _, exact := range []bool{true, false} {
			s := score(g, x, exact)
			mode := "overlap"
			if exact {
				mode = "exact"
			}
			fmt.Fprintf(&table, "%-12s %-8s %4d %4d %4d %4d %6.3f %6.3f %6.3f\n", name, mode, len(g), s.tp, s.fp, s.fn, s.precision(), s.recall(), s.f1())
			if exact && k != "" {
				for _, e := range s.fps {
					errs = append(errs, fmt.Sprintf("%s false positive: %v", name, e))
				}
				for _, e := range s.fns {
					errs = append(errs, fmt.Sprintf("%s missed: %v", name, e))
				}
				if s.precision() < minP || s.recall() < minR {
					t.Errorf("%s exact spans: precision %.3f, recall %.3f; want at least %.2f and %.2f", name, s.precision(), s.recall(), minP, minR)
				}
			}
		}
	}
	sort.Strings(errs)
	t.Log(table.String())
	for _, e := range errs {
		t.Log(e)
	}
}

package reader_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"summitgraph/graph/ingest/reader"
	"summitgraph/nlp"
	"summitgraph/seeds"
)

var catalogOnce = sync.OnceValues(func() (*nlp.Catalog, error) { return nlp.LoadCatalog(seeds.FS()) })

func catalog(tb testing.TB) *nlp.Catalog {
	tb.Helper()
	c, err := catalogOnce()
	if err != nil {
		tb.Fatalf("load the seed catalog: %v", err)
	}
	return c
}

// parsed is what the parser makes of a page, in a form to compare across
// formats: everything but the lines where things are.
type parsed struct {
	heading, language string
	mandates          []string
	warnings          []string
}

func parse(tb testing.TB, t *reader.Text) (parsed, *nlp.Page) {
	tb.Helper()
	p, err := nlp.Parse(t.File, t.Data, catalog(tb))
	if err != nil {
		tb.Fatalf("nlp.Parse(%s): %v", t.File, err)
	}
	out := parsed{heading: p.Heading, language: p.Language}
	for _, m := range p.Paragraphs {
		summit, doc := "(none)", ""
		if m.Cite.Summit != nil {
			summit, doc = m.Cite.Summit.ID, m.Cite.Title
		}
		out.mandates = append(out.mandates, fmt.Sprintf("number %q parent %d items %v heading %q\n  text %q\n  citation %q summit %s document %q year %d inherited %v truncated %v",
			m.Number, m.Parent, m.Items, m.Heading, strings.Join(strings.Fields(m.Text), " "), m.Citation, summit, doc, m.Cite.Year, m.Inherited, m.Truncated))
	}
	for _, w := range p.Warnings {
		// Lines differ between formats; what is said must not.
		out.warnings = append(out.warnings, w.Message)
	}
	return out, p
}

// TestSameAsText is the acceptance test of the readers: a page saved as
// HTML, and the PDF printed from it, give the parser the same mandates,
// items, numbers, texts (white space aside), citations, summits,
// documents, flags and warnings as the page's text.
func TestSameAsText(t *testing.T) {
	texts, err := filepath.Glob("testdata/text/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) < 3 {
		t.Fatalf("%d text fixtures; expected at least 3", len(texts))
	}
	for _, tp := range texts {
		base := strings.TrimSuffix(filepath.Base(tp), ".txt")
		t.Run(base, func(t *testing.T) {
			want, _ := parse(t, readText(t, filepath.Join("text", base+".txt")))
			if len(want.mandates) < 7 {
				t.Fatalf("the text version gives %d mandates; a fixture needs at least 7", len(want.mandates))
			}
			for _, alt := range []string{filepath.Join("html", base+".html"), filepath.Join("pdf", base+".pdf")} {
				rt := readText(t, alt)
				got, page := parse(t, rt)
				if got.heading != want.heading || got.language != want.language {
					t.Errorf("%s: heading %q, language %s; the text gives %q, %s", alt, got.heading, got.language, want.heading, want.language)
				}
				if len(got.mandates) != len(want.mandates) {
					t.Errorf("%s: %d mandates and items; the text gives %d", alt, len(got.mandates), len(want.mandates))
				}
				for i := range min(len(got.mandates), len(want.mandates)) {
					if got.mandates[i] != want.mandates[i] {
						t.Errorf("%s: paragraph [%d]:\n got %s\nwant %s", alt, i, got.mandates[i], want.mandates[i])
					}
				}
				if strings.Join(got.warnings, "\n") != strings.Join(want.warnings, "\n") {
					t.Errorf("%s: warnings\n%s\nthe text gives\n%s", alt, strings.Join(got.warnings, "\n"), strings.Join(want.warnings, "\n"))
				}
				if rt.Format == reader.PDF {
					checkPages(t, rt, page)
				}
			}
		})
	}
}

// checkPages checks that every paragraph of a PDF has a page, in order,
// from the first page to the last.
func checkPages(t *testing.T, rt *reader.Text, p *nlp.Page) {
	t.Helper()
	last := 0
	for i, m := range p.Paragraphs {
		pg := rt.Page(m.Line)
		if pg < 1 || pg > len(rt.Pages) || pg < last {
			t.Errorf("%s: paragraph [%d] (line %d) on page %d, after one on page %d of %d", rt.File, i, m.Line, pg, last, len(rt.Pages))
		}
		last = pg
	}
	if len(p.Paragraphs) > 0 && last != len(rt.Pages) {
		t.Errorf("%s: the last paragraph is on page %d of %d", rt.File, last, len(rt.Pages))
	}
}

package nlp_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"summitgraph/nlp"
)

const (
	documentsDir   = "testdata/documents"
	docGoldenDir   = "testdata/golden/documents"
	docSamplesPart = "documents" // under samplesDir
)

// renderDocument is the golden form of a parsed summit document: the
// document, its clues, preamble and notes, the warnings, and every
// paragraph's number, place, headings, flags and first words.
func renderDocument(c *nlp.Catalog, p *nlp.Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# golden parse of %s; regenerate: go test ./nlp -run Golden -update\n", p.File)
	fmt.Fprintf(&b, "file: %s\nlanguage: %s\nheading: %q\n", p.File, p.Language, p.Heading)
	d := p.Document
	if d == nil {
		b.WriteString("document: none (a compilation page)\n")
	} else {
		fmt.Fprintf(&b, "document:\n  title: %q\n  kind: %s\n", d.Title, d.Kind)
		if d.Summit != nil {
			fmt.Fprintf(&b, "  summit: %s\n  id: %s\n", d.Summit.ID, c.DocumentIDIn(d.Summit, d.Title, p.Language))
		} else {
			fmt.Fprintf(&b, "  summit: (unattributed)\n  problem: %s\n", d.Problem)
		}
		fmt.Fprintf(&b, "  year: %d\n  line: %d\n  title block: %d lines\n  clues:\n", d.Year, d.Line, len(d.TitleBlock))
		for _, cl := range d.Clues {
			var ids []string
			for _, s := range cl.Summits {
				ids = append(ids, strings.TrimPrefix(s.ID, "summit/"))
			}
			allows := "any summit"
			if cl.Summits != nil {
				allows = "[" + strings.Join(ids, " ") + "]"
			}
			fmt.Fprintf(&b, "    line %d %s %q: %s\n", cl.Line, cl.Kind, cl.Text, allows)
		}
		blocks := func(what string, ts []nlp.TextBlock) {
			fmt.Fprintf(&b, "  %s: %d\n", what, len(ts))
			for _, t := range ts {
				fmt.Fprintf(&b, "    line %d", t.Line)
				if t.Section != "" {
					fmt.Fprintf(&b, " section %q", t.Section)
				}
				if t.Heading != "" {
					fmt.Fprintf(&b, " heading %q", t.Heading)
				}
				fmt.Fprintf(&b, ": %s\n", firstWords(t.Text))
			}
		}
		blocks("preamble", d.Preamble)
		blocks("notes", d.Notes)
	}
	fmt.Fprintf(&b, "warnings: %d\n", len(p.Warnings))
	for _, w := range p.Warnings {
		fmt.Fprintf(&b, "  %s\n", w)
	}
	fmt.Fprintf(&b, "paragraphs: %d\n", len(p.Paragraphs))
	for i, m := range p.Paragraphs {
		what := "paragraph"
		if m.Parent >= 0 {
			what = fmt.Sprintf("item of [%d]", m.Parent)
		}
		fmt.Fprintf(&b, "\n[%d] %s, number %q, line %d, language %s\n", i, what, m.Number, m.Line, m.Language)
		if m.Section != "" {
			fmt.Fprintf(&b, "  section: %q\n", m.Section)
		}
		if m.Heading != "" {
			fmt.Fprintf(&b, "  heading: %q\n", m.Heading)
		}
		if m.Citation != "" {
			fmt.Fprintf(&b, "  citation: %q\n", m.Citation)
		}
		var flags []string
		if m.Unnumbered {
			flags = append(flags, "unnumbered")
		}
		if m.Truncated {
			flags = append(flags, "truncated")
		}
		if m.Cite.Summit == nil {
			flags = append(flags, "unattributed")
		}
		if len(flags) > 0 {
			fmt.Fprintf(&b, "  flags: %s\n", strings.Join(flags, ", "))
		}
		fmt.Fprintf(&b, "  text: %s\n", firstWords(m.Text))
	}
	return b.String()
}

// firstWords is the first dozen words of a text, quoted, and its length.
func firstWords(s string) string {
	f := strings.Fields(s)
	short := strings.Join(f[:min(len(f), 12)], " ")
	if len(f) > 12 {
		short += " …"
	}
	return fmt.Sprintf("%q (%d runes, %d lines)", short, utf8.RuneCountInString(s), strings.Count(s, "\n")+1)
}

// TestDump prints the parse of the file SUMMITGRAPH_DUMP names.
func TestDump(t *testing.T) {
	path := os.Getenv("SUMMITGRAPH_DUMP")
	if path == "" {
		t.Skip("SUMMITGRAPH_DUMP names no file")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := parse(t, pageInput{filepath.Base(path), data})
	t.Log("\n" + renderDocument(seedCatalog(t), p))
}

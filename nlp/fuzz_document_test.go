package nlp_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitgraph/nlp"
)

// FuzzParseDocument: whatever the bytes, a summit document's parse is
// consistent. Every paragraph is attributed to the document's summit or,
// when its title block names none, to none, with a warning at the title
// block; every paragraph has a number, printed or given by place; the
// text of paragraphs, preamble and notes is the file's, line for line;
// and the batch builds, one mandate a paragraph. Its corpus is
// testdata/fuzz/FuzzParseDocument and the document fixtures.
func FuzzParseDocument(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join(documentsDir, "*.txt"))
	for _, n := range names {
		if data, err := os.ReadFile(n); err == nil {
			f.Add(data)
		}
	}
	c := seedCatalog(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := checkParse(t, data, c)
		if p == nil {
			return
		}
		if d := p.Document; d != nil {
			checkDocument(t, data, p)
		}
		// Extraction has its own fuzz target (FuzzExtract): the batch is
		// built here without it, to fuzz parsing fast.
		b := c.Build(p, &nlp.PageExtraction{Paragraphs: make([]nlp.Extraction, len(p.Paragraphs))}, "fuzz")
		if len(b.Mandates) != len(p.Paragraphs) {
			t.Fatalf("%d mandates of %d paragraphs", len(b.Mandates), len(p.Paragraphs))
		}
		for i, m := range b.Mandates {
			if m.ID == "" || m.Language != p.Paragraphs[i].Language {
				t.Fatalf("mandate %d: id %q, language %q", i, m.ID, m.Language)
			}
		}
	})
}

func checkDocument(t *testing.T, data []byte, p *nlp.Page) {
	t.Helper()
	d := p.Document
	nLines := 1 + bytes.Count(data, []byte("\n"))
	// The file's lines as the parser reads them: without the carriage
	// returns that end them.
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r")
	}
	text := strings.Join(lines, "\n")
	if d.Line < 1 || d.Line > nLines || len(d.TitleBlock) == 0 {
		t.Fatalf("title block at line %d, %d lines", d.Line, len(d.TitleBlock))
	}
	if d.Summit == nil {
		found := false
		for _, w := range p.Warnings {
			found = found || w.Line == d.Line && strings.Contains(w.Message, "kept without a summit")
		}
		if !found {
			t.Fatalf("no summit and no warning at line %d: %v", d.Line, p.Warnings)
		}
	}
	// Text is kept exactly: every line of it is in the file.
	inFile := func(what, s string) {
		for _, l := range strings.Split(s, "\n") {
			if l != "" && !strings.Contains(text, l) {
				t.Fatalf("%s: %q is not in the file", what, l)
			}
		}
	}
	for i, m := range p.Paragraphs {
		if m.Cite.Summit != d.Summit || m.Citation != "" {
			t.Fatalf("paragraph %d: attributed to %v (citation %q), the document to %v", i, m.Cite.Summit, m.Citation, d.Summit)
		}
		if m.Number == "" {
			t.Fatalf("paragraph %d (line %d): no number", i, m.Line)
		}
		inFile("paragraph", m.Text)
	}
	for _, bs := range [][]nlp.TextBlock{d.Preamble, d.Notes, d.TitleBlock} {
		for _, tb := range bs {
			if tb.Line < 1 || tb.Line > nLines {
				t.Fatalf("text at line %d outside 1..%d", tb.Line, nLines)
			}
			inFile("text", tb.Text)
		}
	}
}

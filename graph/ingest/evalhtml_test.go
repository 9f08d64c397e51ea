package ingest_test

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
)

// asHTML is a text document as a web page would carry it: each block of
// lines a <div>, its lines ended by <br>, entities escaped, with a script,
// a style and a navigation menu around it.
func asHTML(title, text string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title><style>div{margin:1em}</style><script>var x = \"1. not a mandate\";</script></head><body>\n<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/m\">Mandates</a></li></ul></nav>\n<main>\n", html.EscapeString(title))
	for _, block := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if strings.TrimSpace(block) == "" {
			continue
		}
		b.WriteString("<div>")
		for i, line := range strings.Split(block, "\n") {
			if i > 0 {
				b.WriteString("<br>\n")
			}
			b.WriteString(html.EscapeString(line))
		}
		b.WriteString("</div>\n")
	}
	b.WriteString("</main>\n<footer>© Summits of the Americas</footer></body></html>\n")
	return b.String()
}

// TestEvalDocumentsAsHTML: every document of nlp's evaluation set,
// ingested as text and as the web page asHTML makes of it, gives the same
// mandates: the same nodes (the ids hash document, number and text), each
// with a text and an HTML source.
func TestEvalDocumentsAsHTML(t *testing.T) {
	files, err := filepath.Glob("../../nlp/testdata/eval/documents/*.txt")
	if err != nil || len(files) < 20 {
		t.Fatalf("%d evaluation documents (%v)", len(files), err)
	}
	var srcs []ingest.Source
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		page := asHTML(base, string(data))
		if dir := os.Getenv("SUMMITGRAPH_WRITE_EVAL_HTML"); dir != "" {
			// testdata/evalpdf/make.sh prints these pages to PDF.
			if err := os.WriteFile(filepath.Join(dir, base+".html"), []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		a, _ := ingest.Text(base+".txt", data)
		h, _ := ingest.Text(base+".html", []byte(page))
		srcs = append(srcs, a, h)
	}
	st := ingestSources(t, srcs, 0)
	var bad []string
	for _, m := range allMandates(t, st) {
		formats := map[string]bool{}
		for _, s := range m.Sources {
			formats[s.SourceFormat()] = true
		}
		if !formats[graph.FormatText] || !formats[graph.FormatHTML] {
			bad = append(bad, fmt.Sprintf("%s %q: sources %v", m.Source().File, m.Label(), formats))
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
	t.Logf("%d documents give the same mandates as text and as HTML", len(files))
}

package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/ingest/reader"
	"summitgraph/nlp"
)

// evalPDFDir holds the evaluation documents printed to PDF from the web
// pages asHTML makes of them (made once by make.sh there, committed).
const evalPDFDir = "testdata/evalpdf"

// TestEvalDocumentsAsPDF: every document of nlp's evaluation set,
// ingested as text and as its PDF, gives the same mandates (the same
// nodes: document, summit, number and text), each with a text source and
// a PDF source that records its page; and paragraph by paragraph the
// same numbers, attributions, citations and entities.
func TestEvalDocumentsAsPDF(t *testing.T) {
	files, err := filepath.Glob("../../nlp/testdata/eval/documents/*.txt")
	if err != nil || len(files) < 20 {
		t.Fatalf("%d evaluation documents (%v)", len(files), err)
	}
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	var srcs []ingest.Source
	pages := 0
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := os.ReadFile(filepath.Join(evalPDFDir, base+".pdf"))
		if err != nil {
			t.Fatalf("%v (remake the PDFs with %s/make.sh)", err, evalPDFDir)
		}
		a, _ := ingest.Text(base+".txt", text)
		p, _ := ingest.Text(base+".pdf", pdf)
		srcs = append(srcs, a, p)
		want := parseExtract(t, cat, base+".txt", text)
		got := parseExtract(t, cat, base+".pdf", pdf)
		pages += len(got.page.Pages)
		for _, s := range compareParagraphs(want, got) {
			t.Errorf("%s.pdf: %s", base, s)
		}
	}
	st := ingestSources(t, srcs, 0)
	var bad []string
	for _, m := range allMandates(t, st) {
		formats := map[string]bool{}
		for _, s := range m.Sources {
			formats[s.SourceFormat()] = true
			if s.SourceFormat() == graph.FormatPDF && s.Page < 1 {
				bad = append(bad, fmt.Sprintf("%s %q: no page in its PDF source", s.File, m.Label()))
			}
		}
		if !formats[graph.FormatText] || !formats[graph.FormatPDF] {
			bad = append(bad, fmt.Sprintf("%s %q: sources %v", m.Source().File, m.Label(), formats))
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
	t.Logf("%d documents (%d PDF pages) give the same mandates, numbers, attributions, citations and entities as text and as PDF", len(files), pages)
}

type parsed struct {
	page *nlp.Page
	ex   *nlp.PageExtraction
}

// parseExtract reads, parses and extracts a file as ingest does.
func parseExtract(t *testing.T, cat *nlp.Catalog, name string, data []byte) parsed {
	t.Helper()
	tx, err := reader.Read(context.Background(), name, data)
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.Parse(name, tx.Data, cat)
	if err != nil {
		t.Fatal(err)
	}
	p.Format, p.Pages = tx.Format.String(), tx.Pages
	return parsed{p, cat.Extract(p, nil)}
}

// compareParagraphs lists how got's paragraphs differ from want's: number,
// lost number, text (white space aside), attribution, citation, entities.
func compareParagraphs(want, got parsed) []string {
	var out []string
	if (want.page.Document == nil) != (got.page.Document == nil) {
		return []string{"read as a document in one format only"}
	}
	if d, e := got.page.Document, want.page.Document; d != nil && (d.Title != e.Title || d.Kind != e.Kind || summitID(d.Summit) != summitID(e.Summit)) {
		out = append(out, fmt.Sprintf("document %q %s %s, want %q %s %s", d.Title, d.Kind, summitID(d.Summit), e.Title, e.Kind, summitID(e.Summit)))
	}
	if got.page.Language != want.page.Language {
		out = append(out, fmt.Sprintf("language %s, want %s", got.page.Language, want.page.Language))
	}
	if len(got.page.Paragraphs) != len(want.page.Paragraphs) {
		out = append(out, fmt.Sprintf("%d paragraphs, want %d", len(got.page.Paragraphs), len(want.page.Paragraphs)))
	}
	for i := 0; i < len(got.page.Paragraphs) && i < len(want.page.Paragraphs); i++ {
		g, w := got.page.Paragraphs[i], want.page.Paragraphs[i]
		switch {
		case g.Number != w.Number || g.Unnumbered != w.Unnumbered:
			out = append(out, fmt.Sprintf("paragraph %d numbered %q (lost %v), want %q (lost %v)", i, g.Number, g.Unnumbered, w.Number, w.Unnumbered))
		case strings.Join(strings.Fields(g.Text), " ") != strings.Join(strings.Fields(w.Text), " "):
			out = append(out, fmt.Sprintf("paragraph %s: text %q, want %q", g.Number, g.Text, w.Text))
		case summitID(g.Cite.Summit) != summitID(w.Cite.Summit) || g.Cite.Title != w.Cite.Title || g.Citation != w.Citation:
			out = append(out, fmt.Sprintf("paragraph %s: cites %q %s, want %q %s", g.Number, g.Cite.Title, summitID(g.Cite.Summit), w.Cite.Title, summitID(w.Cite.Summit)))
		}
		if ge, we := entities(got.ex.Paragraphs[i]), entities(want.ex.Paragraphs[i]); ge != we {
			out = append(out, fmt.Sprintf("paragraph %s: entities %s, want %s", g.Number, ge, we))
		}
	}
	return out
}

func summitID(s *graph.Summit) string {
	if s == nil {
		return "(none)"
	}
	return s.ID
}

// entities are the ids of the entities an extraction finds, sorted.
func entities(ex nlp.Extraction) string {
	set := map[string]bool{}
	for _, f := range ex.Mentions {
		set[f.Entity.ID] = true
	}
	var ids []string
	for id := range set {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return strings.Join(ids, " ")
}

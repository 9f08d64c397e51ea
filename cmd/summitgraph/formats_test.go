package main

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitgraph/graph"
)

// readerFixture is a file of graph/ingest/reader's fixtures.
func readerFixture(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "graph", "ingest", "reader", "testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestIngestFormats: `summitgraph ingest` of a folder holding a page as
// text, as HTML and as PDF, a Windows-1252 copy, and a scanned, an
// encrypted and a damaged PDF: the readable files go in (the three
// formats of the page giving the same mandates, the Windows-1252 copy with
// a warning naming its encoding and line), each unreadable one is refused
// with its reason and its name, and the exit status is 1.
func TestIngestFormats(t *testing.T) {
	dir := t.TempDir()
	put := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"text/plano-de-acao-pt.txt", "html/plano-de-acao-pt.html", "pdf/plano-de-acao-pt.pdf", "pdf/scanned.pdf", "pdf/encrypted.pdf", "pdf/damaged.pdf"} {
		put(filepath.Base(f), readerFixture(t, f))
	}
	put("latin1.txt", []byte("  1. Promote citizen participation. (Plan of Action Santiago, 1998).\n  2. Promoci\xf3n de la participaci\xf3n ciudadana. (Plan de Acci\xf3n de Santiago, 1998).\n"))
	put("notes.md", []byte("not a format of a folder"))
	store := t.TempDir()
	code, out, errs := run(t, "--store", store, "ingest", dir)
	if code != 1 {
		t.Fatalf("exit %d; want 1 (three files refused)\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{
		"FAILED scanned.pdf: no text layer (a scanned PDF?)",
		"FAILED encrypted.pdf: encrypted PDF: it needs a password",
		"FAILED damaged.pdf: damaged PDF",
		"3 of 7 files failed and were not written",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if strings.Contains(out+errs, "notes.md") {
		t.Errorf("notes.md was read: a folder gives *.txt, *.html, *.htm and *.pdf only")
	}
	if !strings.Contains(out, "warning: latin1.txt:2: not UTF-8: read as ISO-8859-1") {
		t.Errorf("no warning naming the encoding and the line:\n%s", out)
	}
	for _, f := range []string{"plano-de-acao-pt.txt", "plano-de-acao-pt.html", "plano-de-acao-pt.pdf"} {
		if !strings.Contains(out, f+": 7 mandates, 2 items") {
			t.Errorf("%s: not 7 mandates and 2 items:\n%s", f, out)
		}
	}
	// Each mandate is one node with its three sources.
	code, out, errs = run(t, "--store", store, "query", `{ mandates(filter: {summit: "summit/2001-quebec-city"}, first: 100) { edges { node { number sources { file format page line } } } } }`)
	if code != 0 {
		t.Fatal(errs)
	}
	var res struct {
		Data struct {
			Mandates struct {
				Edges []struct {
					Node struct {
						Number  string
						Sources []struct {
							File, Format string
							Page         *int
							Line         int
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Data.Mandates.Edges) != 9 {
		t.Fatalf("%d mandates and items of Québec; want 9: %s", len(res.Data.Mandates.Edges), out)
	}
	for _, e := range res.Data.Mandates.Edges {
		got := map[string]string{}
		for _, s := range e.Node.Sources {
			page := "-"
			if s.Page != nil {
				page = "p"
			}
			got[s.File] = s.Format + page
		}
		want := map[string]string{"plano-de-acao-pt.html": "html-", "plano-de-acao-pt.pdf": "pdfp", "plano-de-acao-pt.txt": "text-"}
		if len(got) != 3 || got["plano-de-acao-pt.html"] != want["plano-de-acao-pt.html"] || got["plano-de-acao-pt.pdf"] != want["plano-de-acao-pt.pdf"] || got["plano-de-acao-pt.txt"] != want["plano-de-acao-pt.txt"] {
			t.Errorf("mandate %s: sources %v; want %v", e.Node.Number, got, want)
		}
	}
}

// TestIngestDocumentFormats: the ingestDocument mutation takes a PDF as
// base64 data (its report says pdf, its mandates give their page), refuses
// an encrypted one naming it and why, leaving the store as it was, and
// refuses data that is not base64 and text and data sent together.
func TestIngestDocumentFormats(t *testing.T) {
	s := startServer(t, t.TempDir(), "--token", "alice="+testSecret)
	const m = `mutation($n: String!, $t: String, $d: String) { ingestDocument(name: $n, text: $t, data: $d) { file format mandates items warnings { line page message } } }`
	stats := func() string {
		r := s.gql(t, "", `{ stats { mandates documents files } }`, nil)
		return string(r.Data["stats"])
	}
	before := stats()
	r := s.gql(t, testSecret, m, map[string]any{"n": "encrypted.pdf", "d": base64.StdEncoding.EncodeToString(readerFixture(t, "pdf/encrypted.pdf"))})
	if r.code() != graph.EINVALID || len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "encrypted.pdf: encrypted PDF") {
		t.Errorf("encrypted PDF: %+v; want INVALID naming the file and saying it is encrypted", r.Errors)
	}
	for name, vars := range map[string]map[string]any{
		"not base64": {"n": "x.pdf", "d": "%PDF-1.7 not base64!"},
		"both":       {"n": "x.txt", "t": "  1. Text.", "d": "IDEuIFRleHQu"},
		"neither":    {"n": "x.txt"},
	} {
		if r := s.gql(t, testSecret, m, vars); r.code() != graph.EINVALID {
			t.Errorf("%s: %+v; want INVALID", name, r.Errors)
		}
	}
	if after := stats(); after != before {
		t.Errorf("refused files changed the store: stats %s, before %s", after, before)
	}
	r = s.gql(t, testSecret, m, map[string]any{"n": "plan.pdf", "d": base64.StdEncoding.EncodeToString(readerFixture(t, "pdf/plano-de-acao-pt.pdf"))})
	if len(r.Errors) > 0 {
		t.Fatalf("PDF: %+v", r.Errors)
	}
	var rep struct {
		File, Format    string
		Mandates, Items int
	}
	json.Unmarshal(r.Data["ingestDocument"], &rep)
	if rep.Format != "pdf" || rep.Mandates != 7 || rep.Items != 2 {
		t.Errorf("report %+v; want pdf, 7 mandates, 2 items", rep)
	}
	r = s.gql(t, "", `{ mandates(filter: {summit: "summit/2001-quebec-city"}, first: 20) { edges { node { source { file format page line } } } } }`, nil)
	var res struct {
		Edges []struct {
			Node struct {
				Source struct {
					File, Format string
					Page         *int
				}
			}
		}
	}
	json.Unmarshal(r.Data["mandates"], &res)
	n := 0
	for _, e := range res.Edges {
		src := e.Node.Source
		if src.File != "plan.pdf" {
			continue // the seeds' mandates of Québec
		}
		n++
		if src.Format != "pdf" || src.Page == nil || *src.Page != 1 {
			t.Errorf("source %+v; want plan.pdf, pdf, page 1", src)
		}
	}
	if n != 9 {
		t.Errorf("%d mandates from plan.pdf; want 9: %s", n, r.Data["mandates"])
	}
}

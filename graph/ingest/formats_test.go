package ingest_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
)

// fixtures is the readers' fixtures folder.
const fixtures = "reader/testdata"

// copyFixtures copies reader fixtures (paths under reader/testdata) into a
// new folder and returns it.
func copyFixtures(t *testing.T, paths ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range paths {
		data, err := os.ReadFile(filepath.Join(fixtures, p))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// allMandates lists every mandate of the store by id.
func allMandates(t *testing.T, st *store.Store) map[string]*graph.Mandate {
	t.Helper()
	out := map[string]*graph.Mandate{}
	after := ""
	for {
		pg, err := st.Mandates(bg, graph.MandateFilter{}, 500, after)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range pg.Mandates {
			out[m.ID] = m
		}
		if !pg.HasNextPage {
			return out
		}
		after = pg.Cursors[len(pg.Cursors)-1]
	}
}

// TestFormatsOneMandate: the same page as text, as a saved web page and as
// the PDF printed from it, ingested from one folder, gives the same
// mandates: each of the text's mandates is one node whose sources are the
// three files, each recording its format, the PDF's with its page; and no
// mandate comes from the HTML or the PDF alone.
func TestFormatsOneMandate(t *testing.T) {
	bases := []string{"mandates-transparency", "mandatos-medio-ambiente", "declaration-sommet-fr", "plano-de-acao-pt"}
	var paths []string
	for _, b := range bases {
		paths = append(paths, "text/"+b+".txt", "html/"+b+".html", "pdf/"+b+".pdf")
	}
	dir := copyFixtures(t, paths...)
	srcs, err := ingest.Paths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != len(paths) {
		t.Fatalf("the folder gives %d sources, want %d (*.txt, *.html, *.pdf)", len(srcs), len(paths))
	}
	in, st := newIngester(t, ingest.Options{})
	for _, r := range in.Ingest(bg, srcs, nil) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Name, r.Err)
		}
		if r.Report.Mandates == 0 {
			t.Errorf("%s: no mandates", r.Name)
		}
	}
	ms := allMandates(t, st)
	perBase := map[string]int{}
	for _, m := range ms {
		formats := map[string]graph.Source{}
		for _, s := range m.Sources {
			formats[s.SourceFormat()] = s
		}
		txt, ok := formats[graph.FormatText]
		if !ok {
			t.Errorf("mandate %s %q has no text source: sources %+v", m.ID, m.Label(), m.Sources)
			continue
		}
		base := strings.TrimSuffix(txt.File, ".txt")
		perBase[base]++
		h, hok := formats[graph.FormatHTML]
		p, pok := formats[graph.FormatPDF]
		if !hok || !pok || len(m.Sources) != 3 {
			t.Errorf("%s: mandate %q has sources %+v; want the .txt, .html and .pdf", base, m.Label(), m.Sources)
			continue
		}
		if h.File != base+".html" || p.File != base+".pdf" {
			t.Errorf("%s: sources %+v", base, m.Sources)
		}
		if p.Page < 1 || h.Page != 0 || txt.Page != 0 {
			t.Errorf("%s: mandate %q: pages text %d, html %d, pdf %d; want only the PDF's", base, m.Label(), txt.Page, h.Page, p.Page)
		}
	}
	for _, b := range bases {
		if perBase[b] < 7 {
			t.Errorf("%s: %d mandates in all three formats", b, perBase[b])
		}
	}
	// Pages count up through a PDF.
	pdfPages := map[string][]graph.Source{}
	for _, m := range ms {
		for _, s := range m.Sources {
			if s.Format == graph.FormatPDF {
				pdfPages[s.File] = append(pdfPages[s.File], s)
			}
		}
	}
	for f, ss := range pdfPages {
		sort.Slice(ss, func(i, j int) bool { return ss[i].Seq < ss[j].Seq })
		for i := 1; i < len(ss); i++ {
			if ss[i].Page < ss[i-1].Page || ss[i].Line <= ss[i-1].Line {
				t.Errorf("%s: paragraph %d on page %d line %d after page %d line %d", f, ss[i].Seq, ss[i].Page, ss[i].Line, ss[i-1].Page, ss[i-1].Line)
			}
		}
	}
	if ss := pdfPages["mandatos-medio-ambiente.pdf"]; len(ss) == 0 || ss[len(ss)-1].Page < 2 {
		t.Errorf("mandatos-medio-ambiente.pdf has two pages; its last mandate is on page %v", ss)
	}
}

// TestFormatsRefused: a scanned PDF, an encrypted one, a damaged one and a
// damaged web page in a folder with a good file: each fails with a message
// that names it and says why, nothing of them is written, and the good file
// goes in as if alone.
func TestFormatsRefused(t *testing.T) {
	bad := map[string]string{
		"scanned.pdf":   "no text layer",
		"encrypted.pdf": "password",
		"damaged.pdf":   "damaged",
		"damaged.html":  "binary data",
	}
	paths := []string{"text/plano-de-acao-pt.txt"}
	for f := range bad {
		paths = append(paths, filepath.Join(strings.TrimPrefix(filepath.Ext(f), "."), f))
	}
	dir := copyFixtures(t, paths...)
	srcs, err := ingest.Paths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	in, st := newIngester(t, ingest.Options{})
	for _, r := range in.Ingest(bg, srcs, nil) {
		want, refused := bad[r.Name]
		switch {
		case !refused && r.Err != nil:
			t.Errorf("%s: %v", r.Name, r.Err)
		case !refused:
		case r.Err == nil:
			t.Errorf("%s: ingested (%d mandates); want it refused", r.Name, r.Report.Mandates)
		case graph.ErrorCode(r.Err) != graph.EINVALID:
			t.Errorf("%s: code %s (%v), want INVALID", r.Name, graph.ErrorCode(r.Err), r.Err)
		case !strings.HasPrefix(r.Err.Error(), r.Name) || !strings.Contains(strings.ToLower(r.Err.Error()), want):
			t.Errorf("%s: %q; want a message naming the file and saying %q", r.Name, r.Err, want)
		}
	}
	alone, st2 := newIngester(t, ingest.Options{})
	good, _ := ingest.Paths([]string{filepath.Join(dir, "plano-de-acao-pt.txt")})
	if r := alone.Ingest(bg, good, nil)[0]; r.Err != nil {
		t.Fatal(r.Err)
	}
	if dump(t, st) != dump(t, st2) {
		t.Error("the refused files changed the store: it differs from the good file ingested alone")
	}
}

// TestFormatsWindows1252: a text file saved by an old Windows tool goes in
// with a warning naming the encoding and the line, and its accents as the
// author wrote them.
func TestFormatsWindows1252(t *testing.T) {
	utf8, err := os.ReadFile(filepath.Join(fixtures, "text/mandatos-medio-ambiente.txt"))
	if err != nil {
		t.Fatal(err)
	}
	cp, err := charmap.Windows1252.NewEncoder().Bytes(utf8)
	if err != nil {
		t.Fatal(err)
	}
	in, st := newIngester(t, ingest.Options{})
	a, _ := ingest.Text("mandatos-1252.txt", cp)
	b, _ := ingest.Text("mandatos-utf8.txt", utf8)
	rs := in.Ingest(bg, []ingest.Source{a, b}, nil)
	if rs[0].Err != nil || rs[1].Err != nil {
		t.Fatal(rs[0].Err, rs[1].Err)
	}
	var warned bool
	for _, w := range rs[0].Report.Warnings {
		if strings.Contains(w.Message, "Windows-1252") && w.Line > 0 && w.File == "mandatos-1252.txt" {
			warned = true
		}
	}
	if !warned {
		t.Errorf("warnings %v: none names Windows-1252 with a line", rs[0].Report.Warnings)
	}
	if rs[0].Report.Mandates != rs[1].Report.Mandates {
		t.Errorf("%d mandates from Windows-1252, %d from UTF-8", rs[0].Report.Mandates, rs[1].Report.Mandates)
	}
	for _, m := range allMandates(t, st) {
		if len(m.Sources) != 2 {
			t.Errorf("mandate %q has sources %+v; want both files (the same text)", m.Label(), m.Sources)
		}
	}
}

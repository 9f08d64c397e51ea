package ingest_test

import (
	"os"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
)

// TestRemoveDocumentFile: removing a summit document's own file (an empty
// version of it, as a replaced file is written) takes its paragraphs
// away; the document stays while compilation mandates cite it, as their
// citation's target, with the title they name it by and no longer the
// preamble of the file that is gone; a document nobody cites goes with
// its file.
func TestRemoveDocumentFile(t *testing.T) {
	read := func(p string) []byte {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	page, _ := ingest.Text("mandates-transparency.txt", read("reader/testdata/text/mandates-transparency.txt"))
	lima, _ := ingest.Text("lima_2018_commitment_en.txt", read("../../nlp/testdata/eval/documents/lima_2018_commitment_en.txt"))
	miami, _ := ingest.Text("miami_1994_plan_of_action_en.txt", read("../../nlp/testdata/eval/documents/miami_1994_plan_of_action_en.txt"))
	in, st := newIngester(t, ingest.Options{})
	for _, r := range in.Ingest(bg, []ingest.Source{page, lima, miami}, nil) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Name, r.Err)
		}
	}
	// The documents each file gives, and who cites Lima's.
	own := map[string]string{} // file → its document
	cited := map[string]bool{}
	for _, m := range allMandates(t, st) {
		if m.Document == "" {
			continue
		}
		switch f := m.Source().File; f {
		case page.Name:
			cited[m.Document] = true
		default:
			own[f] = m.Document
		}
	}
	limaDoc, miamiDoc := own[lima.Name], own[miami.Name]
	if limaDoc == "" || miamiDoc == "" || !cited[limaDoc] || cited[miamiDoc] {
		t.Fatalf("want Lima's document cited by the page and Miami's not: own %v, cited %v", own, cited)
	}
	before := node(t, st, limaDoc)
	if !before.Read || before.Preamble == "" {
		t.Fatalf("Lima's document as read from its file: %+v", before)
	}
	for _, f := range []string{lima.Name, miami.Name} {
		if _, err := st.Apply(bg, &graph.Batch{File: f, Hash: "removed"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range allMandates(t, st) {
		if f := m.Source().File; f == lima.Name || f == miami.Name {
			t.Errorf("%s: mandate %q left after its file was removed", f, m.Label())
		}
	}
	after := node(t, st, limaDoc)
	if after == nil {
		t.Fatalf("%s, cited by the page, is gone with its file", limaDoc)
	}
	if after.Read || after.Preamble != "" || after.Summit != before.Summit || after.Title == "" {
		t.Errorf("%s after its file was removed: %+v; want the cited document (same summit, a title, no preamble, not read)", limaDoc, after)
	}
	ms, err := st.Mandates(bg, graph.MandateFilter{Document: limaDoc}, 100, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms.Mandates {
		if m.Source().File != page.Name {
			t.Errorf("%s still lists %q from %s", limaDoc, m.Label(), m.Source().File)
		}
	}
	if len(ms.Mandates) == 0 {
		t.Errorf("%s lists none of the page's mandates that cite it", limaDoc)
	}
	if d := node(t, st, miamiDoc); d != nil {
		t.Errorf("%s, cited by nobody, outlived its file: %+v", miamiDoc, d)
	}
}

// node is the document of that id in the store; nil when there is none.
func node(t *testing.T, st *store.Store, id string) *graph.Document {
	t.Helper()
	n, err := st.Node(bg, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	d, ok := n.(*graph.Document)
	if !ok {
		t.Fatalf("%s is a %T", id, n)
	}
	return d
}

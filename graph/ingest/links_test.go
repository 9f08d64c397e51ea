package ingest_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/export"
	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
)

// ingestSources ingests sources into a new store holding the catalog.
func ingestSources(t *testing.T, srcs []ingest.Source, workers int) *store.Store {
	t.Helper()
	return ingestWith(t, srcs, ingest.Options{Workers: workers})
}

// ingestWith ingests sources into a new store holding the catalog.
func ingestWith(t *testing.T, srcs []ingest.Source, o ingest.Options) *store.Store {
	t.Helper()
	in, st := newIngester(t, o)
	for _, r := range in.Ingest(bg, srcs, nil) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Name, r.Err)
		}
	}
	return st
}

func exportAll(t *testing.T, st *store.Store, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := export.Write(context.Background(), &b, st, format, export.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// determinismSources are the seeds and the evaluation set.
func determinismSources(t *testing.T) []ingest.Source {
	t.Helper()
	srcs, err := ingest.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	eval, err := ingest.Paths(evalFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	return append(srcs, eval...)
}

// TestIngestDeterministic ingests the seeds and the evaluation set in two
// orders with one and four workers, partners chosen after each file and
// once after the last (Options.DeferLinks, as an ingest of many files
// does): the exports are the same bytes. (The set's pages share mandates
// with its documents and the seeds: the same document, number and text is
// one node, whichever file came first.)
func TestIngestDeterministic(t *testing.T) {
	srcs := determinismSources(t)
	rev := slices.Clone(srcs)
	slices.Reverse(rev)
	// Documents last, pages first, then the reverse: links found from
	// either side.
	a := ingestSources(t, srcs, 1)
	b := ingestWith(t, rev, ingest.Options{Workers: 4, DeferLinks: true})
	sameExports(t, a, b)
	n := 0
	err := a.EachEdge(context.Background(), func(e graph.Edge) error {
		if graph.IsLink(e.Type) {
			n++
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d links (%v): the test compares stores without links", n, err)
	}
}

// TestDeferredLinksInterrupted leaves a deferred ingest's partners
// unchosen, as a kill before its end does: the store, opened again, chooses
// them at its next write, and its exports are those of a store whose
// partners were chosen as files came.
func TestDeferredLinksInterrupted(t *testing.T) {
	srcs := determinismSources(t)
	a := ingestSources(t, srcs, 2)
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.LoadCatalog(bg, cat.Graph()); err != nil {
		t.Fatal(err)
	}
	ing := func(st *store.Store) {
		t.Helper()
		for _, r := range ingest.New(st, cat, ingest.Options{Workers: 2}).Ingest(bg, srcs, nil) {
			if r.Err != nil {
				t.Fatalf("%s: %v", r.Name, r.Err)
			}
		}
	}
	st.DeferLinks() // and never FinishLinks
	ing(st)
	if got := countLinks(t, st, graph.RelatedTo); got != 0 {
		t.Fatalf("%d RELATED links before the partners were chosen", got)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ing(st) // every file unchanged
	if countLinks(t, st, graph.RelatedTo) == 0 {
		t.Fatal("no RELATED links after the store chose its partners")
	}
	sameExports(t, a, st)
}

func countLinks(t *testing.T, st *store.Store, lt graph.EdgeType) int {
	t.Helper()
	n := 0
	err := st.EachEdge(bg, func(e graph.Edge) error {
		if e.Type == lt {
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// sameExports fails unless a and b export the same bytes.
func sameExports(t *testing.T, a, b *store.Store) {
	t.Helper()
	for _, f := range []string{"nquads", "graphml"} {
		ea, eb := exportAll(t, a, f), exportAll(t, b, f)
		if !bytes.Equal(ea, eb) {
			if d := os.Getenv("DETERMINISM_DUMP"); d != "" {
				os.WriteFile(d+".a."+f, ea, 0o644)
				os.WriteFile(d+".b."+f, eb, 0o644)
			}
			la, lb := bytes.Split(ea, []byte("\n")), bytes.Split(eb, []byte("\n"))
			for i := range min(len(la), len(lb)) {
				if !bytes.Equal(la[i], lb[i]) {
					t.Fatalf("%s exports differ (%d and %d bytes) at line %d:\n%s\n%s", f, len(ea), len(eb), i+1, la[i], lb[i])
				}
			}
			t.Fatalf("%s exports differ: %d and %d lines", f, len(la), len(lb))
		}
	}
}

// TestLinkTextAheadOfTheWriter applies the lineage fixtures' batches with
// the text features the ingest's workers compute (Batch.LinkText) and
// without them (the store computes them): the stores are the same, link
// features (l|) included.
func TestLinkTextAheadOfTheWriter(t *testing.T) {
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	var dumps []string
	for _, ahead := range []bool{true, false} {
		_, st := newIngester(t, ingest.Options{})
		texts := 0
		for _, n := range []string{limaEN, limaES, limaFR, la2022, compPage} {
			data, err := os.ReadFile(filepath.Join(lineageDir, n))
			if err != nil {
				t.Fatal(err)
			}
			p, err := cat.Process(n, data, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ahead {
				p.Batch.LinkText = graph.LinkTextOf(p.Batch)
				texts += len(p.Batch.LinkText)
			}
			if _, err := st.Apply(bg, p.Batch); err != nil {
				t.Fatal(err)
			}
		}
		if ahead && texts == 0 {
			t.Fatal("no text features computed ahead")
		}
		dumps = append(dumps, dump(t, st))
	}
	if dumps[0] != dumps[1] {
		t.Fatalf("the stores differ (%d and %d bytes of dump)", len(dumps[0]), len(dumps[1]))
	}
	// Link features are not stored: the links they gave, with their
	// scores and notes, are what the dumps compare.
	if !strings.Contains(dumps[0], "|RELATED|") {
		t.Fatal("the dump holds no RELATED link: the test compares nothing")
	}
}

// TestLinksAfterReopen ingests half the sources, closes the store and
// ingests the rest into it opened again: the link index the second
// ingest finds links with is rebuilt from the stored mandates, their
// MENTIONS edges and vectors (the features are not stored), and the
// exports are those of one ingest of everything. The second half's
// documents and pages quote and translate paragraphs of the first's, so
// QUOTES and TRANSLATION go through the rebuilt index too.
func TestLinksAfterReopen(t *testing.T) {
	srcs := determinismSources(t)
	a := ingestSources(t, srcs, 2)
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	open := func() *store.Store {
		t.Helper()
		st, err := store.Open(store.Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	ing := func(st *store.Store, srcs []ingest.Source) {
		t.Helper()
		for _, r := range ingest.New(st, cat, ingest.Options{Workers: 2}).Ingest(bg, srcs, nil) {
			if r.Err != nil {
				t.Fatalf("%s: %v", r.Name, r.Err)
			}
		}
	}
	st := open()
	if err := st.LoadCatalog(bg, cat.Graph()); err != nil {
		t.Fatal(err)
	}
	// Every other source: pages and documents of each summit on both
	// sides of the reopening.
	var first, second []ingest.Source
	for i, s := range srcs {
		if i%2 == 0 {
			first = append(first, s)
		} else {
			second = append(second, s)
		}
	}
	ing(st, first)
	before := map[graph.EdgeType]int{}
	for _, lt := range graph.LinkTypes {
		before[lt] = countLinks(t, st, lt)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = open()
	defer st.Close()
	ing(st, second)
	for _, lt := range []graph.EdgeType{graph.Quotes, graph.Translation, graph.RelatedTo} {
		if countLinks(t, st, lt) <= before[lt] {
			t.Fatalf("no %s link found after reopening (%d before)", lt, before[lt])
		}
	}
	sameExports(t, a, st)
}

package ingest_test

import (
	"bytes"
	"context"
	"os"
	"slices"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/export"
	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
)

// ingestSources ingests sources into a new store holding the catalog.
func ingestSources(t *testing.T, srcs []ingest.Source, workers int) *store.Store {
	t.Helper()
	in, st := newIngester(t, ingest.Options{Workers: workers})
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

// TestIngestDeterministic ingests the seeds and the evaluation set in two
// orders with one and four workers: the exports are the same bytes. (The
// set's pages share mandates with its documents and the seeds: the same
// document, number and text is one node, whichever file came first.)
func TestIngestDeterministic(t *testing.T) {
	srcs, err := ingest.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	eval, err := ingest.Paths(evalFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	srcs = append(srcs, eval...)
	rev := slices.Clone(srcs)
	slices.Reverse(rev)
	// Documents last, pages first, then the reverse: links found from
	// either side.
	a := ingestSources(t, srcs, 1)
	b := ingestSources(t, rev, 4)
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
	n := 0
	err = a.EachEdge(context.Background(), func(e graph.Edge) error {
		if graph.IsLink(e.Type) {
			n++
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d links (%v): the test compares stores without links", n, err)
	}
}

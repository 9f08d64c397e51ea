package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/ingest/reader"
	"summitgraph/graph/store"
)

var bg = context.Background()

const page = `Organization of American States Summits of the Americas
Follow-up and Implementation: Mandates

ENERGY: Access to Energy
MANDATES

  1. Strengthen the Energy and Climate Partnership of the Americas and support the work of the Organization of American States on rural electrification. (Plan of Action Santiago, 1998).

  2. Promote the exchange of experiences on renewable energy among the member states. (Plan of Action Santiago, 1998).
`

// newIngester is an ingester into a fresh in-memory store with the
// catalog.
func newIngester(t *testing.T, o ingest.Options) (*ingest.Ingester, *store.Store) {
	t.Helper()
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	st, err := ingesttest.CatalogStore(bg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return ingest.New(st, cat, o), st
}

func dump(t *testing.T, st *store.Store) string {
	t.Helper()
	var b strings.Builder
	if err := st.Dump(bg, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPaths(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", page)
	write(t, dir, "pages/b.TXT", page)
	write(t, dir, "pages/notes.md", "not a page")
	write(t, dir, "pages/.hidden.txt", page)
	write(t, dir, "pages/.git/c.txt", page)
	write(t, dir, "pages/deeper/d.txt", page)
	write(t, dir, "other/a.txt", page)
	tests := []struct {
		name  string
		paths []string
		want  []string // names
		err   string
	}{
		{"a file", []string{a}, []string{"a.txt"}, ""},
		{"a folder, recursively, its *.txt files only", []string{filepath.Join(dir, "pages")}, []string{"b.TXT", "d.txt"}, ""},
		{"files and folders in the order given", []string{filepath.Join(dir, "pages"), a}, []string{"b.TXT", "d.txt", "a.txt"}, ""},
		{"a path that does not exist", []string{filepath.Join(dir, "nope.txt")}, nil, "nope.txt: no such file or directory"},
		{"two files of one name", []string{a, filepath.Join(dir, "other")}, []string{"a.txt"}, "have the same file name"},
		{"bad paths beside good ones", []string{filepath.Join(dir, "nope"), a, filepath.Join(a, "sub")}, []string{"a.txt"}, "nope: no such file or directory\n" + a + "/sub: not a directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srcs, err := ingest.Paths(tc.paths)
			// Bad paths are left out, each with its error; the good ones stay.
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, s := range srcs {
				names = append(names, s.Name)
				if s.Data != nil {
					t.Errorf("%s read before it is ingested", s.Name)
				}
			}
			if !reflect.DeepEqual(names, tc.want) {
				t.Errorf("names %v, want %v", names, tc.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"energy.txt", true},
		{"", false},
		{"pages/energy.txt", false},
		{"my energy.txt", false},
		{"a|b.txt", false},
	} {
		_, err := ingest.Text(tc.name, []byte(page))
		if (err == nil) != tc.ok || !tc.ok && graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Text(%q): %v", tc.name, err)
		}
	}
}

// TestIngest: each file is reported in order; a file that cannot be read
// as a page fails with EINVALID naming it and writes nothing; the others
// are written; ingesting them again changes nothing.
func TestIngest(t *testing.T) {
	var observed []string
	var mu sync.Mutex
	in, st := newIngester(t, ingest.Options{Observe: func(r ingest.Result) {
		mu.Lock()
		defer mu.Unlock()
		observed = append(observed, r.Name)
	}})
	energy, _ := ingest.Text("energy.txt", []byte(page))
	binary, _ := ingest.Text("binary.txt", []byte("MANDATES\n\x00\x01"))
	seeds, err := ingest.Seeds()
	if err != nil || len(seeds) == 0 {
		t.Fatalf("seeds: %v, %v", seeds, err)
	}
	srcs := append([]ingest.Source{energy, binary}, seeds...)
	var progress []string
	rs := in.Ingest(bg, srcs, func(r ingest.Result) { progress = append(progress, r.Name) })
	want := []string{"energy.txt", "binary.txt", seeds[0].Name}
	if !reflect.DeepEqual(progress, want) || !reflect.DeepEqual(observed, want) {
		t.Errorf("progress %v, observed %v; want %v", progress, observed, want)
	}
	if rs[0].Err != nil || rs[0].Report.Mandates != 2 || rs[0].Report.BySummit["Santiago 1998"] != 2 || rs[0].Apply.Mandates != 2 {
		t.Errorf("energy.txt: %+v", rs[0])
	}
	if graph.ErrorCode(rs[1].Err) != graph.EINVALID || !strings.HasPrefix(rs[1].Err.Error(), "binary.txt:2") {
		t.Errorf("binary.txt: %v, want INVALID naming the file and line", rs[1].Err)
	}
	if rs[2].Err != nil || rs[2].Report.Mandates != 48 || rs[2].Report.Items != 25 {
		t.Errorf("seed: %+v", rs[2])
	}
	var tot ingest.Totals
	for _, r := range rs {
		tot.Add(r)
	}
	if tot != (ingest.Totals{Files: 3, Failed: 1, Mandates: 50, Items: 25}) {
		t.Errorf("totals %+v", tot)
	}
	files, err := st.Files(bg)
	if err != nil || len(files) != 2 {
		t.Errorf("files in the store: %v, %v; want energy.txt and the seed", files, err)
	}
	before := dump(t, st)
	for _, r := range in.Ingest(bg, []ingest.Source{energy, seeds[0]}, nil) {
		if r.Err != nil || !r.Apply.Unchanged {
			t.Errorf("again: %+v", r)
		}
	}
	if dump(t, st) != before {
		t.Error("ingesting the same files again changed the store")
	}
}

// TestReader: every file's bytes go through the reader before nlp parses
// them, and a reader's error fails that file alone.
func TestReader(t *testing.T) {
	upper := func(ctx context.Context, name string, data []byte) (*reader.Text, error) {
		if name == "refused.txt" {
			return nil, graph.Errorf(graph.EUNSUPPORTED, "%s: not a format this reader knows", name)
		}
		return &reader.Text{File: name, Format: reader.Plain, Data: bytes.ReplaceAll(data, []byte("rural electrification"), []byte("RURAL ELECTRIFICATION"))}, nil
	}
	in, st := newIngester(t, ingest.Options{Reader: upper, Workers: 1})
	a, _ := ingest.Text("read.txt", []byte(page))
	b, _ := ingest.Text("refused.txt", []byte(page))
	rs := in.Ingest(bg, []ingest.Source{a, b}, nil)
	if rs[0].Err != nil || graph.ErrorCode(rs[1].Err) != graph.EUNSUPPORTED {
		t.Fatalf("results %v, %v", rs[0].Err, rs[1].Err)
	}
	page, err := st.Mandates(bg, graph.MandateFilter{Summit: "summit/1998-santiago"}, 10, "")
	if err != nil || len(page.Mandates) != 2 || !strings.Contains(page.Mandates[0].Text, "RURAL ELECTRIFICATION") {
		t.Errorf("mandates %+v, %v: not the reader's text", page, err)
	}
}

// TestIngestCanceled: an ingest canceled before it starts writes nothing
// and reports every file as interrupted, without progress.
func TestIngestCanceled(t *testing.T) {
	in, st := newIngester(t, ingest.Options{})
	before := dump(t, st)
	ctx, cancel := context.WithCancel(bg)
	cancel()
	src, _ := ingest.Text("energy.txt", []byte(page))
	called := false
	rs := in.Ingest(ctx, []ingest.Source{src, src}, func(ingest.Result) { called = true })
	for _, r := range rs {
		if graph.ErrorCode(r.Err) != graph.ECANCELED {
			t.Errorf("%s: %v, want CANCELED", r.Name, r.Err)
		}
	}
	if called || dump(t, st) != before {
		t.Errorf("a canceled ingest reported progress (%v) or wrote", called)
	}
}

// TestSeedIfEmpty seeds an empty store once.
func TestSeedIfEmpty(t *testing.T) {
	in, st := newIngester(t, ingest.Options{})
	rs, err := in.SeedIfEmpty(bg)
	if err != nil || len(rs) == 0 {
		t.Fatalf("seed: %v, %v", rs, err)
	}
	stats, _ := st.Stats(bg)
	if stats.Files != len(rs) || stats.Mandates != 73 {
		t.Errorf("stats %+v after seeding", stats)
	}
	if rs, err := in.SeedIfEmpty(bg); err != nil || rs != nil {
		t.Errorf("a store with files seeded again: %v, %v", rs, err)
	}
}

func TestStoreOptions(t *testing.T) {
	o := ingest.StoreOptions("/data", ingest.BulkFiles, ingest.Options{MemTableMB: 4})
	if o != (store.Options{Dir: "/data", Bulk: true, MemTableMB: 4}) {
		t.Errorf("%+v", o)
	}
	if ingest.StoreOptions("/data", ingest.BulkFiles-1, ingest.Options{}).Bulk {
		t.Error("a bulk load below BulkFiles files")
	}
}

// TestConcurrentIngest: files sent at once through one ingester (the
// ingestDocument mutation from several clients) are all written, each
// whole, while curation changes the catalog extraction uses.
func TestConcurrentIngest(t *testing.T) {
	in, st := newIngester(t, ingest.Options{})
	var wg sync.WaitGroup
	const n = 8
	errs := make(chan error, n+1)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src, _ := ingest.Text(fmt.Sprintf("energy-%d.txt", i), []byte(strings.ReplaceAll(page, "rural electrification", fmt.Sprintf("rural electrification in region %d", i))))
			if r := in.Ingest(bg, []ingest.Source{src}, nil)[0]; r.Err != nil || r.Apply.Mandates != 2 {
				errs <- fmt.Errorf("%s: %+v", src.Name, r)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := st.AddAlias(bg, "institution/oas", "the Organization", "test"); err != nil {
			errs <- err
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if stats, _ := st.Stats(bg); stats.Files != n {
		t.Errorf("%d files in the store, want %d", stats.Files, n)
	}
}

package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
)

// TestIngestCompacts ingests a corpus of many files in small memtables, so
// that its tables spread as a large ingest's do: the ingest ends with a
// compaction into one level, and the store answers as before.
func TestIngestCompacts(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "corpus")
	dir := t.TempDir()
	if code, _, errs := run(t, "gen", "--mandates", "1500", "--per-file", "10", "--out", corpus); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, errs)
	}
	small := settings{ingest: ingest.Options{MemTableMB: 5}} // the catalog, one transaction, outgrew 15% of 4 MiB
	code, out, errs := runSet(t, small, "--store", dir, "ingest", "-q", corpus)
	if code != 0 || !strings.Contains(out, "ingested 148 files") || !strings.Contains(out, "compacted the store in") {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}

	st, err := store.Open(store.Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var levels []int64
	used := 0
	for _, l := range st.DB().Levels() {
		levels = append(levels, l.Size)
		if l.Size > 0 {
			used++
		}
	}
	stats, err := st.Stats(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if used != 1 || levels[0] != 0 {
		t.Errorf("tables by level %v, want all in one level below 0", levels)
	}
	if stats.Mandates < 1500 {
		t.Errorf("stats after compaction: %+v", stats)
	}

	// Ingesting the same files again writes nothing and compacts nothing.
	code, out, _ = runSet(t, small, "--store", dir, "ingest", "-q", corpus)
	if code != 0 || !strings.Contains(out, "(148 unchanged, 0 failed)") || strings.Contains(out, "compacted") {
		t.Errorf("ingest again: exit %d\n%s", code, out)
	}
}

// TestCompactCommand compacts a store on request, and refuses a folder
// that holds no store and a store another process holds.
func TestCompactCommand(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := run(t, "--store", dir, "ingest", "-q", seedFile(t)); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, out, errs := run(t, "--store", dir, "compact")
	if code != 0 || !strings.Contains(out, "compacted the store in") {
		t.Errorf("compact: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := run(t, "--store", dir, "query", "{ stats { mandates } }"); code != 0 {
		t.Errorf("query after compact: exit %d: %s", code, errs)
	}

	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs = run(t, "--store", dir, "compact")
	st.Close()
	if code != 1 || !strings.Contains(errs, "in use by another process") {
		t.Errorf("compact of a store in use: exit %d: %s", code, errs)
	}

	empty := t.TempDir()
	if code, _, errs := run(t, "--store", empty, "compact"); code != 1 || !strings.Contains(errs, "is not a store") {
		t.Errorf("compact of a folder without a store: exit %d: %s", code, errs)
	}
	if code, _, errs := run(t, "--store", dir, "compact", "now"); code != 2 || !strings.Contains(errs, "unexpected arguments") {
		t.Errorf("compact with an argument: exit %d: %s", code, errs)
	}
}

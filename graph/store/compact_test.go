package store_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// levelSizes are the bytes of the store's tables by level.
func levelSizes(s *store.Store) []int64 {
	var out []int64
	for _, l := range s.DB().Levels() {
		out = append(out, l.Size)
	}
	return out
}

// TestCompact writes a store in small memtables, so that its tables spread
// over level 0 (in bulk) or over level 0 and the levels below, and
// compacts it: every table is then in one level, and the store holds
// exactly what it held.
func TestCompact(t *testing.T) {
	t.Run("bulk", func(t *testing.T) { testCompact(t, true, 60) })
	t.Run("levels", func(t *testing.T) { testCompact(t, false, 300) })
}

func testCompact(t *testing.T, bulk bool, files int) {
	dir := t.TempDir()
	// 2 MiB: the smallest memtable whose transactions hold a file of 12
	// mandates with their links (a random vocabulary links them all).
	opts := store.Options{Dir: dir, MemTableMB: 2, Bulk: bulk}
	s := openOnDisk(t, opts)
	if s.NeedsCompaction() {
		t.Error("a store with nothing but its catalog, in memory, needs compaction")
	}
	for _, f := range genWorld(worldOpts{files: files, perFile: 12, seed: 5}) {
		apply(t, s, f)
	}
	// In bulk, level 0 holds everything (once Badger's background flushes
	// of the memtables are done: a loaded machine showed one table of
	// three); otherwise background compactions decide how much is left
	// above the last level.
	for i := 0; bulk && i < 50 && !s.NeedsCompaction(); i++ {
		time.Sleep(100 * time.Millisecond)
	}
	if bulk && !s.NeedsCompaction() {
		t.Fatalf("tables by level %v: no compaction needed", levelSizes(s))
	}
	t.Logf("tables by level before: %v", levelSizes(s))
	want := dump(t, s)
	if err := store.Compact(opts); graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Errorf("compacting a store in use: %v, want %s", err, graph.EUNAVAILABLE)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Without room for a second copy (here: asking for a petabyte free),
	// the store is left as it was, and the error says why.
	short := opts
	short.MinFreeMB = 1 << 30
	if err := store.Compact(short); graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(err.Error(), "compacting it needs") {
		t.Errorf("compacting without room: %v", err)
	}
	if err := store.Compact(opts); err != nil {
		t.Fatal(err)
	}

	s, err := store.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sizes := levelSizes(s)
	t.Logf("tables by level after: %v", sizes)
	nonEmpty := 0
	for _, n := range sizes {
		if n > 0 {
			nonEmpty++
		}
	}
	if nonEmpty != 1 || sizes[0] != 0 {
		t.Errorf("tables by level after compaction %v, want one level below 0", sizes)
	}
	if s.NeedsCompaction() {
		t.Error("a compacted store needs compaction")
	}
	if got := dump(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("compaction changed the store: %d keys before, %d after", len(want), len(got))
	}
	checkStore(t, s)
}

// TestOpenAfterEmptyMemtableLog opens a store holding the empty memtable
// log that a process killed just after creating it leaves behind: Badger
// fails its first open on it (dgraph-io/badger#2207); Open succeeds, and
// the store is what it was.
func TestOpenAfterEmptyMemtableLog(t *testing.T) {
	dir := t.TempDir()
	s := openOnDisk(t, store.Options{Dir: dir})
	apply(t, s, fileA())
	want := dump(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "00009.mem"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatalf("open with an empty memtable log: %v", err)
	}
	defer s.Close()
	if got := dump(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("the store changed: %d keys before, %d after", len(want), len(got))
	}
}

package main

import (
	"path/filepath"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"summitgraph/graph/store"
)

// TestCheckAndReadsWriteNothing: on a whole store, `check` says so and
// exits 0, and it and the commands that read (query, trace, export,
// backup) leave every file of the store byte for byte as it was. With a
// node record that does not decode (its table's checksums are right, so
// only reading it back finds it), check names the record and exits 1, and
// export and query fail with one line each, not a panic's trace.
func TestCheckAndReadsWriteNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	if code, _, errs := run(t, "--store", dir, "ingest", seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	before := snapshot(t, dir)
	code, out, errs := run(t, "--store", dir, "check")
	if code != 0 || !strings.HasPrefix(out, "store "+dir+" is whole: ") || !strings.Contains(out, "read against their checksums") {
		t.Fatalf("check on a whole store: %d %s%s", code, out, errs)
	}
	t.Logf("check: %s", strings.TrimSpace(out))
	reads := [][]string{
		{"check"},
		{"query", "{ stats { mandates } }"},
		{"trace", "MESICIC"},
		{"export", "--format", "graphml", "--out", filepath.Join(t.TempDir(), "x.graphml")},
		{"backup", "--out", filepath.Join(t.TempDir(), "b.backup")},
	}
	for _, c := range reads {
		if code, _, errs := run(t, append([]string{"--store", dir}, c...)...); code != 0 {
			t.Fatalf("%s: %d %s", c[0], code, errs)
		}
		if after := snapshot(t, dir); after != before {
			t.Fatalf("%s changed the store's files:\nbefore\n%s\nafter\n%s", c[0], before, after)
		}
	}

	// A record that does not decode, in a table whose checksums are right.
	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	err = st.DB().Update(func(txn *badger.Txn) error {
		return txn.Set([]byte("n|theme/zzzz-broken"), []byte{0xff, 0x00, 0x13})
	})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	before = snapshot(t, dir)
	for _, c := range [][]string{
		{"check"},
		{"export", "--format", "graphml", "--out", filepath.Join(t.TempDir(), "y.graphml")},
		{"query", `{ node(id: "theme/zzzz-broken") { id } }`},
	} {
		code, out, errs := run(t, append([]string{"--store", dir}, c...)...)
		t.Logf("%s on a broken record: exit %d: %s%s", c[0], code, out, errs)
		if lines := strings.Split(strings.TrimSpace(errs), "\n"); code != 1 || len(lines) != 1 || strings.Contains(errs, "goroutine ") {
			t.Errorf("%s on a broken record: exit %d, want 1 with one line:\n%s%s", c[0], code, out, errs)
		}
		if c[0] == "check" && !strings.Contains(errs, "theme/zzzz-broken") {
			t.Errorf("check does not name the broken record: %s", errs)
		}
		if after := snapshot(t, dir); after != before {
			t.Fatalf("%s changed the store's files", c[0])
		}
	}
}

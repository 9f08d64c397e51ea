package store_test

import (
	"bytes"
	"strings"
	"testing"

	"summitgraph/graph/store"
)

// TestRestoreCutLeavesStoreEmpty restores a backup cut short into a store
// whose small memtable makes Badger's loader write it in several batches:
// the failure must take the batches it wrote with it, so that the whole
// backup then restores into the same store.
func TestRestoreCutLeavesStoreEmpty(t *testing.T) {
	src, err := store.Open(store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if err := src.LoadCatalog(bg, testCatalog("backup")); err != nil {
		t.Fatal(err)
	}
	for _, f := range genWorld(worldOpts{files: 40, perFile: 50, seed: 7}) {
		if _, err := src.Apply(bg, f.Batch()); err != nil {
			t.Fatal(err)
		}
	}
	var backup bytes.Buffer
	if err := src.Backup(bg, &backup); err != nil {
		t.Fatal(err)
	}
	if backup.Len() < 1<<20 {
		t.Fatalf("backup of %d bytes fits one loader batch; the test needs several", backup.Len())
	}
	dst, err := store.Open(store.Options{MemTableMB: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	whole := backup.Bytes()
	flipped := bytes.Clone(whole)
	flipped[len(flipped)/2] ^= 1
	for _, tc := range []struct {
		name   string
		backup []byte
	}{
		{"cut at 90%", whole[:len(whole)*9/10]},
		{"last byte missing", whole[:len(whole)-1]},
		{"header only", whole[:len("summitgraph backup v2\n")]},
		{"one bit flipped", flipped},
		{"bytes after the end", append(bytes.Clone(whole), "more"...)},
	} {
		err = dst.Restore(bg, bytes.NewReader(tc.backup))
		if err == nil || !strings.Contains(err.Error(), "damaged") {
			t.Fatalf("%s: restore gave %v", tc.name, err)
		}
		if d := dump(t, dst); len(d) != 0 {
			t.Fatalf("%s: a failed restore left %d keys (first %q)", tc.name, len(d), d[0].K)
		}
	}
	if err := dst.Restore(bg, bytes.NewReader(whole)); err != nil {
		t.Fatalf("restore after a failed one: %v", err)
	}
	sameDump(t, "restored", dump(t, src), dump(t, dst))
}

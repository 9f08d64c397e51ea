package store_test

import (
	"encoding/binary"
	"fmt"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/fxamacker/cbor/v2"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// TestRegroupOldPostings turns a store into the layout before posting
// groups (a key a posting, vectors without a group, no format) and opens
// it again: its postings are regrouped, and it is the store it was.
func TestRegroupOldPostings(t *testing.T) {
	dir := t.TempDir()
	s := openOnDisk(t, store.Options{Dir: dir})
	for _, f := range []F{fileA(), fileB(), fileC()} {
		apply(t, s, f)
	}
	want := dump(t, s)
	hits, err := s.Search(bg, [][]string{{"corruption"}}, 10)
	if err != nil || len(hits) == 0 {
		t.Fatalf("search before: %v, %v", hits, err)
	}

	err = s.DB().Update(func(txn *badger.Txn) error {
		for _, x := range want {
			switch x.K[:2] {
			case "t|", "g|":
				if err := txn.Delete([]byte(x.K)); err != nil {
					return err
				}
			case "v|":
				var v graph.Vector
				if err := cbor.Unmarshal([]byte(x.V), &v); err != nil {
					return err
				}
				v.Group = ""
				old, err := cbor.Marshal(v)
				if err != nil {
					return err
				}
				if err := txn.Set([]byte(x.K), old); err != nil {
					return err
				}
				for _, tf := range v.Terms {
					val := binary.AppendUvarint(nil, uint64(tf.Freq))
					val = binary.AppendUvarint(val, uint64(v.Length))
					k := fmt.Sprintf("t|%s|%04x|%s", tf.Term, 0xffff-store.Impact(tf.Freq, v.Length), v.ID)
					if err := txn.Set([]byte(k), val); err != nil {
						return err
					}
				}
			}
		}
		return txn.Delete([]byte("s|format"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameDump(t, "regrouped", want, dump(t, s))
	checkStore(t, s)
	again, err := s.Search(bg, [][]string{{"corruption"}}, 10)
	if err != nil || fmt.Sprint(again) != fmt.Sprint(hits) {
		t.Errorf("search after: %v, %v; before %v", again, err, hits)
	}
	// It is written to as any store.
	apply(t, s, fileA2())
	checkStore(t, s)
}

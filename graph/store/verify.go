package store

import (
	"context"
	"fmt"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// CheckReport is what Check found in a store.
type CheckReport struct {
	Tables     int   // table files the MANIFEST names, each read whole against its checksums
	TableBytes int64 // their size
	Keys       int   // keys read, with their values
	Nodes      int   // node records decoded
}

// Check verifies the closed store in dir without changing it: its
// MANIFEST against its table files, every block of every table against
// its checksum, its logs entry by entry, then every key and value read
// back through Badger (values in the value log against theirs) and every
// node record decoded. A damaged store gives an error saying what is
// damaged (IsDamaged, or graph.ECORRUPT for a record). Badger has no safe
// repair of a damaged table or MANIFEST: the remedy is the last backup.
func Check(ctx context.Context, dir string) (CheckReport, error) {
	var r CheckReport
	var m Manifest
	held, err := probeLock(dir, func() error {
		var err error
		m, err = checkFiles(dir, 0, true)
		return err
	})
	if held {
		return r, inUse(dir)
	}
	if err != nil {
		return r, err
	}
	if !Exists(dir) {
		return r, graph.Errorf(graph.EINVALID, "%s is not a store: it has no %s", dir, badger.ManifestFilename)
	}
	files, err := listFiles(dir)
	if err != nil {
		return r, fmt.Errorf("store %s: %w", dir, err)
	}
	for id := range m.Tables {
		r.Tables++
		r.TableBytes += files.tables[id]
	}
	st, err := Open(Options{Dir: dir, ReadOnly: true})
	if err != nil {
		return r, err
	}
	defer st.Close()
	err = recovered(func() error {
		return st.db.View(func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				if r.Keys%4096 == 0 {
					if err := ctxErr(ctx); err != nil {
						return err
					}
				}
				item := it.Item()
				r.Keys++
				err := item.Value(func(v []byte) error {
					k := item.Key()
					if len(k) > len(famNode) && string(k[:len(famNode)]) == famNode {
						if _, err := decodeNode(v); err != nil {
							return graph.Errorf(graph.ECORRUPT, "store %s is damaged: the record of %q cannot be decoded (%v)", dir, k[len(famNode):], err)
						}
						r.Nodes++
					}
					return nil
				})
				if err != nil {
					if graph.ErrorCode(err) == graph.ECORRUPT {
						return err
					}
					return damaged(dir, "the value of key %q cannot be read (%s)", clip(item.Key()), oneLine(err))
				}
			}
			return nil
		})
	})
	if err != nil && graph.ErrorCode(err) == graph.EINTERNAL {
		return r, damaged(dir, "reading it failed (%s)", oneLine(err))
	}
	return r, err
}

func clip(k []byte) string {
	if len(k) > 80 {
		return string(k[:80]) + "…"
	}
	return string(k)
}

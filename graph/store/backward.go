package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"summitgraph/graph"
)

// MandatesBefore is the page of a mandate listing that ends just before
// the cursor before (the listing's end when before is ""): at most last
// mandates, in listing order, as Mandates lists them. It reads the index
// backward from the cursor (Badger's reverse iteration), so a page costs
// what it holds wherever it is. HasPreviousPage says whether mandates come
// before the page; a cursor that is not one of the listing's is INVALID.
func (s *Store) MandatesBefore(ctx context.Context, f graph.MandateFilter, last int, before string) (*graph.MandatePage, error) {
	sc, err := s.planMandates(f)
	if err != nil {
		return nil, err
	}
	sc.back = true
	// Where the listing ends: past its summit, past yearTo, or its prefix.
	end := append(bytes.Clone(sc.prefix), 0xff)
	switch {
	case sc.summit != "":
		end = append(bytes.Clone(sc.start), 0xff)
	case sc.yearTo > 0:
		end = append(bytes.Clone(sc.prefix), fmt.Sprintf("%04d", sc.yearTo+1)...)
	}
	var beforeKey []byte
	if before != "" {
		suffix, err := decodeCursor(before)
		if err != nil {
			return nil, err
		}
		beforeKey = append(bytes.Clone(sc.prefix), suffix...)
		if bytes.Compare(beforeKey, end) < 0 {
			end = beforeKey
		}
	}
	page := &graph.MandatePage{}
	err = s.view(ctx, func(txn *badger.Txn) error {
		if beforeKey != nil {
			if ok, err := sc.listed(txn, beforeKey); err != nil || !ok {
				if err == nil {
					err = graph.Errorf(graph.EINVALID, "before: no item of this listing has that cursor (it may have been removed)")
				}
				return err
			}
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: sc.prefix, Reverse: true})
		defer it.Close()
		ids, cursors, more, err := sc.collect(ctx, txn, it, end, beforeKey, last)
		if err != nil {
			return err
		}
		it.Close()
		page.HasPreviousPage = more
		slices.Reverse(ids) // read backward, listed forward
		slices.Reverse(cursors)
		return loadMandates(txn, page, ids, cursors)
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// listed reports whether the index key k is one of the scan's listing.
func (sc *mandateScan) listed(txn *badger.Txn, k []byte) (bool, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var flags []byte
	if sc.top {
		if flags, err = item.ValueCopy(nil); err != nil {
			return false, err
		}
	}
	if keep, _ := sc.match(k, flags); !keep {
		return false, nil
	}
	return sc.keepRecord(txn, lastPart(k))
}

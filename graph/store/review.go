package store

import (
	"bytes"
	"context"
	"slices"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// Review lists the review queue in listing order (oldest summit first,
// the unattributed last, then source order): the mandates f selects, first
// at most, after the given cursor (a cursor of Mandates works too). It reads
// every mandate's record and mention edges up to the page's end: the queue
// has no index of its own.
func (s *Store) Review(ctx context.Context, f graph.ReviewFilter, first int, after string) (*graph.ReviewPage, error) {
	prefix := kindPrefix(graph.KindMandate)
	start := prefix
	var afterKey []byte
	if after != "" {
		suffix, err := decodeCursor(after)
		if err != nil {
			return nil, err
		}
		afterKey = append(bytes.Clone(prefix), suffix...)
		start = afterKey
	}
	page := &graph.ReviewPage{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		return reviewScan(ctx, txn, prefix, start, afterKey, f, func(k []byte, it graph.ReviewItem) bool {
			if len(page.Items) == first {
				page.HasNextPage = true
				return false
			}
			page.Items = append(page.Items, it)
			page.Cursors = append(page.Cursors, encodeCursor(k[len(prefix):]))
			return true
		})
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// ReviewCounts counts the review queue: how many mandates are in it for
// any reason, and how many for each (a mandate may have several).
func (s *Store) ReviewCounts(ctx context.Context, below float64) (total int, by map[string]int, err error) {
	by = map[string]int{}
	prefix := kindPrefix(graph.KindMandate)
	err = s.view(ctx, func(txn *badger.Txn) error {
		return reviewScan(ctx, txn, prefix, prefix, nil, graph.ReviewFilter{Below: below}, func(_ []byte, it graph.ReviewItem) bool {
			total++
			for _, r := range it.Reasons {
				by[r]++
			}
			return true
		})
	})
	return total, by, err
}

// reviewScan calls fn with each mandate in the queue from start on (after
// excluded), until fn returns false.
func reviewScan(ctx context.Context, txn *badger.Txn, prefix, start, after []byte, f graph.ReviewFilter, fn func(k []byte, it graph.ReviewItem) bool) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	defer it.Close()
	n := 0
	for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
		if n++; n%128 == 0 {
			if err := ctxErr(ctx); err != nil {
				return err
			}
		}
		k := it.Item().KeyCopy(nil)
		if after != nil && bytes.Equal(k, after) {
			continue
		}
		nd, err := getNode(txn, lastPart(k))
		if err != nil {
			return err
		}
		m, ok := nd.(*graph.Mandate)
		if !ok {
			return graph.Errorf(graph.ECORRUPT, "index entry %s is not a mandate", lastPart(k))
		}
		es, err := edges(ctx, txn, graph.EdgeQuery{Node: m.ID, Type: graph.Mentions, WithProps: true})
		if err != nil {
			return err
		}
		reasons, low := graph.ReviewOf(m, es, f.Below)
		if len(reasons) == 0 || (f.Reason != "" && !slices.Contains(reasons, f.Reason)) {
			continue
		}
		if !fn(k, graph.ReviewItem{Mandate: m, Reasons: reasons, Low: low}) {
			return nil
		}
	}
	return nil
}

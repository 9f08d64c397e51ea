package store

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"sync"

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
	if n, ok := s.reviewKnown(f); ok && n == 0 {
		return page, nil // counted since the last write: nothing to read
	}
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

// reviewMemo keeps the last counts of the queue, for the node cache's
// generation they were read in (every write starts a new one): counting
// reads every mandate, and a reviewer pages the same queue again and again.
type reviewMemo struct {
	mu    sync.Mutex
	ok    bool
	gen   uint64
	below float64
	total int
	by    map[string]int
}

// reviewKnown is how many mandates f selects, when the queue was counted
// since the last write.
func (s *Store) reviewKnown(f graph.ReviewFilter) (int, bool) {
	s.review.mu.Lock()
	defer s.review.mu.Unlock()
	m := &s.review
	if !m.ok || m.gen != s.cache.generation() || m.below != f.Below {
		return 0, false
	}
	if f.Reason != "" {
		return m.by[f.Reason], true
	}
	return m.total, true
}

// ReviewCounts counts the review queue: how many mandates are in it for
// any reason, and how many for each (a mandate may have several). The
// answer is kept until the next write.
func (s *Store) ReviewCounts(ctx context.Context, below float64) (total int, by map[string]int, err error) {
	gen := s.cache.generation()
	s.review.mu.Lock()
	if m := &s.review; m.ok && m.gen == gen && m.below == below {
		total, by = m.total, maps.Clone(m.by)
		s.review.mu.Unlock()
		return total, by, nil
	}
	s.review.mu.Unlock()
	by = map[string]int{}
	prefix := kindPrefix(graph.KindMandate)
	defer func() {
		if err == nil {
			s.review.mu.Lock()
			m := &s.review
			m.ok, m.gen, m.below, m.total, m.by = true, gen, below, total, maps.Clone(by)
			s.review.mu.Unlock()
		}
	}()
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

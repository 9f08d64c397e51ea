package store

import (
	"bytes"
	"context"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// Trace follows an entity across summits reading index keys only: one
// step per summit whose mandates mention it, oldest first, with the ids of
// those mandates in listing order. Unattributed mandates have no step. The
// mandates themselves are for the caller to read (Nodes), as many as it
// needs.
func (s *Store) Trace(ctx context.Context, entity string) (*graph.Entity, []graph.TraceRef, error) {
	var ent *graph.Entity
	var steps []graph.TraceRef
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		if ent, err = entityOf(txn, entity); err != nil {
			return err
		}
		steps = traceSteps(ctx, txn, entIndexPrefix(entity), s.summit)
		return ctxErr(ctx)
	})
	return ent, steps, err
}

// traceSteps reads an entity's index keys (prefix) into its steps. A key
// is prefix + summit date|summit id|file|seq|mandate id; it is read in
// place, without a copy or a split, and the mandate ids are cut from one
// string made once at the end, so a trace of n mandates costs a handful of
// allocations rather than several per key.
func traceSteps(ctx context.Context, txn *badger.Txn, prefix []byte, summit func(string) *graph.Summit) []graph.TraceRef {
	var steps []graph.TraceRef
	var ids []byte   // the mandate ids, one after the other
	var ends []int   // where each id ends in ids
	var counts []int // how many ids each step has
	var cur []byte   // the summit id of the last step
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	defer it.Close()
	n := 0
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if n++; n%1024 == 0 && ctxErr(ctx) != nil {
			break
		}
		k := it.Item().Key()
		last := bytes.LastIndexByte(k, sep)
		if last < len(prefix) {
			continue
		}
		rest := k[len(prefix):last]
		i := bytes.IndexByte(rest, sep)
		if i < 0 {
			continue
		}
		sid := rest[i+1:]
		if j := bytes.IndexByte(sid, sep); j >= 0 {
			sid = sid[:j]
		}
		if string(sid) == unattributed {
			continue
		}
		if len(steps) == 0 || !bytes.Equal(cur, sid) {
			sm := summit(string(sid))
			if sm == nil {
				continue
			}
			steps = append(steps, graph.TraceRef{Summit: sm})
			counts = append(counts, 0)
			cur = append(cur[:0], sid...)
		}
		ids = append(ids, k[last+1:]...)
		ends = append(ends, len(ids))
		counts[len(counts)-1]++
	}
	all := string(ids)
	refs := make([]string, len(ends))
	start := 0
	for i, e := range ends {
		refs[i] = all[start:e]
		start = e
	}
	for i := range steps {
		steps[i].Mandates, refs = refs[:counts[i]:counts[i]], refs[counts[i]:]
	}
	return steps
}

// MentionCounts returns how many mandates mention each entity mentioned
// at all, from the store's counters (one key per entity).
func (s *Store) MentionCounts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := statKey(dfKey(""))
		return scan(txn, prefix, func(k, v []byte) (bool, error) {
			if n := getInt64(v); n > 0 {
				out[string(k[len(prefix):])] = int(n)
			}
			return true, nil
		})
	})
	return out, err
}

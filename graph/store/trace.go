package store

import (
	"context"
	"strings"
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
		prefix := entIndexPrefix(entity)
		n := 0
		scanKeys(txn, prefix, nil, func(k []byte) bool {
			if n++; n%1024 == 0 && ctxErr(ctx) != nil {
				return false
			}
			parts := strings.SplitN(indexSort(k, len(prefix)), "|", 3)
			if len(parts) < 2 || parts[1] == unattributed {
				return true
			}
			if len(steps) == 0 || steps[len(steps)-1].Summit.ID != parts[1] {
				sm := s.summit(parts[1])
				if sm == nil {
					return true
				}
				steps = append(steps, graph.TraceRef{Summit: sm})
			}
			st := &steps[len(steps)-1]
			st.Mandates = append(st.Mandates, lastPart(k))
			return true
		})
		return ctxErr(ctx)
	})
	return ent, steps, err
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

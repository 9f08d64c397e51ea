package store

import (
	"bytes"
	"context"
	"math"
	"sort"
	"strconv"
	"strings"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// EdgesBatch answers several edge queries in one transaction: the batch
// function behind the per-request edge loader.
func (s *Store) EdgesBatch(ctx context.Context, qs []graph.EdgeQuery) ([][]graph.Edge, []error) {
	out := make([][]graph.Edge, len(qs))
	errs := make([]error, len(qs))
	err := s.view(ctx, func(txn *badger.Txn) error {
		for i, q := range qs {
			out[i], errs[i] = edges(ctx, txn, q)
		}
		return nil
	})
	if err != nil {
		for i := range errs {
			errs[i] = err
		}
	}
	return out, errs
}

// entityOf reads an entity, with ENOTFOUND for anything else.
func entityOf(txn *badger.Txn, id string) (*graph.Entity, error) {
	n, err := getNode(txn, id)
	if err != nil {
		return nil, err
	}
	e, ok := n.(*graph.Entity)
	if !ok {
		return nil, graph.Errorf(graph.ENOTFOUND, "%q is a %s, not a convention, institution or theme", id, n.Kind())
	}
	return e, nil
}

// EntitySummits returns the summits whose mandates mention an entity,
// oldest first, reading index keys only.
func (s *Store) EntitySummits(ctx context.Context, entity string) ([]*graph.Summit, error) {
	var out []*graph.Summit
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := entIndexPrefix(entity)
		start := prefix
		for {
			var next []byte
			scanKeys(txn, prefix, start, func(k []byte) bool {
				parts := strings.SplitN(indexSort(k, len(prefix)), "|", 3)
				if len(parts) < 2 || parts[1] == unattributed {
					return false
				}
				if sm := s.summit(parts[1]); sm != nil {
					out = append(out, sm)
				}
				// Skip to the next summit: past every key of this one.
				next = append(bytes.Clone(prefix), parts[0]+"|"+parts[1]+"|\xff"...)
				return false
			})
			if next == nil {
				return nil
			}
			start = next
		}
	})
	return out, err
}

// EntityMentions pages through the mentions of an entity.
func (s *Store) EntityMentions(ctx context.Context, entity string, first int, after string) (*graph.MentionPage, error) {
	prefix := entIndexPrefix(entity)
	start := prefix
	skip := -1 // occurrences of the cursor's mandate already given
	var afterKey []byte
	if after != "" {
		raw, err := decodeCursor(after)
		if err != nil {
			return nil, err
		}
		i := bytes.LastIndexByte(raw, '#')
		if i < 0 {
			return nil, graph.Errorf(graph.EINVALID, "invalid cursor %q", after)
		}
		n, err := strconv.Atoi(string(raw[i+1:]))
		if err != nil || n < 0 {
			return nil, graph.Errorf(graph.EINVALID, "invalid cursor %q", after)
		}
		afterKey = append(bytes.Clone(prefix), raw[:i]...)
		start, skip = afterKey, n
	}
	page := &graph.MentionPage{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		if _, err := entityOf(txn, entity); err != nil {
			return err
		}
		var keys [][]byte
		// Read a few more mandates than mentions asked for: each has at
		// least one.
		scanKeys(txn, prefix, start, func(k []byte) bool {
			keys = append(keys, k)
			return len(keys) <= first+1
		})
		for _, k := range keys {
			mandate := lastPart(k)
			e := graph.Edge{From: mandate, Type: graph.Mentions, To: entity}
			if err := readEdgeProps(txn, &e); err != nil {
				return err
			}
			for i, ev := range e.Evidence {
				if afterKey != nil && bytes.Equal(k, afterKey) && i <= skip {
					continue
				}
				if len(page.Mentions) == first {
					page.HasNextPage = true
					return nil
				}
				page.Mentions = append(page.Mentions, graph.Mention{Mandate: mandate, Entity: entity, Evidence: ev})
				page.Cursors = append(page.Cursors, encodeCursor(append(bytes.Clone(k[len(prefix):]), "#"+strconv.Itoa(i)...)))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// CountMentions counts the mention occurrences of an entity.
func (s *Store) CountMentions(ctx context.Context, entity string) (int, error) {
	total := 0
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scan(txn, entIndexPrefix(entity), func(k, _ []byte) (bool, error) {
			e := graph.Edge{From: lastPart(k), Type: graph.Mentions, To: entity}
			if err := readEdgeProps(txn, &e); err != nil {
				return false, err
			}
			total += len(e.Evidence)
			return true, nil
		})
	})
	return total, err
}

// RelatedScanLimit bounds the mandates read to rank an entity's
// co-mentions: for an entity mentioned more often, the most recent ones
// are read.
const RelatedScanLimit = 5000

// Related ranks the entities mentioned in the same mandates as entity by
// the Jaccard index of their mandate sets, which does not favour entities
// that are frequent everywhere; kind filters them ("" for all).
func (s *Store) Related(ctx context.Context, entity string, kind graph.Kind, first int) ([]graph.Related, error) {
	var out []graph.Related
	err := s.view(ctx, func(txn *badger.Txn) error {
		if _, err := entityOf(txn, entity); err != nil {
			return err
		}
		mandates := readIndexIDs(txn, entIndexPrefix(entity), RelatedScanLimit)
		counts := map[string]int{}
		for i, m := range mandates {
			if i%256 == 0 {
				if err := ctxErr(ctx); err != nil {
					return err
				}
			}
			scanKeys(txn, edgePrefix(m, graph.Mentions), nil, func(k []byte) bool {
				if x := lastPart(k); x != entity {
					counts[x]++
				}
				return true
			})
		}
		nE := s.counter(txn, dfKey(entity))
		for id, c := range counts {
			e, err := entityOf(txn, id)
			if err != nil {
				continue
			}
			if kind != "" && e.EntityKind != kind {
				continue
			}
			nX := s.counter(txn, dfKey(id))
			union := nE + nX - c
			w := 0.0
			if union > 0 {
				w = float64(c) / float64(union)
			}
			out = append(out, graph.Related{Entity: e, Count: c, Weight: w})
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Entity.ID < out[j].Entity.ID
	})
	if len(out) > max(first, 0) {
		out = out[:max(first, 0)] // a negative first would panic
	}
	return out, err
}

// readIndexIDs returns the ids of an index prefix, the last limit of them
// when there are more.
func readIndexIDs(txn *badger.Txn, prefix []byte, limit int) []string {
	var ids []string
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: true})
	defer it.Close()
	for it.Seek(prefixEnd(prefix)); it.ValidForPrefix(prefix) && len(ids) < limit; it.Next() {
		ids = append(ids, lastPart(it.Item().Key()))
	}
	return ids
}

func (s *Store) counter(txn *badger.Txn, name string) int {
	v, _, err := getValue(txn, statKey(name))
	if err != nil {
		return 0
	}
	return int(getInt64(v))
}

// Resolve finds the entities a name, alias or acronym denotes, compared
// normalized (case, accents, hyphens and spacing ignored): exact matches
// first, then names that start with it, shortest first.
func (s *Store) Resolve(ctx context.Context, name string, limit int) ([]*graph.Entity, error) {
	key := graph.NormalizeName(name)
	if key == "" {
		return nil, nil
	}
	var out []*graph.Entity
	err := s.view(ctx, func(txn *badger.Txn) error {
		seen := map[string]bool{}
		type cand struct {
			id    string
			alias string
		}
		var exact, partial []cand
		scanKeys(txn, aliasPrefix(key), nil, func(k []byte) bool {
			exact = append(exact, cand{lastPart(k), key})
			return true
		})
		scanKeys(txn, []byte(famAlias+key), nil, func(k []byte) bool {
			alias := indexSort(k, len(famAlias))
			if alias != key {
				partial = append(partial, cand{lastPart(k), alias})
			}
			return len(partial) < 200
		})
		sort.SliceStable(partial, func(i, j int) bool { return len(partial[i].alias) < len(partial[j].alias) })
		for _, c := range append(exact, partial...) {
			if seen[c.id] || len(out) >= limit {
				continue
			}
			seen[c.id] = true
			e, err := entityOf(txn, c.id)
			if graph.ErrorCode(err) == graph.ENOTFOUND {
				continue
			}
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

var entityKinds = []graph.Kind{graph.KindConvention, graph.KindInstitution, graph.KindTheme}

// Entities lists conventions, institutions and themes (or one kind) by
// name.
func (s *Store) Entities(ctx context.Context, kind graph.Kind, first int, after string) (*graph.EntityPage, error) {
	kinds := entityKinds
	if kind != "" {
		if !kind.IsEntity() {
			return nil, graph.Errorf(graph.EINVALID, "kind %s is not a kind of entity (CONVENTION, INSTITUTION, THEME)", kind)
		}
		kinds = []graph.Kind{kind}
	}
	var afterKey []byte
	if after != "" {
		raw, err := decodeCursor(after)
		if err != nil {
			return nil, err
		}
		afterKey = append([]byte(famKind), raw...)
	}
	page := &graph.EntityPage{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		var ids, cursors []string
	kinds:
		for _, k := range kinds {
			prefix := kindPrefix(k)
			start := prefix
			if afterKey != nil {
				if bytes.Compare(afterKey, prefixEnd(prefix)) >= 0 {
					continue
				}
				if bytes.Compare(afterKey, prefix) > 0 {
					start = afterKey
				}
			}
			stop := false
			scanKeys(txn, prefix, start, func(key []byte) bool {
				if afterKey != nil && bytes.Equal(key, afterKey) {
					return true
				}
				if len(ids) == first {
					page.HasNextPage = true
					stop = true
					return false
				}
				ids = append(ids, lastPart(key))
				cursors = append(cursors, encodeCursor(key[len(famKind):]))
				return true
			})
			if stop {
				break kinds
			}
		}
		for i, id := range ids {
			e, err := entityOf(txn, id)
			if err != nil {
				return err
			}
			page.Entities = append(page.Entities, e)
			page.Cursors = append(page.Cursors, cursors[i])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// CountEntities counts the entities of a kind ("" for all three).
func (s *Store) CountEntities(ctx context.Context, kind graph.Kind) (int, error) {
	st, err := s.Stats(ctx)
	if err != nil {
		return 0, err
	}
	switch kind {
	case graph.KindConvention:
		return st.Conventions, nil
	case graph.KindInstitution:
		return st.Institutions, nil
	case graph.KindTheme:
		return st.Themes, nil
	case "":
		return st.Conventions + st.Institutions + st.Themes, nil
	}
	return 0, graph.Errorf(graph.EINVALID, "kind %s is not a kind of entity", kind)
}

// BM25 parameters. Search reads the query terms' postings highest impact
// first (see postings.go).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// postingsRead is how many postings of each term a search reads: the
// highest-impact ones (postings are stored highest impact first), enough
// for the answer asked for. A term found in fewer documents is read whole,
// and scored exactly; of a more common term, a document whose posting is
// not among them has a low weight for it anyway. It bounds the cost of a
// search whatever the size of the store.
func postingsRead(first int) int { return max(1000, 50*first) }

// Search ranks mandates and entities by BM25 over index terms. query holds,
// per query word, the terms it may be indexed as (its English and Spanish
// stems); a word scores by its best term. It reads the postings of the
// query's terms and nothing else.
func (s *Store) Search(ctx context.Context, query [][]string, first int) ([]graph.Hit, error) {
	if len(query) == 0 || first <= 0 {
		return nil, nil
	}
	var hits []graph.Hit
	err := s.view(ctx, func(txn *badger.Txn) error {
		n := float64(s.counter(txn, statDocs))
		if n == 0 {
			return nil
		}
		avgdl := float64(s.counter(txn, statLen)) / n
		if avgdl == 0 {
			avgdl = 1
		}
		total := map[string]float64{}
		for _, alts := range query {
			best := map[string]float64{}
			for _, term := range alts {
				if err := ctxErr(ctx); err != nil {
					return err
				}
				var ps []posting
				limit := postingsRead(first)
				whole := true
				// Blocks come best first; a search reads blocks until it
				// has limit postings (every posting better than the best
				// of the blocks left is among them).
				err := scan(txn, termPrefix(term), func(_, v []byte) (bool, error) {
					if len(ps) >= limit {
						whole = false
						return false, nil
					}
					return true, decodeBlock(v, func(p posting) bool { ps = append(ps, p); return true })
				})
				if err != nil {
					return err
				}
				df := float64(len(ps)) // the whole list, when all of it was read
				if !whole {
					df = float64(max(s.counter(txn, tdfKey(term)), len(ps)))
				}
				idf := math.Log(1 + (n-df+0.5)/(df+0.5))
				for _, p := range ps {
					tf, dl := float64(p.tf), float64(p.dl)
					sc := idf * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*dl/avgdl))
					if sc > best[p.id] {
						best[p.id] = sc
					}
				}
			}
			for id, sc := range best {
				total[id] += sc
			}
		}
		for id, sc := range total {
			hits = append(hits, graph.Hit{ID: id, Score: sc})
		}
		return nil
	})
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	if len(hits) > first {
		hits = hits[:first]
	}
	return hits, err
}

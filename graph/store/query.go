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

// Trace follows an entity across summits: one step per summit whose
// mandates mention it, oldest first. Unattributed mandates have no step.
// It reads the entity's mandate index and the mandates, nothing else.
func (s *Store) Trace(ctx context.Context, entity string) (*graph.Entity, []graph.TraceStep, error) {
	var ent *graph.Entity
	var steps []graph.TraceStep
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		if ent, err = entityOf(txn, entity); err != nil {
			return err
		}
		prefix := entIndexPrefix(entity)
		type ref struct{ summit, id string }
		var refs []ref
		scanKeys(txn, prefix, nil, func(k []byte) bool {
			parts := strings.SplitN(indexSort(k, len(prefix)), "|", 3)
			if len(parts) >= 2 && parts[1] != "~" {
				refs = append(refs, ref{parts[1], lastPart(k)})
			}
			return true
		})
		for i, r := range refs {
			if i%128 == 0 {
				if err := ctxErr(ctx); err != nil {
					return err
				}
			}
			if len(steps) == 0 || steps[len(steps)-1].Summit.ID != r.summit {
				sm := s.summit(r.summit)
				if sm == nil {
					continue
				}
				steps = append(steps, graph.TraceStep{Summit: sm})
			}
			n, err := getNode(txn, r.id)
			if err != nil {
				return err
			}
			if m, ok := n.(*graph.Mandate); ok {
				st := &steps[len(steps)-1]
				st.Mandates = append(st.Mandates, m)
			}
		}
		return nil
	})
	return ent, steps, err
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
				if len(parts) < 2 || parts[1] == "~" {
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
			if kind != "" && e.EKind != kind {
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

// Walk limits.
const (
	MaxDepth            = 3     // neighborhood depth
	MaxPathDepth        = 8     // path maxDepth
	DefaultNeighborhood = 500   // nodes a neighborhood returns at most
	maxPathVisits       = 50000 // nodes a path search may visit
)

// Neighborhood returns every node within depth hops of id (edges followed
// both ways), breadth first, at most limit nodes, with the edges among
// them.
func (s *Store) Neighborhood(ctx context.Context, id string, depth, limit int) (*graph.Subgraph, error) {
	if depth < 0 || depth > MaxDepth {
		return nil, graph.Errorf(graph.EINVALID, "depth must be between 0 and %d", MaxDepth)
	}
	if limit <= 0 {
		limit = DefaultNeighborhood
	}
	sg := &graph.Subgraph{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		root, err := getNode(txn, id)
		if err != nil {
			return err
		}
		seen := map[string]bool{id: true}
		order := []graph.Node{root}
		frontier := []string{id}
		for d := 0; d < depth && len(frontier) > 0 && !sg.Truncated; d++ {
			var next []string
			for _, n := range frontier {
				if err := ctxErr(ctx); err != nil {
					return err
				}
				for _, nb := range neighbors(txn, n, limit) {
					if seen[nb] {
						continue
					}
					if len(order) >= limit {
						sg.Truncated = true
						break
					}
					node, err := getNode(txn, nb)
					if err != nil {
						continue
					}
					seen[nb] = true
					order = append(order, node)
					next = append(next, nb)
				}
				if sg.Truncated {
					break
				}
			}
			frontier = next
		}
		sg.Nodes = order
		among := func(e graph.Edge) bool { return seen[e.To] }
		for _, n := range order {
			es, err := edgesWhere(ctx, txn, graph.EdgeQuery{Node: n.NodeID(), WithProps: true}, among)
			if err != nil {
				return err
			}
			sg.Edges = append(sg.Edges, es...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sg, nil
}

// neighbors lists the nodes one edge away from id, either way, at most
// limit of each direction.
//
// The keys are read in place, and only their last part is copied: walks
// read thousands of keys a request, and copying each whole key was a
// seventh of the path query's CPU in a profile at 100,000 mandates.
func neighbors(txn *badger.Txn, id string, limit int) []string {
	var out []string
	for _, prefix := range [][]byte{edgePrefix(id, ""), reversePrefix(id, "")} {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		n := 0
		for it.Seek(prefix); it.ValidForPrefix(prefix) && n < limit; it.Next() {
			out = append(out, lastPart(it.Item().Key()))
			n++
		}
		it.Close()
	}
	return out
}

// degrees estimates the number of edges of each node: a mandate has a
// handful; a summit, a document or an entity has about as many as the
// mandates its counters give it. known keeps the estimates read, as a
// frontier that is not grown is weighed again at the next hop.
func (s *Store) degrees(txn *badger.Txn, ids []string, known map[string]int) []int {
	out := make([]int, len(ids))
	for i, id := range ids {
		kind := graph.KindOfID(id)
		if kind == graph.KindMandate {
			out[i] = 16
			continue
		}
		d, ok := known[id]
		if !ok {
			switch kind {
			case graph.KindSummit:
				d = 16 + s.counter(txn, summitCountKey(id, false))
			case graph.KindDocument:
				d = 16 + s.counter(txn, docCountKey(id, false))
			default:
				d = 16 + s.counter(txn, dfKey(id))
			}
			known[id] = d
		}
		out[i] = d
	}
	return out
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// sortByDegree orders ids by their degrees, fewest first (stable).
func sortByDegree(ids []string, deg []int) {
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return deg[order[a]] < deg[order[b]] })
	sorted := make([]string, len(ids))
	for i, j := range order {
		sorted[i] = ids[j]
	}
	copy(ids, sorted)
}

// Path finds a shortest path between two nodes, edges followed both ways,
// both ends included; nil when there is none within maxDepth hops. It
// searches from both ends, expanding the smaller frontier, and gives up
// with ETOOLARGE after visiting too many nodes.
func (s *Store) Path(ctx context.Context, from, to string, maxDepth int) ([]graph.Node, error) {
	if maxDepth < 0 || maxDepth > MaxPathDepth {
		return nil, graph.Errorf(graph.EINVALID, "maxDepth must be between 0 and %d", MaxPathDepth)
	}
	var path []graph.Node
	err := s.view(ctx, func(txn *badger.Txn) error {
		for _, id := range []string{from, to} {
			if _, err := getNode(txn, id); err != nil {
				return err
			}
		}
		if from == to {
			n, _ := getNode(txn, from)
			path = []graph.Node{n}
			return nil
		}
		prevA := map[string]string{from: ""}
		prevB := map[string]string{to: ""}
		fa, fb := []string{from}, []string{to}
		meet := ""
		visits := 0
		known := map[string]int{}
		for hops := 0; hops < maxDepth && meet == "" && len(fa) > 0 && len(fb) > 0; hops++ {
			// Grow the side whose frontier has fewer edges, not fewer
			// nodes: one institution can have more edges than a thousand
			// mandates. Within it, the nodes with fewest edges go first,
			// so that a meeting is often found before the hubs are read
			// (every meeting at this level gives a path of one length).
			da, db := s.degrees(txn, fa, known), s.degrees(txn, fb, known)
			grow, prev, other, deg := &fa, prevA, prevB, da
			if sum(db) < sum(da) {
				grow, prev, other, deg = &fb, prevB, prevA, db
			}
			sortByDegree(*grow, deg)
			var next []string
		expand:
			for _, n := range *grow {
				if err := ctxErr(ctx); err != nil {
					return err
				}
				for _, nb := range neighbors(txn, n, maxPathVisits) {
					if _, ok := prev[nb]; ok {
						continue
					}
					prev[nb] = n
					if visits++; visits > maxPathVisits {
						return graph.Errorf(graph.ETOOLARGE, "path search stopped after visiting %d nodes; try a smaller maxDepth or nodes closer together", maxPathVisits)
					}
					if _, ok := other[nb]; ok {
						meet = nb
						break expand
					}
					next = append(next, nb)
				}
			}
			*grow = next
		}
		if meet == "" {
			return nil
		}
		var ids []string
		for x := meet; x != ""; x = prevA[x] {
			ids = append([]string{x}, ids...)
		}
		for x := prevB[meet]; x != ""; x = prevB[x] {
			ids = append(ids, x)
		}
		for _, id := range ids {
			n, err := getNode(txn, id)
			if err != nil {
				return err
			}
			path = append(path, n)
		}
		return nil
	})
	return path, err
}

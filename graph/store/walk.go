package store

import (
	"context"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"summitgraph/graph"
)

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

package export

import (
	"sort"

	"summitgraph/graph"
)

// coMentions counts, from the MENTIONS edges of an export's scope (the
// store, or the neighbourhood exported), the mandates each entity is
// mentioned in and the mandates each pair shares. The edges of one mandate
// come one after another (they are read in key order, the mandate first),
// so only the current mandate's entities are held, and the pairs.
type coMentions struct {
	mandate string
	current []string
	per     map[string]int
	pairs   map[[2]string]int
}

func newCoMentions() *coMentions {
	return &coMentions{per: map[string]int{}, pairs: map[[2]string]int{}}
}

func (c *coMentions) add(e graph.Edge) {
	if e.From != c.mandate {
		c.flush()
		c.mandate = e.From
	}
	for _, x := range c.current {
		if x == e.To {
			return
		}
	}
	c.current = append(c.current, e.To)
}

func (c *coMentions) flush() {
	for i, a := range c.current {
		c.per[a]++
		for _, b := range c.current[i+1:] {
			p := [2]string{a, b}
			if b < a {
				p = [2]string{b, a}
			}
			c.pairs[p]++
		}
	}
	c.current = c.current[:0]
}

// edges are the CO_MENTIONED edges between entities the export keeps,
// smaller id first, sorted: Count the shared mandates, Weight their
// Jaccard index (shared / mandates mentioning either).
func (c *coMentions) edges(kept func(id string) bool) []graph.Edge {
	c.flush()
	var out []graph.Edge
	for p, n := range c.pairs {
		if !kept(p[0]) || !kept(p[1]) {
			continue
		}
		out = append(out, graph.Edge{From: p[0], Type: graph.CoMentioned, To: p[1], Count: n,
			Weight: float64(n) / float64(c.per[p[0]]+c.per[p[1]]-n)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].From != out[j].From {
			return out[i].From < out[j].From
		}
		return out[i].To < out[j].To
	})
	return out
}

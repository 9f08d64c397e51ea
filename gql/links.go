package gql

import (
	"context"
	"slices"
	"sort"

	"summitgraph/graph"
)

// link is one link seen from a mandate.
type link struct {
	t     graph.EdgeType
	dir   Direction
	other string
	score float64
	note  string
}

// linksOf reads a mandate's links of the given types (every type when
// none), both ways, best first: score, then type, then the other id.
func (r *Resolver) linksOf(ctx context.Context, m *graph.Mandate, types []graph.EdgeType) ([]link, error) {
	if len(types) == 0 {
		types = graph.LinkTypes
	}
	var out []link
	seen := map[graph.EdgeType]bool{}
	for _, t := range types {
		if seen[t] {
			continue
		}
		seen[t] = true
		for _, in := range []bool{false, true} {
			es, err := r.edgesOf(ctx, graph.EdgeQuery{Node: m.ID, Type: t, In: in, WithProps: true})
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				l := link{t: t, dir: DirectionOut, other: e.To, score: e.Weight, note: e.Note}
				if in {
					l.dir, l.other = DirectionIn, e.From
				}
				out = append(out, l)
			}
		}
	}
	order := func(t graph.EdgeType) int { return slices.Index(graph.LinkTypes, t) }
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.t != b.t {
			return order(a.t) < order(b.t)
		}
		if a.other != b.other {
			return a.other < b.other
		}
		return a.dir < b.dir
	})
	return out, nil
}

// links are a mandate's first links, of the given types.
func (r *Resolver) links(ctx context.Context, m *graph.Mandate, types []graph.EdgeType, first *int) ([]*MandateLink, error) {
	n, err := r.first(ctx, first)
	if err != nil {
		return nil, err
	}
	ls, err := r.linksOf(ctx, m, types)
	if err != nil {
		return nil, err
	}
	if len(ls) > n {
		ls = ls[:n]
	}
	ids := make([]string, len(ls))
	for i, l := range ls {
		ids[i] = l.other
	}
	ms, err := r.loaders(ctx).nodes.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*MandateLink, 0, len(ls))
	for i, l := range ls {
		om, ok := ms[i].(*graph.Mandate)
		if !ok {
			continue
		}
		out = append(out, &MandateLink{Type: l.t, Direction: l.dir, Score: l.score, Evidence: l.note, Mandate: om})
	}
	return out, nil
}

// similar are the first mandates of other summits most like m, best first:
// the ones it renews or that renew it, and the related ones.
func (r *Resolver) similar(ctx context.Context, m *graph.Mandate, first *int) ([]*Similarity, error) {
	n, err := r.first(ctx, first)
	if err != nil {
		return nil, err
	}
	ls, err := r.linksOf(ctx, m, []graph.EdgeType{graph.Renews, graph.RelatedTo})
	if err != nil {
		return nil, err
	}
	var ids []string
	var scores []float64
	seen := map[string]bool{m.ID: true}
	for _, l := range ls {
		if seen[l.other] {
			continue
		}
		seen[l.other] = true
		ids = append(ids, l.other)
		scores = append(scores, l.score)
		if len(ids) == n {
			break
		}
	}
	ns, err := r.loaders(ctx).nodes.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	res := make([]*Similarity, 0, len(ns))
	for i, nd := range ns {
		if om, ok := nd.(*graph.Mandate); ok {
			res = append(res, &Similarity{Mandate: om, Score: scores[i]})
		}
	}
	return res, nil
}

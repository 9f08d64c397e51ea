package gql

import (
	"context"
	"sort"

	"summitgraph/graph"
)

// The fields of a mandate read from its edges, through the request's
// loaders.

// items are a mandate's lettered or indented items, in source order.
func (r *Resolver) items(ctx context.Context, m *graph.Mandate) ([]*graph.Mandate, error) {
	es, err := r.edgesOf(ctx, graph.EdgeQuery{Node: m.ID, Type: graph.PartOf, In: true})
	if err != nil {
		return nil, err
	}
	items, err := nodesAs[*graph.Mandate](ctx, r, fromIDs(es))
	sort.Slice(items, func(i, j int) bool { return items[i].Source().Seq < items[j].Source().Seq })
	return items, err
}

// mentions are the entities a mandate names, one per occurrence in text
// order, of one kind when kind is set.
func (r *Resolver) mentions(ctx context.Context, m *graph.Mandate, kind *graph.Kind) ([]*graph.Mention, error) {
	es, err := r.edgesOf(ctx, graph.EdgeQuery{Node: m.ID, Type: graph.Mentions, WithProps: true})
	if err != nil {
		return nil, err
	}
	var out []*graph.Mention
	for _, e := range es {
		if kind != nil {
			ent, err := nodeAs[*graph.Entity](ctx, r, e.To)
			if err != nil {
				return nil, err
			}
			if ent.EntityKind != *kind {
				continue
			}
		}
		for _, ev := range e.Evidence {
			out = append(out, &graph.Mention{Mandate: m.ID, Entity: e.To, Evidence: ev})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

// references are the summits and documents a mandate names, in text order.
func (r *Resolver) references(ctx context.Context, m *graph.Mandate) ([]*graph.Reference, error) {
	es, err := r.edgesOf(ctx, graph.EdgeQuery{Node: m.ID, Type: graph.References, WithProps: true})
	if err != nil {
		return nil, err
	}
	var out []*graph.Reference
	for _, e := range es {
		for _, ev := range e.Evidence {
			out = append(out, &graph.Reference{Mandate: m.ID, Target: e.To, Evidence: ev})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

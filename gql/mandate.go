package gql

import (
	"context"
	"slices"
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

// mentions are a page of allMentions: at most first (the schema's
// default when null) from position offset.
func (r *Resolver) mentions(ctx context.Context, m *graph.Mandate, kind *graph.Kind, first, offset *int) ([]*graph.Mention, error) {
	n, err := r.first(ctx, first)
	if err != nil {
		return nil, err
	}
	from := intArg(ctx, "offset", offset)
	if from < 0 {
		return nil, graph.Errorf(graph.EINVALID, "offset must be 0 or more (got %d)", from)
	}
	all, err := r.allMentions(ctx, m, kind)
	if err != nil {
		return nil, err
	}
	from = min(from, len(all))
	return all[from:min(from+n, len(all))], nil
}

// allMentions are the entities a mandate names, one per occurrence in text
// order, of one kind when kind is set.
func (r *Resolver) allMentions(ctx context.Context, m *graph.Mandate, kind *graph.Kind) ([]*graph.Mention, error) {
	es, err := r.edgesOf(ctx, graph.EdgeQuery{Node: m.ID, Type: graph.Mentions, WithProps: true})
	if err != nil {
		return nil, err
	}
	out := []*graph.Mention{}
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

// stepMandates are the mandates of a trace's step: all of them, or the
// first (at most the cap of first) after the one whose id is after. A step
// that does not hold after has none after it: the same request pages one
// step, and the others answer with empty pages (and their counts). They
// are read in one store call, not through the loaders: the ids are known
// at once, and waiting for other keys would only add the loader's wait.
func (r *Resolver) stepMandates(ctx context.Context, st *graph.TraceRef, first *int, after *string) ([]*graph.Mandate, error) {
	ids := st.Mandates
	if after != nil {
		i := slices.Index(ids, *after)
		ids = ids[i+1:] // i = -1: another step's mandate (or none); see above
		if i < 0 {
			ids = nil
		}
	}
	if first != nil {
		n, err := r.first(ctx, first)
		if err != nil {
			return nil, err
		}
		ids = ids[:min(n, len(ids))]
	}
	nodes, errs := r.Store.Nodes(ctx, ids)
	out := make([]*graph.Mandate, 0, len(nodes))
	for i, n := range nodes {
		if errs[i] != nil {
			if graph.ErrorCode(errs[i]) == graph.ENOTFOUND {
				continue // deleted since the trace was read
			}
			return nil, errs[i]
		}
		if m, ok := n.(*graph.Mandate); ok {
			out = append(out, m)
		}
	}
	return out, nil
}

package gql

import (
	"context"

	"summitgraph/graph"
)

// related are the first entities mentioned most with e, of one kind when
// kind is set.
func (r *Resolver) related(ctx context.Context, e *graph.Entity, kind *graph.Kind, first *int) ([]*Relatedness, error) {
	n, err := r.first(ctx, first)
	if err != nil {
		return nil, err
	}
	rel, err := r.Store.Related(ctx, e.ID, deref(kind), n)
	if err != nil {
		return nil, err
	}
	out := make([]*Relatedness, len(rel))
	for i, x := range rel {
		out[i] = &Relatedness{Entity: x.Entity, Count: x.Count, Weight: x.Weight}
	}
	return out, nil
}

// relations are e's catalog relations, both ways.
func (r *Resolver) relations(ctx context.Context, e *graph.Entity) ([]*Relation, error) {
	var out []*Relation
	for _, in := range []bool{false, true} {
		es, err := r.edgesOf(ctx, graph.EdgeQuery{Node: e.ID, In: in})
		if err != nil {
			return nil, err
		}
		for _, ed := range es {
			if !catalogRelation(ed.Type) {
				continue
			}
			other, dir := ed.To, DirectionOut
			if in {
				other, dir = ed.From, DirectionIn
			}
			ent, err := nodeAs[*graph.Entity](ctx, r, other)
			if err != nil {
				continue
			}
			out = append(out, &Relation{Type: string(ed.Type), Direction: dir, Entity: ent})
		}
	}
	return out, nil
}

package gql

import (
	"context"

	"summitgraph/graph"
)

// mandates is a page of a mandate listing as a connection; its total is
// counted only when a query asks for it.
func (r *Resolver) mandates(ctx context.Context, f graph.MandateFilter, first *int, after *string) (*MandateConnection, error) {
	n, err := r.first(ctx, first)
	if err != nil {
		return nil, err
	}
	page, err := r.Store.Mandates(ctx, f, n, deref(after))
	if err != nil {
		return nil, err
	}
	conn := &MandateConnection{filter: f}
	conn.Edges, conn.PageInfo = connection(page.Cursors, page.HasNextPage, func(i int, c string) *MandateEdge {
		return &MandateEdge{Cursor: c, Node: page.Mandates[i]}
	})
	return conn, nil
}

// mandateFilter is the store's form of a listing's filter.
func mandateFilter(f *MandateFilter) graph.MandateFilter {
	if f == nil {
		return graph.MandateFilter{}
	}
	return graph.MandateFilter{
		Summit:   deref(f.Summit),
		Document: deref(f.Document),
		YearFrom: deref(f.YearFrom),
		YearTo:   deref(f.YearTo),
		Mentions: deref(f.Mentions),
		TopLevel: deref(f.TopLevel),
	}
}

// mentionsOf is a page of an entity's mentions as a connection; its total
// is counted only when a query asks for it.
func (r *Resolver) mentionsOf(ctx context.Context, entity string, first *int, after *string) (*MentionConnection, error) {
	n, err := r.first(ctx, first)
	if err != nil {
		return nil, err
	}
	page, err := r.Store.EntityMentions(ctx, entity, n, deref(after))
	if err != nil {
		return nil, err
	}
	conn := &MentionConnection{entity: entity}
	conn.Edges, conn.PageInfo = connection(page.Cursors, page.HasNextPage, func(i int, c string) *MentionEdge {
		return &MentionEdge{Cursor: c, Node: &page.Mentions[i]}
	})
	return conn, nil
}

// entities is a page of the entities of a kind ("" for all) as a
// connection, with its total.
func (r *Resolver) entities(ctx context.Context, kind graph.Kind, first *int, after *string) (*EntityConnection, error) {
	n, err := r.first(ctx, first)
	if err != nil {
		return nil, err
	}
	page, err := r.Store.Entities(ctx, kind, n, deref(after))
	if err != nil {
		return nil, err
	}
	total, err := r.Store.CountEntities(ctx, kind)
	if err != nil {
		return nil, err
	}
	conn := &EntityConnection{TotalCount: total}
	conn.Edges, conn.PageInfo = connection(page.Cursors, page.HasNextPage, func(i int, c string) *EntityEdge {
		return &EntityEdge{Cursor: c, Node: page.Entities[i]}
	})
	return conn, nil
}

package gql

import (
	"context"

	"summitgraph/graph"
)

// mandates is a page of a mandate listing as a connection; its total is
// counted only when a query asks for it.
func (r *Resolver) mandates(ctx context.Context, f graph.MandateFilter, first *int, after *string, last *int, before *string) (*MandateConnection, error) {
	p, err := r.pageOf(ctx, first, after, last, before)
	if err != nil {
		return nil, err
	}
	var ms []*graph.Mandate
	var cursors []string
	var prev, next bool
	if p.backward {
		// The store reads the listing backward from the cursor.
		page, err := r.Store.MandatesBefore(ctx, f, p.n, p.before)
		if err != nil {
			return nil, err
		}
		if p.n > 0 {
			ms, cursors = page.Mandates, page.Cursors
		}
		prev, next = page.HasPreviousPage, p.before != ""
	} else {
		page, err := r.Store.Mandates(ctx, f, p.n, p.after)
		if err != nil {
			return nil, err
		}
		ms, cursors, prev, next = page.Mandates, page.Cursors, p.after != "", page.HasNextPage
	}
	conn := &MandateConnection{filter: f}
	conn.Edges, conn.PageInfo = connection(cursors, next, func(i int, c string) *MandateEdge {
		return &MandateEdge{Cursor: c, Node: ms[i]}
	})
	conn.PageInfo.HasPreviousPage = prev
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
		Language: deref(f.Language),
	}
}

// mentionsOf is a page of an entity's mentions as a connection; its total
// is counted only when a query asks for it.
func (r *Resolver) mentionsOf(ctx context.Context, entity string, first *int, after *string, last *int, before *string) (*MentionConnection, error) {
	p, err := r.pageOf(ctx, first, after, last, before)
	if err != nil {
		return nil, err
	}
	ms, cursors, prev, next, err := listing(ctx, p, func(n int, after string) ([]graph.Mention, []string, bool, error) {
		page, err := r.Store.EntityMentions(ctx, entity, n, after)
		if err != nil {
			return nil, nil, false, err
		}
		return page.Mentions, page.Cursors, page.HasNextPage, nil
	})
	if err != nil {
		return nil, err
	}
	conn := &MentionConnection{entity: entity}
	conn.Edges, conn.PageInfo = connection(cursors, next, func(i int, c string) *MentionEdge {
		return &MentionEdge{Cursor: c, Node: &ms[i]}
	})
	conn.PageInfo.HasPreviousPage = prev
	return conn, nil
}

// entities is a page of the entities of a kind ("" for all) as a
// connection, with its total.
func (r *Resolver) entities(ctx context.Context, kind graph.Kind, first *int, after *string, last *int, before *string) (*EntityConnection, error) {
	p, err := r.pageOf(ctx, first, after, last, before)
	if err != nil {
		return nil, err
	}
	es, cursors, prev, next, err := listing(ctx, p, func(n int, after string) ([]*graph.Entity, []string, bool, error) {
		page, err := r.Store.Entities(ctx, kind, n, after)
		if err != nil {
			return nil, nil, false, err
		}
		return page.Entities, page.Cursors, page.HasNextPage, nil
	})
	if err != nil {
		return nil, err
	}
	total, err := r.Store.CountEntities(ctx, kind)
	if err != nil {
		return nil, err
	}
	conn := &EntityConnection{TotalCount: total}
	conn.Edges, conn.PageInfo = connection(cursors, next, func(i int, c string) *EntityEdge {
		return &EntityEdge{Cursor: c, Node: es[i]}
	})
	conn.PageInfo.HasPreviousPage = prev
	return conn, nil
}

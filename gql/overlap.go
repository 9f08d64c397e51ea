package gql

import (
	"context"
	"encoding/base64"
	"slices"

	"summitgraph/graph"
)

// OverlapReport is Query.overlap's answer: the store's report, whose two
// lists are paged here.
type OverlapReport struct {
	Summit   *graph.Summit
	Theme    *graph.Entity
	Mandates int
	Renewing int
	Summits  []*SummitOverlap
	o        *graph.Overlap
}

func (r *Resolver) overlap(ctx context.Context, summit string, theme *string) (*OverlapReport, error) {
	o, err := r.Store.Overlap(ctx, summit, deref(theme))
	if err != nil {
		return nil, err
	}
	rep := &OverlapReport{Summit: o.Summit, Theme: o.Theme, Mandates: o.Mandates, Renewing: o.Renewing, o: o}
	for _, s := range o.Summits {
		rep.Summits = append(rep.Summits, &SummitOverlap{Summit: s.Summit, Mandates: s.Mandates,
			Renewing: s.Renewing, Renewed: s.Renewed, NotRenewed: s.NotRenewed})
	}
	return rep, nil
}

// window is the part of a list of n items, whose i-th cursor is
// cursor(i), that a connection's page asks for.
func window(p page, n int, cursor func(i int) string) (lo, hi int, err error) {
	find := func(c string) (int, error) {
		for i := range n {
			if cursor(i) == c {
				return i, nil
			}
		}
		return 0, graph.Errorf(graph.EINVALID, "invalid cursor %q", c)
	}
	if p.backward {
		hi = n
		if p.before != "" {
			if hi, err = find(p.before); err != nil {
				return 0, 0, err
			}
		}
		return max(0, hi-p.n), hi, nil
	}
	if p.after != "" {
		if lo, err = find(p.after); err != nil {
			return 0, 0, err
		}
		lo++
	}
	return lo, min(n, lo+p.n), nil
}

func renewalCursor(rn graph.Renewal) string {
	return base64.RawURLEncoding.EncodeToString([]byte(rn.From + "|" + rn.To))
}

func (r *Resolver) renewals(ctx context.Context, rep *OverlapReport, first *int, after *string, last *int, before *string) (*RenewalConnection, error) {
	p, err := r.pageOf(ctx, first, after, last, before)
	if err != nil {
		return nil, err
	}
	all := rep.o.Renewals
	lo, hi, err := window(p, len(all), func(i int) string { return renewalCursor(all[i]) })
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, 2*(hi-lo))
	for _, rn := range all[lo:hi] {
		ids = append(ids, rn.From, rn.To)
	}
	ms, err := r.mandatesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	cursors := make([]string, hi-lo)
	for i := range cursors {
		cursors[i] = renewalCursor(all[lo+i])
	}
	conn := &RenewalConnection{TotalCount: len(all)}
	conn.Edges, conn.PageInfo = connection(cursors, hi < len(all), func(i int, c string) *RenewalEdge {
		rn := all[lo+i]
		return &RenewalEdge{Cursor: c, Node: &Renewal{From: ms[2*i], To: ms[2*i+1], Score: rn.Score, Evidence: rn.Note}}
	})
	conn.PageInfo.HasPreviousPage = lo > 0
	return conn, nil
}

func (r *Resolver) notRenewed(ctx context.Context, rep *OverlapReport, first *int, after *string, last *int, before *string) (*MandateConnection, error) {
	p, err := r.pageOf(ctx, first, after, last, before)
	if err != nil {
		return nil, err
	}
	o := rep.o
	lo, hi, err := window(p, len(o.NotRenewed), func(i int) string { return o.NotRenewedCursors[i] })
	if err != nil {
		return nil, err
	}
	ms, err := r.mandatesByID(ctx, o.NotRenewed[lo:hi])
	if err != nil {
		return nil, err
	}
	total := len(o.NotRenewed)
	conn := &MandateConnection{total: &total}
	cursors := slices.Clone(o.NotRenewedCursors[lo:hi])
	conn.Edges, conn.PageInfo = connection(cursors, hi < total, func(i int, c string) *MandateEdge {
		return &MandateEdge{Cursor: c, Node: ms[i]}
	})
	conn.PageInfo.HasPreviousPage = lo > 0
	return conn, nil
}

// mandatesByID loads mandates, keeping their order: ECORRUPT when one is
// missing (the report and the pages are read from one snapshot).
func (r *Resolver) mandatesByID(ctx context.Context, ids []string) ([]*graph.Mandate, error) {
	ns, err := r.loaders(ctx).nodes.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Mandate, len(ns))
	for i, n := range ns {
		m, ok := n.(*graph.Mandate)
		if !ok {
			return nil, graph.Errorf(graph.ECORRUPT, "overlap: %s is not a mandate", ids[i])
		}
		out[i] = m
	}
	return out, nil
}

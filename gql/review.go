package gql

import (
	"context"
	"strings"
	"sync"

	"summitgraph/graph"
)

// The review queue (Query.review): mandates a curator should look at.

// ReviewConnection is a page of the review queue. Its counts are read only
// when a query asks for them (they scan the whole queue), once for both.
type ReviewConnection struct {
	Edges    []*ReviewEdge
	PageInfo *PageInfo
	reason   string
	below    float64

	once  sync.Once
	total int
	by    map[string]int
	err   error
}

func (c *ReviewConnection) counts(ctx context.Context, r *Resolver) (int, map[string]int, error) {
	c.once.Do(func() { c.total, c.by, c.err = r.Store.ReviewCounts(ctx, c.below) })
	if c.reason != "" {
		return c.by[c.reason], c.by, c.err
	}
	return c.total, c.by, c.err
}

// reviewReason is the store's name of a reason.
func reviewReason(r ReviewReason) string { return strings.ToLower(string(r)) }

// reviewReasonOf is the schema's name of the store's reason.
func reviewReasonOf(s string) ReviewReason { return ReviewReason(strings.ToUpper(s)) }

func (r *Resolver) review(ctx context.Context, reason *ReviewReason, below *float64, first *int, after *string, last *int, before *string) (*ReviewConnection, error) {
	p, err := r.pageOf(ctx, first, after, last, before)
	if err != nil {
		return nil, err
	}
	f := graph.ReviewFilter{Below: graph.DefaultReviewBelow}
	if below != nil {
		if *below < 0 || *below > 1 {
			return nil, graph.Errorf(graph.EINVALID, "below must be between 0 and 1 (got %g)", *below)
		}
		f.Below = *below
	}
	if reason != nil {
		if !reason.IsValid() {
			return nil, graph.Errorf(graph.EINVALID, "unknown review reason %q", *reason)
		}
		f.Reason = reviewReason(*reason)
	}
	items, cursors, prev, next, err := listing(ctx, p, func(n int, after string) ([]graph.ReviewItem, []string, bool, error) {
		page, err := r.Store.Review(ctx, f, n, after)
		if err != nil {
			return nil, nil, false, err
		}
		return page.Items, page.Cursors, page.HasNextPage, nil
	})
	if err != nil {
		return nil, err
	}
	conn := &ReviewConnection{reason: f.Reason, below: f.Below}
	conn.Edges, conn.PageInfo = connection(cursors, next, func(i int, c string) *ReviewEdge {
		return &ReviewEdge{Cursor: c, Node: &items[i]}
	})
	conn.PageInfo.HasPreviousPage = prev
	return conn, nil
}

func (r *Resolver) reviewCounts(ctx context.Context, c *ReviewConnection) ([]*ReviewCount, error) {
	_, by, err := c.counts(ctx, r)
	if err != nil {
		return nil, err
	}
	out := make([]*ReviewCount, 0, len(graph.ReviewReasons))
	for _, s := range graph.ReviewReasons {
		out = append(out, &ReviewCount{Reason: reviewReasonOf(s), Count: by[s]})
	}
	return out, nil
}

func reviewReasons(it *graph.ReviewItem) []ReviewReason {
	out := make([]ReviewReason, len(it.Reasons))
	for i, s := range it.Reasons {
		out[i] = reviewReasonOf(s)
	}
	return out
}

func lowMentions(it *graph.ReviewItem) []*graph.Mention {
	out := make([]*graph.Mention, len(it.Low))
	for i := range it.Low {
		out[i] = &it.Low[i]
	}
	return out
}

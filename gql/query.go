package gql

import (
	"context"
)

// search ranks mandates and entities for text, with a snippet each.
func (r *Resolver) search(ctx context.Context, text string, first *int) ([]*SearchHit, error) {
	n, err := r.first(ctx, first)
	if err != nil {
		return nil, err
	}
	q := r.Analyzer.QueryTerms(text)
	hits, err := r.Store.Search(ctx, q, n)
	if err != nil || len(hits) == 0 {
		return []*SearchHit{}, err
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	nodes, errs := r.Store.Nodes(ctx, ids)
	out := make([]*SearchHit, 0, len(hits))
	for i, nd := range nodes {
		if errs[i] != nil {
			continue
		}
		out = append(out, &SearchHit{Node: nd, Score: hits[i].Score, Snippet: r.Analyzer.Snippet(searchText(nd), q)})
	}
	return out, nil
}

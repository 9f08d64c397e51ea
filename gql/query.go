package gql

import (
	"context"
)

// search ranks mandates and entities for text, with a snippet each.
func (r *Resolver) search(ctx context.Context, text string, first *int, after *string) ([]*SearchHit, error) {
	n, err := r.first(ctx, first)
	if err != nil {
		return nil, err
	}
	// after is a hit's cursor: the offset after it in the ranking, which
	// reads the best from+n matches (at most searchWindow) and skips from.
	from := 0
	if after != nil && *after != "" {
		if from, err = searchOffset(*after); err != nil {
			return nil, err
		}
	}
	q := r.Analyzer.QueryTerms(text)
	hits, err := r.Store.Search(ctx, q, min(from+n, searchWindow))
	if err != nil || len(hits) <= from {
		return []*SearchHit{}, err
	}
	hits = hits[from:]
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
		out = append(out, &SearchHit{Node: nd, Score: hits[i].Score, Snippet: r.Analyzer.Snippet(searchText(nd), q), Cursor: searchCursor(from + i)})
	}
	return out, nil
}

package gql

import (
	"context"
	"encoding/base64"
	"slices"
	"sort"
	"strconv"

	"summitgraph/graph"
)

// searchWindow is how many of the best matches searchPage ranks, filters
// and pages through.
const searchWindow = 1000

// searchCursor is the position after a hit in the filtered ranking.
func searchCursor(i int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("s" + strconv.Itoa(i+1)))
}

func searchOffset(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil && len(b) > 1 && b[0] == 's' {
		if n, err := strconv.Atoi(string(b[1:])); err == nil && n >= 0 && n <= searchWindow {
			return n, nil
		}
	}
	return 0, graph.Errorf(graph.EINVALID, "invalid cursor %q", c)
}

// searchKeeps reports whether a filter keeps node n.
func searchKeeps(f *SearchFilter, n graph.Node) bool {
	if f == nil {
		return true
	}
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, nodeKind(n)) {
		return false
	}
	summit, lang, text := "", "", false
	switch x := n.(type) {
	case *graph.Mandate:
		summit, lang, text = x.Summit, x.Language, true
	case *graph.Document:
		summit, lang, text = x.Summit, x.Language, true
	case *graph.Summit:
		summit = x.ID
	}
	if f.Summit != nil && *f.Summit != "" && summit != *f.Summit {
		return false
	}
	if f.Language != nil && *f.Language != "" && (!text || lang != *f.Language) {
		return false
	}
	return true
}

// nodeKind is the schema's kind of a node: an entity's own kind.
func nodeKind(n graph.Node) graph.Kind {
	if e, ok := n.(*graph.Entity); ok {
		return e.EntityKind
	}
	return n.Kind()
}

// searchPage ranks the best searchWindow matches as search does, counts
// them by kind, summit and language, filters them and returns a page.
func (r *Resolver) searchPage(ctx context.Context, text string, f *SearchFilter, first *int, after *string, last *int, before *string) (*SearchConnection, error) {
	p, err := r.pageOf(ctx, first, after, last, before)
	if err != nil {
		return nil, err
	}
	n, from, to := p.n, 0, -1 // to: the offset of before, -1 for the end
	if p.after != "" {
		if from, err = searchOffset(p.after); err != nil {
			return nil, err
		}
	}
	if p.before != "" {
		// A cursor is the offset after its item: the page ends before it.
		if to, err = searchOffset(p.before); err != nil {
			return nil, err
		}
		to = max(to-1, 0)
	}
	conn := &SearchConnection{PageInfo: &PageInfo{}, Edges: []*SearchEdge{}, Kinds: []*KindCount{}, Summits: []*SummitCount{}, Languages: []*LanguageCount{}}
	q := r.Analyzer.QueryTerms(text)
	hits, err := r.Store.Search(ctx, q, searchWindow)
	if err != nil || len(hits) == 0 {
		return conn, err
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	nodes, errs := r.Store.Nodes(ctx, ids)
	kinds, summits, langs := map[graph.Kind]int{}, map[string]int{}, map[string]int{}
	var kept []int
	for i, nd := range nodes {
		if errs[i] != nil {
			continue
		}
		kinds[nodeKind(nd)]++
		switch x := nd.(type) {
		case *graph.Mandate:
			summits[x.Summit]++
			if x.Language != "" {
				langs[x.Language]++
			}
		case *graph.Document:
			summits[x.Summit]++
			if x.Language != "" {
				langs[x.Language]++
			}
		}
		if searchKeeps(f, nd) {
			kept = append(kept, i)
		}
	}
	conn.TotalCount = len(kept)
	if p.backward {
		if to < 0 || to > len(kept) {
			to = len(kept)
		}
		from = max(0, to-n)
		n = to - from
	}
	for i := from; i < len(kept) && i < from+n; i++ {
		h, nd := hits[kept[i]], nodes[kept[i]]
		conn.Edges = append(conn.Edges, &SearchEdge{Cursor: searchCursor(i), Node: &SearchHit{Node: nd, Score: h.Score, Snippet: r.Analyzer.Snippet(searchText(nd), q), Cursor: searchCursor(i)}})
	}
	conn.PageInfo.HasNextPage = from+n < len(kept)
	conn.PageInfo.HasPreviousPage = from > 0
	if len(conn.Edges) > 0 {
		c, d := conn.Edges[len(conn.Edges)-1].Cursor, conn.Edges[0].Cursor
		conn.PageInfo.EndCursor, conn.PageInfo.StartCursor = &c, &d
	}
	for k, c := range kinds {
		conn.Kinds = append(conn.Kinds, &KindCount{Kind: k, Count: c})
	}
	sort.Slice(conn.Kinds, func(i, j int) bool {
		return conn.Kinds[i].Count > conn.Kinds[j].Count || conn.Kinds[i].Count == conn.Kinds[j].Count && conn.Kinds[i].Kind < conn.Kinds[j].Kind
	})
	for l, c := range langs {
		conn.Languages = append(conn.Languages, &LanguageCount{Language: l, Count: c})
	}
	sort.Slice(conn.Languages, func(i, j int) bool {
		return conn.Languages[i].Count > conn.Languages[j].Count || conn.Languages[i].Count == conn.Languages[j].Count && conn.Languages[i].Language < conn.Languages[j].Language
	})
	if len(summits) > 0 {
		all, err := r.Store.Summits(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range all { // oldest first
			if c := summits[s.ID]; c > 0 {
				conn.Summits = append(conn.Summits, &SummitCount{Summit: s, Count: c})
			}
		}
		if c := summits[""]; c > 0 {
			conn.Summits = append(conn.Summits, &SummitCount{Count: c})
		}
	}
	return conn, nil
}

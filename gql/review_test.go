package gql

import (
	"context"
	"os"
	"reflect"
	"testing"

	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
)

// reviewStore is the seed corpus and testdata/review-page.txt: one mandate
// with a name found by NER (0.7), one citing no known summit, one cut off
// mid-sentence without a citation.
func reviewStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := ingesttest.SeedStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cat, _ := ingesttest.Catalog()
	b, err := os.ReadFile("testdata/review-page.txt")
	if err != nil {
		t.Fatal(err)
	}
	src, err := ingest.Text("review-page.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ingest.New(st, cat, ingest.Options{}).Ingest(ctx, []ingest.Source{src}, nil) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	return st
}

type reviewData struct {
	Review struct {
		TotalCount int
		Counts     []struct {
			Reason string
			Count  int
		}
		Edges []struct {
			Cursor string
			Node   struct {
				Reasons []string
				Mandate struct {
					ID     string
					Summit *struct{ ID string }
					Source struct {
						File string
						Line int
					}
				}
				LowMentions []struct {
					Surface    string
					Confidence float64
					Entity     struct{ ID string }
				}
			}
		}
		PageInfo struct {
			HasNextPage bool
			EndCursor   *string
		}
	}
}

const reviewQuery = `query($reason: ReviewReason, $below: Float, $first: Int, $after: String) {
  review(reason: $reason, below: $below, first: $first, after: $after) {
    totalCount counts { reason count }
    edges { cursor node { reasons mandate { id summit { id } source { file line } } lowMentions { surface confidence entity { id } } } }
    pageInfo { hasNextPage endCursor } } }`

func TestReview(t *testing.T) {
	c := newClient(t, Options{Store: reviewStore(t)})
	var all reviewData
	c.ok(reviewQuery, map[string]any{"first": 10}, &all)
	r := all.Review
	type row struct {
		reasons []string
		line    int
	}
	var got []row
	for _, e := range r.Edges {
		got = append(got, row{e.Node.Reasons, e.Node.Mandate.Source.Line})
		if e.Node.Mandate.Source.File != "review-page.txt" {
			t.Errorf("%s from %s: the seed corpus has nothing to review", e.Node.Mandate.ID, e.Node.Mandate.Source.File)
		}
	}
	// Listing order: the attributed one (Lima 2018) first, the
	// unattributed after, in source order.
	want := []row{{[]string{"LOW_CONFIDENCE"}, 8}, {[]string{"UNATTRIBUTED", "UNRESOLVED"}, 10}, {[]string{"UNATTRIBUTED", "TRUNCATED"}, 12}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("queue = %+v, want %+v", got, want)
	}
	if r.TotalCount != 3 || r.PageInfo.HasNextPage {
		t.Errorf("totalCount %d, hasNextPage %v; want 3, false", r.TotalCount, r.PageInfo.HasNextPage)
	}
	counts := map[string]int{}
	for _, x := range r.Counts {
		counts[x.Reason] = x.Count
	}
	if !reflect.DeepEqual(counts, map[string]int{"UNATTRIBUTED": 2, "UNRESOLVED": 1, "TRUNCATED": 1, "LOW_CONFIDENCE": 1}) {
		t.Errorf("counts = %v", counts)
	}
	low := r.Edges[0].Node.LowMentions
	if len(low) != 1 || low[0].Surface != "Hemispheric Network of Legal Cooperation on Family Law" || low[0].Confidence >= 0.75 {
		t.Errorf("low mentions = %+v", low)
	}
	if r.Edges[1].Node.Mandate.Summit != nil {
		t.Errorf("an unresolved mandate has summit %+v", r.Edges[1].Node.Mandate.Summit)
	}

	t.Run("one reason", func(t *testing.T) {
		var d reviewData
		c.ok(reviewQuery, map[string]any{"reason": "UNATTRIBUTED"}, &d)
		if d.Review.TotalCount != 2 || len(d.Review.Edges) != 2 || d.Review.Edges[0].Node.Mandate.Source.Line != 10 {
			t.Errorf("UNATTRIBUTED: %+v", d.Review)
		}
	})
	t.Run("a lower threshold", func(t *testing.T) {
		var d reviewData
		c.ok(reviewQuery, map[string]any{"reason": "LOW_CONFIDENCE", "below": 0.65}, &d)
		if d.Review.TotalCount != 0 || len(d.Review.Edges) != 0 {
			t.Errorf("below 0.65: %+v (the NER mention is 0.7)", d.Review)
		}
	})
	t.Run("pages", func(t *testing.T) {
		var seen []string
		var after any
		for i := 0; i < 5; i++ {
			var d reviewData
			c.ok(reviewQuery, map[string]any{"first": 1, "after": after}, &d)
			for _, e := range d.Review.Edges {
				seen = append(seen, e.Node.Mandate.ID)
			}
			if !d.Review.PageInfo.HasNextPage {
				break
			}
			after = *d.Review.PageInfo.EndCursor
		}
		var ids []string
		for _, e := range r.Edges {
			ids = append(ids, e.Node.Mandate.ID)
		}
		if !reflect.DeepEqual(seen, ids) {
			t.Errorf("one at a time: %v, want %v", seen, ids)
		}
	})
	t.Run("counts follow a curation", func(t *testing.T) {
		st := reviewStore(t)
		c := newClient(t, Options{Store: st})
		var d reviewData
		c.ok(reviewQuery, map[string]any{"reason": "LOW_CONFIDENCE"}, &d)
		if d.Review.TotalCount != 1 {
			t.Fatalf("before: %d", d.Review.TotalCount)
		}
		it := d.Review.Edges[0].Node
		if _, err := st.RejectMention(context.Background(), it.Mandate.ID, it.LowMentions[0].Entity.ID, "test"); err != nil {
			t.Fatal(err)
		}
		d = reviewData{}
		c.ok(reviewQuery, map[string]any{"reason": "LOW_CONFIDENCE"}, &d)
		if d.Review.TotalCount != 0 || len(d.Review.Edges) != 0 {
			t.Errorf("after rejecting the mention: %+v (counted before the write)", d.Review)
		}
	})
	t.Run("bad arguments", func(t *testing.T) {
		for _, vars := range []map[string]any{{"below": 1.5}, {"after": "not-a-cursor"}, {"first": -1}} {
			if resp := c.do(reviewQuery, vars, nil); resp.code() != "INVALID" {
				t.Errorf("%v: code %q, errors %+v", vars, resp.code(), resp.Errors)
			}
		}
	})
}

type searchPageData struct {
	SearchPage struct {
		TotalCount int
		Edges      []struct {
			Cursor string
			Node   struct {
				Score float64
				Node  struct {
					ID, Kind string
					Summit   *struct{ ID string }
				}
			}
		}
		PageInfo struct {
			HasNextPage bool
			EndCursor   *string
		}
		Kinds []struct {
			Kind  string
			Count int
		}
		Summits []struct {
			Summit *struct{ ID string }
			Count  int
		}
		Languages []struct {
			Language string
			Count    int
		}
	}
}

const searchPageQuery = `query($text: String!, $filter: SearchFilter, $first: Int, $after: String) {
  searchPage(text: $text, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { score node { id kind ... on Mandate { summit { id } } } } }
    pageInfo { hasNextPage endCursor }
    kinds { kind count } summits { summit { id } count } languages { language count } } }`

func TestSearchPage(t *testing.T) {
	c := newClient(t, Options{})
	var ranked struct {
		Search []struct{ Node struct{ ID string } }
	}
	c.ok(`{ search(text: "promote", first: 500) { node { id } } }`, nil, &ranked)
	if len(ranked.Search) <= 20 {
		t.Fatalf("search promote: %d hits, want more than a page", len(ranked.Search))
	}
	// Paging 7 at a time gives search's ranking, whole.
	var ids []string
	var after any
	total := 0
	for len(ids) < 1000 {
		var d searchPageData
		c.ok(searchPageQuery, map[string]any{"text": "promote", "first": 7, "after": after}, &d)
		total = d.SearchPage.TotalCount
		for _, e := range d.SearchPage.Edges {
			ids = append(ids, e.Node.Node.ID)
		}
		if !d.SearchPage.PageInfo.HasNextPage {
			break
		}
		after = *d.SearchPage.PageInfo.EndCursor
	}
	var want []string
	for _, h := range ranked.Search {
		want = append(want, h.Node.ID)
	}
	if !reflect.DeepEqual(ids, want) || total != len(want) {
		t.Errorf("paged: %d ids (total %d), search: %d; differ: %v", len(ids), total, len(want), !reflect.DeepEqual(ids, want))
	}

	var d searchPageData
	c.ok(searchPageQuery, map[string]any{"text": "promote", "first": 500}, &d)
	byKind := map[string]int{}
	for _, k := range d.SearchPage.Kinds {
		byKind[k.Kind] = k.Count
	}
	lima := ""
	for _, s := range d.SearchPage.Summits {
		if s.Summit != nil && (lima == "" || s.Count > 1) {
			lima = s.Summit.ID
		}
	}
	for _, tc := range []struct {
		name   string
		filter map[string]any
		keep   func(id, kind string, summit string) bool
	}{
		{"mandates", map[string]any{"kinds": []string{"MANDATE"}}, func(_, k, _ string) bool { return k == "MANDATE" }},
		{"themes and institutions", map[string]any{"kinds": []string{"THEME", "INSTITUTION"}}, func(_, k, _ string) bool { return k == "THEME" || k == "INSTITUTION" }},
		{"a summit", map[string]any{"summit": lima}, func(_, k, s string) bool { return k == "MANDATE" && s == lima }},
		{"English", map[string]any{"language": "en"}, func(_, k, _ string) bool { return k == "MANDATE" }},
		{"French", map[string]any{"language": "fr"}, func(string, string, string) bool { return false }},
	} {
		var f searchPageData
		c.ok(searchPageQuery, map[string]any{"text": "promote", "first": 500, "filter": tc.filter}, &f)
		var wantIDs, gotIDs []string
		for _, e := range d.SearchPage.Edges {
			s := ""
			if e.Node.Node.Summit != nil {
				s = e.Node.Node.Summit.ID
			}
			if tc.keep(e.Node.Node.ID, e.Node.Node.Kind, s) {
				wantIDs = append(wantIDs, e.Node.Node.ID)
			}
		}
		for _, e := range f.SearchPage.Edges {
			gotIDs = append(gotIDs, e.Node.Node.ID)
		}
		if !reflect.DeepEqual(gotIDs, wantIDs) || f.SearchPage.TotalCount != len(wantIDs) {
			t.Errorf("%s: %d kept (total %d), want %d", tc.name, len(gotIDs), f.SearchPage.TotalCount, len(wantIDs))
		}
		if tc.name == "mandates" && len(wantIDs) != byKind["MANDATE"] {
			t.Errorf("kinds says %d mandates, the filter keeps %d", byKind["MANDATE"], len(wantIDs))
		}
	}
	if resp := c.do(searchPageQuery, map[string]any{"text": "promote", "after": "bm90LWEtY3Vyc29y"}, nil); resp.code() != "INVALID" {
		t.Errorf("a bad cursor: %q %+v", resp.code(), resp.Errors)
	}
}

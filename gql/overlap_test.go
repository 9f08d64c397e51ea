package gql

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
)

// lineageStore ingests files of the lineage fixtures (written for the
// project: graph/ingest/testdata/lineage) into a store holding the catalog.
func lineageStore(t *testing.T, names ...string) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := ingesttest.CatalogStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join("..", "graph", "ingest", "testdata", "lineage", n))
	}
	srcs, err := ingest.Paths(paths)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ingest.New(st, cat, ingest.Options{Workers: 1}).Ingest(ctx, srcs, nil) {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Name, r.Err)
		}
	}
	return st
}

const overlapQuery = `query($s: ID!, $t: ID, $n: Int, $a: String, $b: String) {
  overlap(summit: $s, theme: $t) {
    summit { id } theme { id } mandates renewing
    summits { summit { id } mandates renewing renewed notRenewed }
    renewals(first: $n, after: $a) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { from { id number text } to { id number summit { id } } score evidence } }
    }
    notRenewed(first: $n, after: $b) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id number summit { id } } }
    }
  }
}`

type overlapData struct {
	Overlap struct {
		Summit   struct{ ID string }
		Theme    *struct{ ID string }
		Mandates int
		Renewing int
		Summits  []struct {
			Summit                                  struct{ ID string }
			Mandates, Renewing, Renewed, NotRenewed int
		}
		Renewals struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage, HasPreviousPage bool
				EndCursor                    string
			}
			Edges []struct {
				Cursor string
				Node   struct {
					From struct{ ID, Number, Text string }
					To   struct {
						ID, Number string
						Summit     struct{ ID string }
					}
					Score    float64
					Evidence string
				}
			}
		}
		NotRenewed struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   string
			}
			Edges []struct {
				Cursor string
				Node   struct {
					ID, Number string
					Summit     struct{ ID string }
				}
			}
		}
	}
}

// TestOverlap: Los Angeles 2022 renews two of Lima 2018's four mandates
// (the water network with "Continue", the mangroves with "Reaffirm"); its
// lithium registry renews nothing, and Lima's procurement and volcanic ash
// mandates are not carried forward.
func TestOverlap(t *testing.T) {
	c := newClient(t, Options{Store: lineageStore(t, "lima_2018_declaration_en.txt", "los_angeles_2022_plan_en.txt")})
	var d overlapData
	c.ok(overlapQuery, map[string]any{"s": "summit/2022-los-angeles"}, &d)
	o := d.Overlap
	if o.Summit.ID != "summit/2022-los-angeles" || o.Theme != nil || o.Mandates != 3 || o.Renewing != 2 {
		t.Fatalf("report: %+v", o)
	}
	if len(o.Summits) != 1 {
		t.Fatalf("summits: %+v", o.Summits)
	}
	if s := o.Summits[0]; s.Summit.ID != "summit/2018-lima" || s.Mandates != 4 || s.Renewing != 2 || s.Renewed != 2 || s.NotRenewed != 2 {
		t.Errorf("Lima: %+v", s)
	}
	rs := o.Renewals
	if rs.TotalCount != 2 || len(rs.Edges) != 2 || rs.PageInfo.HasNextPage {
		t.Fatalf("renewals: %+v", rs)
	}
	pairs := map[string]string{}
	for i, e := range rs.Edges {
		n := e.Node
		if n.To.Summit.ID != "summit/2018-lima" || n.Score <= 0 || n.Score > 1 || !strings.Contains(n.Evidence, "rule renews") {
			t.Errorf("renewal %d: %+v", i, n)
		}
		if i > 0 && n.Score > rs.Edges[i-1].Node.Score {
			t.Errorf("renewals not best first: %+v", rs.Edges)
		}
		pairs[n.From.Number] = n.To.Number
		if n.From.Number == "1" && !strings.Contains(n.Evidence, `"continue"`) || n.From.Number == "2" && !strings.Contains(n.Evidence, `"reaffirm"`) {
			t.Errorf("renewal %s: evidence %q does not name its renewal word", n.From.Number, n.Evidence)
		}
	}
	if pairs["1"] != "1" || pairs["2"] != "2" || len(pairs) != 2 {
		t.Errorf("pairs (2022 → 2018 paragraph numbers): %v", pairs)
	}
	nr := o.NotRenewed
	var nums []string
	for _, e := range nr.Edges {
		if e.Node.Summit.ID != "summit/2018-lima" {
			t.Errorf("not renewed of another summit: %+v", e.Node)
		}
		nums = append(nums, e.Node.Number)
	}
	if nr.TotalCount != 2 || strings.Join(nums, ",") != "3,4" {
		t.Errorf("not renewed: total %d, numbers %v; want 2, [3 4]", nr.TotalCount, nums)
	}

	// Paging: one at a time, forward, then backward from the end.
	var p1, p2 overlapData
	c.ok(overlapQuery, map[string]any{"s": "summit/2022-los-angeles", "n": 1}, &p1)
	if e := p1.Overlap.Renewals; len(e.Edges) != 1 || !e.PageInfo.HasNextPage || e.PageInfo.HasPreviousPage || e.TotalCount != 2 {
		t.Fatalf("first page: %+v", e)
	}
	c.ok(overlapQuery, map[string]any{"s": "summit/2022-los-angeles", "n": 1, "a": p1.Overlap.Renewals.PageInfo.EndCursor}, &p2)
	if e := p2.Overlap.Renewals; len(e.Edges) != 1 || e.PageInfo.HasNextPage || !e.PageInfo.HasPreviousPage ||
		e.Edges[0].Node.From.ID != rs.Edges[1].Node.From.ID {
		t.Fatalf("second page: %+v", e)
	}
	var back struct {
		Overlap struct {
			NotRenewed struct {
				PageInfo struct{ HasPreviousPage bool }
				Edges    []struct{ Node struct{ Number string } }
			}
		}
	}
	c.ok(`{ overlap(summit: "summit/2022-los-angeles") { notRenewed(last: 1) { pageInfo { hasPreviousPage } edges { node { number } } } } }`, nil, &back)
	if b := back.Overlap.NotRenewed; len(b.Edges) != 1 || b.Edges[0].Node.Number != "4" || !b.PageInfo.HasPreviousPage {
		t.Errorf("last page: %+v", b)
	}

	// The earlier summit: nothing before it renews or is renewed; Lima's
	// own report has no earlier summit with mandates.
	var lima overlapData
	c.ok(overlapQuery, map[string]any{"s": "summit/2018-lima"}, &lima)
	if l := lima.Overlap; l.Mandates != 4 || l.Renewing != 0 || len(l.Summits) != 0 || l.Renewals.TotalCount != 0 || l.NotRenewed.TotalCount != 0 {
		t.Errorf("Lima's report: %+v", l)
	}
}

// TestOverlapTheme: with a theme only the mandates that mention it count,
// on both sides.
func TestOverlapTheme(t *testing.T) {
	c := newClient(t, Options{Store: lineageStore(t, "lima_2018_declaration_en.txt", "los_angeles_2022_plan_en.txt")})
	var d overlapData
	c.ok(overlapQuery, map[string]any{"s": "summit/2022-los-angeles", "t": "theme/forests-and-biodiversity"}, &d)
	o := d.Overlap
	if o.Theme == nil || o.Theme.ID != "theme/forests-and-biodiversity" || o.Mandates != 1 || o.Renewing != 1 {
		t.Fatalf("report: %+v", o)
	}
	if len(o.Summits) != 1 || o.Summits[0].Mandates != 1 || o.Summits[0].Renewed != 1 || o.Summits[0].NotRenewed != 0 {
		t.Errorf("summits: %+v", o.Summits)
	}
	if o.Renewals.TotalCount != 1 || o.Renewals.Edges[0].Node.From.Number != "2" || o.NotRenewed.TotalCount != 0 {
		t.Errorf("renewals %+v, not renewed %+v", o.Renewals, o.NotRenewed)
	}
}

func TestOverlapErrors(t *testing.T) {
	c := newClient(t, Options{Store: lineageStore(t, "lima_2018_declaration_en.txt")})
	for _, tc := range []struct {
		vars map[string]any
		code string
	}{
		{map[string]any{"s": "summit/2099-nowhere"}, "NOT_FOUND"},
		{map[string]any{"s": "summit/2022-los-angeles", "t": "theme/no-such-theme"}, "NOT_FOUND"},
		{map[string]any{"s": "summit/2022-los-angeles", "t": "institution/idb"}, "INVALID"},
		{map[string]any{"s": "summit/2022-los-angeles", "a": "bm9wZQ"}, "INVALID"},
		{map[string]any{"s": "summit/2022-los-angeles", "b": "bm9wZQ"}, "INVALID"},
		{map[string]any{"s": "summit/2022-los-angeles", "n": -1}, "INVALID"},
	} {
		if r := c.do(overlapQuery, tc.vars, nil); r.code() != tc.code {
			t.Errorf("%v: code %q (%+v), want %s", tc.vars, r.code(), r.Errors, tc.code)
		}
	}
}

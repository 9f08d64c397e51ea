package gql

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"
)

type relayPage struct {
	Edges []struct {
		Cursor string
		Node   struct {
			ID      string
			Mandate struct{ ID string } // of a review item
		}
	}
	PageInfo struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
}

// pageAll reads a connection to its end, forward (first after) or
// backward (last before), and returns the ids in the order read.
func pageAll(t *testing.T, c *client, field, sel string, backward bool, n int) []string {
	t.Helper()
	var ids []string
	var cursor any
	for page := 0; ; page++ {
		args := fmt.Sprintf("first: %d, after: $c", n)
		if backward {
			args = fmt.Sprintf("last: %d, before: $c", n)
		}
		var data map[string]relayPage
		c.ok(fmt.Sprintf(`query($c: String) { %s(%s) { edges { cursor node { %s } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`, field, args, sel), map[string]any{"c": cursor}, &data)
		p := data[field]
		if len(p.Edges) > n {
			t.Fatalf("%s: page of %d for %d", field, len(p.Edges), n)
		}
		if len(p.Edges) > 0 && (*p.PageInfo.StartCursor != p.Edges[0].Cursor || *p.PageInfo.EndCursor != p.Edges[len(p.Edges)-1].Cursor) {
			t.Errorf("%s: startCursor/endCursor are not the first and last edges' cursors", field)
		}
		if backward {
			if p.PageInfo.HasNextPage != (page > 0) {
				t.Errorf("%s page %d backward: hasNextPage %v", field, page, p.PageInfo.HasNextPage)
			}
			for i := len(p.Edges) - 1; i >= 0; i-- {
				ids = append(ids, p.Edges[i].Node.ID+p.Edges[i].Node.Mandate.ID)
			}
			if !p.PageInfo.HasPreviousPage {
				return ids
			}
			cursor = *p.PageInfo.StartCursor
		} else {
			if p.PageInfo.HasPreviousPage != (page > 0) {
				t.Errorf("%s page %d forward: hasPreviousPage %v", field, page, p.PageInfo.HasPreviousPage)
			}
			for _, e := range p.Edges {
				ids = append(ids, e.Node.ID+e.Node.Mandate.ID)
			}
			if !p.PageInfo.HasNextPage {
				return ids
			}
			cursor = *p.PageInfo.EndCursor
		}
		if page > 10000 {
			t.Fatalf("%s: does not end", field)
		}
	}
}

// TestRelayBackward: paging backward through every mandate with last: 10
// gives each exactly once, in reverse listing order; so for the entities
// and searchPage's last page is the tail of its whole ranking; a page
// backward is refused with first.
func TestRelayBackward(t *testing.T) {
	c := newClient(t, Options{})
	for _, tc := range []struct{ field, sel string }{
		{"mandates", "id"},
		{"entities", "id"},
	} {
		t.Run(tc.field, func(t *testing.T) {
			fwd := pageAll(t, c, tc.field, tc.sel, false, 10)
			back := pageAll(t, c, tc.field, tc.sel, true, 10)
			if len(fwd) < 12 {
				t.Fatalf("only %d items", len(fwd))
			}
			seen := map[string]bool{}
			for _, id := range back {
				if seen[id] {
					t.Errorf("%s backward: %s twice", tc.field, id)
				}
				seen[id] = true
			}
			slices.Reverse(back)
			if !slices.Equal(fwd, back) {
				t.Errorf("%s: backward (reversed) %d items, forward %d, not the same order", tc.field, len(back), len(fwd))
			}
		})
	}
	type sp struct {
		SearchPage struct {
			Edges []struct {
				Node struct{ Node struct{ ID string } }
			}
			PageInfo struct{ HasPreviousPage, HasNextPage bool }
		}
	}
	var whole, tail sp
	c.ok(`{ searchPage(text: "corruption", first: 500) { edges { node { node { id } } } } }`, nil, &whole)
	c.ok(`{ searchPage(text: "corruption", last: 3) { edges { node { node { id } } } pageInfo { hasPreviousPage hasNextPage } } }`, nil, &tail)
	w, tl := whole.SearchPage.Edges, tail.SearchPage.Edges
	if len(w) < 5 || len(tl) != 3 || !tail.SearchPage.PageInfo.HasPreviousPage || tail.SearchPage.PageInfo.HasNextPage {
		t.Fatalf("searchPage last 3: %+v of %d", tail.SearchPage, len(w))
	}
	for i := range tl {
		if tl[i].Node.Node.ID != w[len(w)-3+i].Node.Node.ID {
			t.Errorf("searchPage last 3 [%d] = %s, want %s", i, tl[i].Node.Node.ID, w[len(w)-3+i].Node.Node.ID)
		}
	}
	r := c.do(`{ mandates(first: 5, last: 5) { edges { cursor } } }`, nil, nil)
	if r.code() != "BAD_USER_INPUT" && r.code() != "INVALID" {
		t.Errorf("first with last: %+v", r.Errors)
	}
}

// TestEntityMentionsBackward pages an entity's mentions both ways.
func TestEntityMentionsBackward(t *testing.T) {
	c := newClient(t, Options{})
	read := func(args string, vars map[string]any) (ids []string, info map[string]any) {
		var data struct {
			Node struct {
				Mentions struct {
					Edges []struct {
						Cursor string
						Node   struct{ Mandate struct{ ID string } }
					}
					PageInfo map[string]any
				}
			}
		}
		decl := ""
		if vars != nil {
			decl = "($c: String)"
		}
		c.ok(`query`+decl+` { node(id: "institution/oas") { ... on Entity { mentions(`+args+`) { edges { cursor node { mandate { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`, vars, &data)
		for _, e := range data.Node.Mentions.Edges {
			ids = append(ids, e.Node.Mandate.ID)
		}
		return ids, data.Node.Mentions.PageInfo
	}
	all, _ := read("first: 500", nil)
	if len(all) < 4 {
		t.Fatalf("OAS has %d mentions", len(all))
	}
	last2, info := read("last: 2", nil)
	if !slices.Equal(last2, all[len(all)-2:]) || info["hasPreviousPage"] != true || info["hasNextPage"] != false {
		t.Errorf("last 2: %v %v, want %v", last2, info, all[len(all)-2:])
	}
	prev, info := read("last: 2, before: $c", map[string]any{"c": info["startCursor"]})
	if !slices.Equal(prev, all[len(all)-4:len(all)-2]) || info["hasNextPage"] != true {
		t.Errorf("2 before those: %v %v, want %v", prev, info, all[len(all)-4:len(all)-2])
	}
}

// TestSearchAndAuditAfter: search and audit go on after an item's cursor.
func TestSearchAndAuditAfter(t *testing.T) {
	const secret = "a-long-random-secret-0123"
	c := newClient(t, Options{Tokens: []Token{{Label: "alice", Secret: secret}}})
	type hit struct {
		Cursor string
		Node   struct{ ID string }
	}
	var all, p1, p2 struct{ Search []hit }
	c.ok(`{ search(text: "corruption", first: 6) { cursor node { id } } }`, nil, &all)
	if len(all.Search) != 6 {
		t.Fatalf("%d hits", len(all.Search))
	}
	c.ok(`{ search(text: "corruption", first: 3) { cursor node { id } } }`, nil, &p1)
	c.ok(`query($c: String) { search(text: "corruption", first: 3, after: $c) { cursor node { id } } }`, map[string]any{"c": p1.Search[2].Cursor}, &p2)
	got := append(p1.Search, p2.Search...)
	for i := range got {
		if got[i].Node.ID != all.Search[i].Node.ID || got[i].Cursor != all.Search[i].Cursor {
			t.Errorf("search hit %d: paged %v, whole %v", i, got[i], all.Search[i])
		}
	}

	h := http.Header{"Authorization": {"Bearer " + secret}}
	for _, a := range []string{"Anti-Corruption Convention A", "Anti-Corruption Convention B", "Anti-Corruption Convention C"} {
		body, _ := json.Marshal(map[string]any{"query": `mutation($a: String!) { addAlias(entity: "convention/inter-american-convention-against-corruption", alias: $a) { id } }`, "variables": map[string]any{"a": a}})
		if _, r := c.post(body, h); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
	}
	audit := func(q string, vars map[string]any) (details, cursors []string) {
		body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
		_, r := c.post(body, h)
		var data struct {
			Audit []struct{ Cursor, Detail string }
		}
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &data) != nil {
			t.Fatalf("audit: %+v", r.Errors)
		}
		for _, e := range data.Audit {
			details, cursors = append(details, e.Detail), append(cursors, e.Cursor)
		}
		return
	}
	whole, _ := audit(`{ audit(first: 3) { cursor detail } }`, nil)
	first, cs := audit(`{ audit(first: 1) { cursor detail } }`, nil)
	rest, _ := audit(`query($c: String) { audit(first: 2, after: $c) { cursor detail } }`, map[string]any{"c": cs[0]})
	if len(whole) != 3 || !slices.Equal(append(first, rest...), whole) {
		t.Errorf("audit paged %v + %v, whole %v", first, rest, whole)
	}
}

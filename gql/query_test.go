package gql

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestStatsAndSummits(t *testing.T) {
	c := newClient(t, Options{})
	var data struct {
		Stats struct {
			Summits, Documents, Mandates, Conventions, Institutions, Themes, Mentions, Nodes, Edges, Files int
		}
		Summits []struct {
			ID, Label, Name, City, Country string
			Ordinal                        *int
			Special                        bool
			Year                           int
			StartDate                      *string
		}
	}
	c.ok(`{ stats { summits documents mandates conventions institutions themes mentions nodes edges files }
	        summits { id label name city country ordinal special year startDate } }`, nil, &data)
	st := data.Stats
	if st.Summits != 12 || st.Mandates != 73 || st.Files != 1 {
		t.Errorf("stats = %+v; want 12 summits, 73 mandates and items, 1 file", st)
	}
	if st.Nodes != st.Summits+st.Documents+st.Mandates+st.Conventions+st.Institutions+st.Themes {
		t.Errorf("nodes %d is not the sum of the kinds: %+v", st.Nodes, st)
	}
	if st.Conventions == 0 || st.Institutions == 0 || st.Themes == 0 || st.Mentions == 0 || st.Edges == 0 {
		t.Errorf("empty entity kinds or edges: %+v", st)
	}
	var prev string
	for _, s := range data.Summits {
		if s.StartDate != nil && prev != "" && *s.StartDate < prev {
			t.Errorf("summits out of order at %s", s.ID)
		}
		if s.StartDate != nil {
			prev = *s.StartDate
		}
		if s.Special != (s.Ordinal == nil) {
			t.Errorf("%s: special %v with ordinal %v", s.ID, s.Special, s.Ordinal)
		}
	}
	first, last := data.Summits[0], data.Summits[len(data.Summits)-1]
	if first.ID != "summit/1994-miami" || *first.Ordinal != 1 || first.Name != "First Summit of the Americas" {
		t.Errorf("first summit = %+v", first)
	}
	if last.ID != "summit/2025-punta-cana" || *last.Ordinal != 10 || last.StartDate != nil {
		t.Errorf("last summit = %+v (the postponed X Summit has no start date)", last)
	}
}

// TestSeedAttribution holds issue #2's promise over the API: the seed's 48
// mandates and 25 items, each attributed to its summit.
func TestSeedAttribution(t *testing.T) {
	c := newClient(t, Options{})
	want := map[string][2]int{ // summit: top-level mandates, with items
		"summit/2022-los-angeles":   {18, 43},
		"summit/2018-lima":          {12, 12},
		"summit/2009-port-of-spain": {2, 2},
		"summit/2005-mar-del-plata": {1, 1},
		"summit/2004-monterrey":     {2, 2},
		"summit/2001-quebec-city":   {5, 5},
		"summit/1998-santiago":      {2, 2},
		"summit/1994-miami":         {6, 6},
	}
	top, all := 0, 0
	for id, n := range want {
		var data struct {
			Top, All struct{ TotalCount int }
		}
		c.ok(`query($s: ID!) {
			top: mandates(filter: {summit: $s, topLevel: true}) { totalCount }
			all: mandates(filter: {summit: $s}) { totalCount } }`, map[string]any{"s": id}, &data)
		if data.Top.TotalCount != n[0] || data.All.TotalCount != n[1] {
			t.Errorf("%s: %d mandates, %d with items; want %d, %d", id, data.Top.TotalCount, data.All.TotalCount, n[0], n[1])
		}
		top += data.Top.TotalCount
		all += data.All.TotalCount
	}
	if top != 48 || all-top != 25 {
		t.Errorf("%d mandates and %d items; want 48 and 25", top, all-top)
	}
}

func TestMandatePagination(t *testing.T) {
	c := newClient(t, Options{})
	var seen []string
	after := ""
	for page := 0; page < 100; page++ {
		var data struct {
			Mandates struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct {
						ID   string
						Year *int
					}
				}
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
		vars := map[string]any{"after": nil}
		if after != "" {
			vars["after"] = after
		}
		c.ok(`query($after: String) { mandates(first: 7, after: $after) { totalCount edges { cursor node { id year } } pageInfo { hasNextPage endCursor } } }`, vars, &data)
		m := data.Mandates
		if m.TotalCount != 73 {
			t.Fatalf("totalCount = %d", m.TotalCount)
		}
		for _, e := range m.Edges {
			seen = append(seen, e.Node.ID)
		}
		if !m.PageInfo.HasNextPage {
			break
		}
		if m.PageInfo.EndCursor == nil || *m.PageInfo.EndCursor != m.Edges[len(m.Edges)-1].Cursor {
			t.Fatalf("endCursor %v is not the last edge's cursor", m.PageInfo.EndCursor)
		}
		after = *m.PageInfo.EndCursor
	}
	if len(seen) != 73 {
		t.Fatalf("paged through %d mandates, want 73", len(seen))
	}
	dup := map[string]bool{}
	for _, id := range seen {
		if dup[id] {
			t.Errorf("%s listed twice", id)
		}
		dup[id] = true
	}
	// Oldest summit first: the first page starts in Miami.
	if !strings.HasPrefix(seen[0], "mandate/1994-miami/") || !strings.HasPrefix(seen[len(seen)-1], "mandate/2022-los-angeles/") {
		t.Errorf("listing order: first %s, last %s", seen[0], seen[len(seen)-1])
	}
}

func TestMandateFields(t *testing.T) {
	c := newClient(t, Options{})
	var data struct {
		Mandates struct {
			Edges []struct {
				Node struct {
					ID, Label, Text string
					Number          *string
					Citation        *string
					Year            *int
					Flags           []string
					Summit          *struct{ ID string }
					Document        *struct {
						Title  string
						Summit struct{ ID string }
					}
					Parent *struct{ ID string }
					Items  []struct {
						ID     string
						Number *string
						Parent struct{ ID string }
					}
					Source struct {
						File    string
						Line    int
						Heading *string
					}
					MentionCount int
					Mentions     []struct {
						Surface    string
						Start, End int
						Method     string
						Confidence float64
						Entity     struct{ ID, Kind string }
						Mandate    struct{ ID string }
					}
				}
			}
		}
	}
	c.ok(`{ mandates(first: 500) { edges { node { id label text number citation year flags
		summit { id } document { title summit { id } } parent { id } items { id number parent { id } }
		source { file line heading }
		mentionCount mentions(first: 40) { surface start end method confidence entity { id kind } mandate { id } } } } } }`, nil, &data)
	if len(data.Mandates.Edges) != 73 {
		t.Fatalf("%d mandates", len(data.Mandates.Edges))
	}
	items := 0
	for _, e := range data.Mandates.Edges {
		m := e.Node
		if m.Summit == nil || m.Document == nil || m.Citation == nil || m.Year == nil {
			t.Errorf("%s (line %d) is not fully attributed", m.ID, m.Source.Line)
			continue
		}
		if m.Document.Summit.ID != m.Summit.ID {
			t.Errorf("%s: document of %s, mandate of %s", m.ID, m.Document.Summit.ID, m.Summit.ID)
		}
		if m.Source.File != "democracy-good-governance.txt" || m.Source.Heading == nil || *m.Source.Heading != "DEMOCRACY: Good Governance" {
			t.Errorf("%s: source %+v", m.ID, m.Source)
		}
		if len(m.Flags) != 0 {
			t.Errorf("%s: flags %v", m.ID, m.Flags)
		}
		for _, it := range m.Items {
			if it.Parent.ID != m.ID {
				t.Errorf("item %s of %s has parent %s", it.ID, m.ID, it.Parent.ID)
			}
			items++
		}
		runes := []rune(m.Text)
		last := -1
		if len(m.Mentions) != min(m.MentionCount, 40) {
			t.Errorf("%s: %d mentions of mentionCount %d, first 40", m.ID, len(m.Mentions), m.MentionCount)
		}
		for _, x := range m.Mentions {
			if x.Start < 0 || x.End > len(runes) || x.Start >= x.End || string(runes[x.Start:x.End]) != x.Surface {
				t.Errorf("%s: mention %q at %d-%d is not the text there", m.ID, x.Surface, x.Start, x.End)
			}
			if x.Start < last {
				t.Errorf("%s: mentions out of text order", m.ID)
			}
			last = x.Start
			if x.Mandate.ID != m.ID || x.Confidence <= 0 || x.Confidence > 1 || x.Method == "" {
				t.Errorf("%s: mention %+v", m.ID, x)
			}
		}
	}
	if items != 25 {
		t.Errorf("%d items reached through Mandate.items, want 25", items)
	}
}

func TestTextKeptExactly(t *testing.T) {
	c := newClient(t, Options{})
	var data struct {
		Search []struct {
			Node struct {
				Text string
			}
		}
	}
	c.ok(`{ search(text: "Public Procurement strategic area greater public value", first: 1) { node { ... on Mandate { text } } } }`, nil, &data)
	if len(data.Search) != 1 {
		t.Fatal("no hit")
	}
	text := data.Search[0].Node.Text
	if !strings.Contains(text, "“Public Procurement as a strategic area for the generation of greater public value and better access to citizens’ rights,”") {
		t.Errorf("curly quotes not kept: %q", text)
	}
	if !utf8.ValidString(text) {
		t.Error("invalid UTF-8")
	}
}

func TestNodeAndErrors(t *testing.T) {
	c := newClient(t, Options{})
	for _, id := range []string{"summit/2001-quebec-city", "institution/mesicic", "document/2018-lima/commitment"} {
		var data struct {
			Node struct{ ID, Kind, Label string }
		}
		c.ok(`query($id: ID!) { node(id: $id) { id kind label } }`, map[string]any{"id": id}, &data)
		if data.Node.ID != id || data.Node.Label == "" {
			t.Errorf("node(%s) = %+v", id, data.Node)
		}
	}
	tests := []struct {
		name, query, code, msg string
	}{
		{"unknown id", `{ node(id: "summit/1900-nowhere") { id } }`, "NOT_FOUND", "summit/1900-nowhere"},
		{"first over the cap", `{ mandates(first: 1000000) { totalCount } }`, "INVALID", "500"},
		{"negative first", `{ mandates(first: -1) { totalCount } }`, "INVALID", "500"},
		{"bad cursor", `{ mandates(after: "not a cursor") { totalCount } }`, "INVALID", "cursor"},
		{"unknown summit filter", `{ mandates(filter: {summit: "summit/1900-x"}) { totalCount } }`, "NOT_FOUND", "summit/1900-x"},
		{"depth over the cap", `{ neighborhood(id: "summit/2001-quebec-city", depth: 9) { nodes { id } } }`, "INVALID", "3"},
		{"maxDepth over the cap", `{ path(from: "summit/2001-quebec-city", to: "summit/1994-miami", maxDepth: 99) { id } }`, "INVALID", "8"},
		{"trace of a non-entity", `{ trace(entity: "summit/2001-quebec-city") { steps { summit { id } } } }`, "NOT_FOUND", "summit/2001-quebec-city"},
		{"syntax error", `{ stats `, "GRAPHQL_PARSE_FAILED", ""},
		{"unknown field", `{ stats { nope } }`, "GRAPHQL_VALIDATION_FAILED", "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.do(tt.query, nil, nil)
			if r.code() != tt.code {
				t.Fatalf("code = %q, want %q (%+v)", r.code(), tt.code, r.Errors)
			}
			if !strings.Contains(r.Errors[0].Message, tt.msg) {
				t.Errorf("message %q does not mention %q", r.Errors[0].Message, tt.msg)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	c := newClient(t, Options{})
	tests := map[string]string{
		"MESICIC": "institution/mesicic",
		"INGP":    "institution/ingp",
		"UPD":     "institution/upd",
		"RIAD":    "institution/riad",
		"OAS":     "institution/oas",
		"InterAmerican Convention Against Corruption":      "convention/inter-american-convention-against-corruption",
		"inter-american convention against corruption":     "convention/inter-american-convention-against-corruption",
		"Convención Interamericana contra la Corrupción":   "convention/inter-american-convention-against-corruption",
		"UN Convention against Corruption":                 "convention/united-nations-convention-against-corruption",
		"United Nations Convention against Corruption":     "convention/united-nations-convention-against-corruption",
		"  united   nations convention AGAINST corruption": "convention/united-nations-convention-against-corruption",
	}
	for name, want := range tests {
		var data struct {
			Resolve []struct{ ID, Name string }
		}
		c.ok(`query($n: String!) { resolve(name: $n) { id name } }`, map[string]any{"n": name}, &data)
		if len(data.Resolve) == 0 || data.Resolve[0].ID != want {
			t.Errorf("resolve(%q) = %+v, want %s first", name, data.Resolve, want)
		}
	}
	var data struct {
		Resolve []struct{ Name string }
	}
	c.ok(`{ resolve(name: "MESICIC") { name } }`, nil, &data)
	if data.Resolve[0].Name != "Follow-up Mechanism for the Implementation of the Inter-American Convention against Corruption" {
		t.Errorf("MESICIC's full name: %q", data.Resolve[0].Name)
	}
}

type traceData struct {
	Trace struct {
		Entity struct{ ID string }
		Steps  []struct {
			Summit   struct{ ID string }
			Count    int
			Mandates []struct {
				ID   string
				Year int
			}
		}
	}
}

// TestTrace holds issue #4's traces on the seed.
func TestTrace(t *testing.T) {
	c := newClient(t, Options{})
	tests := map[string][]string{
		"convention/inter-american-convention-against-corruption": {"summit/1998-santiago", "summit/2001-quebec-city", "summit/2022-los-angeles"},
		"convention/inter-american-democratic-charter":            {"summit/2009-port-of-spain", "summit/2022-los-angeles"},
		"institution/upd": {"summit/1994-miami", "summit/1998-santiago"},
	}
	for id, want := range tests {
		var data traceData
		c.ok(`query($e: ID!) { trace(entity: $e) { entity { id } steps { summit { id } count mandates { id year } } } }`, map[string]any{"e": id}, &data)
		var got []string
		for _, s := range data.Trace.Steps {
			got = append(got, s.Summit.ID)
			if len(s.Mandates) == 0 || s.Count != len(s.Mandates) {
				t.Errorf("%s: step at %s has %d mandates, count %d", id, s.Summit.ID, len(s.Mandates), s.Count)
			}
			for _, m := range s.Mandates {
				if !strings.HasPrefix(m.ID, "mandate/"+strings.TrimPrefix(s.Summit.ID, "summit/")+"/") {
					t.Errorf("%s: mandate %s under step %s", id, m.ID, s.Summit.ID)
				}
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("trace(%s) = %v, want %v", id, got, want)
		}
	}
}

// TestTraceCountsNestedNames: the 2022 mandate on the "Follow-Up Mechanism
// for the Implementation of the Inter-American Convention against
// Corruption (MESICIC)" names the Convention inside the Mechanism's name,
// so the Convention's trace has 4 mandates at 3 summits, and that mention
// says it was nested.
func TestTraceCountsNestedNames(t *testing.T) {
	c := newClient(t, Options{})
	const iacac = "convention/inter-american-convention-against-corruption"
	var data struct {
		Trace struct {
			Steps []struct {
				Summit   struct{ ID string }
				Mandates []struct{ ID string }
			}
		}
	}
	c.ok(`query($e: ID!) { trace(entity: $e) { steps { summit { id } mandates { id } } } }`, map[string]any{"e": iacac}, &data)
	n, nested := 0, 0
	for _, s := range data.Trace.Steps {
		n += len(s.Mandates)
		for _, m := range s.Mandates {
			var md struct {
				Node struct {
					Mentions []struct {
						Entity  struct{ ID string }
						Surface string
						Method  string
					}
				}
			}
			c.ok(`query($m: ID!) { node(id: $m) { ... on Mandate { mentions(kind: CONVENTION) { entity { id } surface method } } } }`, map[string]any{"m": m.ID}, &md)
			for _, x := range md.Node.Mentions {
				if x.Entity.ID == iacac && x.Method == "nested" {
					nested++
					if s.Summit.ID != "summit/2022-los-angeles" || x.Surface != "Inter-American Convention against Corruption" {
						t.Errorf("nested mention %q in %s at %s", x.Surface, m.ID, s.Summit.ID)
					}
				}
			}
		}
	}
	if n != 4 || len(data.Trace.Steps) != 3 || nested != 1 {
		t.Errorf("trace: %d mandates at %d summits, %d nested mentions; want 4 at 3, 1 nested", n, len(data.Trace.Steps), nested)
	}
}

// TestReferences holds issue #4's explicit references on the seed.
func TestReferences(t *testing.T) {
	c := newClient(t, Options{})
	var data struct {
		Mandates struct {
			Edges []struct {
				Node struct {
					ID, Text   string
					References []struct {
						Surface    string
						Start, End int
						Target     struct {
							ID     string
							Kind   string
							Summit *struct{ ID string }
						}
					}
				}
			}
		}
	}
	c.ok(`{ mandates(first: 500) { edges { node { id text references { surface start end target { id kind ... on Document { summit { id } } } } } } } }`, nil, &data)
	found := map[string]bool{}
	for _, e := range data.Mandates.Edges {
		m := e.Node
		runes := []rune(m.Text)
		for _, r := range m.References {
			if string(runes[r.Start:r.End]) != r.Surface {
				t.Errorf("%s: reference %q not at %d-%d", m.ID, r.Surface, r.Start, r.End)
			}
			summit := r.Target.ID
			if r.Target.Summit != nil {
				summit = r.Target.Summit.ID
			}
			switch {
			case strings.HasPrefix(m.ID, "mandate/2004-monterrey/") && strings.Contains(m.Text, "Declaration of Santiago") && summit == "summit/1998-santiago":
				found["Nuevo León → Santiago 1998"] = true
			case strings.HasPrefix(m.ID, "mandate/2022-los-angeles/") && strings.Contains(m.Text, "Eighth Summit") && summit == "summit/2018-lima":
				found["Los Angeles → Lima 2018"] = true
			}
		}
	}
	for _, w := range []string{"Nuevo León → Santiago 1998", "Los Angeles → Lima 2018"} {
		if !found[w] {
			t.Errorf("missing reference %s", w)
		}
	}
}

func TestEntity(t *testing.T) {
	c := newClient(t, Options{})
	var data struct {
		Node struct {
			ID, Kind, Name string
			Acronym        *string
			Aliases        []string
			Summits        []struct{ ID string }
			Mentions       struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct {
						Surface string
						Mandate struct{ ID string }
					}
				}
			}
			Related []struct {
				Entity struct{ ID string }
				Count  int
				Weight float64
			}
			Relations []struct {
				Type, Direction string
				Entity          struct{ ID string }
			}
		}
	}
	c.ok(`{ node(id: "institution/mesicic") { ... on Entity { id kind name acronym aliases summits { id }
		mentions(first: 2) { totalCount edges { cursor node { surface mandate { id } } } }
		related(first: 5) { entity { id } count weight }
		relations { type direction entity { id } } } } }`, nil, &data)
	n := data.Node
	if n.Kind != "INSTITUTION" || n.Acronym == nil || *n.Acronym != "MESICIC" {
		t.Errorf("MESICIC = %+v", n)
	}
	if n.Mentions.TotalCount != 3 || len(n.Mentions.Edges) != 2 {
		t.Errorf("MESICIC mentions: total %d, page %d; want 3 and 2", n.Mentions.TotalCount, len(n.Mentions.Edges))
	}
	if len(n.Summits) != 1 || n.Summits[0].ID != "summit/2022-los-angeles" {
		t.Errorf("summits = %+v", n.Summits)
	}
	monitors := false
	for _, r := range n.Relations {
		if r.Type == "MONITORS" && r.Direction == "OUT" && r.Entity.ID == "convention/inter-american-convention-against-corruption" {
			monitors = true
		}
	}
	if !monitors {
		t.Errorf("MESICIC does not monitor the convention: %+v", n.Relations)
	}
	for i, r := range n.Related {
		if r.Count < 1 || r.Weight <= 0 || r.Weight > 1 {
			t.Errorf("related %+v", r)
		}
		if i > 0 && r.Weight > n.Related[i-1].Weight {
			t.Error("related not strongest first")
		}
	}
	// The second page of mentions continues after the first.
	var page2 struct {
		Node struct {
			Mentions struct {
				Edges []struct{ Node struct{ Surface string } }
			}
		}
	}
	c.ok(`query($a: String) { node(id: "institution/mesicic") { ... on Entity { mentions(first: 5, after: $a) { edges { node { surface } } } } } }`,
		map[string]any{"a": n.Mentions.Edges[1].Cursor}, &page2)
	if len(page2.Node.Mentions.Edges) != 1 {
		t.Errorf("second page has %d mentions, want 1", len(page2.Node.Mentions.Edges))
	}
}

func TestSearch(t *testing.T) {
	c := newClient(t, Options{})
	var data struct {
		Search []struct {
			Score   float64
			Snippet string
			Node    struct {
				ID, Kind string
			}
		}
	}
	c.ok(`{ search(text: "lobbying regulations") { score snippet node { id kind } } }`, nil, &data)
	if len(data.Search) == 0 || data.Search[0].Node.Kind != "MANDATE" || !strings.Contains(data.Search[0].Snippet, "lobbying") {
		t.Fatalf("search = %+v", data.Search)
	}
	for i := 1; i < len(data.Search); i++ {
		if data.Search[i].Score > data.Search[i-1].Score {
			t.Error("hits not best first")
		}
	}
	// Entity names are searched too.
	c.ok(`{ search(text: "Open Government Partnership", first: 50) { score snippet node { id kind } } }`, nil, &data)
	hasEntity := false
	for _, h := range data.Search {
		if h.Node.ID == "institution/ogp" {
			hasEntity = true
		}
	}
	if !hasEntity {
		t.Errorf("the OGP is not among the hits: %+v", data.Search)
	}
	// Stop words only, or nothing: no hits, no error.
	for _, q := range []string{"", "the of and", "   "} {
		c.ok(`query($q: String!) { search(text: $q) { score } }`, map[string]any{"q": q}, &data)
		if len(data.Search) != 0 {
			t.Errorf("search(%q) = %d hits", q, len(data.Search))
		}
	}
}

func TestWalks(t *testing.T) {
	c := newClient(t, Options{})
	var data struct {
		Neighborhood struct {
			Nodes     []struct{ ID string }
			Edges     []struct{ From, To, Type string }
			Truncated bool
		}
		Path []struct{ ID string }
	}
	c.ok(`{ neighborhood(id: "institution/mesicic", depth: 1) { nodes { id } edges { from to type } truncated }
	        path(from: "institution/upd", to: "convention/inter-american-convention-against-corruption") { id } }`, nil, &data)
	ids := map[string]bool{}
	for _, n := range data.Neighborhood.Nodes {
		ids[n.ID] = true
	}
	if !ids["institution/mesicic"] || !ids["convention/inter-american-convention-against-corruption"] {
		t.Errorf("neighborhood lacks MESICIC or the convention it monitors: %v", ids)
	}
	for _, e := range data.Neighborhood.Edges {
		if !ids[e.From] || !ids[e.To] {
			t.Errorf("edge %+v leaves the subgraph", e)
		}
	}
	p := data.Path
	if len(p) < 2 || p[0].ID != "institution/upd" || p[len(p)-1].ID != "convention/inter-american-convention-against-corruption" {
		t.Errorf("path = %+v", p)
	}
}

// TestNoNPlusOne checks that a page of mandates with their summits,
// documents, parents, items and mentions' entities costs a handful of
// batched store reads, not one per mandate.
func TestNoNPlusOne(t *testing.T) {
	var mu sync.Mutex
	batches := map[string]int{}
	c := newClient(t, Options{observeBatch: func(b string, _ int) {
		mu.Lock()
		batches[b]++
		mu.Unlock()
	}})
	c.ok(`{ mandates(first: 50) { edges { node { id summit { label } document { title summit { label } } parent { id }
		items { id } mentions { entity { name } } references { target { id } } } } } }`, nil, nil)
	mu.Lock()
	defer mu.Unlock()
	// Three levels of fields over 50 mandates: one read per mandate and
	// field would be hundreds; batched, it is a few per level (a slow
	// scheduler may split a batch, hence the margin).
	if batches["nodes"] > 20 || batches["edges"] > 20 || batches["nodes"] == 0 {
		t.Errorf("store batches for 50 mandates: %v; want a few per level, at most 20 of each", batches)
	}
}

// TestResolveMisspelled: a name no entity has, nor starts with, resolves to
// the nearest names, best first; nearestNames gives their scores.
func TestResolveMisspelled(t *testing.T) {
	c := newClient(t, Options{})
	var data struct {
		Resolve []struct{ ID string }
		Nearest []struct {
			Name     string
			Distance int
			Score    float64
			Entity   struct{ ID string }
		}
		Acronym []struct {
			Name   string
			Entity struct{ ID string }
		}
	}
	c.ok(`query($n: String!) {
		resolve(name: $n) { id }
		nearest: nearestNames(name: $n) { name distance score entity { id } }
		acronym: nearestNames(name: "MESCIC", first: 1) { name entity { id } }
	}`, map[string]any{"n": "Interamerican Convension against Coruption"}, &data)
	const iacac = "convention/inter-american-convention-against-corruption"
	if len(data.Resolve) == 0 || data.Resolve[0].ID != iacac {
		t.Errorf("resolve: %v, want %s first", data.Resolve, iacac)
	}
	if len(data.Nearest) == 0 || data.Nearest[0].Entity.ID != iacac || data.Nearest[0].Distance != 2 || data.Nearest[0].Score < 0.9 {
		t.Errorf("nearestNames: %+v", data.Nearest)
	}
	for i := 1; i < len(data.Nearest); i++ {
		if data.Nearest[i].Score > data.Nearest[i-1].Score {
			t.Errorf("nearestNames not ranked: %+v", data.Nearest)
		}
	}
	if len(data.Acronym) != 1 || data.Acronym[0].Name != "MESICIC" || data.Acronym[0].Entity.ID != "institution/mesicic" {
		t.Errorf("nearestNames(MESCIC): %+v", data.Acronym)
	}
	// nearest: false keeps to the names that match or start with it.
	var strict struct{ Typo, Prefix []struct{ ID string } }
	c.ok(`query($n: String!) { typo: resolve(name: $n, nearest: false) { id } prefix: resolve(name: "MESICI", nearest: false) { id } }`,
		map[string]any{"n": "Interamerican Convension against Coruption"}, &strict)
	if len(strict.Typo) != 0 || len(strict.Prefix) == 0 || strict.Prefix[0].ID != "institution/mesicic" {
		t.Errorf("resolve(nearest: false): %+v", strict)
	}
}

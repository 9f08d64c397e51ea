package gql

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
)

// TestTracePaging reads each step of a trace a page at a time and checks
// that the pages make up the step, in order, with count the whole step's.
func TestTracePaging(t *testing.T) {
	c := newClient(t, Options{})
	const entity = "convention/inter-american-convention-against-corruption"
	var whole traceData
	c.ok(`query($e: ID!) { trace(entity: $e) { steps { summit { id } count mandates { id } } } }`, map[string]any{"e": entity}, &whole)
	if len(whole.Trace.Steps) == 0 {
		t.Fatal("no steps")
	}
	paged := 0
	for i, step := range whole.Trace.Steps {
		var want []string
		for _, m := range step.Mandates {
			want = append(want, m.ID)
		}
		var got []string
		var after any // null: from the first
		for page := 0; ; page++ {
			var data traceData
			c.ok(`query($e: ID!, $after: String) { trace(entity: $e) { steps { count mandates(first: 1, after: $after) { id } } } }`,
				map[string]any{"e": entity, "after": after}, &data)
			st := data.Trace.Steps[i]
			for j, o := range data.Trace.Steps {
				if j != i && after != nil && len(o.Mandates) != 0 {
					t.Errorf("step %d pages step %d: %d mandates after another step's", i, j, len(o.Mandates))
				}
			}
			if st.Count != len(want) {
				t.Errorf("step %d, page %d: count %d, the step has %d", i, page, st.Count, len(want))
			}
			if len(st.Mandates) > 1 {
				t.Fatalf("step %d: a page of %d with first: 1", i, len(st.Mandates))
			}
			for _, m := range st.Mandates {
				got = append(got, m.ID)
			}
			if len(st.Mandates) < 1 {
				break
			}
			after = st.Mandates[len(st.Mandates)-1].ID
			paged++
		}
		if !slices.Equal(got, want) {
			t.Errorf("step %d (%s): pages %v, whole %v", i, step.Summit.ID, got, want)
		}
	}
	if paged == 0 {
		t.Error("no step had more than one page: the test pages nothing")
	}
	for _, tc := range []struct{ name, args, code string }{
		{"first over the cap", `first: 501`, "INVALID"},
		{"negative first", `first: -1`, "INVALID"},
	} {
		r := c.do(fmt.Sprintf(`{ trace(entity: %q) { steps { mandates(%s) { id } } } }`, entity, tc.args), nil, nil)
		if r.code() != tc.code {
			t.Errorf("%s: code %q, want %s", tc.name, r.code(), tc.code)
		}
	}
}

// TestLongMandateMentions ingests a page whose one mandate names the OAS
// a thousand times, on one line: its mentions come a page at a time,
// mentionCount says how many there are, the complexity estimate counts
// the page asked for, and the answer stays small.
func TestLongMandateMentions(t *testing.T) {
	ctx := context.Background()
	st, err := ingesttest.CatalogStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cat, _ := ingesttest.Catalog()
	const n = 1000 // 61 KiB of text: a mandate may be at most 64 KiB
	text := "Organization of American States Summits of the Americas\n\nFollow-up and Implementation: Mandates\n\nDEMOCRACY: Good Governance\nMANDATES\n\n  1. " +
		strings.Repeat("Strengthen the Organization of American States and its work. ", n) +
		"(Declaration of Québec City, Third Summit of the Americas, Québec City, 2001).\n"
	src, err := ingest.Text("long.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if r := ingest.New(st, cat, ingest.Options{}).Ingest(ctx, []ingest.Source{src}, nil)[0]; r.Err != nil {
		t.Fatal(r.Err)
	}
	c := newClient(t, Options{Store: st})
	type mention struct {
		Start  int
		Entity struct{ ID string }
	}
	var data struct {
		Mandates struct {
			Edges []struct {
				Node struct {
					MentionCount int
					Mentions     []mention
				}
			}
		}
	}
	q := `query($first: Int, $offset: Int) { mandates(first: 1) { edges { node { mentionCount mentions(first: $first, offset: $offset) { start entity { id } } } } } }`
	c.ok(q, nil, &data)
	m := data.Mandates.Edges[0].Node
	if m.MentionCount < n {
		t.Fatalf("mentionCount %d, the text names the OAS %d times", m.MentionCount, n)
	}
	if len(m.Mentions) != 100 {
		t.Errorf("%d mentions by default, want 100", len(m.Mentions))
	}
	// Pages of 500 from offsets make up the whole, in text order.
	var all []mention
	for off := 0; off < m.MentionCount; off += 500 {
		c.ok(q, map[string]any{"first": 500, "offset": off}, &data)
		all = append(all, data.Mandates.Edges[0].Node.Mentions...)
	}
	if len(all) != m.MentionCount {
		t.Errorf("pages hold %d mentions, mentionCount %d", len(all), m.MentionCount)
	}
	for i := 1; i < len(all); i++ {
		if all[i].Start < all[i-1].Start {
			t.Fatalf("mention %d starts at %d, before %d", i, all[i].Start, all[i-1].Start)
		}
	}
	// Past the end: an empty page.
	c.ok(q, map[string]any{"first": 10, "offset": m.MentionCount}, &data)
	if got := len(data.Mandates.Edges[0].Node.Mentions); got != 0 {
		t.Errorf("%d mentions past the end", got)
	}
	for _, tc := range []struct {
		name, query, code string
	}{
		{"negative offset", `{ mandates(first: 1) { edges { node { mentions(offset: -1) { start } } } } }`, "INVALID"},
		{"first over the cap", `{ mandates(first: 1) { edges { node { mentions(first: 501) { start } } } } }`, "INVALID"},
		// 500 mandates of 500 mentions each: far over the complexity limit,
		// refused before anything is read.
		{"counted by the estimate", `{ mandates(first: 500) { edges { node { mentions(first: 500) { surface start end method confidence } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
	} {
		if r := c.do(tc.query, nil, nil); r.code() != tc.code {
			t.Errorf("%s: code %q, want %s", tc.name, r.code(), tc.code)
		}
	}
}

package gql

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func nested(levels int) string {
	q := "id"
	for i := 0; i < levels-2; i++ {
		q = "parent { " + q + " }"
	}
	return `{ node(id: "x") { ... on Mandate { ` + q + ` } } }`
}

func TestLimits(t *testing.T) {
	c := newClient(t, Options{})
	start := time.Now()
	r := c.do(nested(25), nil, nil)
	if took := time.Since(start); took > time.Second {
		t.Errorf("a 25-level query took %s to refuse", took)
	}
	if r.code() != CodeDepthLimit || !strings.Contains(r.Errors[0].Message, "limit of 15") {
		t.Errorf("25 levels: %+v", r.Errors)
	}
	if r := c.do(nested(12), nil, nil); r.code() == CodeDepthLimit {
		t.Errorf("12 levels refused: %+v", r.Errors)
	}
	r = c.do(`{ mandates(first: 1000000) { totalCount } }`, nil, nil)
	if r.code() != "INVALID" || !strings.Contains(r.Errors[0].Message, "between 0 and 500") {
		t.Errorf("first: 1000000: %+v", r.Errors)
	}
	// Lists multiply: 500 mandates × 500 similar × 20 mentions is refused
	// before anything is read.
	r = c.do(`{ mandates(first: 500) { edges { node { similar(first: 500) { mandate { mentions { entity { mentions(first: 500) { edges { node { surface } } } } } } } } } } }`, nil, nil)
	if r.code() != CodeComplexityLimit {
		t.Errorf("a huge operation: %+v", r.Errors)
	}
	// GraphiQL's introspection query fits the limits.
	if r := c.do(`{ __schema { types { name fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`, nil, nil); len(r.Errors) > 0 {
		t.Errorf("introspection refused: %+v", r.Errors)
	}
}

// fragmentBomb spreads each of levels fragments twice into the one above
// it: a short document that expands to 2^levels fields.
func fragmentBomb(levels int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\nfragment Leaf on Query { stats { files } }\n")
	fmt.Fprintf(&b, "fragment F%d on Query { ...Leaf ...Leaf }\n", levels-1)
	for i := levels - 2; i >= 0; i-- {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	return b.String()
}

// TestFragmentBomb: fragments spread into fragments are measured once
// each, so a 1 KB document that expands to 2⁴⁰ fields is refused at once
// (expanding it, as gqlgen's complexity walk does, would not end in the
// test's time), and a moderate one still runs.
func TestFragmentBomb(t *testing.T) {
	c := newClient(t, Options{})
	r := c.do(fragmentBomb(40), nil, nil)
	if r.code() != CodeComplexityLimit || !strings.Contains(r.Errors[0].Message, "operation expands to more than") {
		t.Errorf("40 levels of fragments: %+v", r.Errors)
	}
	r = c.do(fragmentBomb(18), nil, nil)
	if r.code() != CodeComplexityLimit || !strings.Contains(r.Errors[0].Message, "expands to 524288 fields") {
		t.Errorf("18 levels of fragments: %+v", r.Errors)
	}
	if r := c.do(fragmentBomb(8), nil, nil); len(r.Errors) > 0 {
		t.Errorf("8 levels of fragments (256 fields) refused: %+v", r.Errors)
	}
}

func TestBodyLimit(t *testing.T) {
	c := newClient(t, Options{})
	big := `{"query":"{ stats { files } }","variables":{"pad":"` + strings.Repeat("x", 20<<20) + `"}}`
	res, err := http.Post(c.url, "application/json", strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("20 MB body: status %d, want 413", res.StatusCode)
	}
	// Without a Content-Length (chunked), the limit holds too.
	req, _ := http.NewRequest(http.MethodPost, c.url, struct{ *bytes.Reader }{bytes.NewReader([]byte(big))})
	req.Header.Set("Content-Type", "application/json")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("20 MB chunked body: status %d, want 413", res.StatusCode)
	}
}

func TestIntrospectionOff(t *testing.T) {
	c := newClient(t, Options{NoIntrospection: true})
	if r := c.do(`{ __schema { queryType { name } } }`, nil, nil); len(r.Errors) == 0 {
		t.Error("introspection answered while switched off")
	}
	if r := c.do(`{ stats { files } }`, nil, nil); len(r.Errors) > 0 {
		t.Errorf("queries refused: %+v", r.Errors)
	}
}

// TestNullTakesTheSchemaDefault: an argument sent as null gets the default
// the schema states for it, as one left out does (defaults are stated in
// the schema only).
func TestNullTakesTheSchemaDefault(t *testing.T) {
	c := newClient(t, Options{})
	count := func(query string, vars map[string]any) int {
		t.Helper()
		var data map[string]json.RawMessage
		c.ok(query, vars, &data)
		for _, v := range data {
			var list []json.RawMessage
			if json.Unmarshal(v, &list) == nil {
				return len(list)
			}
			var conn struct{ Edges []json.RawMessage }
			json.Unmarshal(v, &conn)
			return len(conn.Edges)
		}
		return -1
	}
	tests := []struct {
		name, omitted, null string
		want                int
	}{
		{"mandates", `{ mandates { edges { cursor } } }`, `query($n: Int) { mandates(first: $n) { edges { cursor } } }`, 50},
		{"entities", `{ entities { edges { cursor } } }`, `query($n: Int) { entities(first: $n) { edges { cursor } } }`, 50},
		{"search", `{ search(text: "corruption transparency democracy") { score } }`, `query($n: Int) { search(text: "corruption transparency democracy", first: $n) { score } }`, 20},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			omitted, null := count(tc.omitted, nil), count(tc.null, map[string]any{"n": nil})
			if omitted != tc.want || null != tc.want {
				t.Errorf("omitted: %d, null: %d; want %d", omitted, null, tc.want)
			}
		})
	}
	var a, b struct {
		Neighborhood struct{ Nodes []struct{ ID string } }
	}
	c.ok(`{ neighborhood(id: "institution/mesicic") { nodes { id } } }`, nil, &a)
	c.ok(`query($d: Int) { neighborhood(id: "institution/mesicic", depth: $d) { nodes { id } } }`, map[string]any{"d": nil}, &b)
	if len(a.Neighborhood.Nodes) == 0 || fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("neighborhood with depth null: %d nodes, omitted %d", len(b.Neighborhood.Nodes), len(a.Neighborhood.Nodes))
	}
}

package gql

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// repeated is one field written n times: 8,000 copies took 10 s to
// validate before the limits, 50,000 minutes.
func repeated(n int) string {
	return "{" + strings.Repeat(" stats { files }", n) + " }"
}

// aliasFlood asks for n aliases of one field.
func aliasFlood(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d:%s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

// The expensive root fields, as a flood would ask for them: the least
// below them, so that only their base cost counts.
var expensiveFields = map[string]string{
	"search":       `search(text:"corrupción transparencia"){score}`,
	"neighborhood": `neighborhood(id:"institution/oas",depth:3){truncated}`,
	"path":         `path(from:"institution/upd",to:"institution/oas"){id}`,
	"trace":        `trace(entity:"institution/oas"){steps{count}}`,
}

// heapInUse is the heap in use after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func logHeap(t *testing.T, what string, before uint64) int64 {
	after := heapInUse()
	growth := int64(after) - int64(before)
	t.Logf("%s: heap in use %.1f → %.1f MiB (%+.1f MiB)", what, float64(before)/(1<<20), float64(after)/(1<<20), float64(growth)/(1<<20))
	return growth
}

// TestHostileRequests sends each hostile request of issue 19 through the
// real handler, with the default limits and with the limits that refuse it
// first raised one after the other: each is refused with its code, the
// code is what the server logs (RequestInfo), and the whole flood leaves
// the heap about as it was. The time of each refusal is logged, not
// asserted (the machine is shared).
func TestHostileRequests(t *testing.T) {
	type hostile struct {
		name   string
		query  string
		limits Limits
		code   string
		msg    string
	}
	var cases []hostile
	for _, n := range []int{8000, 50000} {
		q := repeated(n)
		cases = append(cases,
			hostile{fmt.Sprintf("%d repeated fields", n), q, Limits{}, CodeTooLarge, "bytes long"},
			hostile{fmt.Sprintf("%d repeated fields, any size", n), q, Limits{MaxQuery: 1 << 20}, CodeTooLarge, "tokens"},
			hostile{fmt.Sprintf("%d repeated fields, any tokens", n), q, Limits{MaxQuery: 1 << 20, MaxTokens: 1 << 20}, CodeSelectionLimit, "repeats fields"},
			hostile{fmt.Sprintf("%d repeated fields, any overlaps", n), q, Limits{MaxQuery: 1 << 20, MaxTokens: 1 << 20, MaxOverlaps: 1 << 40}, CodeSelectionLimit, "selections to validate"},
		)
	}
	for _, name := range []string{"search", "neighborhood", "path", "trace"} {
		q := aliasFlood(1000, expensiveFields[name])
		cases = append(cases,
			hostile{"1,000 aliases of " + name, q, Limits{}, CodeTooLarge, "tokens"},
			hostile{"1,000 aliases of " + name + ", any tokens", q, Limits{MaxTokens: 1 << 20}, CodeAliasLimit, "1000 aliased fields"},
			hostile{"1,000 aliases of " + name + ", any aliases", q, Limits{MaxTokens: 1 << 20, MaxAliases: 1 << 20, MaxSelections: 1 << 20}, CodeExpensiveLimit, "asks for 1000 of search"},
			hostile{"1,000 aliases of " + name + ", any expensive fields", q, Limits{MaxTokens: 1 << 20, MaxAliases: 1 << 20, MaxSelections: 1 << 20, MaxExpensive: 1 << 20}, CodeComplexityLimit, "complexity"},
			hostile{"11 aliases of " + name, aliasFlood(11, expensiveFields[name]), Limits{}, CodeExpensiveLimit, "limit of 10"},
		)
	}
	// What made validation slow, each just past the limits: one name in
	// 200 aliases of different arguments (a conflict for every pair), 300
	// fragments spread in one set (every pair compared), inline fragments
	// nested 900 deep (each set takes in all below it; gqlparser parses
	// 1,000 levels at most).
	var frags strings.Builder
	frags.WriteString(`{ node(id: "institution/oas") {`)
	for i := range 300 {
		fmt.Fprintf(&frags, " ...G%d", i)
	}
	frags.WriteString(" } }\n")
	for i := range 300 {
		fmt.Fprintf(&frags, "fragment G%d on Entity { g%d: id }\n", i, i)
	}
	cases = append(cases,
		hostile{"200 conflicting aliases of one name", "{" + strings.Repeat(` a: node(id: "x") { id }`, 200) + " }", Limits{MaxAliases: 1 << 20}, CodeSelectionLimit, "repeats fields"},
		hostile{"300 fragments spread in one set", frags.String(), Limits{MaxAliases: 1 << 20}, CodeSelectionLimit, "selections to validate"},
		hostile{"inline fragments 900 deep", "{" + strings.Repeat(" ... on Query {", 900) + " stats { files }" + strings.Repeat(" }", 900) + " }", Limits{}, CodeSelectionLimit, "selections to validate"},
		hostile{"nested 25 deep", nested(25), Limits{}, CodeDepthLimit, "limit of 15"},
	)

	clients := map[Limits]*client{}
	for _, tc := range cases {
		if clients[tc.limits] == nil {
			clients[tc.limits] = newClient(t, Options{Limits: tc.limits})
		}
	}
	before := heapInUse()
	var slowest time.Duration
	for _, tc := range cases {
		c := clients[tc.limits]
		start := time.Now()
		r := c.do(tc.query, nil, nil)
		took := time.Since(start)
		slowest = max(slowest, took)
		t.Logf("%-50s %7d bytes  %-32s %v", tc.name, len(tc.query), r.code(), took.Round(time.Microsecond))
		if r.code() != tc.code || !strings.Contains(r.Errors[0].Message, tc.msg) {
			t.Errorf("%s: %+v, want %s (%q)", tc.name, r.Errors, tc.code, tc.msg)
			continue
		}
		if info := c.last(); info.ErrorCode != tc.code {
			t.Errorf("%s: the server would log code %q, want %s", tc.name, info.ErrorCode, tc.code)
		}
	}
	t.Logf("slowest refusal: %v", slowest)
	if g := logHeap(t, "hostile requests", before); g > 100<<20 {
		t.Errorf("the heap grew by %d MiB", g>>20)
	}
}

// TestDistinctLargeQueries: 1,000 distinct queries of about 1 MB (1,300
// took the server from 47 MiB to 2 GiB) are each refused as too large,
// before they are parsed; and when the query limit lets them through, 250
// of them (250 MB, which a cache of 1,000 entries kept whole) are
// answered while the cache of parsed queries keeps within its bytes: the
// heap grows by less than 100 MB either way.
func TestDistinctLargeQueries(t *testing.T) {
	pad := strings.Repeat("x", 1_000_000)
	query := func(i int) string { return fmt.Sprintf("{ stats { files } } # %d %s", i, pad) }
	for _, tc := range []struct {
		name   string
		limits Limits
		n      int
		code   string
	}{
		{"default limits", Limits{}, 1000, CodeTooLarge},
		{"queries up to 2 MiB", Limits{MaxQuery: 2 << 20, MaxBody: 4 << 20}, 250, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, Options{Limits: tc.limits})
			c.ok(`{ stats { files } }`, nil, nil)
			before := heapInUse()
			start := time.Now()
			var slowest time.Duration
			for i := range tc.n {
				s := time.Now()
				r := c.do(query(i), nil, nil)
				slowest = max(slowest, time.Since(s))
				if r.code() != tc.code {
					t.Fatalf("query %d: %+v, want code %q", i, r.Errors, tc.code)
				}
				if info := c.last(); info.ErrorCode != tc.code {
					t.Fatalf("query %d: the server would log code %q, want %q", i, info.ErrorCode, tc.code)
				}
			}
			entries, size := c.cache.stats()
			t.Logf("%d queries of 1 MB in %v (slowest %v); the cache holds %d queries, %.1f MiB", tc.n, time.Since(start).Round(time.Millisecond), slowest.Round(time.Microsecond), entries, float64(size)/(1<<20))
			if size > DefaultQueryCache {
				t.Errorf("the cache holds %d bytes, more than its %d", size, DefaultQueryCache)
			}
			if g := logHeap(t, "distinct 1 MB queries", before); g > 100<<20 {
				t.Errorf("the heap grew by %d MiB", g>>20)
			}
		})
	}
}

// TestLimitsAdmit: what the limits must let through. GraphiQL's
// introspection query (graphql-js's getIntrospectionQuery, as GraphiQL
// sends it and with every option on), every query of the explorer
// (web/src), ten expensive fields, and a moderate fragment tree.
func TestLimitsAdmit(t *testing.T) {
	c := newClient(t, Options{})
	for _, f := range []string{"testdata/introspection.graphql", "testdata/introspection-full.graphql"} {
		q, err := readFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var data struct {
			Schema struct{ Types []struct{ Name string } } `json:"__schema"`
		}
		if r := c.do(q, nil, &data); len(r.Errors) > 0 {
			t.Errorf("%s refused: %+v", f, r.Errors)
		} else if len(data.Schema.Types) < 20 {
			t.Errorf("%s: %d types", f, len(data.Schema.Types))
		}
	}
	queries := explorerQueries(t)
	if len(queries) < 10 {
		t.Fatalf("found %d queries in web/src", len(queries))
	}
	for name, q := range queries {
		vars := sampleVariables(t, q)
		r := c.do(q, vars, nil)
		switch r.code() {
		case CodeTooLarge, CodeSelectionLimit, CodeAliasLimit, CodeDepthLimit, CodeComplexityLimit, CodeExpensiveLimit, "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED":
			t.Errorf("the explorer's %s refused: %+v", name, r.Errors)
		}
	}
	ten := aliasFlood(10, expensiveFields["neighborhood"])
	if r := c.do(ten, nil, nil); len(r.Errors) > 0 {
		t.Errorf("ten neighbourhoods refused: %+v", r.Errors)
	}
	if r := c.do(`{ a: stats { files } b: stats { files } node(id: "institution/oas") { id ... on Entity { id name } ... on Mandate { id text } } }`, nil, nil); len(r.Errors) > 0 {
		t.Errorf("a few repeated fields refused: %+v", r.Errors)
	}
}

// TestTimeoutBeforeRunning: a request whose time ran out while it was
// parsed and validated answers TIMEOUT, and the server logs the code
// (it answered 200 with the body null, and no code).
func TestTimeoutBeforeRunning(t *testing.T) {
	c := newClient(t, Options{Timeout: time.Nanosecond})
	r := c.do(`{ stats { files } }`, nil, nil)
	if r.code() != "TIMEOUT" {
		t.Fatalf("%+v, data %s", r.Errors, r.Data)
	}
	if info := c.last(); info.ErrorCode != "TIMEOUT" {
		t.Errorf("the server would log code %q", info.ErrorCode)
	}
}

// TestManyErrors: a response lists at most maxErrors errors (validation
// reports every pair of conflicting fields).
func TestManyErrors(t *testing.T) {
	c := newClient(t, Options{})
	var b strings.Builder
	b.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&b, ` a: node(id: "%d") { id }`, i)
	}
	b.WriteString(" }")
	r := c.do(b.String(), nil, nil)
	if len(r.Errors) != maxErrors+1 || !strings.Contains(r.Errors[maxErrors].Message, "and 760 more errors") {
		t.Errorf("%d errors, the last %+v", len(r.Errors), r.Errors[len(r.Errors)-1])
	}
	if info := c.last(); info.Errors != 780 || info.ErrorCode != "GRAPHQL_VALIDATION_FAILED" {
		t.Errorf("recorded %+v", info)
	}
}

func readFile(name string) (string, error) {
	b, err := os.ReadFile(name)
	return string(b), err
}

// explorerQueries are the GraphQL documents of the explorer's sources,
// each marked /* GraphQL */ before its template literal.
func explorerQueries(t *testing.T) map[string]string {
	t.Helper()
	// The explorer writes its queries as graphql(`…`), which codegen types.
	re := regexp.MustCompile("(?s)const (\\w+) = graphql\\(`([^`]*)`")
	out := map[string]string{}
	err := filepath.WalkDir("../web/src", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".ts") {
			return err
		}
		b, err := os.ReadFile(path)
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if strings.Contains(m[2], "${") {
				t.Errorf("%s: %s is built from parts; test it another way", path, m[1])
			}
			out[path+" "+m[1]] = m[2]
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Fragments are documents of their own; an operation is sent with
	// the fragments it spreads, as the generated client does.
	frags := map[string]string{}
	fragName := regexp.MustCompile(`^\s*fragment\s+(\w+)`)
	for k, q := range out {
		if m := fragName.FindStringSubmatch(q); m != nil {
			frags[m[1]] = q
			delete(out, k)
		}
	}
	for k, q := range out {
		for changed := true; changed; {
			changed = false
			for name, f := range frags {
				if strings.Contains(q, "..."+name) && !strings.Contains(q, "fragment "+name+" ") {
					q += "\n" + f
					changed = true
				}
			}
		}
		out[k] = q
	}
	return out
}

// sampleVariables gives every variable of a query a value of its type.
func sampleVariables(t *testing.T, query string) map[string]any {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		t.Fatalf("%v in %s", err, query)
	}
	vars := map[string]any{}
	for _, op := range doc.Operations {
		for _, v := range op.VariableDefinitions {
			switch v.Type.Name() {
			case "ID":
				vars[v.Variable] = "institution/mesicic"
			case "Int":
				vars[v.Variable] = 10
			case "String":
				vars[v.Variable] = "corruption"
			case "Boolean":
				vars[v.Variable] = true
			case "NodeKind":
				vars[v.Variable] = "INSTITUTION"
			default:
				if v.Type.NonNull {
					t.Errorf("no sample value for $%s: %s", v.Variable, v.Type)
				}
			}
		}
	}
	return vars
}

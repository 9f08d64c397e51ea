package gql

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"summitgraph/nlp"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// BenchmarkQueries runs each query of the contract through the real
// handler (in process, no network) on the seed store, loaders and caches
// included: go test ./gql -run '^$' -bench Queries -benchmem
func BenchmarkQueries(b *testing.B) {
	h := NewHandler(Options{Store: seedStore(b), Analyzer: nlp.Analyzer{}})
	queries := []struct{ name, query string }{
		{"node", `{ node(id: "institution/mesicic") { id kind label } }`},
		{"summits", `{ summits { id label name ordinal city country year startDate } }`},
		{"mandates", `{ mandates(first: 50) { totalCount edges { cursor node { id number text citation summit { label } document { title } } } pageInfo { hasNextPage endCursor } } }`},
		{"mandates filtered", `{ mandates(filter: {summit: "summit/2022-los-angeles", topLevel: true}, first: 20) { totalCount edges { node { id text } } } }`},
		{"entities", `{ entities(filter: {kind: INSTITUTION}, first: 50) { totalCount edges { node { id name acronym } } } }`},
		{"resolve", `{ resolve(name: "Convención Interamericana contra la Corrupción") { id name } }`},
		{"trace", `{ trace(entity: "convention/inter-american-convention-against-corruption") { steps { summit { label } count mandates { id year text } } } }`},
		{"entity page", `{ node(id: "institution/mesicic") { ... on Entity { name aliases summits { label } related { entity { name } count weight } mentions(first: 20) { totalCount edges { node { surface start end method confidence mandate { id text } } } } } } }`},
		{"mandate page", `{ mandates(first: 1, filter: {mentions: "institution/mesicic"}) { edges { node { text mentions { surface start end method entity { name } } references { surface target { id } } similar { score mandate { id } } } } } }`},
		{"search", `{ search(text: "transparency public procurement", first: 20) { score snippet node { id label } } }`},
		{"neighborhood", `{ neighborhood(id: "institution/mesicic", depth: 2) { nodes { id kind label } edges { from to type weight } truncated } }`},
		{"path", `{ path(from: "institution/upd", to: "convention/inter-american-convention-against-corruption") { id } }`},
		{"stats", `{ stats { summits documents mandates conventions institutions themes mentions nodes edges files } }`},
	}
	for _, q := range queries {
		body, _ := json.Marshal(map[string]string{"query": q.query})
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
					b.Fatalf("%s: %d %s", q.name, rec.Code, rec.Body.String())
				}
			}
		})
	}
}

// BenchmarkRefusals compares what a refused hostile request costs with an
// ordinary query, through the real handler on the seed store:
// go test ./gql -run '^$' -bench Refusals -benchmem
func BenchmarkRefusals(b *testing.B) {
	store := seedStore(b)
	handler := func(l Limits) http.Handler {
		return NewHandler(Options{Store: store, Analyzer: nlp.Analyzer{}, Limits: l})
	}
	def := handler(Limits{})
	var conflicts strings.Builder
	conflicts.WriteString("{")
	for i := range 70 {
		fmt.Fprintf(&conflicts, ` a: node(id: "%d") { id }`, i)
	}
	conflicts.WriteString(" }")
	for _, bc := range []struct {
		name, query, code string
		h                 http.Handler
		fresh             bool // a new query text each time, never in the cache (refusals never are)
	}{
		{"ordinary node query", `{ node(id: "institution/mesicic") { id kind label } }`, "", def, false},
		{"ordinary node query, not cached", `{ node(id: "institution/mesicic") { id kind label } }`, "", def, true},
		{"introspection query, not cached", mustRead(b, "testdata/introspection.graphql"), "", def, true},
		{"8,000 repeated fields (bytes)", repeated(8000), CodeTooLarge, def, false},
		{"8,000 repeated fields (tokens)", repeated(8000), CodeTooLarge, handler(Limits{MaxQuery: 1 << 20}), false},
		{"8,000 repeated fields (overlaps)", repeated(8000), CodeSelectionLimit, handler(Limits{MaxQuery: 1 << 20, MaxTokens: 1 << 20}), false},
		{"1,000 aliases of search (tokens)", aliasFlood(1000, expensiveFields["search"]), CodeTooLarge, def, false},
		{"1,000 aliases of search (aliases)", aliasFlood(1000, expensiveFields["search"]), CodeAliasLimit, handler(Limits{MaxTokens: 1 << 20}), false},
		{"11 aliases of neighborhood (expensive fields)", aliasFlood(11, expensiveFields["neighborhood"]), CodeExpensiveLimit, def, false},
		{"70 conflicting aliases (validated)", conflicts.String(), "GRAPHQL_VALIDATION_FAILED", def, false},
		{"1 MB query (bytes)", "{ stats { files } } # " + strings.Repeat("x", 1_000_000), CodeTooLarge, def, false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			body, _ := json.Marshal(map[string]string{"query": bc.query})
			i := 0
			for b.Loop() {
				if bc.fresh {
					i++
					body, _ = json.Marshal(map[string]string{"query": fmt.Sprintf("%s\n# %d", bc.query, i)})
				}
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				bc.h.ServeHTTP(rec, req)
				var r response
				if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || r.code() != bc.code {
					b.Fatalf("%s: %d %.300s", bc.name, rec.Code, rec.Body.String())
				}
			}
		})
	}
}

func mustRead(b *testing.B, name string) string {
	s, err := readFile(name)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// nearLimits are documents shaped to make gqlparser's validation work
// hard, each about as large as the default limits let through (sizes found
// by growing each until the guard refused it; the benchmark checks that
// the guard lets them through).
func nearLimits() map[string]string {
	times := func(n int, f func(i int) string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(f(i))
			b.WriteByte(' ')
		}
		return b.String()
	}
	return map[string]string{
		"71 copies of one field": repeated(71),
		"71 conflicting aliases": "{" + times(71, func(i int) string { return fmt.Sprintf(`a: node(id: "%d") { id }`, i) }) + "}",
		"47 copies of an object": "{" + times(47, func(int) string { return `node(id: "x") { id ... on Mandate { text } }` }) + "}",
		"47 fragments with one name": "{ " + times(47, func(i int) string { return fmt.Sprintf("...R%d", i) }) + "}\n" + times(47, func(i int) string {
			return fmt.Sprintf(`fragment R%d on Query { a: node(id: "x") { id ... on Mandate { text } } }`, i)
		}),
		"59 fragments spread in one set":    `{ node(id: "x") { ` + times(59, func(i int) string { return fmt.Sprintf("...G%d", i) }) + "} }\n" + times(59, func(i int) string { return fmt.Sprintf("fragment G%d on Mandate { g%d: id }", i, i) }),
		"inline fragments 61 deep":          "{" + strings.Repeat(" ... on Query {", 61) + " stats { files }" + strings.Repeat(" }", 61) + " }",
		"1,000 operations":                  times(1000, func(i int) string { return fmt.Sprintf("query Q%d { stats { files } }", i) }),
		"999 fragment definitions":          "{ stats { files } } " + times(999, func(i int) string { return fmt.Sprintf("fragment F%d on Query { stats { files } }", i) }),
		"1,427 directives on one field":     "{ stats " + times(1427, func(int) string { return "@include(if: true)" }) + " { files } }",
		"3,330 arguments of one name":       "{ stats(" + times(3330, func(int) string { return "a: 1" }) + ") { files } }",
		"3,329 fields of one input object":  "{ mandates(filter: {" + times(3329, func(int) string { return `summit: "x"` }) + "}) { totalCount } }",
		"9,355 enum values in a list":       "{ entities(filter: {kind: [" + times(9355, func(int) string { return "THEMEX" }) + "]}) { totalCount } }",
		"1,664 variables used in a list":    "query(" + times(1664, func(i int) string { return fmt.Sprintf("$v%d: Int", i) }) + ") { stats(x: [" + times(1664, func(i int) string { return fmt.Sprintf("$v%d", i) }) + "]) { files } }",
		"2,497 unused variables":            "query(" + times(2497, func(i int) string { return fmt.Sprintf("$v%d: Int", i) }) + ") { stats { files } }",
		"a binary tree of parents, depth 5": `{ node(id: "x") { ... on Mandate { ` + binaryParents(5) + " } } }",
	}
}

func binaryParents(d int) string {
	if d == 0 {
		return "id"
	}
	return "parent { " + binaryParents(d-1) + " } parent { " + binaryParents(d-1) + " }"
}

// BenchmarkValidationNearLimits validates each of nearLimits with
// gqlparser, as gqlgen does for a query not in its cache: what the limits
// leave of the worst case. go test ./gql -run '^$' -bench ValidationNearLimits
func BenchmarkValidationNearLimits(b *testing.B) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	g := guard{limits: DefaultLimits, cache: newQueryCache(0)}
	for name, q := range nearLimits() {
		if err := g.check(q); err != nil {
			b.Fatalf("%s is refused: %v", name, err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				doc, err := parser.ParseQuery(&ast.Source{Input: q})
				if err != nil {
					b.Fatal(err)
				}
				validator.Validate(schema, doc)
			}
		})
	}
}

package gql

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"summitgraph/nlp"
)

// fuzzLimits are tighter than the defaults, so that the fuzzer's small
// inputs reach every refusal.
var fuzzLimits = Limits{MaxQuery: 8 << 10, MaxTokens: 600, MaxSelections: 300, MaxOverlaps: 400, MaxAliases: 12, MaxExpensive: 3, MaxDepth: 10, MaxComplexity: 20000}

// FuzzGraphQL sends arbitrary operations and variables to the real
// handler, with the limits and with introspection on and off: it must
// never panic or hang, always answer with JSON (never `null`), give every
// error a code, and quote no more of the request than the limits allow.
func FuzzGraphQL(f *testing.F) {
	for _, q := range []string{
		`{ stats { mandates } }`,
		`{ mandates(first: 3) { edges { node { id text mentions { surface entity { name } } } } } }`,
		`query($id: ID!) { node(id: $id) { id ... on Entity { mentions(first: 2) { totalCount } related { count } } } }`,
		`{ trace(entity: "institution/mesicic") { steps { summit { label } mandates { id } } } }`,
		`{ search(text: "corrupción transparencia", first: 5) { score snippet } }`,
		`{ neighborhood(id: "institution/oas", depth: 2) { nodes { id } truncated } }`,
		`{ path(from: "institution/upd", to: "summit/2022-los-angeles", maxDepth: 4) { id } }`,
		`{ resolve(name: "ÖAS  inter-american") { id } }`,
		`mutation { addAlias(entity: "institution/oas", alias: "x") { id } }`,
		`{ __schema { types { name } } }`,
		`{ __type(name: "Mandate") { fields { name } } }`,
		`{ mandates(after: "Zm9v", filter: {yearFrom: 3000, yearTo: -1, topLevel: true}) { totalCount } }`,
		`fragment F on Mandate { parent { ...F } } { node(id: "x") { ...F } }`,
		`{ node(id: "") { id } }`, "{", `{ a: stats { files } b: stats { files } }`,
		`{ audit { by action } }`,
		`{ mandate { totalCount } }`,
		// Hostile shapes, small.
		repeated(200),
		aliasFlood(20, expensiveFields["search"]),
		aliasFlood(4, expensiveFields["neighborhood"]),
		aliasFlood(4, expensiveFields["path"]),
		aliasFlood(4, expensiveFields["trace"]),
		`{ a: searchPage(text: "transparencia") { totalCount } b: review { totalCount } c: trace(entity: "institution/oas") { steps { count } } d: path(from: "institution/upd", to: "institution/oas") { id } }`,
		`{ mandates(first: 500) { edges { node { mentions(first: 500) { surface } } } } }`,
		fmt.Sprintf(`{ search(text: %q) { score } }`, strings.Repeat("corrupción ", 200)),
		`{ neighborhood(id: "institution/oas", depth: 99) { nodes { id } } }`,
		"{" + strings.Repeat(` a: node(id: "x") { id }`, 30) + " }",
		"{" + strings.Repeat(" ... on Query {", 40) + " stats { files }" + strings.Repeat(" }", 40) + " }",
		fragmentBomb(12),
		nested(12),
		fmt.Sprintf(`{ trace(entity: %q) { steps { count } } }`, strings.Repeat("é", 300)),
	} {
		f.Add(q, `{"id":"institution/mesicic"}`)
	}
	if intro, err := readFile("testdata/introspection.graphql"); err == nil {
		f.Add(intro, `{}`)
	}
	store := seedStore(f)
	handlers := []http.Handler{
		NewHandler(Options{Store: store, Analyzer: nlp.Analyzer{}, Timeout: 2 * time.Second, Limits: fuzzLimits}),
		NewHandler(Options{Store: store, Analyzer: nlp.Analyzer{}, Timeout: 2 * time.Second, Limits: fuzzLimits, NoIntrospection: true}),
	}
	f.Fuzz(func(t *testing.T, query, vars string) {
		body := map[string]any{"query": query}
		var v any
		if json.Unmarshal([]byte(vars), &v) == nil {
			body["variables"] = v
		}
		raw, _ := json.Marshal(body)
		for _, h := range handlers {
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(raw))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			start := time.Now()
			h.ServeHTTP(rec, req)
			if d := time.Since(start); d > 5*time.Second {
				t.Fatalf("took %s for %q", d, query)
			}
			var r response
			if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || bytes.Equal(bytes.TrimSpace(rec.Body.Bytes()), []byte("null")) {
				t.Fatalf("status %d, not a GraphQL response: %q", rec.Code, rec.Body.String())
			}
			for _, e := range r.Errors {
				if c, _ := e.Extensions["code"].(string); c == "" {
					t.Fatalf("an error without a code for %q: %+v", query, e)
				}
				if n := utf8.RuneCountInString(e.Message); n > maxMessage+1 {
					t.Fatalf("a message of %d characters for %q", n, query)
				}
			}
		}
	})
}

package gql

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"summitgraph/nlp"
)

// FuzzGraphQL sends arbitrary operations and variables to the real
// handler: it must never panic or hang, and always answer with JSON.
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
		`{ mandates(after: "Zm9v", filter: {yearFrom: 3000, yearTo: -1, topLevel: true}) { totalCount } }`,
		`fragment F on Mandate { parent { ...F } } { node(id: "x") { ...F } }`,
		`{ node(id: "") { id } }`, "{", `{ a: stats { files } b: stats { files } }`,
	} {
		f.Add(q, `{"id":"institution/mesicic"}`)
	}
	h := NewHandler(Options{Store: seedStore(f), Analyzer: nlp.Analyzer{}, Timeout: 2 * time.Second})
	f.Fuzz(func(t *testing.T, query, vars string) {
		body := map[string]any{"query": query}
		var v any
		if json.Unmarshal([]byte(vars), &v) == nil {
			body["variables"] = v
		}
		raw, _ := json.Marshal(body)
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(raw))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("took %s for %q", d, query)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("status %d, not JSON: %q", rec.Code, rec.Body.String())
		}
	})
}

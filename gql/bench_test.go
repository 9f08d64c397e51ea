package gql

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"summitgraph/nlp"
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

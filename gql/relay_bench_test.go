package gql

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"summitgraph/graph"
	"summitgraph/nlp"
)

// BenchmarkMandatesBackward reads a page of ten mandates backward on the
// synthetic store (3,000 mandates and their items): the last page
// (mandates(last: 10)), one before the middle of the listing, and, to
// compare, the first page forward:
// go test ./gql -run '^$' -bench MandatesBackward -benchmem
func BenchmarkMandatesBackward(b *testing.B) {
	st, _, _ := syntheticStore(b)
	all, err := st.Mandates(context.Background(), graph.MandateFilter{}, 1<<20, "")
	if err != nil {
		b.Fatal(err)
	}
	mid := all.Cursors[len(all.Cursors)/2]
	b.Logf("%d mandates listed", len(all.Cursors))
	h := NewHandler(Options{Store: st, Analyzer: nlp.Analyzer{}})
	const query = `query($c: String) { mandates(last: 10, before: $c) { edges { cursor node { id } } pageInfo { hasPreviousPage } } }`
	for _, c := range []struct {
		name, query string
		vars        map[string]any
	}{
		{"last page", query, nil},
		{"before the middle", query, map[string]any{"c": mid}},
		{"first page forward", `{ mandates(first: 10) { edges { cursor node { id } } pageInfo { hasNextPage } } }`, nil},
	} {
		body, _ := json.Marshal(map[string]any{"query": c.query, "variables": c.vars})
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) || bytes.Count(rec.Body.Bytes(), []byte(`"cursor"`)) != 10 {
					b.Fatalf("%d %.300s", rec.Code, rec.Body.String())
				}
			}
		})
	}
}

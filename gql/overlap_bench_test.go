package gql

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"summitgraph/nlp"
)

// BenchmarkOverlap runs Query.overlap through the real handler on the
// synthetic store (or $SUMMITGRAPH_BENCH_STORE, a store of `summitgraph
// gen` files), for an early summit (few earlier mandates to look at) and
// the last one (every earlier mandate), with the first 20 renewals and
// mandates not renewed:
// SUMMITGRAPH_BENCH_STORE=/tmp/s100k go test ./gql -run '^$' -bench Overlap -benchmem
func BenchmarkOverlap(b *testing.B) {
	st, _, _ := syntheticStore(b)
	h := NewHandler(Options{Store: st, Analyzer: nlp.Analyzer{}})
	const query = `query($s: ID!, $t: ID) { overlap(summit: $s, theme: $t) { mandates renewing
	  summits { summit { id } mandates renewing renewed notRenewed }
	  renewals(first: 20) { totalCount edges { node { from { id } to { id } score evidence } } }
	  notRenewed(first: 20) { totalCount edges { node { id label } } } } }`
	for _, c := range []struct{ name, summit, theme string }{
		{"1998", "summit/1998-santiago", ""},
		{"2022", "summit/2022-los-angeles", ""},
		{"2022-theme", "summit/2022-los-angeles", "theme/corruption"},
	} {
		vars := map[string]any{"s": c.summit}
		if c.theme != "" {
			vars["t"] = c.theme
		}
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
					b.Fatalf("%s: %d %.300s", c.name, rec.Code, rec.Body.String())
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size), "bytes/answer")
		})
	}
}

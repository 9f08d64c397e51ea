package gql

import (
	"encoding/json"
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
		b.Run(c.name, func(b *testing.B) { benchAnswer(b, h, body) })
	}
}

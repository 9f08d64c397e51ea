package gql

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
	"summitgraph/nlp"
	"summitgraph/nlp/synth"
)

// synthetic is a store of a synthetic corpus (nlp/synth), built once for
// the package's benchmarks, with the entities to trace: the one nearest
// 240 mandates and the one mentioned most.
var synthetic struct {
	once         sync.Once
	store        *store.Store
	small, large string
	err          error
}

// syntheticStore ingests 3,000 synthetic mandates into an in-memory store
// (about 2,400 items come with them), or opens $SUMMITGRAPH_BENCH_STORE
// read-only when it is set (a store made by `summitgraph ingest`), so that
// the trace can be profiled on a corpus as large as the load harness's.
func syntheticStore(b testing.TB) (st *store.Store, small, large string) {
	b.Helper()
	synthetic.once.Do(func() {
		ctx := context.Background()
		s := &synthetic
		if dir := os.Getenv("SUMMITGRAPH_BENCH_STORE"); dir != "" {
			s.store, s.err = store.Open(store.Options{Dir: dir, ReadOnly: true})
		} else {
			s.store, s.err = ingesttest.CatalogStore(ctx)
			if s.err != nil {
				return
			}
			cat, _ := ingesttest.Catalog()
			var srcs []ingest.Source
			_, s.err = synth.Generate(cat, synth.Options{Mandates: 3000, Seed: 1}, func(name string, data []byte) error {
				src, err := ingest.Text(name, bytes.Clone(data)) // the generator reuses data
				srcs = append(srcs, src)
				return err
			})
			if s.err != nil {
				return
			}
			for _, r := range ingest.New(s.store, cat, ingest.Options{}).Ingest(ctx, srcs, nil) {
				if r.Err != nil {
					s.err = r.Err
					return
				}
			}
		}
		if s.err != nil {
			return
		}
		counts, err := s.store.MentionCounts(ctx)
		if err != nil {
			s.err = err
			return
		}
		best := -1
		for id, n := range counts {
			if d := abs(n - 240); best < 0 || d < best || d == best && id < s.small {
				best, s.small = d, id
			}
			if n > counts[s.large] || n == counts[s.large] && id < s.large {
				s.large = id
			}
		}
	})
	if synthetic.err != nil {
		b.Fatal(synthetic.err)
	}
	return synthetic.store, synthetic.small, synthetic.large
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// BenchmarkTrace runs the load harness's trace query (dgraph_load_test.go)
// through the real handler on the synthetic store, for the entity nearest
// 240 mandates and the one mentioned most:
// go test ./gql -run '^$' -bench Trace -benchmem
func BenchmarkTrace(b *testing.B) {
	st, small, large := syntheticStore(b)
	h := NewHandler(Options{Store: st, Analyzer: nlp.Analyzer{}, Limits: Limits{MaxComplexity: 1 << 30}})
	const query = `query Trace($e: ID!) { trace(entity: $e) { entity { name } steps { summit { label year } mandates { id year text } } } }`
	b.Logf("small %s, large %s", small, large)
	for _, c := range []struct{ name, entity string }{{"small", small}, {"large", large}} {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": map[string]string{"e": c.entity}})
		b.Run(c.name, func(b *testing.B) { benchAnswer(b, h, body) })
	}
}

// benchAnswer posts the GraphQL request body to h b.N times, failing on
// any error, and reports the answer's size.
func benchAnswer(b *testing.B, h http.Handler, body []byte) {
	b.ReportAllocs()
	var size int
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("%s: %d %.300s", body, rec.Code, rec.Body.String())
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "bytes/answer")
}

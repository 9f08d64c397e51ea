package store_test

import (
	"fmt"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// hot is the convention a fixed number of the benchmark corpus's mandates
// mention (about 250), whatever its size.
const hot = "convention/american-convention-on-human-rights"

// benchStore builds a store of about n mandates in files of 50.
func benchStore(b *testing.B, n int) *store.Store {
	b.Helper()
	s, err := store.Open(store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	c := testCatalog("bench")
	c.Entities = append(c.Entities, &graph.Entity{ID: hot, EntityKind: graph.KindConvention, Name: "American Convention on Human Rights", Origin: graph.OriginCatalog})
	if err := s.LoadCatalog(bg, c); err != nil {
		b.Fatal(err)
	}
	for _, f := range genWorld(worldOpts{files: n / 50, perFile: 50, seed: 3, hot: hot, hotSurface: "American Convention on Human Rights", hotEvery: n / 250}) {
		if _, err := s.Apply(bg, f.Batch()); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// benchFile is a 50-mandate file like the corpus's; versions differ in
// every text.
func benchFile(version int) *graph.Batch {
	f := genWorld(worldOpts{files: 1, perFile: 50, seed: 1000 + uint64(version)})[0]
	f.Name = "bench.txt"
	return f.Batch()
}

func BenchmarkStore(b *testing.B) {
	for _, size := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("mandates=%d", size), func(b *testing.B) {
			s := benchStore(b, size)
			st, _ := s.Stats(bg)
			if n, _ := s.CountMandates(bg, graph.MandateFilter{Mentions: hot}); n < 200 || n > 300 {
				b.Fatalf("%d mandates mention the hot convention, want about 250", n)
			}
			page, err := s.Mandates(bg, graph.MandateFilter{}, st.Mandates/2, "")
			if err != nil {
				b.Fatal(err)
			}
			some := page.Mandates[len(page.Mandates)-1].ID

			b.Run("Apply50", func(b *testing.B) {
				versions := []*graph.Batch{benchFile(0), benchFile(1)}
				if _, err := s.Apply(bg, versions[1]); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					if _, err := s.Apply(bg, versions[i%2]); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
			b.Run("Node", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := s.Node(bg, some); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("Mandates50", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if p, err := s.Mandates(bg, graph.MandateFilter{}, 50, ""); err != nil || len(p.Mandates) != 50 {
						b.Fatal(err)
					}
				}
			})
			b.Run("Mandates50/summit+topLevel", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := s.Mandates(bg, graph.MandateFilter{Summit: quebec, TopLevel: true}, 50, ""); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("Trace250", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					// The trace and its mandates, as the GraphQL trace reads them.
					_, steps, err := s.Trace(bg, hot)
					if err != nil {
						b.Fatal(err)
					}
					for _, st := range steps {
						if _, errs := s.Nodes(bg, st.Mandates); len(errs) > 0 && errs[0] != nil {
							b.Fatal(errs[0])
						}
					}
				}
			})
			b.Run("Neighborhood2", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if sg, err := s.Neighborhood(bg, some, 2, 500); err != nil || len(sg.Edges) == 0 {
						b.Fatal(err)
					}
				}
			})
			b.Run("Path", func(b *testing.B) {
				first := page.Mandates[0].ID
				b.ReportAllocs()
				for b.Loop() {
					if _, err := s.Path(bg, first, some, 6); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("Search", func(b *testing.B) {
				q := [][]string{{"transparency"}, {"democracy", "democracia"}, {"health"}}
				b.ReportAllocs()
				for b.Loop() {
					if hits, err := s.Search(bg, q, 20); err != nil || len(hits) == 0 {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

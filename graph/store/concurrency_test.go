package store_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"summitgraph/graph"
)

// Readers running while files are replaced see the store before or after
// each Apply, never in between. Run it with -race.
func TestConcurrentReadsDuringApply(t *testing.T) {
	s := openStore(t)
	for _, f := range genWorld(worldOpts{files: 4, perFile: 20, seed: 9}) {
		apply(t, s, f)
	}
	doc := docID(quebec, "Plan of Action")
	type view struct {
		listing, trace, search string
		stats                  graph.Stats
	}
	read := func() (view, error) {
		var v view
		page, err := s.Mandates(bg, graph.MandateFilter{Document: doc}, 1000, "")
		if err != nil {
			return v, err
		}
		v.listing = fmt.Sprint(ids(page.Mandates))
		_, steps, err := s.Trace(bg, mesicic)
		if err != nil {
			return v, err
		}
		for _, st := range steps {
			v.trace += st.Summit.ID + fmt.Sprint(st.Mandates)
		}
		hits, err := s.Search(bg, [][]string{{"fully"}, {"mesicic"}}, 10)
		if err != nil {
			return v, err
		}
		v.search = fmt.Sprint(hits)
		v.stats, err = s.Stats(bg)
		return v, err
	}
	versions := []F{fileA(), fileA2()}
	var want []view
	for _, f := range versions {
		apply(t, s, f)
		v, err := read()
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, v)
	}
	if want[0].listing == want[1].listing || want[0].trace == want[1].trace || want[0].search == want[1].search || want[0].stats == want[1].stats {
		t.Fatalf("the two versions read the same: the test would prove nothing\n%+v\n%+v", want[0], want[1])
	}

	var done atomic.Bool
	var reads atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !done.Load() {
				v, err := read()
				if err != nil {
					t.Error(err)
					return
				}
				// Each read is its own transaction: each sees one version.
				for _, part := range []struct {
					name   string
					got    any
					v1, v2 any
				}{
					{"listing", v.listing, want[0].listing, want[1].listing},
					{"trace", v.trace, want[0].trace, want[1].trace},
					{"search", v.search, want[0].search, want[1].search},
					{"stats", v.stats, want[0].stats, want[1].stats},
				} {
					if part.got != part.v1 && part.got != part.v2 {
						t.Errorf("%s of neither version: %v", part.name, part.got)
						return
					}
				}
				reads.Add(1)
			}
		}()
	}
	for i := range 40 {
		if _, err := s.Apply(bg, versions[i%2].Batch()); err != nil {
			t.Error(err)
			break
		}
	}
	done.Store(true)
	wg.Wait()
	if reads.Load() == 0 {
		t.Error("no read ran")
	}
	checkStore(t, s)
}

// Curation decisions replace the store's curation while files are applied
// and readers ask for its version and aliases. Run it with -race: before the
// curation was swapped atomically, this raced.
func TestConcurrentCuration(t *testing.T) {
	s := openStore(t)
	apply(t, s, fileA())
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for !done.Load() {
			s.CurationVersion()
			s.CuratedAliases()
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; !done.Load(); i++ {
			if _, err := s.Apply(bg, []F{fileA(), fileA2()}[i%2].Batch()); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i := range 20 {
		if _, err := s.AddAlias(bg, mesicic, fmt.Sprintf("follow-up mechanism %d", i), "test"); err != nil {
			t.Error(err)
			break
		}
	}
	done.Store(true)
	wg.Wait()
	aliases, _ := s.CuratedAliases()
	if len(aliases[mesicic]) != 20 {
		t.Errorf("%d aliases of %s, want 20", len(aliases[mesicic]), mesicic)
	}
	checkStore(t, s)
}

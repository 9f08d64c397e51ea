package store_test

import (
	"maps"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// reviewRecount counts the review queue the long way: every mandate of the
// store, its mention edges, graph.ReviewOf.
func reviewRecount(t *testing.T, s *store.Store, below float64) (int, map[string]int) {
	t.Helper()
	total, by := 0, map[string]int{}
	err := s.EachNode(bg, func(n graph.Node) error {
		m, ok := n.(*graph.Mandate)
		if !ok {
			return nil
		}
		es, err := s.Edges(bg, graph.EdgeQuery{Node: m.ID, Type: graph.Mentions, WithProps: true})
		if err != nil {
			return err
		}
		reasons, _ := graph.ReviewOf(m, es, below)
		if len(reasons) > 0 {
			total++
		}
		for _, r := range reasons {
			by[r]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return total, by
}

// applyFlagged applies f with some of its mandates flagged as the parser
// flags them (the fixtures flag none): every fourth truncated, every sixth
// unattributed one unresolved.
func applyFlagged(t *testing.T, s *store.Store, f F) {
	t.Helper()
	b := f.Batch()
	for i, m := range b.Mandates {
		if i%4 == 1 {
			m.Flags = append(m.Flags, graph.FlagTruncated)
		}
		if i%6 == 0 && m.Summit == "" {
			m.Flags = append(m.Flags, graph.FlagUnresolved)
		}
	}
	if _, err := s.Apply(bg, b); err != nil {
		t.Fatalf("apply %s: %v", f.Name, err)
	}
}

// The review queue's counts (kept until the next write) and its pages equal
// a full recount after every kind of write: ingest, a replaced file, a file
// emptied (removed), and each curation. Each check is preceded by a count,
// so that a write that failed to drop the kept counts would be caught.
func TestReviewCountsFollowEveryWrite(t *testing.T) {
	s := openStore(t)
	// Every fixture mention has confidence 0.9: below 0.95 they are all low.
	const below = 0.95
	check := func(what string) {
		t.Helper()
		total, by, err := s.ReviewCounts(bg, below)
		if err != nil {
			t.Fatal(err)
		}
		wantTotal, wantBy := reviewRecount(t, s, below)
		if total != wantTotal || !maps.Equal(by, wantBy) {
			t.Errorf("%s: counts %d %v, recount %d %v", what, total, by, wantTotal, wantBy)
		}
		for _, r := range graph.ReviewReasons {
			page, err := s.Review(bg, graph.ReviewFilter{Reason: r, Below: below}, 100_000, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) != wantBy[r] {
				t.Errorf("%s: %d items queued as %s, recount %d", what, len(page.Items), r, wantBy[r])
			}
		}
	}
	write := func(what string, fn func()) {
		t.Helper()
		if _, _, err := s.ReviewCounts(bg, below); err != nil { // kept until the write
			t.Fatal(err)
		}
		fn()
		check(what)
	}
	files := genWorld(worldOpts{files: 6, perFile: 20, seed: 3})
	for _, f := range files {
		write("ingest "+f.Name, func() { applyFlagged(t, s, f) })
	}
	_, by := reviewRecount(t, s, below)
	for _, r := range graph.ReviewReasons {
		if by[r] == 0 {
			t.Fatalf("the corpus queues no mandate as %s: the test would prove little", r)
		}
	}
	write("replace", func() {
		g := F{Name: files[0].Name, Entities: files[0].Entities}
		for _, ms := range files[0].Mandates {
			if ms.Parent == 0 && len(ms.Mentions) > 0 {
				g.Mandates = append(g.Mandates, ms)
			}
		}
		applyFlagged(t, s, dedupe([]F{g})[0])
	})
	write("remove", func() { applyFlagged(t, s, F{Name: files[1].Name}) })
	write("reject a mention", func() {
		f := files[2]
		for i, id := range f.IDs() {
			if ms := f.Mandates[i]; len(ms.Mentions) > 0 {
				if _, err := s.RejectMention(bg, id, ms.Mentions[0].Entity, "test"); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		t.Fatal("no mention to reject")
	})
	write("add an alias", func() {
		if _, err := s.AddAlias(bg, mesicic, "the anticorruption follow-up", "test"); err != nil {
			t.Fatal(err)
		}
	})
	write("merge entities", func() {
		if _, err := s.MergeEntities(bg, oas, oasGA, "test"); err != nil {
			t.Fatal(err)
		}
	})
	checkStore(t, s)
}

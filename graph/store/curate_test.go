package store_test

import (
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// mentioned returns the entities mandate id mentions.
func mentioned(t *testing.T, s *store.Store, id string) map[string]bool {
	t.Helper()
	es, err := s.Edges(bg, graph.EdgeQuery{Node: id, Type: graph.Mentions})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, e := range es {
		out[e.To] = true
	}
	return out
}

func exists(t *testing.T, s *store.Store, id string) bool {
	t.Helper()
	_, err := s.Node(bg, id)
	if err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatal(err)
	}
	return err == nil
}

// Rejecting the only mention of a discovered entity takes the entity away,
// as a file that stopped naming it would, and it stays away when the file
// is ingested again.
func TestRejectLastMentionCollectsDiscovered(t *testing.T) {
	s := openStore(t)
	f := fileA()
	apply(t, s, f)
	m := f.IDs()[2]
	if !mentioned(t, s, m)[network] {
		t.Fatalf("%s does not mention %s before the test", m, network)
	}
	if _, err := s.RejectMention(bg, m, network, "test"); err != nil {
		t.Fatal(err)
	}
	if exists(t, s, network) {
		t.Errorf("%s, mentioned nowhere any more, is still in the store", network)
	}
	checkStore(t, s)
	f.Salt = "again"
	apply(t, s, f)
	if mentioned(t, s, m)[network] || exists(t, s, network) {
		t.Errorf("after the file came again: mention %v, entity %v", mentioned(t, s, m)[network], exists(t, s, network))
	}
	checkStore(t, s)
}

// oasFile has one mandate naming the OAS and its General Assembly, and one
// naming the Assembly alone.
func oasFile(salt string) F {
	return F{Name: "oas.txt", Salt: salt, Mandates: []M{
		{Num: "1", Summit: quebec, Doc: "Plan of Action", Text: "Report to the OAS and to the General Assembly.",
			Mentions: []Ment{{oas, "OAS"}, {oasGA, "the General Assembly"}}},
		{Num: "2", Summit: quebec, Doc: "Plan of Action", Text: "Inform the General Assembly every year.",
			Mentions: []Ment{{oasGA, "the General Assembly"}}},
	}}
}

// A rejection holds through a merge, whether it was made of the survivor
// (merging does not bring the link back through the merged entity) or of
// the merged entity (ingesting again does not bring it back through the
// survivor).
func TestRejectionsHoldThroughMerge(t *testing.T) {
	s := openStore(t)
	f := oasFile("")
	apply(t, s, f)
	both, alone := f.IDs()[0], f.IDs()[1]
	if _, err := s.RejectMention(bg, both, oas, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RejectMention(bg, alone, oasGA, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeEntities(bg, oas, oasGA, "test"); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		if got := mentioned(t, s, both); got[oas] || got[oasGA] {
			t.Errorf("%s: mandate 1 mentions %v; its link to the OAS was rejected", when, got)
		}
		if got := mentioned(t, s, alone); got[oas] || got[oasGA] {
			t.Errorf("%s: mandate 2 mentions %v; its link to the Assembly was rejected", when, got)
		}
		checkStore(t, s)
	}
	check("after the merge")
	apply(t, s, oasFile("again"))
	check("after the file came again")
}

// A new catalog does not bring back an entity merged by hand, nor its
// vector; its relations go to the survivor.
func TestCatalogAfterMerge(t *testing.T) {
	s := openStore(t)
	apply(t, s, fileA())
	if _, err := s.MergeEntities(bg, charter, iacac, "test"); err != nil {
		t.Fatal(err)
	}
	if err := s.LoadCatalog(bg, testCatalog("v2")); err != nil {
		t.Fatal(err)
	}
	if exists(t, s, iacac) {
		t.Errorf("the new catalog brought back %s, merged into %s", iacac, charter)
	}
	es, err := s.Edges(bg, graph.EdgeQuery{Node: mesicic, Type: graph.Monitors})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].To != charter {
		t.Errorf("MESICIC monitors %v, want the survivor %s", es, charter)
	}
	checkStore(t, s)
}

// A file ingested after a merge writes no vector for the merged entity.
func TestApplyAfterMergeWritesNoVectorOfMerged(t *testing.T) {
	s := openStore(t)
	apply(t, s, fileA())
	other := &graph.Entity{ID: "institution/womens-mayors", EntityKind: graph.KindInstitution, Name: "Network of Women Mayors", Origin: graph.OriginDiscovered}
	f := fileA()
	f.Entities = append(f.Entities, other)
	f.Mandates[0].Mentions = append(f.Mandates[0].Mentions, Ment{other.ID, "OAS Secretariat"})
	apply(t, s, f)
	if _, err := s.MergeEntities(bg, network, other.ID, "test"); err != nil {
		t.Fatal(err)
	}
	f.Salt = "again"
	b := f.Batch()
	b.Vectors = append(b.Vectors, entityVector(other))
	if _, err := s.Apply(bg, b); err != nil {
		t.Fatal(err)
	}
	if exists(t, s, other.ID) {
		t.Errorf("%s came back after it was merged", other.ID)
	}
	checkStore(t, s)
}

package store_test

import (
	"slices"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

func TestLoadCatalog(t *testing.T) {
	s := openStore(t)
	v1 := dump(t, s)
	if v, _ := s.CatalogVersion(bg); v != "v1" {
		t.Fatalf("CatalogVersion = %q", v)
	}
	// Same version: nothing written, even when the content differs.
	c := testCatalog("v1")
	c.Entities[0].Name = "Renamed"
	if err := s.LoadCatalog(bg, c); err != nil {
		t.Fatal(err)
	}
	sameDump(t, "same catalog version", v1, dump(t, s))

	// A text teaches OAS an alias and an acronym; mandates use the
	// summits.
	a := fileA()
	a.Entities = append(a.Entities, &graph.Entity{ID: oas, EntityKind: graph.KindInstitution, Name: "OAS", Acronyms: []string{"O.E.A.", "OAS-X"}, Aliases: []string{"the Organization"}, Origin: graph.OriginCatalog})
	apply(t, s, a)
	apply(t, s, fileB())
	checkStore(t, s)

	// Version 2 renames a summit's city, moves a summit's date, changes an
	// entity's Spanish name and acronyms, adds an entity and a relation.
	c2 := testCatalog("v2")
	c2.Summits[2].City = "Quebec"
	c2.Summits[2].StartDate = strp("2001-04-21")
	c2.Summits[3].StartDate = strp("2004-01-12")
	c2.Entities[3].NameES = "Organización de Estados Americanos"
	c2.Entities[3].Acronyms = []string{"OAS"}
	c2.Entities = append(c2.Entities, &graph.Entity{ID: "institution/paho", EntityKind: graph.KindInstitution, Name: "Pan American Health Organization", Acronyms: []string{"PAHO"}, Origin: graph.OriginCatalog})
	c2.Relations = append(c2.Relations, graph.Edge{From: "institution/paho", Type: graph.PartOf, To: oas})
	if err := s.LoadCatalog(bg, c2); err != nil {
		t.Fatal(err)
	}
	sn := checkStore(t, s)
	if v, _ := s.CatalogVersion(bg); v != "v2" {
		t.Errorf("CatalogVersion = %q", v)
	}
	e := sn.entities[oas]
	if e.NameES != "Organización de Estados Americanos" {
		t.Errorf("NameES not updated: %+v", e)
	}
	for _, n := range []string{"O.E.A.", "OAS-X", "the Organization", "Organización de Estados Americanos"} {
		if r, _ := s.Resolve(bg, n, 1); len(r) != 1 || r[0].ID != oas {
			t.Errorf("Resolve(%q) = %v", n, ids(r))
		}
	}
	if !slices.Contains(e.Acronyms, "OAS-X") || !slices.Contains(e.Aliases, "the Organization") {
		t.Errorf("learned names lost: %+v", e)
	}
	if r, _ := s.Resolve(bg, "PAHO", 1); len(r) != 1 {
		t.Errorf("new entity not resolved: %v", r)
	}
	sums, err := s.Summits(bg)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(sums); !slices.Equal(got, []string{miami, santiago, quebec, monterrey, losAngeles}) {
		t.Errorf("Summits = %v", got)
	}
	if sums[2].City != "Quebec" {
		t.Errorf("summit not updated: %+v", sums[2])
	}
	// The mandates of the moved summits are still found by summit.
	for _, id := range []string{quebec, monterrey} {
		n, err := s.CountMandates(bg, graph.MandateFilter{Summit: id})
		want := 0
		for _, m := range sn.mandates {
			if m.Summit == id {
				want++
			}
		}
		if err != nil || n != want {
			t.Errorf("CountMandates(summit %s) = %d, %v; want %d", id, n, err, want)
		}
	}
	st, _ := s.Stats(bg)
	if st.Institutions != 6 || st.Summits != 5 {
		t.Errorf("Stats = %+v", st)
	}
	// Loading v2 again changes nothing.
	before := dump(t, s)
	if err := s.LoadCatalog(bg, testCatalog("v2")); err != nil {
		t.Fatal(err)
	}
	sameDump(t, "v2 again", before, dump(t, s))
}

// Mandates written before their summit is in the catalog list as
// unattributed; loading the summit moves them to its place.
func TestLoadCatalogAfterFiles(t *testing.T) {
	s, err := store.Open(store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	part := testCatalog("v0")
	part.Summits = part.Summits[:2] // Miami and Santiago only
	if err := s.LoadCatalog(bg, part); err != nil {
		t.Fatal(err)
	}
	apply(t, s, fileA())
	apply(t, s, fileB())
	if n, _ := s.CountMandates(bg, graph.MandateFilter{YearTo: 3000}); n != 1 {
		t.Fatalf("dated mandates before the catalog = %d, want 1 (Miami's)", n)
	}
	if err := s.LoadCatalog(bg, testCatalog("v1")); err != nil {
		t.Fatal(err)
	}
	checkStore(t, s)
	if n, err := s.CountMandates(bg, graph.MandateFilter{Summit: quebec}); n != 3 || err != nil {
		t.Errorf("CountMandates(quebec) = %d, %v; want 3", n, err)
	}
	// The same as loading the catalog first.
	want := openStore(t)
	apply(t, want, fileA())
	apply(t, want, fileB())
	sameDump(t, "catalog after files vs before", dump(t, want), dump(t, s))
}

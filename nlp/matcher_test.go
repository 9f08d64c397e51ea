package nlp

import (
	"testing"

	"summitgraph/seeds"
)

// TestNameEndingInParenthesis checks that a catalog name ending with ")"
// is matched whole, so that the surface is the name as printed.
func TestNameEndingInParenthesis(t *testing.T) {
	c, err := LoadCatalog(seeds.FS())
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("x.txt", []byte("  1. Apply the International Health Regulations (2005) and the Indigenous and Tribal Peoples Convention, 1989 (No. 169) now. (Plan of Action Santiago, 1998).\n"), c)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"convention/international-health-regulations": "International Health Regulations (2005)",
		"convention/ilo-convention-169":               "Indigenous and Tribal Peoples Convention, 1989 (No. 169)",
	}
	got := map[string]string{}
	for _, m := range c.Extract(p, nil).Paragraphs[0].Mentions {
		got[m.Entity.ID] = m.Surface
	}
	for id, s := range want {
		if got[id] != s {
			t.Errorf("%s: surface %q, want %q", id, got[id], s)
		}
	}
}

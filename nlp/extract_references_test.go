package nlp

import (
	"fmt"
	"reflect"
	"testing"
)

func TestReferences(t *testing.T) {
	c := testCatalog(t)
	known := []DocumentName{{Title: "Inter-American Action Plan on Democratic Governance", Summit: c.Summit("summit/2022-los-angeles")}}
	for _, tc := range []struct {
		lang, text string
		want       []string // target|surface
	}{
		{"en", "We support the Declaration of Santiago, 1998 on Democracy and Public Trust.", []string{"document/1998-santiago/declaration|Declaration of Santiago, 1998"}},
		{"en", "the commitments undertaken at the Eighth Summit of the Americas, in particular the Lima Commitment", []string{"summit/2018-lima|Eighth Summit of the Americas", "document/2018-lima/commitment|Lima Commitment"}},
		{"en", "the Plan of Action of Québec City and the Quebec City Plan of Action", []string{"document/2001-quebec-city/plan-of-action|Plan of Action of Québec City", "document/2001-quebec-city/plan-of-action|Quebec City Plan of Action"}},
		{"en", "implement the Inter-American Action Plan on Democratic Governance", []string{"document/2022-los-angeles/inter-american-action-plan-on-democratic-governance|Inter-American Action Plan on Democratic Governance"}},
		{"en", "as agreed at the 8th Summit and the Third Summit", []string{"summit/2018-lima|8th Summit", "summit/2001-quebec-city|Third Summit"}},
		{"en", "the Special Summit of the Americas in Monterrey and the Summit held in Port of Spain", []string{"summit/2004-monterrey|Special Summit of the Americas in Monterrey", "summit/2009-port-of-spain|Summit held in Port of Spain"}},
		{"es", "Apoyamos la Declaración de Santiago y los mandatos de la Octava Cumbre de las Américas.", []string{"document/1998-santiago/declaration|Declaración de Santiago", "summit/2018-lima|Octava Cumbre de las Américas"}},
		{"es", "los compromisos de la VIII Cumbre, el Plan de Acción de Quebec y el Compromiso de Lima", []string{"summit/2018-lima|VIII Cumbre", "document/2001-quebec-city/plan-of-action|Plan de Acción de Quebec", "document/2018-lima/commitment|Compromiso de Lima"}},
		// A year that is not the summit's, a place in lower case, a
		// generic summit: no reference.
		{"en", "the Declaration of Santiago, 2005", nil},
		{"en", "the lima commitment", nil},
		{"en", "a second summit on energy", nil},
		// Inside the name of a convention or institution: not a reference.
		{"en", "the 2006 Declaration of Santa Cruz + 10 and the Summits of the Americas Secretariat", nil},
	} {
		ex := c.Extract(textPage(tc.lang, tc.text), known)
		checkEvidence(t, tc.text, tc.text, ex.Paragraphs[0])
		if got := refsOf(ex.Paragraphs[0]); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestReferencesSkipOwnSummit(t *testing.T) {
	c := testCatalog(t)
	lima := "Lima Commitment. Peru, 2018"
	miami := "Plan of Action, Miami, 1994"
	p := &Page{File: "own.txt", Language: "en", Paragraphs: []*Paragraph{
		{Text: "Build on the Eighth Summit of the Americas and the Lima Commitment.", Citation: lima, Cite: c.ResolveCitation(lima), Parent: -1},
		{Text: "Recall the Lima Commitment and the Declaration of Santiago, 1998.", Citation: miami, Cite: c.ResolveCitation(miami), Parent: -1},
		// The page cites Miami's "Plan of Action" by that bare title: a
		// plan of action named without its place is not Miami's.
		{Text: "We have adopted a Plan of Action to strengthen democracy.", Parent: -1},
	}}
	if p.Paragraphs[0].Cite.Summit == nil || p.Paragraphs[1].Cite.Title != "Plan of Action" {
		t.Fatalf("citations resolve to %+v and %+v", p.Paragraphs[0].Cite, p.Paragraphs[1].Cite)
	}
	ex := c.Extract(p, nil)
	want := [][]string{
		nil,
		{"document/2018-lima/commitment|Lima Commitment", "document/1998-santiago/declaration|Declaration of Santiago, 1998"},
		nil,
	}
	for i, w := range want {
		if got := refsOf(ex.Paragraphs[i]); !reflect.DeepEqual(got, w) {
			t.Errorf("paragraph %d: got %q, want %q", i, got, w)
		}
	}
}

// TestSeedReferences checks every reference extraction finds on the seed:
// the Nuevo León 2004 mandate supporting the Declaration of Santiago
// references the 1998 document, the 2022 mandate on the Eighth Summit's
// commitments references Lima 2018.
func TestSeedReferences(t *testing.T) {
	c := testCatalog(t)
	p := seedPage(t, c, "democracy-good-governance.txt")
	ex := c.Extract(p, nil)
	var got []string
	for i, para := range ex.Paragraphs {
		for _, r := range para.References {
			got = append(got, fmt.Sprintf("%d|%s|%s", p.Paragraphs[i].Line, r.Target(), r.Surface))
		}
	}
	want := []string{
		"47|summit/2018-lima|Eighth Summit of the Americas",
		"47|document/2018-lima/commitment|Lima Commitment",
		"131|document/1998-santiago/declaration|Declaration of Santiago, 1998",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("seed references:\n got %q\nwant %q", got, want)
	}
}

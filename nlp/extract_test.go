package nlp

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"summitgraph/graph"
)

// textPage makes a page of one paragraph per text, without citations.
func textPage(lang string, texts ...string) *Page {
	p := &Page{File: "test.txt", Language: lang}
	for i, t := range texts {
		p.Paragraphs = append(p.Paragraphs, &Paragraph{Text: t, Line: i + 1, Parent: -1})
	}
	return p
}

// mention is what the tests compare of a Found: "id|surface|method".
func mentionsOf(ex Extraction, withThemes bool) []string {
	var out []string
	for _, m := range ex.Mentions {
		if m.Entity.EntityKind == graph.KindTheme && !withThemes {
			continue
		}
		out = append(out, m.Entity.ID+"|"+m.Surface+"|"+m.Method)
	}
	return out
}

func themesOf(ex Extraction) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ex.Mentions {
		if m.Entity.EntityKind == graph.KindTheme && !seen[m.Entity.ID] {
			seen[m.Entity.ID] = true
			out = append(out, m.Entity.ID)
		}
	}
	sort.Strings(out)
	return out
}

func refsOf(ex Extraction) []string {
	var out []string
	for _, r := range ex.References {
		out = append(out, r.Target()+"|"+r.Surface)
	}
	return out
}

// checkEvidence checks that every mention and reference of a paragraph
// quotes the text between its code-point offsets, that mentions come in
// text order, and that conventions and institutions do not overlap.
func checkEvidence(t *testing.T, where, text string, ex Extraction) {
	t.Helper()
	runes := []rune(text)
	check := func(what string, ev graph.Evidence) {
		t.Helper()
		if ev.Start < 0 || ev.End > len(runes) || ev.Start >= ev.End {
			t.Errorf("%s: %s %q has offsets [%d,%d) outside a text of %d code points", where, what, ev.Surface, ev.Start, ev.End, len(runes))
			return
		}
		if got := string(runes[ev.Start:ev.End]); got != ev.Surface {
			t.Errorf("%s: %s surface %q but the text at [%d,%d) is %q", where, what, ev.Surface, ev.Start, ev.End, got)
		}
		if ev.Method == "" || ev.Confidence <= 0 || ev.Confidence > 1 {
			t.Errorf("%s: %s %q has method %q and confidence %v", where, what, ev.Surface, ev.Method, ev.Confidence)
		}
	}
	// Entity mentions do not overlap, but for the nested ones, each inside
	// a longer mention of another entity.
	last, start, end := -1, -1, -1
	var outer []Found
	for _, m := range ex.Mentions {
		check("mention of "+m.Entity.ID, m.Evidence)
		if m.Start < last {
			t.Errorf("%s: mention %q at %d comes after one at %d", where, m.Surface, m.Start, last)
		}
		last = m.Start
		if m.Entity.EntityKind == graph.KindTheme {
			continue
		}
		if m.Method == graph.MethodNested {
			inside := false
			for _, o := range outer {
				inside = inside || o.Entity != m.Entity && o.Start <= m.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start
			}
			if !inside || m.Start < start {
				t.Errorf("%s: nested mention %q at [%d,%d) is inside no longer mention of another entity", where, m.Surface, m.Start, m.End)
			}
			outer = append(outer, m)
			continue
		}
		if m.Start < end {
			t.Errorf("%s: mention %q at [%d,%d) overlaps the previous entity mention ending at %d", where, m.Surface, m.Start, m.End, end)
		}
		start, end = m.Start, m.End
		outer = append(outer, m)
	}
	for _, r := range ex.References {
		check("reference to "+r.Target(), r.Evidence)
	}
}

func extractTexts(t *testing.T, lang string, texts ...string) *PageExtraction {
	t.Helper()
	c := testCatalog(t)
	p := textPage(lang, texts...)
	ex := c.Extract(p, nil)
	for i, para := range ex.Paragraphs {
		checkEvidence(t, fmt.Sprintf("%q", texts[i]), texts[i], para)
	}
	return ex
}

func TestCatalogMatching(t *testing.T) {
	const (
		iacac  = "convention/inter-american-convention-against-corruption"
		uncac  = "convention/united-nations-convention-against-corruption"
		oas    = "institution/oas"
		un     = "institution/united-nations"
		charte = "convention/inter-american-democratic-charter"
	)
	for _, tc := range []struct {
		lang, text string
		want       []string // id|surface|method, themes left out
	}{
		// Case, hyphens, spacing and a leading year are ignored.
		{"en", "Ratify the InterAmerican Convention Against Corruption.", []string{iacac + "|InterAmerican Convention Against Corruption|catalog"}},
		{"en", "Ratify the 1996 Inter-American Convention against Corruption.", []string{iacac + "|1996 Inter-American Convention against Corruption|catalog"}},
		{"en", "Ratify the Inter American  convention against\ncorruption.", []string{iacac + "|Inter American  convention against\ncorruption|catalog"}},
		// Accents, with or without, precomposed or combining.
		{"es", "Ratificar la Convención Interamericana contra la Corrupción.", []string{iacac + "|Convención Interamericana contra la Corrupción|catalog"}},
		{"es", "Ratificar la Convencion Interamericana contra la Corrupcion.", []string{iacac + "|Convencion Interamericana contra la Corrupcion|catalog"}},
		{"es", "Ratificar la Convencio\u0301n Interamericana contra la Corrupcio\u0301n.", []string{iacac + "|Convencio\u0301n Interamericana contra la Corrupcio\u0301n|catalog"}},
		// "UN" for "United Nations" inside names, both ways, in both
		// languages, also where the catalog lists no such alias.
		// The United Nations they name is a nested mention.
		{"en", "the UN Convention against Corruption", []string{uncac + "|UN Convention against Corruption|catalog", un + "|UN|nested"}},
		{"en", "the United Nations Convention against Corruption", []string{uncac + "|United Nations Convention against Corruption|catalog", un + "|United Nations|nested"}},
		{"en", "the U.N. Convention against Corruption", []string{uncac + "|U.N. Convention against Corruption|catalog", un + "|U.N|nested"}},
		{"en", "the UN Human Settlements Programme", []string{"institution/un-habitat|UN Human Settlements Programme|catalog", un + "|UN|nested"}},
		{"es", "el Programa de la ONU para el Desarrollo", []string{"institution/undp|Programa de la ONU para el Desarrollo|catalog", un + "|ONU|nested"}},
		// No-break spaces and either apostrophe.
		{"en", "uphold the Inter-American\u00a0Democratic Charter", []string{charte + "|Inter-American\u00a0Democratic Charter|catalog"}},
		{"en", "the Inter-American Children's Institute", []string{"institution/iin|Inter-American Children's Institute|catalog"}},
		{"en", "the Inter-American Children’s Institute", []string{"institution/iin|Inter-American Children’s Institute|catalog"}},
		// Acronyms and short aliases match in capitals only.
		{"es", "Firmar un acuerdo con la ONU y la OEA.", []string{un + "|ONU|catalog", oas + "|OEA|catalog"}},
		{"es", "Un acuerdo entre los países; un plan.", nil},
		{"en", "the OAS and the O.A.S. but not oas or Oas", []string{oas + "|OAS|catalog", oas + "|O.A.S|catalog"}},
		{"en", "the UN and the un", []string{un + "|UN|catalog"}},
		// Names are proper nouns: lower-case words are not the name.
		{"en", "national sustainable development goals", nil},
		// The longest name wins; other entities' names inside it are nested
		// mentions, and its own (OAS in the name of the OAS) none.
		{"en", "the ParlAmericas Open Parliament Network", []string{"institution/parlamericas-open-parliament-network|ParlAmericas Open Parliament Network|catalog", "institution/parlamericas|ParlAmericas|nested"}},
		{"en", "the Organization of American States (OAS)", []string{oas + "|Organization of American States|catalog", oas + "|OAS|catalog"}},
		// Spanish acronyms whose letters do not follow the English name
		// come from the catalog.
		{"es", "la Red Interamericana de Alto Nivel sobre Descentralización, Gobierno Local y Participación Ciudadana (RIAD)", []string{
			"institution/riad|Red Interamericana de Alto Nivel sobre Descentralización, Gobierno Local y Participación Ciudadana|catalog",
			"institution/riad|RIAD|catalog",
		}},
		{"en", "the Follow-up Mechanism for the Implementation of the Inter-American Convention against Corruption (MESICIC)", []string{
			"institution/mesicic|Follow-up Mechanism for the Implementation of the Inter-American Convention against Corruption|catalog",
			iacac + "|Inter-American Convention against Corruption|nested",
			"institution/mesicic|MESICIC|catalog",
		}},
	} {
		ex := extractTexts(t, tc.lang, tc.text)
		if got := mentionsOf(ex.Paragraphs[0], false); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// TestOffsetsInCodePoints puts names after characters of every width: the
// offsets count code points, not bytes or UTF-16 units.
func TestOffsetsInCodePoints(t *testing.T) {
	text := "😀 «Québec’s» \u00a0“OAS” — the Inter-American\u00a0Democratic Charter, la Convencio\u0301n Interamericana contra la Corrupcio\u0301n."
	ex := extractTexts(t, "en", text)
	type at struct {
		surface    string
		start, end int
	}
	var got []at
	for _, m := range ex.Paragraphs[0].Mentions {
		if m.Entity.EntityKind != graph.KindTheme {
			got = append(got, at{m.Surface, m.Start, m.End})
		}
	}
	want := []at{
		{"OAS", 15, 18},
		{"Inter-American\u00a0Democratic Charter", 26, 59},
		{"Convencio\u0301n Interamericana contra la Corrupcio\u0301n", 64, 112},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestAcronymDefinitions(t *testing.T) {
	const charter = "convention/inter-american-democratic-charter"
	t.Run("catalog name defines a new acronym", func(t *testing.T) {
		ex := extractTexts(t, "en",
			"The IADC is used before it is defined.",
			"Apply the Inter-American Democratic Charter (IADC) fully; the IADC binds us.",
			"Report on the IADC.",
			"Lower case iadc is not the acronym.")
		want := [][]string{
			nil,
			{charter + "|Inter-American Democratic Charter|catalog", charter + "|IADC|acronym", charter + "|IADC|acronym"},
			{charter + "|IADC|acronym"},
			nil,
		}
		for i, w := range want {
			if got := mentionsOf(ex.Paragraphs[i], false); !reflect.DeepEqual(got, w) {
				t.Errorf("paragraph %d: got %q, want %q", i, got, w)
			}
		}
		for _, m := range ex.Paragraphs[2].Mentions {
			if m.Confidence != confDefined {
				t.Errorf("bare acronym %q: confidence %v, want %v", m.Surface, m.Confidence, confDefined)
			}
		}
		if len(ex.Learned) != 1 || ex.Learned[0].ID != charter || !reflect.DeepEqual(ex.Learned[0].Acronyms, []string{"IADC"}) {
			t.Errorf("learned %+v, want %s with acronym IADC", ex.Learned, charter)
		}
	})
	t.Run("letters that do not follow the name define nothing", func(t *testing.T) {
		ex := extractTexts(t, "en", "Apply the Inter-American Democratic Charter (XYZ).", "Report to XYZ.")
		if got := mentionsOf(ex.Paragraphs[1], false); got != nil {
			t.Errorf("XYZ: got %q, want nothing", got)
		}
		if len(ex.Learned) != 0 {
			t.Errorf("learned %+v, want nothing", ex.Learned)
		}
	})
	t.Run("catalog acronyms teach nothing new", func(t *testing.T) {
		ex := extractTexts(t, "en", "the Unit for the Promotion of Democracy (UPD) and the UPD")
		want := []string{"institution/upd|Unit for the Promotion of Democracy|catalog", "institution/upd|UPD|catalog", "institution/upd|UPD|catalog"}
		if got := mentionsOf(ex.Paragraphs[0], false); !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
		if len(ex.Learned) != 0 {
			t.Errorf("learned %+v, want nothing", ex.Learned)
		}
	})
	t.Run("discovered name defines its acronym", func(t *testing.T) {
		ex := extractTexts(t, "en",
			"Strengthen the Hemispheric Network of Legal Cooperation (HNLC) and report to HNLC annually.",
			"Support HNLC.")
		const id = "institution/hemispheric-network-of-legal-cooperation"
		var got [][2]string
		for _, para := range ex.Paragraphs {
			for _, m := range para.Mentions {
				if m.Entity.EntityKind == graph.KindTheme {
					continue
				}
				if m.Entity.ID != id {
					t.Errorf("mention %q of %s, want %s", m.Surface, m.Entity.ID, id)
				}
				got = append(got, [2]string{m.Surface, m.Method})
			}
		}
		first := got[0][1]
		if first != graph.MethodPattern && first != graph.MethodNER {
			t.Errorf("discovered name found by %q, want pattern or ner", first)
		}
		want := [][2]string{{"Hemispheric Network of Legal Cooperation", first}, {"HNLC", "acronym"}, {"HNLC", "acronym"}, {"HNLC", "acronym"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
		if len(ex.Learned) != 1 || ex.Learned[0].ID != id || ex.Learned[0].Origin != graph.OriginDiscovered || !reflect.DeepEqual(ex.Learned[0].Acronyms, []string{"HNLC"}) {
			t.Errorf("learned %+v, want the discovered %s with acronym HNLC", ex.Learned, id)
		}
	})
}

func TestSchwartzHearst(t *testing.T) {
	for _, tc := range []struct {
		short, long string
		want        bool
	}{
		{"UPD", "Unit for the Promotion of Democracy", true},
		{"OAS", "Organization of American States", true},
		{"INGP", "Inter-American Network on Government Procurement", true},
		{"IADC", "Inter-American Democratic Charter", true},
		// Letters in order, the first one starting a word: a long form
		// that happens to hold them passes; the catalog decides then.
		{"MESICIC", "Follow-up Mechanism for the Implementation of the Inter-American Convention against Corruption", true},
		{"RIAD", "Inter-American Network on Decentralization, Local Government and Citizen Participation", false},
		{"XYZ", "Inter-American Democratic Charter", false},
		// The first letter must start a word.
		{"NU", "Unit", false},
	} {
		if got := schwartzHearst(tc.short, tc.long); got != tc.want {
			t.Errorf("schwartzHearst(%q, %q) = %v, want %v", tc.short, tc.long, got, tc.want)
		}
	}
}

func TestDiscovery(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       string // surface|kind, "" for nothing discovered
	}{
		{"en", "Support the work of the Hemispheric Network of Legal Cooperation on Family Law.", "Hemispheric Network of Legal Cooperation on Family Law|INSTITUTION"},
		{"en", "Promote ratification of the Inter-American Convention on Cultural Heritage Protection.", "Inter-American Convention on Cultural Heritage Protection|CONVENTION"},
		{"en", "Strengthen the Caribbean Regional Protocol on Fisheries.", "Caribbean Regional Protocol on Fisheries|CONVENTION"},
		{"en", "Support the Trade Negotiations Committee.", "Trade Negotiations Committee|INSTITUTION"},
		// Typed by the head of the name, not by the first head word in it.
		{"en", "Support the Cartagena Convention Monitoring Committee.", "Cartagena Convention Monitoring Committee|INSTITUTION"},
		// Two words are a name when the other one is a proper noun: an
		// acronym, a capital inside, a place.
		{"en", "Consult the Bank of Canada.", "Bank of Canada|INSTITUTION"},
		{"en", "Involve the Inter-American Program.", "Inter-American Program|CONVENTION"},
		// A catalog institution before the name is part of it.
		{"en", "as set out in the 1982 United Nations Convention on the Law of the Sea.", "United Nations Convention on the Law of the Sea|CONVENTION"},
		{"es", "Apoyar la Red Interamericana de Cooperación Jurídica en Materia Penal.", "Red Interamericana de Cooperación Jurídica en Materia Penal|INSTITUTION"},
		{"es", "Fortalecer el Programa Interamericano de Facilitadores Judiciales.", "Programa Interamericano de Facilitadores Judiciales|CONVENTION"},
		// Generic descriptions are not names.
		{"en", "Develop, strengthen and/or consolidate the role of the Office of Ombudsperson (Public Defender) and other authorities.", ""},
		{"en", "Urge the Committee of Experts to report.", ""},
		{"en", "Strengthen Regional Commission mandates.", ""},
		{"en", "Consult the World Bank Office.", ""},
		{"es", "Fortalecer la Oficina del Defensor.", ""},
		// Nothing that is not a convention or an institution.
		{"en", "We met at the IX Summit of the Americas in Los Angeles.", ""},
		{"en", "Strengthen democracy in the Hemisphere.", ""},
		{"en", "Implement the Regional Agenda for Digital Transformation.", ""},
		{"en", "Implement the Inter-American Action Plan on Democratic Governance and the Lima Commitment on Democratic Governance Against Corruption.", ""},
		// The verb opening a sentence or clause is not part of the name.
		{"en", "Strengthen Democracy Program Office.", "Democracy Program Office|INSTITUTION"},
		{"en", "(a) Develop Hemispheric Network of Legal Cooperation.", "Hemispheric Network of Legal Cooperation|INSTITUTION"},
		{"en", "“Strengthen Regional Commission of Foo Bar.”", "Regional Commission of Foo Bar|INSTITUTION"},
	} {
		ex := extractTexts(t, tc.lang, tc.text)
		var got []string
		for _, m := range ex.Paragraphs[0].Mentions {
			if m.Entity.Origin != graph.OriginDiscovered {
				continue
			}
			got = append(got, m.Surface+"|"+string(m.Entity.EntityKind))
			if m.Method != graph.MethodPattern && m.Method != graph.MethodNER {
				t.Errorf("%q: discovered by %q, want pattern or ner", m.Surface, m.Method)
			}
			if m.Confidence >= confDefined {
				t.Errorf("%q: confidence %v, want less than any catalog match", m.Surface, m.Confidence)
			}
			if want := strings.ToLower(string(m.Entity.EntityKind)) + "/" + Slug(m.Surface); m.Entity.ID != want && !strings.HasPrefix(m.Surface, "UN ") {
				t.Errorf("%q: id %s, want %s", m.Surface, m.Entity.ID, want)
			}
		}
		var want []string
		if tc.want != "" {
			want = []string{tc.want}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: discovered %q, want %q", tc.text, got, want)
		}
	}
}

// spurious are surfaces that must never be a convention or an institution.
var spurious = map[string]bool{"IX Summit": true, "Strengthen": true, "Hemisphere": true, "Agenda": true}

// TestNothingSpurious runs extraction on the seed and the fixtures: no
// entity mention is a summit, a verb, the Hemisphere or an agenda, and no
// discovered name holds a word of a summit or summit document.
func TestNothingSpurious(t *testing.T) {
	c := testCatalog(t)
	for _, p := range allPages(t, c) {
		ex := c.Extract(p, nil)
		for i, para := range ex.Paragraphs {
			for _, m := range para.Mentions {
				if m.Entity.EntityKind == graph.KindTheme {
					continue
				}
				if spurious[m.Surface] {
					t.Errorf("%s:%d: %q became %s", p.File, p.Paragraphs[i].Line, m.Surface, m.Entity.ID)
				}
				if m.Entity.Origin == graph.OriginDiscovered {
					if first, _, _ := strings.Cut(m.Surface, " "); spurious[first] {
						t.Errorf("%s:%d: discovered %q starts with %q", p.File, p.Paragraphs[i].Line, m.Surface, first)
					}
					for _, w := range strings.Fields(normWords(m.Surface)) {
						if notNames[w] {
							t.Errorf("%s:%d: discovered %q holds %q", p.File, p.Paragraphs[i].Line, m.Surface, w)
						}
					}
				}
			}
		}
	}
}

func TestThemes(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "Fight corruption and bribery in public procurement.", []string{"theme/corruption", "theme/public-procurement"}},
		// Stems: plurals and derived forms.
		{"en", "Strengthen anti-corruption policies and transparent governments.", []string{"theme/corruption", "theme/transparency"}},
		{"en", "Protect women’s rights and the rights of indigenous communities.", []string{"theme/indigenous-peoples", "theme/women-and-gender"}},
		{"es", "Fortalecer la transparencia y combatir la corrupción en las compras públicas.", []string{"theme/corruption", "theme/public-procurement", "theme/transparency"}},
		{"es", "Promover la participación ciudadana de los jóvenes.", []string{"theme/citizen-participation", "theme/youth"}},
		{"es", "Promover los procesos participativos y la creación de empleos.", []string{"theme/citizen-participation", "theme/employment"}},
		// A single generic word does not tag a mandate.
		{"es", "Los Estados emplearán todos los medios para participar en la reunión y emprender acciones.", nil},
		{"en", "We, the democratically elected Heads of State, met with health professionals.", []string{"theme/health"}},
		{"en", "Support free and fair elections.", []string{"theme/elections"}},
		// The language of the page decides the vocabulary.
		{"en", "la corrupción", nil},
		{"es", "Inter-American Democratic Charter", nil},
	} {
		ex := extractTexts(t, tc.lang, tc.text)
		if got := themesOf(ex.Paragraphs[0]); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s %q: themes %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}

// allPages parses the seed and every fixture page.
func allPages(tb testing.TB, c *Catalog) []*Page {
	tb.Helper()
	pages := []*Page{seedPage(tb, c, "democracy-good-governance.txt")}
	files, _ := filepath.Glob("testdata/pages/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		p, err := Parse(filepath.Base(f), data, c)
		if err != nil {
			continue // fixtures of bad input
		}
		pages = append(pages, p)
	}
	return pages
}

// TestEvidenceOffsets is a property of every mention and reference on the
// seed and the fixtures: its surface is the text between its offsets.
func TestEvidenceOffsets(t *testing.T) {
	c := testCatalog(t)
	n := 0
	for _, p := range allPages(t, c) {
		ex := c.Extract(p, nil)
		for i, para := range ex.Paragraphs {
			checkEvidence(t, fmt.Sprintf("%s:%d", p.File, p.Paragraphs[i].Line), p.Paragraphs[i].Text, para)
			n += len(para.Mentions) + len(para.References)
		}
	}
	if n < 100 {
		t.Errorf("only %d mentions and references checked", n)
	}
}

// TestExtractConcurrent runs Extract on several pages at once (go test
// -race finds shared state) and compares with a sequential run.
func TestExtractConcurrent(t *testing.T) {
	c := testCatalog(t)
	pages := allPages(t, c)
	pages = append(pages, textPage("en", "Strengthen the Hemispheric Network of Legal Cooperation (HNLC) and the Caribbean Regional Protocol on Fisheries.", "Report to HNLC."))
	want := make([]*PageExtraction, len(pages))
	for i, p := range pages {
		want[i] = c.Extract(p, nil)
	}
	const rounds = 3
	got := make([][]*PageExtraction, rounds)
	var wg sync.WaitGroup
	for r := range rounds {
		got[r] = make([]*PageExtraction, len(pages))
		for i, p := range pages {
			wg.Go(func() { got[r][i] = c.Extract(p, nil) })
		}
	}
	wg.Wait()
	if model() != model() {
		t.Error("prose's model is loaded more than once")
	}
	for r := range rounds {
		for i := range pages {
			if !reflect.DeepEqual(got[r][i], want[i]) {
				t.Errorf("round %d, %s: concurrent extraction differs from sequential", r, pages[i].File)
			}
		}
	}
}

// TestNestedNames: a catalog name inside a longer catalog name is a mention
// of its own (method "nested", a little less confident), unless the long
// name only qualifies it (another body of the same kind). On the seed, the
// nested names are exactly those a reader finds.
func TestNestedNames(t *testing.T) {
	const (
		fatf  = "institution/fatf"
		iacac = "convention/inter-american-convention-against-corruption"
	)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "the Caribbean Financial Action Task Force", []string{"institution/cfatf|Caribbean Financial Action Task Force|catalog"}},
		{"en", "the Recommendations of the Financial Action Task Force", []string{"convention/fatf-recommendations|Recommendations of the Financial Action Task Force|catalog", fatf + "|Financial Action Task Force|nested"}},
		{"es", "el Mecanismo de Seguimiento de la Implementación de la Convención Interamericana contra la Corrupción", []string{"institution/mesicic|Mecanismo de Seguimiento de la Implementación de la Convención Interamericana contra la Corrupción|catalog", iacac + "|Convención Interamericana contra la Corrupción|nested"}},
	} {
		ex := extractTexts(t, tc.lang, tc.text)
		if got := mentionsOf(ex.Paragraphs[0], false); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}

	c := testCatalog(t)
	p := seedPage(t, c, "democracy-good-governance.txt")
	var got []string
	for i, para := range c.Extract(p, nil).Paragraphs {
		for _, m := range para.Mentions {
			if m.Method != graph.MethodNested {
				continue
			}
			if m.Confidence >= 0.95 || m.Confidence < 0.8 {
				t.Errorf("line %d: nested %q has confidence %v", p.Paragraphs[i].Line, m.Surface, m.Confidence)
			}
			got = append(got, fmt.Sprintf("%d %s %s", p.Paragraphs[i].Line, m.Entity.ID, m.Surface))
		}
	}
	want := []string{
		"47 institution/united-nations UN",                              // UN Convention against Corruption
		"47 institution/united-nations UN",                              // UN Convention against Transnational Organized Crime
		"49 institution/oecd OECD",                                      // OECD Recommendations on Public Procurement
		"63 " + iacac + " Inter-American Convention against Corruption", // in the MESICIC's name
		"121 institution/parlamericas ParlAmericas",                     // ParlAmericas Open Parliament Network
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nested names on the seed:\n got %q\nwant %q", got, want)
	}
}

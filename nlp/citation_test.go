package nlp_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"summitgraph/nlp"
)

// TestResolveCitation resolves the forms of citation the mandate pages
// print, and refuses those whose clues name no summit or disagree.
func TestResolveCitation(t *testing.T) {
	for _, tc := range []struct {
		name    string
		text    string
		summit  string // none when unresolved
		title   string
		year    int
		problem string // part of the problem, when unresolved
	}{
		// The forms of issue #2.
		{"agenda, ordinal, city, year", "Regional Agenda for Digital Transformation, IX Summit of the Americas, Los Angeles, 2022", losAng, "Regional Agenda for Digital Transformation", 2022, ""},
		{"commitment. country, year", "Lima Commitment. Peru, 2018", lima, "Lima Commitment", 2018, ""},
		{"plan of action + city", "Plan of Action Québec, 2001", quebec, "Plan of Action Québec", 2001, ""},
		{"declaration of a state", "Declaration of Nuevo León, 2004", monterrey, "Declaration of Nuevo León", 2004, ""},
		{"declaration of a state without accent", "Declaration of Nuevo Leon, 2004", monterrey, "Declaration of Nuevo Leon", 2004, ""},
		{"Initiatives VII Summit", "Citizen Participation, Initiatives VII Summit of the Americas, Panama City, 2015", panama, "Citizen Participation", 2015, ""},
		{"Spanish IX Cumbre, Los Ángeles", "Nuestro Futuro Sostenible y Verde, IX Cumbre de las Américas, Los Ángeles, 2022", losAng, "Nuestro Futuro Sostenible y Verde", 2022, ""},
		{"Santa Cruz de la Sierra", "Plan of Action Santa Cruz de la Sierra, 1996", santaCruz, "Plan of Action Santa Cruz de la Sierra", 1996, ""},
		{"Miami", "Plan of Action Miami, 1994", miami, "Plan of Action Miami", 1994, ""},
		{"Port of Spain", "Declaration of Port of Spain, 2009", portSpain, "Declaration of Port of Spain", 2009, ""},
		{"Mar del Plata", "Declaration of Mar del Plata, 2005", marDelPl, "Declaration of Mar del Plata", 2005, ""},
		{"Santiago", "Plan of Action Santiago, 1998", santiago, "Plan of Action Santiago", 1998, ""},
		{"trailing period", "Plan of Action Québec, 2001.", quebec, "Plan of Action Québec", 2001, ""},
		{"line break inside", "Plan of Action\nQuébec, 2001", quebec, "Plan of Action\nQuébec", 2001, ""},
		{"an earlier year in the title", "Follow-up to the 1994 Plan of Action, Santiago, 1998", santiago, "Follow-up to the 1994 Plan of Action", 1998, ""},
		// Spanish, ordinals, roman numerals, special summits.
		{"Octava Cumbre", "Compromiso de Lima, Octava Cumbre de las Américas, 2018", lima, "Compromiso de Lima", 2018, ""},
		{"Tercera Cumbre, Quebec", "Tercera Cumbre de las Américas, Quebec, 2001", quebec, "", 2001, ""},
		{"Declaración de Santiago", "Declaración de Santiago, 1998", santiago, "Declaración de Santiago", 1998, ""},
		{"Plan de Acción de Mar del Plata", "Plan de Acción de Mar del Plata, 2005", marDelPl, "Plan de Acción de Mar del Plata", 2005, ""},
		{"ordinal word, no year", "Eighth Summit of the Americas", lima, "", 0, ""},
		{"numeric ordinal", "5th Summit of the Americas", portSpain, "", 0, ""},
		{"roman VII", "VII Summit of the Americas", panama, "", 0, ""},
		{"roman III in Spanish", "III Cumbre de las Américas", quebec, "", 0, ""},
		{"roman VIII and a country", "VIII Summit, Peru", lima, "", 0, ""},
		{"Special Summit and year", "Special Summit of the Americas, Monterrey, 2004", monterrey, "", 2004, ""},
		{"Cumbre Extraordinaria", "Cumbre Extraordinaria de las Américas, Monterrey, México, 2004", monterrey, "", 2004, ""},
		{"country only", "Peru, 2018", lima, "", 2018, ""},
		{"country with accent", "Perú, 2018", lima, "", 2018, ""},
		{"place alias", "Santiago de Chile, 1998", santiago, "", 1998, ""},
		{"place in the title, no year", "Plan of Action of Québec City", quebec, "Plan of Action of Québec City", 0, ""},
		{"title without year naming a place", "Lima Commitment", lima, "Lima Commitment", 0, ""},
		// French and Portuguese.
		{"Plan d'action de Québec", "Plan d'action de Québec, 2001", quebec, "Plan d'action de Québec", 2001, ""},
		{"Déclaration de Mar del Plata", "Déclaration de Mar del Plata, 2005", marDelPl, "Déclaration de Mar del Plata", 2005, ""},
		{"Declaração de Nuevo León", "Declaração de Nuevo León", monterrey, "Declaração de Nuevo León", 0, ""},
		{"Plano de Ação de Santiago", "Plano de Ação de Santiago, 1998", santiago, "Plano de Ação de Santiago", 1998, ""},
		{"Troisième Sommet", "Troisième Sommet des Amériques, Québec, 2001", quebec, "", 2001, ""},
		{"VIIe Sommet, Panama", "VIIe Sommet des Amériques, Panama, 2015", panama, "", 2015, ""},
		{"7e Sommet", "7e Sommet des Amériques", panama, "", 0, ""},
		{"Terceira Cúpula", "Terceira Cúpula das Américas, Cidade de Quebec, 2001", quebec, "", 2001, ""},
		{"IX Cúpula, Los Angeles", "Compromisso regional, IX Cúpula das Américas, Los Angeles, 2022", losAng, "Compromisso regional", 2022, ""},
		{"oitava Cúpula", "Compromisso de Lima, Oitava Cúpula das Américas, Peru, 2018", lima, "Compromisso de Lima", 2018, ""},
		{"Engagement de Lima", "Engagement de Lima, Pérou, 2018", lima, "Engagement de Lima", 2018, ""},
		{"Port-d'Espagne", "Déclaration d’engagement de Port-d’Espagne, 2009", portSpain, "Déclaration d’engagement de Port-d’Espagne", 2009, ""},
		{"Porto de Espanha", "Declaração de Compromisso de Porto de Espanha, Trinidad e Tobago, 2009", portSpain, "Declaração de Compromisso de Porto de Espanha", 2009, ""},
		{"Carthagène des Indes", "Sixième Sommet des Amériques, Carthagène des Indes, Colombie, 2012", "summit/2012-cartagena", "", 2012, ""},
		{"Sommet extraordinaire", "Sommet extraordinaire des Amériques, Monterrey, Mexique, 2004", monterrey, "", 2004, ""},
		{"Cúpula Extraordinária", "Cúpula Extraordinária das Américas, 2004", monterrey, "", 2004, ""},
		{"Primeira Cúpula, Miami", "Plano de Ação, Primeira Cúpula das Américas, Miami, 1994", miami, "Plano de Ação", 1994, ""},
		{"masculine ordinal", "Plan de Acción, Primer Cumbre de las Américas, 1994", miami, "Plan de Acción", 1994, ""},
		{"Mandatos para la Acción", "Mandatos para la Acción, VII Cumbre de las Américas, 2015", panama, "Mandatos para la Acción", 2015, ""},
		{"damaged accents", "Plan de Acci\uFFFDn de Qu\uFFFDbec, 2001", quebec, "Plan de Acci\uFFFDn de Qu\uFFFDbec", 2001, ""},
		{"damaged country", "Per\uFFFD, 2018", lima, "", 2018, ""},
		{"French year alone under a document title", "Déclaration, 2001", quebec, "Déclaration", 2001, ""},
		// Unresolved: never guessed.
		{"French: ordinal and place disagree", "Troisième Sommet des Amériques, Lima", none, "", 0, "name no single summit"},
		{"Portuguese: place and year disagree", "Declaração de Mar del Plata, 2009", none, "Declaração de Mar del Plata", 2009, "name no single summit"},
		{"French: year under a convention", "Convention de Belém do Pará, 1994", none, "Convention de Belém do Pará", 1994, "not a summit document"},
		{"Portuguese: a summit, not which", "Cúpula das Américas", none, "", 0, "could name several"},
		{"conflicting: IX Summit in Lima 2015", "IX Summit of the Americas, Lima, 2015", none, "", 2015, "name no single summit"},
		{"conflicting: place and year", "Declaration of Québec City, 1998", none, "Declaration of Québec City", 1998, "name no single summit"},
		{"conflicting: country and year", "Chile, 2018", none, "", 2018, "name no single summit"},
		{"conflicting: Mar del Plata 2009", "Mar del Plata, 2009", none, "", 2009, "name no single summit"},
		{"conflicting: ordinal and place", "Third Summit of the Americas, Lima", none, "", 0, "name no single summit"},
		{"unknown year 2006", "Declaration of Santa Cruz + 10, 2006", none, "Declaration of Santa Cruz + 10", 2006, "name no single summit"},
		{"no summit that year", "Inter-American Democratic Charter, 2006", none, "Inter-American Democratic Charter", 2006, "no summit of the catalog met in 2006"},
		{"a year under a convention's place", "Belém do Pará, 1994", none, "Belém do Pará", 1994, "not a summit document"},
		{"a year under an organization", "OAS, 2001", none, "OAS", 2001, "not a summit document"},
		{"a year under a charter", "Inter-American Democratic Charter, 2001", none, "Inter-American Democratic Charter", 2001, "not a summit document"},
		{"a year under a Spanish document title", "Declaración, 2001", quebec, "Declaración", 2001, ""},
		{"a year under a plan", "Hemispheric Plan, 2022", losAng, "Hemispheric Plan", 2022, ""},
		{"Special Summit alone is ambiguous", "Special Summit", none, "", 0, "could name several summits (Santa Cruz de la Sierra 1996, Monterrey 2004)"},
		{"unknown ordinal", "XI Summit of the Americas", none, "", 0, "its clues (XI Summit of the Americas) name no single summit"},
		{"acronym", "UPD", none, "UPD", 0, "names no summit"},
		{"empty", "", none, "", 0, "names no summit"},
		{"blank", "  ", none, "", 0, "names no summit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := seedCatalog(t).ResolveCitation(tc.text)
			id := none
			if got.Summit != nil {
				id = got.Summit.ID
			}
			if id != tc.summit || got.Title != tc.title || got.Year != tc.year || got.Text != tc.text {
				t.Errorf("ResolveCitation(%q) = summit %q, title %q, year %d, text %q\nwant summit %q, title %q, year %d",
					tc.text, id, got.Title, got.Year, got.Text, tc.summit, tc.title, tc.year)
			}
			switch {
			case tc.summit != none && got.Problem != "":
				t.Errorf("resolved with a problem: %s", got.Problem)
			case tc.summit == none && !strings.Contains(got.Problem, tc.problem):
				t.Errorf("problem %q, want it to contain %q", got.Problem, tc.problem)
			}
		})
	}
}

// TestDocumentID checks that the forms of one document's title give one
// id, and different documents different ids.
func TestDocumentID(t *testing.T) {
	c := seedCatalog(t)
	for _, tc := range []struct {
		summit string
		titles []string
		want   string
	}{
		{quebec, []string{"Plan of Action Québec", "Plan of Action of Québec City", "Québec City Plan of Action", "Plan of Action of Quebec City", "Plan de Acción de Quebec", "Plan de Acción de la Ciudad de Quebec", "Plan d'action de Québec", "Plan d’action de la ville de Québec", "Plano de Ação de Quebec", "Plano de Ação da Cidade de Quebec"}, "document/2001-quebec-city/plan-of-action"},
		{quebec, []string{"Declaration of Québec", "Declaration of Quebec City", "Declaración de Quebec", "Déclaration de Québec", "Declaração da Cidade de Quebec"}, "document/2001-quebec-city/declaration"},
		{santiago, []string{"Declaración de Santiago", "Declaration of Santiago", "Déclaration de Santiago", "Declaração de Santiago"}, "document/1998-santiago/declaration"},
		{santiago, []string{"Plan of Action Santiago", "Plan de Acción de Santiago", "Plan d'action de Santiago", "Plano de Ação de Santiago"}, "document/1998-santiago/plan-of-action"},
		{lima, []string{"Lima Commitment", "Compromiso de Lima", "Engagement de Lima", "Compromisso de Lima"}, "document/2018-lima/commitment"},
		{portSpain, []string{"Declaration of Commitment of Port of Spain", "Declaración de Compromiso de Puerto España", "Déclaration d’engagement de Port-d’Espagne", "Declaração de Compromisso de Porto de Espanha", "Declaração de Compromisso de Port of Spain"}, "document/2009-port-of-spain/declaration-of-commitment"},
		{monterrey, []string{"Declaration of Nuevo León", "Declaración de Nuevo León", "Declaration of Nuevo Leon", "Déclaration de Nuevo León", "Declaração de Nuevo León"}, "document/2004-monterrey/declaration"},
		{panama, []string{"Mandates for Action", "Mandatos para la Acción"}, "document/2015-panama-city/mandates-for-action"},
		{losAng, []string{"Regional Agenda for Digital Transformation"}, "document/2022-los-angeles/regional-agenda-for-digital-transformation"},
	} {
		s := c.Summit(tc.summit)
		if s == nil {
			t.Fatalf("no summit %s in the catalog", tc.summit)
		}
		for _, title := range tc.titles {
			t.Run(title, func(t *testing.T) {
				if got := nlp.DocumentID(s, title); got != tc.want {
					t.Errorf("DocumentID(%s, %q) = %q, want %q", tc.summit, title, got, tc.want)
				}
			})
		}
	}
	// The catalog's documents: every title in every language has the id of
	// the first English one, the one citations use.
	for _, tc := range []struct {
		summit string
		title  string
		want   string
	}{
		{losAng, "Plan de Acción Interamericano sobre Gobernabilidad Democrática", "document/2022-los-angeles/inter-american-action-plan-on-democratic-governance"},
		{losAng, "Nuestro Futuro Sostenible y Verde", "document/2022-los-angeles/our-sustainable-green-future"},
		{santaCruz, "Plan d'action pour le développement durable des Amériques", "document/1996-santa-cruz-de-la-sierra/plan-of-action"},
		{santaCruz, "Plan of Action", "document/1996-santa-cruz-de-la-sierra/plan-of-action"},
		{lima, "Compromiso de Lima: Gobernabilidad Democrática frente a la Corrupción", "document/2018-lima/commitment"},
		{miami, "Déclaration de principes", "document/1994-miami/declaration-of-principles"},
		// Not catalogued: DocumentID's own key.
		{miami, "Plan of Action on Hemispheric Energy", "document/1994-miami/plan-of-action-on-hemispheric-energy"},
	} {
		if got := c.DocumentID(c.Summit(tc.summit), tc.title); got != tc.want {
			t.Errorf("Catalog.DocumentID(%s, %q) = %q, want %q", tc.summit, tc.title, got, tc.want)
		}
	}
	for _, d := range c.Documents {
		for lang, titles := range d.Titles {
			for _, title := range titles {
				if got := c.DocumentID(d.Summit, title); got != d.ID {
					t.Errorf("%s title %q: id %q, want the document's %q", lang, title, got, d.ID)
				}
			}
		}
	}
	if a, b := nlp.DocumentID(c.Summit(quebec), "Plan of Action Québec"), nlp.DocumentID(c.Summit(quebec), "Declaration of Québec"); a == b {
		t.Errorf("the Plan of Action and the Declaration of Québec share id %q", a)
	}
}

// FuzzResolveCitation: whatever the text, ResolveCitation does not panic,
// and a summit it resolves agrees with the year printed.
func FuzzResolveCitation(f *testing.F) {
	c := seedCatalog(f)
	f.Fuzz(func(t *testing.T, text string) {
		got := c.ResolveCitation(text)
		if got.Text != text {
			t.Fatalf("Text %q, want the input", got.Text)
		}
		if !strings.Contains(text, got.Title) {
			t.Fatalf("Title %q is not part of the citation", got.Title)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got.Title) {
			t.Fatalf("Title %q is not valid UTF-8", got.Title)
		}
		if hasYear(text) != (got.Year != 0) {
			t.Fatalf("Year %d, but a year printed: %v", got.Year, hasYear(text))
		}
		if got.Year != 0 && !strings.Contains(text, itoa4(got.Year)) {
			t.Fatalf("Year %d is not printed in the citation", got.Year)
		}
		if got.Summit == nil {
			if got.Problem == "" {
				t.Fatal("unresolved without a Problem")
			}
			return
		}
		if got.Problem != "" {
			t.Fatalf("resolved to %s with a problem: %s", got.Summit.ID, got.Problem)
		}
		if got.Year != 0 && got.Summit.Year != got.Year {
			t.Fatalf("resolved to %s (%d) but the citation says %d", got.Summit.ID, got.Summit.Year, got.Year)
		}
		if again := c.ResolveCitation(text); again.Summit != got.Summit || again.Title != got.Title {
			t.Fatal("not deterministic")
		}
	})
}

// hasYear reports whether s holds a year 1900-2099 standing alone, the way
// a citation prints it (independent of the parser's own expression).
func hasYear(s string) bool {
	isWord := func(b byte) bool {
		return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	}
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') &&
			s[i+2] >= '0' && s[i+2] <= '9' && s[i+3] >= '0' && s[i+3] <= '9' &&
			(i == 0 || !isWord(s[i-1])) && (i+4 == len(s) || !isWord(s[i+4])) {
			return true
		}
	}
	return false
}

func itoa4(y int) string {
	return string([]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)})
}

// TestResolveTitle resolves title blocks in the four languages, and keeps
// unresolved those that name two summits, none, or one only by a year.
func TestResolveTitle(t *testing.T) {
	c := seedCatalog(t)
	for _, tc := range []struct {
		name    string
		block   string
		summit  string
		title   string
		kind    nlp.DocKind
		lang    string
		date    string
		problem string // part of the problem, when unresolved
	}{
		{"en: declaration, ordinal, place and country, date", "Declaration of Commitment of Port of Spain\nFifth Summit of the Americas\nPort of Spain, Trinidad and Tobago\nApril 19, 2009",
			portSpain, "Declaration of Commitment of Port of Spain", nlp.DocDeclaration, "en", "2009-04-19", ""},
		{"en: the source's own spelling of the ordinal", "EIGHT SUMMIT OF THE AMERICAS April 13 and 14, 2018 Lima, Peru",
			lima, "", "", "en", "2018-04-13", ""},
		{"en: commitment and subtitle", "Lima Commitment\nDemocratic Governance against Corruption\nVIII Summit of the Americas\nLima, Peru, April 14, 2018",
			lima, "Lima Commitment", nlp.DocCommitment, "en", "2018-04-14", ""},
		{"en: a summit word and a date", "Summit of the Americas\nPlan of Action\nDecember 1994",
			miami, "Plan of Action", nlp.DocPlanOfAction, "en", "", ""},
		{"en: special summit by its own name", "Summit of the Americas on Sustainable Development\nPlan of Action for the Sustainable Development of the Americas",
			santaCruz, "Plan of Action for the Sustainable Development of the Americas", nlp.DocPlanOfAction, "en", "", ""},
		{"es: ordinal, days, city in one line", "SEPTIMA CUMBRE DE LAS AMERICAS 10 y 11 abril 2015 Ciudad de Panamá",
			panama, "", "", "es", "2015-04-10", ""},
		{"es: title with its place", "DECLARACIÓN DE SANTA CRUZ DE LA SIERRA",
			santaCruz, "DECLARACIÓN DE SANTA CRUZ DE LA SIERRA", nlp.DocDeclaration, "es", "", ""},
		{"es: draft title and roman ordinal on one line", "[Proyecto de] DECLARACION POLITICA II CUMBRE DE LAS AMERICAS",
			santiago, "[Proyecto de] DECLARACION POLITICA", nlp.DocDeclaration, "es", "", ""},
		{"es: damaged accents", "Plan de Acci\uFFFDn\nCuarta Cumbre de las Am\uFFFDricas\nMar del Plata, Argentina, 5 de noviembre de 2005",
			marDelPl, "Plan de Acci\uFFFDn", nlp.DocPlanOfAction, "es", "2005-11-05", ""},
		{"es: mandates for action", "Mandatos para la Acción\nVII Cumbre de las Américas\nPanamá, 11 de abril de 2015",
			panama, "Mandatos para la Acción", nlp.DocMandates, "es", "2015-04-11", ""},
		{"es: a catalogued title without a document word", "Cumbre de las Américas\nNuestro Futuro Sostenible y Verde\nLos Ángeles, junio de 2022",
			losAng, "Nuestro Futuro Sostenible y Verde", nlp.DocOther, "es", "", ""},
		{"fr: declaration and ordinal", "Déclaration de Québec\nTroisième Sommet des Amériques",
			quebec, "Déclaration de Québec", nlp.DocDeclaration, "fr", "", ""},
		{"fr: page counter, place, province, days", "Vous êtes sur la page 1sur 26\nPremier Sommet des Amériques\nMiami, Floride, du 9 au 11 décembre 1994\nPlan d'Action",
			miami, "Plan d'Action", nlp.DocPlanOfAction, "fr", "1994-12-09", ""},
		{"fr: engagement, Port-d'Espagne", "Déclaration d’engagement de Port-d’Espagne\nCinquième Sommet des Amériques\nPort-d’Espagne (Trinité-et-Tobago), le 19 avril 2009",
			portSpain, "Déclaration d’engagement de Port-d’Espagne", nlp.DocDeclaration, "fr", "2009-04-19", ""},
		{"fr: VIIe", "VIIe Sommet des Amériques\nPanama, 10 et 11 avril 2015", panama, "", "", "fr", "2015-04-10", ""},
		{"fr: extraordinary summit", "Sommet extraordinaire des Amériques\nDéclaration de Nuevo León\nMonterrey (Mexique), le 13 janvier 2004",
			monterrey, "Déclaration de Nuevo León", nlp.DocDeclaration, "fr", "2004-01-13", ""},
		{"pt: ordinal, date range, plan", "TERCEIRA CÚPULA DAS AMÉRICAS\nQuebec, 20-22 de abril de 2001\nPlano de Ação",
			quebec, "Plano de Ação", nlp.DocPlanOfAction, "pt", "2001-04-20", ""},
		{"pt: declaration and a summit word", "Declaração de Mar del Plata\nCúpula das Américas",
			marDelPl, "Declaração de Mar del Plata", nlp.DocDeclaration, "pt", "", ""},
		{"pt: Cidade do Panamá", "VII Cúpula das Américas\nCidade do Panamá, Panamá, 10 e 11 de abril de 2015",
			panama, "", "", "pt", "2015-04-10", ""},
		{"pt: European Portuguese", "Declaração de Compromisso de Port of Spain\nQuinta Cimeira das Américas",
			portSpain, "Declaração de Compromisso de Port of Spain", nlp.DocDeclaration, "pt", "", ""},
		// Never guessed.
		{"two summits: ordinal and place", "Third Summit of the Americas\nLima, Peru", none, "", "", "en", "", "name no single summit"},
		{"two summits: two places", "Déclaration de Québec\nSantiago du Chili", none, "Déclaration de Québec", nlp.DocDeclaration, "fr", "", "name no single summit"},
		{"two summits: date of another year", "Declaração de Mar del Plata\n20 de abril de 2001", none, "Declaração de Mar del Plata", nlp.DocDeclaration, "pt", "", "name no single summit"},
		{"two summits: date of another year", "Cuarta Cumbre de las Américas\n5 de noviembre de 2009", none, "", "", "es", "", "name no single summit"},
		{"a document dated after its summit", "SEXTA CUMBRE DE LAS AMÉRICAS     OEA/Ser.E\n14 y 15 de abril de 2012     CA-VI/doc.6/12 Rev. 2\nCartagena de Indias, Colombia     23 mayo 2012\n\nMANDATOS DERIVADOS DE LA SEXTA CUMBRE DE LAS AMÉRICAS",
			"summit/2012-cartagena", "MANDATOS DERIVADOS DE LA SEXTA CUMBRE DE LAS AMÉRICAS", nlp.DocMandates, "es", "2012-04-14", ""},
		{"a running header beside the title", "Plan of Action                          Page 1 of 4\nFirst Summit of the Americas\nMiami, Florida, December 9-11, 1994",
			miami, "Plan of Action", nlp.DocPlanOfAction, "en", "1994-12-09", ""},
		{"a footnote marker glued to the title", "SEPTIMA CUMBRE DE LAS AMERICAS\nMANDATOS PARA LA ACCIÓN1", panama, "MANDATOS PARA LA ACCIÓN", nlp.DocMandates, "es", "", ""},
		{"a menu naming other summits, the title's own lines deciding", "Cúpulas das Américas\n  I Cúpula (Miami, 1994)\n  II Cúpula (Santiago, 1998)\n  III Cúpula (Quebec, 2001)\n\nDECLARAÇÃO DE SANTIAGO\nII Cúpula das Américas\nSantiago, Chile, 18 e 19 de abril de 1998",
			santiago, "DECLARAÇÃO DE SANTIAGO", nlp.DocDeclaration, "pt", "1998-04-18", ""},
		{"a menu item is no title", "Menu\nMandats\nNouvelles\n\nCinquième Sommet des Amériques\nDÉCLARATION D'ENGAGEMENT DE PORT OF SPAIN",
			portSpain, "DÉCLARATION D'ENGAGEMENT DE PORT OF SPAIN", nlp.DocDeclaration, "fr", "", ""},
		{"two summits: the title's and a heading's, apart", "DECLARATION OF MAR DEL PLATA\n\nThird Summit of the Americas", none, "DECLARATION OF MAR DEL PLATA", nlp.DocDeclaration, "en", "", "name no single summit"},
		{"a report on two summits' mandates", "INFORME SOBRE LA IMPLEMENTACIÓN DE LOS MANDATOS DE LA\nTERCERA CUMBRE DE LAS AMÉRICAS (Ciudad de Quebec, Canadá, 2001)\nY DE LA\nCUMBRE EXTRAORDINARIA DE LAS AMÉRICAS (Monterrey, Nuevo León, México, 2004)",
			none, "INFORME SOBRE LA IMPLEMENTACIÓN DE LOS MANDATOS DE LA", nlp.DocOther, "es", "", "name no single summit"},
		{"no summit: a summit word only", "Cúpula das Américas", none, "", "", "pt", "", "names no summit"},
		{"no summit: nothing", "Plan of Action", none, "Plan of Action", nlp.DocPlanOfAction, "en", "", "names no summit"},
		{"no summit: the 2006 declaration", "Declaration of Santa Cruz de la Sierra + 10\nSanta Cruz de la Sierra, Bolivia, December 5, 2006", none, "Declaration of Santa Cruz de la Sierra + 10", nlp.DocDeclaration, "en", "", "name no single summit"},
		{"no summit: an unknown ordinal", "XI Cumbre de las Américas", none, "", "", "es", "", "name no single summit"},
		{"several: special summit", "Sommet extraordinaire des Amériques", none, "", "", "fr", "", "could name several"},
		{"a year alone", "Plan of Action\n1998", none, "Plan of Action", nlp.DocPlanOfAction, "en", "", "only by its year"},
		{"a country alone", "Plan d'action\nPérou", none, "Plan d'action", nlp.DocPlanOfAction, "fr", "", "only by its year or country"},
		{"prose is not read", "Les chefs d'État et de gouvernement participant au Sommet des Amériques de 1994, à Miami en Floride, désireux de faire progresser les objectifs d'ensemble établis dans leur Déclaration de principes",
			none, "", "", "fr", "", "names no summit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := c.ResolveTitle(strings.Split(tc.block, "\n"))
			id := none
			if got.Summit != nil {
				id = got.Summit.ID
			}
			if id != tc.summit || got.Title != tc.title || got.Kind != tc.kind || got.Language != tc.lang || (tc.date != "" && got.Date != tc.date) {
				t.Errorf("ResolveTitle(%q) = summit %q, title %q, kind %q, language %s, date %q (%s)\nwant summit %q, title %q, kind %q, language %s, date %q",
					tc.block, id, got.Title, got.Kind, got.Language, got.Date, got.Problem, tc.summit, tc.title, tc.kind, tc.lang, tc.date)
			}
			switch {
			case tc.summit != none && got.Problem != "":
				t.Errorf("resolved with a problem: %s", got.Problem)
			case tc.summit == none && !strings.Contains(got.Problem, tc.problem):
				t.Errorf("problem %q, want it to contain %q", got.Problem, tc.problem)
			}
			if got.Summit != nil && got.Title != "" && got.DocumentID != c.DocumentID(got.Summit, got.Title) {
				t.Errorf("DocumentID %q, want %q", got.DocumentID, c.DocumentID(got.Summit, got.Title))
			}
			lines := strings.Split(tc.block, "\n")
			for _, cl := range got.Clues {
				if cl.Line < 0 || cl.Line >= len(lines) || !strings.Contains(lines[cl.Line], cl.Text) {
					t.Errorf("clue %s %q is not on line %d", cl.Kind, cl.Text, cl.Line)
				}
				if got.Summit != nil && cl.Summits != nil && !slices.Contains(cl.Summits, got.Summit) {
					t.Errorf("clue %s %q does not allow the summit resolved", cl.Kind, cl.Text)
				}
			}
		})
	}
}

// FuzzResolveTitle: whatever the lines, ResolveTitle does not panic, its
// clues are on their lines, and a summit it resolves is allowed by every
// clue.
func FuzzResolveTitle(f *testing.F) {
	c := seedCatalog(f)
	for _, s := range []string{
		"Declaration of Commitment of Port of Spain\nFifth Summit of the Americas\nApril 19, 2009",
		"SEPTIMA CUMBRE DE LAS AMERICAS 10 y 11 abril 2015 Ciudad de Panamá",
		"Premier Sommet des Amériques\nMiami, Floride, du 9 au 11 décembre 1994\nPlan d'Action",
		"TERCEIRA CÚPULA DAS AM\uFFFD\uFFFDRICAS\nQuebec, 20-22 de abril de 2001",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, block string) {
		lines := strings.Split(block, "\n")
		got := c.ResolveTitle(lines)
		for _, cl := range got.Clues {
			if cl.Line < 0 || cl.Line >= len(lines) || !strings.Contains(lines[cl.Line], cl.Text) {
				t.Fatalf("clue %s %q is not on line %d", cl.Kind, cl.Text, cl.Line)
			}
			if got.Summit != nil && cl.Summits != nil && !slices.Contains(cl.Summits, got.Summit) {
				t.Fatalf("clue %s %q does not allow %s", cl.Kind, cl.Text, got.Summit.ID)
			}
		}
		if (got.Summit == nil) == (got.Problem == "") {
			t.Fatalf("summit %v with problem %q", got.Summit, got.Problem)
		}
		if got.TitleLine >= 0 && !strings.Contains(lines[got.TitleLine], got.Title) {
			t.Fatalf("title %q is not on line %d", got.Title, got.TitleLine)
		}
	})
}

package nlp

import (
	"strings"
	"testing"

	"summitgraph/graph"

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

// TestExtractFourLanguages finds the conventions and institutions of French
// and Portuguese text by their names and acronyms, acronyms only in the
// languages where they hold, and names whose accents a copy damaged.
func TestExtractFourLanguages(t *testing.T) {
	c := testCatalog(t)
	for _, tc := range []struct {
		name, lang, text string
		want             []string // "id|surface"
	}{
		{"French names and acronyms", "fr",
			"Appuyer l’Organisation des États Américains (OEA), la Banque interaméricaine de développement (BID) et l’OPS dans la mise en œuvre de la Convention interaméricaine contre la corruption.",
			[]string{"institution/oas|Organisation des États Américains", "institution/oas|OEA", "institution/idb|Banque interaméricaine de développement", "institution/idb|BID", "institution/paho|OPS", "convention/inter-american-convention-against-corruption|Convention interaméricaine contre la corruption"}},
		{"Portuguese names and acronyms", "pt",
			"Apoiar a Comissão Interamericana de Direitos Humanos (CIDH), a OPAS e o MESICIC na implementação da Convenção Interamericana contra a Corrupção.",
			[]string{"institution/iachr|Comissão Interamericana de Direitos Humanos", "institution/iachr|CIDH", "institution/paho|OPAS", "institution/mesicic|MESICIC", "convention/inter-american-convention-against-corruption|Convenção Interamericana contra a Corrupção"}},
		{"French UN names", "fr",
			"Avec la CEPALC, le PNUE et l’Organisation mondiale de la santé (OMS), dans le cadre de la Convention-cadre des Nations Unies sur les changements climatiques.",
			[]string{"institution/eclac|CEPALC", "institution/unep|PNUE", "institution/who|Organisation mondiale de la santé", "institution/who|OMS", "convention/united-nations-framework-convention-on-climate-change|Convention-cadre des Nations Unies sur les changements climatiques", "institution/united-nations|Nations Unies"}},
		{"CDB is the bank in English", "en", "Work with the CDB on disaster financing.", []string{"institution/cdb|CDB"}},
		{"CDB is the biodiversity convention in French", "fr", "Appliquer la CDB et protéger les forêts.", []string{"convention/convention-on-biological-diversity|CDB"}},
		{"BIRD is the IBRD in Portuguese", "pt", "Com o BIRD e o Banco Mundial.", []string{"institution/ibrd|BIRD", "institution/world-bank|Banco Mundial"}},
		{"UN is the article in a Spanish heading", "es", "UN COMPROMISO CON LA DEMOCRACIA", nil},
		{"UN is the United Nations in English", "en", "Support the UN system.", []string{"institution/united-nations|UN"}},
		{"damaged accents", "es", "Ratificar la Convenci\uFFFDn Interamericana contra la Corrupci\uFFFDn y apoyar a la Organizaci\uFFFDn de los Estados Americanos.",
			[]string{"convention/inter-american-convention-against-corruption|Convenci\uFFFDn Interamericana contra la Corrupci\uFFFDn", "institution/oas|Organizaci\uFFFDn de los Estados Americanos"}},
		{"de l’ONU for des Nations Unies", "fr", "Ratifier la Convention de l’ONU contre la corruption.",
			[]string{"convention/united-nations-convention-against-corruption|Convention de l’ONU contre la corruption", "institution/united-nations|ONU"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex := c.Extract(textPage(tc.lang, tc.text), nil)
			var got []string
			for _, m := range ex.Paragraphs[0].Mentions {
				if m.Entity.EntityKind != graph.KindTheme {
					got = append(got, m.Entity.ID+"|"+m.Surface)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("mentions of %q:\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestThemesFourLanguages finds themes by their French and Portuguese
// signal words.
func TestThemesFourLanguages(t *testing.T) {
	c := testCatalog(t)
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "Renforcer la lutte contre la corruption et l’impunité.", "theme/corruption"},
		{"fr", "Garantir l’accès à l’information publique.", "theme/access-to-information"},
		{"fr", "Promouvoir l’égalité des sexes et l’autonomisation des femmes.", "theme/women-and-gender"},
		{"pt", "Fortalecer a luta contra a corrupção e a impunidade.", "theme/corruption"},
		{"pt", "Garantir o acesso à informação pública.", "theme/access-to-information"},
		{"pt", "Reduzir o risco de desastres e apoiar os povos indígenas.", "theme/indigenous-peoples"},
	} {
		got := themesOf(c.Extract(textPage(tc.lang, tc.text), nil).Paragraphs[0])
		if !contains(got, tc.want) {
			t.Errorf("%s %q: themes %q, want %s among them", tc.lang, tc.text, got, tc.want)
		}
	}
	for _, th := range c.Themes {
		for _, lang := range Languages {
			if len(th.Patterns[lang]) == 0 {
				t.Errorf("theme %s has no %s patterns", th.Entity.ID, lang)
			}
		}
		if th.Entity.NameIn("fr") == "" || th.Entity.NameIn("pt") == "" {
			t.Errorf("theme %s lacks a French or Portuguese name", th.Entity.ID)
		}
	}
}

// TestReferencesFourLanguages finds summits and their documents named in
// French and Portuguese text.
func TestReferencesFourLanguages(t *testing.T) {
	c := testCatalog(t)
	for _, tc := range []struct{ lang, text, surface, target string }{
		{"fr", "conformément à la Déclaration de Mar del Plata, 2005,", "Déclaration de Mar del Plata, 2005", "document/2005-mar-del-plata/declaration"},
		{"fr", "comme le prévoit le Plan d’action de Québec", "Plan d’action de Québec", "document/2001-quebec-city/plan-of-action"},
		{"fr", "lors du Troisième Sommet des Amériques", "Troisième Sommet des Amériques", "summit/2001-quebec-city"},
		{"fr", "depuis le VIIe Sommet des Amériques", "VIIe Sommet des Amériques", "summit/2015-panama-city"},
		{"fr", "l’Engagement de Lima", "Engagement de Lima", "document/2018-lima/commitment"},
		{"pt", "conforme a Declaração de Nuevo León", "Declaração de Nuevo León", "document/2004-monterrey/declaration"},
		{"pt", "na Terceira Cúpula das Américas", "Terceira Cúpula das Américas", "summit/2001-quebec-city"},
		{"pt", "o Plano de Ação de Santiago", "Plano de Ação de Santiago", "document/1998-santiago/plan-of-action"},
		{"pt", "a Cúpula das Américas realizada em Mar del Plata", "Cúpula das Américas realizada em Mar del Plata", "summit/2005-mar-del-plata"},
		{"pt", "os compromissos da Declaração de Compromisso de Port of Spain", "Declaração de Compromisso de Port of Spain", "document/2009-port-of-spain/declaration-of-commitment"},
		{"en", "as the Declaration of Commitment of Port of Spain said", "Declaration of Commitment of Port of Spain", "document/2009-port-of-spain/declaration-of-commitment"},
		{"fr", "la Déclaration d’engagement de Port-d’Espagne", "Déclaration d’engagement de Port-d’Espagne", "document/2009-port-of-spain/declaration-of-commitment"},
	} {
		refs := c.Extract(textPage(tc.lang, tc.text), nil).Paragraphs[0].References
		if len(refs) != 1 || refs[0].Surface != tc.surface || refs[0].Target() != tc.target {
			var got []string
			for _, r := range refs {
				got = append(got, r.Surface+" → "+r.Target())
			}
			t.Errorf("%s %q: references %q, want %q → %s", tc.lang, tc.text, got, tc.surface, tc.target)
		}
	}
	// "the engagement of Québec" in English is no document.
	if refs := c.Extract(textPage("en", "We welcome the engagement of Québec in this work."), nil).Paragraphs[0].References; len(refs) != 0 {
		t.Errorf("English engagement read as a document: %v", refs)
	}
}

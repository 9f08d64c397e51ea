package nlp_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestStructure checks numbers, parents and items.
func TestStructure(t *testing.T) {
	for _, tc := range []struct {
		name   string
		file   string
		index  int
		number string
		parent int
		items  []int
	}{
		{"seed mandate printed 1.", seedFile, 0, "1", -1, nil},
		{"seed mandate with one lettered item", seedFile, 5, "1", -1, []int{6}},
		{"seed lettered item b", seedFile, 6, "b", 5, nil},
		{"seed mandate with six items", seedFile, 10, "1", -1, []int{11, 12, 13, 14, 15, 16}},
		{"seed items d to l skip letters", seedFile, 25, "l", 18, nil},
		{"seed real numbering 1-5", seedFile, 47, "5", -1, nil},
		{"seed real numbering restarts", seedFile, 48, "1", -1, nil},
		{"seed real numbering 7", seedFile, 54, "7", -1, nil},
		{"seed bulleted 1.1 is a mandate", seedFile, 67, "1.1", -1, nil},
		{"seed bulleted 5.6", seedFile, 72, "5.6", -1, nil},
		{"Initiative 47.", "initiative-numbering.txt", 2, "Initiative 47", -1, nil},
		{"bulleted 14.2", "initiative-numbering.txt", 3, "14.2", -1, nil},
		{"indented list under a mandate", "indented-sublist.txt", 1, "1", -1, []int{2, 3, 4}},
		{"indented item 3", "indented-sublist.txt", 4, "3", 1, nil},
		{"indented item cut off", "indented-sublist.txt", 8, "3", 5, nil},
		{"Spanish lettered items", "spanish-lettered.txt", 3, "1", -1, []int{4, 5, 6}},
		{"Spanish item e", "spanish-lettered.txt", 6, "e", 3, nil},
		{"real numbering 6", "real-numbering.txt", 5, "6", -1, nil},
		{"item under CRLF", "crlf-bom.txt", 2, "a", 1, nil},
		{"items of a group with an unresolved citation", "unresolved-citations.txt", 3, "1", -1, []int{4, 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := parseFixture(t, tc.file)
			if tc.index >= len(p.Paragraphs) {
				t.Fatalf("%d paragraphs, want paragraph %d", len(p.Paragraphs), tc.index)
			}
			m := p.Paragraphs[tc.index]
			if m.Number != tc.number || m.Parent != tc.parent || fmt.Sprint(m.Items) != fmt.Sprint(tc.items) {
				t.Errorf("number %q, parent %d, items %v; want %q, %d, %v", m.Number, m.Parent, m.Items, tc.number, tc.parent, tc.items)
			}
		})
	}
}

// TestHeadings checks the page heading and the heading in force on each
// paragraph.
func TestHeadings(t *testing.T) {
	for _, tc := range []struct {
		file     string
		page     string
		byPara   map[int]string // paragraph index → heading
		language string
	}{
		{seedFile, "DEMOCRACY: Good Governance", map[int]string{0: "DEMOCRACY: Good Governance", 72: "DEMOCRACY: Good Governance"}, "en"},
		{"spanish-lettered.txt", "SALUD: Salud y Resiliencia", map[int]string{0: "SALUD: Salud y Resiliencia", 6: "SALUD: Salud y Resiliencia"}, "es"},
		{"no-heading.txt", "", map[int]string{0: "", 3: ""}, "en"},
		{"initiatives-no-mandates-line.txt", "YOUTH: Youth Participation", map[int]string{4: "YOUTH: Youth Participation"}, "en"},
		{"wrapped-pagebreak.txt", "DEMOCRACY: Civil Society Participation", map[int]string{
			2: "DEMOCRACY: Civil Society Participation",
			4: "DEMOCRACY: Civil Society Participation",
			5: "DEMOCRACY: Access to Information",
			6: "DEMOCRACY: Access to Information",
		}, "en"},
		{"furniture-only.txt", "TRADE: Trade and Investment", nil, "en"},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			p := parseFixture(t, tc.file)
			if p.Heading != tc.page {
				t.Errorf("page heading %q, want %q", p.Heading, tc.page)
			}
			if p.Language != tc.language {
				t.Errorf("language %q, want %q", p.Language, tc.language)
			}
			for i, h := range tc.byPara {
				if got := p.Paragraphs[i].Heading; got != h {
					t.Errorf("paragraph %d: heading %q, want %q", i, got, h)
				}
			}
		})
	}
}

// TestCitations checks each paragraph's citation, where it came from and
// what it resolves to.
func TestCitations(t *testing.T) {
	const (
		digital = "Regional Agenda for Digital Transformation, IX Summit of the Americas, Los Angeles, 2022"
		govern  = "Inter-American Action Plan on Democratic Governance, IX Summit of the Americas, Los Angeles, 2022"
		saludES = "Plan de Acción sobre Salud y Resiliencia en las Américas, IX Cumbre de las Américas, Los Ángeles, 2022"
		limaCom = "Lima Commitment. Peru, 2018"
		pos     = "Declaration of Port of Spain, 2009"
		cicte   = "Inter-American Committee against Terrorism, 2003"
	)
	for _, tc := range []struct {
		name      string
		file      string
		index     int
		citation  string
		inherited bool
		summit    string
		title     string
	}{
		{"own citation", seedFile, 0, digital, false, losAng, "Regional Agenda for Digital Transformation"},
		{"no space before the parenthesis", seedFile, 4, "Accelerating the Clean, Sustainable, Renewable, and Just\u00a0 Energy Transition, IX Summit of the Americas, Los Angeles, 2022", false, losAng, "Accelerating the Clean, Sustainable, Renewable, and Just\u00a0 Energy Transition"},
		{"mandate takes its only item's citation", seedFile, 5, govern, true, losAng, "Inter-American Action Plan on Democratic Governance"},
		{"first item takes the last item's", seedFile, 11, govern, true, losAng, "Inter-American Action Plan on Democratic Governance"},
		{"last item keeps its own", seedFile, 16, govern, false, losAng, "Inter-American Action Plan on Democratic Governance"},
		{"item ending with a period takes the last item's", seedFile, 33, govern, true, losAng, "Inter-American Action Plan on Democratic Governance"},
		{"Lima Commitment. Peru", seedFile, 43, limaCom, false, lima, "Lima Commitment"},
		{"no punctuation before the citation", seedFile, 57, "Declaration of Mar del Plata, 2005", false, marDelPl, "Declaration of Mar del Plata"},
		{"Nuevo León", seedFile, 58, "Declaration of Nuevo León, 2004", false, monterrey, "Declaration of Nuevo León"},
		{"no final period", seedFile, 62, "Plan of Action Québec, 2001", false, quebec, "Plan of Action Québec"},
		{"Plan of Action Miami", seedFile, 72, "Plan of Action Miami, 1994", false, miami, "Plan of Action Miami"},
		{"Santa Cruz de la Sierra", "initiative-numbering.txt", 2, "Plan of Action Santa Cruz de la Sierra, 1996", false, santaCruz, "Plan of Action Santa Cruz de la Sierra"},
		{"Miami on a 14.2 item", "initiative-numbering.txt", 3, "Plan of Action Miami, 1994", false, miami, "Plan of Action Miami"},
		{"Spanish citation on a lettered item", "spanish-lettered.txt", 1, saludES, false, losAng, "Plan de Acción sobre Salud y Resiliencia en las Américas"},
		{"Spanish mandate inherits", "spanish-lettered.txt", 0, saludES, true, losAng, "Plan de Acción sobre Salud y Resiliencia en las Américas"},
		{"Octava Cumbre, Perú", "spanish-lettered.txt", 2, "Compromiso de Lima, Octava Cumbre de las Américas, Perú, 2018", false, lima, "Compromiso de Lima"},
		{"group cut off: the mandate is not guessed from an item", "spanish-lettered.txt", 3, "", false, none, ""},
		{"group cut off: the item before a cited one stays uncited", "spanish-lettered.txt", 4, "", false, none, ""},
		{"group cut off: a cited middle item keeps its own", "spanish-lettered.txt", 5, saludES, false, losAng, "Plan de Acción sobre Salud y Resiliencia en las Américas"},
		{"group cut off: the cut item", "spanish-lettered.txt", 6, "", false, none, ""},
		{"Lima without final period", "initiatives-no-mandates-line.txt", 0, limaCom, false, lima, "Lima Commitment"},
		{"Initiatives VII Summit", "initiatives-no-mandates-line.txt", 2, "Education, Initiatives VII Summit of the Americas, Panama City, 2015", false, panama, "Education"},
		{"no heading, no final period", "no-heading.txt", 1, "Declaration of Nuevo León, 2004", false, monterrey, "Declaration of Nuevo León"},
		{"no heading, Québec after a semicolon", "no-heading.txt", 2, "Plan of Action Québec, 2001", false, quebec, "Plan of Action Québec"},
		{"indented list: mandate inherits", "indented-sublist.txt", 1, pos, true, portSpain, "Declaration of Port of Spain"},
		{"indented list: first item inherits", "indented-sublist.txt", 2, pos, true, portSpain, "Declaration of Port of Spain"},
		{"indented list cut off: no citation", "indented-sublist.txt", 5, "", false, none, ""},
		{"CRLF: citation without a carriage return", "crlf-bom.txt", 0, digital, false, losAng, "Regional Agenda for Digital Transformation"},
		{"CRLF: mandate inherits", "crlf-bom.txt", 1, digital, true, losAng, "Regional Agenda for Digital Transformation"},
		{"page break inside a mandate", "wrapped-pagebreak.txt", 2, "Plan of Action Québec, 2001", false, quebec, "Plan of Action Québec"},
		{"Declaration of Québec", "wrapped-pagebreak.txt", 3, "Declaration of Québec, 2001", false, quebec, "Declaration of Québec"},
		{"after a page break between mandates", "wrapped-pagebreak.txt", 4, "Plan of Action Québec, 2001", false, quebec, "Plan of Action Québec"},
		{"(UPD) is no citation", "upd-cutoff.txt", 1, "", false, none, ""},
		{"conflicting clues", "unresolved-citations.txt", 1, "Hemispheric Plan on Firearms, IX Summit of the Americas, Lima, 2015", false, none, "Hemispheric Plan on Firearms"},
		{"unknown year 2006", "unresolved-citations.txt", 2, "Declaration of Santa Cruz + 10, 2006", false, none, "Declaration of Santa Cruz + 10"},
		{"no summit in 2003, inherited", "unresolved-citations.txt", 3, cicte, true, none, "Inter-American Committee against Terrorism"},
		{"no summit in 2003, own", "unresolved-citations.txt", 5, cicte, false, none, "Inter-American Committee against Terrorism"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := parseFixture(t, tc.file)
			m := p.Paragraphs[tc.index]
			if m.Citation != tc.citation || m.Inherited != tc.inherited {
				t.Errorf("citation %q (inherited %v); want %q (inherited %v)", m.Citation, m.Inherited, tc.citation, tc.inherited)
			}
			if got := summitID(m); got != tc.summit {
				t.Errorf("summit %q, want %q (problem: %s)", got, tc.summit, m.Cite.Problem)
			}
			if m.Cite.Title != tc.title {
				t.Errorf("document title %q, want %q", m.Cite.Title, tc.title)
			}
			if tc.summit == none && tc.citation != "" && m.Cite.Problem == "" {
				t.Error("unresolved citation without a Problem")
			}
		})
	}
}

// TestTextExact checks that text is kept as printed: curly quotes,
// accents, dashes, no-break spaces, line breaks of a wrapped paragraph,
// without number and citation.
func TestTextExact(t *testing.T) {
	for _, tc := range []struct {
		name   string
		file   string
		index  int
		prefix string // "" to skip
		has    string
		suffix string
	}{
		{"curly apostrophe", seedFile, 28, "Support young people’s inclusion,", "", "with a view to preventing and combating corruption."},
		{"curly quotes", seedFile, 30, "Promoting strategic actions", "“Public Procurement as a strategic area for the generation of greater public value and better access to citizens’ rights,” issued", "member states in 2021;"},
		{"straight quotes", seedFile, 66, `Resolutely support the "Inter-American Program to Combat Corruption" and`, "", ""},
		{"text before a citation with no space", seedFile, 4, "Advance sustainable,", "", "within our Hemisphere."},
		{"acronym parenthesis kept before a citation", seedFile, 65, "Support States", "", "Unit for the Promotion of Democracy (UPD)."},
		{"no-break space", "real-numbering.txt", 2, "Inviting the Organization of American States (OAS),", "in line with Article\u00a024 of the", "Democratic Charter."},
		{"em dashes", "real-numbering.txt", 1, "", "open data formats — including contributions in kind — consistent", ""},
		{"curly quotes and apostrophe", "real-numbering.txt", 3, "", "“Electoral Integrity Toolkit” for citizens’ use", "and Portuguese."},
		{"accents and quotes in Spanish", "spanish-lettered.txt", 5, "Impulsar la “telesalud” y los registros clínicos electrónicos", "", "datos personales de los pacientes;"},
		{"lettered item without bullet and letter", "spanish-lettered.txt", 1, "Ampliar, con el apoyo de la Organización Panamericana de la Salud,", "", "conocimientos tradicionales;"},
		{"Initiative number removed", "initiative-numbering.txt", 2, "Promote integrated watershed", "", "irrigation works."},
		{"14.2 number removed", "initiative-numbering.txt", 3, "Governments will cooperate", "", ""},
		{"indented number removed", "indented-sublist.txt", 3, "the conservation of mangroves", "", "seagrass beds;"},
		{"empty cut item", "indented-sublist.txt", 8, "the", "", "the"},
		{"wrapped paragraph", "wrapped-pagebreak.txt", 0, "Institutionalize mechanisms", "civil society organizations,\nincluding those representing", "national development plans."},
		{"page break inside a paragraph", "wrapped-pagebreak.txt", 2, "Support the work", "for the fulfillment of their\nmandates, in keeping", "domestic legislation."},
		{"(UPD) kept at the end of a cut page", "upd-cutoff.txt", 1, "Strengthen legislative cooperation", "", "Unit for the Promotion of Democracy (UPD)."},
		{"(MDBs) kept, citation without final period removed", "no-heading.txt", 0, "In order to attract", "development banks (MDBs) to widen", "medium-sized enterprises"},
		{"cut off mid-word", "real-numbering.txt", 5, "Continuing to develop", "", "training of technical st"},
		{"CRLF: no carriage return in text", "crlf-bom.txt", 3, "Promote digital literacy", "", "public digital services and"},
		{"BOM: not in the first paragraph", "crlf-bom.txt", 0, "Develop national cybersecurity", "", "interoperable cyberspace."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := parseFixture(t, tc.file).Paragraphs[tc.index]
			if !strings.HasPrefix(m.Text, tc.prefix) {
				t.Errorf("text does not start with %q:\n%q", tc.prefix, m.Text)
			}
			if !strings.Contains(m.Text, tc.has) {
				t.Errorf("text does not contain %q:\n%q", tc.has, m.Text)
			}
			if !strings.HasSuffix(m.Text, tc.suffix) {
				t.Errorf("text does not end with %q:\n%q", tc.suffix, m.Text)
			}
		})
	}
	// No paragraph of any page keeps its number, its citation, a carriage
	// return, a BOM or surrounding white space.
	for _, in := range allInputs(t) {
		for i, m := range parse(t, in).Paragraphs {
			if m.Citation != "" && !m.Inherited && strings.Contains(m.Text, "("+m.Citation) {
				t.Errorf("%s[%d]: text keeps its citation: %q", in.name, i, m.Text)
			}
			if m.Number != "" && strings.HasPrefix(m.Text, m.Number+".") {
				t.Errorf("%s[%d]: text keeps its number: %q", in.name, i, m.Text)
			}
			if strings.ContainsAny(m.Text, "\r\ufeff") || strings.TrimSpace(m.Text) != m.Text {
				t.Errorf("%s[%d]: text keeps \\r, a BOM or outer space: %q", in.name, i, m.Text)
			}
		}
	}
}

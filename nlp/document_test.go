package nlp_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"summitgraph/graph"
	"summitgraph/nlp"
)

const (
	documentsDir = "testdata/documents"
	docGoldenDir = "testdata/golden/documents"
)

func readDocument(tb testing.TB, name string) pageInput {
	tb.Helper()
	return readFrom(tb, documentsDir, name)
}

// documentInputs are the summit document fixtures, sorted by name.
func documentInputs(tb testing.TB) []pageInput {
	tb.Helper()
	return fixtures(tb, documentsDir, 8)
}

func process(tb testing.TB, in pageInput) *nlp.Processed {
	tb.Helper()
	pr, err := seedCatalog(tb).Process(in.name, in.data, nil)
	if err != nil {
		tb.Fatalf("Process(%s): %v", in.name, err)
	}
	return pr
}

// renderDocument is the golden form of a parsed summit document: the
// document and the node it makes, its clues, preamble and notes, the
// warnings, and every paragraph's number, place, headings, flags and
// first words.
func renderDocument(pr *nlp.Processed) string {
	p, bt := pr.Page, pr.Batch
	var b strings.Builder
	fmt.Fprintf(&b, "# golden parse of %s; regenerate: go test ./nlp -run Golden -update\n", p.File)
	fmt.Fprintf(&b, "file: %s\nlanguage: %s\nheading: %q\n", p.File, p.Language, p.Heading)
	d := p.Document
	if d == nil {
		b.WriteString("document: none (a compilation page)\n")
	} else {
		fmt.Fprintf(&b, "document:\n  title: %q\n  kind: %s\n", d.Title, d.Kind)
		if d.Summit != nil {
			fmt.Fprintf(&b, "  summit: %s\n", d.Summit.ID)
		} else {
			fmt.Fprintf(&b, "  summit: (unattributed)\n  problem: %s\n", d.Problem)
		}
		fmt.Fprintf(&b, "  year: %d\n  line: %d\n  title block: %d lines\n  clues:\n", d.Year, d.Line, len(d.TitleBlock))
		for _, cl := range d.Clues {
			var ids []string
			for _, s := range cl.Summits {
				ids = append(ids, strings.TrimPrefix(s.ID, "summit/"))
			}
			allows := "any summit"
			if cl.Summits != nil {
				allows = "[" + strings.Join(ids, " ") + "]"
			}
			fmt.Fprintf(&b, "    line %d %s %q: %s\n", cl.Line, cl.Kind, cl.Text, allows)
		}
		blocks := func(what string, ts []nlp.TextBlock) {
			fmt.Fprintf(&b, "  %s: %d\n", what, len(ts))
			for _, t := range ts {
				fmt.Fprintf(&b, "    line %d", t.Line)
				if t.Section != "" {
					fmt.Fprintf(&b, " section %q", t.Section)
				}
				if t.Heading != "" {
					fmt.Fprintf(&b, " heading %q", t.Heading)
				}
				fmt.Fprintf(&b, ": %s\n", firstWords(t.Text))
			}
		}
		blocks("preamble", d.Preamble)
		blocks("notes", d.Notes)
	}
	fmt.Fprintf(&b, "nodes: %d documents\n", len(bt.Documents))
	for _, doc := range bt.Documents {
		fmt.Fprintf(&b, "  %s %s %s %q, preamble %d runes\n", doc.ID, doc.DocKind, doc.Language, doc.Title, utf8.RuneCountInString(doc.Preamble))
	}
	fmt.Fprintf(&b, "warnings: %d\n", len(p.Warnings))
	for _, w := range p.Warnings {
		fmt.Fprintf(&b, "  %s\n", w)
	}
	fmt.Fprintf(&b, "paragraphs: %d\n", len(p.Paragraphs))
	for i, m := range p.Paragraphs {
		what := "paragraph"
		if m.Parent >= 0 {
			what = fmt.Sprintf("item of [%d]", m.Parent)
		}
		fmt.Fprintf(&b, "\n[%d] %s, number %q, line %d, language %s\n", i, what, m.Number, m.Line, m.Language)
		if m.Section != "" {
			fmt.Fprintf(&b, "  section: %q\n", m.Section)
		}
		if m.Heading != "" {
			fmt.Fprintf(&b, "  heading: %q\n", m.Heading)
		}
		if m.Citation != "" {
			fmt.Fprintf(&b, "  citation: %q\n", m.Citation)
		}
		mandate := bt.Mandates[i]
		if mandate.Summit == "" {
			fmt.Fprintf(&b, "  summit: (unattributed)\n")
		}
		if len(mandate.Flags) > 0 {
			fmt.Fprintf(&b, "  flags: %s\n", strings.Join(mandate.Flags, ", "))
		}
		fmt.Fprintf(&b, "  text: %s\n", firstWords(m.Text))
	}
	return b.String()
}

// firstWords is the first dozen words of a text, quoted, and its length.
func firstWords(s string) string {
	f := strings.Fields(s)
	short := strings.Join(f[:min(len(f), 12)], " ")
	if len(f) > 12 {
		short += " …"
	}
	return fmt.Sprintf("%q (%d runes, %d lines)", short, utf8.RuneCountInString(s), strings.Count(s, "\n")+1)
}

// TestDocumentGolden compares the parse of every summit document fixture
// with testdata/golden/documents byte for byte.
func TestDocumentGolden(t *testing.T) {
	goldens(t, documentInputs(t), docGoldenDir, documentsDir, func(t *testing.T, in pageInput) string { return renderDocument(process(t, in)) })
}

// numberOf is a paragraph's number as the tests write it: "7*" when
// given by place, "(b)" for an item.
func numberOf(m *nlp.Paragraph) string {
	n := m.Number
	if m.Unnumbered {
		n += "*"
	}
	if m.Parent >= 0 {
		n = "(" + n + ")"
	}
	return n
}

// TestDocuments checks what each fixture is: its summit, kind, language,
// title, and the numbers of its paragraphs (items in parentheses), each
// one attributed to the document's summit.
func TestDocuments(t *testing.T) {
	for _, tc := range []struct {
		file, summit string
		kind         graph.DocumentKind
		lang, title  string
		numbers      string
	}{
		{"en-declaration-port-of-spain.txt", portSpain, graph.DocDeclaration, "en", "Declaration of Commitment of Port of Spain",
			"1 2 3 (a) (b) (c) 4 5 6 7 8 9 10* 11"},
		{"en-commitment-lima.txt", lima, graph.DocCommitment, "en", "LIMA COMMITMENT", "1 2 3 4 5 6"},
		{"en-plan-of-action-santa-cruz.txt", santaCruz, graph.DocPlanOfAction, "en", "PLAN OF ACTION FOR THE SUSTAINABLE DEVELOPMENT OF THE AMERICAS",
			"1 2 3 (a) (b) 4"},
		{"es-mandatos-panama.txt", panama, graph.DocMandatesForAction, "es", "MANDATOS PARA LA ACCIÓN", "1 2 3 1 2 1 2* 3"},
		{"es-declaracion-santa-cruz.txt", santaCruz, graph.DocDeclaration, "es", "DECLARACIÓN DE SANTA CRUZ DE LA SIERRA", "1 2 3* 4 5"},
		{"fr-declaration-quebec.txt", quebec, graph.DocDeclaration, "fr", "Déclaration de Québec", "I.1* I.2* 1 2 3*"},
		{"pt-declaracao-mar-del-plata.txt", marDelPl, graph.DocDeclaration, "pt", "Declaração de Mar del Plata", "1 1.1* 1.2* 2 3 4 5 6"},
		{"en-bad-two-summits.txt", none, graph.DocDeclaration, "en", "Declaration of Santiago", "1 2"},
		{"es-bad-no-summit.txt", none, graph.DocDeclaration, "es", "DECLARACIÓN FINAL", "1 2"},
		{"fr-bad-two-summits.txt", none, graph.DocPlanOfAction, "fr", "Plan d'action", "1 2"},
		{"pt-bad-no-summit.txt", none, graph.DocPlanOfAction, "pt", "Plano de Ação", "1 2"},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			p := parse(t, readDocument(t, tc.file))
			d := p.Document
			if d == nil {
				t.Fatal("read as a compilation page")
			}
			got := none
			if d.Summit != nil {
				got = d.Summit.ID
			}
			if got != tc.summit || d.Kind != tc.kind || p.Language != tc.lang || d.Title != tc.title {
				t.Errorf("summit %q, kind %s, language %s, title %q; want %q, %s, %s, %q (problem: %s)",
					got, d.Kind, p.Language, d.Title, tc.summit, tc.kind, tc.lang, tc.title, d.Problem)
			}
			var numbers []string
			for _, m := range p.Paragraphs {
				numbers = append(numbers, numberOf(m))
				if m.Cite.Summit != d.Summit || m.Citation != "" {
					t.Errorf("line %d: attributed to %v (citation %q), not to the document's summit", m.Line, m.Cite.Summit, m.Citation)
				}
				if m.Language != tc.lang {
					t.Errorf("line %d: language %s, want %s", m.Line, m.Language, tc.lang)
				}
			}
			if g := strings.Join(numbers, " "); g != tc.numbers {
				t.Errorf("numbers %s\nwant    %s", g, tc.numbers)
			}
		})
	}
}

// TestDocumentUnattributed: a title block that names two summits, or none,
// leaves every paragraph without a summit, flagged, with one warning
// naming the file and the title block's line; the batch makes no
// document node and no FROM edge.
func TestDocumentUnattributed(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line       int
		problem    string // in the warning
	}{
		{"two summits in one line", "Declaration of Commitment\nFifth Summit of the Americas, Lima, Peru\n\n1. We commit to act.\n", 1, "name no single summit"},
		{"an ordinal and a date of another summit", "Plan of Action\nSixth Summit of the Americas\nApril 13 and 14, 2018\n\n1. Governments will act.\n2. Governments will report.\n", 1, "name no single summit"},
		{"a place and a catalogued title of another summit", "Declaración de Mar del Plata\nCiudad de Panamá\n\n1. Reafirmamos.\n", 1, "name no single summit"},
		{"no summit at all", "\n\nPlan d'action\n\n1. Les gouvernements agiront.\n", 3, "names no summit"},
		{"a summit, but which", "Declaração\nCúpula das Américas\n\n1. Os governos agirão.\n", 1, "names no summit"},
		{"a country of two summits", "Declaration of Commitments\nSummit of the Americas\nUnited States\n\n1. We act.\n", 1, "several summits"},
		{"en-bad-two-summits.txt", "", 1, "name no single summit"},
		{"es-bad-no-summit.txt", "", 1, "names no summit"},
		{"fr-bad-two-summits.txt", "", 1, "name no single summit"},
		{"pt-bad-no-summit.txt", "", 1, "names no summit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := pageInput{"bad.txt", []byte(tc.text)}
			if tc.text == "" {
				in = readDocument(t, tc.name)
			}
			pr := process(t, in)
			p := pr.Page
			if p.Document == nil {
				t.Fatal("read as a compilation page")
			}
			if p.Document.Summit != nil {
				t.Fatalf("attributed to %s", p.Document.Summit.ID)
			}
			if len(p.Paragraphs) == 0 {
				t.Fatal("no paragraphs kept")
			}
			want := fmt.Sprintf("%s:%d: title block", in.name, tc.line)
			n := 0
			for _, w := range p.Warnings {
				if strings.HasPrefix(w.String(), want) && strings.Contains(w.Message, tc.problem) && strings.Contains(w.Message, "kept without a summit") {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%d warnings %q…%s…; warnings:\n%s", n, want, tc.problem, joinWarnings(p.Warnings))
			}
			for _, m := range pr.Batch.Mandates {
				if m.Summit != "" || m.Document != "" || !m.HasFlag(graph.FlagUnresolved) {
					t.Errorf("%s: summit %q, document %q, flags %v; want none, none, unresolved", m.Label(), m.Summit, m.Document, m.Flags)
				}
			}
			if len(pr.Batch.Documents) != 0 {
				t.Errorf("documents %v; want none", pr.Batch.Documents)
			}
			for _, e := range pr.Batch.Edges {
				if e.Type == graph.From {
					t.Errorf("edge %v", e)
				}
			}
		})
	}
}

// TestDocumentOrCompilation: compilation pages stay compilation pages
// (their mandates end with citations, or they carry the compilation's
// header), summit documents are read as documents, from their structure.
func TestDocumentOrCompilation(t *testing.T) {
	for _, in := range allInputs(t) {
		if p := parse(t, in); p.Document != nil {
			t.Errorf("%s: read as the summit document %q", in.name, p.Document.Title)
		}
	}
	for _, in := range documentInputs(t) {
		if p := parse(t, in); p.Document == nil {
			t.Errorf("%s: read as a compilation page", in.name)
		}
	}
	const cited = "Plan of Action\nThird Summit of the Americas\n\n1. Support the ombudspersons. (Plan of Action Québec, 2001).\n\n2. Support the courts. (Declaration of Santiago, 1998).\n\n3. Report.\n"
	for _, tc := range []struct {
		name, text string
		document   bool
	}{
		{"a title block over cited mandates is a compilation", cited, false},
		{"the compilation's header wins", "Follow-up and Implementation: Mandates\nPlan of Action\nThird Summit of the Americas\n\n1. Support the ombudspersons.\n", false},
		{"no title block", "Some words.\n\n1. Support the ombudspersons.\n", false},
		{"a prose line naming a summit is no title block", "The Third Summit of the Americas was held in Québec City in April 2001 and adopted a long plan of action.\n\n1. Support the ombudspersons.\n", false},
		{"a menu naming summits is no title block", "Home | Summits | Documents\n\n1. Support the ombudspersons.\n", false},
		{"one cited paragraph of three is a document's", "Plan of Action\nThird Summit of the Americas\n\n1. Support the ombudspersons (Plan of Action Québec, 2001).\n\n2. Support the courts.\n\n3. Report.\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := nlp.Parse("x.txt", []byte(tc.text), seedCatalog(t))
			if err != nil {
				t.Fatal(err)
			}
			if (p.Document != nil) != tc.document {
				t.Errorf("document %v, want %v", p.Document != nil, tc.document)
			}
		})
	}
}

// TestDocumentShapes parses small documents of one shape each.
func TestDocumentShapes(t *testing.T) {
	const head = "Declaration of Commitment of Port of Spain\nFifth Summit of the Americas\n\n"
	type para struct{ number, text string }
	for _, tc := range []struct {
		name, body string
		want       []para // numbers ("(b)" for an item, "7*" by place) and texts
	}{
		{"run together after a colon, one", "We agree as follows: 1. Act now.\n", []para{{"1", "Act now."}}},
		{"run together, not after a colon, two or more", "We agree. 1. Act now. 2. Act again.\n", []para{{"1", "Act now."}, {"2", "Act again."}}},
		{"one number in running text is no paragraph", "1. We act. 3. Then we rest.\n", []para{{"1", "We act. 3. Then we rest."}}},
		{"a number after a word is no paragraph", "1. We recall paragraph 2. Of the Charter.\n", []para{{"1", "We recall paragraph 2. Of the Charter."}}},
		{"a footnote marker glued to a word", "1. We support the Charter1. 2. We act.\n", []para{{"1", "We support the Charter1."}, {"2", "We act."}}},
		{"a lone footnote marker and a footnote", "1. We support the Charter.\n¹\n\n2. We act.\n\n1 One delegation reserved its position.\n", []para{{"1", "We support the Charter."}, {"2", "We act."}}},
		{"a lost number between two printed", "1. We act.\n\nWe also act.\n\n3. We rest.\n", []para{{"1", "We act."}, {"2*", "We also act."}, {"3", "We rest."}}},
		{"no room for a lost number: the text is the paragraph's", "1. We act.\n\nThis is so.\n\n2. We rest.\n", []para{{"1", "We act.\n\nThis is so."}, {"2", "We rest."}}},
		{"a page break inside a paragraph", "1. We act for the\n\nPage 2 of 3\n\nbenefit of all.\n", []para{{"1", "We act for the\nbenefit of all."}}},
		{"items under a colon, bullets lost", "1. We will:\n\npromote trade;\n\nreport on it.\n\n2. We rest.\n", []para{{"1", "We will:"}, {"(1*)", "promote trade;"}, {"(2*)", "report on it."}, {"2", "We rest."}}},
		{"lettered items, the third after \"and\"", "1. We will:\na) promote trade;\nb) invest; and\nc) report.\n", []para{{"1", "We will:"}, {"(a)", "promote trade;"}, {"(b)", "invest; and"}, {"(c)", "report."}}},
		{"a lettered line after a word asking for one goes on", "1. We recall paragraph\nb) of Article 3.\n", []para{{"1", "We recall paragraph\nb) of Article 3."}}},
		{"a table of contents", "Table of Contents\nI. Democracy\nII. Prosperity\n\nI. Democracy\n\n1. We act.\n", []para{{"1", "We act."}}},
		{"numbered short titles in a row", "1. Democracy\n2. Prosperity\n3. Security\n\n1. We act.\n", []para{{"1", "We act."}}},
		{"an initiative: its title, its text, its items", "1. Strengthening Democracy\n\nDemocracy is the priority.\n\nGovernments will:\n\nRatify the protocols.\n\n- Report on them.\n\n2. Human Rights\n\n- Ratify the Convention.\n", []para{
			{"1", "Strengthening Democracy\n\nDemocracy is the priority.\n\nGovernments will:"}, {"(1*)", "Ratify the protocols."}, {"(2*)", "Report on them."}, {"2", "Human Rights"}, {"(1*)", "Ratify the Convention."}}},
		{"a numbered chapter in capitals numbers the text under it", "1. MAKING DEMOCRACY WORK BETTER\n\nElectoral Processes\n\nShare best practices;\n\nImprove registries.\n", []para{{"1", "MAKING DEMOCRACY WORK BETTER"}, {"1.1*", "Share best practices;"}, {"1.2*", "Improve registries."}}},
		{"no numbers at all", "We, the Heads of State, meet.\n\nWe act.\n\nWe rest.\n", []para{{"1*", "We act."}, {"2*", "We rest."}}},
		{"a running header", "1. We act.\n\nDeclaration of Commitment of Port of Spain\n\n2. We rest.\n", []para{{"1", "We act."}, {"2", "We rest."}}},
		{"site furniture", "english español français português\nHome | Documents | Contact\n\n1. We act.\n\nVous êtes sur la page 2sur 9\n\n- 3 -\n\nwww.summit-americas.org\n\n2. We rest.\n\nPrint\nBack to top\n", []para{{"1", "We act."}, {"2", "We rest."}}},
		{"a number on a line of its own", "1.\n\nWe act.\n\n2.\nWe rest.\n", []para{{"1", "We act."}, {"2", "We rest."}}},
		{"numbers in parentheses", "1) We act.\n\n(2) We rest.\n", []para{{"1", "We act."}, {"2", "We rest."}}},
		{"a document's symbol and distribution", "OEA/Ser.E\nCA-V/DEC.1/09\nOriginal: English\n\n1. We act.\n", []para{{"1", "We act."}}},
		{"damaged accents kept", "1. Reafirmamos la Declaraci\ufffdn.\n", []para{{"1", "Reafirmamos la Declaraci\ufffdn."}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := nlp.Parse("shape.txt", []byte(head+tc.body), seedCatalog(t))
			if err != nil {
				t.Fatal(err)
			}
			if p.Document == nil || p.Document.Summit == nil {
				t.Fatalf("document %+v", p.Document)
			}
			var got []para
			for _, m := range p.Paragraphs {
				got = append(got, para{numberOf(m), m.Text})
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("paragraphs %q\nwant       %q", got, tc.want)
			}
		})
	}
}

// TestDocumentPreamble: preambular text is the document's, not
// paragraphs; a section's lead-in too.
func TestDocumentPreamble(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		preamble   []string
		paragraphs int
	}{
		{"before the first paragraph", "Declaración de Santa Cruz de la Sierra\n\nNosotros, los Jefes de Estado y de Gobierno, reunidos,\n\nCONSIDERANDO:\n\nQue el desarrollo exige cooperación;\n\n1. Reafirmamos.\n",
			[]string{"Nosotros, los Jefes de Estado y de Gobierno, reunidos,", "CONSIDERANDO:", "Que el desarrollo exige cooperación;"}, 1},
		{"a preamble cut by a page break", "Déclaration de Québec\n\nLes chefs d'État et de gouvernement, réunis à\n\n\nQuébec, déclarent:\n\n1. Nous agirons.\n",
			[]string{"Les chefs d'État et de gouvernement, réunis à\nQuébec, déclarent:"}, 1},
		{"a section's own", "Plano de Ação de Quebec\nTerceira Cúpula das Américas\n\n1. FAZER A DEMOCRACIA FUNCIONAR\n\nReconhecendo que a democracia importa:\n\nOs governos:\n\nCompartilhar práticas.\n",
			[]string{"Reconhecendo que a democracia importa:", "Os governos:"}, 2},
		{"before paragraphs run together", "Mandatos para la Acción\nVII Cumbre de las Américas\n\nEDUCACIÓN\n\nNos comprometemos a: 1. Encomendar a la OEA. 2. Fortalecer la evaluación.\n",
			[]string{"Nos comprometemos a:"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pr := process(t, pageInput{"pre.txt", []byte(tc.text)})
			p := pr.Page
			if p.Document == nil || p.Document.Summit == nil {
				t.Fatalf("document %+v", p.Document)
			}
			var got []string
			for _, b := range p.Document.Preamble {
				got = append(got, b.Text)
			}
			if !slices.Equal(got, tc.preamble) || len(p.Paragraphs) != tc.paragraphs {
				t.Errorf("preamble %q, %d paragraphs\nwant     %q, %d", got, len(p.Paragraphs), tc.preamble, tc.paragraphs)
			}
			if doc := pr.Batch.Documents[0]; doc.Preamble != strings.Join(tc.preamble, "\n\n") {
				t.Errorf("the node's preamble %q", doc.Preamble)
			}
		})
	}
}

// TestDocumentHeadings: section and sub-section headings in force on each
// paragraph, a heading split over two blocks joined.
func TestDocumentHeadings(t *testing.T) {
	p := parse(t, readDocument(t, "fr-declaration-quebec.txt"))
	if h := p.Paragraphs[0].Heading; h != "I. RENFORCER LA DÉMOCRATIE ET LA PRIMAUTÉ DU DROIT DANS LES AMÉRIQUES" {
		t.Errorf("the heading split over two blocks: %q", h)
	}
	p = parse(t, readDocument(t, "pt-declaracao-mar-del-plata.txt"))
	if m := p.Paragraphs[1]; m.Section != "1. CRIAR TRABALHO PARA ENFRENTAR A POBREZA" || m.Heading != "Emprego e Formação Profissional" {
		t.Errorf("section %q, heading %q", m.Section, m.Heading)
	}
	p = parse(t, readDocument(t, "en-plan-of-action-santa-cruz.txt"))
	if m := p.Paragraphs[0]; m.Section != "II. INITIATIVES FOR ACTION" || m.Heading != "II.1 Health and Education" {
		t.Errorf("section %q, heading %q", m.Section, m.Heading)
	}
	if m := p.Paragraphs[len(p.Paragraphs)-1]; m.Heading != "III. INSTITUTIONAL AND FINANCIAL ARRANGEMENTS AND FOLLOW-UP" || m.Section != "" {
		t.Errorf("section %q, heading %q", m.Section, m.Heading)
	}
}

// TestDocumentIDs: English ids are DocumentID's, as before languages;
// other languages end in the language, on the id of the document in any
// language.
func TestDocumentIDs(t *testing.T) {
	c := seedCatalog(t)
	s := c.Summit(santiago)
	for _, tc := range []struct{ title, lang, want string }{
		{"Declaration of Santiago", "en", "document/1998-santiago/declaration"},
		{"Declaration of Santiago", "", "document/1998-santiago/declaration"},
		{"Declaración de Santiago", "es", "document/1998-santiago/declaration/es"},
		{"Déclaration de Santiago", "fr", "document/1998-santiago/declaration/fr"},
		{"Declaração de Santiago", "pt", "document/1998-santiago/declaration/pt"},
		{"Plan de Acción de Santiago", "es", "document/1998-santiago/plan-of-action/es"},
		{"Plan of Action", "en", "document/1998-santiago/plan-of-action"},
	} {
		if got := c.DocumentIDIn(s, tc.title, tc.lang); got != tc.want {
			t.Errorf("DocumentIDIn(%q, %q) = %q, want %q", tc.title, tc.lang, got, tc.want)
		}
		if tc.lang == "en" && c.DocumentIDIn(s, tc.title, tc.lang) != nlp.DocumentID(s, tc.title) {
			t.Errorf("%q: the English id is not DocumentID's", tc.title)
		}
	}
}

// TestBuildDocument: a summit document's batch holds its document node
// (kind, language, preamble) and its paragraphs in order, each FROM it,
// with number, headings, language and flags.
func TestBuildDocument(t *testing.T) {
	for _, tc := range []struct {
		file, id string
		kind     graph.DocumentKind
		lang     string
	}{
		{"en-declaration-port-of-spain.txt", "document/2009-port-of-spain/declaration-of-commitment", graph.DocDeclaration, "en"},
		{"en-plan-of-action-santa-cruz.txt", "document/1996-santa-cruz-de-la-sierra/plan-of-action", graph.DocPlanOfAction, "en"},
		{"es-mandatos-panama.txt", "document/2015-panama-city/mandates-for-action/es", graph.DocMandatesForAction, "es"},
		{"fr-declaration-quebec.txt", "document/2001-quebec-city/declaration/fr", graph.DocDeclaration, "fr"},
		{"pt-declaracao-mar-del-plata.txt", "document/2005-mar-del-plata/declaration/pt", graph.DocDeclaration, "pt"},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			pr := process(t, readDocument(t, tc.file))
			b, p := pr.Batch, pr.Page
			if len(b.Documents) == 0 {
				t.Fatal("no document")
			}
			d := b.Documents[0]
			if d.ID != tc.id || d.DocKind != tc.kind || d.Language != tc.lang || d.Summit != p.Document.Summit.ID || d.Title != p.Document.Title {
				t.Errorf("document %+v; want %s %s %s", d, tc.id, tc.kind, tc.lang)
			}
			if len(p.Document.Preamble) > 0 && !strings.HasPrefix(d.Preamble, p.Document.Preamble[0].Text) {
				t.Errorf("preamble %q", d.Preamble)
			}
			from := map[string]string{}
			for _, e := range b.Edges {
				if e.Type == graph.From {
					from[e.From] = e.To
				}
			}
			seen := map[string]bool{}
			for i, m := range b.Mandates {
				para := p.Paragraphs[i]
				if m.Document != tc.id || from[m.ID] != tc.id || m.Summit != d.Summit || m.Language != tc.lang {
					t.Errorf("%s: document %q (FROM %q), summit %q, language %q", m.Label(), m.Document, from[m.ID], m.Summit, m.Language)
				}
				src := m.Source()
				if m.Number != para.Number || src.Seq != i || src.Line != para.Line || src.Heading != para.Heading || src.Section != para.Section {
					t.Errorf("%s: number %q, source %+v", m.Label(), m.Number, src)
				}
				if m.HasFlag(graph.FlagUnnumbered) != para.Unnumbered || m.HasFlag(graph.FlagHeading) != para.Title || m.HasFlag(graph.FlagUncited) || m.HasFlag(graph.FlagUnresolved) {
					t.Errorf("%s: flags %v", m.Label(), m.Flags)
				}
				if seen[m.ID] {
					t.Errorf("%s: id %s twice", m.Label(), m.ID)
				}
				seen[m.ID] = true
			}
		})
	}
}

// TestBuildCitationLanguage: a compiled mandate comes FROM the version of
// the document in its own language; English ones keep their ids, and a
// mandate's id does not depend on its document's language.
func TestBuildCitationLanguage(t *testing.T) {
	c := seedCatalog(t)
	for _, in := range []pageInput{readSeed(t), readFixture(t, "spanish-lettered.txt")} {
		pr := process(t, in)
		docs := map[string]*graph.Document{}
		for _, d := range pr.Batch.Documents {
			docs[d.ID] = d
		}
		for i, para := range pr.Page.Paragraphs {
			m := pr.Batch.Mandates[i]
			if m.Language != para.Language {
				t.Errorf("%s:%d: language %q, paragraph's %q", in.name, para.Line, m.Language, para.Language)
			}
			s := para.Cite.Summit
			if s == nil || para.Cite.Title == "" {
				continue
			}
			want := nlp.DocumentID(s, para.Cite.Title)
			if para.Language != "en" {
				want = c.DocumentID(s, para.Cite.Title) + "/" + para.Language
			}
			if m.Document != want {
				t.Errorf("%s:%d: document %q, want %q", in.name, para.Line, m.Document, want)
			}
			if d := docs[m.Document]; d == nil || d.Language != para.Language || d.DocKind != graph.DocumentKind(nlp.DocumentKind(para.Cite.Title)) {
				t.Errorf("%s:%d: document node %+v", in.name, para.Line, d)
			}
			parent := ""
			if para.Parent >= 0 {
				parent = pr.Batch.Mandates[para.Parent].ID
			}
			if id := nlp.MandateID(s, nlp.DocumentID(s, para.Cite.Title), parent, m.Number, m.Text, 0); m.ID != id {
				t.Errorf("%s:%d: id %s, want %s as before documents had languages", in.name, para.Line, m.ID, id)
			}
		}
	}
}

// TestDocumentLineEndings: CRLF line endings and a BOM change nothing.
func TestDocumentLineEndings(t *testing.T) {
	for _, in := range documentInputs(t) {
		want := renderDocument(process(t, in))
		for _, v := range []struct {
			name string
			data []byte
		}{
			{"CRLF", bytes.ReplaceAll(in.data, []byte("\n"), []byte("\r\n"))},
			{"BOM", append([]byte("\ufeff"), in.data...)},
		} {
			t.Run(strings.TrimSuffix(in.name, ".txt")+"/"+v.name, func(t *testing.T) {
				if got := renderDocument(process(t, pageInput{in.name, v.data})); got != want {
					t.Errorf("differs from the LF parse:\n%s", firstDiff(want, got))
				}
			})
		}
	}
}

// TestDocumentSamples parses the shared sample documents when they are
// present: each attributed to its summit, in its language, with the
// numbered paragraphs its text prints.
func TestDocumentSamples(t *testing.T) {
	known := map[string]struct {
		summit, lang, numbers string
	}{
		"santiago_1998_declaration-sirg_draft_es.txt":    {santiago, "es", "1 2"},
		"mar_del_plata_2005_declaration-extracts_en.txt": {marDelPl, "en", "11 14 67"},
		"miami_1994_plan_of_action_fr.txt":               {miami, "fr", "1 (1*)"},
		"quebec_2001_plan_of_action_pt.txt":              {quebec, "pt", "1 1.1* 1.2*"},
	}
	eachSample(t, "documents", func(t *testing.T, in pageInput) {
		name := in.name
		p := parse(t, in)
		if p.Document == nil || p.Document.Summit == nil {
			t.Fatalf("document %+v, warnings:\n%s", p.Document, joinWarnings(p.Warnings))
		}
		want, ok := known[name]
		if !ok {
			return
		}
		var numbers []string
		for _, m := range p.Paragraphs {
			numbers = append(numbers, numberOf(m))
		}
		if p.Document.Summit.ID != want.summit || p.Language != want.lang || strings.Join(numbers, " ") != want.numbers {
			t.Errorf("summit %s, language %s, numbers %v; want %s, %s, %s", p.Document.Summit.ID, p.Language, numbers, want.summit, want.lang, want.numbers)
		}
	})
}

// TestDump prints the parse of the file SUMMITGRAPH_DUMP names.
func TestDump(t *testing.T) {
	path := os.Getenv("SUMMITGRAPH_DUMP")
	if path == "" {
		t.Skip("SUMMITGRAPH_DUMP names no file")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + renderDocument(process(t, pageInput{filepath.Base(path), data})))
}

// syntheticDocument is a summit document of about n paragraphs in the
// shapes real copies have: a title block, a preamble, sections with
// headings, numbered paragraphs, lettered items, paragraphs run together
// in one line, a lost number, page furniture and a footnote in every
// section.
func syntheticDocument(n int) []byte {
	var b strings.Builder
	b.WriteString("Home | Summits | Documents\n\nDeclaration of Commitment of Port of Spain\nFifth Summit of the Americas\nPort of Spain, Trinidad and Tobago\nApril 19, 2009\n\n")
	b.WriteString("We, the Heads of State and Government of the Americas, meeting in Port of Spain, commit to the following.\n\n")
	num := 0
	for s := 1; num < n; s++ {
		fmt.Fprintf(&b, "%s. SECTION NUMBER %d OF THE DECLARATION\n\n", romanNumeral(s%20+1), s)
		num++
		fmt.Fprintf(&b, "%d. We commit to strengthen the institutions of the Hemisphere with the support of the Organization of American States (OAS), in accordance with national legislation.\n\n", num)
		num++
		fmt.Fprintf(&b, "%d. To that end, we will:\na) promote the exchange of good practices among our countries;\nb) improve the statistics on which social policy rests; and\nc) report on progress at the next Summit.\n\n", num)
		fmt.Fprintf(&b, "We agree to the following actions: %d. Strengthen the electoral bodies of the region. %d. Promote the participation of civil society.\n\nPage %d of 99\n\n", num+1, num+2, s)
		num += 2
		b.WriteString("We further undertake to review these measures every two years with the participation of the private sector.\n\n")
		num += 2
		fmt.Fprintf(&b, "%d. We instruct our ministers to present a report on the actions taken under this section before the\n\nnext ministerial meeting of the Inter-American Development Bank.\n\n", num)
		b.WriteString("1 One delegation reserved its position on this section.\n\n")
	}
	return []byte(b.String())
}

func romanNumeral(n int) string {
	return [...]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"}[n]
}

// BenchmarkParseDocument parses summit documents of 100 and 10,000
// paragraphs; paragraphs/s stays the same at both sizes when parsing is
// linear in the size of the input.
func BenchmarkParseDocument(b *testing.B) {
	c := seedCatalog(b)
	for _, n := range []int{100, 10000} {
		data := syntheticDocument(n)
		p, err := nlp.Parse("synthetic.txt", data, c)
		if err != nil || p.Document == nil || p.Document.Summit == nil {
			b.Fatalf("synthetic document: %v, %+v", err, p)
		}
		paras := len(p.Paragraphs)
		b.Run(fmt.Sprintf("paragraphs=%d", paras), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			iters := 0
			for b.Loop() {
				if _, err := nlp.Parse("synthetic.txt", data, c); err != nil {
					b.Fatal(err)
				}
				iters++
			}
			b.ReportMetric(float64(iters*paras)/b.Elapsed().Seconds(), "paragraphs/s")
		})
	}
}

// BenchmarkParseDocumentFixtures parses every summit document fixture.
func BenchmarkParseDocumentFixtures(b *testing.B) {
	c := seedCatalog(b)
	in := documentInputs(b)
	paras := 0
	for _, x := range in {
		p, _ := nlp.Parse(x.name, x.data, c)
		paras += len(p.Paragraphs)
	}
	b.ReportAllocs()
	iters := 0
	for b.Loop() {
		for _, x := range in {
			if _, err := nlp.Parse(x.name, x.data, c); err != nil {
				b.Fatal(err)
			}
		}
		iters++
	}
	b.ReportMetric(float64(iters*paras)/b.Elapsed().Seconds(), "paragraphs/s")
}

package nlp_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"summitgraph/nlp"
)

// TestNumberingAndCitationForms parses one-mandate pages built in the test:
// the forms of numbers and trailing citations, whatever page they are on.
func TestNumberingAndCitationForms(t *testing.T) {
	for _, tc := range []struct {
		name     string
		line     string
		number   string
		text     string
		citation string
		summit   string
	}{
		{"1.", "  1. Promote dialogue. (Plan of Action Québec, 2001).", "1", "Promote dialogue.", "Plan of Action Québec, 2001", quebec},
		{"12. without indent", "12. Promote dialogue. (Plan of Action Québec, 2001).", "12", "Promote dialogue.", "Plan of Action Québec, 2001", quebec},
		{"5.6", "  5.6 Promote dialogue. (Plan of Action Miami, 1994).", "5.6", "Promote dialogue.", "Plan of Action Miami, 1994", miami},
		{"bulleted 1.1", "  • 1.1 Promote dialogue. (Plan of Action Miami, 1994).", "1.1", "Promote dialogue.", "Plan of Action Miami, 1994", miami},
		{"21.1.", "  21.1. Promote dialogue. (Plan of Action Miami, 1994).", "21.1", "Promote dialogue.", "Plan of Action Miami, 1994", miami},
		{"bulleted Initiative 61.", "  • Initiative 61. Promote dialogue. (Plan of Action Santa Cruz de la Sierra, 1996).", "Initiative 61", "Promote dialogue.", "Plan of Action Santa Cruz de la Sierra, 1996", santaCruz},
		{"Iniciativa 3", "  Iniciativa 3. Promover el diálogo. (Plan de Acción de Santa Cruz de la Sierra, 1996).", "Iniciativa 3", "Promover el diálogo.", "Plan de Acción de Santa Cruz de la Sierra, 1996", santaCruz},
		{"dash bullet", "  - 2 Promote dialogue. (Declaration of Santiago, 1998).", "2", "Promote dialogue.", "Declaration of Santiago, 1998", santiago},
		{"no final period", "  1. Promote dialogue. (Lima Commitment. Peru, 2018)", "1", "Promote dialogue.", "Lima Commitment. Peru, 2018", lima},
		{"no space before parenthesis", "  1. Promote dialogue.(Lima Commitment. Peru, 2018).", "1", "Promote dialogue.", "Lima Commitment. Peru, 2018", lima},
		{"no punctuation before citation", "  1. Promote dialogue (Declaration of Nuevo León, 2004).", "1", "Promote dialogue", "Declaration of Nuevo León, 2004", monterrey},
		{"semicolon before citation", "  1. Promote dialogue; (Plan of Action Québec, 2001)", "1", "Promote dialogue;", "Plan of Action Québec, 2001", quebec},
		{"no-break space before citation", "  1. Promote dialogue.\u00a0(Plan of Action Québec, 2001).", "1", "Promote dialogue.", "Plan of Action Québec, 2001", quebec},
		{"trailing spaces", "  1. Promote dialogue. (Plan of Action Québec, 2001).  \u00a0", "1", "Promote dialogue.", "Plan of Action Québec, 2001", quebec},
		{"Initiatives VII Summit", "  1. Promote dialogue. (Citizen Participation, Initiatives VII Summit of the Americas, Panama City, 2015).", "1", "Promote dialogue.", "Citizen Participation, Initiatives VII Summit of the Americas, Panama City, 2015", panama},
		{"Spanish citation", "  1. Promover el diálogo. (Nuestro Futuro Sostenible y Verde, IX Cumbre de las Américas, Los Ángeles, 2022).", "1", "Promover el diálogo.", "Nuestro Futuro Sostenible y Verde, IX Cumbre de las Américas, Los Ángeles, 2022", losAng},
		{"citation without year naming a summit", "  1. Promote dialogue. (Lima Commitment).", "1", "Promote dialogue.", "Lima Commitment", lima},
		{"nested parenthesis in citation", "  1. Promote dialogue. (Plan of Action (Québec), 2001).", "1", "Promote dialogue.", "Plan of Action (Québec), 2001", quebec},
		{"acronym is no citation", "  1. Support the Unit for the Promotion of Democracy (UPD).", "1", "Support the Unit for the Promotion of Democracy (UPD).", "", none},
		{"year-led phrase is no citation", "  1. Align plans with the Sustainable Development Goals (2030 Agenda).", "1", "Align plans with the Sustainable Development Goals (2030 Agenda).", "", none},
		{"a bare year is no citation", "  1. Apply the International Health Regulations (2005).", "1", "Apply the International Health Regulations (2005).", "", none},
		{"unbalanced parenthesis", "  1. Promote dialogue) (Plan of Action Québec, 2001", "1", "Promote dialogue) (Plan of Action Québec, 2001", "", none},
		{"cut inside a citation", "  1. Promote dialogue. (Plan of Action Qué", "1", "Promote dialogue. (Plan of Action Qué", "", none},
		{"acronym then citation", "  1. Support the MDBs (MDBs). (Plan of Action Québec, 2001).", "1", "Support the MDBs (MDBs).", "Plan of Action Québec, 2001", quebec},
		{"unnumbered paragraph", "Promote dialogue. (Plan of Action Québec, 2001).", "", "Promote dialogue.", "Plan of Action Québec, 2001", quebec},
		{"a wrapped line starting with a number goes on", "  1. Implement Article\n     17.1 of the Charter and Resolution\n     no. 1080 of the OAS. (Plan of Action Santiago, 1998).", "1", "Implement Article\n17.1 of the Charter and Resolution\nno. 1080 of the OAS.", "Plan of Action Santiago, 1998", santiago},
		{"a wrapped line after a word asking for a number", "  1. Apply resolution\n     5. Of the Charter. (Plan of Action Santiago, 1998).", "1", "Apply resolution\n5. Of the Charter.", "Plan of Action Santiago, 1998", santiago},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte("  1. Opening mandate. (Plan of Action Miami, 1994).\n\n" + tc.line + "\n")
			p, err := nlp.Parse("forms.txt", data, seedCatalog(t))
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Paragraphs) != 2 {
				t.Fatalf("%d paragraphs, want 2", len(p.Paragraphs))
			}
			m := p.Paragraphs[1]
			if m.Number != tc.number || m.Text != tc.text || m.Citation != tc.citation || summitID(m) != tc.summit || m.Parent != -1 || m.Line != 3 {
				t.Errorf("got number %q, text %q, citation %q, summit %q, parent %d, line %d\nwant number %q, text %q, citation %q, summit %q, parent -1, line 3",
					m.Number, m.Text, m.Citation, summitID(m), m.Parent, m.Line, tc.number, tc.text, tc.citation, tc.summit)
			}
		})
	}
}

// TestItemForms builds groups in the test: lettered and indented items
// belong to the mandate above them, and only the last item's citation
// speaks for the group.
func TestItemForms(t *testing.T) {
	const cit = "(Plan of Action Québec, 2001)."
	for _, tc := range []struct {
		name    string
		page    string
		numbers []string
		parents []int
		summits []string
	}{
		{"bulleted letters", "  1. Act as follows:\n\n    • a. first;\n\n    • b. second. " + cit,
			[]string{"1", "a", "b"}, []int{-1, 0, 0}, []string{quebec, quebec, quebec}},
		{"letters with parenthesis", "  1. Act as follows:\n  a) first;\n  (b) second. " + cit,
			[]string{"1", "a", "b"}, []int{-1, 0, 0}, []string{quebec, quebec, quebec}},
		{"roman numerals", "  1. Act as follows:\n    i. first;\n    ii. second. " + cit,
			[]string{"1", "i", "ii"}, []int{-1, 0, 0}, []string{quebec, quebec, quebec}},
		{"indented numbers", "  1. Act as follows:\n\n      1. first;\n      2. second. " + cit + "\n\n  2. Next. " + cit,
			[]string{"1", "1", "2", "2"}, []int{-1, 0, 0, -1}, []string{quebec, quebec, quebec, quebec}},
		{"a list without a colon still opens items", "  1. Act as follows\n  a) First;\n  b) Second. " + cit,
			[]string{"1", "a", "b"}, []int{-1, 0, 0}, []string{quebec, quebec, quebec}},
		{"same indent is a new mandate", "  1. First. " + cit + "\n  2. Second. " + cit,
			[]string{"1", "2"}, []int{-1, -1}, []string{quebec, quebec}},
		{"group whose last item has no citation", "  1. Act as follows:\n\n    • a. first; " + cit + "\n\n    • b. second;\n\n  1. Next. (Declaration of Santiago, 1998).",
			[]string{"1", "a", "b", "1"}, []int{-1, 0, 0, -1}, []string{none, quebec, none, santiago}},
		{"a lettered line before any mandate is skipped", "a. Stray line.\n\n  1. First. " + cit,
			[]string{"1"}, []int{-1}, []string{quebec}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := nlp.Parse("items.txt", []byte(tc.page), seedCatalog(t))
			if err != nil {
				t.Fatal(err)
			}
			var numbers, summits []string
			var parents []int
			for _, m := range p.Paragraphs {
				numbers = append(numbers, m.Number)
				parents = append(parents, m.Parent)
				summits = append(summits, summitID(m))
			}
			if fmt.Sprint(numbers) != fmt.Sprint(tc.numbers) || fmt.Sprint(parents) != fmt.Sprint(tc.parents) || fmt.Sprintf("%q", summits) != fmt.Sprintf("%q", tc.summits) {
				t.Errorf("numbers %v, parents %v, summits %q\nwant    %v, parents %v, summits %q", numbers, parents, summits, tc.numbers, tc.parents, tc.summits)
			}
		})
	}
}

// TestLineEndings parses every page as it is, with CRLF line endings and
// with a BOM: the paragraphs must be the same.
func TestLineEndings(t *testing.T) {
	crlf := readFixture(t, "crlf-bom.txt")
	if !bytes.HasPrefix(crlf.data, []byte("\ufeff")) || bytes.Count(crlf.data, []byte("\r\n")) < 10 {
		t.Fatal("crlf-bom.txt lost its BOM or its CRLF line endings (check testdata/.gitattributes)")
	}
	for _, in := range allInputs(t) {
		lf := bytes.ReplaceAll(bytes.TrimPrefix(in.data, []byte("\ufeff")), []byte("\r\n"), []byte("\n"))
		want := paragraphs(parse(t, pageInput{in.name, lf}))
		for _, v := range []struct {
			name string
			data []byte
		}{
			{"CRLF", bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))},
			{"BOM", append([]byte("\ufeff"), lf...)},
			{"BOM+CRLF+final newline", append(append([]byte("\ufeff"), bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))...), "\r\n"...)},
		} {
			t.Run(strings.TrimSuffix(in.name, ".txt")+"/"+v.name, func(t *testing.T) {
				if got := paragraphs(parse(t, pageInput{in.name, v.data})); got != want {
					t.Errorf("differs from the LF parse:\n%s", firstDiff(want, got))
				}
			})
		}
	}
}

func paragraphs(p *nlp.Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "heading %q\n", p.Heading)
	for _, m := range p.Paragraphs {
		fmt.Fprintf(&b, "%d %q %d %q %q %s %v\n", m.Line, m.Number, m.Parent, m.Text, m.Citation, summitID(m), m.Truncated)
	}
	return b.String()
}

// TestPageBreak builds pages cut by page furniture: text after the break
// goes on with a paragraph that stopped mid-sentence without a citation,
// once; anything else after a break is a paragraph of its own.
func TestPageBreak(t *testing.T) {
	const furniture = "\n\n\u00a0\n© 2024 Organization of American States\n\n4\nOrganization of American States Summits of the Americas\nFollow-up and Implementation: Mandates\n\n"
	for _, tc := range []struct {
		name  string
		page  string
		texts []string
	}{
		{"continues a cut sentence", "  1. Support the work of" + furniture + "the ombudspersons. (Plan of Action Québec, 2001).",
			[]string{"Support the work of\nthe ombudspersons."}},
		{"continues before a capital", "  1. Support the work of the" + furniture + "Inter-American Commission. (Plan of Action Québec, 2001).",
			[]string{"Support the work of the\nInter-American Commission."}},
		{"not after a citation", "  1. Support. (Plan of Action Québec, 2001)." + furniture + "the rest. (Plan of Action Québec, 2001).",
			[]string{"Support.", "the rest."}},
		{"not after a full stop", "  1. Support the work." + furniture + "Another paragraph.",
			[]string{"Support the work.", "Another paragraph."}},
		{"not after a colon", "  1. Support the following:" + furniture + "the rest.",
			[]string{"Support the following:", "the rest."}},
		{"not without furniture", "  1. Support the work of\n\nthe rest.",
			[]string{"Support the work of", "the rest."}},
		{"not across a new heading", "  1. Support the work of" + furniture + "DEMOCRACY: Other\n\nthe rest.",
			[]string{"Support the work of", "the rest."}},
		{"across the same heading", "DEMOCRACY: Same\n\n  1. Support the work of" + furniture + "DEMOCRACY: Same\n\nthe rest.",
			[]string{"Support the work of\nthe rest."}},
		{"once per paragraph", "  1. Support the work of" + furniture + "the national" + furniture + "institutions.",
			[]string{"Support the work of\nthe national", "institutions."}},
		{"a number after the break is a new mandate", "  1. Support the work of" + furniture + "  2. Another. (Plan of Action Québec, 2001).",
			[]string{"Support the work of", "Another."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := nlp.Parse("break.txt", []byte(tc.page), seedCatalog(t))
			if err != nil {
				t.Fatal(err)
			}
			var texts []string
			for _, m := range p.Paragraphs {
				texts = append(texts, m.Text)
			}
			if fmt.Sprintf("%q", texts) != fmt.Sprintf("%q", tc.texts) {
				t.Errorf("paragraphs %q\nwant       %q", texts, tc.texts)
			}
		})
	}
}

// BenchmarkParseSeed parses the seed page.
func BenchmarkParseSeed(b *testing.B) {
	in, c := readSeed(b), seedCatalog(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in.data)))
	for b.Loop() {
		if _, err := nlp.Parse(in.name, in.data, c); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBadInput: binary data and invalid UTF-8 are errors naming file, line
// and byte.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name       string
		data       []byte
		line, byte int
		msg        string
	}{
		{"NUL on line 1", []byte("Organization\x00 of American States"), 1, 12, "binary"},
		{"NUL on line 3", []byte("a\nb\n  1. text\x00"), 3, 13, "binary"},
		{"UTF-16 file", []byte{0xff, 0xfe, '1', 0, '.', 0}, 1, 3, "binary"},
		{"Latin-1 é on line 2", []byte("  1. Plan\n  2. Plan of Action Qu\xe9bec, 2001\n"), 2, 32, "UTF-8"},
		{"lone continuation byte", []byte("\x80"), 1, 0, "UTF-8"},
		{"cut multi-byte sequence at the end", []byte("  1. caf\xc3"), 1, 8, "UTF-8"},
		{"overlong encoding", []byte("x\n\n\xc0\xaf"), 3, 3, "UTF-8"},
		{"surrogate half", []byte("  1. \xed\xa0\x80"), 1, 5, "UTF-8"},
		{"BOM then invalid", []byte("\ufeff\xff"), 1, 3, "UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := nlp.Parse("bad.txt", tc.data, seedCatalog(t))
			if p != nil {
				t.Errorf("returned a page with %d paragraphs; want none", len(p.Paragraphs))
			}
			var ie *nlp.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T), want *nlp.InputError", err, err)
			}
			if ie.File != "bad.txt" || ie.Line != tc.line || ie.Byte != tc.byte {
				t.Errorf("file %q line %d byte %d; want bad.txt line %d byte %d", ie.File, ie.Line, ie.Byte, tc.line, tc.byte)
			}
			wantPrefix := fmt.Sprintf("bad.txt:%d (byte %d): ", tc.line, tc.byte)
			if s := err.Error(); !strings.HasPrefix(s, wantPrefix) || !strings.Contains(s, tc.msg) {
				t.Errorf("message %q; want it to start with %q and mention %s", s, wantPrefix, tc.msg)
			}
		})
	}
}

// TestEmptyInput: an empty page, or one without mandates, is a warning.
func TestEmptyInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		data  string
		extra int // warnings besides "no mandates found"
	}{
		{"empty", "", 0},
		{"new lines", "\n\n\r\n", 0},
		{"no-break spaces", "\u00a0 \u00a0\n\u00a0\n\t\n", 0},
		{"BOM only", "\ufeff", 0},
		{"furniture only", "Organization of American States Summits of the Americas\nFollow-up and Implementation: Mandates\n\n3\nMANDATES\n____________\n© 2024 OAS\n", 0},
		{"heading only", "DEMOCRACY: Good Governance\nMANDATES\n", 0},
		{"prose without numbers", "Some words.\n\nMore words.\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := nlp.Parse("empty.txt", []byte(tc.data), seedCatalog(t))
			if err != nil {
				t.Fatalf("error %v; want a page with a warning", err)
			}
			if len(p.Paragraphs) != 0 {
				t.Errorf("%d paragraphs, want none", len(p.Paragraphs))
			}
			if len(p.Warnings) != 1+tc.extra {
				t.Fatalf("warnings %v; want %d", p.Warnings, 1+tc.extra)
			}
			last := p.Warnings[len(p.Warnings)-1]
			if last.File != "empty.txt" || last.String() != "empty.txt: no mandates found" {
				t.Errorf("warning %q, want %q", last.String(), "empty.txt: no mandates found")
			}
		})
	}
}

// TestSamples parses the shared sample pages when they are present: every
// item with a citation is attributed to the summit it names, and the last
// item, cut off, to none, with a warning at its line.
func TestSamples(t *testing.T) {
	// Expected summits by line, for the samples known when this was
	// written; other files get the generic checks only.
	known := map[string]map[int]string{
		"dem_eng.txt":           {11: lima, 13: lima, 15: lima, 17: lima, 19: lima, 21: none},
		"energy_imp_access.txt": {6: portSpain, 8: santiago, 10: santaCruz, 12: miami, 14: none},
		"env_protection_2009.txt": {6: portSpain, 8: portSpain, 10: none, 12: none, 13: none, 14: none, 15: none,
			16: none},
		"env_sus_dev_sp.txt": {11: losAng, 13: losAng, 15: none, 17: none, 19: none},
		"ge_equity.txt":      {6: lima, 8: lima, 10: panama, 12: portSpain, 14: none},
		"pmi_trans.txt":      {5: monterrey, 7: monterrey, 9: quebec, 11: none},
	}
	citedYear := regexp.MustCompile(`\(([^()]*\b((?:19|20)\d\d))\)\.?\s*$`)
	eachSample(t, "", func(t *testing.T, in pageInput) {
		name, data := in.name, in.data
		p := parse(t, in)
		if len(p.Paragraphs) == 0 {
			t.Fatal("no mandates")
		}
		lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		for i, m := range p.Paragraphs {
			// A paragraph is one line in these pages: its own
			// citation is at the end of that line.
			if mm := citedYear.FindStringSubmatch(lines[m.Line-1]); mm != nil {
				year, _ := strconv.Atoi(mm[2])
				if m.Cite.Summit == nil || m.Cite.Summit.Year != year || m.Inherited {
					t.Errorf("line %d cites (%s) but is attributed to %q (inherited %v; %s)", m.Line, mm[1], summitID(m), m.Inherited, m.Cite.Problem)
				}
			}
			if want, ok := known[name][m.Line]; ok {
				if got := summitID(m); got != want {
					t.Errorf("paragraph %d, line %d: summit %q, want %q", i, m.Line, got, want)
				}
			} else if known[name] != nil {
				t.Errorf("paragraph %d at line %d is not expected", i, m.Line)
			}
		}
		if known[name] != nil && len(p.Paragraphs) != len(known[name]) {
			t.Errorf("%d paragraphs, want %d", len(p.Paragraphs), len(known[name]))
		}
		last := p.Paragraphs[len(p.Paragraphs)-1]
		if last.Cite.Summit != nil || last.Citation != "" || !last.Truncated {
			t.Errorf("last paragraph (line %d): summit %q, citation %q, truncated %v; want cut off and unattributed", last.Line, summitID(last), last.Citation, last.Truncated)
		}
		want := fmt.Sprintf("%s:%d: ", name, last.Line)
		found := false
		for _, w := range p.Warnings {
			found = found || (strings.HasPrefix(w.String(), want) && strings.Contains(w.Message, "cut off"))
		}
		if !found {
			t.Errorf("no warning %q…cut off…; warnings:\n%s", want, joinWarnings(p.Warnings))
		}
	})
}

// eachSample runs f on every shared sample file of samplesDir/sub (or
// $SUMMITGRAPH_SAMPLES/sub), as a subtest; it skips when there are none
// (they are not in the repository).
func eachSample(t *testing.T, sub string, f func(*testing.T, pageInput)) {
	dir := samplesDir
	if d := os.Getenv("SUMMITGRAPH_SAMPLES"); d != "" {
		dir = d
	}
	dir = filepath.Join(dir, sub)
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(names) == 0 {
		t.Skipf("no samples in %s", dir)
	}
	for _, path := range names {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f(t, pageInput{name, data})
		})
	}
}

// FuzzParse: whatever the bytes, Parse does not panic; it fails only on
// binary or non-UTF-8 input, with an *InputError; the page it returns is
// consistent.
func FuzzParse(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join(pagesDir, "*.txt"))
	for _, n := range names {
		if data, err := os.ReadFile(n); err == nil {
			f.Add(data)
		}
	}
	c := seedCatalog(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data, c)
	})
}

// checkParse parses data and checks what any parse must hold: Parse fails
// only on binary or non-UTF-8 input, with an *InputError that locates
// the bad byte; otherwise paragraphs are in order, within the file, with
// consistent parents and items, warnings name the file. It returns the
// page, nil for bad input.
func checkParse(t *testing.T, data []byte, c *nlp.Catalog) *nlp.Page {
	t.Helper()
	p, err := nlp.Parse("fuzz.txt", data, c)
	bad := bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data)
	if err != nil {
		var ie *nlp.InputError
		if !errors.As(err, &ie) {
			t.Fatalf("error %v (%T) is not an *InputError", err, err)
		}
		if !bad {
			t.Fatalf("error on valid UTF-8 text without NUL: %v", err)
		}
		if ie.File != "fuzz.txt" || ie.Byte < 0 || ie.Byte >= len(data) || ie.Line != 1+bytes.Count(data[:ie.Byte], []byte("\n")) {
			t.Fatalf("error does not locate the bad byte: %v", err)
		}
		if p != nil {
			t.Fatal("a page and an error")
		}
		return nil
	}
	if bad {
		t.Fatal("no error on binary or non-UTF-8 input")
	}
	nLines := 1 + bytes.Count(data, []byte("\n"))
	for i, m := range p.Paragraphs {
		if m.Line < 1 || m.Line > nLines {
			t.Fatalf("paragraph %d: line %d outside 1..%d", i, m.Line, nLines)
		}
		if i > 0 && m.Line < p.Paragraphs[i-1].Line {
			t.Fatalf("paragraph %d: line %d before the previous paragraph's %d", i, m.Line, p.Paragraphs[i-1].Line)
		}
		if !utf8.ValidString(m.Text) || !utf8.ValidString(m.Citation) || !utf8.ValidString(m.Number) {
			t.Fatalf("paragraph %d: invalid UTF-8", i)
		}
		if m.Parent != -1 {
			if m.Parent < 0 || m.Parent >= i || p.Paragraphs[m.Parent].Parent != -1 || !containsInt(p.Paragraphs[m.Parent].Items, i) {
				t.Fatalf("paragraph %d: bad parent %d", i, m.Parent)
			}
		}
		for _, it := range m.Items {
			if it <= i || it >= len(p.Paragraphs) || p.Paragraphs[it].Parent != i {
				t.Fatalf("paragraph %d: bad item %d", i, it)
			}
		}
		if p.Document == nil && m.Cite.Summit != nil && m.Citation == "" {
			t.Fatalf("paragraph %d: a summit without a citation", i)
		}
		if m.Inherited && m.Citation == "" {
			t.Fatalf("paragraph %d: inherited an empty citation", i)
		}
		if !languages[m.Language] {
			t.Fatalf("paragraph %d: language %q", i, m.Language)
		}
	}
	if !languages[p.Language] {
		t.Fatalf("page language %q", p.Language)
	}
	for _, w := range p.Warnings {
		if w.File != "fuzz.txt" || w.Line < 0 || w.Line > nLines || !utf8.ValidString(w.Message) {
			t.Fatalf("bad warning %q", w.String())
		}
	}
	return p
}

var languages = map[string]bool{"en": true, "es": true, "fr": true, "pt": true}

func containsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

package nlp_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"summitgraph/nlp"
	"summitgraph/seeds"
)

// update rewrites the golden files: go test ./nlp -run Golden -update
var update = flag.Bool("update", false, "rewrite testdata/golden/*.golden from the parser's output")

const (
	seedFile  = "democracy-good-governance.txt"
	pagesDir  = "testdata/pages"
	goldenDir = "testdata/golden"
	// samplesDir holds the team's shared sample pages; absent in CI.
	// SUMMITGRAPH_SAMPLES overrides it.
	samplesDir = "/work/shared/samples"
)

// Summit ids the tests expect.
const (
	miami     = "summit/1994-miami"
	santaCruz = "summit/1996-santa-cruz-de-la-sierra"
	santiago  = "summit/1998-santiago"
	quebec    = "summit/2001-quebec-city"
	monterrey = "summit/2004-monterrey"
	marDelPl  = "summit/2005-mar-del-plata"
	portSpain = "summit/2009-port-of-spain"
	panama    = "summit/2015-panama-city"
	lima      = "summit/2018-lima"
	losAng    = "summit/2022-los-angeles"
	none      = "" // unattributed
)

var seedCatalogOnce = sync.OnceValues(func() (*nlp.Catalog, error) { return nlp.LoadCatalog(seeds.FS()) })

// seedCatalog is the catalog of the embedded seeds, loaded once per test
// binary.
func seedCatalog(tb testing.TB) *nlp.Catalog {
	tb.Helper()
	c, err := seedCatalogOnce()
	if err != nil {
		tb.Fatalf("load the seed catalog: %v", err)
	}
	return c
}

// pageInput is a page the parser tests read: the seed or a fixture.
type pageInput struct {
	name string // file name given to Parse
	data []byte
}

func readSeed(tb testing.TB) pageInput {
	tb.Helper()
	data, err := fs.ReadFile(seeds.FS(), seedFile)
	if err != nil {
		tb.Fatalf("read the seed: %v", err)
	}
	return pageInput{seedFile, data}
}

func readFixture(tb testing.TB, name string) pageInput {
	tb.Helper()
	return readFrom(tb, pagesDir, name)
}

// readFrom reads the fixture name in dir.
func readFrom(tb testing.TB, dir, name string) pageInput {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	return pageInput{name, data}
}

// fixtures reads every fixture of dir, sorted by name; there must be at
// least least of them.
func fixtures(tb testing.TB, dir string, least int) []pageInput {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(names) < least {
		tb.Fatalf("%s holds %d fixtures; expected at least %d", dir, len(names), least)
	}
	var in []pageInput
	for _, n := range names {
		in = append(in, readFrom(tb, dir, filepath.Base(n)))
	}
	return in
}

// allInputs is the seed and every fixture, sorted by name.
func allInputs(tb testing.TB) []pageInput {
	tb.Helper()
	return append([]pageInput{readSeed(tb)}, fixtures(tb, pagesDir, 10)...)
}

func parse(tb testing.TB, in pageInput) *nlp.Page {
	tb.Helper()
	p, err := nlp.Parse(in.name, in.data, seedCatalog(tb))
	if err != nil {
		tb.Fatalf("Parse(%s): %v", in.name, err)
	}
	return p
}

func parseFixture(tb testing.TB, name string) *nlp.Page {
	tb.Helper()
	if name == seedFile {
		return parse(tb, readSeed(tb))
	}
	return parse(tb, readFixture(tb, name))
}

func summitID(m *nlp.Paragraph) string {
	if m.Cite.Summit == nil {
		return none
	}
	return m.Cite.Summit.ID
}

// render is the golden form of a parsed page: one block per paragraph,
// strings quoted so that no-break spaces and line breaks show.
func render(p *nlp.Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# golden parse of %s; regenerate: go test ./nlp -run Golden -update\n", p.File)
	fmt.Fprintf(&b, "file: %s\nheading: %q\nlanguage: %s\n", p.File, p.Heading, p.Language)
	mandates, items := 0, 0
	by := map[string]int{}
	for _, m := range p.Paragraphs {
		if m.Parent < 0 {
			mandates++
		} else {
			items++
		}
		id := summitID(m)
		if id == none {
			id = "(unattributed)"
		}
		by[id]++
	}
	fmt.Fprintf(&b, "mandates: %d\nitems: %d\nby summit (mandates and items):\n", mandates, items)
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(&b, "  %s: %d\n", id, by[id])
	}
	fmt.Fprintf(&b, "warnings: %d\n", len(p.Warnings))
	for _, w := range p.Warnings {
		fmt.Fprintf(&b, "  %s\n", w)
	}
	for i, m := range p.Paragraphs {
		what := "mandate"
		if m.Parent >= 0 {
			what = fmt.Sprintf("item of [%d]", m.Parent)
		}
		fmt.Fprintf(&b, "\n[%d] %s, number %q, line %d\n", i, what, m.Number, m.Line)
		if len(m.Items) > 0 {
			fmt.Fprintf(&b, "  items: %v\n", m.Items)
		}
		fmt.Fprintf(&b, "  heading: %q\n", m.Heading)
		fmt.Fprintf(&b, "  text: %q\n", m.Text)
		fmt.Fprintf(&b, "  citation: %q\n", m.Citation)
		if m.Citation != "" {
			fmt.Fprintf(&b, "  summit: %s\n", summitID(m))
			fmt.Fprintf(&b, "  document: %q\n", m.Cite.Title)
			fmt.Fprintf(&b, "  year: %d\n", m.Cite.Year)
			if m.Cite.Problem != "" {
				fmt.Fprintf(&b, "  problem: %s\n", m.Cite.Problem)
			}
		}
		var flags []string
		if m.Inherited {
			flags = append(flags, "inherited")
		}
		if m.Citation == "" {
			flags = append(flags, "uncited")
		} else if m.Cite.Summit == nil {
			flags = append(flags, "unresolved")
		}
		if m.Truncated {
			flags = append(flags, "truncated")
		}
		if len(flags) > 0 {
			fmt.Fprintf(&b, "  flags: %s\n", strings.Join(flags, ", "))
		}
	}
	return b.String()
}

func goldenName(file string) string {
	return strings.TrimSuffix(file, filepath.Ext(file)) + ".golden"
}

// TestGolden compares the parse of the seed and of every fixture with
// testdata/golden byte for byte.
func TestGolden(t *testing.T) {
	goldens(t, allInputs(t), goldenDir, pagesDir, func(t *testing.T, in pageInput) string { return render(parse(t, in)) })
}

// goldens compares what each input renders to with its golden file in
// dir, or rewrites it with -update; a golden file whose input is gone
// from srcDir is stale.
func goldens(t *testing.T, inputs []pageInput, dir, srcDir string, render func(*testing.T, pageInput) string) {
	want := map[string]bool{}
	for _, in := range inputs {
		g := goldenName(in.name)
		want[g] = true
		t.Run(strings.TrimSuffix(in.name, ".txt"), func(t *testing.T) {
			got := render(t, in)
			path := filepath.Join(dir, g)
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantB, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./nlp -run Golden -update)", err)
			}
			if got != string(wantB) {
				t.Errorf("%s differs from the parse of %s (if the change is intended: go test ./nlp -run Golden -update)\n%s",
					path, in.name, firstDiff(string(wantB), got))
			}
		})
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.golden"))
	for _, f := range files {
		if !want[filepath.Base(f)] {
			t.Errorf("%s has no input in %s: delete it", f, srcDir)
		}
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, w, g)
		}
	}
	return "(no line differs)"
}

type counts struct {
	mandates, items int
	// bySummit counts mandates and items by summit id; none for
	// unattributed.
	bySummit map[string]int
	// mandatesBySummit counts top-level mandates only.
	mandatesBySummit map[string]int
}

func countPage(p *nlp.Page) counts {
	c := counts{bySummit: map[string]int{}, mandatesBySummit: map[string]int{}}
	for _, m := range p.Paragraphs {
		id := summitID(m)
		c.bySummit[id]++
		if m.Parent < 0 {
			c.mandates++
			c.mandatesBySummit[id]++
		} else {
			c.items++
		}
	}
	return c
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestSeedCounts holds issue #2: 48 mandates and 25 items, each attributed.
func TestSeedCounts(t *testing.T) {
	p := parseFixture(t, seedFile)
	got := countPage(p)
	if got.mandates != 48 || got.items != 25 {
		t.Errorf("seed: %d mandates and %d items; want 48 and 25", got.mandates, got.items)
	}
	if len(p.Warnings) != 0 {
		t.Errorf("seed: want no warnings, got %v", p.Warnings)
	}
	for _, tc := range []struct {
		summit         string
		mandates, with int // with: mandates and their items
	}{
		{losAng, 18, 43},
		{lima, 12, 12},
		{portSpain, 2, 2},
		{marDelPl, 1, 1},
		{monterrey, 2, 2},
		{quebec, 5, 5},
		{santiago, 2, 2},
		{miami, 6, 6},
		{none, 0, 0},
	} {
		name := strings.TrimPrefix(tc.summit, "summit/")
		if name == "" {
			name = "unattributed"
		}
		t.Run(name, func(t *testing.T) {
			if n := got.mandatesBySummit[tc.summit]; n != tc.mandates {
				t.Errorf("mandates: got %d, want %d", n, tc.mandates)
			}
			if n := got.bySummit[tc.summit]; n != tc.with {
				t.Errorf("mandates and items: got %d, want %d", n, tc.with)
			}
		})
	}
}

// TestFixtureCounts checks mandates, items and attribution of every
// fixture.
func TestFixtureCounts(t *testing.T) {
	for _, tc := range []struct {
		file            string
		mandates, items int
		bySummit        map[string]int // mandates and items
	}{
		{"initiative-numbering.txt", 5, 0, map[string]int{portSpain: 1, santiago: 1, santaCruz: 1, miami: 1, none: 1}},
		{"spanish-lettered.txt", 3, 4, map[string]int{losAng: 3, lima: 1, none: 3}},
		{"initiatives-no-mandates-line.txt", 5, 0, map[string]int{lima: 2, panama: 1, portSpain: 1, none: 1}},
		{"no-heading.txt", 4, 0, map[string]int{monterrey: 2, quebec: 1, none: 1}},
		{"indented-sublist.txt", 3, 6, map[string]int{portSpain: 5, none: 4}},
		{"real-numbering.txt", 6, 0, map[string]int{lima: 5, none: 1}},
		{"crlf-bom.txt", 3, 1, map[string]int{losAng: 3, none: 1}},
		{"wrapped-pagebreak.txt", 7, 0, map[string]int{quebec: 4, losAng: 2, none: 1}},
		{"upd-cutoff.txt", 2, 0, map[string]int{santiago: 1, none: 1}},
		{"unresolved-citations.txt", 5, 2, map[string]int{quebec: 1, none: 6}},
		{"furniture-only.txt", 0, 0, map[string]int{}},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			got := countPage(parseFixture(t, tc.file))
			if got.mandates != tc.mandates || got.items != tc.items {
				t.Errorf("%d mandates and %d items; want %d and %d", got.mandates, got.items, tc.mandates, tc.items)
			}
			if !equalCounts(got.bySummit, tc.bySummit) {
				t.Errorf("by summit: got %v, want %v", got.bySummit, tc.bySummit)
			}
		})
	}
}

// TestFixturesCovered fails when a fixture is added without a row in the
// tables above.
func TestFixturesCovered(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join(pagesDir, "*.txt"))
	if len(names) != 11 {
		t.Errorf("%d fixtures in %s; TestFixtureCounts covers 11: add the new ones to it", len(names), pagesDir)
	}
}

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

// TestWarnings checks that every paragraph without a summit is reported,
// naming file and line, and nothing else is.
func TestWarnings(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string // what follows "file:" in each, in order: "line: message…"
	}{
		{seedFile, nil},
		{"initiative-numbering.txt", []string{"14: mandate 14.3 is cut off and has no citation"}},
		{"spanish-lettered.txt", []string{
			"17: mandate 1 has no citation",
			"19: item b has no citation",
			"23: item e is cut off and has no citation",
		}},
		{"initiatives-no-mandates-line.txt", []string{"14: mandate 1 is cut off"}},
		{"no-heading.txt", []string{"11: mandate 1 is cut off"}},
		{"indented-sublist.txt", []string{"14: mandate 1 has no citation", "16: item 1 has no citation", "17: item 2 has no citation", "18: item 3 is cut off"}},
		{"real-numbering.txt", []string{"21: mandate 6 is cut off"}},
		{"crlf-bom.txt", []string{"14: mandate 1 is cut off"}},
		{"wrapped-pagebreak.txt", []string{"47: mandate 1 is cut off"}},
		{"upd-cutoff.txt", []string{"9: mandate 1 has no citation; kept without a summit"}},
		{"unresolved-citations.txt", []string{
			`9: citation "Hemispheric Plan on Firearms, IX Summit of the Americas, Lima, 2015": its clues (Lima; IX Summit of the Americas; 2015) name no single summit`,
			`11: citation "Declaration of Santa Cruz + 10, 2006": its clues`,
			`13: citation "Inter-American Committee against Terrorism, 2003": no summit of the catalog met in 2003`,
			`15: citation "Inter-American Committee against Terrorism, 2003"`,
			`17: citation "Inter-American Committee against Terrorism, 2003"`,
			"19: mandate 1 is cut off",
		}},
		{"furniture-only.txt", []string{" no mandates found"}}, // no line
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			p := parseFixture(t, tc.file)
			if len(p.Warnings) != len(tc.want) {
				t.Fatalf("%d warnings, want %d:\n%s", len(p.Warnings), len(tc.want), joinWarnings(p.Warnings))
			}
			for i, w := range p.Warnings {
				if w.File != tc.file {
					t.Errorf("warning %d names file %q, want %q", i, w.File, tc.file)
				}
				if got := w.String(); !strings.HasPrefix(got, tc.file+":"+tc.want[i]) {
					t.Errorf("warning %d: %q\n  want it to start with %q", i, got, tc.file+":"+tc.want[i])
				}
			}
			// Every unattributed paragraph has a warning at its line.
			at := map[int]bool{}
			for _, w := range p.Warnings {
				at[w.Line] = true
			}
			for i, m := range p.Paragraphs {
				if m.Cite.Summit == nil && !at[m.Line] {
					t.Errorf("paragraph %d (line %d) has no summit and no warning", i, m.Line)
				}
			}
		})
	}
}

func joinWarnings(ws []nlp.Warning) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString("  " + w.String() + "\n")
	}
	return b.String()
}

// TestTruncated checks that only a last paragraph stopping mid-sentence is
// marked cut off.
func TestTruncated(t *testing.T) {
	for _, tc := range []struct {
		file  string
		index int // the truncated paragraph; -1 for none
	}{
		{seedFile, -1},
		{"initiative-numbering.txt", 4},
		{"spanish-lettered.txt", 6},
		{"indented-sublist.txt", 8},
		{"real-numbering.txt", 5},
		{"wrapped-pagebreak.txt", 6},
		{"upd-cutoff.txt", -1}, // ends with "(UPD).": uncited, not cut mid-sentence
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			p := parseFixture(t, tc.file)
			for i, m := range p.Paragraphs {
				if m.Truncated != (i == tc.index) {
					t.Errorf("paragraph %d: truncated %v, want %v", i, m.Truncated, i == tc.index)
				}
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

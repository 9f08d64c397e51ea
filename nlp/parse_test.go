package nlp_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

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

// TestLinearTime guards against quadratic parsing: half a megabyte of page
// breaks after unfinished paragraphs took tens of seconds when every break
// joined the whole paragraph again; it takes milliseconds.
func TestLinearTime(t *testing.T) {
	if testing.Short() || raceEnabled() {
		t.Skip("timing test: not with -short, nor under the race detector (tens of times slower)")
	}
	for _, unit := range []string{"x\n\n2\n\n", "x),\n\n2\n\n", "    • a. item;\n", ")"} {
		data := []byte("  1. start\n" + strings.Repeat(unit, 512<<10/len(unit)))
		start := time.Now()
		if _, err := nlp.Parse("big.txt", data, seedCatalog(t)); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%q × %d: Parse took %v", unit, 512<<10/len(unit), d)
		}
	}
}

func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
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

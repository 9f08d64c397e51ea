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

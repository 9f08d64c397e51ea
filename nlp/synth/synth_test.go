package synth

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"summitgraph/graph"
	"summitgraph/nlp"
	"summitgraph/seeds"
)

// catalog is the embedded catalog, loaded once.
var catalog = func() func(testing.TB) *nlp.Catalog {
	load := sync.OnceValues(func() (*nlp.Catalog, error) { return nlp.LoadCatalog(seeds.FS()) })
	return func(t testing.TB) *nlp.Catalog {
		t.Helper()
		cat, err := load()
		if err != nil {
			t.Fatal(err)
		}
		return cat
	}
}()

type file struct {
	name string
	data []byte
}

// generate returns the files of a corpus and its stats.
func generate(t testing.TB, opts Options) ([]file, Stats) {
	t.Helper()
	var files []file
	st, err := Generate(catalog(t), opts, func(name string, data []byte) error {
		files = append(files, file{name, bytes.Clone(data)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, st
}

// parse parses every file of a corpus.
func parse(t testing.TB, files []file) []*nlp.Page {
	t.Helper()
	var pages []*nlp.Page
	for _, f := range files {
		p, err := nlp.Parse(f.name, f.data, catalog(t))
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		pages = append(pages, p)
	}
	return pages
}

func digest(files []file) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%d\x00", f.name, len(f.data))
		h.Write(f.data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestDeterministic(t *testing.T) {
	opts := Options{Mandates: 400, Seed: 42}
	a, sa := generate(t, opts)
	b, sb := generate(t, opts)
	if digest(a) != digest(b) {
		t.Fatal("two runs with the same options differ")
	}
	if fmt.Sprint(sa) != fmt.Sprint(sb) {
		t.Errorf("two runs with the same options report different stats:\n%+v\n%+v", sa, sb)
	}
	c, _ := generate(t, Options{Mandates: 400, Seed: 43})
	if digest(a) == digest(c) {
		t.Error("seeds 42 and 43 give the same corpus")
	}
	// The share of uncited mandates leaves the rest of the corpus as it
	// is: the same paragraphs, minus some citations.
	d, sd := generate(t, Options{Mandates: 400, Seed: 42, Uncited: 0.2})
	if len(d) != len(a) || sd.Mandates != sa.Mandates || sd.Items != sa.Items {
		t.Errorf("Uncited changed the layout: %d files, %d mandates, %d items; want %d, %d, %d", len(d), sd.Mandates, sd.Items, len(a), sa.Mandates, sa.Items)
	}
}

// TestRandomStream pins the draws, so that a change in math/rand/v2's PCG
// or in the integer arithmetic on top of it, which would change every
// corpus, does not go unnoticed.
func TestRandomStream(t *testing.T) {
	r := newRNG(mix(1), mixStream(1))
	var got []int
	for range 8 {
		got = append(got, r.intn(1000))
	}
	want := []int{38, 429, 706, 314, 770, 271, 79, 911}
	if !slices.Equal(got, want) {
		t.Errorf("draws %v, want %v", got, want)
	}
	c := newCumulative([]uint64{1, 0, 3})
	for range 100 {
		if i := c.draw(r); i == 1 {
			t.Fatal("drew an index of weight 0")
		}
	}
}

func TestFiles(t *testing.T) {
	files, st := generate(t, Options{Mandates: 1000, Seed: 3, PerFile: 40})
	if st.Files != len(files) || st.Mandates != 1000 {
		t.Fatalf("stats say %d files, %d mandates; got %d files", st.Files, st.Mandates, len(files))
	}
	var size int64
	for i, f := range files {
		if want := FileName(i + 1); f.name != want {
			t.Errorf("file %d is %s, want %s", i, f.name, want)
		}
		size += int64(len(f.data))
	}
	if size != st.Bytes {
		t.Errorf("files hold %d bytes, stats say %d", size, st.Bytes)
	}
	pages := parse(t, files)
	for i, p := range pages {
		n := 0
		for _, m := range p.Paragraphs {
			if m.Parent < 0 {
				n++
			}
		}
		// About 40 a file: within a fifth, and the last may take the
		// remainder.
		if n < 32 && i < len(pages)-1 || n > 56 {
			t.Errorf("%s holds %d mandates; want about 40", p.File, n)
		}
	}
}

func TestParses(t *testing.T) {
	cat := catalog(t)
	files, st := generate(t, Options{Mandates: 3000, Seed: 1})
	pages := parse(t, files)
	var mandates, items, withItems, spanish, headed int
	bySummit := map[string]int{}
	for _, p := range pages {
		for _, w := range p.Warnings {
			t.Errorf("warning: %s", w)
		}
		if p.Language == "es" {
			spanish++
		}
		if p.Heading != "" {
			headed++
		}
		for _, m := range p.Paragraphs {
			if m.Parent < 0 {
				mandates++
				if len(m.Items) > 0 {
					withItems++
				}
			} else {
				items++
				if p.Paragraphs[m.Parent].Cite.Summit != m.Cite.Summit {
					t.Errorf("%s:%d: item attributed to %v, its mandate to %v", p.File, m.Line, m.Cite.Summit, p.Paragraphs[m.Parent].Cite.Summit)
				}
			}
			// A text ending on a parenthesis, "(2005)", would be read
			// as the citation of an uncited paragraph.
			if strings.HasSuffix(strings.TrimRight(m.Text, ".;: "), ")") {
				t.Errorf("%s:%d: ends on a parenthesis: %q", p.File, m.Line, m.Text)
			}
			if m.Cite.Summit == nil {
				t.Errorf("%s:%d: not attributed: %q", p.File, m.Line, m.Citation)
				continue
			}
			if m.Parent < 0 {
				bySummit[m.Cite.Summit.ID]++
			}
		}
	}
	if mandates != st.Mandates || items != st.Items {
		t.Errorf("parsed %d mandates and %d items; stats say %d and %d", mandates, items, st.Mandates, st.Items)
	}
	if fmt.Sprint(bySummit) != fmt.Sprint(st.BySummit) {
		t.Errorf("parsed by summit %v;\nstats say %v", bySummit, st.BySummit)
	}
	if spanish != st.Spanish || spanish == 0 {
		t.Errorf("%d pages read as Spanish; stats say %d", spanish, st.Spanish)
	}
	if headed < len(pages)*9/10 {
		t.Errorf("only %d of %d pages have a theme heading", headed, len(pages))
	}
	// Every summit that met is cited, the recent ones more (Miami 1994
	// is rare: 0.6% of the mandates, drawn by runs of up to 12).
	_, big := generate(t, Options{Mandates: 20000, Seed: 1})
	for _, s := range cat.Summits {
		if n := big.BySummit[s.ID]; (s.Status == "") != (n > 0) {
			t.Errorf("%s (%s): %d mandates of 20,000", s.ID, s.Status, n)
		}
	}
	if big.BySummit["summit/2022-los-angeles"] < 10*big.BySummit["summit/1994-miami"] {
		t.Errorf("not weighted toward recent summits: %v", big.BySummit)
	}
	// About a fifth of the mandates have items, 2 to 6 each.
	if share := withItems * 100 / mandates; share < 15 || share > 25 {
		t.Errorf("%d%% of the mandates have items; want about 20%%", share)
	}
	if avg := float64(items) / float64(withItems); avg < 3 || avg > 5 {
		t.Errorf("%.1f items per mandate that has items; want about 4", avg)
	}
}

func TestUncited(t *testing.T) {
	files, st := generate(t, Options{Mandates: 1000, Seed: 5, Uncited: 0.1})
	pages := parse(t, files)
	var warnings, unattributed, paragraphs int
	for _, p := range pages {
		for _, w := range p.Warnings {
			if !strings.Contains(w.Message, "has no citation") || strings.Contains(w.Message, "cut off") {
				t.Errorf("unexpected warning: %s", w)
			}
			warnings++
		}
		for _, m := range p.Paragraphs {
			paragraphs++
			if m.Cite.Summit == nil {
				unattributed++
			}
		}
	}
	if warnings != st.Uncited || unattributed != st.Uncited {
		t.Errorf("%d warnings, %d unattributed paragraphs; stats say %d uncited", warnings, unattributed, st.Uncited)
	}
	if share := st.Uncited * 100 / paragraphs; share < 5 || share > 15 {
		t.Errorf("%d%% of the paragraphs are uncited; want about 10%%", share)
	}
}

func median(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	sort.Ints(s)
	return s[len(s)/2]
}

// wordLengths returns the lengths in words of the mandates without items
// and of the items of some pages.
func wordLengths(pages ...*nlp.Page) (mandates, items []int) {
	for _, p := range pages {
		for _, m := range p.Paragraphs {
			n := len(strings.Fields(m.Text))
			switch {
			case m.Parent >= 0:
				items = append(items, n)
			case len(m.Items) == 0:
				mandates = append(mandates, n)
			}
		}
	}
	return mandates, items
}

func TestLengthsLikeTheSeed(t *testing.T) {
	cat := catalog(t)
	data, err := fs.ReadFile(seeds.FS(), "democracy-good-governance.txt")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := nlp.Parse("democracy-good-governance.txt", data, cat)
	if err != nil {
		t.Fatal(err)
	}
	sm, si := wordLengths(seed)
	files, _ := generate(t, Options{Mandates: 2000, Seed: 9})
	gm, gi := wordLengths(parse(t, files)...)
	for _, c := range []struct {
		what      string
		seed, gen []int
	}{{"mandates", sm, gm}, {"items", si, gi}} {
		s, g := median(c.seed), median(c.gen)
		t.Logf("%s: median %d words (seed %d)", c.what, g, s)
		if g*100 < s*80 || g*100 > s*125 {
			t.Errorf("%s: median %d words; the seed's is %d", c.what, g, s)
		}
	}
	if slices.Min(gm) > 15 || slices.Max(gm) < 90 {
		t.Errorf("mandates from %d to %d words; the seed's go from %d to %d", slices.Min(gm), slices.Max(gm), slices.Min(sm), slices.Max(sm))
	}
}

func TestZipf(t *testing.T) {
	cat := catalog(t)
	_, st := generate(t, Options{Mandates: 20000, Seed: 1})
	n := 0
	for _, e := range cat.Entities {
		if e.EntityKind == graph.KindConvention || e.EntityKind == graph.KindInstitution {
			n++
		}
	}
	if len(st.Entities) != n {
		t.Errorf("%d of the catalog's %d conventions and institutions are mentioned", len(st.Entities), n)
	}
	top, mid, last := st.Entities[0], st.Entities[len(st.Entities)/2], st.Entities[len(st.Entities)-1]
	t.Logf("top %s %d, median %s %d, last %s %d", top.ID, top.Mandates, mid.ID, mid.Mandates, last.ID, last.Mandates)
	if top.Mandates < 20*mid.Mandates {
		t.Errorf("not skewed: the top entity has %d mandates, the median one %d", top.Mandates, mid.Mandates)
	}
	// Benchmarks need mid-ranked entities in a few hundred mandates of
	// 100,000: 30 to 120 of 20,000.
	if mid.Mandates < 30 || mid.Mandates > 120 {
		t.Errorf("the median entity has %d mandates of 20,000; want 30 to 120", mid.Mandates)
	}
	for i := 1; i < len(st.Entities); i++ {
		if a, b := st.Entities[i-1], st.Entities[i]; a.Mandates < b.Mandates || a.Mandates == b.Mandates && a.ID > b.ID {
			t.Fatalf("entities out of order: %v before %v", a, b)
		}
	}
	if c, ok := st.Closest(mid.Mandates); !ok || c.Mandates != mid.Mandates {
		t.Errorf("Closest(%d) = %v", mid.Mandates, c)
	}
	if got := st.Top(3); len(got) != 3 || got[0] != top {
		t.Errorf("Top(3) = %v", got)
	}
}

// TestExtracted checks that the extractor finds in the corpus what Stats
// says it mentions: the entities, and the references to summits.
func TestExtracted(t *testing.T) {
	cat := catalog(t)
	files, st := generate(t, Options{Mandates: 1500, Seed: 7})
	found := map[string]int{}
	refs, learned := 0, 0
	for _, p := range parse(t, files) {
		ex := cat.Extract(p, nil)
		for _, pe := range ex.Paragraphs {
			seen := map[string]bool{}
			for _, f := range pe.Mentions {
				// The generator counts the names it wrote, not the names
				// inside them (nested mentions, tested in nlp).
				if f.Entity.EntityKind != graph.KindTheme && f.Method != graph.MethodNested && !seen[f.Entity.ID] {
					seen[f.Entity.ID] = true
					found[f.Entity.ID]++
				}
			}
			if len(pe.References) > 0 {
				refs++
			}
		}
		for _, e := range ex.Learned {
			t.Logf("%s: extraction learned %s (%s) %v", p.File, e.ID, e.Origin, e.Acronyms)
			learned++
		}
	}
	var generated, extracted, agree int
	for _, e := range st.Entities {
		generated += e.Mandates
		agree += min(e.Mandates, found[e.ID])
		if found[e.ID] != e.Mandates {
			t.Logf("%s: in %d mandates, found in %d", e.ID, e.Mandates, found[e.ID])
		}
	}
	for _, n := range found {
		extracted += n
	}
	recall, precision := float64(agree)/float64(generated), float64(agree)/float64(extracted)
	t.Logf("entity mandates: %d generated, %d extracted, recall %.4f, precision %.4f; references %d of %d", generated, extracted, recall, precision, refs, st.References)
	if recall < 0.995 || precision < 0.995 {
		t.Errorf("extraction recall %.4f, precision %.4f; want 0.995 or more", recall, precision)
	}
	if refs < st.References*95/100 || refs > st.References*105/100+1 {
		t.Errorf("references found in %d paragraphs; %d were written", refs, st.References)
	}
	if learned > len(files)/20 {
		t.Errorf("extraction learned %d entities the catalog lacks from synthetic text", learned)
	}
}

// TestVocabularyNamesNothing checks that no fragment of the vocabulary
// names an entity or a summit by itself: those are counted.
func TestVocabularyNamesNothing(t *testing.T) {
	cat := catalog(t)
	for lang, v := range vocabs {
		var frags []string
		frags = append(frags, v.verbs...)
		frags = append(frags, v.gerunds...)
		frags = append(frags, v.declOpen...)
		frags = append(frags, v.declNext...)
		frags = append(frags, v.subjects...)
		frags = append(frags, v.preds...)
		frags = append(frags, v.objects...)
		frags = append(frags, v.fixedConts...)
		frags = append(frags, v.quals...)
		frags = append(frags, v.introTails...)
		frags = append(frags, v.complements...)
		for _, ts := range [][]template{v.conts, v.instSlots, v.convSlots, v.themeSlots, v.refSlots} {
			for _, tm := range ts {
				frags = append(frags, tm.pre+"measures"+tm.post)
			}
		}
		for _, h := range v.heads {
			frags = append(frags, "national "+h)
		}
		for _, h := range v.headsES {
			frags = append(frags, h.article+" "+h.text)
		}
		cite := "Plan of Action Québec, 2001"
		if lang == langES {
			cite = "Plan de Acción de Quebec, 2001"
		}
		var b strings.Builder
		for _, f := range frags {
			fmt.Fprintf(&b, "  1. Promote %s. (%s).\n\n", f, cite)
		}
		p, err := nlp.Parse("vocab.txt", []byte(b.String()), cat)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Paragraphs) != len(frags) || len(p.Warnings) > 0 {
			t.Fatalf("vocabulary page: %d mandates of %d, warnings %v", len(p.Paragraphs), len(frags), p.Warnings)
		}
		ex := cat.Extract(p, nil)
		for i, pe := range ex.Paragraphs {
			for _, f := range pe.Mentions {
				if f.Entity.EntityKind != graph.KindTheme {
					t.Errorf("%q names %s", frags[i], f.Entity.ID)
				}
			}
			for _, r := range pe.References {
				t.Errorf("%q names %s", frags[i], r.Target())
			}
		}
		if len(ex.Learned) > 0 {
			t.Errorf("the vocabulary teaches the extractor %v", ex.Learned[0])
		}
	}
}

// TestReferencesFound checks every way the generator names a summit or a
// summit document in a text.
func TestReferencesFound(t *testing.T) {
	cat := catalog(t)
	g, err := newGenerator(cat, Options{Mandates: 1, PerFile: 1})
	if err != nil {
		t.Fatal(err)
	}
	last := g.summits[len(g.summits)-1]
	for i, si := range g.summits[:len(g.summits)-1] {
		if i > 0 && len(si.refs[langEN]) == 0 {
			t.Errorf("%s: no way to refer to it", si.s.ID)
		}
		for lang, refs := range si.refs {
			cite := last.docs[0].en
			if lang == langES {
				cite = last.docs[0].es
			}
			for _, ref := range refs {
				p := vocabPage(t, cat, fmt.Sprintf("  1. Promote regional cooperation, recalling %s, as appropriate. (%s).\n", ref, cite))
				rs := cat.Extract(p, nil).Paragraphs[0].References
				if len(rs) != 1 || rs[0].Summit != si.s {
					t.Errorf("%q: references %v; want %s", ref, rs, si.s.ID)
				}
			}
		}
	}
}

func vocabPage(t *testing.T, cat *nlp.Catalog, text string) *nlp.Page {
	t.Helper()
	p, err := nlp.Parse("ref.txt", []byte(text), cat)
	if err != nil || len(p.Paragraphs) != 1 || len(p.Warnings) > 0 {
		t.Fatalf("%q: %v %v", text, err, p)
	}
	return p
}

func TestSurfaces(t *testing.T) {
	cat := catalog(t)
	ents := rankEntities(cat)
	if ents[0].e.ID != prominent[0] {
		t.Errorf("rank 1 is %s, want %s", ents[0].e.ID, prominent[0])
	}
	byID := map[string]*entity{}
	for _, e := range ents {
		byID[e.e.ID] = e
	}
	for _, c := range []struct {
		id, lang, want string
	}{
		{"institution/oas", "en", "the Organization of American States|the Organisation of American States|the OAS"},
		{"institution/oas", "es", "la Organización de los Estados Americanos|la OEA"},
		{"institution/idb", "es", "el Banco Interamericano de Desarrollo|el BID"},
		{"institution/united-nations", "es", "la Organización de las Naciones Unidas|las Naciones Unidas|la ONU"},
		{"institution/parlamericas", "en", "ParlAmericas|the Inter-Parliamentary Forum of the Americas"},
		{"convention/inter-american-convention-against-corruption", "es", "la Convención Interamericana contra la Corrupción|la Convención Interamericana contra la Corrupción de 1996|la CICC"},
	} {
		e := byID[c.id]
		if e == nil {
			t.Errorf("%s: not ranked", c.id)
			continue
		}
		lang := langEN
		if c.lang == "es" {
			lang = langES
		}
		var got []string
		for _, s := range append(slices.Clone(e.names[lang]), e.acronyms[lang]...) {
			got = append(got, strings.TrimSpace(s.article+" "+s.text))
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%s in %s: %s\nwant %s", c.id, c.lang, strings.Join(got, "|"), c.want)
		}
	}
}

func TestOptions(t *testing.T) {
	cat := catalog(t)
	discard := func(string, []byte) error { return nil }
	for _, opts := range []Options{{}, {Mandates: -1}, {Mandates: 10, PerFile: -1}, {Mandates: 10, Uncited: 1.5}, {Mandates: 10, Uncited: -0.1}} {
		if _, err := Generate(cat, opts, discard); err == nil {
			t.Errorf("%+v: no error", opts)
		}
	}
	if _, err := Generate(nil, Options{Mandates: 1}, discard); err == nil {
		t.Error("no catalog: no error")
	}
	if _, err := Generate(cat, Options{Mandates: 1}, nil); err == nil {
		t.Error("no emit: no error")
	}
	boom := errors.New("disk full")
	calls := 0
	st, err := Generate(cat, Options{Mandates: 500}, func(string, []byte) error {
		calls++
		if calls == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "synth-00003.txt") || calls != 3 || st.Files != 3 {
		t.Errorf("emit failing on the third file: %v after %d calls, %d files", err, calls, st.Files)
	}
	// A single mandate, and PerFile larger than the corpus.
	files, st := generate(t, Options{Mandates: 1, PerFile: 1000})
	if len(files) != 1 || st.Mandates != 1 {
		t.Errorf("one mandate: %d files, %d mandates", len(files), st.Mandates)
	}
}

func BenchmarkGenerate(b *testing.B) {
	cat := catalog(b)
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		st, err := Generate(cat, Options{Mandates: 10_000, Seed: 1}, func(_ string, data []byte) error {
			_, err := io.Discard.Write(data)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		size = st.Bytes
	}
	b.SetBytes(size)
}

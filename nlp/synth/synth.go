// Package synth generates synthetic corpora of mandate pages for
// benchmarks, load tests and crash tests: pages in the format of the OAS
// "Follow-up and Implementation: Mandates" pages (seeds/ and the samples),
// citing the summits of the catalog, mentioning its conventions and
// institutions with a Zipf-like skew, in text recombined from the seed's
// mandates.
//
// Generation is a pure function of the catalog and the Options: the same
// options give byte-identical files on any machine (a PCG stream per file,
// integer arithmetic only, no map order, no clock). Files are produced one
// at a time and handed to a callback, so memory stays flat however many
// mandates are asked for.
package synth

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"

	"summitgraph/nlp"
)

// Options says what to generate.
type Options struct {
	// Mandates is the number of top-level mandates (> 0); their lettered
	// items come on top.
	Mandates int
	// Seed chooses the corpus; the same seed gives the same files.
	Seed int64
	// PerFile is about how many mandates a file holds; 50 when 0.
	PerFile int
	// Uncited is the share of mandates (0 to 1) printed without a
	// citation, items and all, as on pages cut off in the wild; the parser
	// keeps them unattributed with a warning. 0 (the default) gives a
	// corpus in which every mandate is cited and attributed.
	Uncited float64
}

// Stats is what a generated corpus holds.
type Stats struct {
	Files    int
	Mandates int // top-level mandates
	Items    int // lettered (or numbered) items under them
	// Uncited counts the paragraphs (mandates and items) printed without
	// a citation.
	Uncited int
	// References counts the paragraphs naming an earlier summit or one of
	// its documents ("the Declaration of Santiago, 1998").
	References int
	Spanish    int   // files in Spanish
	Bytes      int64 // total size of the files
	// BySummit counts the cited top-level mandates by summit id.
	BySummit map[string]int
	// Entities are the catalog conventions and institutions the corpus
	// mentions, the most mentioned first (ties by id).
	Entities []EntityCount
}

// EntityCount is how often a corpus mentions an entity.
type EntityCount struct {
	ID   string
	Name string
	// Mandates counts the mandates and items whose text mentions it: what
	// trace and mandates(filter: {mentions}) count once ingested.
	Mandates int
	// Mentions counts its occurrences ("Name (ACRONYM)" is two).
	Mentions int
}

// Top returns the n entities mentioned in the most mandates.
func (s *Stats) Top(n int) []EntityCount {
	return s.Entities[:min(n, len(s.Entities))]
}

// Closest returns the entity whose mandate count is closest to n (of two
// as close, the one with more mandates); ok is false when no entity is
// mentioned.
func (s *Stats) Closest(n int) (EntityCount, bool) {
	best, ok := EntityCount{}, false
	for _, e := range s.Entities {
		d, bd := abs(e.Mandates-n), abs(best.Mandates-n)
		if !ok || d < bd || d == bd && e.Mandates > best.Mandates {
			best, ok = e, true
		}
	}
	return best, ok
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// DefaultPerFile is the number of mandates per file when Options.PerFile
// is 0.
const DefaultPerFile = 50

// FileName is the name of the i-th file (from 1): synth-00001.txt.
func FileName(i int) string { return fmt.Sprintf("synth-%05d.txt", i) }

// Generate writes a corpus, one file at a time, through emit (name, then
// contents). emit must not keep data after it returns: the buffer is
// reused for the next file. An error from emit stops generation and is
// returned.
func Generate(cat *nlp.Catalog, opts Options, emit func(name string, data []byte) error) (Stats, error) {
	if cat == nil || emit == nil {
		return Stats{}, errors.New("synth: a catalog and an emit function are required")
	}
	if opts.Mandates <= 0 {
		return Stats{}, fmt.Errorf("synth: mandates must be positive, not %d", opts.Mandates)
	}
	if opts.PerFile < 0 {
		return Stats{}, fmt.Errorf("synth: mandates per file must be positive, not %d", opts.PerFile)
	}
	if opts.PerFile == 0 {
		opts.PerFile = DefaultPerFile
	}
	if math.IsNaN(opts.Uncited) || opts.Uncited < 0 || opts.Uncited > 1 {
		return Stats{}, fmt.Errorf("synth: the uncited share must be between 0 and 1, not %v", opts.Uncited)
	}
	g, err := newGenerator(cat, opts)
	if err != nil {
		return Stats{}, err
	}
	layout := newRNG(mix(opts.Seed), 0)
	per := opts.PerFile
	remaining := opts.Mandates
	for f := 1; remaining > 0; f++ {
		n := max(1, per+layout.between(-per/5, per/5))
		if n >= remaining || remaining-n < max(1, per/5) {
			n = remaining
		}
		data := g.page(newRNG(mix(opts.Seed), mixStream(uint64(f))), n)
		name := FileName(f)
		g.st.Files++
		g.st.Bytes += int64(len(data))
		if err := emit(name, data); err != nil {
			return g.stats(), fmt.Errorf("synth: %s: %w", name, err)
		}
		remaining -= n
	}
	return g.stats(), nil
}

// mix and mixStream spread seeds over the PCG state (splitmix64).
func mix(seed int64) int64 { return int64(splitmix(uint64(seed) ^ 0x5ab3_1e5e_ed00_0001)) }

func mixStream(x uint64) uint64 { return splitmix(x + 0x9e37_79b9_7f4a_7c15) }

func splitmix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Tuning. Probabilities are per mille.
const (
	spanishPages = 150 // pages in Spanish
	// itemShare is the share of all mandates that get 2 to 6 items (only
	// plainly numbered, non-declaration mandates can, so their rate is
	// scaled up).
	itemShare      = 200
	themePhrase    = 500 // paragraphs with a phrase of a theme
	pageThemeFirst = 800 // of which from the page's own theme
	summitRef      = 40  // paragraphs naming an earlier summit or its document
	// zipfOffset is q in the entity weights 1/(rank+q): 0 is Zipf's law
	// with exponent 1.
	zipfOffset = 0
)

// Entities per paragraph, per mille for 0, 1, 2, … mentions.
var (
	mentionsMandate = []int{450, 280, 160, 70, 40}
	mentionsIntro   = []int{600, 300, 100}
	mentionsItem    = []int{550, 300, 120, 30}
)

// Lengths in words of the seed's mandates and items (text without number
// and citation), measured; a paragraph draws one and varies it by up to a
// fifth.
var (
	seedMandateWords = []int{9, 10, 11, 14, 15, 16, 17, 19, 20, 23, 23, 24, 27, 30, 30, 32, 34, 34, 35, 37, 39, 39, 40, 41, 41, 42, 46, 49, 50, 52, 53, 55, 55, 55, 58, 59, 65, 65, 66, 71, 74, 75, 76, 81, 84, 103, 104, 118}
	seedItemWords    = []int{15, 17, 17, 19, 20, 21, 22, 23, 23, 24, 27, 28, 29, 33, 34, 36, 39, 39, 40, 41, 48, 52, 54, 55, 63}
)

type generator struct {
	summits     []*summitInfo
	summitDist  cumulative
	ents        []*entity
	entDist     cumulative
	themes      []*theme
	itemsChance int // per mille, for a mandate that can have items
	uncited     int // per million

	buf      []byte
	specials []special // reused by paragraph
	para     int       // serial of the paragraph being written
	mandates []int     // by entity rank
	mentions []int
	lastPara []int
	st       Stats
}

func newGenerator(cat *nlp.Catalog, opts Options) (*generator, error) {
	g := &generator{themes: themesOf(cat), st: Stats{BySummit: map[string]int{}}}
	var err error
	if g.summits, err = held(cat); err != nil {
		return nil, err
	}
	// Recent summits adopted more mandates: weights (i+2)², oldest first.
	var ws []uint64
	var total, eligible uint64
	for i, si := range g.summits {
		w := uint64((i + 2) * (i + 2))
		ws = append(ws, w)
		n := 0
		for _, d := range si.docs {
			if canHaveItems(d) {
				n++
			}
		}
		// A summit's documents are drawn alike (60 is a multiple of
		// every count of documents up to 6).
		total += 60 * w
		eligible += 60 * w * uint64(n) / uint64(len(si.docs))
	}
	g.summitDist = newCumulative(ws)
	g.itemsChance = 1000
	if eligible > 0 {
		g.itemsChance = int(min(1000, itemShare*total/eligible))
	}
	g.ents = rankEntities(cat)
	if len(g.ents) == 0 {
		return nil, errors.New("synth: the catalog has no conventions or institutions")
	}
	ws = ws[:0]
	for r := range g.ents {
		ws = append(ws, (1<<40)/uint64(r+1+zipfOffset))
	}
	g.entDist = newCumulative(ws)
	g.mandates = make([]int, len(g.ents))
	g.mentions = make([]int, len(g.ents))
	g.lastPara = make([]int, len(g.ents))
	g.uncited = int(math.Round(opts.Uncited * 1e6))
	return g, nil
}

func canHaveItems(d docSpec) bool { return d.style != styleDeclaration && d.num == numPlain }

func (g *generator) stats() Stats {
	st := g.st
	st.BySummit = make(map[string]int, len(g.st.BySummit))
	for k, v := range g.st.BySummit {
		st.BySummit[k] = v
	}
	st.Entities = nil
	for i, e := range g.ents {
		if g.mandates[i] > 0 {
			st.Entities = append(st.Entities, EntityCount{ID: e.e.ID, Name: e.e.Name, Mandates: g.mandates[i], Mentions: g.mentions[i]})
		}
	}
	sort.SliceStable(st.Entities, func(i, j int) bool {
		a, b := st.Entities[i], st.Entities[j]
		if a.Mandates != b.Mandates {
			return a.Mandates > b.Mandates
		}
		return a.ID < b.ID
	})
	return st
}

// group is a run of mandates from one document.
type group struct {
	summit int // index in g.summits
	doc    int
	n      int
}

// page writes one file of n mandates.
func (g *generator) page(r *rng, n int) []byte {
	lang := langEN
	if r.chance(spanishPages) {
		lang = langES
		g.st.Spanish++
	}
	th := pick(r, g.themes)
	heading := th.heading[lang]
	if r.chance(30) {
		heading = "" // a page without a heading
	}
	mandatesLine := !r.chance(80)

	// Mandates come in runs from one document, the most recent summit
	// first, as on the real pages.
	var groups []group
	for left := n; left > 0; {
		s := g.summitDist.draw(r)
		k := min(left, r.between(1, 12))
		groups = append(groups, group{summit: s, doc: r.intn(len(g.summits[s].docs)), n: k})
		left -= k
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].summit != groups[j].summit {
			return groups[i].summit > groups[j].summit
		}
		return groups[i].doc < groups[j].doc
	})
	merged := groups[:0]
	for _, gr := range groups {
		if l := len(merged) - 1; l >= 0 && merged[l].summit == gr.summit && merged[l].doc == gr.doc {
			merged[l].n += gr.n
			continue
		}
		merged = append(merged, gr)
	}
	groups = merged

	w := g.buf[:0]
	pageNo := 1
	w = header(w, r, lang, heading, mandatesLine, pageNo)
	sinceBreak, breakAt := 0, r.between(12, 24)
	for gi, gr := range groups {
		if gi > 0 && groups[gi-1].summit != gr.summit && r.chance(700) {
			w = append(w, "_______________________________________________\n\n"...)
		}
		si := g.summits[gr.summit]
		doc := si.docs[gr.doc]
		num := newNumberer(r, doc, lang)
		for range gr.n {
			if sinceBreak >= breakAt {
				pageNo++
				w = pageBreak(w, r, lang, heading, pageNo)
				sinceBreak, breakAt = 0, r.between(12, 24)
			}
			var paras int
			w, paras = g.mandate(w, r, lang, th, gr.summit, doc, num.next(r))
			sinceBreak += paras
		}
	}
	w = footer(w, lang, pageNo)
	g.buf = w
	return w
}

var furniture = [2]struct{ org, follow, mandates, copyright string }{
	langEN: {"Organization of American States Summits of the Americas", "Follow-up and Implementation: Mandates", "MANDATES", "© Summits of the Americas"},
	langES: {"Organización de los Estados Americanos Cumbres de las Américas", "Seguimiento e implementación: Mandatos", "MANDATOS", "© Cumbres de las Américas"},
}

// header writes a page's first lines, in one of the two layouts of the
// real pages.
func header(w []byte, r *rng, lang int, heading string, mandatesLine bool, pageNo int) []byte {
	f := furniture[lang]
	if r.chance(750) {
		w = append(w, f.org+"\n     \n"+f.follow+"\n \n\n"+strconv.Itoa(pageNo)+"\n   \n"...)
	} else {
		w = append(w, f.org+"\n"+f.follow+"\n\n"...)
	}
	if heading != "" {
		w = append(w, heading+"\n"...)
	}
	if mandatesLine {
		w = append(w, f.mandates+"\n"...)
	}
	return append(w, '\n')
}

// pageBreak writes the furniture between two pages of a file: the page
// number, the running header, sometimes the heading again.
func pageBreak(w []byte, r *rng, lang int, heading string, pageNo int) []byte {
	f := furniture[lang]
	w = append(w, "\u00a0\n\n"+strconv.Itoa(pageNo)+"\n\u00a0  \u00a0\n"+f.org+"\n"+f.follow+"\n \n"...)
	if heading != "" && r.chance(600) {
		w = append(w, heading+"\n"...)
	}
	return append(w, '\n')
}

func footer(w []byte, lang, pageNo int) []byte {
	return append(w, "\u00a0\n\n\u00a0\n\n"+strconv.Itoa(pageNo)+"\n\u00a0  \u00a0\n\u00a0\n"+furniture[lang].copyright+"\n"...)
}

// numberer prints the numbers of a run of mandates.
type numberer struct {
	kind     numbering
	counting bool // 1, 2, 3 rather than "1." throughout
	n, sub   int
	word     string // "Initiative"
}

func newNumberer(r *rng, d docSpec, lang int) *numberer {
	nb := &numberer{kind: d.num, counting: r.chance(300)}
	switch nb.kind {
	case numSection:
		nb.n, nb.sub = r.between(1, 23), 0
	case numInitiative:
		if r.chance(300) {
			nb.kind = numPlain
		}
		nb.n = r.between(0, 70)
		nb.word = "Initiative"
		if lang == langES {
			nb.word = "Iniciativa"
		}
	}
	return nb
}

// next returns the prefix of the next mandate's line, after the indent.
func (nb *numberer) next(r *rng) string {
	switch nb.kind {
	case numSection:
		nb.sub++
		if nb.sub > 1 && r.chance(150) {
			nb.n, nb.sub = nb.n+1, 1
		}
		return "• " + strconv.Itoa(nb.n) + "." + strconv.Itoa(nb.sub)
	case numInitiative:
		nb.n++
		return "• " + nb.word + " " + strconv.Itoa(nb.n) + "."
	}
	if !nb.counting {
		return "1."
	}
	nb.n++
	return strconv.Itoa(nb.n) + "."
}

// mandate writes one mandate with its items and citation; it returns how
// many paragraphs it wrote.
func (g *generator) mandate(w []byte, r *rng, lang int, th *theme, summit int, doc docSpec, number string) ([]byte, int) {
	cited := r.intn(1_000_000) >= g.uncited
	items := 0
	if canHaveItems(doc) && r.chance(g.itemsChance) {
		items = r.between(2, 6)
	}
	g.st.Mandates++
	g.st.Items += items
	if cited {
		g.st.BySummit[g.summits[summit].s.ID]++
	} else {
		g.st.Uncited += 1 + items
	}
	citation := doc.en
	if lang == langES {
		citation = doc.es
	}
	w = append(w, "  "+number+" "...)
	if items == 0 {
		start := len(w)
		w = g.paragraph(w, r, lang, th, summit, doc.style, roleMandate, drawLength(r, seedMandateWords))
		w = cite(w, start, r, citation, true, cited)
		return append(w, "\n\n"...), 1
	}
	w = g.paragraph(w, r, lang, th, summit, doc.style, roleIntro, r.between(6, 20))
	w = append(w, "\n\n"...)
	itemStyle := styleGerund
	if r.chance(400) {
		itemStyle = styleImperative
	}
	numbered := r.chance(100) // "    1." rather than "    • a."
	letters := itemLetters(r, items)
	for i := range items {
		if numbered {
			w = append(w, "    "+strconv.Itoa(i+1)+". "...)
		} else {
			w = append(w, "    • "+letters[i]+". "...)
		}
		role := roleItem
		if i == items-1 {
			role = roleLastItem
		}
		start := len(w)
		w = g.paragraph(w, r, lang, th, summit, itemStyle, role, drawLength(r, seedItemWords))
		if i == items-1 {
			w = cite(w, start, r, citation, false, cited)
		}
		w = append(w, "\n\n"...)
	}
	return w, 1 + items
}

// itemLetters are the letters of n items: a, b, c … mostly; sometimes a
// selection, as pages that quote some items of a longer list.
func itemLetters(r *rng, n int) []string {
	const abc = "abcdefghijkl"
	out := make([]string, 0, n)
	if r.chance(700) {
		for i := range n {
			out = append(out, abc[i:i+1])
		}
		return out
	}
	idx := make([]int, len(abc))
	for i := range idx {
		idx[i] = i
	}
	for i := len(idx) - 1; i > 0; i-- { // Fisher–Yates
		j := r.intn(i + 1)
		idx[i], idx[j] = idx[j], idx[i]
	}
	idx = idx[:n]
	slices.Sort(idx)
	for _, i := range idx {
		out = append(out, abc[i:i+1])
	}
	return out
}

func drawLength(r *rng, lengths []int) int {
	n := pick(r, lengths)
	d := n / 5
	return max(6, n+r.between(-d, d))
}

// cite appends a citation to the paragraph written from start, in one of
// the ways the pages print it; when the paragraph is not cited it only
// draws, so that the rest of the corpus stays the same whatever the share
// of uncited mandates.
func cite(w []byte, start int, r *rng, citation string, mandate, cited bool) []byte {
	x := r.intn(100)
	if !cited {
		return w
	}
	endsPeriod := len(w) > start && w[len(w)-1] == '.'
	switch {
	case x < 80:
		return append(w, " ("+citation+")."...)
	case x < 90:
		return append(w, " ("+citation+")"...)
	case x < 95 && endsPeriod:
		return append(w, "("+citation+")."...) // "Hemisphere.(Accelerating …"
	case mandate && endsPeriod:
		w = w[:len(w)-1] // "… their lives (Declaration of Mar del Plata, 2005)."
		return append(w, " ("+citation+")."...)
	}
	return append(w, " ("+citation+")."...)
}

// lowerFirst lower-cases an ASCII first letter: "Promote" → "promote".
func lowerFirst(s string) string {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

package nlp

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"summitgraph/graph"
)

// linkWords join a designation to the title before it: "Mandatos
// derivados de la Sexta Cumbre", "Report of the Third Summit".
var linkWords = words(`de la del of the du des da do das dos`)

// readColumn reads the clues of one column of a title block line and its
// title candidate.
func (c *Catalog) readColumn(tb *TitleBlock, col string, toks []titleToken, li int, names map[*graph.Summit][][]string, named map[int]bool, titles *[]titleCandidate) {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.norm
	}
	surface := func(from, to int) string { return col[toks[from].start:toks[to].end] }
	used := make([]bool, len(toks)) // tokens taken by a designation or a date
	designations := make([]bool, len(toks))
	first := len(tb.Clues)
	addClue := func(kind string, from, to int, summits []*graph.Summit) {
		tb.Clues = append(tb.Clues, Clue{Kind: kind, Text: surface(from, to), Line: li, Summits: summits})
	}
	// Designations: "<ordinal> Summit [of the Americas]".
	for i, w := range ws {
		if _, ok := lookupWord(summitWords, w); !ok {
			continue
		}
		named[li] = true
		from, to := i, i+americasTail(ws, i+1)
		if n := ordinalAt(ws, i); n > 0 {
			if i > 0 && (numeralOrdinal(ws[i-1], true) == n || cardinalOrOrdinal(ws[i-1]) == n) {
				from = i - 1
			} else if i+1 < len(ws) {
				to = max(to, i+1)
			}
			markUsed(used, from, to)
			markUsed(designations, from, to)
			addClue(ClueOrdinal, from, to, c.summitsWhere(func(s *graph.Summit) bool { return s.Ordinal != nil && *s.Ordinal == n }))
			continue
		}
		special := false
		for _, x := range []int{i - 1, i + 1} {
			if x >= 0 && x < len(ws) {
				if _, sp := lookupWord(specialWords, ws[x]); sp {
					special = true
					from, to = min(from, x), max(to, x)
				}
			}
		}
		markUsed(used, from, to)
		markUsed(designations, from, to)
		if special {
			addClue(ClueSpecial, from, to, c.summitsWhere(func(s *graph.Summit) bool { return s.Special }))
		} else {
			addClue(ClueSummit, from, to, nil)
		}
	}
	// A summit's own name: "Cumbre de las Américas sobre Desarrollo
	// Sostenible".
	for _, s := range c.Summits {
		for _, nw := range names[s] {
			for i := range ws {
				if seqAt(ws, i, nw) {
					addClue(ClueName, i, i+len(nw)-1, []*graph.Summit{s})
					break
				}
			}
		}
	}
	// Dates and years: the year names the summit; the day is recorded.
	for i := range ws {
		if used[i] {
			continue
		}
		if y, m, d, from, to, ok := dateAt(toks, i); ok {
			markUsed(used, from, to)
			if tb.Year == 0 {
				tb.Year = y
			}
			if tb.Date == "" && d > 0 {
				tb.Date = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
			}
			addClue(ClueDate, from, to, c.summitsWhere(func(s *graph.Summit) bool { return s.Year == y }))
		}
	}
	for i, w := range ws {
		if used[i] {
			continue
		}
		if y := isYearWord(w); y > 0 {
			used[i] = true
			if tb.Year == 0 {
				tb.Year = y
			}
			addClue(ClueYear, i, i, c.summitsWhere(func(s *graph.Summit) bool { return s.Year == y }))
		}
	}
	// Places and countries, longest first, capitalized.
	places := false
	for i := 0; i < len(ws); i++ {
		if used[i] || !startsUpper(col[toks[i].start:]) {
			continue
		}
		if p := c.placeOf(ws, i); p != nil {
			n := len(p.words)
			addClue(CluePlace, i, i+n-1, c.placeSummits(p.norm, true))
			places = true
			i += n - 1
			continue
		}
		if k, n := c.countryAt(ws, i); n > 0 {
			var ss []*graph.Summit
			for _, s := range c.Summits {
				if c.countries[k][s] {
					ss = append(ss, s)
				}
			}
			addClue(ClueCountry, i, i+n-1, ss)
			i += n - 1
		}
	}
	// The title candidate: from the first document word, over the words
	// around it that no designation or date takes, and over a designation
	// a linking word joins to it.
	firstDoc := -1
	for i, w := range ws {
		if _, ok := lookupWord(documentWords, w); ok && !used[i] {
			firstDoc = i
			break
		}
	}
	if firstDoc < 0 {
		if d, tw := c.findDocument(ws, nil); d != nil && len(tw) == len(ws) {
			*titles = append(*titles, titleCandidate{line: col, toks: toks, li: li, from: 0, to: len(toks) - 1, order: len(*titles)})
		}
		return
	}
	from, to := firstDoc, firstDoc
	for from > 0 && !used[from-1] {
		from--
	}
	for {
		for to+1 < len(ws) && !used[to+1] {
			to++
		}
		if to+1 < len(ws) && designations[to+1] && linkWords[ws[to]] {
			for to+1 < len(ws) && designations[to+1] {
				to++
			}
			continue
		}
		break
	}
	// A place or country after a comma is where it met, not its title:
	// "Declaration of Commitment of Port of Spain, Trinidad and Tobago".
	if k := strings.IndexAny(col[toks[firstDoc].end:toks[to].end], ",;("); k >= 0 {
		cut := toks[firstDoc].end + k
		for to > firstDoc && toks[to].start > cut {
			to--
		}
	}
	namesPlace := places
	for _, cl := range tb.Clues[first:] {
		namesPlace = namesPlace || cl.Kind == ClueOrdinal || cl.Kind == ClueSpecial || cl.Kind == ClueName
	}
	*titles = append(*titles, titleCandidate{line: col, toks: toks, li: li, from: from, to: to, kind: DocumentKind(surface(from, to)), namesPlace: namesPlace, order: len(*titles)})
}

// footnoteMark is a footnote number glued to a title's last word:
// "MANDATOS PARA LA ACCIÓN1".
var footnoteMark = regexp.MustCompile(`(\pL)\d{1,2}$`)

// setTitle takes a candidate as the block's title, and the catalog's
// document it names as a clue when that title is one summit's only.
func (c *Catalog) setTitle(tb *TitleBlock, t *titleCandidate) {
	start, end := t.toks[t.from].start, t.toks[t.to].end
	if t.from == 0 {
		start = 0 // "[Proyecto de] DECLARACIÓN", "«Déclaration de Québec»"
	}
	if t.to == len(t.toks)-1 {
		end = len(t.line)
	}
	title := strings.TrimRight(strings.TrimSpace(t.line[start:end]), ",;:.")
	title = footnoteMark.ReplaceAllString(title, "$1")
	kind := t.kind
	ws := clueWords(title)
	d, tw := c.findDocument(ws, nil)
	if kind == "" && d != nil {
		kind = d.Kind
	}
	tb.Title, tb.TitleLine, tb.Kind = title, t.li, kind
	tb.Clues = append(tb.Clues, Clue{Kind: ClueTitle, Text: title, Line: t.li})
	if d != nil && len(tw) >= 3 && !isDocType(tw) && c.uniqueTitle(d, tw) {
		tb.Clues = append(tb.Clues, Clue{Kind: ClueDocument, Text: title, Line: t.li, Summits: []*graph.Summit{d.Summit}})
	}
}

// cardinalOrOrdinal reads an ordinal or cardinal word; 0 when none.
func cardinalOrOrdinal(w string) int {
	if n, ok := lookupWord(ordinalWords, w); ok {
		return n
	}
	n, _ := lookupWord(cardinalWords, w)
	return n
}

func markUsed(used []bool, from, to int) {
	for k := from; k <= to && k < len(used); k++ {
		used[k] = true
	}
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || r == utf8.RuneError
}

// summitsWhere lists the catalog's summits that satisfy f.
func (c *Catalog) summitsWhere(f func(*graph.Summit) bool) []*graph.Summit {
	var out []*graph.Summit
	for _, s := range c.Summits {
		if f(s) {
			out = append(out, s)
		}
	}
	return out
}

// placeOf returns the longest summit place that starts at word i.
func (c *Catalog) placeOf(ws []string, i int) *place {
	for k := range c.places { // longest first
		if seqAt(ws, i, c.places[k].words) {
			return &c.places[k]
		}
	}
	return nil
}

// countryAt returns the longest country name that starts at word i, and
// its length in words.
func (c *Catalog) countryAt(ws []string, i int) (string, int) {
	best, n := "", 0
	for k := range c.countries {
		kw := strings.Fields(k)
		if len(kw) > n && seqAt(ws, i, kw) {
			best, n = k, len(kw)
		}
	}
	return best, n
}

// uniqueTitle reports whether a catalogued title is no other summit's
// document's.
func (c *Catalog) uniqueTitle(d *SummitDocument, tw []string) bool {
	key := strings.Join(tw, " ")
	for _, o := range c.Documents {
		if o.Summit == d.Summit {
			continue
		}
		for _, a := range o.words {
			if strings.Join(a, " ") == key {
				return false
			}
		}
	}
	return true
}

// strongClue reports whether a clue names a summit by more than its year
// or country.
func strongClue(k string) bool {
	switch k {
	case ClueOrdinal, ClueSpecial, ClueName, CluePlace, ClueDocument:
		return true
	}
	return false
}

// resolveClues sets the block's summit when every clue allows one summit
// only, and says why not otherwise.
func (c *Catalog) resolveClues(tb *TitleBlock, clues []Clue, named bool) {
	tb.Summit, tb.Problem = nil, ""
	cands := c.Summits
	strong, weak := false, false
	var filters []Clue
	for _, cl := range clues {
		if cl.Summits == nil && cl.Kind != ClueSpecial && cl.Kind != ClueOrdinal && cl.Kind != ClueDate && cl.Kind != ClueYear {
			continue // a title or a bare "Summit of the Americas" allows any
		}
		filters = append(filters, cl)
		if strongClue(cl.Kind) {
			strong = true
		} else {
			weak = true
		}
		var keep []*graph.Summit
		for _, s := range cands {
			if containsSummit(cl.Summits, s) {
				keep = append(keep, s)
			}
		}
		cands = keep
	}
	describe := func() string {
		var parts []string
		for _, cl := range filters {
			var ls []string
			for _, s := range cl.Summits {
				ls = append(ls, s.Label())
			}
			if len(ls) == 0 {
				ls = []string{"no summit of the catalog"}
			}
			parts = append(parts, fmt.Sprintf("%q (line %d: %s)", cl.Text, cl.Line+1, strings.Join(ls, ", ")))
		}
		return strings.Join(parts, "; ")
	}
	switch {
	case len(filters) == 0:
		tb.Problem = "names no summit (no ordinal, place, country, date or year)"
	case len(cands) == 0:
		tb.Problem = "its clues name no single summit: " + describe()
	case len(cands) > 1:
		var ls []string
		for _, s := range cands {
			ls = append(ls, s.Label())
		}
		tb.Problem = fmt.Sprintf("it could name several summits (%s): %s", strings.Join(ls, ", "), describe())
	case !strong && !(weak && named):
		tb.Problem = "it names a summit only by its year or country (" + describe() + "), without \"Summit of the Americas\""
	default:
		tb.Summit = cands[0]
	}
}

package nlp

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"summitgraph/graph"
)

// docPara is a paragraph of a document as it is read.
type docPara struct {
	number     string
	printed    bool // the number is printed; false when given by position
	lettered   bool
	line       int
	lines      []string
	section    string
	heading    string
	numScope   int    // the numbered heading in force (an instance count); 0 when none
	headingNum string // its number
	scope      int    // the heading in force (an instance count)
	parent     *docPara
	items      int
	merged     bool // its text went into the paragraph before it
	title      bool // a numbered heading
	index      int
}

func (r *docPara) lastLine() string { return r.lines[len(r.lines)-1] }

// docParser reads the blocks of a summit document.
type docParser struct {
	c     *Catalog
	name  string
	p     *Page
	d     *Document
	paras []*docPara

	titles map[string]bool // the title block's lines, normalized: a running header repeats them
	body   bool            // the first paragraph was read: preambular text is now a section's
	// romanSections is set once a section heading is numbered in Roman
	// figures or is a chapter: the other headings are under them.
	romanSections bool
	numbers       bool // the document numbers its paragraphs or sections

	section, heading string
	majorNum         string // number of the section heading in force
	minorNum         string // number of the sub-heading in force
	scope, numScope  int
	lastTop          *docPara   // the last top-level paragraph under the heading in force
	initiative       *docPara   // an initiative whose text goes on in the blocks after its title
	last             *docPara   // the last paragraph or item under the heading in force
	lastPre          int        // index in Preamble of the text written last, -1 when a paragraph was
	lastPreLine      string     // its last line
	preLines         [][]string // the text of each Preamble block, joined at the end
	lastPrinted      int        // the last printed integer number of a top-level paragraph

	nav, toc, footnotes, notes, unnumbered []int // first lines, for the warnings
}

func (dp *docParser) run(blocks []*block, tb *titleBlock) {
	dp.lastPre = -1
	// The title block: its lines, and a block it ends inside of split
	// after it.
	end := tb.last + 1
	var subtitle []docLine
	if lb := blocks[tb.last]; tb.lastLine < len(lb.lines)-1 {
		ls := lb.lines[tb.lastLine+1:]
		// "LIMA COMMITMENT" then "DEMOCRATIC GOVERNANCE AGAINST
		// CORRUPTION": the title's second part.
		for len(ls) > 0 && len(subtitle) < 3 && subtitleLines(ls[:1]) {
			subtitle, ls = append(subtitle, ls[0]), ls[1:]
		}
		if len(ls) > 0 {
			tail := &block{lines: ls, rest: ls[0].text}
			blocks = append(blocks[:end:end], append([]*block{tail}, blocks[end:]...)...)
		}
	} else if end < len(blocks) && (subtitleLines(blocks[end].lines) && len(strings.Fields(joinLines(blocks[end].lines))) >= 4 || motto(blocks[end])) {
		// A subtitle in capitals a blank line below the title: "SECURING
		// OUR CITIZENS' FUTURE BY PROMOTING HUMAN PROSPERITY, …"; a
		// summit's motto in quotes.
		subtitle = blocks[end].lines
		end++
	}
	for bi := tb.first; bi <= tb.last; bi++ {
		b := blocks[bi]
		for li, l := range b.lines {
			if bi == tb.last && li > tb.lastLine {
				break
			}
			dp.d.TitleBlock = append(dp.d.TitleBlock, TextBlock{Line: l.no, Text: l.text})
			for _, c := range cells(l.text) {
				dp.titles[graph.NormalizeName(c)] = true
				if t := withoutFurnitureTail(c); t != c {
					dp.titles[graph.NormalizeName(t)] = true
				}
			}
		}
	}
	for _, l := range subtitle {
		dp.d.TitleBlock = append(dp.d.TitleBlock, TextBlock{Line: l.no, Text: l.text})
	}
	dp.d.Line = tb.lines[0].line
	if dp.d.TitleBlock[0].Line < dp.d.Line {
		dp.d.Line = dp.d.TitleBlock[0].Line
	}
	dp.c.resolveTitle(dp.d, tb.lines)
	// Before the title block: a note, or a site's navigation.
	for _, b := range blocks[:tb.first] {
		if b.nav {
			dp.nav = append(dp.nav, b.lines[0].no)
			continue
		}
		dp.d.Notes = append(dp.d.Notes, TextBlock{Line: b.lines[0].no, Text: joinLines(b.lines)})
		dp.notes = append(dp.notes, b.lines[0].no)
	}
	rest := blocks[end:]
	for _, b := range rest {
		if b.number != "" || numberedHeading(b.first()) || firstChain(b.text()) {
			dp.numbers = true
			break
		}
	}
	for i := 0; i < len(rest); i++ {
		i += dp.block(rest, i)
	}
}

func joinLines(ls []docLine) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// motto reports whether a block is one line in quotes: a summit's motto
// under the title ("Prosperidad con Equidad: …").
func motto(b *block) bool {
	t := b.first()
	if len(b.lines) != 1 || b.number != "" || b.lettered || len(strings.Fields(t)) > 20 {
		return false
	}
	r1, _ := utf8.DecodeRuneInString(t)
	r2, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(`"“«`, r1) && strings.ContainsRune(`"”»`, r2)
}

// runningHeader reports whether a line is the title block's printed again
// at the top of a page, perhaps beside a page counter.
func (dp *docParser) runningHeader(t string) bool {
	return everyCell(t, func(c string) bool { return dp.titles[graph.NormalizeName(c)] || docFurniture(c) })
}

// subtitleLines reports whether the lines after a title block's last line,
// in its block, are more of its title: a few lines in capitals.
func subtitleLines(ls []docLine) bool {
	if len(ls) > 3 {
		return false
	}
	for _, l := range ls {
		if !allCaps(l.text) || len(strings.Fields(l.text)) > 25 || preambular(l.text) {
			return false
		}
		if _, _, ok := docNumbered(l.text); ok || numberedHeading(l.text) {
			return false
		}
	}
	return true
}

// block reads blocks[i] and returns how many blocks after it it used too.
func (dp *docParser) block(blocks []*block, i int) int {
	b := blocks[i]
	first := b.first()
	switch {
	case b.nav:
		dp.nav = append(dp.nav, b.lines[0].no)
		return 0
	case len(b.lines) == 1 && b.number == "" && dp.runningHeader(first):
		return 0 // the title printed again at the top of a page
	case b.number == "" && tocTitles[graph.NormalizeName(first)]:
		return dp.skipTOC(blocks, i)
	case footnote(b, dp.lastPrinted):
		dp.d.Notes = append(dp.d.Notes, dp.textBlock(b.lines[0].no, joinLines(b.lines)))
		dp.footnotes = append(dp.footnotes, b.lines[0].no)
		return 0
	}
	if n := dp.tocRun(blocks, i); n > 0 {
		return n - 1
	}
	if used, ok := dp.headingAt(blocks, i); ok {
		return used
	}
	switch {
	case b.number != "" && !b.lettered:
		text := b.text()
		if strings.TrimSpace(text) == "" && i+1 < len(blocks) && blocks[i+1].number == "" && !blocks[i+1].nav && !blocks[i+1].bullet {
			// "1." on a line of its own, its text in the block after it.
			dp.numbered(b.number, b.lines[0].no, joinLines(blocks[i+1].lines))
			return 1
		}
		dp.numbered(b.number, b.lines[0].no, text)
	case b.lettered && (dp.body || !dp.numbers):
		dp.item(b, b.number, true)
	default:
		dp.text(b)
	}
	return 0
}

// skipTOC skips a table of contents: its title, and the short lines after
// it, up to a line that repeats its first entry.
func (dp *docParser) skipTOC(blocks []*block, i int) int {
	dp.toc = append(dp.toc, blocks[i].lines[0].no)
	firstEntry := ""
	n := 0
	for j := i + 1; j < len(blocks); j++ {
		b := blocks[j]
		if len(b.lines) > 1 && !b.nav {
			break
		}
		t := b.first()
		k := graph.NormalizeName(t)
		if firstEntry == "" {
			firstEntry = k
		} else if k == firstEntry {
			break
		}
		if !b.nav && !shortTitle(t, 12) {
			break
		}
		n++
	}
	return n
}

// tocRun skips three or more numbered short titles in a row, a table of
// contents without its title ("1. Democracy", "2. Prosperity", …), and
// returns how many blocks it skipped. The last of the run is a heading
// when text follows it.
func (dp *docParser) tocRun(blocks []*block, i int) int {
	isEntry := func(b *block) bool {
		return b.number != "" && !b.lettered && len(b.lines) == 1 && shortTitle(b.rest, 12)
	}
	n := 0
	for j := i; j < len(blocks) && isEntry(blocks[j]); j++ {
		n++
	}
	if n < 3 {
		return 0
	}
	if j := i + n; j < len(blocks) && blocks[j].number == "" {
		n-- // the last one heads the text after it
	}
	dp.toc = append(dp.toc, blocks[i].lines[0].no)
	return n
}

var reFootnote = regexp.MustCompile(`^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S|\d{1,2}\s+\p{Lu}|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\s+\p{Lu})`)

// footnote reports whether a block is a footnote: it starts with a
// superscript figure, or a figure or a small Roman one without a period
// ("1 The Government of…", "i In this document…"), which a paragraph's
// number would have; or, under a page's rule, with a number that does
// not go on from the paragraphs' ("1. In accordance with…" after
// paragraph 5).
func footnote(b *block, lastPrinted int) bool {
	if b.afterRule && b.number != "" && !b.lettered {
		n, err := strconv.Atoi(b.number)
		return err == nil && n <= lastPrinted
	}
	if b.number != "" || b.lettered || b.bullet {
		return false
	}
	return reFootnote.MatchString(b.first())
}

// headingAt reads a heading at blocks[i]: a section heading (roman
// numbers, a capital letter, a chapter, or all capitals, perhaps split
// over two blocks) or a sub-heading ("II.1 …", a numbered short title
// with text after it, a short line in title case). It returns how many
// blocks after i it took.
func (dp *docParser) headingAt(blocks []*block, i int) (int, bool) {
	b := blocks[i]
	first := b.first()
	if preambular(first) || b.lettered || b.bullet {
		return 0, false
	}
	oneLine := len(b.lines) == 1
	var number string
	major := false
	switch {
	case b.number != "":
		// A numbered short title in capitals heads a chapter ("1.
		// FAZENDO A DEMOCRACIA FUNCIONAR MELHOR"); in small letters, with
		// text after it, a section ("1. Renforcer la démocratie").
		if !oneLine || !shortTitle(b.rest, 12) {
			return 0, false
		}
		j := i + 1
		for j < len(blocks) && blocks[j].nav {
			j++
		}
		major = allCaps(b.rest)
		if !major && (j >= len(blocks) || blocks[j].number != "" || blocks[j].lettered || !startsUpper(blocks[j].rest)) {
			return 0, false // "5. We reaffirm our commitment" cut before "to democracy."
		}
		if !major {
			// An initiative: its title line opens a paragraph that the
			// text after it goes on, its bullets its items: the Miami
			// Plan's "1. Strengthening Democracy", "Governments will:",
			// "- Give expeditious consideration…".
			dp.numbered(b.number, b.lines[0].no, b.rest)
			dp.initiative = dp.lastTop
			return 0, true
		}
		number = b.number
	case oneLine && reChapter.MatchString(first):
		number, major = reChapter.FindStringSubmatch(first)[1], true
	case oneLine:
		if n, sub, ok := romanHeading(first); ok {
			number, major = n, !sub
		} else if letterHeading(first) {
			number, major = first[:1], true
		} else if allCaps(first) && len(strings.Fields(first)) <= 20 && !strings.HasSuffix(first, ",") && !strings.HasSuffix(first, ":") {
			major = true // not "DECLARAMOS:", which leads in to what follows
		} else if !titleCase(first) && !sentenceHeading(blocks, i) {
			return 0, false
		}
	default:
		joined := strings.ReplaceAll(joinLines(b.lines), "\n", " ")
		numberedStart := reLetterHeading.MatchString(first) || reRomanHeading.MatchString(first) || reChapter.MatchString(first)
		switch {
		case len(b.lines) > 3 || len(strings.Fields(joined)) > 30:
			return 0, false
		case allCaps(joined):
		case numberedStart && shortTitle(joined, 30):
			// "B.   Transparency, Access to Information, Protection of
			// Whistleblowers, and Human\n     Rights, including Freedom
			// of Expression"
		default:
			return 0, false
		}
		major = true
		// "III. INSTITUTIONAL AND FINANCIAL ARRANGEMENTS AND\nFOLLOW-UP"
		if n, _, ok := romanHeading(first); ok {
			number = n
		} else if letterHeading(first) {
			number = first[:1]
		} else if m := reChapter.FindStringSubmatch(first); m != nil {
			number = m[1]
		}
	}
	text := strings.ReplaceAll(joinLines(b.lines), "\n", " ")
	used := 0
	// A section heading split over two blocks: "I. PRESERVER ET RENFORCER
	// LA COMMUNAUTE DE DEMOCRATIES" then "AUX AMERIQUES".
	if major && i+1 < len(blocks) {
		nb := blocks[i+1]
		nt := joinLines(nb.lines)
		if nb.number == "" && !nb.lettered && !nb.bullet && allCaps(nt) && len(strings.Fields(nt)) <= 12 && !numberedHeading(nb.first()) && (startsWithJoinWord(nt) || endsWithJoinWord(text)) {
			text += " " + strings.ReplaceAll(nt, "\n", " ")
			used = 1
		}
	}
	roman := number != "" && (reChapter.MatchString(first) || isRomanHeading(first))
	if major && !roman && dp.romanSections {
		major = false // "A. Reinforcement of Democratic Governance" under "I. PROMOTING HUMAN PROSPERITY"
	}
	if major && roman {
		dp.romanSections = true
	}
	dp.setHeading(text, number, major)
	if b.number != "" {
		// A numbered chapter heading is a numbered paragraph too, the
		// title of what follows: the Quebec Plan's "1. MAKING DEMOCRACY
		// WORK BETTER".
		r := dp.newPara(b.number, true, b.lines[0].no, b.rest)
		r.title = true
		if n, err := strconv.Atoi(b.number); err == nil {
			dp.lastPrinted = n
		}
		dp.last = nil
	}
	return used, true
}

// sentenceHeading reports whether blocks[i] is a short line in sentence
// case that heads the paragraph after it ("Promouvoir la prospérité
// humaine"): at most eight words, starting with a capital, not ending as
// a sentence, with a paragraph of some length after it; up to eighteen
// words without a comma before a long paragraph ("Renforcer le suivi et
// l'efficacité de la mise en œuvre du processus des Sommets des
// Amériques").
func sentenceHeading(blocks []*block, i int) bool {
	b := blocks[i]
	if len(b.lines) != 1 || b.number != "" || b.bullet || !shortTitle(b.first(), 18) || i+1 >= len(blocks) {
		return false
	}
	long := len(strings.Fields(b.first())) > 8
	if long && strings.Contains(b.first(), ",") {
		return false // a clause, not a title
	}
	nb := blocks[i+1]
	need := 12
	if long {
		need = 20
	}
	return !nb.nav && startsUpper(nb.rest) && len(strings.Fields(nb.text())) >= need
}

func isRomanHeading(t string) bool {
	_, sub, ok := romanHeading(t)
	return ok && !sub
}

func startsWithJoinWord(t string) bool {
	f := strings.Fields(normWords(t))
	return len(f) > 0 && joinWords[f[0]]
}

func endsWithJoinWord(t string) bool {
	f := strings.Fields(normWords(t))
	return len(f) > 0 && joinWords[f[len(f)-1]]
}

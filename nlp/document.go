package nlp

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"summitgraph/graph"
)

// Document is the summit document a file is (a declaration, a plan of
// action, a commitment, "mandates for action"), read from its own title
// block. Its paragraphs are the Page's.
type Document struct {
	// Title as printed ("Declaration of Commitment of Port of Spain",
	// "MANDATOS PARA LA ACCIÓN"), without a footnote marker glued to it;
	// the first line naming the summit when the title block names no
	// document.
	Title string
	Kind  graph.DocumentKind
	// Summit is the summit every clue of the title block agrees on; nil
	// when they name none, or two.
	Summit *graph.Summit
	// Problem says why Summit is nil.
	Problem string
	// Year of the summit's date in the title block; 0 when none.
	Year int
	// Line is the first line of the title block.
	Line int
	// Clues are the title block's evidence, each at its line in the file.
	Clues []Clue
	// TitleBlock is the title block's lines as printed.
	TitleBlock []TextBlock
	// Preamble is the unnumbered preambular text, in order: what comes
	// before the first paragraph ("We, the Heads of State…",
	// "CONSIDERANDO"), and a section's own ("Recognizing that…:",
	// "Governments will:").
	Preamble []TextBlock
	// Notes is text set aside, neither title nor paragraph: a note or
	// draft's remark before the title block, footnotes.
	Notes []TextBlock
}

// TextBlock is a run of text of a document that is not a paragraph, with
// where it is.
type TextBlock struct {
	Line    int
	Section string // heading of the section it is in; "" when none
	Heading string
	Text    string // exactly as printed, lines joined with "\n"
}

// maxHeadBlocks and maxHeadLines bound how far into a file a title block
// is looked for.
const (
	maxHeadBlocks = 150
	maxHeadLines  = 400
)

// parseDocument reads a file as a summit document, or returns nil when it
// is a compilation page. The two are told apart by their structure, never
// by a file's name:
//
//   - A compilation page ("Follow-up and Implementation: Mandates") lists
//     mandates each ending with its citation in parentheses, "(Plan of
//     Action Québec, 2001).", under theme headings.
//   - A summit document opens with a title block (short lines naming the
//     document, "Plan of Action", or its summit, "Fifth Summit of the
//     Americas", with its place and date) and its numbered paragraphs
//     carry no citation.
//
// So a file is a summit document when it has a title block before its
// first paragraph, no compilation page's header, and fewer than half of
// its top-level paragraphs end with a citation.
func (c *Catalog) parseDocument(name string, lines []string) *Page {
	if c == nil || compilationHeader(lines) {
		return nil
	}
	blocks := splitBlocks(lines)
	tb := c.findTitleBlock(blocks)
	if tb == nil {
		return nil
	}
	dp := &docParser{c: c, name: name, p: &Page{File: name}, d: &Document{}, titles: map[string]bool{}}
	dp.p.Document = dp.d
	dp.run(blocks, tb)
	cited, top := 0, 0
	for _, r := range dp.paras {
		if r.parent == nil && !r.merged {
			top++
			if _, cit := splitCitation(strings.Join(r.lines, "\n"), c); cit != "" {
				cited++
			}
		}
	}
	if cited > 0 && 2*cited >= top {
		return nil
	}
	dp.finish()
	return dp.p
}

// compilationHeader reports whether a file carries a compilation page's
// header ("Follow-up and Implementation: Mandates"), in any of the four
// languages.
func compilationHeader(lines []string) bool {
	for _, l := range lines {
		if len(l) > 80 {
			continue
		}
		switch graph.NormalizeName(l) {
		case "followupandimplementationmandates", "seguimientoeimplementacionmandatos",
			"suivietmiseenoeuvremandats", "acompanhamentoeimplementacaomandatos":
			return true
		}
	}
	return false
}

// docLine is a line of a document, trimmed, with its number.
type docLine struct {
	no   int
	text string
}

// block is a run of lines between blank lines, or starting at a numbered
// or lettered line.
type block struct {
	lines    []docLine
	number   string // number printed at its start; "" when none
	lettered bool   // starts with a letter: "a)", "(b)"
	bullet   bool   // starts with a bullet and no number
	rest     string // its first line after the number, letter or bullet
	nav      bool   // a site's menu: many short lines
	// afterRule is set when a rule ("_______") comes before it: the
	// footnotes of a page.
	afterRule bool
}

// text is the block's text after its number: its lines joined with "\n".
func (b *block) text() string {
	if len(b.lines) == 1 {
		return b.rest
	}
	var s strings.Builder
	s.WriteString(b.rest)
	for _, l := range b.lines[1:] {
		if s.Len() > 0 {
			s.WriteByte('\n')
		}
		s.WriteString(l.text)
	}
	return s.String()
}

func (b *block) first() string { return b.lines[0].text }

var (
	reBullet = regexp.MustCompile(`^[•·▪◦‣●○■□➢➤►✓\-–]\s*`)
	// reInitiativeColon is "Initiative 1:" and "Iniciativa 3 -", which the
	// compilation pages' patterns do not read.
	reInitiativeColon = regexp.MustCompile(`^((?:Initiative|Iniciativa|INITIATIVE|INICIATIVA)\s+\d{1,4})\s*[:\-–—]\s+`)
	// reParenNumber is "1) We reaffirm" and "(1) We reaffirm": a number in
	// parentheses before a capital.
	reParenNumber = regexp.MustCompile(`^\(?(\d{1,3})\)\s+\p{Lu}`)
	// A document's symbol and its distribution notes: "OEA/Ser.E",
	// "CA-V/DEC.1/09", "Original: English".
	reSymbol = regexp.MustCompile(`(?i)^(?:(?:OEA|OAS)/Ser\.\S*|[A-Z][A-Z0-9.-]*(?:/[A-Za-z0-9.\-]+){2,}|original\s*:\s*\p{L}+|distribution\s*:.*|distribuci[oó]n\s*:.*)$`)
	// A page counter: "Vous êtes sur la page 1sur 26", "Page 3 of 12",
	// "Página 2 de 10", "- 4 -".
	// A running header with its page: "Déclaration de Québec – page 2".
	reHeaderPage   = regexp.MustCompile(`(?i)^.{3,80}\s[-–—|]\s*(?:page|p[aá]gina|p\.)\s*\d{1,4}(?:\s*(?:of|de|sur|/)\s*\d{1,4})?$`)
	rePageCounter  = regexp.MustCompile(`(?i)^(?:(?:vous\s+[eê]tes\s+sur\s+la\s+|you\s+are\s+on\s+)?(?:page|p[aá]gina)\s*\d{1,4}\s*(?:sur|of|de|/)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—])$`)
	reSuperscripts = regexp.MustCompile(`^[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]+$`)
	// A table of contents' line: "Democracy ........ 3".
	reDotLeader = regexp.MustCompile(`(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,4}$`)
	reURL       = regexp.MustCompile(`(?i)(?:https?://|www\.)\S+`)
)

// languageNames are the words of a republishing site's language menu.
var languageNames = words(`english espanol francais portugues ingles frances anglais espagnol portugais portuguese spanish french en es fr pt eng esp fra por`)

// navLines are lines of a site's navigation or of a fact sheet's
// furniture, normalized.
var navLines = words(`home inicio accueil contact contacts contacto contactenos contato contatos search buscar rechercher pesquisar print imprimir imprimer share compartir partager sitemap sitemap mapadelsitio mapadosite plandusite backtotop top volverarriba retourenhaut voltaraotopo menu skiptocontent skiptomaincontent factsheet medianote forimmediaterelease officeofthespokesperson pressrelease comunicadodeprensa communiquedepresse notaaimprensa printerfriendlyversion versionimprimible versionimprimable`)

// docFurniture reports whether a line of a summit document is page or
// site furniture: page numbers and counters, rules, a language menu,
// navigation, a bare web address, a lone footnote marker, a table of
// contents' line. Furniture is short: a long line is only checked for a
// rule and dot leaders.
func docFurniture(t string) bool {
	if t != "" && t[len(t)-1] >= '0' && t[len(t)-1] <= '9' && reDotLeader.MatchString(t) {
		return true
	}
	if len(t) > 100 {
		return reRule.MatchString(t)
	}
	if isFurniture(t) || rePageCounter.MatchString(t) || reHeaderPage.MatchString(t) || reSuperscripts.MatchString(t) || reSymbol.MatchString(t) || navLines[graph.NormalizeName(t)] || navBar(t) {
		return true
	}
	if fs := strings.Fields(normWords(t)); len(fs) >= 2 {
		all := true
		for _, f := range fs {
			all = all && languageNames[f]
		}
		if all {
			return true
		}
	}
	return reURL.MatchString(t) && len(strings.Fields(t)) <= 6
}

// navBar reports whether a line is a site's menu bar: short items
// separated by "|" or "·" ("Home | Summits | Documents | Contact").
func navBar(t string) bool {
	items := strings.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '·' || r == '»' || r == '>' || r == '›' })
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if len(strings.Fields(it)) > 4 {
			return false
		}
	}
	return true
}

// docNumbered is numbered, and "Initiative 1:", "1)", "(1)" too; an
// initiative's number is its figure ("Initiative 1." is number 1).
func docNumbered(t string) (number string, n int, ok bool) {
	if num, n, ok := numbered(t); ok {
		return initiativeFigure(num), n, true
	}
	if m := reInitiativeColon.FindStringSubmatch(t); m != nil {
		return initiativeFigure(m[1]), len(m[0]), true
	}
	if m := reParenNumber.FindStringSubmatchIndex(t); m != nil {
		_, size := utf8.DecodeLastRuneInString(t[:m[1]])
		return t[m[2]:m[3]], m[1] - size, true
	}
	return "", 0, false
}

// initiativeFigure is the figure of an initiative's number: "Initiative
// 1" is "1".
func initiativeFigure(num string) string {
	if i := strings.LastIndexByte(num, ' '); i >= 0 {
		return num[i+1:]
	}
	return num
}

// cells are the columns of a line (see columns), trimmed: an OAS title
// block prints the document's code in a right-hand column ("FIFTH SUMMIT
// OF THE AMERICAS        OEA/Ser.E"), a printed page its header and
// counter.
func cells(t string) []string {
	var out []string
	for _, c := range columns(t) {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// furnitureLine reports whether a line is furniture, or every column of
// it is ("- 2 -        CA-VIII/doc.1/18").
func furnitureLine(t string) bool {
	if docFurniture(t) {
		return true
	}
	cs := cells(t)
	if len(cs) < 2 {
		return false
	}
	for _, c := range cs {
		if !docFurniture(c) {
			return false
		}
	}
	return true
}

// splitBlocks cuts a document's lines into blocks: at blank lines and
// furniture, and before a numbered or lettered line or a bullet (unless
// it goes on with a sentence, "Article\n17.1 of the Charter").
func splitBlocks(lines []string) []*block {
	var out []*block
	var cur *block
	rule := false // a rule was drawn since the last block: footnotes follow
	add := func(b *block) {
		b.afterRule, rule = rule, false
		out = append(out, b)
		cur = b
	}
	for i, raw := range lines {
		line := strings.TrimRight(raw, "\r")
		if blank(line) {
			cur = nil
			continue
		}
		t := trimSpace(line)
		if cur != nil && allCaps(t) && endsWithJoinWord(cur.lines[len(cur.lines)-1].text) && allCaps(cur.lines[len(cur.lines)-1].text) && !rePageCounter.MatchString(t) {
			// A heading in capitals goes on on the next line, even with
			// words that are page furniture alone ("… DEL PROCESO DE" /
			// "CUMBRES DE LAS AMÉRICAS").
			cur.lines = append(cur.lines, docLine{no: i + 1, text: t})
			continue
		}
		if furnitureLine(t) {
			cur = nil
			rule = rule || reRule.MatchString(t)
			continue
		}
		dl := docLine{no: i + 1, text: t}
		if cur != nil && docContinues(cur.lines[len(cur.lines)-1].text, t) {
			cur.lines = append(cur.lines, dl)
			continue
		}
		if num, n, ok := docNumbered(t); ok {
			add(&block{lines: []docLine{dl}, number: num, rest: t[n:]})
			continue
		}
		if m := reLettered.FindStringSubmatch(t); m != nil {
			add(&block{lines: []docLine{dl}, number: m[1], lettered: true, rest: t[len(m[0]):]})
			continue
		}
		if loc := reBullet.FindStringIndex(t); loc != nil && loc[1] < len(t) && !strings.HasPrefix(t, "--") {
			add(&block{lines: []docLine{dl}, bullet: true, rest: t[loc[1]:]})
			continue
		}
		// A heading or a footnote printed right under a finished sentence
		// starts a block of its own.
		if cur == nil || endsSentence(cur.lines[len(cur.lines)-1].text) && (numberedHeading(t) || reFootnote.MatchString(t) || allCaps(t) && len(strings.Fields(t)) <= 20) {
			add(&block{lines: []docLine{dl}, rest: t})
			continue
		}
		cur.lines = append(cur.lines, dl)
	}
	for _, b := range out {
		b.nav = menu(b)
	}
	return out
}

// docContinues is continues for a document, where a lettered item starts
// in lower case ("and\nc) report on progress"): a line that starts with
// a letter goes on with the sentence before it only after a word that
// asks for one ("paragraph\nb) of Article 3").
func docContinues(prev, t string) bool {
	if _, _, ok := docNumbered(t); ok {
		return continues(prev, t)
	}
	if reLettered.MatchString(t) {
		f := strings.Fields(prev)
		return len(f) > 0 && askForNumber[graph.NormalizeName(f[len(f)-1])] && continues(prev, t)
	}
	return false
}

// menu reports whether a block is a site's menu: four lines or more, each
// of three words or fewer, none ending a sentence.
func menu(b *block) bool {
	if len(b.lines) < 4 || b.number != "" || b.lettered {
		return false
	}
	for _, l := range b.lines {
		if len(strings.Fields(l.text)) > 3 || endsSentence(l.text) {
			return false
		}
	}
	return true
}

// preambleOpeners are how preambular text starts, normalized: "We, the
// Heads of State…", "Recognizing…", "CONSIDERANDO", "Nosotros, los Jefes
// de Estado…", "Les chefs d'État…", "Nós, os Chefes de Estado…".
var preambleOpeners = func() [][]string {
	var out [][]string
	for _, s := range []string{
		// English
		"we the heads", "we the leaders", "we the democratically", "we the elected", "the heads of state", "the elected heads",
		"recognizing", "recognising", "reaffirming", "considering", "noting", "convinced", "aware", "bearing in mind",
		"acknowledging", "welcoming", "emphasizing", "emphasising", "affirming", "whereas", "mindful", "concerned",
		"deeply concerned", "determined", "underscoring", "stressing", "taking into account", "reiterating", "recalling",
		"guided by", "inspired by", "having met", "gathered",
		// Spanish
		"nosotros los jefes", "nosotros los mandatarios", "los jefes de estado", "considerando", "reconociendo",
		"reafirmando", "conscientes", "convencidos", "teniendo en cuenta", "tomando en cuenta", "teniendo presente",
		"destacando", "subrayando", "afirmando", "resaltando", "observando", "preocupados", "decididos", "recordando",
		"reiterando", "guiados por", "inspirados", "reunidos",
		// French
		"nous chefs", "nous les chefs", "les chefs d etat", "reconnaissant", "considerant", "reaffirmant", "conscients",
		"convaincus", "notant", "soulignant", "ayant a l esprit", "tenant compte", "preoccupes", "determines",
		"rappelant", "reiterant", "guides par", "reunis",
		// Portuguese
		"nos os chefes", "os chefes de estado", "reconhecendo", "reafirmando", "tendo em conta", "tendo presente",
		"sublinhando", "determinados", "reunidos",
	} {
		out = append(out, strings.Fields(s))
	}
	return out
}()

// preambular reports whether text starts as preambular text does.
func preambular(text string) bool {
	cut := false
	if len(text) > 64 {
		// The openers are a few words long: read the first ones only.
		k := 64
		for k > 0 && !utf8.RuneStart(text[k]) {
			k--
		}
		text, cut = text[:k], true
	}
	fs := strings.Fields(normWords(text))
	if cut && len(fs) > 0 {
		fs = fs[:len(fs)-1] // perhaps a word cut in two
	}
	for _, o := range preambleOpeners {
		if len(fs) >= len(o) {
			ok := true
			for k, w := range o {
				ok = ok && fs[k] == w
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// joinWords are words a line does not end with when its sentence is
// complete, normalized: a text after one goes on with it even after a
// page break.
var joinWords = words(`the of and to in for a an with by on at from as or its their our el la los las de del y e o en al con por para su sus un una que le les du des et au aux pour par sur dans leur leurs nos o os as do da dos das em no na nas com um uma seu sua`)

// goesOn reports whether text t goes on with the text that prev ended:
// prev stops mid-sentence, and t starts in lower case or prev ends with a
// comma, a hyphen or a word a sentence does not end with.
func goesOn(prev, t string) bool {
	prev = strings.TrimRightFunc(prev, unicode.IsSpace)
	if prev == "" || endsSentence(prev) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); unicode.IsLower(r) {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(prev); r == ',' || r == '-' || r == '–' {
		return true
	}
	f := strings.Fields(prev)
	return joinWords[normWords(f[len(f)-1])]
}

// titleBlock is where a document's title block is: blocks[first] to
// blocks[last], up to line lastLine of blocks[last], with its clue lines.
type titleBlock struct {
	first, last, lastLine int
	lines                 []titleLine
}

// findTitleBlock looks for the title block before a file's first
// paragraph or preamble: lines that read as a title block's, at least one
// naming the document or its summit. Supporting lines (a place, a date)
// after it belong to it when they are within a few blocks of the last
// one; further down only a line naming the document or its summit does.
func (c *Catalog) findTitleBlock(blocks []*block) *titleBlock {
	head := headLines(blocks)
	if len(head) == 0 {
		return nil
	}
	tls := c.titleLines(head)
	// A block of many short lines most of which say nothing of a summit
	// is a site's menu, even when some do ("I Cúpula (Miami, 1994)", "II
	// Cúpula (Santiago, 1998)").
	menuish := map[int]bool{}
	for bi, b := range blocks {
		if bi > head[len(head)-1].bi {
			break
		}
		if !shortLines(b) {
			continue
		}
		titled := 0
		for k, h := range head {
			if h.bi == bi && tls[k] != nil {
				titled++
			}
		}
		if 2*titled < len(b.lines) {
			menuish[bi] = true
			b.nav = true
		}
	}
	var tb *titleBlock
	var pending []titleLine // supporting lines of the current block before a primary one
	block := -1
	for k, h := range head {
		tl := tls[k]
		if h.bi != block {
			block, pending = h.bi, pending[:0]
		}
		switch {
		case tl == nil || menuish[h.bi]:
			continue
		case tb == nil && !tl.primary:
			pending = append(pending, *tl)
			continue
		case tb == nil:
			tb = &titleBlock{first: h.bi}
			tb.lines = append(tb.lines, pending...)
			pending = pending[:0]
		case !tl.primary && h.bi-tb.last > 3:
			continue
		}
		tb.lines = append(tb.lines, *tl)
		tb.last, tb.lastLine = h.bi, h.li
	}
	return tb
}

// shortLines reports whether a block is four lines or more of a few words
// each, none ending a sentence: a menu, or a title block.
func shortLines(b *block) bool {
	if len(b.lines) < 4 || b.number != "" || b.lettered {
		return false
	}
	for _, l := range b.lines {
		if len(strings.Fields(l.text)) > 6 || utf8.RuneCountInString(l.text) > 50 || strings.ContainsAny(l.text[len(l.text)-1:], ".;:!?") {
			return false
		}
	}
	return true
}

var (
	// A roman-numbered heading: "I. PRESERVING DEMOCRACY", "II.1 Health
	// and Education", "IV - Prosperity".
	reRomanHeading = regexp.MustCompile(`^([IVX]{1,6}(?:\.\d{1,3}){0,2})(\.|\)|\s*[-–—:])?\s+(\S.*)$`)
	// A capital letter heading: "A. Reinforcement of Democratic Governance".
	reLetterHeading = regexp.MustCompile(`^([A-Z])[.)]\s+(\S.*)$`)
	// A chapter heading: "CHAPTER I", "Capítulo 2: …".
	reChapter = regexp.MustCompile(`(?i)^(?:chapter|cap[ií]tulo|chapitre|part|parte|partie|section|secci[oó]n|se[cç][aã]o|title|t[ií]tulo|titre)\s+([IVXLC]{1,6}|\d{1,3})\b`)
	// tocTitles are the titles of a table of contents, normalized.
	tocTitles = words(`tableofcontents contents indice contenido contenidos tabledesmatieres sommaire sumario`)
)

// romanHeading reads a roman-numbered heading: its number and whether it
// is a sub-section ("II.1").
func romanHeading(t string) (number string, sub, ok bool) {
	m := reRomanHeading.FindStringSubmatch(t)
	if m == nil || roman(strings.ToLower(strings.SplitN(m[1], ".", 2)[0])) == 0 {
		return "", false, false
	}
	rest := m[3]
	if m[2] == "" && !allCaps(rest) {
		return "", false, false // "I am", "VI Summit" in running text
	}
	if len(strings.Fields(rest)) > 25 || strings.HasSuffix(rest, ";") || strings.HasSuffix(rest, ",") {
		return "", false, false
	}
	if !allCaps(rest) && endsSentence(rest) && !strings.HasSuffix(rest, ":") {
		return "", false, false
	}
	return m[1], strings.Contains(m[1], "."), true
}

// numberedHeading reports whether a line is a roman, lettered or chapter
// heading: where a document's body begins.
func numberedHeading(t string) bool {
	if _, _, ok := romanHeading(t); ok {
		return true
	}
	if letterHeading(t) {
		return true
	}
	return reChapter.MatchString(t)
}

func letterHeading(t string) bool {
	m := reLetterHeading.FindStringSubmatch(t)
	return m != nil && shortTitle(m[2], 25)
}

// shortTitle reports whether text reads as a title: at most n words,
// starting with a capital, not ending as a sentence or a clause does.
func shortTitle(text string, n int) bool {
	f := strings.Fields(text)
	if len(f) == 0 || len(f) > n {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	// A title does not end with a word a sentence goes on from ("1. We
	// act for the", cut by a page break).
	return !strings.ContainsRune(".;:,!?)”\"’»…", last) && !joinWords[normWords(f[len(f)-1])]
}

// allCaps reports whether text has three letters or more and no lower-case
// one.
func allCaps(text string) bool {
	n := 0
	for _, r := range text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 3
}

// titleCase reports whether a short line is a heading in title case:
// "Natural Disasters", "Processos e Procedimentos Eleitorais".
func titleCase(text string) bool {
	if !shortTitle(text, 10) {
		return false
	}
	long, caps := 0, 0
	for _, w := range strings.Fields(text) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return long > 0 && 2*caps >= long
}

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
	for _, c := range cells(t) {
		if !dp.titles[graph.NormalizeName(c)] && !docFurniture(c) {
			return false
		}
	}
	return true
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

func (dp *docParser) setHeading(text, number string, major bool) {
	if major {
		dp.section, dp.majorNum, dp.minorNum = text, number, ""
	} else {
		dp.minorNum = number
	}
	dp.heading = text
	if dp.p.Heading == "" {
		dp.p.Heading = text
	}
	dp.scope++
	if number != "" {
		dp.numScope = dp.scope
		dp.body = true // a numbered heading: the preamble is over
	} else if major {
		dp.numScope = 0
	}
	dp.lastTop, dp.last, dp.lastPre, dp.initiative = nil, nil, -1, nil
}

func (dp *docParser) headingNumber() string {
	if dp.minorNum != "" {
		return dp.minorNum
	}
	return dp.majorNum
}

func (dp *docParser) newPara(number string, printed bool, line int, text string) *docPara {
	r := &docPara{number: number, printed: printed, line: line, lines: strings.Split(text, "\n"),
		section: dp.section, heading: dp.heading, numScope: dp.numScope, headingNum: dp.headingNumber(), scope: dp.scope}
	if dp.section == dp.heading {
		r.section = ""
	}
	dp.paras = append(dp.paras, r)
	dp.last, dp.lastPre = r, -1
	return r
}

// numbered reads a numbered paragraph, and the paragraphs run together
// with it on its lines ("1. Encomendar … 2. Fortalecer …").
func (dp *docParser) numbered(number string, line int, text string) {
	dp.body, dp.initiative = true, nil
	lead, parts := runTogether(text, line, dp.expected(number), true)
	r := dp.newPara(number, true, line, lead)
	dp.lastTop = r
	if n, err := strconv.Atoi(number); err == nil {
		dp.lastPrinted = n
	}
	for _, pt := range parts {
		dp.numbered(pt.number, pt.line, pt.text)
	}
}

// expected are the numbers a paragraph run together after one numbered
// number may have: the next one.
func (dp *docParser) expected(number string) []int {
	if n, err := strconv.Atoi(number); err == nil {
		return []int{n + 1}
	}
	return nil
}

// text reads a block without a number: preambular text, the rest of a
// paragraph cut by a page break, an item, or a paragraph whose number was
// lost.
func (dp *docParser) text(b *block) {
	text := b.text()
	line := b.lines[0].no
	if b.number == "" && !b.bullet {
		if lead, parts := runTogether(text, line, dp.firsts(), false); len(parts) > 0 {
			switch {
			case strings.HasSuffix(lead, ":"):
				// "… nos comprometemos a desarrollar las siguientes
				// acciones:" leads in to the paragraphs run together
				// after it.
				dp.preamble(line, lead)
			case strings.TrimSpace(lead) != "":
				dp.unnumberedText(&block{lines: b.lines[:1], rest: lead}, lead, line)
			}
			for _, pt := range parts {
				dp.numbered(pt.number, pt.line, pt.text)
			}
			return
		}
	}
	dp.unnumberedText(b, text, line)
}

// firsts are the numbers a run of paragraphs in running text may start
// with: 1, or the one after the last paragraph.
func (dp *docParser) firsts() []int {
	if dp.lastPrinted > 0 {
		return []int{1, dp.lastPrinted + 1}
	}
	return []int{1}
}

func (dp *docParser) unnumberedText(b *block, text string, line int) {
	// The rest of the text before it, cut by a page break or a blank line;
	// not a new preambular clause ("CONSIDERANDO:").
	if !b.bullet && !preambular(text) && !allCaps(b.first()) {
		switch {
		case dp.lastPre >= 0 && goesOn(dp.lastPreLine, text):
			dp.preLines[dp.lastPre] = append(dp.preLines[dp.lastPre], text)
			dp.lastPreLine = lastLineOf(text)
			return
		case dp.lastPre < 0 && dp.last != nil && goesOn(dp.last.lastLine(), text):
			dp.last.lines = append(dp.last.lines, strings.Split(text, "\n")...)
			return
		}
	}
	// An initiative's text goes on up to its lead-in ("Governments
	// will:"); its bullets, and what follows the lead-in, are its items.
	if in := dp.initiative; in != nil && dp.lastTop == in && in.items == 0 && !b.bullet && !strings.HasSuffix(strings.TrimSpace(in.lastLine()), ":") {
		in.lines = append(append(in.lines, ""), strings.Split(text, "\n")...)
		dp.last, dp.lastPre = in, -1
		return
	}
	if !dp.body && dp.numbers || preambular(text) || leadIn(text) {
		dp.preamble(line, text)
		return
	}
	dp.body = true
	// An item of the paragraph above: under a paragraph that ends with a
	// colon, or after an item that ends as a list's item does.
	if top := dp.lastTop; top != nil {
		lastItem := dp.last != nil && dp.last.parent == top
		if b.bullet || strings.HasSuffix(strings.TrimSpace(top.lastLine()), ":") && (!lastItem || !endsFull(dp.last.lastLine())) ||
			lastItem && !endsFull(dp.last.lastLine()) {
			dp.item(b, "", false)
			return
		}
	}
	r := dp.newPara("", false, line, text)
	dp.lastTop = r
}

// endsFull reports whether a paragraph ends with a full stop, not as a
// list's item does (";", ",", ":").
func endsFull(t string) bool {
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?”\"’»…)", r)
}

func lastLineOf(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// leadIn reports whether a short line introduces what follows: "Governments
// will:", "Les gouvernements:".
func leadIn(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasSuffix(t, ":") && !strings.Contains(t, "\n") && len(strings.Fields(t)) <= 12
}

// textBlock is text at a line under the headings in force.
func (dp *docParser) textBlock(line int, text string) TextBlock {
	tb := TextBlock{Line: line, Section: dp.section, Heading: dp.heading, Text: text}
	if tb.Section == tb.Heading {
		tb.Section = ""
	}
	return tb
}

func (dp *docParser) preamble(line int, text string) {
	dp.d.Preamble = append(dp.d.Preamble, dp.textBlock(line, ""))
	dp.preLines = append(dp.preLines, []string{text})
	dp.lastPreLine = lastLineOf(text)
	dp.lastPre = len(dp.d.Preamble) - 1
	dp.last = nil
}

// item reads an item of the last paragraph: lettered, or unnumbered (a
// bullet, or a list's line whose bullet was lost), numbered by its place.
func (dp *docParser) item(b *block, letter string, printed bool) {
	dp.body = true
	top := dp.lastTop
	text := b.text()
	if top == nil {
		r := dp.newPara(letter, printed, b.lines[0].no, text)
		r.lettered = printed
		dp.lastTop = r
		return
	}
	top.items++
	number := letter
	if !printed {
		number = strconv.Itoa(top.items)
	}
	r := dp.newPara(number, printed, b.lines[0].no, text)
	r.lettered, r.parent = printed, top
}

// runPart is a paragraph found run together in a line.
type runPart struct {
	number string
	line   int
	text   string
}

// reRunMarker is a paragraph's number inside running text: after the end
// of a sentence or a colon, before a capital ("acciones: 1. Encomendar").
var reRunMarker = regexp.MustCompile(`(?:^|[.:;!?…)”"»](?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?)\s+(\d{1,3})\.\s+\p{Lu}`)

// runTogether finds paragraphs printed on the lines of one text: numbers
// that follow on from one of firsts, one after another ("1. … 2. … 3.").
// A single one counts only after a colon, or when single is set (in a
// numbered paragraph, the number after its own). It returns the text
// before the first and the paragraphs; text's first line is line.
func runTogether(text string, line int, firsts []int, single bool) (string, []runPart) {
	if len(firsts) == 0 || !strings.Contains(text, ". ") {
		return text, nil
	}
	ms := reRunMarker.FindAllStringSubmatchIndex(text, -1)
	if len(ms) == 0 {
		return text, nil
	}
	type marker struct{ at, n int }
	var chain []marker
	colon := false
	for _, m := range ms {
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		if len(chain) == 0 {
			for _, f := range firsts {
				if n == f {
					chain = append(chain, marker{m[2], n})
					colon = strings.Contains(text[m[0]:m[2]], ":")
					break
				}
			}
			continue
		}
		if n == chain[len(chain)-1].n+1 {
			chain = append(chain, marker{m[2], n})
		}
	}
	if len(chain) == 0 || len(chain) == 1 && !colon && !single {
		return text, nil
	}
	lead := strings.TrimRightFunc(text[:chain[0].at], unicode.IsSpace)
	var parts []runPart
	ln, pos := line, 0
	for k, mk := range chain {
		end := len(text)
		if k+1 < len(chain) {
			end = chain[k+1].at
		}
		ln += strings.Count(text[pos:mk.at], "\n")
		pos = mk.at
		body := text[mk.at:end]
		body = strings.TrimRightFunc(body[strings.IndexByte(body, '.')+1:], unicode.IsSpace)
		parts = append(parts, runPart{number: strconv.Itoa(mk.n), line: ln, text: trimSpace(body)})
	}
	return lead, parts
}

// firstChain reports whether a text holds paragraphs run together from 1.
func firstChain(text string) bool {
	_, parts := runTogether(text, 1, []int{1}, false)
	return len(parts) > 0
}

// finish numbers the paragraphs whose numbers were not printed, builds
// the page's paragraphs and says what could not be established.
func (dp *docParser) finish() {
	dp.numberByPosition()
	p, d := dp.p, dp.d
	for i, ls := range dp.preLines {
		d.Preamble[i].Text = strings.Join(ls, "\n")
	}
	var cite Citation
	if d.Summit != nil {
		cite = Citation{Summit: d.Summit, Title: d.Title, Year: d.Year}
	}
	for _, r := range dp.paras {
		if r.merged {
			continue
		}
		r.index = len(p.Paragraphs)
		para := &Paragraph{Number: r.number, Text: strings.Join(r.lines, "\n"), Cite: cite, Line: r.line,
			Heading: r.heading, Section: r.section, Parent: -1, Unnumbered: !r.printed, Title: r.title}
		if r.parent != nil {
			para.Parent = r.parent.index
			p.Paragraphs[para.Parent].Items = append(p.Paragraphs[para.Parent].Items, r.index)
		}
		if !r.printed {
			dp.unnumbered = append(dp.unnumbered, r.line)
		}
		p.Paragraphs = append(p.Paragraphs, para)
	}
	p.Language = pageLanguage(p)
	for _, para := range p.Paragraphs {
		para.Language = paragraphLanguage(para.Text, p.Language)
	}
	dp.warn()
}

// numberByPosition gives the paragraphs whose number was not printed one
// by their place: "1.2" for the second under a numbered heading "1." that
// numbers none of its paragraphs; the missing numbers between two printed
// ones ("14", "15" lost, "16"); the next numbers after the last one. When
// the printed numbers leave no room ("14", text, "15"), the text is the
// rest of the paragraph before it and joins it.
func (dp *docParser) numberByPosition() {
	var tops []*docPara
	printedUnder := map[int]bool{}
	for _, r := range dp.paras {
		if r.parent == nil {
			tops = append(tops, r)
			if r.printed && !r.lettered && !r.title {
				printedUnder[r.numScope] = true
			}
		}
	}
	underHeading := map[int]int{}
	for i := 0; i < len(tops); {
		r := tops[i]
		if r.printed {
			i++
			continue
		}
		if r.numScope > 0 && !printedUnder[r.numScope] {
			underHeading[r.numScope]++
			r.number = r.headingNum + "." + strconv.Itoa(underHeading[r.numScope])
			i++
			continue
		}
		j := i
		for j < len(tops) && !tops[j].printed && !(tops[j].numScope > 0 && !printedUnder[tops[j].numScope]) {
			j++
		}
		prev := -1 // the number before the run; 0 at the start
		if i == 0 {
			prev = 0
		} else if n, err := strconv.Atoi(tops[i-1].number); err == nil {
			prev = n
		}
		next := -1 // the number after it, when it goes on from prev
		if j < len(tops) {
			if n, err := strconv.Atoi(tops[j].number); err == nil && n > prev {
				next = n
			}
		}
		run := tops[i:j]
		switch {
		case prev >= 0 && (next < 0 || next-prev-1 >= len(run)):
			for k, x := range run {
				x.number = strconv.Itoa(prev + 1 + k)
			}
		default:
			for k, x := range run {
				if i > 0 && x.scope == tops[i-1].scope && x.items == 0 {
					into := tops[i-1]
					into.lines = append(append(into.lines, ""), x.lines...)
					x.merged = true
					continue
				}
				x.number = strconv.Itoa(i + k + 1)
			}
		}
		i = j
	}
}

// warn says what the parser kept but could not establish, with where.
func (dp *docParser) warn() {
	p, d := dp.p, dp.d
	add := func(line int, format string, args ...any) {
		p.Warnings = append(p.Warnings, Warning{File: dp.name, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	if len(dp.notes) > 0 {
		add(dp.notes[0], "%s before the title block %s not the document's (a note, a draft's remark): kept as notes, not as paragraphs", count(len(dp.notes), "block of text", "blocks of text"), isAre(len(dp.notes)))
	}
	if len(dp.nav) > 0 {
		add(dp.nav[0], "%s of a site's navigation skipped", count(len(dp.nav), "block", "blocks"))
	}
	if d.Summit == nil {
		add(d.Line, "title block %q: %s; its %s kept without a summit", clip(d.Title, 60), d.Problem, count(len(p.Paragraphs), "paragraph is", "paragraphs are"))
	}
	for _, l := range dp.toc {
		add(l, "a table of contents skipped")
	}
	if len(dp.footnotes) > 0 {
		add(dp.footnotes[0], "%s kept as notes, not as paragraphs", count(len(dp.footnotes), "footnote", "footnotes"))
	}
	if len(dp.unnumbered) > 0 {
		add(dp.unnumbered[0], "%s no printed number (or lost it in extraction): numbered by place and flagged", count(len(dp.unnumbered), "paragraph has", "paragraphs have"))
	}
	if n := len(p.Paragraphs); n > 0 {
		if last := p.Paragraphs[n-1]; !endsSentence(last.Text) {
			last.Truncated = true
			add(last.Line, "paragraph %s is cut off", numberOr(last.Number))
		}
	} else {
		add(0, "no paragraphs found")
	}
}

// count is "1 block" or "3 blocks".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

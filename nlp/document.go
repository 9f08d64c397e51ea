package nlp

import (
	"regexp"
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
// it is ("- 2 -        CA-VIII/doc.1/18", or "- 2 - CA-VIII/doc.1/18" as
// a web page or a PDF's text runs the columns together).
func furnitureLine(t string) bool {
	if docFurniture(t) {
		return true
	}
	return everyCell(t, docFurniture)
}

// everyCell reports whether every column of a line is ok, a column that
// is not being perhaps columns run together with single spaces (see
// joinedColumns).
func everyCell(t string, ok func(string) bool) bool {
	for _, c := range cells(t) {
		if !ok(c) && !joinedColumns(c, ok, 2) {
			return false
		}
	}
	return true
}

// withoutFurnitureTail is t without a right-hand page counter or
// document symbol of up to four words run into it with one space ("Summit of the Americas -
// Plan of Action Page 1 of 4" is "Summit of the Americas - Plan of
// Action"); t when it ends with none.
func withoutFurnitureTail(t string) string {
	if len(t) > 120 {
		return t
	}
	// starts[i] is where the i-th field of t begins.
	var starts []int
	space := true
	for i, r := range t {
		if !unicode.IsSpace(r) && space {
			starts = append(starts, i)
		}
		space = unicode.IsSpace(r)
	}
	for k := min(4, len(starts)-1); k >= 1; k-- {
		if tail := strings.TrimSpace(t[starts[len(starts)-k]:]); rePageCounter.MatchString(tail) || reSymbol.MatchString(tail) {
			return strings.TrimRightFunc(t[:starts[len(starts)-k]], unicode.IsSpace)
		}
	}
	return t
}

// joinedColumns reports whether t is columns that are each ok, printed with
// one space between them, as a web page collapses the spaces of a
// page's header and counter ("Summit of the Americas - Plan of Action
// Page 2 of 4"): a right-hand column of up to four words that is ok, and
// a left-hand part that is ok or, depth allowing, columns too. Only a
// short line with a figure or a slash is tried: page counters and
// document symbols have one.
func joinedColumns(t string, ok func(string) bool, depth int) bool {
	if depth == 0 || len(t) > 120 || !strings.ContainsAny(t, "0123456789/") {
		return false
	}
	fs := strings.Fields(t)
	for k := 1; k <= 4 && k < len(fs); k++ {
		if !ok(strings.Join(fs[len(fs)-k:], " ")) {
			continue
		}
		left := strings.Join(fs[:len(fs)-k], " ")
		if ok(left) || joinedColumns(left, ok, depth-1) {
			return true
		}
	}
	return false
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

package nlp

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"summitgraph/graph"
)

// Page is a parsed file: a compilation page (the "Follow-up and
// Implementation: Mandates" text of one theme, its mandates and the items
// under them, each with its citation), or a summit document (a
// declaration, a plan of action, …: its paragraphs in order, attributed
// to the document its title block names). (DESIGN.md's data flow calls
// it the parsed Document; it is named Page here so as not to be mistaken
// for a summit document.)
type Page struct {
	File    string
	Heading string // the first theme or section heading, "" when none
	// Language is the ISO 639-1 code of the page's paragraphs (en, es, fr,
	// pt): a page in several languages takes the language of its
	// mandates.
	Language string
	// Paragraphs are the mandates and their items, or a document's
	// paragraphs and theirs, in order.
	Paragraphs []*Paragraph
	// Document is the summit document the file is; nil for a compilation
	// page.
	Document *Document
	Warnings []Warning
	// Format is what the file was read from ("text", "html", "pdf"; ""
	// is text), and Pages, for a PDF, the 1-based line on which each page
	// starts (Pages[i] for page i+1): both are recorded in the sources of
	// the paragraphs (see Origin).
	Format string
	Pages  []int

	docIDs map[docName]string // DocumentIDIn of the titles cited, computed once a page
}

type docName struct{ summit, title, lang string }

// documentID is DocumentIDIn, once per title and language of the page: a
// page cites a few documents from dozens of mandates, and the key of a
// title was a twentieth of an ingest's CPU. lang "" (or "en") gives
// DocumentID.
func (p *Page) documentID(c *Catalog, s *graph.Summit, title, lang string) string {
	k := docName{s.ID, title, lang}
	if id, ok := p.docIDs[k]; ok {
		return id
	}
	if p.docIDs == nil {
		p.docIDs = map[docName]string{}
	}
	id := c.DocumentIDIn(s, title, lang)
	p.docIDs[k] = id
	return id
}

// PageOf is the 1-based PDF page on which the 1-based line starts; 0 when
// the page has no pages (not a PDF) or the line is out of range.
func (p *Page) PageOf(line int) int {
	if len(p.Pages) == 0 || line < 1 {
		return 0
	}
	i := sort.Search(len(p.Pages), func(i int) bool { return p.Pages[i] > line })
	if i == 0 {
		return 1
	}
	return i
}

// Paragraph is one mandate or item as printed.
type Paragraph struct {
	// Number as printed ("1", "5.6", "Initiative 61", "b"); "" when none.
	Number string
	// Text without number and citation, exactly as in the source; the lines
	// of a paragraph printed over several lines are joined with "\n".
	Text string
	// Citation as printed, without parentheses; "" when none.
	Citation string
	// Cite is the citation resolved against the catalog. A summit
	// document's paragraphs print none (Citation is ""): Cite is then the
	// document its title block names, when it names one.
	Cite Citation
	// Inherited is true when the citation came from the last item of the
	// group rather than this paragraph.
	Inherited bool
	Line      int    // 1-based line where it starts
	Heading   string // theme heading in force (a document's innermost heading), "" when none
	// Section is the section or chapter heading a document's paragraph is
	// in, when Heading is a sub-heading of it ("I. Democracy" over "1.
	// Strengthening Democracy"); "" otherwise.
	Section   string
	Parent    int   // index of the mandate an item belongs to; -1 for mandates
	Items     []int // indexes of the items of a mandate
	Truncated bool  // the text stops mid-sentence
	// Unnumbered is set when no number was printed (or it was lost in
	// extraction): Number is then given by the paragraph's place.
	Unnumbered bool
	// Title is set on a summit document's numbered heading, kept as a
	// paragraph: an initiative's or a chapter's title ("1. Strengthening
	// Democracy"), the Heading of the paragraphs after it.
	Title bool
	// Language is the ISO 639-1 code of the text: its own when it is long
	// enough to tell, else the page's.
	Language string
}

// Warning is something the parser kept but could not establish, with where.
type Warning struct {
	File    string
	Line    int
	Message string
	// Page is the 1-based PDF page of Line; 0 for other formats.
	Page int
}

func (w Warning) String() string {
	loc := w.File
	if w.Line > 0 {
		loc += fmt.Sprintf(":%d", w.Line)
	}
	if w.Page > 0 {
		loc += fmt.Sprintf(" (page %d)", w.Page)
	}
	return loc + ": " + w.Message
}

// InputError is input that cannot be read as a mandate page: binary data or
// text that is not UTF-8. Nothing of such a file is kept.
type InputError struct {
	File string
	Line int // 1-based; 0 when not known
	Byte int // 0-based offset in the file; -1 when not known
	Msg  string
}

func (e *InputError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += fmt.Sprintf(":%d", e.Line)
	}
	if e.Byte >= 0 {
		loc += fmt.Sprintf(" (byte %d)", e.Byte)
	}
	return loc + ": " + e.Msg
}

const bullet = `[•·▪◦‣●○■□\-–]`

// numbered returns the number printed at the start of a mandate line and
// the length of the prefix it takes.
func numbered(t string) (number string, n int, ok bool) {
	for _, re := range reNumbered {
		if m := re.FindStringSubmatch(t); m != nil {
			return m[1], len(m[0]), true
		}
	}
	return "", 0, false
}

var (
	// A mandate's number, after an optional bullet: "Initiative 61.",
	// "5.6" or "21.1" (the final period optional), "1." (the period
	// required, so that a line starting with "21 countries" is not a
	// mandate), or a bare "1" after a bullet.
	reNumbered = []*regexp.Regexp{
		regexp.MustCompile(`^(?:` + bullet + `\s*)?((?:Initiative|Iniciativa)s?\s+\d{1,4})\.?(?:\s+|$)`),
		regexp.MustCompile(`^(?:` + bullet + `\s*)?(\d{1,3}(?:\.\d{1,3})+)\.?(?:\s+|$)`),
		regexp.MustCompile(`^(?:` + bullet + `\s*)?(\d{1,3})\.(?:\s+|$)`),
		regexp.MustCompile(`^` + bullet + `\s*(\d{1,3})(?:\s+|$)`),
	}
	// A lettered item: "• a.", "a)", "(b)".
	reLettered = regexp.MustCompile(`^(?:` + bullet + `\s*)?\(?([a-z]{1,2}|[ivx]{1,5})[.)](?:\s+|$)`)
	// A theme heading: "DEMOCRACY: Good Governance", "MEDIO AMBIENTE: ...".
	reHeading = regexp.MustCompile(`^[\p{Lu}][\p{Lu}\p{M}\s,/&'’\-]{2,}:\s*\S.{0,150}$`)
	rePageNum = regexp.MustCompile(`^(?i:(?:page|página|pagina|p\.)\s*)?\d{1,4}(?:\s*(?i:of|de)\s*\d{1,4})?$`)
	reRule    = regexp.MustCompile(`^[_\-–—=*~.·•\s]{3,}$`)
)

// furniture are the normalized page-furniture lines of the OAS mandate pages
// in the Summits' four languages.
var furniture = map[string]bool{
	"organizationofamericanstatessummitsoftheamericas":       true,
	"organizationofamericanstates":                           true,
	"summitsoftheamericas":                                   true,
	"organizaciondelosestadosamericanoscumbresdelasamericas": true,
	"organizaciondelosestadosamericanos":                     true,
	"cumbresdelasamericas":                                   true,
	"organisationdesetatsamericainssommetsdesameriques":      true,
	"organizacaodosestadosamericanoscupulasdasamericas":      true,
	"followupandimplementationmandates":                      true,
	"seguimientoeimplementacionmandatos":                     true,
	"suivietmiseenoeuvremandats":                             true,
	"acompanhamentoeimplementacaomandatos":                   true,
	"mandates":                                               true,
	"mandatos":                                               true,
	"mandats":                                                true,
}

func isFurniture(t string) bool {
	if rePageNum.MatchString(t) || reRule.MatchString(t) || rePageCounter.MatchString(t) {
		return true
	}
	if strings.HasPrefix(t, "©") || strings.HasPrefix(strings.ToLower(t), "(c) ") {
		return true
	}
	return furniture[graph.NormalizeName(t)]
}

// blank reports whether a line holds nothing but white space, including
// no-break and zero-width spaces.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' && r != '\u00a0' {
			return false
		}
	}
	return true
}

// trimSpace trims white space, no-break and zero-width spaces.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
	})
}

// indent measures leading white space in columns (a tab is four).
func indent(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == '\t':
			n += 4
		case unicode.IsSpace(r) || r == '\u00a0':
			n++
		default:
			return n
		}
	}
	return n
}

// checkInput refuses binary data and text that is not UTF-8, naming the
// line and byte.
func checkInput(name string, data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &InputError{File: name, Line: 1 + bytes.Count(data[:i], []byte("\n")), Byte: i, Msg: "binary data (a NUL byte), not a text file"}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return &InputError{File: name, Line: 1 + bytes.Count(data[:i], []byte("\n")), Byte: i, Msg: "not valid UTF-8 text (save the file as UTF-8)"}
	}
	return nil
}

type rawPara struct {
	number   string
	lettered bool
	indent   int
	line     int
	lines    []string
	// continued is set once the paragraph went on after a page break.
	continued bool
}

// Parse reads a compilation page or a summit document (parseDocument says
// how the two are told apart). The catalog resolves citations and title
// blocks to summits. It fails only on input that is not text; anything it
// cannot establish (a missing citation, an unknown summit, a title block
// naming two summits, a page cut off) is kept and reported as a warning.
func Parse(name string, data []byte, c *Catalog) (*Page, error) {
	if err := checkInput(name, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	lines := strings.Split(string(data), "\n")
	if p := c.parseDocument(name, lines); p != nil {
		return p, nil
	}
	return parseCompilation(name, lines, c), nil
}

// parseCompilation reads a compilation page.
func parseCompilation(name string, lines []string, c *Catalog) *Page {
	p := &Page{File: name}
	var paras []*rawPara
	var cur *rawPara
	heading := ""
	headings := map[*rawPara]string{}
	prevBlank := true
	// pageBreak is set by page furniture (and a theme heading printed
	// again) seen since the last paragraph line: a page break.
	pageBreak := false
	work.add(len(lines))
	for i, raw := range lines {
		ln := i + 1
		line := strings.TrimRight(raw, "\r")
		if blank(line) {
			cur = nil
			prevBlank = true
			continue
		}
		t := trimSpace(line)
		if isFurniture(t) {
			pageBreak = true
			continue
		}
		if _, _, isNum := numbered(t); reHeading.MatchString(t) && !isNum {
			pageBreak = t == heading
			heading = t
			if p.Heading == "" {
				p.Heading = t
			}
			cur = nil
			prevBlank = true
			continue
		}
		ind := indent(line)
		// A line that goes on with a paragraph stopped mid-sentence is a
		// continuation even when it starts like a number or a letter
		// ("Article\n17.1 of the Charter", "Resolution\nno. 1080").
		if cur != nil && !prevBlank && continues(cur.lines[len(cur.lines)-1], t) {
			cur.lines = append(cur.lines, t)
			pageBreak = false
			continue
		}
		if num, n, ok := numbered(t); ok {
			cur = &rawPara{number: num, indent: ind, line: ln, lines: []string{t[n:]}}
			paras = append(paras, cur)
			headings[cur] = heading
			prevBlank, pageBreak = false, false
			continue
		}
		if m := reLettered.FindStringSubmatch(t); m != nil && len(paras) > 0 {
			cur = &rawPara{number: m[1], lettered: true, indent: ind, line: ln, lines: []string{t[len(m[0]):]}}
			paras = append(paras, cur)
			headings[cur] = heading
			prevBlank, pageBreak = false, false
			continue
		}
		if cur != nil && !prevBlank {
			cur.lines = append(cur.lines, t)
			pageBreak = false
			continue
		}
		// A paragraph a page break cut in two: the text after the page's
		// furniture goes on with the paragraph before it when that one
		// stopped mid-sentence without a citation. Once per paragraph (no
		// mandate spans three pages), which keeps parsing linear.
		if last := len(paras) - 1; pageBreak && last >= 0 && !paras[last].continued && unfinished(paras[last], c) {
			cur = paras[last]
			cur.lines = append(cur.lines, t)
			cur.continued = true
			prevBlank, pageBreak = false, false
			continue
		}
		if len(paras) == 0 {
			p.Warnings = append(p.Warnings, Warning{File: name, Line: ln, Message: fmt.Sprintf("text before the first mandate is not a mandate and was skipped: %q", clip(t, 60))})
			continue
		}
		// An unnumbered paragraph after the first mandate: a mandate
		// without a printed number.
		cur = &rawPara{indent: ind, line: ln, lines: []string{t}}
		paras = append(paras, cur)
		headings[cur] = heading
		prevBlank, pageBreak = false, false
	}

	// Structure: lettered paragraphs, and numbered ones indented deeper
	// than the mandates, are items of the mandate above them.
	top := -1
	topIndent := -1
	for _, r := range paras {
		para := &Paragraph{Number: r.number, Line: r.line, Heading: headings[r], Parent: -1}
		joined := strings.Join(r.lines, "\n")
		work.add(len(joined))
		para.Text, para.Citation = splitCitation(joined, c)
		isItem := false
		if top >= 0 {
			if r.lettered || (topIndent >= 0 && r.indent >= topIndent+2 && r.number != "") {
				isItem = true
			}
		}
		if isItem {
			para.Parent = top
			p.Paragraphs[top].Items = append(p.Paragraphs[top].Items, len(p.Paragraphs))
		} else {
			top = len(p.Paragraphs)
			topIndent = r.indent
		}
		p.Paragraphs = append(p.Paragraphs, para)
	}
	if len(p.Paragraphs) == 0 {
		p.Warnings = append(p.Warnings, Warning{File: name, Message: "no mandates found"})
	}
	p.Language = DetectLanguage(p.allText())
	for _, para := range p.Paragraphs {
		para.Language = paragraphLanguage(para.Text, p.Language)
	}
	p.resolve(c)
	return p
}

// unfinished reports whether a paragraph stops mid-sentence without a
// citation.
func unfinished(r *rawPara, c *Catalog) bool {
	joined := strings.Join(r.lines, "\n")
	work.add(len(joined))
	text, cit := splitCitation(joined, c)
	return cit == "" && !endsSentence(text)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func (p *Page) allText() string {
	var b strings.Builder
	for i, m := range p.Paragraphs {
		if i > 40 {
			break
		}
		b.WriteString(m.Text)
		b.WriteByte(' ')
	}
	return b.String()
}

// resolve gives every paragraph its citation: its own, or the one on the
// last item of its group, and resolves it against the catalog. Only the
// last paragraph's citation speaks for the group: when the last item is
// cut off, a citation on an item before it is that item's alone, and the
// others stay without one rather than be guessed from a neighbour.
func (p *Page) resolve(c *Catalog) {
	for i, m := range p.Paragraphs {
		if m.Parent >= 0 {
			continue
		}
		group := append([]int{i}, m.Items...)
		groupCite := p.Paragraphs[group[len(group)-1]].Citation
		for _, j := range group {
			if p.Paragraphs[j].Citation == "" && groupCite != "" {
				p.Paragraphs[j].Citation = groupCite
				p.Paragraphs[j].Inherited = true
			}
		}
	}
	last := len(p.Paragraphs) - 1
	for i, m := range p.Paragraphs {
		m.Truncated = i == last && m.Citation == "" && !endsSentence(m.Text)
		if m.Citation == "" {
			what := "mandate"
			if m.Parent >= 0 {
				what = "item"
			}
			msg := fmt.Sprintf("%s %s has no citation; kept without a summit", what, numberOr(m.Number))
			if m.Truncated {
				msg = fmt.Sprintf("%s %s is cut off and has no citation; kept without a summit", what, numberOr(m.Number))
			}
			p.Warnings = append(p.Warnings, Warning{File: p.File, Line: m.Line, Message: msg})
			continue
		}
		m.Cite = c.ResolveCitation(m.Citation)
		if m.Cite.Summit == nil {
			p.Warnings = append(p.Warnings, Warning{File: p.File, Line: m.Line, Message: fmt.Sprintf("citation %q: %s; kept without a summit", m.Citation, m.Cite.Problem)})
		}
	}
}

func numberOr(n string) string {
	if n == "" {
		return "(unnumbered)"
	}
	return n
}

// endsSentence reports whether text ends as a finished sentence or clause.
// continues reports whether line t, which starts like a number or a letter,
// goes on with the sentence that prev stopped in the middle of: prev ends
// on a word that asks for a number ("Article", "Resolution", "no."), or
// the text after the number starts in lower case or with a figure ("17.1
// of the Charter", "no. 1080"). A list introduced without a colon ("Act as
// follows" then "a) First") still opens items.
func continues(prev, t string) bool {
	f := strings.Fields(prev)
	if len(f) == 0 {
		return false
	}
	last := graph.NormalizeName(f[len(f)-1])
	if endsSentence(prev) && last != "no" && last != "nos" {
		return false
	}
	rest := ""
	if _, n, ok := numbered(t); ok {
		rest = t[n:]
	} else if m := reLettered.FindStringSubmatch(t); m != nil {
		rest = t[len(m[0]):]
	} else {
		return false
	}
	if askForNumber[last] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

// askForNumber are words a number follows in running text, normalized.
var askForNumber = map[string]bool{
	"article": true, "articles": true, "articulo": true, "articulos": true,
	"resolution": true, "resolutions": true, "resolucion": true, "resoluciones": true,
	"paragraph": true, "paragraphs": true, "parrafo": true, "parrafos": true,
	"section": true, "sections": true, "seccion": true, "chapter": true, "capitulo": true,
	"no": true, "nos": true, "number": true, "numero": true, "numeral": true, "numerales": true,
	"annex": true, "anexo": true, "decision": true, "res": true, "mandate": true, "mandates": true, "mandato": true, "mandatos": true,
}

func endsSentence(t string) bool {
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".;:!?)”\"’»…", r)
}

var (
	reYear = regexp.MustCompile(`\b(19|20)\d\d\b`)
	// reYearEnd is a year closing a citation: "..., Los Angeles, 2022".
	reYearEnd = regexp.MustCompile(`\b(?:19|20)\d\d[\s.]*$`)
)

// splitCitation separates a paragraph's trailing citation, "(Plan of Action
// Québec, 2001)." with or without the final period and the space before the
// parenthesis. A trailing parenthesis that neither ends with a year nor
// names a summit ("(UPD).", "(2030 Agenda).") is part of the text.
func splitCitation(para string, c *Catalog) (text, citation string) {
	s := strings.TrimRightFunc(para, unicode.IsSpace)
	end := len(s)
	for end > 0 && (s[end-1] == '.' || s[end-1] == ';' || s[end-1] == ',' || s[end-1] == ' ') {
		end--
	}
	if end == 0 || s[end-1] != ')' {
		return s, ""
	}
	depth := 0
	open := -1
	for i := end - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
		}
		if depth == 0 {
			open = i
			break
		}
	}
	if open < 0 {
		return s, ""
	}
	inner := strings.TrimSpace(s[open+1 : end-1])
	if inner == "" || (!reYearEnd.MatchString(inner) && (c == nil || c.ResolveCitation(inner).Summit == nil)) {
		return s, ""
	}
	if !hasLetter(inner) {
		// "(2005)" after "International Health Regulations" is part of a
		// name, not a citation: a citation names a document or a summit.
		return s, ""
	}
	text = strings.TrimRightFunc(s[:open], func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' })
	return text, inner
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

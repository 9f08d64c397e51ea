package nlp

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"summitgraph/graph"
)

// A summit document says what it is in its title block, the few short
// lines at its top: "Declaration of Commitment of Port of Spain / Fifth
// Summit of the Americas / Port of Spain, Trinidad and Tobago / April 19,
// 2009". This file tells which lines of a file are its title block, by
// their shape and the clues in them; Catalog.ResolveTitle resolves the
// clues of those lines together to one summit, never guessing.

// titleLineMaxWords is the longest line a title block holds here: a longer
// one is a sentence of a note or a preamble.
const titleLineMaxWords = 20

// titleConnectors are the words a title block's lines put between clues
// ("Port of Spain, Trinidad and Tobago"), in the four languages.
var titleConnectors = words(`of the de la las los el del y and et e em en in a au aux al du des das da do dos le les to from at on city ciudad cidade ville s`)

// reMarker is a footnote marker glued to a word of a title block:
// "Americasi", "Americas1", "Spain²".
var (
	reMarker       = regexp.MustCompile(`(\p{L}{3,})(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)([^\p{L}\p{N}]|$)`)
	reRomanMarker  = regexp.MustCompile(`(?i)(americas|am[eé]riques|am[eé]ricas)(?:[ivx]{1,4})([^\p{L}\p{N}]|$)`)
	summitPlurals  = words(`summits cumbres sommets cupulas cimeiras`)
	titleStopWords = words(`from the extract extracts excerpt excerpts of extractos de la el del los las extraits des du trechos da do dos`)
)

// withoutMarkers is a title-block line without the footnote markers glued
// to its words.
func withoutMarkers(s string) string {
	s = reRomanMarker.ReplaceAllString(s, "$1$2")
	return reMarker.ReplaceAllString(s, "$1$2")
}

// titleLine is a line of a title block.
type titleLine struct {
	block   int    // the block it is in
	line    int    // in the file
	text    string // without footnote markers
	primary bool   // it names the document or its summit, not only where or when
}

// headLine is a column of a line a title block is looked for in.
type headLine struct {
	bi, li int // block, and line in it
	no     int // line in the file
	text   string
}

// headLines are the lines a file's title block is looked for in, column
// by column (an OAS title block prints the document's code in a column
// of its own): those of its first blocks, before its first paragraph,
// numbered heading or preamble, without a site's menus; at most
// maxHeadLines.
func headLines(blocks []*block) []headLine {
	var out []headLine
	for bi, b := range blocks {
		if bi >= maxHeadBlocks || b.number != "" || b.lettered || numberedHeading(b.first()) || preambular(b.first()) {
			break
		}
		if b.nav {
			continue
		}
		for li, l := range b.lines {
			if len(out) >= maxHeadLines || li > 0 && preambular(l.text) {
				return out
			}
			for _, c := range cells(l.text) {
				out = append(out, headLine{bi, li, l.no, c})
			}
		}
	}
	return out
}

// titleLineOf reads one line as a line of a title block, given the clues
// ResolveTitle reads in it. ok is false when it does not read as one: too
// long, a sentence, the continuation of one, or words that are not clues.
// A title line names a document kind near its start ("Declaration of …",
// "[Proyecto de] DECLARACION POLITICA", "Lima Commitment", "From the
// Declaration:") or is short; a designation line ("Fifth Summit of the
// Americas") may hold a few other words; a place, country or date line
// hardly any, and a date that is no summit's (a fact sheet's own) is no
// clue.
func (c *Catalog) titleLineOf(no int, text string, clues []Clue) (titleLine, bool) {
	toks := titleTokens(text)
	n := len(toks)
	if n == 0 || n > titleLineMaxWords {
		return titleLine{}, false
	}
	if r, _ := utf8.DecodeRuneInString(text); unicode.IsLower(r) {
		return titleLine{}, false
	}
	if strings.HasSuffix(strings.TrimSpace(text), ".") && n > 8 {
		return titleLine{}, false
	}
	covered := make([]bool, n)
	var designation, support, supportNames, placed bool
	for _, cl := range clues {
		switch cl.Kind {
		case ClueTitle, ClueDocument:
			continue
		case ClueSummit:
			// "Summits", "Cúpulas das Américas" in a site's menu name no
			// summit.
			f := strings.Fields(normWords(cl.Text))
			designation = designation || len(f) > 0 && !summitPlurals[f[0]]
		case ClueOrdinal, ClueSpecial, ClueName:
			designation = true
		default:
			support = true
			supportNames = supportNames || len(cl.Summits) > 0
			placed = placed || cl.Kind == CluePlace || cl.Kind == ClueCountry
		}
		if k := strings.Index(text, cl.Text); k >= 0 {
			for i, t := range toks {
				covered[i] = covered[i] || t.start >= k && t.end <= k+len(cl.Text)
			}
		}
	}
	title := false
	for i, t := range toks {
		if _, ok := lookupWord(documentWords, t.norm); ok && !covered[i] {
			title = i <= 3 || n <= 8 || i > 0 && covered[i-1] && designation
			break
		}
	}
	leftover := 0
	for i, t := range toks {
		if !covered[i] && !titleConnectors[t.norm] {
			leftover++
		}
	}
	tl := titleLine{line: no, text: text, primary: designation || title && DocumentKind(text) != DocOther}
	switch {
	case title, designation && leftover <= 6:
		return tl, true
	case support && supportNames && leftover <= 3 && n <= 14 && (placed || c.meetingDate(text)):
		// A date alone belongs to the block when a summit met then, not
		// a fact sheet's or a copy's own date ("January 29, 2009").
		return tl, true
	}
	return titleLine{}, false
}

// titleLines reads the head's lines as a title block's, with one reading
// of all their clues.
func (c *Catalog) titleLines(head []headLine) []*titleLine {
	texts := make([]string, len(head))
	for i, l := range head {
		texts[i] = withoutMarkers(l.text)
	}
	byLine := make([][]Clue, len(head))
	for _, cl := range c.ResolveTitle(texts).Clues {
		byLine[cl.Line] = append(byLine[cl.Line], cl)
	}
	out := make([]*titleLine, len(head))
	for i, l := range head {
		if tl, ok := c.titleLineOf(l.no, texts[i], byLine[i]); ok {
			tl.block = l.bi
			out[i] = &tl
		}
	}
	return out
}

// resolveTitle resolves a title block's lines to the document's summit,
// title and kind with Catalog.ResolveTitle, and keeps its evidence, each
// clue at its line in the file.
func (c *Catalog) resolveTitle(d *Document, lines []titleLine) {
	// The lines as printed, a blank line between blocks (ResolveTitle
	// reads the title's own paragraph when the block's clues disagree).
	var texts []string
	var at []int // the file line of each text
	for i, tl := range lines {
		if i > 0 && tl.block != lines[i-1].block {
			texts, at = append(texts, ""), append(at, 0)
		}
		texts, at = append(texts, tl.text), append(at, tl.line)
	}
	tb := c.ResolveTitle(texts)
	d.Summit, d.Problem = tb.Summit, tb.Problem
	d.Title, d.Kind = tb.Title, graph.DocumentKind(tb.Kind)
	for _, cl := range tb.Clues {
		cl.Line = at[cl.Line]
		d.Clues = append(d.Clues, cl)
	}
	if tb.Year > 0 && (d.Summit == nil || tb.Year == d.Summit.Year) {
		d.Year = tb.Year
	}
	if d.Title == "" {
		// A block that names its summit but no document: its first line
		// naming the summit is the title.
		for _, tl := range lines {
			if tl.primary {
				d.Title = strings.TrimRightFunc(tl.text, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",.:;", r) })
				break
			}
		}
		d.Kind = graph.DocOther
	}
	// A title cut before the designation it runs into ends with its
	// connectors: "MANDATOS DERIVADOS DE LA [SEXTA CUMBRE …]".
	for f := strings.Fields(d.Title); len(f) > 1 && titleConnectors[normWords(f[len(f)-1])]; f = f[:len(f)-1] {
		d.Title = strings.TrimRightFunc(strings.TrimSuffix(d.Title, f[len(f)-1]), unicode.IsSpace)
	}
	if k := strings.Fields(d.Title); len(k) > 0 && titleStopWords[normWords(k[0])] {
		// "From the Declaration": the title is "Declaration".
		for len(k) > 1 && titleStopWords[normWords(k[0])] {
			k = k[1:]
		}
		if i := strings.Index(d.Title, k[0]); i > 0 {
			d.Title = d.Title[i:]
		}
	}
}

// meetingDate reports whether a line prints a date within a month of a
// summit's first day (or, for a summit the catalog gives no day, in its
// year).
func (c *Catalog) meetingDate(text string) bool {
	toks := titleTokens(text)
	for i := range toks {
		y, m, day, _, _, ok := dateAt(toks, i)
		if !ok {
			continue
		}
		if day == 0 {
			day = 15
		}
		for _, s := range c.Summits {
			if s.Year != y {
				continue
			}
			start, err := time.Parse("2006-01-02", orEmpty(s.StartDate))
			if err != nil {
				return true
			}
			diff := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC).Sub(start)
			if diff > -31*24*time.Hour && diff < 31*24*time.Hour {
				return true
			}
		}
	}
	return false
}

func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

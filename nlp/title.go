package nlp

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"summitgraph/graph"
)

// Kinds of Clue a title block gives.
const (
	ClueTitle    = "title"    // the document's title: "Declaration of Commitment of Port of Spain"
	ClueOrdinal  = "ordinal"  // "Fifth Summit of the Americas", "VII Cumbre", "Troisième Sommet"
	ClueSpecial  = "special"  // "Special Summit", "Cumbre Extraordinaria", "Sommet extraordinaire"
	ClueSummit   = "summit"   // "Summit of the Americas", "Cúpula das Américas": a summit, not which
	ClueName     = "name"     // a summit's own name: "Summit of the Americas on Sustainable Development"
	CluePlace    = "place"    // "Port of Spain", "Ciudad de Panamá", "Québec"
	ClueCountry  = "country"  // "Trinidad and Tobago", "Pérou"
	ClueYear     = "year"     // a year printed alone
	ClueDate     = "date"     // "April 19, 2009", "10 y 11 abril 2015", "du 9 au 11 décembre 1994"
	ClueDocument = "document" // the title of a document the catalog knows for one summit only
)

// Clue is one thing a title block says about its summit.
type Clue struct {
	Kind string
	// Text as printed.
	Text string
	// Line is the index of the line it is on, in the lines given.
	Line int
	// Summits are the summits it allows; nil for a clue that allows any
	// (a title, "Summit of the Americas").
	Summits []*graph.Summit
}

// TitleBlock is the heading of a summit document resolved against the
// catalog: which summit, which document, in which language.
type TitleBlock struct {
	// Summit is the one summit every clue allows; nil when the clues name
	// none, name several, or disagree (Problem says which).
	Summit *graph.Summit
	// Title is the document's title as printed ("Plan d'Action",
	// "DECLARACIÓN DE SANTA CRUZ DE LA SIERRA"); "" when the block prints
	// none. TitleLine is the index of its line; -1 when none.
	Title     string
	TitleLine int
	// Kind is the kind of document the title names; "" when no title.
	Kind DocKind
	// Document is the catalog's document the title names, when the
	// catalog has it for Summit.
	Document *SummitDocument
	// DocumentID is the id of the document (see Catalog.DocumentID) when
	// Summit and Title are known; "" otherwise.
	DocumentID string
	// Language of the block's own words, its long lines included ("en",
	// "es", "fr", "pt"); "" when they give no evidence.
	Language string
	// Year printed; 0 when none. Date is the first date printed in full,
	// as YYYY-MM-DD; "" when none. A date names a summit by its year only:
	// a document is often dated weeks after its summit.
	Year int
	Date string
	// Clues are the evidence, in the order of the lines; Ignored, the
	// clues of lines outside the title's own paragraph when those
	// disagreed and the title's resolved (see ResolveTitle).
	Clues   []Clue
	Ignored []Clue
	Problem string
}

// titleBlockMaxWords is the longest line a title block is read from:
// longer lines are prose (a preamble, a note) whose places and years say
// nothing about the document's own summit.
const titleBlockMaxWords = 25

// monthWords are the months in the four languages, normalized.
var monthWords = func() map[string]int {
	m := map[string]int{}
	for _, names := range []string{
		"january february march april may june july august september october november december",
		"enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
		"janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
		"janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro",
	} {
		for i, w := range strings.Fields(names) {
			m[w] = i + 1
		}
	}
	m["setiembre"] = 9
	return m
}()

// titleToken is a word of a title block line.
type titleToken struct {
	norm       string // normalized, damaged letters kept (see clueWords)
	start, end int    // byte offsets in the line
}

// titleTokens splits a line into normalized words with their offsets; an
// elision ("d'Action") is two words.
func titleTokens(line string) []titleToken {
	var out []titleToken
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		for _, w := range clueWords(line[start:end]) {
			out = append(out, titleToken{norm: w, start: start, end: end})
		}
		start = -1
	}
	for i, r := range line {
		inWord := r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord:
			flush(i)
		}
	}
	flush(len(line))
	return out
}

func isYearWord(w string) int {
	if len(w) != 4 || !isDigits(w) || (w[:2] != "19" && w[:2] != "20") {
		return 0
	}
	y, _ := strconv.Atoi(w)
	return y
}

// dayNumber reads a day of the month.
func dayNumber(w string) int {
	if !isDigits(w) || len(w) > 2 {
		return 0
	}
	d, _ := strconv.Atoi(w)
	if d < 1 || d > 31 {
		return 0
	}
	return d
}

// dateAt reads a date whose month is at token i: the year within three
// words after it, the day right before it ("19 de abril", "11 décembre",
// "20-22 de abril") or after it ("April 19", "April 13 and 14"). It
// returns the token range it covers, or ok false when no year follows.
func dateAt(toks []titleToken, i int) (year, month, day, from, to int, ok bool) {
	month, isMonth := lookupWord(monthWords, toks[i].norm)
	if !isMonth {
		return 0, 0, 0, 0, 0, false
	}
	from, to = i, i
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if y := isYearWord(toks[k].norm); y > 0 {
			year, to = y, k
			break
		}
	}
	if year == 0 {
		return 0, 0, 0, 0, 0, false
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if d := dayNumber(toks[k].norm); d > 0 {
			day, from = d, k
			// "du 9 au 11", "10 y 11", "20-22": the first day.
			for j := k - 1; j >= 0 && j >= k-2; j-- {
				if d := dayNumber(toks[j].norm); d > 0 {
					day, from = d, j
				}
			}
			break
		}
		if toks[k].norm != "de" {
			break
		}
	}
	if day == 0 && i+1 < to {
		day = dayNumber(toks[i+1].norm)
	}
	return year, month, day, from, to, true
}

// designationWords are the words a summit's name shares with every
// summit's: a name with no other word ("Special Summit of the Americas")
// says no more than its designation.
var designationWords = words(`summit summits cumbre sommet cupula cimeira of the americas de las des ameriques das special extraordinary extraordinaria extraordinaire especial`)

// distinctiveNames are the summits' names in the four languages that say
// more than a designation, as word sequences.
func (c *Catalog) distinctiveNames() map[*graph.Summit][][]string {
	out := map[*graph.Summit][][]string{}
	for _, s := range c.Summits {
		for _, lang := range Languages {
			ws := strings.Fields(normWords(s.NameIn(lang)))
			for _, w := range ws {
				if _, ord := ordinalWords[w]; !designationWords[w] && !ord && roman(w) == 0 {
					out[s] = append(out[s], ws)
					break
				}
			}
		}
	}
	return out
}

// DocumentKind reads the kind of a summit document from its title in any
// of the four languages: the first document word decides ("Declaration of
// Commitment" is a declaration, "Lima Commitment" a commitment), when it
// opens the title, among its first three words; "Informe sobre la
// implementación de los mandatos" and "Follow-up to the Plan of Action"
// are other documents.
func DocumentKind(title string) DocKind {
	ws := clueWords(title)
	for i := 0; i < len(ws) && i < 3; i++ {
		switch {
		case seqAt(ws, i, []string{"mandates", "for", "action"}), seqAt(ws, i, []string{"mandatos", "para", "la", "accion"}),
			seqAt(ws, i, []string{"mandatos", "para", "a", "acao"}), seqAt(ws, i, []string{"mandats", "pour", "l", "action"}),
			isWord(ws[i], "mandates") || isWord(ws[i], "mandatos") || isWord(ws[i], "mandats"):
			return DocMandates
		case isWord(ws[i], "declaration") || isWord(ws[i], "declaracion") || isWord(ws[i], "declaracao"):
			return DocDeclaration
		case isWord(ws[i], "commitment") || isWord(ws[i], "compromiso") || isWord(ws[i], "compromisso") || isWord(ws[i], "engagement"):
			return DocCommitment
		case seqAt(ws, i, []string{"plan", "of", "action"}), seqAt(ws, i, []string{"action", "plan"}), seqAt(ws, i, []string{"plan", "de", "accion"}),
			seqAt(ws, i, []string{"plan", "d", "action"}), seqAt(ws, i, []string{"plano", "de", "acao"}):
			return DocPlanOfAction
		}
	}
	return DocOther
}

// findDocument returns the catalog's document one of whose titles (in
// any language) the words hold, the longest when several do, among the
// documents of s when s is not nil; and the title's words.
func (c *Catalog) findDocument(ws []string, s *graph.Summit) (*SummitDocument, []string) {
	var best *SummitDocument
	var bestWords []string
	for _, d := range c.Documents {
		if s != nil && d.Summit != s {
			continue
		}
		for _, tw := range d.words {
			if len(tw) <= len(bestWords) {
				continue
			}
			for i := range ws {
				if seqAt(ws, i, tw) {
					best, bestWords = d, tw
					break
				}
			}
		}
	}
	return best, bestWords
}

// DocumentID is the id of a summit's document with the given title: the
// catalog's document when the title is one of its titles in any language
// ("Plan de Acción Interamericano sobre Gobernabilidad Democrática" is
// the Inter-American Action Plan on Democratic Governance), else
// DocumentID's. The same document in four languages has one id.
func (c *Catalog) DocumentID(s *graph.Summit, title string) string {
	ws := clueWords(title)
	if d, tw := c.findDocument(ws, s); d != nil && len(tw) == len(ws) {
		return d.ID
	}
	return DocumentID(s, title)
}

// ResolveTitle reads the title block of a summit document: the few
// heading lines before its text that name the document, the summit, where
// and when it met, in any of the four languages ("Declaration of
// Commitment of Port of Spain" / "Fifth Summit of the Americas" / "Port of
// Spain, Trinidad and Tobago" / "April 19, 2009"; "SEPTIMA CUMBRE DE LAS
// AMERICAS 10 y 11 abril 2015 Ciudad de Panamá"; "Premier Sommet des
// Amériques" / "Miami, Floride, du 9 au 11 décembre 1994" / "Plan
// d'Action"). Lines of more than titleBlockMaxWords words are prose and
// are not read; a line's columns (text three or more spaces apart, as PDF
// copies print a document code beside the title) are read apart. Letters
// damaged to U+FFFD are read as the letter they can only be.
//
// The title is the line with a document word ("Declaration", "Plan
// d'action", "Compromisso", "Mandatos") that also names the summit or its
// place, else the first such line of more than one word, else the first;
// a catalogued title without a document word ("Nuestro Futuro Sostenible
// y Verde") when there is none.
//
// The summit is resolved only when every clue allows it and it alone,
// and when the block names it by something more than a year or a country
// alone (an ordinal, a place, a summit's own name, a catalogued title, or
// a year or country beside "Summit of the Americas"); otherwise Summit is
// nil and Problem says why: the clues name two summits, none, or several.
// When the clues of the whole block disagree, those of the title's own
// paragraph (its run of non-blank lines) resolve, and the other lines do
// not name one other summit between them (a site's menu listing past
// summits names several), the summit is the title's and the other clues
// are Ignored.
func (c *Catalog) ResolveTitle(lines []string) TitleBlock {
	tb := TitleBlock{TitleLine: -1}
	names := c.distinctiveNames()
	var text []string
	named := map[int]bool{} // lines that print a summit word
	var titles []titleCandidate
	for li, line := range lines {
		text = append(text, line)
		for _, col := range columns(line) {
			// A page counter run into the column with one space ("Plan of
			// Action Page 1 of 4") is not part of a title.
			col = withoutFurnitureTail(col)
			toks := titleTokens(col)
			if len(toks) == 0 || len(toks) > titleBlockMaxWords {
				continue
			}
			c.readColumn(&tb, col, toks, li, names, named, &titles)
		}
	}
	if sc := ScoreLanguages(strings.Join(text, "\n")); sc[DetectLanguage(strings.Join(text, "\n"))] > 0 {
		tb.Language = DetectLanguage(strings.Join(text, "\n"))
	}
	if t := bestTitle(titles); t != nil {
		c.setTitle(&tb, t)
	}
	all := tb.Clues
	c.resolveClues(&tb, tb.Clues, len(named) > 0)
	if tb.Summit == nil && tb.TitleLine >= 0 {
		// The title's own paragraph, when the block's clues disagree.
		from, to := tb.TitleLine, tb.TitleLine
		for from > 0 && strings.TrimSpace(lines[from-1]) != "" {
			from--
		}
		for to+1 < len(lines) && strings.TrimSpace(lines[to+1]) != "" {
			to++
		}
		var own, other []Clue
		ownNamed := false
		for _, cl := range all {
			if cl.Line >= from && cl.Line <= to {
				own = append(own, cl)
			} else {
				other = append(other, cl)
			}
		}
		for li := from; li <= to; li++ {
			ownNamed = ownNamed || named[li]
		}
		// Only when the other lines do not name one other summit between
		// them, as a menu or a list of past summits names several: a block
		// whose title and heading name two summits stays unresolved.
		var rest TitleBlock
		c.resolveClues(&rest, other, false)
		if len(other) > 0 && rest.Summit == nil {
			try := tb
			c.resolveClues(&try, own, ownNamed)
			if try.Summit != nil {
				tb = try
				tb.Clues, tb.Ignored = own, other
			}
		}
	}
	if tb.Summit != nil && tb.Title != "" {
		if d, _ := c.findDocument(clueWords(tb.Title), tb.Summit); d != nil {
			tb.Document = d
		}
		tb.DocumentID = c.DocumentID(tb.Summit, tb.Title)
	}
	return tb
}

// columns splits a line where three or more spaces (or a tab) part its
// text, as PDF copies print a document code or a page counter beside a
// title: "Plan of Action          Page 1 of 4".
func columns(line string) []string {
	var out []string
	start, spaces := 0, 0
	for i, r := range line {
		switch {
		case r == '\t':
			spaces += 3
		case r == ' ' || r == '\u00a0':
			spaces++
		default:
			if spaces >= 3 && start < i {
				out = append(out, line[start:i])
				start = i
			}
			spaces = 0
		}
	}
	return append(out, line[start:])
}

// titleCandidate is a column that may print the document's title.
type titleCandidate struct {
	line       string
	toks       []titleToken
	li         int
	from, to   int
	kind       DocKind
	namesPlace bool // the same column names the summit or its place
	order      int
}

// bestTitle picks the title among the candidates (see ResolveTitle).
func bestTitle(cands []titleCandidate) *titleCandidate {
	var best *titleCandidate
	rank := func(t *titleCandidate) int {
		switch {
		case t.kind == "":
			return 3 // a catalogued title without a document word: last
		case t.namesPlace:
			return 0
		case t.to > t.from:
			return 1
		}
		return 2
	}
	for i := range cands {
		t := &cands[i]
		if best == nil || rank(t) < rank(best) || rank(t) == rank(best) && t.order < best.order {
			best = t
		}
	}
	return best
}

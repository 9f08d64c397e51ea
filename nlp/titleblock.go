package nlp

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"summitgraph/graph"
)

// A summit document says what it is in its title block, the few short
// lines at its top: "Declaration of Commitment of Port of Spain / Fifth
// Summit of the Americas / Port of Spain, Trinidad and Tobago / April 19,
// 2009". This file reads those lines into clues (a title, a summit's
// designation, a place, a country, a date) and resolves the clues
// together to one summit. Nothing is guessed: clues that name two summits,
// or none, leave the document without a summit.

// Clue is one thing a title block says about the document's summit.
type Clue struct {
	What ClueKind
	// Text as printed.
	Text string
	Line int
	// Summit is the summit this clue names by itself; nil when it names
	// none or could name several.
	Summit *graph.Summit
	// Note says why a clue was not used ("not the date of any summit").
	Note string
}

// ClueKind is what a clue is.
type ClueKind string

// The kinds of clues.
const (
	ClueTitle       ClueKind = "title"       // the document's title: "Declaración de Santa Cruz de la Sierra"
	ClueDesignation ClueKind = "designation" // "Fifth Summit of the Americas", "SEPTIMA CUMBRE DE LAS AMERICAS"
	CluePlace       ClueKind = "place"       // a summit's city: "Port of Spain", "Ciudad de Panamá"
	ClueCountry     ClueKind = "country"     // "Trinidad and Tobago"
	ClueDate        ClueKind = "date"        // "April 13 and 14, 2018", "du 9 au 11 décembre 1994"
	ClueYear        ClueKind = "year"        // a year printed alone
)

// tword is a word of a title-block line: its normalized form (lower case,
// no accents; a damaged letter, U+FFFD, is '?'), with a footnote marker
// glued to it removed ("Americasi", "Americas1"), and where it is.
type tword struct {
	norm       string
	start, end int // bytes in the line
	upper      bool
}

// titleWords splits a line into words for clue matching. An apostrophe
// separates words ("d'Action" is "d", "action").
func titleWords(s string, vocab map[string]bool) []tword {
	var out []tword
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		raw := s[start:end]
		parts := strings.Split(raw, "\ufffd")
		for i := range parts {
			parts[i] = strings.ReplaceAll(normWords(parts[i]), " ", "")
		}
		n := strings.Join(parts, "?")
		r, _ := utf8.DecodeRuneInString(raw)
		out = append(out, tword{norm: stripMarker(n, vocab), start: start, end: end, upper: unicode.IsUpper(r)})
		start = -1
	}
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\ufffd'
		if in && start < 0 {
			start = i
		} else if !in {
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// stripMarker removes a footnote marker glued to a word the title-block
// vocabulary knows: "americasi" and "americas1" are "americas"; "haiti"
// stays.
func stripMarker(w string, vocab map[string]bool) string {
	if vocab[w] || len(w) < 4 {
		return w
	}
	for _, suffix := range []string{"iii", "ii", "iv", "i", "v", "x"} {
		if b, ok := strings.CutSuffix(w, suffix); ok && vocab[b] {
			return b
		}
	}
	b := strings.TrimRightFunc(w, unicode.IsDigit)
	if b != w && len(w)-len(b) <= 2 && vocab[b] {
		return b
	}
	return w
}

// wordIs reports whether a title word is x; a damaged letter ('?')
// matches any one letter of x.
func wordIs(w tword, x string) bool {
	if w.norm == x {
		return true
	}
	if !strings.Contains(w.norm, "?") || len(w.norm) != len(x) {
		return false
	}
	for i := 0; i < len(x); i++ {
		if w.norm[i] != '?' && w.norm[i] != x[i] {
			return false
		}
	}
	return true
}

func wordsAre(ws []tword, i int, seq []string) bool {
	if i < 0 || i+len(seq) > len(ws) {
		return false
	}
	for k, x := range seq {
		if !wordIs(ws[i+k], x) {
			return false
		}
	}
	return true
}

// docKindPhrase is a phrase that names a kind of summit document, in one of
// the four languages.
type docKindPhrase struct {
	words []string
	kind  graph.DocumentKind
}

var docKindPhrases = func() []docKindPhrase {
	var out []docKindPhrase
	for kind, phrases := range map[graph.DocumentKind][]string{
		graph.DocDeclaration:       {"declaration", "declaracion", "declaracao"},
		graph.DocPlanOfAction:      {"plan of action", "action plan", "plan de accion", "plan d action", "plano de acao", "plano de accao", "plan de acao"},
		graph.DocCommitment:        {"commitment", "compromiso", "engagement", "compromisso"},
		graph.DocMandatesForAction: {"mandates for action", "mandatos para la accion", "mandats pour l action", "mandatos para a acao"},
		graph.DocOther:             {"agenda", "programme d action", "programa de accion"},
	} {
		for _, p := range phrases {
			out = append(out, docKindPhrase{strings.Fields(p), kind})
		}
	}
	// Longest first, then by kind, so that the result does not depend on
	// map order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (len(out[j].words) > len(out[j-1].words) || len(out[j].words) == len(out[j-1].words) && strings.Join(out[j].words, " ") < strings.Join(out[j-1].words, " ")); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

// DocumentKindOf reads a document's kind from its title: the first phrase
// of the title that names a kind ("Declaration of Commitment of Port of
// Spain" is a declaration, "Lima Commitment" a commitment); DocOther when
// none does.
func DocumentKindOf(title string) graph.DocumentKind {
	ws := titleWords(title, nil)
	if k, _, _ := kindAt(ws); k != "" {
		return k
	}
	return graph.DocOther
}

// kindAt finds the first phrase naming a document kind in ws: its kind and
// word range.
func kindAt(ws []tword) (graph.DocumentKind, int, int) {
	for i := range ws {
		for _, p := range docKindPhrases {
			if wordsAre(ws, i, p.words) {
				return p.kind, i, i + len(p.words)
			}
		}
	}
	return "", -1, -1
}

// Summit designations.
var (
	summitNouns   = map[string]bool{"summit": true, "cumbre": true, "sommet": true, "cupula": true, "cimeira": true}
	americasTails = [][]string{
		{"of", "the", "americas"}, {"de", "las", "americas"}, {"des", "ameriques"}, {"das", "americas"}, {"de", "las", "america"},
	}
	specialWords = map[string]bool{"special": true, "extraordinary": true, "extraordinaria": true, "extraordinaire": true, "extraordinario": true, "especial": true}
	// titleOrdinals are ordinals the citation resolver does not read, as a
	// title block may print them: Portuguese ones, and the cardinal a
	// title block prints for its ordinal ("EIGHT SUMMIT OF THE AMERICAS").
	titleOrdinals = map[string]int{
		"primeira": 1, "primeiro": 1, "terceira": 3, "quarta": 4, "setima": 7, "oitava": 8, "nona": 9, "decima": 10,
		"premiere": 1, "1er": 1, "1re": 1, "2e": 2, "3e": 3, "4e": 4, "5e": 5, "6e": 6, "7e": 7, "8e": 8, "9e": 9, "10e": 10,
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"octavo": 8, "septimo": 7, "sexto": 6, "quinto": 5, "cuarto": 4, "tercero": 3, "segundo": 2, "primero": 1,
	}
)

func ordinalOf(w tword, raw string) int {
	if n := ordinalWords[w.norm]; n > 0 {
		return n
	}
	if n := titleOrdinals[w.norm]; n > 0 {
		return n
	}
	if isRomanWord(raw) {
		return roman(w.norm)
	}
	return 0
}

// months in the four languages, normalized.
var months = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range []string{
		"january enero janvier janeiro", "february febrero fevrier fevereiro", "march marzo mars marco",
		"april abril avril", "may mayo mai maio", "june junio juin junho", "july julio juillet julho",
		"august agosto aout", "september septiembre setiembre septembre setembro", "october octubre octobre outubro",
		"november noviembre novembre novembro", "december diciembre decembre dezembro",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}()

// titleConnectors are the words a title block's lines put between clues, or
// around a date ("du 9 au 11 décembre"), in the four languages.
var titleConnectors = words(`of the de la las los el del y and et e em en in a au aux al du des das da do dos le les to from at on city ciudad cidade ville s`)

// titleIndex is what matching title-block lines needs from a catalog:
// every word a clue can hold, to tell a footnote marker glued to a word,
// and the countries as word sequences.
type titleIndex struct {
	vocab     map[string]bool
	countries [][]string // longest first
}

var titleIndexes sync.Map // *Catalog → *titleIndex

func (c *Catalog) titleIndex() *titleIndex {
	if ti, ok := titleIndexes.Load(c); ok {
		return ti.(*titleIndex)
	}
	ti := &titleIndex{vocab: map[string]bool{}}
	add := func(s string) {
		for _, w := range strings.Fields(s) {
			ti.vocab[w] = true
		}
	}
	for w := range summitNouns {
		add(w)
	}
	for _, t := range americasTails {
		add(strings.Join(t, " "))
	}
	for w := range months {
		add(w)
	}
	for _, p := range docKindPhrases {
		add(strings.Join(p.words, " "))
	}
	for _, p := range c.places {
		add(p.norm)
	}
	for name := range c.countries {
		add(name)
		ti.countries = append(ti.countries, strings.Fields(name))
	}
	for i := 1; i < len(ti.countries); i++ {
		for j := i; j > 0 && (len(ti.countries[j]) > len(ti.countries[j-1]) || len(ti.countries[j]) == len(ti.countries[j-1]) && strings.Join(ti.countries[j], " ") < strings.Join(ti.countries[j-1], " ")); j-- {
			ti.countries[j], ti.countries[j-1] = ti.countries[j-1], ti.countries[j]
		}
	}
	got, _ := titleIndexes.LoadOrStore(c, ti)
	return got.(*titleIndex)
}

// piece is a clue found in a line: its kind, word range, and what it says.
type piece struct {
	what     ClueKind
	from, to int // words
	kind     graph.DocumentKind
	ordinal  int
	special  bool
	summit   *graph.Summit // a place's summit
	date     meetingDate
	year     int
}

type meetingDate struct {
	year  int
	month time.Month
	days  []int
}

// lineClues reads the clues of one line. ok is false when the line does not
// read as a line of a title block: too long, a sentence, a continuation,
// or words that are not clues.
func (c *Catalog) lineClues(ti *titleIndex, text string) (ws []tword, pieces []piece, ok bool) {
	ws = titleWords(text, ti.vocab)
	if len(ws) == 0 || len(ws) > 20 {
		return ws, nil, false
	}
	if r, _ := utf8.DecodeRuneInString(text); unicode.IsLower(r) {
		return ws, nil, false // a line that goes on with a sentence
	}
	covered := make([]bool, len(ws))
	mark := func(p piece) {
		for k := p.from; k < p.to; k++ {
			covered[k] = true
		}
		pieces = append(pieces, p)
	}
	if k, from, to := kindAt(ws); k != "" {
		mark(piece{what: ClueTitle, from: from, to: to, kind: k})
	}
	for i := 0; i < len(ws); i++ {
		if !summitNouns[ws[i].norm] {
			continue
		}
		p := piece{what: ClueDesignation, from: i, to: i + 1}
		named := false
		if i > 0 {
			if n := ordinalOf(ws[i-1], text[ws[i-1].start:ws[i-1].end]); n > 0 {
				p.ordinal, p.from, named = n, i-1, true
			} else if specialWords[ws[i-1].norm] {
				p.special, p.from, named = true, i-1, true
			}
		}
		j := i + 1
		if j < len(ws) && specialWords[ws[j].norm] {
			p.special, named = true, true
			j++
		}
		for _, tail := range americasTails {
			if wordsAre(ws, j, tail) {
				j += len(tail)
				named = true
				break
			}
		}
		if named {
			p.to = j
			mark(p)
			i = j - 1
		}
	}
	for i := 0; i < len(ws); i++ {
		if covered[i] || !ws[i].upper {
			continue
		}
		if s, n := c.titlePlaceAt(ws, i); s != nil {
			mark(piece{what: CluePlace, from: i, to: i + n, summit: s})
			i += n - 1
			continue
		}
		for _, cw := range ti.countries {
			if wordsAre(ws, i, cw) {
				mark(piece{what: ClueCountry, from: i, to: i + len(cw)})
				i += len(cw) - 1
				break
			}
		}
	}
	for i := 0; i < len(ws); i++ {
		if covered[i] {
			continue
		}
		if m, ok := months[ws[i].norm]; ok {
			if p, ok := dateAt(ws, i, m); ok {
				mark(p)
				i = p.to - 1
			}
		}
	}
	for i, w := range ws {
		if !covered[i] && isYear(w.norm) {
			y, _ := strconv.Atoi(w.norm)
			mark(piece{what: ClueYear, from: i, to: i + 1, year: y})
		}
	}
	leftover := 0
	for i, w := range ws {
		if !covered[i] && !titleConnectors[w.norm] {
			leftover++
		}
	}
	sentence := strings.HasSuffix(strings.TrimSpace(text), ".") && len(ws) > 8
	var title, designation, support bool
	for _, p := range pieces {
		switch p.what {
		case ClueTitle:
			// A title starts the line ("Declaration of …", "[Proyecto de]
			// DECLARACION POLITICA", "Lima Commitment"), follows a
			// designation, or the line is short ("From the Declaration:").
			title = p.from <= 3 || len(ws) <= 8 || precededByDesignation(pieces, p)
		case ClueDesignation:
			designation = true
		default:
			support = true
		}
	}
	switch {
	case sentence:
		return ws, nil, false
	case title, designation && leftover <= 6:
		return ws, pieces, true
	case support && leftover <= 3 && len(ws) <= 14:
		return ws, pieces, true
	}
	return ws, nil, false
}

func precededByDesignation(pieces []piece, p piece) bool {
	for _, q := range pieces {
		if q.what == ClueDesignation && q.to == p.from {
			return true
		}
	}
	return false
}

func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// titlePlaceAt is the summit whose place starts at word i of a title line.
func (c *Catalog) titlePlaceAt(ws []tword, i int) (*graph.Summit, int) {
	for _, p := range c.places { // longest first
		if wordsAre(ws, i, p.words) {
			return p.summit, len(p.words)
		}
	}
	return nil, 0
}

// dateAt reads a date around the month at word i: days before it ("10 y
// 11 abril", "du 9 au 11 décembre") or after it ("April 13 and 14"), and
// the year after it.
func dateAt(ws []tword, i int, m time.Month) (piece, bool) {
	p := piece{what: ClueDate, from: i, to: i + 1, date: meetingDate{month: m}}
	day := func(w string) int {
		if len(w) > 2 {
			return 0
		}
		d, err := strconv.Atoi(w)
		if err != nil || d < 1 || d > 31 {
			return 0
		}
		return d
	}
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if d := day(ws[j].norm); d > 0 {
			p.date.days = append(p.date.days, d)
			p.from = j
		} else if !titleConnectors[ws[j].norm] {
			break
		}
	}
	for j := i + 1; j < len(ws) && j <= i+7; j++ {
		w := ws[j].norm
		if isYear(w) {
			p.date.year, _ = strconv.Atoi(w)
			p.to = j + 1
			break
		}
		if d := day(w); d > 0 {
			p.date.days = append(p.date.days, d)
		} else if !titleConnectors[w] {
			break
		}
	}
	return p, p.date.year > 0
}

// meets reports whether a summit met on the date: a day printed falls
// within its days (its first day to four days later), or, for a summit
// whose first day the catalog does not give, in the year printed.
func meets(s *graph.Summit, d meetingDate) bool {
	if s.Year != d.year {
		return false
	}
	if s.StartDate == nil || *s.StartDate == "" {
		return true
	}
	start, err := time.Parse("2006-01-02", *s.StartDate)
	if err != nil {
		return true
	}
	days := d.days
	if len(days) == 0 {
		return start.Month() == d.month
	}
	for _, day := range days {
		t := time.Date(d.year, d.month, day, 0, 0, 0, 0, time.UTC)
		if !t.Before(start.AddDate(0, 0, -1)) && !t.After(start.AddDate(0, 0, 4)) {
			return true
		}
	}
	return false
}

// titleLine is a line of a title block with its clues.
type titleLine struct {
	line   int
	text   string
	words  []tword
	pieces []piece
}

// primary reports whether the line names a document or a summit: a title
// block needs one such line; places, countries and dates only support
// them.
func (tl *titleLine) primary() bool {
	for _, p := range tl.pieces {
		if p.what == ClueDesignation || p.what == ClueTitle && p.kind != graph.DocOther {
			return true
		}
	}
	return false
}

// titleStripWords are words before a document's title that are not part of
// it: "From the Declaration", "Extractos de la Declaración".
var titleStripWords = words(`from the extract extracts excerpt excerpts of extractos de la el del los las extraits des du trechos da do dos`)

// title is the document title a line prints: from its first word (or after
// a designation, or after "From the") to its end (or to a designation or
// a date after it), without trailing punctuation.
func (tl *titleLine) title(p piece) string {
	start := 0
	for _, q := range tl.pieces {
		if q.what == ClueDesignation && q.to <= p.from && q.to > start {
			start = q.to
		}
	}
	strip := true
	for k := start; k < p.from; k++ {
		strip = strip && titleStripWords[tl.words[k].norm]
	}
	if strip {
		start = p.from
	}
	end := len(tl.words)
	for _, q := range tl.pieces {
		if (q.what == ClueDesignation || q.what == ClueDate) && q.from >= p.to && q.from < end {
			end = q.from
		}
	}
	from := tl.words[start].start
	if start == 0 {
		from = 0
	}
	to := len(tl.text)
	if end < len(tl.words) {
		to = tl.words[end].start
	}
	return strings.TrimRightFunc(tl.text[from:to], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",.:;-–—/|", r)
	})
}

// resolveTitle resolves the clues of a title block to one summit, the
// document's title and its kind. It is the one place where a title block
// meets the catalog's resolver: each clue is resolved by itself, to tell
// clues that name two different summits, and all clues together, as one
// citation, for the summit they agree on.
func (c *Catalog) resolveTitle(d *Document, lines []*titleLine) {
	var parts []string
	year := 0
	for _, tl := range lines {
		for _, p := range tl.pieces {
			text := tl.text[tl.words[p.from].start:tl.words[p.to-1].end]
			clue := Clue{What: p.what, Text: text, Line: tl.line}
			switch p.what {
			case ClueTitle:
				if d.Title != "" {
					continue // one title: the first
				}
				d.Title = tl.title(p)
				d.Kind = p.kind
				clue.Text = d.Title
				clue.Summit = c.ResolveCitation(d.Title).Summit
			case ClueDesignation:
				q := "Summit of the Americas"
				switch {
				case p.ordinal > 0:
					q = strconv.Itoa(p.ordinal) + " " + q
				case p.special:
					q = "Special " + q
				}
				clue.Summit = c.ResolveCitation(q).Summit
				parts = append(parts, q)
			case CluePlace:
				clue.Summit = p.summit
				if ps := c.placeSummits(normWords(text), true); len(ps) != 1 {
					clue.Summit = nil
				}
				parts = append(parts, text)
			case ClueCountry:
				clue.Summit = c.ResolveCitation(text).Summit
				parts = append(parts, text)
			case ClueDate:
				var met []*graph.Summit
				for _, s := range c.Summits {
					if meets(s, p.date) {
						met = append(met, s)
					}
				}
				if len(met) == 0 {
					clue.Note = "not the date of any summit of the catalog (a date of publication?): not used"
				} else {
					year = p.date.year
					if len(met) == 1 {
						clue.Summit = met[0]
					}
				}
			case ClueYear:
				if year == 0 {
					year = p.year
				}
			}
			d.Clues = append(d.Clues, clue)
		}
	}
	if d.Title != "" {
		parts = append([]string{d.Title}, parts...)
	}
	if year > 0 {
		parts = append(parts, strconv.Itoa(year))
	}
	if d.Title == "" && len(lines) > 0 {
		// A block that names its summit but no document kind: its first
		// line that names something is the title.
		for _, tl := range lines {
			if tl.primary() {
				d.Title = strings.TrimRightFunc(tl.text, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",.:;", r) })
				break
			}
		}
		d.Kind = graph.DocOther
	}
	// Two clues that each name one summit, different ones: the block names
	// two summits.
	var first *Clue
	for i := range d.Clues {
		cl := &d.Clues[i]
		if cl.Summit == nil {
			continue
		}
		if first == nil {
			first = cl
		} else if cl.Summit != first.Summit {
			d.Problem = fmt.Sprintf("it names two summits: %q (line %d) is %s, %q (line %d) is %s",
				first.Text, first.Line, first.Summit.Label(), cl.Text, cl.Line, cl.Summit.Label())
			return
		}
	}
	cit := c.ResolveCitation(strings.Join(parts, ", "))
	switch {
	case cit.Summit == nil:
		d.Problem = cit.Problem
	case first != nil && cit.Summit != first.Summit:
		d.Problem = fmt.Sprintf("its clues together name %s, but %q (line %d) names %s", cit.Summit.Label(), first.Text, first.Line, first.Summit.Label())
	default:
		d.Summit = cit.Summit
	}
}

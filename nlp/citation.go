package nlp

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"summitgraph/graph"
)

// Citation is a mandate's trailing citation, resolved against the catalog.
type Citation struct {
	// Text as printed, without parentheses.
	Text string
	// Summit is the summit the citation names; nil when it names none, or
	// when its clues (ordinal, place, year, document) do not agree on one.
	Summit *graph.Summit
	// Title is the document title as printed ("Plan of Action Québec",
	// "Lima Commitment"); "" when the citation names no document.
	Title string
	// Year printed in the citation; 0 when none.
	Year int
	// Problem says why Summit is nil.
	Problem string
}

// normWords lower-cases s, strips accents and turns everything but letters
// and digits into single spaces: "Québec City" → "quebec city".
func normWords(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(graph.FoldRune(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// containsWords reports whether the normalized word sequence hay contains
// the word sequence needle.
func containsWords(hay, needle string) bool {
	return strings.Contains(" "+hay+" ", " "+needle+" ")
}

// ordinalWords are the ordinals a summit is numbered by, in the four
// languages, normalized: "Eighth Summit", "Octava Cumbre", "Huitième
// Sommet", "Oitava Cúpula", masculine forms too ("primer", "segundo").
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
	"primera": 1, "primer": 1, "primero": 1, "segunda": 2, "segundo": 2, "tercera": 3, "tercer": 3, "tercero": 3, "cuarta": 4, "cuarto": 4,
	"quinta": 5, "quinto": 5, "sexta": 6, "sexto": 6, "septima": 7, "septimo": 7, "setima": 7, "setimo": 7, "octava": 8, "octavo": 8,
	"novena": 9, "noveno": 9, "decima": 10, "decimo": 10,
	"premier": 1, "premiere": 1, "deuxieme": 2, "seconde": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10,
	"primeira": 1, "primeiro": 1, "terceira": 3, "terceiro": 3, "quarta": 4, "quarto": 4, "oitava": 8, "oitavo": 8, "nona": 9, "nono": 9,
}

// cardinalWords are the numbers a heading sometimes prints for the
// ordinal ("EIGHT SUMMIT OF THE AMERICAS"); they are read only right
// before a summit word that "of the Americas" follows.
var cardinalWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// ordinalSuffixes follow a numeral as an ordinal: "7th", "7e", "7ème",
// "1er", "1re", "7ª", "7º", "VIIe".
var ordinalSuffixes = []string{"eme", "ere", "er", "re", "e", "ª", "º", "a", "o", "st", "nd", "rd", "th"}

// numeralOrdinal reads a normalized word written as a numeral with or
// without an ordinal suffix ("7", "7e", "vii", "viie", "7ª"); romanOK
// allows Roman numerals. 0 when it is none.
func numeralOrdinal(w string, romanOK bool) int {
	try := func(x string) int {
		if n, err := strconv.Atoi(x); err == nil && n > 0 && n <= 20 {
			return n
		}
		if romanOK {
			return roman(x)
		}
		return 0
	}
	if n := try(w); n > 0 {
		return n
	}
	for _, suf := range ordinalSuffixes {
		if x, ok := strings.CutSuffix(w, suf); ok && x != "" {
			if n := try(x); n > 0 {
				return n
			}
		}
	}
	return 0
}

// roman parses a Roman numeral from I to XX; 0 when s is not one.
func roman(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10}
	if s == "" || len(s) > 5 {
		return 0
	}
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total < 1 || total > 20 {
		return 0
	}
	return total
}

// summitWords are the words that say a phrase designates a summit, in
// the four languages ("Cimeira" is European Portuguese).
var summitWords = map[string]bool{
	"summit": true, "summits": true, "cumbre": true, "cumbres": true, "sommet": true, "sommets": true,
	"cupula": true, "cupulas": true, "cimeira": true, "cimeiras": true,
}

// specialWords say that a summit is not one of the numbered ones.
var specialWords = map[string]bool{
	"special": true, "extraordinary": true, "extraordinaria": true, "extraordinaire": true, "especial": true,
}

// americasTails are the words after a summit word that make it a Summit
// of the Americas.
var americasTails = [][]string{
	{"of", "the", "americas"}, {"de", "las", "americas"}, {"des", "ameriques"}, {"das", "americas"},
}

// lookupWord finds w in a map of normalized words; a word with damaged
// letters (U+FFFD) is found by the one key it can be, if only one.
func lookupWord[V any](m map[string]V, w string) (V, bool) {
	if v, ok := m[w]; ok || !strings.ContainsRune(w, utf8.RuneError) {
		return v, ok
	}
	var found V
	n := 0
	for k, v := range m {
		if wildEq(w, k) {
			found = v
			n++
		}
	}
	return found, n == 1
}

// isWord reports whether w is the normalized word want, or can be it with
// its damaged letters restored.
func isWord(w, want string) bool {
	return w == want || strings.ContainsRune(w, utf8.RuneError) && wildEq(w, want)
}

// wildEq compares a normalized word that has damaged letters with a
// normalized word: each run of one or two U+FFFD stands for one letter
// (one for a Latin-1 byte read as UTF-8, two for a UTF-8 letter whose
// bytes were each replaced), and the rest must be equal. Words of fewer
// than three letters are never restored.
func wildEq(got, want string) bool {
	if utf8.RuneCountInString(want) < 3 {
		return false
	}
	// Cheap refusals first: a damaged word is at least as long in runes
	// as the word, and at most one rune longer per damaged letter.
	ng, nw := utf8.RuneCountInString(got), utf8.RuneCountInString(want)
	if ng < nw || ng > 2*nw {
		return false
	}
	var eq func(g, w string) bool
	eq = func(g, w string) bool {
		for g != "" && w != "" {
			gr, gn := utf8.DecodeRuneInString(g)
			wr, wn := utf8.DecodeRuneInString(w)
			if gr == utf8.RuneError {
				if !unicode.IsLetter(wr) {
					return false
				}
				if rest := g[gn:]; strings.HasPrefix(rest, "\uFFFD") && eq(rest[len("\uFFFD"):], w[wn:]) {
					return true
				}
			} else if gr != wr {
				return false
			}
			g, w = g[gn:], w[wn:]
		}
		return g == "" && w == ""
	}
	return eq(got, want)
}

// seqAt reports whether the words from i on are the word sequence want,
// damaged letters restored.
func seqAt(ws []string, i int, want []string) bool {
	if i < 0 || i+len(want) > len(ws) {
		return false
	}
	for k, x := range want {
		if !isWord(ws[i+k], x) {
			return false
		}
	}
	return true
}

// clueWords lower-cases s, strips accents and splits it into words like
// normWords, but keeps U+FFFD inside words as the damaged letter it
// stands for: "Am�ricas" is one word, "am\uFFFDricas".
func clueWords(s string) []string {
	if !strings.ContainsRune(s, utf8.RuneError) {
		return strings.Fields(normWords(s))
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return r != utf8.RuneError && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	}) {
		var b strings.Builder
		for _, r := range norm.NFD.String(part) {
			switch {
			case r == utf8.RuneError:
				b.WriteRune(r)
			case unicode.Is(unicode.Mn, r):
			default:
				b.WriteRune(graph.FoldRune(r))
			}
		}
		out = append(out, b.String())
	}
	return out
}

// ordinalAt reads the ordinal of the summit word at ws[i] from the word
// before it (or a word after it: "Cumbre Octava"); 0 when none.
func ordinalAt(ws []string, i int) int {
	if i > 0 {
		if n, ok := lookupWord(ordinalWords, ws[i-1]); ok {
			return n
		}
		if n := numeralOrdinal(ws[i-1], true); n > 0 {
			return n
		}
		if n, ok := lookupWord(cardinalWords, ws[i-1]); ok && americasTail(ws, i+1) > 0 {
			return n
		}
	}
	if i+1 < len(ws) {
		if n, ok := lookupWord(ordinalWords, ws[i+1]); ok {
			return n
		}
	}
	return 0
}

// americasTail returns how many words from i on say "of the Americas" in
// one of the languages; 0 when they do not.
func americasTail(ws []string, i int) int {
	for _, t := range americasTails {
		if seqAt(ws, i, t) {
			return len(t)
		}
	}
	return 0
}

// designation reads an ordinal or "special" out of a phrase naming a summit:
// "IX Summit of the Americas", "Eighth Summit", "Special Summit",
// "Cumbre Extraordinaria", "Troisième Sommet", "VIIe Sommet", "Terceira
// Cúpula". ok is false when the phrase names no summit.
func designation(words []string) (ordinal int, special, ok bool) {
	for i, w := range words {
		if _, is := lookupWord(summitWords, w); !is {
			continue
		}
		ok = true
		if n := ordinalAt(words, i); n > 0 {
			ordinal = n
		}
		for _, x := range []int{i - 1, i + 1} {
			if x >= 0 && x < len(words) {
				if _, sp := lookupWord(specialWords, words[x]); sp {
					special = true
				}
			}
		}
	}
	return ordinal, special, ok
}

type segment struct {
	text  string
	start int // byte offset in the citation
}

// segments splits a citation at commas and at periods followed by a space.
func segments(s string) []segment {
	var out []segment
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ',' || (s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ')) {
			out = append(out, segment{s[start:i], start})
			start = i + 1
		}
	}
	return append(out, segment{s[start:], start})
}

// ResolveCitation reads the summit and document a citation names. The
// summit is resolved only when every clue the citation gives (ordinal,
// special, place, country, year) agrees on exactly one summit of the
// catalog; it is never guessed.
func (c *Catalog) ResolveCitation(text string) Citation {
	cit := Citation{Text: text}
	if ys := reYear.FindAllString(text, -1); len(ys) > 0 {
		cit.Year, _ = strconv.Atoi(ys[len(ys)-1])
	}
	segs := segments(text)
	var (
		ordinal      int
		special      bool
		named        bool // a phrase designates a summit
		placeSummits []*graph.Summit
		countries    []string
		clues        []string
	)
	titleEnd := len(text)
	for i := len(segs) - 1; i >= 0; i-- {
		words := clueWords(segs[i].text)
		w := strings.Join(words, " ")
		recognized := false
		switch {
		case w == "":
			recognized = true
		case len(words) == 1 && reYear.MatchString(w):
			recognized = true
		case c.isCountry(w):
			countries = append(countries, w)
			clues = append(clues, strings.TrimSpace(segs[i].text))
			recognized = true
		case len(c.placeSummits(w, true)) > 0:
			placeSummits = append(placeSummits, c.placeSummits(w, true)...)
			clues = append(clues, strings.TrimSpace(segs[i].text))
			recognized = true
		default:
			if o, sp, ok := designation(words); ok {
				named = true
				if o > 0 {
					ordinal = o
				}
				special = special || sp
				clues = append(clues, strings.TrimSpace(segs[i].text))
				recognized = true
			}
		}
		if !recognized {
			break
		}
		titleEnd = segs[i].start
	}
	cit.Title = strings.TrimRightFunc(strings.TrimSpace(text[:titleEnd]), func(r rune) bool {
		return r == ',' || r == '.' || unicode.IsSpace(r)
	})
	if cit.Title != "" {
		tw := strings.Join(clueWords(cit.Title), " ")
		if ps := c.placeSummits(tw, false); len(ps) > 0 {
			placeSummits = append(placeSummits, ps...)
			clues = append(clues, cit.Title)
		}
		if o, sp, ok := designation(strings.Fields(tw)); ok {
			named = true
			if o > 0 {
				ordinal = o
			}
			special = special || sp
		}
	}
	if cit.Year == 0 && ordinal == 0 && !named && len(placeSummits) == 0 && len(countries) == 0 {
		cit.Problem = "names no summit (no year, ordinal or place)"
		return cit
	}
	var cands []*graph.Summit
	for _, s := range c.Summits {
		if cit.Year > 0 && s.Year != cit.Year {
			continue
		}
		if ordinal > 0 && (s.Ordinal == nil || *s.Ordinal != ordinal) {
			continue
		}
		if special && !s.Special {
			continue
		}
		if len(placeSummits) > 0 && !containsSummit(placeSummits, s) {
			continue
		}
		if !c.matchesCountries(s, countries) {
			continue
		}
		cands = append(cands, s)
	}
	if len(cands) > 0 && ordinal == 0 && !named && len(placeSummits) == 0 && len(countries) == 0 && !summitDocument(cit.Title) {
		// "(Belém do Pará, 1994)", "(OAS, 2001)": a year alone names a
		// summit only under the title of a summit's document.
		cit.Problem = fmt.Sprintf("it gives only a year (%d), under a title that is not a summit document (%q)", cit.Year, cit.Title)
		return cit
	}
	switch len(cands) {
	case 1:
		cit.Summit = cands[0]
	case 0:
		if cit.Year > 0 && ordinal == 0 && len(placeSummits) == 0 && len(countries) == 0 {
			cit.Problem = fmt.Sprintf("no summit of the catalog met in %d", cit.Year)
		} else {
			if cit.Year > 0 {
				clues = append(clues, strconv.Itoa(cit.Year))
			}
			cit.Problem = fmt.Sprintf("its clues (%s) name no single summit of the catalog", strings.Join(clues, "; "))
		}
	default:
		var names []string
		for _, s := range cands {
			names = append(names, s.Label())
		}
		cit.Problem = fmt.Sprintf("it could name several summits (%s)", strings.Join(names, ", "))
	}
	return cit
}

// documentWords are the words of the titles of the documents summits adopt,
// in the Summits' four languages, normalized.
var documentWords = map[string]bool{
	"declaration": true, "declaracion": true, "declaracao": true,
	"plan": true, "plano": true, "action": true, "accion": true, "acao": true,
	"commitment": true, "compromiso": true, "compromisso": true, "engagement": true,
	"agenda": true, "initiatives": true, "iniciativas": true, "initiative": true, "iniciativa": true,
	"mandates": true, "mandatos": true, "mandats": true, "statement": true, "consensus": true, "consenso": true,
}

// summitDocument reports whether a citation's title reads as the title of a
// summit's document ("Plan of Action", "Declaration of ...", "Compromiso
// de ...") rather than of an organization's or a convention's.
func summitDocument(title string) bool {
	for _, w := range clueWords(title) {
		if _, ok := lookupWord(documentWords, w); ok {
			return true
		}
	}
	return false
}

// placeSummits returns the summits one of whose places is the whole of w
// (whole) or occurs in w as a word sequence.
func (c *Catalog) placeSummits(w string, whole bool) []*graph.Summit {
	var out []*graph.Summit
	damagedText := strings.ContainsRune(w, utf8.RuneError)
	var ws []string
	if damagedText {
		ws = strings.Fields(w)
	}
	for _, p := range c.places {
		var hit bool
		switch {
		case !damagedText:
			hit = (whole && w == p.norm) || (!whole && containsWords(w, p.norm))
		case whole:
			hit = len(ws) == len(p.words) && seqAt(ws, 0, p.words)
		default:
			for i := range ws {
				if seqAt(ws, i, p.words) {
					hit = true
					break
				}
			}
		}
		if hit && !containsSummit(out, p.summit) {
			out = append(out, p.summit)
		}
	}
	return out
}

// country returns the normalized country name w is, damaged letters
// restored; "" when none.
func (c *Catalog) country(w string) string {
	if _, ok := c.countries[w]; ok || !strings.ContainsRune(w, utf8.RuneError) {
		if ok {
			return w
		}
		return ""
	}
	ws := strings.Fields(w)
	found := ""
	for k := range c.countries {
		if kw := strings.Fields(k); len(kw) == len(ws) && seqAt(ws, 0, kw) {
			if found != "" {
				return "" // two countries it could be
			}
			found = k
		}
	}
	return found
}

func (c *Catalog) isCountry(w string) bool { return c.country(w) != "" }

// matchesCountries reports whether a summit met in every country named.
func (c *Catalog) matchesCountries(s *graph.Summit, countries []string) bool {
	for _, w := range countries {
		if !c.countries[c.country(w)][s] {
			return false
		}
	}
	return true
}

func containsSummit(list []*graph.Summit, s *graph.Summit) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

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

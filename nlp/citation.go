package nlp

import (
	"fmt"
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

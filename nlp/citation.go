package nlp

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

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

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
	"primera": 1, "primer": 1, "segunda": 2, "tercera": 3, "cuarta": 4, "quinta": 5, "sexta": 6, "septima": 7, "octava": 8, "novena": 9, "decima": 10,
	"premier": 1, "premiere": 1, "deuxieme": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10,
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

// summitWords are the words that say a phrase designates a summit.
var summitWords = map[string]bool{"summit": true, "summits": true, "cumbre": true, "cumbres": true, "sommet": true, "cupula": true}

// designation reads an ordinal or "special" out of a phrase naming a summit:
// "IX Summit of the Americas", "Eighth Summit", "Special Summit",
// "Cumbre Extraordinaria". ok is false when the phrase names no summit.
func designation(words []string) (ordinal int, special, ok bool) {
	for i, w := range words {
		if !summitWords[w] {
			continue
		}
		ok = true
		for _, x := range []int{i - 1, i + 1} {
			if x < 0 || x >= len(words) {
				continue
			}
			if n := ordinalWords[words[x]]; n > 0 {
				ordinal = n
			} else if n := roman(words[x]); n > 0 && x == i-1 {
				ordinal = n
			} else if n, err := strconv.Atoi(words[x]); err == nil && x == i-1 && n > 0 && n <= 20 {
				ordinal = n
			}
			if words[x] == "special" || words[x] == "extraordinaria" || words[x] == "extraordinary" {
				special = true
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
		w := normWords(segs[i].text)
		words := strings.Fields(w)
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
		tw := normWords(cit.Title)
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
	for _, w := range strings.Fields(normWords(title)) {
		if documentWords[w] {
			return true
		}
	}
	return false
}

// placeSummits returns the summits one of whose places is the whole of w
// (whole) or occurs in w as a word sequence.
func (c *Catalog) placeSummits(w string, whole bool) []*graph.Summit {
	var out []*graph.Summit
	for _, p := range c.places {
		if (whole && w == p.norm) || (!whole && containsWords(w, p.norm)) {
			if !containsSummit(out, p.summit) {
				out = append(out, p.summit)
			}
		}
	}
	return out
}

func (c *Catalog) isCountry(w string) bool {
	_, ok := c.countries[w]
	return ok
}

// matchesCountries reports whether a summit met in every country named.
func (c *Catalog) matchesCountries(s *graph.Summit, countries []string) bool {
	for _, w := range countries {
		if !c.countries[w][s] {
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

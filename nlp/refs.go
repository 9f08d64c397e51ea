package nlp

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"summitgraph/graph"
)

// confReference is the confidence of an explicit reference found by its
// pattern.
const confReference = 0.9

// Ref is an explicit mention of a summit or a summit document in a text.
type Ref struct {
	// Summit is the summit named, or the summit of the document named.
	Summit *graph.Summit
	// Title is the document named, as printed; "" for a summit.
	Title string
	graph.Evidence
}

// Target is the id of the node the reference points at.
func (r Ref) Target() string {
	if r.Title == "" {
		return r.Summit.ID
	}
	return DocumentID(r.Summit, r.Title)
}

// docTypes are the kinds of summit document a reference can name, as
// normalized word sequences.
var docTypes = [][]string{
	{"plan", "of", "action"}, {"declaration"}, {"commitment"}, {"plan", "de", "accion"}, {"declaracion"}, {"compromiso"},
}

var ofWords = map[string]bool{"of": true, "de": true, "in": true, "en": true}

type word struct {
	norm       string
	raw        string
	start, end int // code points
}

func refWords(toks []Token) []word {
	out := make([]word, len(toks))
	for i, t := range toks {
		out[i] = word{norm: normWords(t.Text), raw: t.Text, start: t.Start, end: t.End}
	}
	return out
}

// seq reports whether the words from i on read like the sequence s.
func seq(ws []word, i int, s []string) bool {
	if i+len(s) > len(ws) {
		return false
	}
	for k, x := range s {
		if ws[i+k].norm != x {
			return false
		}
	}
	return true
}

// placeAt returns the summit whose place starts at word i, and how many
// words it takes ("Québec City" is two, "Port of Spain" three).
func (c *Catalog) placeAt(ws []word, i int) (*graph.Summit, int) {
	for _, p := range c.places { // longest first
		n := p.words
		if seq(ws, i, n) {
			r, _ := utf8.DecodeRuneInString(ws[i].raw)
			if !unicode.IsUpper(r) {
				continue // a place is capitalized: "lima" in a sentence is not Lima
			}
			k := len(n)
			if i+k < len(ws) && ws[i+k].norm == "city" {
				k++
			}
			return p.summit, k
		}
	}
	return nil, 0
}

// yearAfter reads ", 1998" right after word i+n-1 and checks it.
func yearAfter(ws []word, i int) int {
	if i < len(ws) && len(ws[i].norm) == 4 && (strings.HasPrefix(ws[i].norm, "19") || strings.HasPrefix(ws[i].norm, "20")) {
		y, _ := strconv.Atoi(ws[i].norm)
		return y
	}
	return 0
}

// references finds the summits and summit documents a text names:
// "the Eighth Summit of the Americas", "the VIII Summit", "Octava Cumbre",
// "the Declaration of Santiago, 1998", "the Plan of Action of Québec City",
// "the Lima Commitment", and documents the corpus already knows by title.
func (c *Catalog) references(nt *normText, known []knownTitle) []Ref {
	ws := refWords(nt.tokens())
	var out []Ref
	add := func(s *graph.Summit, title string, from, to int) {
		start, end := ws[from].start, ws[to].end
		for _, r := range out {
			if start < r.End && end > r.Start {
				return
			}
		}
		out = append(out, Ref{Summit: s, Title: title, Evidence: graph.Evidence{
			Surface: string(nt.runes[start:end]), Start: start, End: end, Method: graph.MethodPattern, Confidence: confReference,
		}})
	}
	// Documents known by their full title.
	for _, d := range known {
		for i := range ws {
			if seq(ws, i, d.words) {
				add(d.Summit, d.Title, i, i+len(d.words)-1)
			}
		}
	}
	for i := 0; i < len(ws); i++ {
		// "<document type> of [the] <place>[ City][, <year>]"
		for _, dt := range docTypes {
			if !seq(ws, i, dt) {
				continue
			}
			if i > 0 {
				// "the 2006 Declaration of Santa Cruz + 10" is not the 1996
				// summit's declaration.
				if y := yearAfter(ws, i-1); y != 0 {
					if s, _ := c.placeAt(ws, i+len(dt)+1); s != nil && s.Year != y {
						continue
					}
				}
			}
			j := i + len(dt)
			if j < len(ws) && ofWords[ws[j].norm] {
				j++
				if j < len(ws) && (ws[j].norm == "the" || ws[j].norm == "la" || ws[j].norm == "los") {
					j++
				}
				if s, n := c.placeAt(ws, j); s != nil {
					last := j + n - 1
					if y := yearAfter(ws, last+1); y != 0 {
						if y != s.Year {
							continue
						}
						last++
					}
					add(s, string(nt.runes[ws[i].start:ws[j+n-1].end]), i, last)
				}
			}
		}
		// "<place>[ City] <document type>": "Lima Commitment"
		if s, n := c.placeAt(ws, i); s != nil {
			for _, dt := range docTypes {
				if seq(ws, i+n, dt) {
					last := i + n + len(dt) - 1
					add(s, string(nt.runes[ws[i].start:ws[last].end]), i, last)
				}
			}
			// "<place> Summit"
			if i+n < len(ws) && summitWords[ws[i+n].norm] {
				add(s, "", i, i+n)
			}
		}
		// "<ordinal> Summit [of the Americas]", "Summit [of the Americas] [held] in <place>"
		if summitWords[ws[i].norm] {
			if i > 0 {
				ord := ordinalWords[ws[i-1].norm]
				if ord == 0 && isRomanWord(ws[i-1].raw) {
					ord = roman(ws[i-1].norm)
				}
				if ord > 0 {
					last := i
					for _, tail := range [][]string{{"of", "the", "americas"}, {"de", "las", "americas"}} {
						if seq(ws, i+1, tail) {
							last = i + len(tail)
						}
					}
					// "the Third Summit", "the 8th Summit of the Americas";
					// not "a second summit on energy".
					if s := c.summitByOrdinal(ord); s != nil && (last > i || capitalized(ws[i].raw)) {
						add(s, "", i-1, last)
						continue
					}
				}
			}
			j := i + 1
			for _, tail := range [][]string{{"of", "the", "americas"}, {"de", "las", "americas"}} {
				if seq(ws, j, tail) {
					j += len(tail)
				}
			}
			if j < len(ws) && ws[j].norm == "held" {
				j++
			}
			if j < len(ws) && ofWords[ws[j].norm] {
				if s, n := c.placeAt(ws, j+1); s != nil {
					from := i
					if i > 0 && (ws[i-1].norm == "special" || ws[i-1].norm == "extraordinary") {
						from = i - 1 // "the Special Summit of the Americas in Monterrey"
					}
					add(s, "", from, j+n)
				}
			}
		}
	}
	sortRefs(out)
	return out
}

func capitalized(raw string) bool {
	r, _ := utf8.DecodeRuneInString(raw)
	return unicode.IsUpper(r)
}

func isRomanWord(raw string) bool {
	for _, r := range raw {
		if r != 'I' && r != 'V' && r != 'X' {
			return false
		}
	}
	return raw != ""
}

func (c *Catalog) summitByOrdinal(n int) *graph.Summit {
	for _, s := range c.Summits {
		if s.Ordinal != nil && *s.Ordinal == n {
			return s
		}
	}
	return nil
}

func sortRefs(r []Ref) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && r[j].Start < r[j-1].Start; j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// DocumentName is a summit document known by title: from a page's
// citations, or from the store.
type DocumentName struct {
	Title  string
	Summit *graph.Summit
}

// knownTitle is a document title references are looked for by, split into
// normalized words.
type knownTitle struct {
	DocumentName
	words []string
}

// knownTitles keeps the titles specific enough to be found by themselves:
// three words or more, and more than a bare document type ("Plan of
// Action" cited as "Plan of Action, Miami, 1994" names the Miami plan only
// beside its place, and the place patterns find it then).
func knownTitles(docs []DocumentName) []knownTitle {
	var out []knownTitle
	seen := map[string]bool{}
	for _, d := range docs {
		tw := strings.Fields(normWords(d.Title))
		if len(tw) < 3 || d.Summit == nil || isDocType(tw) {
			continue
		}
		key := d.Summit.ID + "|" + strings.Join(tw, " ")
		if !seen[key] {
			seen[key] = true
			out = append(out, knownTitle{DocumentName: d, words: tw})
		}
	}
	return out
}

// isDocType reports whether the normalized words are a bare document type.
func isDocType(tw []string) bool {
	for _, dt := range docTypes {
		if strings.Join(dt, " ") == strings.Join(tw, " ") {
			return true
		}
	}
	return false
}

// DocumentID is the stable id of a summit's document with the given title.
// The summit's own place is left out of the key, so that "Plan of Action
// Québec", "Plan of Action of Québec City" and "Québec City Plan of Action"
// are one document: document/2001-quebec-city/plan-of-action.
func DocumentID(s *graph.Summit, title string) string {
	return "document/" + strings.TrimPrefix(s.ID, "summit/") + "/" + documentKey(s, title)
}

// docTypeEnglish maps Spanish document types to the English key words, so
// that "Declaración de Santiago" and "Declaration of Santiago" are one
// document.
var docTypeEnglish = strings.NewReplacer(" plan de accion ", " plan of action ", " declaracion ", " declaration ", " compromiso ", " commitment ")

// keyFunctionWords maps Spanish function words to English ones in
// document keys, so that a title and its translation meet where their
// content words are the same.
var keyFunctionWords = strings.NewReplacer(" del ", " of the ", " de la ", " of the ", " de los ", " of the ", " de las ", " of the ", " de ", " of ", " y ", " and ")

// keyWords is the normalized, English-function-word form of a name, with
// a space at each end.
func keyWords(s string) string {
	w := docTypeEnglish.Replace(" " + normWords(s) + " ")
	// Twice: the replacer does not see overlapping matches ("de la de").
	return keyFunctionWords.Replace(keyFunctionWords.Replace(w))
}

func documentKey(s *graph.Summit, title string) string {
	w := keyWords(title)
	names := append([]string{s.City, s.CityES}, s.Places...)
	for changed := true; changed; {
		changed = false
		for _, p := range names {
			pn := strings.TrimSpace(keyWords(p))
			if pn == "" {
				continue
			}
			for _, form := range []string{" of the " + pn + " city ", " of " + pn + " city ", " of the " + pn + " ", " of " + pn + " ", " " + pn + " city ", " " + pn + " "} {
				if strings.HasSuffix(w, form) {
					w = strings.TrimSuffix(w, form) + " "
					changed = true
				} else if strings.HasPrefix(w, form) {
					w = " " + strings.TrimPrefix(w, form)
					changed = true
				}
			}
		}
	}
	k := strings.ReplaceAll(strings.TrimSpace(w), " ", "-")
	if k == "" {
		k = "document"
	}
	if len(k) > 100 {
		k = k[:100]
	}
	return k
}

package nlp

import (
	"sort"
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
// normalized word sequences, in the four languages.
var docTypes = [][]string{
	// A declaration of commitment first: "Declaration of Commitment of
	// Port of Spain" is not its "Commitment of Port of Spain".
	{"declaration", "of", "commitment"}, {"declaracion", "de", "compromiso"}, {"declaration", "d", "engagement"}, {"declaracao", "de", "compromisso"},
	{"plan", "of", "action"}, {"declaration"}, {"commitment"}, {"plan", "de", "accion"}, {"declaracion"}, {"compromiso"},
	{"plan", "d", "action"}, {"plano", "de", "acao"}, {"declaracao"}, {"compromisso"}, {"engagement"},
	{"mandates", "for", "action"}, {"mandatos", "para", "la", "accion"},
}

// docTypeLangs are the languages in whose text a document type is read
// when not every one: "the engagement of Québec" is no French
// "Engagement de Québec".
var docTypeLangs = map[string]langSet{"engagement": langBit("fr")}

// ofWords link a document type or a summit to its place: "of", "de",
// "d'", "du", "da", "do", and "in", "en", "em", "à" for where it met.
var ofWords = map[string]bool{"of": true, "de": true, "in": true, "en": true, "d": true, "du": true, "da": true, "do": true, "em": true, "a": true, "no": true, "na": true}

// articles may stand between a linking word and a place.
var articles = map[string]bool{"the": true, "la": true, "los": true, "l": true, "le": true, "les": true, "las": true}

// heldWords say where a summit met: "held in", "celebrada en", "tenu à",
// "realizada em".
var heldWords = map[string]bool{"held": true, "celebrada": true, "celebrado": true, "realizada": true, "realizado": true, "tenu": true, "tenue": true}

type word struct {
	norm       string
	raw        string
	start, end int // code points
}

// refWords normalizes the words of a text; a word with an elision
// ("d'action", "l'Organisation") is two words.
func refWords(toks []Token) []word {
	out := make([]word, 0, len(toks))
	for _, t := range toks {
		if k := strings.IndexAny(t.Text, "'’"); k > 0 {
			_, n := utf8.DecodeRuneInString(t.Text[k:])
			head, tail := t.Text[:k], t.Text[k+n:]
			split := t.Start + utf8.RuneCountInString(head)
			out = append(out,
				word{norm: normWords(head), raw: head, start: t.Start, end: split},
				word{norm: normWords(tail), raw: tail, start: split + 1, end: t.End})
			continue
		}
		out = append(out, word{norm: normWords(t.Text), raw: t.Text, start: t.Start, end: t.End})
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
func (c *Catalog) references(nt *normText, known []knownTitle, lang string) []Ref {
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
			if l, ok := docTypeLangs[dt[0]]; ok && !l.has(lang) {
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
				if j < len(ws) && articles[ws[j].norm] {
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
				if l, ok := docTypeLangs[dt[0]]; ok && !l.has(lang) {
					continue
				}
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
				if ord == 0 && !isDigits(ws[i-1].norm) {
					// "VIIe Sommet", "7th", "7ª Cúpula"; not "5 summits".
					ord = numeralOrdinal(ws[i-1].norm, isRomanWord(ws[i-1].raw))
				}
				if ord > 0 {
					last := i
					for _, tail := range americasTails {
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
			for _, tail := range americasTails {
				if seq(ws, j, tail) {
					j += len(tail)
				}
			}
			if j < len(ws) && heldWords[ws[j].norm] {
				j++
			}
			if j < len(ws) && ofWords[ws[j].norm] {
				if s, n := c.placeAt(ws, j+1); s != nil {
					from := i
					if i > 0 && specialWords[ws[i-1].norm] {
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

// isRomanWord reports whether a word is printed as a Roman numeral in
// capitals, with or without a French or Portuguese ordinal ending
// ("VII", "VIIe", "IXème", "VIIª").
func isRomanWord(raw string) bool {
	n := 0
	for _, r := range raw {
		if r != 'I' && r != 'V' && r != 'X' {
			break
		}
		n++
	}
	if n == 0 {
		return false
	}
	switch raw[n:] {
	case "", "e", "ème", "eme", "er", "re", "ª", "º":
		return true
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
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

// docTypeEnglish maps Spanish, French and Portuguese document types to
// the English key words, so that "Declaración de Santiago", "Déclaration
// de Santiago", "Declaração de Santiago" and "Declaration of Santiago" are
// one document.
var docTypeEnglish = strings.NewReplacer(
	" plan de accion ", " plan of action ", " declaracion ", " declaration ", " compromiso ", " commitment ",
	" plan d action ", " plan of action ", " engagement ", " commitment ",
	" plano de acao ", " plan of action ", " declaracao ", " declaration ", " compromisso ", " commitment ",
	" mandatos para la accion ", " mandates for action ")

// keyFunctionWords maps Spanish, French and Portuguese function words to
// English ones in document keys, so that a title and its translation meet
// where their content words are the same.
var keyFunctionWords = strings.NewReplacer(" del ", " of the ", " de la ", " of the ", " de los ", " of the ", " de las ", " of the ", " de l ", " of the ", " de ", " of ", " y ", " and ",
	" du ", " of the ", " des ", " of the ", " d ", " of ", " et ", " and ",
	" da ", " of the ", " do ", " of the ", " das ", " of the ", " dos ", " of the ")

// keyWords is the normalized, English-function-word form of a name, with
// a space at each end.
func keyWords(s string) string {
	w := docTypeEnglish.Replace(" " + normWords(s) + " ")
	// Twice: the replacer does not see overlapping matches ("de la de").
	return keyFunctionWords.Replace(keyFunctionWords.Replace(w))
}

func documentKey(s *graph.Summit, title string) string {
	w := keyWords(title)
	names := append(append([]string{s.City, s.CityES}, inLanguages(s.Cities)...), s.Places...)
	// Longest first: "Cidade de Quebec" before "Quebec".
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
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

package graph

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Links between mandates: the lineage of a mandate. Each is an edge with a
// score in (0, 1] (Edge.Weight) and a note saying what matched
// (Edge.Note).
const (
	// Quotes: a compiled mandate (a compilation page's, with a citation)
	// → the paragraph of a summit document whose text it reproduces.
	Quotes EdgeType = "QUOTES"
	// Translation: the same paragraph in another language, one edge each
	// way.
	Translation EdgeType = "TRANSLATION"
	// Renews: a later summit's mandate → the earlier one it repeats or
	// continues.
	Renews EdgeType = "RENEWS"
	// RelatedTo: mandates of different summits with much in common, one
	// edge a pair (smaller id → larger), read both ways.
	RelatedTo EdgeType = "RELATED"
)

// LinkTypes are the link types between mandates, in a fixed order.
var LinkTypes = []EdgeType{Quotes, Translation, Renews, RelatedTo}

// IsLink reports whether t is a link between mandates.
func IsLink(t EdgeType) bool {
	switch t {
	case Quotes, Translation, Renews, RelatedTo:
		return true
	}
	return false
}

// LinkFeatures is what link finding knows of a mandate: where it sits and
// the parts of its text that survive translation. It is computed from the
// mandate and the entities it mentions (Features), and stored beside it.
type LinkFeatures struct {
	ID       string       `cbor:"1,keyasint"`
	Summit   string       `cbor:"2,keyasint,omitempty"`
	Document string       `cbor:"3,keyasint,omitempty"`
	DocKind  DocumentKind `cbor:"4,keyasint,omitempty"`
	Language string       `cbor:"5,keyasint,omitempty"`
	Number   string       `cbor:"6,keyasint,omitempty"`
	Parent   string       `cbor:"7,keyasint,omitempty"`
	File     string       `cbor:"8,keyasint,omitempty"`
	Seq      int          `cbor:"9,keyasint,omitempty"`
	// Compiled is set for a compilation page's mandate (it carries a
	// citation); a document's paragraph has none.
	Compiled   bool `cbor:"10,keyasint,omitempty"`
	Unnumbered bool `cbor:"11,keyasint,omitempty"`
	// Keys are the language-independent parts of the text, sorted:
	// entity ids ("e:" + id), numbers ("n:" + digits) and word roots
	// ("w:" + the first letters of a folded word of five letters or more,
	// which cognates share across English, Spanish, French and
	// Portuguese: democr-, corrup-, transp-, judici-), and the stems of
	// the text as the search index has them ("s:" + stem, in the text's
	// language), which only RELATED counts.
	Keys []string `cbor:"12,keyasint,omitempty"`
	// Runes is the length of the text in code points.
	Runes int `cbor:"13,keyasint,omitempty"`
	// Cue is the renewal word the text opens with ("reaffirm",
	// "continue", "reafirmar", …), "" when none.
	Cue string `cbor:"14,keyasint,omitempty"`
}

// Features computes a mandate's link features; entities are the ids of the
// entities it mentions (conventions, institutions, themes), kind its
// document's kind, stems are its index terms (Vector.Terms).
func Features(m *Mandate, kind DocumentKind, entities []string, stems []TermFreq) LinkFeatures {
	return FeaturesFrom(m, kind, entities, TextFeaturesOf(m.Text, stems))
}

// TextFeatures are the link features that come from a mandate's text and
// index terms alone: its keys but the entities', its length and its
// renewal word. The ingest's workers compute them ahead of the store's
// writer (Batch.LinkText).
type TextFeatures struct {
	Keys  []string // numbers, word roots and stems, sorted
	Runes int
	Cue   string
}

// TextFeaturesOf computes the text features of a text with its index terms.
func TextFeaturesOf(text string, stems []TermFreq) TextFeatures {
	var keys []string
	words := FoldWords(text)
	for _, w := range words {
		if isDigits(w) {
			if len(w) >= 3 { // years, amounts: not the small numbers of lists
				keys = append(keys, "n:"+w)
			}
			continue
		}
		if r := wordRoot(w); r != "" {
			keys = append(keys, "w:"+r)
		}
	}
	for _, t := range stems {
		if len(t.Term) >= 3 && !isDigits(t.Term) && !shortFunctionWords[t.Term] {
			keys = append(keys, "s:"+t.Term)
		}
	}
	sort.Strings(keys)
	return TextFeatures{Keys: slices.Compact(keys), Runes: utf8.RuneCountInString(text), Cue: renewalCue(words)}
}

// LinkTextOf computes the text features of a batch's mandates
// (Batch.LinkText).
func LinkTextOf(b *Batch) map[string]TextFeatures {
	stems := make(map[string][]TermFreq, len(b.Vectors))
	for _, v := range b.Vectors {
		stems[v.ID] = v.Terms
	}
	out := make(map[string]TextFeatures, len(b.Mandates))
	for _, m := range b.Mandates {
		out[m.ID] = TextFeaturesOf(m.Text, stems[m.ID])
	}
	return out
}

// FeaturesFrom is Features with the text features computed already.
func FeaturesFrom(m *Mandate, kind DocumentKind, entities []string, t TextFeatures) LinkFeatures {
	f := LinkFeatures{
		ID: m.ID, Summit: m.Summit, Document: m.Document, DocKind: kind, Language: m.Language,
		Number: m.Number, Parent: m.Parent, Compiled: m.Citation != "",
		Unnumbered: m.HasFlag(FlagUnnumbered),
	}
	src := m.Source()
	f.File, f.Seq = src.File, src.Seq
	// Entity keys ("e:") sort before the text's ("n:", "s:", "w:").
	keys := make([]string, 0, len(entities)+len(t.Keys))
	for _, e := range entities {
		keys = append(keys, "e:"+e)
	}
	sort.Strings(keys)
	keys = slices.Compact(keys)
	f.Keys = append(keys, t.Keys...)
	f.Runes, f.Cue = t.Runes, t.Cue
	return f
}

// FoldWords splits a text into its words in compared form: lower case,
// accents dropped, numbers with their thousands separators removed
// ("600,000" is "600000"). U+FFFD (an accented letter a copy lost) is kept
// inside the word.
func FoldWords(s string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	rs := []rune(norm.NFD.String(s))
	for i, r := range rs {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\uFFFD':
			b.WriteRune(FoldRune(r))
		case (r == ',' || r == '.') && b.Len() > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i+1]) && isDigits(b.String()):
			// a thousands separator or a decimal point inside a number
		default:
			flush()
		}
	}
	flush()
	return words
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// rootLen is how many letters of a word its root keeps.
const rootLen = 5

// wordRoot is the root a folded word contributes: its first rootLen
// letters, for content words of at least rootLen letters; "" for short
// words, function words and words with a lost letter in the root.
func wordRoot(w string) string {
	if len(w) < rootLen || stopRoots[w] {
		return ""
	}
	r := w[:rootLen]
	if strings.ContainsRune(r, '\uFFFD') || stopRoots[r] {
		return ""
	}
	for i := 0; i < len(r); i++ {
		if r[i] < 'a' || r[i] > 'z' {
			return ""
		}
	}
	return r
}

// stopRoots are function words (and their roots) of the four languages
// long enough to give a root, and the words every summit paragraph uses.
var stopRoots = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		which their these those there where about other under within among
		shall would could should being having through between including
		entre todos todas nuestr nuestra nuestros nuestras sobre desde hasta
		tambien donde cuando mientras segun estos estas aquel nosotros
		cette celui celle ceux leurs notre nostr aupre selon toutes parmi
		nosso nossa nossos nossas todos sobre entre tambem desde estes
		essas esses assim ainda
		heads state estad chefs chefe gobie gouve gover`) {
		m[w] = true
	}
	return m
}()

// shortFunctionWords are the short function words of the four languages,
// left out of the stems should an index have kept them (the search
// index's own stop words are longer lists).
var shortFunctionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for with its our are was has not but all any
		los las del con por que una uno sus para como mas sin ser
		les des une aux par pour sur dans est qui ses leur avec
		dos das nos nas por uma com para seu sua pelo pela`) {
		m[w] = true
	}
	return m
}()

// renewalCues are the opening words of a paragraph that renews an earlier
// commitment, folded, as prefixes.
var renewalCues = []string{
	"reaffirm", "reiterat", "continu", "renew", "restat", "recommit",
	"reafirm", "reiter", "renov", "seguir", "reaffirm", "reitere", "poursuiv",
}

// cueMeanings are the renewal words' prefixes (renewalCues) of one
// meaning in the four languages.
var cueMeanings = [][]string{
	{"reaffirm", "reafirm"},
	{"reiterat", "reiter", "reitere"},
	{"continu", "seguir", "poursuiv"},
	{"renew", "renov"},
	{"restat"}, {"recommit"},
}

// SameCue reports whether two renewal words (LinkFeatures.Cue) mean the
// same: "continue" and "continuamos", "reaffirm" and "reafirmamos".
func SameCue(a, b string) bool {
	meaning := func(w string) int {
		for i, ps := range cueMeanings {
			for _, p := range ps {
				if strings.HasPrefix(w, p) {
					return i
				}
			}
		}
		return -1
	}
	ma := meaning(a)
	return ma >= 0 && ma == meaning(b)
}

// renewalCue is the renewal word among the first words, "" when none.
func renewalCue(words []string) string {
	for i, w := range words {
		if i >= 4 {
			break
		}
		for _, c := range renewalCues {
			if strings.HasPrefix(w, c) {
				return w
			}
		}
	}
	return ""
}

// DiceWeight is how much a shared key of each sort counts in SharedKeys.
func DiceWeight(k string) int { return int(keyWeight(k)) }

// keyWeight is how much a shared key of each sort counts.
func keyWeight(k string) float64 {
	switch k[0] {
	case 'e':
		if strings.HasPrefix(k, "e:theme/") {
			return 1 // a theme is a broad subject, not a named act
		}
		return 3
	case 'n':
		return 2
	case 's':
		return 0 // stems are for RELATED (RelatedWeight)
	}
	return 1
}

// RelatedWeight is how much a key counts in RELATED's cosine: a named
// entity 3, a number 2, a theme, a stem or a root 1. The weights are whole
// numbers so that a score is the same whatever order keys are added in.
func RelatedWeight(k string) int32 {
	switch k[0] {
	case 'e':
		if strings.HasPrefix(k, "e:theme/") {
			return 1
		}
		return 3
	case 'n':
		return 2
	}
	return 1
}

// Shared is what two mandates' keys have in common and how much: the
// weighted Dice coefficient of their key sets.
type Shared struct {
	Keys  []string
	Score float64
}

// SharedKeys compares two sorted key sets.
func SharedKeys(a, b []string) Shared {
	var wa, wb, ws float64
	var keys []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i] < b[j]):
			wa += keyWeight(a[i])
			i++
		case i >= len(a) || b[j] < a[i]:
			wb += keyWeight(b[j])
			j++
		default:
			w := keyWeight(a[i])
			wa, wb, ws = wa+w, wb+w, ws+w
			if w > 0 {
				keys = append(keys, a[i])
			}
			i++
			j++
		}
	}
	if wa+wb == 0 {
		return Shared{}
	}
	return Shared{Keys: keys, Score: 2 * ws / (wa + wb)}
}

// Describe writes shared keys for a link's note: "entities …; numbers …;
// roots …".
func (s Shared) Describe() string {
	var ents, nums, roots, stems []string
	for _, k := range s.Keys {
		switch k[0] {
		case 'e':
			ents = append(ents, k[2:])
		case 'n':
			nums = append(nums, k[2:])
		case 's':
			stems = append(stems, k[2:])
		default:
			roots = append(roots, k[2:]+"-")
		}
	}
	var parts []string
	if len(ents) > 0 {
		parts = append(parts, "entities "+strings.Join(ents, ", "))
	}
	if len(nums) > 0 {
		parts = append(parts, "numbers "+strings.Join(nums, ", "))
	}
	for _, l := range []struct {
		name string
		ws   []string
	}{{"stems ", stems}, {"roots ", roots}} {
		if len(l.ws) > 12 {
			l.ws = append(l.ws[:12], fmt.Sprintf("(+%d)", len(l.ws)-12))
		}
		if len(l.ws) > 0 {
			parts = append(parts, l.name+strings.Join(l.ws, " "))
		}
	}
	if len(parts) == 0 {
		return "nothing shared"
	}
	return strings.Join(parts, "; ")
}

// Round2 rounds a score to three decimals, so that the same pair scores
// the same in every export.
func Round2(x float64) float64 { return math.Round(x*1000) / 1000 }

// LengthRatio is the shorter length over the longer, in (0, 1].
func LengthRatio(a, b int) float64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > b {
		a, b = b, a
	}
	return float64(a) / float64(b)
}

// wordsEqual compares two folded words, U+FFFD standing for any one
// letter.
func wordsEqual(a, b string) bool {
	if a == b {
		return true
	}
	if !strings.ContainsRune(a, '\uFFFD') && !strings.ContainsRune(b, '\uFFFD') {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		if ra[i] != rb[i] && ra[i] != '\uFFFD' && rb[i] != '\uFFFD' {
			return false
		}
	}
	return true
}

// Quote says how much of a compiled mandate's text a paragraph holds.
type Quote struct {
	// Common is the number of words in the longest common subsequence.
	Common int
	// Of is the share of the mandate's words in it; OfTarget of the
	// paragraph's.
	Of, OfTarget float64
	// Start is where in the paragraph (in words) the common part begins.
	Start int
}

// QuoteOf measures how much of the words of a quote are, in order, the
// words of a paragraph (a longest common subsequence, U+FFFD matching any
// letter).
func QuoteOf(quote, para []string) Quote {
	n, m := len(quote), len(para)
	if n == 0 || m == 0 || n > 4*m+8 || m > 40*n+40 {
		return Quote{}
	}
	prev := make([]int32, m+1)
	cur := make([]int32, m+1)
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			switch {
			case wordsEqual(quote[i-1], para[j-1]):
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	c := int(prev[m])
	start := 0
	for j := 0; j < m; j++ {
		if wordsEqual(quote[0], para[j]) || (n > 1 && wordsEqual(quote[1], para[j])) {
			start = j
			break
		}
	}
	return Quote{Common: c, Of: float64(c) / float64(n), OfTarget: float64(c) / float64(m), Start: start}
}

// IsQuote decides whether q is a quote: nearly every word of the mandate
// in the paragraph, and either most of the paragraph or its opening
// (an abridged quote).
func (q Quote) IsQuote() bool {
	if q.Common < 5 || q.Of < 0.9 {
		return false
	}
	return q.OfTarget >= 0.6 || (q.Start <= 2 && q.Common >= 10)
}

// Score is the quote's score: the share of both texts in common.
func (q Quote) Score() float64 {
	return Round2(math.Sqrt(q.Of * q.OfTarget))
}

// FormatNumber prints a paragraph's number for a note.
func FormatNumber(f *LinkFeatures, pos int) string {
	if f.Number != "" && !f.Unnumbered {
		return strconv.Quote(f.Number)
	}
	return fmt.Sprintf("#%d (by position)", pos+1)
}

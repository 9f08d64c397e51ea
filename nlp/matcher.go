package nlp

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
	"golang.org/x/text/unicode/norm"

	"summitgraph/graph"
)

// Confidence of a catalog match, by the kind of name matched.
const (
	confCurated = 0.99 // an alias an analyst added
	confName    = 0.98 // the canonical English or Spanish name
	confAlias   = 0.95 // a catalogued alias
	confAcronym = 0.9  // a catalogued acronym, matched in capitals
	confDefined = 0.85 // an acronym the text itself defines
	confPattern = 0.6  // a name discovered by its shape
	confNER     = 0.7  // a discovered name prose's NER also marks
)

type nameKind uint8

const (
	kindName nameKind = iota
	kindAlias
	kindAcronym
	kindCurated // added by hand through the API
)

type pattern struct {
	entity *graph.Entity
	kind   nameKind
	paren  bool // the name ends with ")"
	// exact is the printed form an acronym or short alias must match
	// letter for letter (case included); "" for names, which match in any
	// case.
	exact string
	// langs are the languages in whose text the pattern holds; 0 for all.
	langs langSet
	// damaged is a name's form with its accented letters lost to U+FFFD.
	damaged bool
}

// matcher finds catalog names in text in one pass of an Aho-Corasick
// automaton over the text's normalized form (case, accents, hyphens,
// punctuation and spacing ignored), keeping matches that start and end on
// word boundaries of the original text.
type matcher struct {
	ac       ahocorasick.AhoCorasick
	patterns [][]pattern // by automaton pattern index
}

// shortAlias is the length (in normalized letters) up to which an alias is
// matched case-sensitively, like an acronym: "UN" must not match "un".
const shortAlias = 4

// newMatcher matches the names of the entities; an acronym scoped to some
// languages (by entity and printed form) only in their text.
func newMatcher(entities []*graph.Entity, scoped map[*graph.Entity]map[string]langSet) *matcher {
	return newCuratedMatcher(entities, scoped, nil)
}

// damagedMin is the fewest letters a name's damaged form (see damaged)
// keeps for it to be matched: short ones would be found in other words.
const damagedMin = 12

// damaged is the normalized form of a name as a copy that lost its
// accents to U+FFFD prints it: the accented letters gone ("Convenci�n"
// normalizes as "convencin"). "" when the name has no accented letter.
func damaged(name string) string {
	var b strings.Builder
	lost := false
	for _, r := range name {
		if r >= 0xC0 && unicode.IsLetter(r) && graph.NormalizeName(string(r)) != string(unicode.ToLower(r)) {
			lost = true
			continue
		}
		b.WriteRune(r)
	}
	if !lost {
		return ""
	}
	return graph.NormalizeName(b.String())
}

// newCuratedMatcher also matches the aliases analysts added by hand (by
// entity id); their mentions carry method "curated".
func newCuratedMatcher(entities []*graph.Entity, scoped map[*graph.Entity]map[string]langSet, curated map[string][]string) *matcher {
	index := map[string]int{}
	var keys []string
	m := &matcher{}
	put := func(n string, p pattern) {
		i, ok := index[n]
		if !ok {
			i = len(keys)
			index[n] = i
			keys = append(keys, n)
			m.patterns = append(m.patterns, nil)
		}
		for _, q := range m.patterns[i] {
			if q.entity == p.entity && q.exact == p.exact {
				return
			}
		}
		m.patterns[i] = append(m.patterns[i], p)
	}
	add := func(name string, e *graph.Entity, k nameKind) {
		n := graph.NormalizeName(name)
		if n == "" {
			return
		}
		p := pattern{entity: e, kind: k, paren: strings.HasSuffix(strings.TrimSpace(name), ")"), langs: scoped[e][name]}
		if k == kindAcronym || utf8.RuneCountInString(n) <= shortAlias {
			p.exact = name
		}
		put(n, p)
	}
	for _, e := range entities {
		if e.EntityKind == graph.KindTheme {
			continue
		}
		for _, a := range curated[e.ID] {
			add(a, e, kindCurated)
		}
		add(e.Name, e, kindName)
		add(e.NameES, e, kindName)
		for _, lang := range otherLanguages {
			add(e.Names[lang], e, kindName)
		}
		for _, a := range e.Acronyms {
			add(a, e, kindAcronym)
		}
		for _, a := range e.Aliases {
			add(a, e, kindAlias)
		}
	}
	// "UN" for "United Nations" inside names, and back; "la ONU" for "las
	// Naciones Unidas", "l'ONU" for "les Nations Unies", "a ONU" for "as
	// Nações Unidas". A variant another entity already claims is left to
	// it.
	for _, e := range entities {
		if e.EntityKind == graph.KindTheme {
			continue
		}
		for _, n := range entityLongNames(e) {
			for _, v := range unVariants(n) {
				if i, ok := index[graph.NormalizeName(v)]; ok && m.patterns[i][0].entity != e {
					continue
				}
				add(v, e, kindAlias)
			}
		}
	}
	// The names as copies print them that lost their accents to U+FFFD;
	// a damaged form another name has (or another entity's) is left out.
	for _, e := range entities {
		if e.EntityKind == graph.KindTheme {
			continue
		}
		for _, n := range entityLongNames(e) {
			d := damaged(n)
			if utf8.RuneCountInString(d) < damagedMin {
				continue
			}
			if i, ok := index[d]; ok && m.patterns[i][0].entity != e {
				continue
			}
			put(d, pattern{entity: e, kind: kindAlias, paren: strings.HasSuffix(strings.TrimSpace(n), ")"), damaged: true})
		}
	}
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch, DFA: true})
	m.ac = b.Build(keys)
	return m
}

// entityLongNames are an entity's names and aliases, its acronyms left
// out.
func entityLongNames(e *graph.Entity) []string {
	return append([]string{e.Name, e.NameES}, e.Aliases...)
}

// unVariants are the other ways of writing a name that says "United
// Nations" or "UN" in it.
func unVariants(name string) []string {
	var out []string
	for _, r := range [][2]string{
		{"United Nations ", "UN "}, {"UN ", "United Nations "},
		{"las Naciones Unidas", "la ONU"}, {"la ONU", "las Naciones Unidas"},
		{"des Nations Unies", "de l’ONU"}, {"de l’ONU", "des Nations Unies"}, {"de l'ONU", "des Nations Unies"},
		{"das Nações Unidas", "da ONU"}, {"da ONU", "das Nações Unidas"},
	} {
		if i := strings.Index(name, r[0]); i >= 0 && len(name) > len(r[0]) && (i == 0 || name[i-1] == ' ') {
			if v := name[:i] + r[1] + name[i+len(r[0]):]; v != name {
				out = append(out, v)
			}
		}
	}
	return out
}

// normText is a text's normalized form with a map back to the original.
type normText struct {
	s []byte
	// cp[i] is the code point of the original text that normalized byte i
	// comes from.
	cp []int32
	// runes of the original text.
	runes []rune
	text  string
	words []Token // Words(text), once asked for
}

// tokens returns the words of the original text.
func (nt *normText) tokens() []Token {
	if nt.words == nil {
		nt.words = Words(nt.text)
		if nt.words == nil {
			nt.words = []Token{}
		}
	}
	return nt.words
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func normalize(text string) *normText {
	nt := &normText{runes: []rune(text), text: text}
	nt.s = make([]byte, 0, len(text))
	nt.cp = make([]int32, 0, len(text))
	var buf [utf8.UTFMax]byte
	for i, r := range nt.runes {
		if r < utf8.RuneSelf {
			if isWordRune(r) {
				nt.s = append(nt.s, byte(unicode.ToLower(r)))
				nt.cp = append(nt.cp, int32(i))
			}
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if unicode.Is(unicode.Mn, d) || !isWordRune(d) {
				continue
			}
			n := utf8.EncodeRune(buf[:], graph.FoldRune(d))
			for k := 0; k < n; k++ {
				nt.s = append(nt.s, buf[k])
				nt.cp = append(nt.cp, int32(i))
			}
		}
	}
	return nt
}

// damagedAt reports whether code point i is a damaged letter (U+FFFD).
func (nt *normText) damagedAt(i int) bool {
	return i >= 0 && i < len(nt.runes) && nt.runes[i] == utf8.RuneError
}

// wordStart reports whether code point i starts a word of the original.
func (nt *normText) wordStart(i int) bool {
	return i == 0 || !isWordRune(nt.runes[i-1]) && !unicode.Is(unicode.Mn, nt.runes[i-1])
}

// wordEnd reports whether code point i (inclusive) ends a word.
func (nt *normText) wordEnd(i int) bool {
	j := i + 1
	for j < len(nt.runes) && unicode.Is(unicode.Mn, nt.runes[j]) {
		j++
	}
	return j >= len(nt.runes) || !isWordRune(nt.runes[j])
}

// span is a candidate mention in code points.
type span struct {
	start, end int
	entity     *graph.Entity
	method     string
	conf       float64
	lower      bool // a name printed starting in lower case
}

// find returns the catalog names in text in the given language,
// leftmost-longest and not overlapping, and every catalog name found (the
// shorter names inside longer ones among them; see nested).
func (m *matcher) find(nt *normText, lang string) (sel, all []span) {
	if len(nt.s) == 0 {
		return nil, nil
	}
	var cands []span
	work.add(len(nt.s))
	it := m.ac.IterOverlappingByte(nt.s)
	for mt := it.Next(); mt != nil; mt = it.Next() {
		work.add(1)
		start := int(nt.cp[mt.Start()])
		end := int(nt.cp[mt.End()-1])
		// The match must cover whole original code points and words.
		if mt.Start() > 0 && int(nt.cp[mt.Start()-1]) == start {
			continue
		}
		if mt.End() < len(nt.s) && int(nt.cp[mt.End()]) == end {
			continue
		}
		// A damaged letter (U+FFFD) is part of its word: "SICA" is not in
		// "B\uFFFDSICA". A name's damaged form includes the damaged
		// letters at its ends ("Organisation mondiale de la sant\uFFFD").
		plain := nt.wordStart(start) && nt.wordEnd(end) && !nt.damagedAt(start-1) && !nt.damagedAt(end+1)
		dstart, dend := start, end
		for nt.damagedAt(dstart - 1) {
			dstart--
		}
		for nt.damagedAt(dend + 1) {
			dend++
		}
		damagedOK := nt.wordStart(dstart) && nt.wordEnd(dend)
		if !plain && !damagedOK {
			continue
		}
		for _, p := range m.patterns[mt.Pattern()] {
			if p.langs != 0 && !p.langs.has(lang) {
				continue
			}
			start, end := start, end
			switch {
			case p.damaged && damagedOK:
				start, end = dstart, dend
			case !plain:
				continue
			}
			// Accents written as combining marks after the last letter
			// belong to the name.
			for end+1 < len(nt.runes) && unicode.Is(unicode.Mn, nt.runes[end+1]) {
				end++
			}
			surface := string(nt.runes[start : end+1])
			if p.exact != "" && !sameLetters(surface, p.exact) {
				continue
			}
			if p.exact == "" && !hasUpper(surface) {
				// Names are proper nouns: "national sustainable development
				// goals" is not the Sustainable Development Goals.
				continue
			}
			s := span{start: start, end: end + 1, entity: p.entity, method: graph.MethodCatalog}
			if p.paren && s.end < len(nt.runes) && nt.runes[s.end] == ')' {
				// A name ending in a parenthesis ("Convention, 1989 (No.
				// 169)") includes it; the normalized match stops before it.
				s.end++
			}
			switch p.kind {
			case kindCurated:
				s.method, s.conf = graph.MethodCurated, confCurated
			case kindName:
				s.conf = confName
			case kindAlias:
				s.conf = confAlias
			default:
				s.conf = confAcronym
			}
			s.lower = p.exact == "" && !properStart(surface)
			cands = append(cands, s)
			break
		}
	}
	cands = dropDescriptions(cands)
	return selectSpans(append([]span(nil), cands...)), cands
}

// nestedConf is the share of its confidence a name keeps when it is found
// inside a longer name: "the Inter-American Convention against Corruption"
// in "the Follow-up Mechanism for the Implementation of the Inter-American
// Convention against Corruption" names the Convention, but as part of the
// Mechanism's name.
const nestedConf = 0.95

// nested returns the catalog names inside the longer catalog names of sel
// (found by the matcher or curated), each with method "nested" and a little
// less confidence than the same name standing alone: the convention in the
// name of the mechanism that monitors it is mentioned too. Inside one long
// name, the nested names are leftmost-longest and not overlapping, and a
// nested name's own nested names are found as well ("Inter-American
// Commission" in a nested "Inter-American Commission on Human Rights").
// A name of the long name's own entity is not a mention of another one and
// is left out, and so is a name the long one only qualifies (see
// variantOf).
func nested(nt *normText, sel, all []span) []span {
	var out []span
	outer := sel
	// The matches by start, to go through only those that start inside a
	// name rather than all of them for each (which was quadratic in a long
	// paragraph of names).
	byStart := make([]int, len(all))
	for i := range byStart {
		byStart[i] = i
	}
	sort.SliceStable(byStart, func(a, b int) bool { return all[byStart[a]].start < all[byStart[b]].start })
	work.add(len(all))
	for depth := 0; len(outer) > 0 && depth < 4; depth++ {
		var next []span
		for _, o := range outer {
			if o.method != graph.MethodCatalog && o.method != graph.MethodCurated && o.method != graph.MethodNested {
				continue
			}
			var idx []int
			first := sort.Search(len(byStart), func(i int) bool { return all[byStart[i]].start >= o.start })
			for _, i := range byStart[first:] {
				work.add(1)
				c := all[i]
				if c.start >= o.end {
					break
				}
				if c.entity != o.entity && c.end <= o.end && c.end-c.start < o.end-o.start && !variantOf(nt, o, c) {
					idx = append(idx, i)
				}
			}
			// In the order of all, as selectSpans breaks ties by it.
			sort.Ints(idx)
			var in []span
			for _, i := range idx {
				in = append(in, all[i])
			}
			for _, c := range selectSpans(in) {
				c.method, c.conf = graph.MethodNested, c.conf*nestedConf
				next = append(next, c)
			}
		}
		out = append(out, next...)
		outer = next
	}
	return out
}

// dropDescriptions leaves out a name printed in lower case whose capitals
// are another name inside it: "the follow-up mechanism for the
// implementation of the Inter-American Convention against Corruption"
// describes the Convention's mechanism rather than naming the MESICIC.
// "objectifs du Millénaire pour le développement", as French writes the
// Millennium Development Goals, names no other entity and stays.
func dropDescriptions(c []span) []span {
	out := c[:0:0]
	for _, s := range c {
		drop := false
		if s.lower {
			work.add(len(c))
			for _, o := range c {
				if o.entity != s.entity && !o.lower && o.start > s.start && o.end <= s.end {
					drop = true
					break
				}
			}
		}
		if !drop {
			out = append(out, s)
		}
	}
	return out
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// sameLetters compares a surface with an acronym or short alias letter for
// letter, case included, ignoring accents and punctuation: "O.A.S." is
// "OAS", "un" is not "UN".
func sameLetters(surface, exact string) bool {
	a, b := lettersOf(surface), lettersOf(exact)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// properStart reports whether a name as printed starts as a proper noun:
// with a capital or a digit ("2030 Agenda"), or a damaged letter.
func properStart(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == utf8.RuneError {
			return !unicode.IsLower(r)
		}
	}
	return false
}

func lettersOf(s string) []rune {
	var out []rune
	for _, r := range norm.NFD.String(s) {
		if isWordRune(r) {
			out = append(out, r)
		}
	}
	return out
}

// selectSpans keeps the leftmost-longest spans that do not overlap; of two
// spans with the same extent, the more confident.
func selectSpans(c []span) []span {
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].start != c[j].start {
			return c[i].start < c[j].start
		}
		if c[i].end != c[j].end {
			return c[i].end > c[j].end
		}
		return c[i].conf > c[j].conf
	})
	var out []span
	end := -1
	for _, s := range c {
		if s.start >= end {
			out = append(out, s)
			end = s.end
		}
	}
	return out
}

// nameJoins join a name to the name it is about: "Charter of the OAS",
// "Asamblea General de la OEA", "Déclaration de l'OIT".
var nameJoins = map[string]bool{
	"of": true, "the": true, "for": true, "on": true, "to": true, "and": true,
	"de": true, "del": true, "la": true, "las": true, "los": true, "el": true, "y": true, "para": true, "sobre": true,
	"des": true, "du": true, "l": true, "le": true, "les": true, "pour": true, "sur": true, "et": true,
	"da": true, "das": true, "do": true, "dos": true, "a": true, "as": true, "o": true, "os": true, "e": true,
}

// variantOf reports whether the long name o only qualifies the name in it,
// being another body of the same kind rather than one about it: the
// "Caribbean Financial Action Task Force" and the "Financial Action Task
// Force of Latin America" are not the Financial Action Task Force. The
// name in it names something else when words join it to the rest ("the
// Recommendations of the Financial Action Task Force") or when it starts
// the long name without a joining word ("OAS General Secretariat", "UN
// Convention against Corruption").
func variantOf(nt *normText, o, in span) bool {
	before := Words(string(nt.runes[o.start:in.start]))
	after := Words(string(nt.runes[in.end:o.end]))
	switch {
	case len(after) == 0 && len(before) > 0:
		return !nameJoins[strings.ToLower(before[len(before)-1].Text)]
	case len(before) == 0 && len(after) > 0:
		return nameJoins[strings.ToLower(after[0].Text)]
	}
	return false
}

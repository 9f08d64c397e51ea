package nlp

import (
	"strings"
	"unicode"

	"summitgraph/graph"
)

// acronymShape reports whether s can be an acronym: 2 to 10 letters or
// digits, at least two capitals, no spaces ("MESICIC", "MDBs", "CARICOM").
func acronymShape(s string) bool {
	n, caps := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			caps++
			n++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n++
		case r == '-' || r == '&' || r == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 10 && caps >= 2 && unicode.IsUpper([]rune(s)[0])
}

// definitions finds "Long Form (SHORT)" in the text (Schwartz & Hearst,
// 2003): where the long form is a name already found, the short form is
// that entity's acronym from here on, and its occurrence in the
// parenthesis a mention of it.
func (c *Catalog) definitions(nt *normText, spans []span, defined map[string]*graph.Entity, learn func(*graph.Entity, string)) []span {
	r := nt.runes
	// The spans by where they end (the last one of each end), to find the
	// name right before a parenthesis without going through them all.
	byEnd := make(map[int]int, len(spans))
	for k, s := range spans {
		byEnd[s.end] = k
	}
	work.add(len(r))
	for i := 0; i < len(r); i++ {
		if r[i] != '(' {
			continue
		}
		j := i + 1
		for j < len(r) && r[j] != ')' && j-i < 14 {
			j++
		}
		if j >= len(r) || r[j] != ')' {
			continue
		}
		short := string(r[i+1 : j])
		if !acronymShape(short) {
			continue
		}
		// The name right before the parenthesis.
		var long *span
		last := -1
		for e := spacesBefore(r, i); e <= i; e++ {
			if k, ok := byEnd[e]; ok && k > last {
				last = k
			}
		}
		if last >= 0 {
			long = &spans[last]
		}
		if long == nil {
			continue
		}
		if !schwartzHearst(short, string(r[long.start:long.end])) && !hasName(long.entity, short) {
			continue
		}
		defined[short] = long.entity
		learn(long.entity, short)
		covered := false
		for _, s := range spans {
			if s.start <= i+1 && s.end >= j {
				covered = true
			}
		}
		if !covered {
			spans = append(spans, span{start: i + 1, end: j, entity: long.entity, method: graph.MethodAcronym, conf: confDefined})
			byEnd[j] = len(spans) - 1
		}
	}
	return spans
}

// schwartzHearst reports whether long is a plausible long form of short:
// every letter of short occurs in long in order, the first one at the
// start of a word (Schwartz & Hearst's findBestLongForm).
func schwartzHearst(short, long string) bool {
	s := []rune(strings.ToLower(short))
	l := []rune(strings.ToLower(long))
	si, li := len(s)-1, len(l)-1
	for si >= 0 {
		ch := s[si]
		if !isWordRune(ch) {
			si--
			continue
		}
		for li >= 0 && (l[li] != ch || (si == 0 && li > 0 && isWordRune(l[li-1]))) {
			li--
		}
		if li < 0 {
			return false
		}
		li--
		si--
	}
	words := len(strings.Fields(long))
	n := len(s)
	return words <= n+5 && words <= 2*n+1
}

// bareAcronyms finds later uses of the acronyms the page defined.
func bareAcronyms(nt *normText, spans []span, defined map[string]*graph.Entity) []span {
	if len(defined) == 0 {
		return nil
	}
	var out []span
	set := newSpanSet(spans)
	for _, t := range nt.tokens() {
		e := defined[t.Text]
		if e == nil {
			continue
		}
		if !set.overlaps(t.Start, t.End) {
			out = append(out, span{start: t.Start, end: t.End, entity: e, method: graph.MethodAcronym, conf: confDefined})
		}
	}
	return out
}

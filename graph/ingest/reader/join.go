package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// endsSentence reports whether a paragraph ends as a finished sentence or
// clause.
func endsSentence(t string) bool {
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".;:!?)”\"’»…", r)
}

// compounds are words that keep their hyphen at a line end ("follow-up",
// "cross-cutting"), in the four languages.
var compounds = map[string]bool{
	"follow": true, "cross": true, "long": true, "short": true, "medium": true, "self": true, "non": true,
	"anti": true, "decision": true, "policy": true, "low": true, "middle": true, "high": true, "well": true,
	"state": true, "co": true, "multi": true, "socio": true, "afro": true, "ex": true, "vice": true,
	"post": true, "pre": true, "small": true, "large": true, "sub": true, "inter": true,
	"sous": true, "sud": true, "nord": true, "demi": true, "mi": true,
	"latino": true, "anglo": true, // "latino-américaine", "anglo-caribéen"
}

// joiner joins the lines of paragraphs, repairing end-of-line hyphens by
// the words the document itself prints.
type joiner struct{ words map[string]bool }

func newJoiner(pages [][]*line) *joiner {
	j := &joiner{words: map[string]bool{}}
	for _, ls := range pages {
		for _, l := range ls {
			j.add(l.text())
		}
	}
	return j
}

// add learns the words of a line.
func (j *joiner) add(t string) {
	for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	}) {
		j.words[strings.Trim(w, "-")] = true
	}
}

// join appends line t to paragraph p.
func (j *joiner) join(p, t string) string {
	if p == "" {
		return t
	}
	if t == "" {
		return p
	}
	if !strings.HasSuffix(p, "-") || strings.HasSuffix(p, " -") {
		return p + " " + t
	}
	head := p[:len(p)-1]
	i := strings.LastIndexFunc(head, func(r rune) bool { return !unicode.IsLetter(r) })
	x := head[i+1:]
	k := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	y := t
	if k >= 0 {
		y = t[:k]
	}
	if x == "" || y == "" {
		return p + t // "2010-" "2015": a range
	}
	lx, ly := strings.ToLower(x), strings.ToLower(y)
	first, _ := utf8.DecodeRuneInString(y)
	switch {
	case j.words[lx+"-"+ly]:
		return p + t
	case j.words[lx+ly]:
		return head + t
	case unicode.IsUpper(first):
		return p + t // "Inter-" "American"
	case compounds[lx]:
		return p + t
	}
	return head + t
}

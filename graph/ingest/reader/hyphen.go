package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// repairHyphens repairs the words a text or a web page prints hyphenated
// at its line ends ("apresen-" / "tação": a text copied from a PDF) by the
// rule the PDF reader applies to a PDF's line ends (joiner.join), so that a
// document gives the same words in every format. The text keeps its lines:
// the joined word goes up to the line the word starts on (or, when it is
// all the next line holds, the hyphenated half goes down), so line numbers
// in warnings and evidence still point at the word.
func repairHyphens(s string) string {
	if !strings.Contains(s, "-\n") && !strings.Contains(s, "-\r\n") {
		return s
	}
	ls := strings.Split(s, "\n")
	j := &joiner{words: map[string]bool{}}
	for _, l := range ls {
		j.add(l)
	}
	for i := 0; i+1 < len(ls); i++ {
		a, acr := strings.CutSuffix(ls[i], "\r")
		b, bcr := strings.CutSuffix(ls[i+1], "\r")
		a = strings.TrimRightFunc(a, unicode.IsSpace)
		if !strings.HasSuffix(a, "-") || strings.HasSuffix(a, " -") {
			continue
		}
		indent := b[:len(b)-len(strings.TrimLeftFunc(b, unicode.IsSpace))]
		b = b[len(indent):]
		if r, _ := utf8.DecodeRuneInString(b); !unicode.IsLetter(r) {
			continue
		}
		head := a[:len(a)-1]
		if r, _ := utf8.DecodeLastRuneInString(head); !unicode.IsLetter(r) || j.join(a, b) != head+b {
			continue // a range, a compound or a name: the hyphen stays
		}
		word, rest := b, ""
		if k := strings.IndexFunc(b, unicode.IsSpace); k >= 0 {
			word, rest = b[:k], strings.TrimLeftFunc(b[k:], unicode.IsSpace)
		}
		switch {
		case rest != "":
			a, b = head+word, indent+rest
		default:
			k := strings.LastIndexFunc(head, unicode.IsSpace)
			if k < 0 {
				continue // a word alone on each line: left as printed
			}
			a, b = strings.TrimRightFunc(head[:k], unicode.IsSpace), indent+head[k+1:]+word
		}
		if acr {
			a += "\r"
		}
		if bcr {
			b += "\r"
		}
		ls[i], ls[i+1] = a, b
	}
	return strings.Join(ls, "\n")
}

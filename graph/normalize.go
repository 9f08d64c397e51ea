package graph

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NormalizeName returns the form names are compared in: lower case, without
// accents, and without anything but letters and digits, so that
// "InterAmerican Convention Against Corruption", "Inter-American convention
// against corruption" and "inter american convention against corruption"
// are one name. It is only ever used as a key: stored text keeps its
// original form.
func NormalizeName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent: dropped
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(FoldRune(r))
		}
	}
	return b.String()
}

// FoldRune lower-cases r and maps the letters that do not decompose into
// a base letter and an accent to their plain form.
func FoldRune(r rune) rune {
	switch r {
	case 'ß':
		return 's'
	case 'ø', 'Ø':
		return 'o'
	case 'đ', 'Đ':
		return 'd'
	case 'ł', 'Ł':
		return 'l'
	case 'æ', 'Æ':
		return 'a'
	case 'ı':
		return 'i'
	}
	return unicode.ToLower(r)
}

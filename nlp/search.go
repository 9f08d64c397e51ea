package nlp

import (
	"strings"
)

// Analyzer gives search what it needs of the language: the index terms of
// a query and snippets around matches. It holds no state.
type Analyzer struct{}

// QueryTerms returns, per content word of the query, the terms it may be
// indexed as: its English and its Spanish stem, so that one query serves
// both languages. Stop words are dropped; a query of stop words only has no
// terms.
func (Analyzer) QueryTerms(text string) [][]string {
	var out [][]string
	seen := map[string]bool{}
	for _, t := range Words(text) {
		var alts []string
		for _, lang := range []string{"en", "es"} {
			if s := Stem(t.Text, lang); s != "" && !contains(alts, s) {
				alts = append(alts, s)
			}
		}
		key := strings.Join(alts, "|")
		if len(alts) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, alts)
		if len(out) == 32 {
			break
		}
	}
	return out
}

// snippetWords is the length of a snippet in words.
const snippetWords = 24

// Snippet returns about snippetWords words of text around the densest run
// of query terms, with "…" where it cuts.
func (Analyzer) Snippet(text string, query [][]string) string {
	toks := Words(text)
	if len(toks) == 0 {
		return ""
	}
	want := map[string]bool{}
	for _, alts := range query {
		for _, a := range alts {
			want[a] = true
		}
	}
	hit := make([]bool, len(toks))
	for i, t := range toks {
		hit[i] = want[Stem(t.Text, "en")] || want[Stem(t.Text, "es")]
	}
	best, bestN := 0, -1
	for i := range toks {
		n := 0
		for j := i; j < len(toks) && j < i+snippetWords; j++ {
			if hit[j] {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	// The hits of the best window, with up to four words before the
	// first of them.
	first, last := best, best
	for j := best; j < len(toks) && j < best+snippetWords; j++ {
		if hit[j] {
			if !hit[first] {
				first = j
			}
			last = j
		}
	}
	start := max(first-4, last-snippetWords+1, 0)
	end := start + snippetWords
	if end > len(toks) {
		end = len(toks)
		if start = end - snippetWords; start < 0 {
			start = 0
		}
	}
	runes := []rune(text)
	from, to := toks[start].Start, toks[end-1].End
	if end == len(toks) {
		to = len(runes)
	}
	s := string(runes[from:to])
	if start > 0 {
		s = "…" + s
	}
	if to < len(runes) {
		s += "…"
	}
	return s
}

package nlp

import (
	"strings"
)

// Analyzer gives search what it needs of the language: the index terms of
// a query and snippets around matches. It holds no state.
type Analyzer struct{}

// QueryTerms returns, per content word of the query, the terms it may be
// indexed as: its English, Spanish, French and Portuguese stems, so that
// one query serves the four languages. A word that is a function word in
// any of them is dropped ("los" is not searched as a French word); a query
// of function words only has no terms.
func (Analyzer) QueryTerms(text string) [][]string {
	var out [][]string
	seen := map[string]bool{}
	for _, t := range Words(text) {
		if stopAnywhere(t.Text) {
			continue
		}
		var alts []string
		for _, lang := range Languages {
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

// stopAnywhere reports whether a word is a function word of one of the
// four languages.
func stopAnywhere(w string) bool {
	w = strings.ToLower(w)
	for _, lang := range Languages {
		if isStopIn(w, lang) {
			return true
		}
	}
	return false
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
		for _, lang := range Languages {
			if hit[i] = want[Stem(t.Text, lang)]; hit[i] {
				break
			}
		}
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

package nlp

import (
	"strings"

	"summitgraph/graph"
)

// confTheme is the confidence of a theme signalled by its vocabulary.
const confTheme = 0.8

type themePattern struct {
	theme *graph.Entity
	stems []string
}

// themeMatcher finds the themes of the controlled vocabulary in a text by
// the stems of their signal words, per language.
type themeMatcher struct {
	// byFirst indexes the patterns of each language by their first stem.
	byFirst map[string]map[string][]themePattern
}

func newThemeMatcher(themes []*Theme) *themeMatcher {
	m := &themeMatcher{byFirst: map[string]map[string][]themePattern{}}
	for _, lang := range Languages {
		m.byFirst[lang] = map[string][]themePattern{}
	}
	for _, t := range themes {
		for lang, pats := range t.Patterns {
			for _, p := range pats {
				stems, _ := Terms(p, lang)
				if len(stems) == 0 || lostWord(p, lang) {
					continue
				}
				idx := m.byFirst[lang]
				idx[stems[0]] = append(idx[stems[0]], themePattern{theme: t.Entity, stems: stems})
			}
		}
	}
	return m
}

// find returns every occurrence of a theme's signal words, longest pattern
// first at each position; a theme is reported once per position.
func (m *themeMatcher) find(words []Token, lang string, sc stemCache) []span {
	if m == nil {
		return nil
	}
	idx := m.byFirst[lang]
	if len(idx) == 0 {
		return nil
	}
	terms, toks := sc.terms(words, lang)
	var out []span
	covered := map[*graph.Entity]int{} // theme → code point up to which it is reported
	for i, t := range terms {
		best := map[*graph.Entity]int{}
		for _, p := range idx[t] {
			if i+len(p.stems) > len(terms) {
				continue
			}
			ok := true
			for k, s := range p.stems {
				if terms[i+k] != s {
					ok = false
					break
				}
			}
			if ok && len(p.stems) > best[p.theme] {
				best[p.theme] = len(p.stems)
			}
		}
		for _, p := range idx[t] {
			n, ok := best[p.theme]
			if !ok || n == 0 {
				continue
			}
			delete(best, p.theme)
			start, end := toks[i].Start, toks[i+n-1].End
			if start < covered[p.theme] {
				continue
			}
			covered[p.theme] = end
			out = append(out, span{start: start, end: end, entity: p.theme, method: graph.MethodCatalog, conf: confTheme})
		}
	}
	return out
}

// lostWord reports whether a pattern has a content word too short to be a
// term ("e" in "e-government"): matching the rest alone would be too broad.
func lostWord(p, lang string) bool {
	for _, t := range Words(p) {
		if w := strings.ToLower(t.Text); len([]rune(w)) < 2 && !isStopIn(w, lang) {
			return true
		}
	}
	return false
}

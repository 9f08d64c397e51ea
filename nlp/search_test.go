package nlp

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestQueryTerms(t *testing.T) {
	var a Analyzer
	for _, tc := range []struct {
		query string
		want  [][]string
	}{
		// Stop words only, in any language: no terms.
		{"the of and", nil},
		{"de la y los", nil},
		{"le la les des", nil},
		{"os das pelo não", nil},
		{"", nil},
		// The four languages' stems of each word, once.
		{"corruption", [][]string{{"corrupt", "corruption"}}},
		{"corrupción", [][]string{{"corrupcion"}}},
		{"Corruption corruption CORRUPTION", [][]string{{"corrupt", "corruption"}}},
		{"transparency in public procurement", [][]string{{"transpar", "transparency"}, {"public"}, {"procur", "procurement"}}},
		{"transparencia en las compras públicas", [][]string{{"transparencia", "transparent", "transparenci", "transparenc"}, {"compra", "compr"}, {"publica", "public"}}},
		{"corruption", [][]string{{"corrupt", "corruption"}}},
		{"lutte contre la corruption", [][]string{{"lutt"}, {"corrupt", "corruption"}}},
		{"combate à corrupção", [][]string{{"combat"}, {"corrupcao", "corrupca"}}},
		{"women’s rights", [][]string{{"women", "womens"}, {"right", "rights"}}},
	} {
		if got := a.QueryTerms(tc.query); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("QueryTerms(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
	// A query's terms meet the text's: what Terms indexes in English or
	// Spanish is among the alternatives of the same word.
	for _, tc := range []struct{ word, lang string }{{"Corruption", "en"}, {"corrupción", "es"}, {"democracias", "es"}, {"procurement", "en"}, {"démocraties", "fr"}, {"corruption", "fr"}, {"democracias", "pt"}, {"corrupção", "pt"}, {"eleições", "pt"}} {
		terms, _ := Terms(tc.word, tc.lang)
		alts := a.QueryTerms(tc.word)
		if len(terms) != 1 || len(alts) != 1 || !contains(alts[0], terms[0]) {
			t.Errorf("%s %q: indexed as %q, queried as %q", tc.lang, tc.word, terms, alts)
		}
	}
}

func TestSnippet(t *testing.T) {
	var a Analyzer
	// w00 … w59 with a match at word 40.
	var ws []string
	for i := range 60 {
		ws = append(ws, fmt.Sprintf("w%02d", i))
	}
	ws[40] = "corruption"
	long := strings.Join(ws, " ") + "."
	for _, tc := range []struct {
		name, text, query, want string
	}{
		{
			name:  "cut on both sides around the match",
			text:  long,
			query: "corruption",
			want:  "…w36 w37 w38 w39 corruption w41 w42 w43 w44 w45 w46 w47 w48 w49 w50 w51 w52 w53 w54 w55 w56 w57 w58 w59.",
		},
		{
			name:  "match near the start",
			text:  "Corruption " + long,
			query: "corruption",
			want:  "Corruption w00 w01 w02 w03 w04 w05 w06 w07 w08 w09 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22…",
		},
		{
			name:  "the densest run of matches",
			text:  "fight corruption " + long + " corrupt corrupt",
			query: "corruption",
			want:  "…w38 w39 corruption w41 w42 w43 w44 w45 w46 w47 w48 w49 w50 w51 w52 w53 w54 w55 w56 w57 w58 w59. corrupt corrupt",
		},
		{
			name:  "short text whole",
			text:  "Combatir la corrupción en las compras públicas.",
			query: "corrupción",
			want:  "Combatir la corrupción en las compras públicas.",
		},
	} {
		got := a.Snippet(tc.text, a.QueryTerms(tc.query))
		if got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
		if !strings.Contains(strings.ToLower(got), "corrup") {
			t.Errorf("%s: snippet %q lacks the match", tc.name, got)
		}
	}
	if got := a.Snippet("", nil); got != "" {
		t.Errorf("Snippet of nothing = %q", got)
	}
}

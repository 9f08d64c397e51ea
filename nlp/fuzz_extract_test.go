package nlp_test

import (
	"testing"
	"unicode/utf8"

	"summitgraph/nlp"
)

// FuzzExtract runs extraction on arbitrary page text: it must never panic,
// and every mention and reference must be the mandate text between its
// offsets, in code points.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"  1. Support the Organization of American States (OAS) and the OAS Secretariat. (Plan of Action Santiago, 1998).",
		"  1. Continue implementing the Follow-Up Mechanism (MESICIC); reporting to MESICIC. (Lima Commitment. Peru, 2018)",
		"  1. Promover la Convención Interamericana contra la Corrupción y la Octava Cumbre. (Nuestro Futuro Sostenible y Verde, IX Cumbre de las Américas, Los Ángeles, 2022).",
		"  1. The Cartagena Convention Monitoring Committee (CCMC) and the Bank of Jamaica (BOJ) — “quoted”",
		"  • a. e\u0301 Inter-American\u00a0Democratic Charter 🙂 (2005)",
		"  1. ((((UN)))) Declaration of Santiago, 1998 on Democracy",
		"",
	} {
		f.Add(s)
	}
	c := seedCatalog(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		p, err := nlp.Parse("fuzz.txt", []byte(text), c)
		if err != nil {
			return
		}
		ex := c.Extract(p, nil)
		for i, para := range p.Paragraphs {
			runes := []rune(para.Text)
			check := func(what, surface string, start, end int) {
				if start < 0 || end > len(runes) || start >= end || string(runes[start:end]) != surface {
					t.Fatalf("%s %q at %d-%d is not the text there (%q)", what, surface, start, end, para.Text)
				}
			}
			for _, m := range ex.Paragraphs[i].Mentions {
				check("mention", m.Surface, m.Start, m.End)
			}
			for _, r := range ex.Paragraphs[i].References {
				check("reference", r.Surface, r.Start, r.End)
			}
		}
	})
}

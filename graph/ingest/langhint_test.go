package ingest_test

import (
	"fmt"
	"testing"

	"summitgraph/graph/ingest"
)

// TestLanguageHint: a web page's lang attribute gives the language of
// text that does not tell its own (a page of names and acronyms), and
// never overrides text that does; a lang that is not one of the four
// languages is ignored.
func TestLanguageHint(t *testing.T) {
	// The mandates name institutions and a citation: no word of any of
	// the four languages.
	neutral := "DEMOCRACY: Institutions\nMANDATES\n\n  1. OEA, BID, OPS, CEPAL, CAF, BCIE. (Lima, 2018).\n\n  1. MESICIC, CICAD, CITEL, OLADE. (Lima, 2018).\n"
	english := "DEMOCRACY: Institutions\nMANDATES\n\n  1. Strengthen the cooperation of the institutions of the Hemisphere with the governments that request it, and report on the progress made to the next meeting. (Lima, 2018).\n"
	for _, tc := range []struct {
		lang, text, want string
		warned           bool
	}{
		{"es", neutral, "es", true},
		{"pt-BR", neutral, "pt", true},
		{"fr", neutral, "fr", true},
		{"", neutral, "en", false},   // no hint: the detector's default
		{"de", neutral, "en", false}, // not one of the four
		{"es", english, "en", false}, // clear text keeps its language
	} {
		t.Run(tc.lang+"/"+tc.want, func(t *testing.T) {
			page := fmt.Sprintf("<!DOCTYPE html>\n<html lang=%q><head><meta charset=\"utf-8\"><title>Mandates</title></head><body><main><pre>%s</pre></main></body></html>\n", tc.lang, tc.text)
			src, _ := ingest.Text("page.html", []byte(page))
			in, st := newIngester(t, ingest.Options{})
			r := in.Ingest(bg, []ingest.Source{src}, nil)[0]
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			ms := allMandates(t, st)
			if len(ms) == 0 {
				t.Fatal("no mandates")
			}
			for _, m := range ms {
				if m.Language != tc.want {
					t.Errorf("%q: language %s, want %s", m.Label(), m.Language, tc.want)
				}
			}
			warned := false
			for _, w := range r.Report.Warnings {
				warned = warned || w.Line == 0 && len(w.Message) > 9 && w.Message[:9] == "language "
			}
			if warned != tc.warned {
				t.Errorf("warned %v, want %v: %v", warned, tc.warned, r.Report.Warnings)
			}
		})
	}
}

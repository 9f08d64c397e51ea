package nlp

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestColumnsRunTogether: a document whose page headers and counters
// print in columns ("- 2 -        CA-VIII/doc.1/18") reads the same when
// every run of spaces is one, as a web page or a PDF's text shows it: the
// same title, the same paragraphs, no header read as text.
func TestColumnsRunTogether(t *testing.T) {
	c := testCatalog(t)
	spaces := regexp.MustCompile(`[ \t]+`)
	for _, f := range []string{"lima_2018_compromiso_es.txt", "miami_1994_plan_of_action_en.txt"} {
		data, err := os.ReadFile(filepath.Join(evalSetDir, "documents", f))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`\S {3,}\S`).Match(data) {
			t.Fatalf("%s prints no columns", f)
		}
		want, _ := Parse(f, data, c)
		got, _ := Parse(f, spaces.ReplaceAll(data, []byte(" ")), c)
		if want.Document == nil || got.Document == nil || got.Document.Title != want.Document.Title {
			t.Fatalf("%s: document %+v, want %+v", f, got.Document, want.Document)
		}
		if len(got.Paragraphs) != len(want.Paragraphs) {
			t.Errorf("%s: %d paragraphs, want %d", f, len(got.Paragraphs), len(want.Paragraphs))
		}
		for i := 0; i < len(got.Paragraphs) && i < len(want.Paragraphs); i++ {
			g, w := got.Paragraphs[i], want.Paragraphs[i]
			if g.Number != w.Number || g.Text != spaces.ReplaceAllString(w.Text, " ") {
				t.Errorf("%s: paragraph %d is %s %q, want %s %q", f, i, g.Number, g.Text, w.Number, w.Text)
			}
		}
	}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"- 2 - CA-VIII/doc.1/18", true},
		{"OEA/Ser.E - 3 - CA-VIII/doc.1/18", true},
		{"Summit of the Americas - Plan of Action Page 2 of 4", false}, // a title, not furniture alone
		{"We reaffirm the mandates of paragraph 2", false},
	} {
		if got := furnitureLine(tc.line); got != tc.want {
			t.Errorf("furnitureLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
	if got := withoutFurnitureTail("Summit of the Americas - Plan of Action Page 1 of 4"); got != "Summit of the Americas - Plan of Action" {
		t.Errorf("withoutFurnitureTail: %q", got)
	}
}

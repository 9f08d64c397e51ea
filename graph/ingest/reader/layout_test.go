package reader

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// The layout on synthetic pages: characters placed as a PDF would, in the
// content order a producer may use.

const size = 10.0 // font size of the synthetic text; a glyph is 5 wide, 10 high

// run is text drawn at (x, y) from the top left, one glyph per rune, then
// the engine's line end.
func run(s string, x, y float64) []pdfChar {
	var cs []pdfChar
	for _, r := range s {
		cs = append(cs, pdfChar{R: r, Box: rect{x, y, x + size/2, y + size}})
		x += size / 2
	}
	return append(cs, pdfChar{R: '\r', Gen: true}, pdfChar{R: '\n', Gen: true})
}

// page is a letter page with the given runs.
func page(runs ...[]pdfChar) pdfPage {
	p := pdfPage{W: 612, H: 792}
	for _, r := range runs {
		p.Chars = append(p.Chars, r...)
	}
	return p
}

// readDoc reads a synthetic document through readPDF.
func readDoc(t *testing.T, doc *pdfDoc) (*Text, error) {
	t.Helper()
	saved := extractPDF
	extractPDF = func(context.Context, string, []byte) (*pdfDoc, error) { return doc, nil }
	defer func() { extractPDF = saved }()
	return readPDF(context.Background(), "s.pdf", nil)
}

func TestLayout(t *testing.T) {
	for _, tc := range []struct {
		name  string
		doc   pdfDoc
		want  string
		pages []int
	}{
		{
			name: "columns drawn across",
			// A two-column page whose producer draws both columns row by
			// row: the left column is read first.
			doc: pdfDoc{Pages: []pdfPage{page(
				run("Declaration of the Test", 200, 80),
				run("1. We agree that the left", 50, 120), run("3. And the right column", 320, 120),
				run("column comes first in the", 50, 132), run("comes after the left one.", 320, 132),
				run("reading order of the page.", 50, 144), run("4. So it is read last.", 320, 144),
				run("2. Then its second item.", 50, 168),
			)}},
			want: "                              Declaration of the Test\n\n1. We agree that the left column comes first in the reading order of the page.\n\n2. Then its second item.\n\n3. And the right column comes after the left one.\n\n4. So it is read last.\n",
		},
		{
			name: "running header and footer",
			doc: pdfDoc{Pages: []pdfPage{
				page(run("OEA/Ser.E CA-IV/DEC.1/05", 50, 30), run("1. The first paragraph goes on to the", 50, 100), run("next page of the document, which", 50, 112), run("- 1 -", 290, 760)),
				page(run("OEA/Ser.E CA-IV/DEC.1/05", 50, 30), run("holds the end of it.", 50, 100), run("2. The second paragraph.", 50, 124), run("- 2 -", 290, 760)),
				page(run("OEA/Ser.E CA-IV/DEC.1/05", 50, 30), run("3. The third, on the last page.", 50, 100), run("Page 3 of 3", 270, 760)),
			}},
			want:  "1. The first paragraph goes on to the next page of the document, which holds the end of it.\n\n2. The second paragraph.\n\n3. The third, on the last page.\n",
			pages: []int{1, 3, 5},
		},
		{
			name: "hyphens at line ends",
			doc: pdfDoc{Pages: []pdfPage{page(
				run("1. The Inter-", 50, 100), run("American Convention on interna-", 50, 112), run("tional follow-", 50, 124), run("up, for 2010-", 50, 136), run("2015 and the co-", 50, 148), run("chairs.", 50, 160),
				run("2. Regional bodies and sub-", 50, 184), run("regional and subregional bodies.", 50, 196),
			)}},
			want: "1. The Inter-American Convention on international follow-up, for 2010-2015 and the co-chairs.\n\n2. Regional bodies and subregional and subregional bodies.\n",
		},
		{
			name: "nested items keep their indent",
			doc: pdfDoc{Pages: []pdfPage{page(
				run("1. Act as follows:", 50, 100),
				run("a. first;", 80, 112),
				run("b. second.", 80, 124),
				run("1. Another mandate.", 50, 148),
			)}},
			want: "1. Act as follows:\n\n      a. first;\n\n      b. second.\n\n1. Another mandate.\n",
		},
		{
			name: "a heading broken short",
			doc: pdfDoc{Pages: []pdfPage{page(
				run("DEMOCRACY: Good Governance", 50, 100), run("MANDATES", 50, 112),
				run("1. A mandate that fills the whole width of the column of text.", 50, 136),
			)}},
			want: "DEMOCRACY: Good Governance\nMANDATES\n\n1. A mandate that fills the whole width of the column of text.\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readDoc(t, &tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Data) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got.Data, tc.want)
			}
			if tc.pages != nil && !equal(got.Pages, tc.pages) {
				t.Errorf("pages %v, want %v", got.Pages, tc.pages)
			}
		})
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestGlyphs(t *testing.T) {
	lig := run("The ﬁnal ﬂag", 50, 100)
	bold := run("Bold", 50, 112)
	var twice []pdfChar // fake bold: each glyph drawn twice, a little to the right
	for _, c := range bold[:4] {
		d := c
		d.Box.X0 += 0.3
		d.Box.X1 += 0.3
		twice = append(twice, c, d)
	}
	twice = append(twice, bold[4:]...)
	got, err := readDoc(t, &pdfDoc{Pages: []pdfPage{page(lig, twice)}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "The final flag Bold\n"; string(got.Data) != want {
		t.Errorf("got %q, want %q", got.Data, want)
	}
}

func TestUnmapped(t *testing.T) {
	bad := run("xxxxxxxxxx", 50, 100)
	for i := range bad[:10] {
		bad[i].Bad = true
	}
	_, err := readDoc(t, &pdfDoc{Pages: []pdfPage{page(bad)}})
	if !errors.Is(err, ErrNoText) {
		t.Errorf("a page of unmapped glyphs: %v, want ErrNoText", err)
	}
	half := append(run("Some text that is mapped well", 50, 100), bad...)
	got, err := readDoc(t, &pdfDoc{Pages: []pdfPage{page(half)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0].String(), "s.pdf:1 (page 1): 10 of the page's 39 characters have no Unicode") {
		t.Errorf("warnings %v", got.Warnings)
	}
	scan := pdfPage{W: 612, H: 792, Images: 1}
	got, err = readDoc(t, &pdfDoc{Pages: []pdfPage{page(run("Text on page one.", 50, 100)), scan}})
	if err != nil || len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0].String(), "(page 2): the page has no text layer") {
		t.Errorf("a scanned page among text pages: %v, %v", err, got.Warnings)
	}
}

func TestJoin(t *testing.T) {
	j := &joiner{words: map[string]bool{"cross-cutting": true, "subregional": true}}
	for _, tc := range []struct{ p, t, want string }{
		{"the Inter-", "American Charter", "the Inter-American Charter"},
		{"interna-", "tional law", "international law"},
		{"a cross-", "cutting issue", "a cross-cutting issue"},
		{"sub-", "regional", "subregional"},
		{"follow-", "up", "follow-up"},
		{"2010-", "2015", "2010-2015"},
		{"the end -", "of it", "the end - of it"},
		{"words", "go on", "words go on"},
		{"", "first", "first"},
	} {
		if got := j.join(tc.p, tc.t); got != tc.want {
			t.Errorf("join(%q, %q) = %q, want %q", tc.p, tc.t, got, tc.want)
		}
	}
}

func TestInterpolate(t *testing.T) {
	box := func(x0, x1, y float64) pdfChar { return pdfChar{R: 'x', Box: rect{x0, y, x1, y + 10}} }
	// "word" with its first and last letter known; then a word broken over
	// two lines (its ends are not on one line).
	cs := []pdfChar{box(10, 15, 100), {R: 'o'}, {R: 'r'}, box(25, 30, 100), {R: ' ', Gen: true},
		box(500, 505, 100), {R: 'a'}, box(50, 55, 112)}
	known := []bool{true, false, false, true, false, true, false, true}
	unplaced := interpolate(cs, known)
	if cs[1].Box != (rect{15, 100, 20, 110}) || cs[2].Box != (rect{20, 100, 25, 110}) {
		t.Errorf("inner letters at %v, %v", cs[1].Box, cs[2].Box)
	}
	if len(unplaced) != 1 || unplaced[0] != 6 {
		t.Errorf("unplaced %v, want [6]", unplaced)
	}
}

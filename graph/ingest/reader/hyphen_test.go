package reader

import (
	"context"
	"strings"
	"testing"
)

func TestRepairHyphens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// the joined word goes up; the next line keeps the rest
		{"a apresen-\ntação, por parte\n", "a apresentação,\npor parte\n"},
		// a word the document prints whole elsewhere is joined by it
		{"the co-\noperation of all\ncooperation\n", "the cooperation\nof all\ncooperation\n"},
		// a range, a compound, a name, a dash: kept as printed
		{"from 2010-\n2015 on\n", "from 2010-\n2015 on\n"},
		{"a follow-\nup meeting\n", "a follow-\nup meeting\n"},
		{"the Inter-\nAmerican Charter\n", "the Inter-\nAmerican Charter\n"},
		{"words -\nand more\n", "words -\nand more\n"},
		// a paragraph break after the hyphen is not crossed
		{"interna-\n\ntional\n", "interna-\n\ntional\n"},
		// the word is all the next line holds: the first half goes down
		{"the interna-\ntional\n\nnext\n", "the\ninternational\n\nnext\n"},
		// Windows line ends and an indent are kept
		{"interna-\r\n  tional law\r\n", "international\r\n  law\r\n"},
	} {
		if got := repairHyphens(tc.in); got != tc.want {
			t.Errorf("repairHyphens(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if strings.Count(repairHyphens(tc.in), "\n") != strings.Count(tc.in, "\n") {
			t.Errorf("repairHyphens(%q) changed the number of lines", tc.in)
		}
	}
}

// TestHyphensAcrossFormats: a text, its web page and its PDF's lines give
// the same words at a line-end hyphen.
func TestHyphensAcrossFormats(t *testing.T) {
	ctx := context.Background()
	txt, err := Read(ctx, "h.txt", []byte("1. Promover a apresen-\ntação de declarações.\n"))
	if err != nil {
		t.Fatal(err)
	}
	web, err := Read(ctx, "h.html", []byte("<!DOCTYPE html><html><body><p>1. Promover a apresen-<br>tação de declarações.</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := readDoc(t, &pdfDoc{Pages: []pdfPage{page(run("1. Promover a apresen-", 50, 100), run("tação de declarações.", 50, 112))}})
	if err != nil {
		t.Fatal(err)
	}
	words := func(b []byte) string { return strings.Join(strings.Fields(string(b)), " ") }
	want := "1. Promover a apresentação de declarações."
	for _, got := range []*Text{txt, web, pdf} {
		if words(got.Data) != want {
			t.Errorf("%s: %q, want %q", got.File, got.Data, want)
		}
	}
}

// TestKernedSpace: a word space the engine does not mark, narrowed by
// kerning ("A A"), still parts the words; letters that touch do not.
func TestKernedSpace(t *testing.T) {
	cs := run("FTAA", 50, 100)
	cs = cs[:len(cs)-2] // no line end, no space: the engine's "FTAAAgreement"
	cs = append(cs, run("Agreement", 50+4*size/2+0.15*size, 100)...)
	got, err := readDoc(t, &pdfDoc{Pages: []pdfPage{page(cs)}})
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.TrimSpace(string(got.Data)); s != "FTAA Agreement" {
		t.Errorf("%q, want \"FTAA Agreement\"", s)
	}
	cs = run("FTAA", 50, 100)
	cs = append(cs[:len(cs)-2], run("Agreement", 50+4*size/2+0.05*size, 100)...)
	if got, err = readDoc(t, &pdfDoc{Pages: []pdfPage{page(cs)}}); err != nil || strings.TrimSpace(string(got.Data)) != "FTAAAgreement" {
		t.Errorf("letters 0.05 em apart: %q, %v", got.Data, err)
	}
}

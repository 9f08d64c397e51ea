package reader

import (
	"context"
	"fmt"
	"strings"
)

// pdfDoc is what the engine reads of a PDF: per page, its characters in
// content order with their boxes, its links, and how many images a page
// without text draws.
type pdfDoc struct {
	Lang, Title string
	Pages       []pdfPage
}

type pdfPage struct {
	W, H   float64
	Chars  []pdfChar
	Links  []rect
	Images int
}

// pdfChar is one character: R is 0 when the font maps it to no Unicode;
// Gen marks spaces and line ends, the engine's or the PDF's (they have no
// box); Bad a character whose font maps it wrongly.
type pdfChar struct {
	R   rune
	Box rect
	Gen bool
	Bad bool
}

// rect is a box in points, from the top left corner of the page.
type rect struct{ X0, Y0, X1, Y1 float64 }

func (r rect) w() float64 { return r.X1 - r.X0 }
func (r rect) h() float64 { return r.Y1 - r.Y0 }

// extractPDF is the engine: PDFium, unless a test puts another in.
var extractPDF = pdfiumExtract

// readPDF reads a PDF's text layer in reading order (see layout.go).
func readPDF(ctx context.Context, name string, data []byte) (*Text, error) {
	doc, err := extractPDF(ctx, name, data)
	if err != nil {
		if _, ok := err.(*Error); ok {
			return nil, err
		}
		return nil, &Error{File: name, Format: PDF, Kind: ErrDamaged, Byte: -1, Msg: "the PDF cannot be read: " + err.Error(), Err: err}
	}
	t := &Text{File: name, Format: PDF, Lang: strings.TrimSpace(doc.Lang), Title: strings.TrimSpace(doc.Title)}
	pages, err := layoutDoc(ctx, doc)
	if err != nil {
		return nil, timeout(name, PDF, err)
	}
	chars, bad := 0, 0
	for _, p := range pages {
		chars += p.chars
		bad += p.bad
	}
	if chars == 0 {
		return nil, &Error{File: name, Format: PDF, Kind: ErrNoText, Byte: -1, Msg: "no text layer (a scanned PDF?): run OCR first"}
	}
	if bad*10 > chars*9 {
		return nil, &Error{File: name, Format: PDF, Kind: ErrNoText, Byte: -1, Msg: "the text layer has no Unicode (its fonts map no characters): run OCR first"}
	}
	t.Data, t.Pages = render(pages)
	for i, p := range pages {
		w := Warning{File: name, Line: t.Pages[i], Page: i + 1}
		switch {
		case p.chars == 0 && doc.Pages[i].Images > 0:
			w.Message = "the page has no text layer, only images (scanned?): its text is not read"
		case p.chars > 0 && p.bad*10 > p.chars:
			w.Message = fmt.Sprintf("%d of the page's %d characters have no Unicode in the PDF's fonts and were left out or read as U+FFFD", p.bad, p.chars)
		default:
			continue
		}
		if w.Line > strings.Count(string(t.Data), "\n") {
			w.Line = 0 // a page after the last line
		}
		t.Warnings = append(t.Warnings, w)
	}
	return t, nil
}

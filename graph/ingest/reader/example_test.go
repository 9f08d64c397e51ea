package reader_test

import (
	"context"
	"fmt"
	"os"

	"summitgraph/graph/ingest/reader"
	"summitgraph/nlp"
	"summitgraph/seeds"
)

// A PDF through the parser: its lines are the reader's, and the page of
// each paragraph is the page of its line.
func ExampleRead() {
	data, err := os.ReadFile("testdata/pdf/mandatos-medio-ambiente.pdf")
	if err != nil {
		panic(err)
	}
	t, err := reader.Read(context.Background(), "mandatos-medio-ambiente.pdf", data)
	if err != nil {
		fmt.Println(err) // e.g. "report.pdf: no text layer (a scanned PDF?): run OCR first"
		return
	}
	cat, err := nlp.LoadCatalog(seeds.FS())
	if err != nil {
		panic(err)
	}
	p, err := nlp.Parse(t.File, t.Data, cat)
	if err != nil {
		panic(err)
	}
	fmt.Println(t.Format, t.Language(), len(t.Pages), "pages")
	last := p.Paragraphs[len(p.Paragraphs)-1]
	fmt.Printf("mandate %s at line %d, page %d: %s\n", last.Number, last.Line, t.Page(last.Line), last.Cite.Summit.ID)
	// Output:
	// pdf es 2 pages
	// mandate 1 at line 30, page 2: summit/2009-port-of-spain
}

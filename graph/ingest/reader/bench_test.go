package reader_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"summitgraph/graph/ingest/reader"
)

// The readers' throughput in pages a second, a page being a PDF page or,
// for text and HTML, the fixture it was printed from (pages/s counts the
// fixtures' PDF pages, so that the three compare):
//
//	go test ./graph/ingest/reader -run '^$' -bench . -benchtime 3s

// printed are the fixtures' pages as printed to PDF.
var printed = map[string]int{"mandates-transparency": 1, "mandatos-medio-ambiente": 2, "declaration-sommet-fr": 1}

func benchRead(b *testing.B, dir, ext string) {
	type file struct {
		name string
		data []byte
	}
	var files []file
	pages := 0
	for base, n := range printed {
		name := dir + "/" + base + ext
		files = append(files, file{name, readFile(b, name)})
		pages += n
	}
	if err := reader.WarmPDF(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, f := range files {
			if _, err := reader.Read(ctx, f.name, f.data); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportPages(b, float64(pages), cpuTime()-cpu)
}

// reportPages reports pages a second of wall time, and of CPU time, which
// other work on the machine does not slow.
func reportPages(b *testing.B, pages float64, cpu time.Duration) {
	b.ReportMetric(pages*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	if cpu > 0 {
		b.ReportMetric(pages*float64(b.N)/cpu.Seconds(), "pages/cpu-s")
	}
}

func BenchmarkReadText(b *testing.B) { benchRead(b, "text", ".txt") }
func BenchmarkReadHTML(b *testing.B) { benchRead(b, "html", ".html") }
func BenchmarkReadPDF(b *testing.B)  { benchRead(b, "pdf", ".pdf") }

// BenchmarkReadHTMLLarge reads a page of 140 copies of the mandates of
// mandates-transparency.html, which prints on one page: about 140 printed
// pages, 1,400 mandates.
func BenchmarkReadHTMLLarge(b *testing.B) {
	const copies = 140
	page := readFile(b, "html/mandates-transparency.html")
	i := bytes.Index(page, []byte("<ol>"))
	j := bytes.LastIndex(page, []byte("</ol>")) + len("</ol>")
	body := strings.Repeat(string(page[i:j]), copies)
	data := append(append(append([]byte{}, page[:i]...), body...), page[j:]...)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := reader.Read(context.Background(), "large.html", data); err != nil {
			b.Fatal(err)
		}
	}
	reportPages(b, copies, cpuTime()-cpu)
}

// BenchmarkReadDamagedPDF reads a PDF cut short at 39 lengths, each
// refused as damaged: most of what FuzzReadPDF reads. The engine's
// instance is kept after each (ms per file).
func BenchmarkReadDamagedPDF(b *testing.B) {
	data := readFile(b, "pdf/mandates-transparency.pdf")
	if err := reader.WarmPDF(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	files := 0
	for b.Loop() {
		for i := 1; i < 40; i++ {
			if _, err := reader.Read(ctx, "cut.pdf", data[:len(data)*i/40]); err == nil {
				b.Fatal("a cut PDF was read")
			}
			files++
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(files), "ms/file")
}

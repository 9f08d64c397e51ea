package reader

import (
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The fuzz targets: neither reader may panic, hang past its deadline, or
// give anything but text or an *Error.
//
//	go test ./graph/ingest/reader -run '^$' -fuzz FuzzReadHTML -fuzztime 3m -parallel 1
//	go test ./graph/ingest/reader -run '^$' -fuzz FuzzReadPDF -fuzztime 3m -parallel 1 -fuzzminimizetime 10x
//	go test ./graph/ingest/reader -run '^$' -fuzz FuzzLayout -fuzztime 2m -parallel 1
//
// Their seed corpora are in testdata/fuzz; the HTML fixtures are added as
// seeds too.

func addFixtures(f *testing.F, dir string) {
	names, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
	for _, n := range names {
		if data, err := os.ReadFile(n); err == nil {
			f.Add(data)
		}
	}
}

// checkRead checks what a reader gave back.
func checkRead(t *testing.T, f Format, got *Text, err error, start time.Time, deadline time.Duration) {
	if time.Since(start) > deadline+5*time.Second {
		t.Fatalf("took %v, past its deadline of %v", time.Since(start), deadline)
	}
	if err != nil {
		var re *Error
		if !errors.As(err, &re) || re.File != "fuzz" || !strings.HasPrefix(err.Error(), "fuzz") {
			t.Fatalf("error %v (%T) is not an *Error naming the file", err, err)
		}
		return
	}
	if got.Format != f || !utf8.Valid(got.Data) || strings.ContainsRune(string(got.Data), 0) {
		t.Fatalf("format %s, or text not valid UTF-8 without NUL: %q", got.Format, got.Data)
	}
	lines := strings.Count(string(got.Data), "\n")
	for i, p := range got.Pages {
		if p < 1 || (i > 0 && p < got.Pages[i-1]) || p > lines+1 {
			t.Fatalf("page starts %v for %d lines", got.Pages, lines)
		}
	}
}

func FuzzReadHTML(f *testing.F) {
	addFixtures(f, "html")
	f.Add([]byte("<ol><li>a<ol start=-3 type=i><li value=99999999999>b</ol></ol><br><br><pre>x\n y</pre>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const deadline = 10 * time.Second
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		defer cancel()
		start := time.Now()
		got, err := ReadAs(ctx, "fuzz", data, HTML)
		checkRead(t, HTML, got, err, start, deadline)
	})
}

// FuzzReadPDF starts from the small PDFs of its corpus: the fixtures'
// tens of kilobytes take the engine tens of milliseconds, and their
// minimization minutes. Each fuzz worker (a process) starts the engine
// once and keeps its instance across executions: most inputs are damaged
// PDFs the engine reports, after which the instance is kept (see
// engineReported); only a deadline or a failure of the engine itself
// costs a new one.
func FuzzReadPDF(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		const deadline = 20 * time.Second
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		defer cancel()
		start := time.Now()
		got, err := ReadAs(ctx, "fuzz", data, PDF)
		checkRead(t, PDF, got, err, start, deadline)
	})
}

// FuzzLayout lays out arbitrary characters: each 8 bytes are a rune, a
// box and flags, so that the layout meets boxes no engine gives.
func FuzzLayout(f *testing.F) {
	f.Add([]byte("1\x00\x10\x10\x08\x0a\x00\x00.\x00\x18\x10\x08\x0a\x00\x00a\x00\x30\x10\x08\x0a\x00\x00"))
	f.Add([]byte("-\x00\xf0\x10\x08\x0a\x00\x02b\x00\x10\x22\x08\x0a\x00\x00\xad\x00\x10\x40\x08\x0a\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc := fuzzDoc(data)
		start := time.Now()
		saved := extractPDF
		extractPDF = func(context.Context, string, []byte) (*pdfDoc, error) { return doc, nil }
		defer func() { extractPDF = saved }()
		got, err := readPDF(context.Background(), "fuzz", nil)
		checkRead(t, PDF, got, err, start, time.Second)
	})
}

// fuzzDoc makes a document of fuzz bytes.
func fuzzDoc(data []byte) *pdfDoc {
	doc := &pdfDoc{}
	pg := pdfPage{W: 612, H: 792}
	for len(data) >= 8 {
		r := rune(binary.LittleEndian.Uint16(data))
		x, y := float64(data[2])*2.4, float64(data[3])*3.1
		w, h := float64(data[4]%32), float64(data[5]%40)
		c := pdfChar{R: r, Box: rect{x, y, x + w, y + h}, Gen: data[7]&1 != 0, Bad: data[7]&2 != 0}
		switch data[6] % 8 {
		case 1:
			c.R = '\n'
		case 2:
			c.R = ' '
		case 3:
			c.R = 2 // the engine's end-of-line hyphen
		case 4:
			pg.Links = append(pg.Links, rect{x, y, x + 40, y + 12})
		case 5:
			doc.Pages = append(doc.Pages, pg)
			pg = pdfPage{W: 612, H: 792}
		}
		pg.Chars = append(pg.Chars, c)
		data = data[8:]
	}
	doc.Pages = append(doc.Pages, pg)
	return doc
}

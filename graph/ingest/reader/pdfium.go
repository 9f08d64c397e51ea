package reader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFCacheDir is where the PDF engine keeps its compiled code between
// runs, which takes its start from seconds to a fraction of one. Set it
// before the first PDF is read; "" compiles afresh in every process. By
// default it is summitgraph/pdfium in the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache), or "" when there is none.
var PDFCacheDir = defaultCacheDir()

func defaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "summitgraph", "pdfium")
}

// pdfMemoryPages bounds the memory of one engine instance (64 KiB pages):
// 1 GiB, so that a hostile PDF fails rather than exhausts the machine.
const pdfMemoryPages = 1 << 14

var engine = sync.OnceValues(startPDFium)

// enginesKilled counts the engine instances killed: on a deadline, or
// after the engine itself failed on a file (tests read it).
var enginesKilled atomic.Int64

// WarmPDF starts the PDF engine now rather than on the first PDF: a server
// may call it in the background once it listens. It returns the engine's
// error, if it cannot start.
func WarmPDF() error {
	_, err := engine()
	return err
}

// startedEngine waits for the engine to start, or for the context to end
// (the engine goes on starting, for the next file).
func startedEngine(ctx context.Context) (pdfium.Pool, error) {
	done := make(chan struct{})
	go func() {
		engine()
		close(done)
	}()
	select {
	case <-done:
		return engine()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// startPDFium compiles PDFium's WebAssembly module and prepares a pool of
// instances, one per processor (each file is read by one instance).
func startPDFium() (pdfium.Pool, error) {
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(pdfMemoryPages)
	if PDFCacheDir != "" {
		if err := os.MkdirAll(PDFCacheDir, 0o755); err == nil {
			if cc, err := wazero.NewCompilationCacheWithDir(PDFCacheDir); err == nil {
				rc = rc.WithCompilationCache(cc)
			}
		}
	}
	n := runtime.GOMAXPROCS(0)
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle:       1,
		MaxIdle:       n,
		MaxTotal:      n,
		ReuseWorkers:  true,
		FSConfig:      wazero.NewFSConfig(), // no file system: documents are handed in as bytes
		RuntimeConfig: rc,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if err != nil {
		return nil, fmt.Errorf("start the PDF engine: %w", err)
	}
	return pool, nil
}

// pdfiumExtract reads the characters, links and metadata of a PDF with
// PDFium. The context's deadline kills the engine instance mid-page.
func pdfiumExtract(ctx context.Context, name string, data []byte) (doc *pdfDoc, err error) {
	pool, err := startedEngine(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, timeout(name, PDF, ctx.Err())
		}
		return nil, err
	}
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, timeout(name, PDF, ctx.Err())
		}
		return nil, fmt.Errorf("PDF engine: %w", err)
	}
	var killed atomic.Bool
	kill := func() {
		enginesKilled.Add(1)
		inst.Kill()
	}
	stop := context.AfterFunc(ctx, func() {
		killed.Store(true)
		kill()
	})
	panicked := false
	defer func() {
		if r := recover(); r != nil {
			panicked = true
			doc, err = nil, &Error{File: name, Format: PDF, Kind: ErrDamaged, Byte: -1, Msg: "damaged PDF: the engine failed on it", Err: fmt.Errorf("%v", r)}
		}
		if stop() {
			if !panicked && engineReported(err) {
				inst.Close() // back to the pool, for the next file
			} else {
				// The engine itself failed on this file (a trap, its
				// memory limit): a new instance for the next rather than
				// one whose state may be broken.
				kill()
			}
		}
		if killed.Load() {
			doc, err = nil, timeout(name, PDF, ctx.Err())
		}
	}()
	return extractWith(ctx, inst, name, data)
}

// engineReported says whether err (nil, or what extractWith returned) is
// one the engine reported through its own error codes (a PDF it cannot
// open, a page it cannot load) or one of the reader's own, after which
// the instance is as it was: every document and page is closed on the
// way out. Most damaged files fail so, and an instance kept is a file
// read in a few milliseconds rather than a new instance started (tens,
// and most of a fuzzing run's time).
func engineReported(err error) bool {
	if err == nil {
		return true
	}
	var re *Error
	if !errors.As(err, &re) {
		return false
	}
	if re.Err == nil {
		return true // the reader's own finding (no pages)
	}
	for _, e := range []error{pdfiumerr.ErrUnknown, pdfiumerr.ErrFile, pdfiumerr.ErrFormat, pdfiumerr.ErrPassword, pdfiumerr.ErrSecurity, pdfiumerr.ErrPage} {
		if errors.Is(re.Err, e) {
			return true
		}
	}
	return false
}

func extractWith(ctx context.Context, p pdfium.Pdfium, name string, data []byte) (*pdfDoc, error) {
	od, err := p.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, openError(name, err)
	}
	d := od.Document
	defer p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: d})
	doc := &pdfDoc{}
	if l, err := p.FPDFCatalog_GetLanguage(&requests.FPDFCatalog_GetLanguage{Document: d}); err == nil {
		doc.Lang = l.Language
	}
	if t, err := p.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: d, Tag: "Title"}); err == nil {
		doc.Title = t.Value
	}
	pc, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: d})
	if err != nil {
		return nil, &Error{File: name, Format: PDF, Kind: ErrDamaged, Byte: -1, Msg: "damaged PDF: its pages cannot be counted", Err: err}
	}
	if pc.PageCount == 0 {
		return nil, &Error{File: name, Format: PDF, Kind: ErrDamaged, Byte: -1, Msg: "damaged PDF: it has no pages"}
	}
	for i := 0; i < pc.PageCount; i++ {
		if err := ctx.Err(); err != nil {
			return nil, timeout(name, PDF, err)
		}
		pg, err := extractPage(p, d, i)
		if err != nil {
			return nil, &Error{File: name, Format: PDF, Kind: ErrDamaged, Page: i + 1, Byte: -1, Msg: "damaged PDF: the page cannot be read", Err: err}
		}
		doc.Pages = append(doc.Pages, pg)
	}
	return doc, nil
}

func isBreak(r rune) bool { return r == ' ' || r == '\r' || r == '\n' }

// pageRunes reads the characters of a page: with one call for the page's
// text when it has a character for every index (the engine writes its
// end-of-line hyphen, 0x02, as U+FFFE there), else one call a character.
func pageRunes(p pdfium.Pdfium, tp references.FPDF_TEXTPAGE, n int) ([]rune, error) {
	if n <= 0 {
		return nil, nil
	}
	if t, err := p.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp, StartIndex: 0, Count: n}); err == nil {
		if rs := []rune(t.Text); len(rs) == n {
			for i, r := range rs {
				if r == 0xfffe {
					rs[i] = 2
				}
			}
			return rs, nil
		}
	}
	rs := make([]rune, n)
	for i := range rs {
		u, err := p.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp, Index: i})
		if err != nil {
			return nil, err
		}
		rs[i] = rune(u.Unicode)
	}
	return rs, nil
}

// interpolate gives the characters without a box a share of the room
// between the boxes on either side of them in their word, and returns
// those it cannot place so (a word broken over two lines, whose ends are
// not on one line): their boxes are to be read.
func interpolate(cs []pdfChar, known []bool) (unplaced []int) {
	for i := 0; i < len(cs); {
		if known[i] || cs[i].Gen {
			i++
			continue
		}
		j := i
		for j < len(cs) && !known[j] && !cs[j].Gen {
			j++
		}
		// cs[i:j] lie between cs[i-1] and cs[j], both known: a word's
		// inner letters always have its first and last letter around them.
		if i == 0 || j == len(cs) || !known[i-1] || !known[j] || !sameBaseline(cs[i-1].Box, cs[j].Box) || cs[j].Box.X0 < cs[i-1].Box.X1 {
			for k := i; k < j; k++ {
				unplaced = append(unplaced, k)
			}
			i = j
			continue
		}
		// The letters share the room between the boxes around them.
		a, b := cs[i-1].Box, cs[j].Box
		step := (b.X0 - a.X1) / float64(j-i)
		for k := i; k < j; k++ {
			x0 := a.X1 + step*float64(k-i)
			cs[k].Box = rect{x0, math.Min(a.Y0, b.Y0), x0 + step, math.Max(a.Y1, b.Y1)}
		}
		i = j
	}
	return unplaced
}

// openError tells why a PDF does not open.
func openError(name string, err error) *Error {
	e := &Error{File: name, Format: PDF, Kind: ErrDamaged, Byte: -1, Err: err,
		Msg: "damaged PDF: its structure cannot be read (a download cut short?); get the file again"}
	switch {
	case errors.Is(err, pdfiumerr.ErrPassword):
		e.Kind, e.Msg = ErrEncrypted, "encrypted PDF: it needs a password to be opened; save a copy without a password first"
	case errors.Is(err, pdfiumerr.ErrSecurity):
		e.Kind, e.Msg = ErrEncrypted, "encrypted PDF: its encryption is not supported; save a copy without encryption first"
	}
	return e
}

func extractPage(p pdfium.Pdfium, d references.FPDF_DOCUMENT, index int) (pg pdfPage, err error) {
	size, err := p.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: d, Index: index})
	if err != nil {
		return pg, err
	}
	pg.W, pg.H = size.Width, size.Height
	lp, err := p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: d, Index: index})
	if err != nil {
		return pg, err
	}
	defer p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	page := requests.Page{ByReference: &lp.Page}
	tp, err := p.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return pg, err
	}
	defer p.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := p.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return pg, err
	}
	rs, err := pageRunes(p, tp.TextPage, cc.Count)
	if err != nil {
		return pg, err
	}
	pg.Chars = make([]pdfChar, len(rs))
	// Boxes are read for the first and last letter of every word and for
	// every other character; the letters between get boxes spaced evenly
	// between those (a call for a box is three calls into the module, and
	// most characters are inside words). Spaces and line ends, the
	// engine's or the PDF's, need no box: the layout reads them as breaks.
	known := make([]bool, len(rs))
	for i, r := range rs {
		c := &pg.Chars[i]
		c.R = r
		if isBreak(r) {
			c.Gen = true
			continue
		}
		// A letter next to the same letter has its box read: the engine
		// generates no space between two words where the first ends with
		// the letter the second starts with ("LA ACCIÓN", "FTAA Agreement"
		// in Chromium's PDFs), and only the real boxes show the gap.
		doubled := (i > 0 && rs[i-1] == r) || (i+1 < len(rs) && rs[i+1] == r)
		inner := !doubled && i > 0 && i+1 < len(rs) && !isBreak(rs[i-1]) && !isBreak(rs[i+1]) && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if inner {
			continue
		}
		b, err := p.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return pg, err
		}
		c.Box = rect{float64(b.Rect.Left), pg.H - float64(b.Rect.Top), float64(b.Rect.Right), pg.H - float64(b.Rect.Bottom)}
		known[i] = true
	}
	for _, i := range interpolate(pg.Chars, known) {
		b, err := p.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return pg, err
		}
		pg.Chars[i].Box = rect{float64(b.Rect.Left), pg.H - float64(b.Rect.Top), float64(b.Rect.Right), pg.H - float64(b.Rect.Bottom)}
	}
	for start := 0; ; {
		l, err := p.FPDFLink_Enumerate(&requests.FPDFLink_Enumerate{Page: page, StartPos: start})
		if err != nil || l.Link == nil || l.NextStartPos == nil {
			break
		}
		if r, err := p.FPDFLink_GetAnnotRect(&requests.FPDFLink_GetAnnotRect{Link: *l.Link}); err == nil && r.Rect != nil {
			pg.Links = append(pg.Links, rect{float64(r.Rect.Left), pg.H - float64(r.Rect.Top), float64(r.Rect.Right), pg.H - float64(r.Rect.Bottom)})
		}
		if *l.NextStartPos <= start {
			break
		}
		start = *l.NextStartPos
	}
	if len(pg.Chars) == 0 {
		if n, err := p.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page}); err == nil {
			for j := 0; j < n.Count; j++ {
				o, err := p.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: j})
				if err != nil {
					continue
				}
				if t, err := p.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: o.PageObject}); err == nil && t.Type == enums.FPDF_PAGEOBJ_IMAGE {
					pg.Images++
				}
			}
		}
	}
	return pg, nil
}

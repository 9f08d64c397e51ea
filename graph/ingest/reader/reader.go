package reader

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Format is what a file holds.
type Format int

const (
	// Unknown is content that is none of the formats read here: an image,
	// an archive, an office document.
	Unknown Format = iota
	// Plain is plain text.
	Plain
	// HTML is a web page.
	HTML
	// PDF is a PDF document.
	PDF
)

func (f Format) String() string {
	switch f {
	case Plain:
		return "text"
	case HTML:
		return "html"
	case PDF:
		return "pdf"
	}
	return "unknown"
}

// Extensions are the file name extensions of the formats read here, as a
// folder walk should select them (lower case, with the dot).
var Extensions = []string{".txt", ".html", ".htm", ".pdf"}

// Text is a file's content as text for the parser.
type Text struct {
	File   string
	Format Format
	// Encoding is the character encoding the text was decoded from:
	// "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "ISO-8859-1", or
	// for a web page the one it declares. "" for a PDF, whose text is
	// decoded by its fonts.
	Encoding string
	// Lang is the language the file declares, as written (HTML lang, PDF
	// /Lang: "es", "en-US"); "" when it declares none. A hint: the parser
	// still detects the language of the text.
	Lang string
	// Title is the HTML <title> or the PDF's /Title; "" when none. It is
	// not part of Data.
	Title string
	// Data is the text in UTF-8, lines separated by "\n" (plain text keeps
	// its own line ends).
	Data []byte
	// Pages is set for a PDF: Pages[i] is the 1-based line of Data on which
	// page i+1 starts (a paragraph that runs on to the next page stays on
	// the line of the page where it starts). A page that starts no line of
	// its own, blank or only continuing a paragraph, has the line of the
	// page after it. nil for other formats.
	Pages []int
	// Warnings are what was read but may not be what the author meant, in
	// order.
	Warnings []Warning
}

// Page returns the 1-based page on which the 1-based line starts; 0 when
// the text has no pages or the line is out of range.
func (t *Text) Page(line int) int {
	if len(t.Pages) == 0 || line < 1 {
		return 0
	}
	// The last page whose first line is at or before line.
	i := sort.Search(len(t.Pages), func(i int) bool { return t.Pages[i] > line })
	if i == 0 {
		return 1 // lines before the first page's first line (blank) are on page 1
	}
	return i
}

// Language returns the primary subtag of Lang in lower case ("es" for
// "es-CO"); "" when none.
func (t *Text) Language() string {
	l := strings.ToLower(strings.TrimSpace(t.Lang))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}

// Warning is something read that may not be what the author meant.
type Warning struct {
	File    string
	Line    int // 1-based line of Data; 0 when it concerns the whole file
	Page    int // 1-based PDF page; 0 when none
	Message string
}

func (w Warning) String() string {
	loc := w.File
	if w.Line > 0 {
		loc += fmt.Sprintf(":%d", w.Line)
	}
	if w.Page > 0 {
		loc += fmt.Sprintf(" (page %d)", w.Page)
	}
	return loc + ": " + w.Message
}

// DefaultTimeout bounds the reading of one file when the context has no
// deadline of its own.
const DefaultTimeout = time.Minute

// Read reads a file's bytes as text, in the format Detect finds. name is
// used in messages and in the result. A context without a deadline gets
// DefaultTimeout, which starts once the PDF engine has started (the first
// PDF waits for it, see WarmPDF); past the deadline Read gives up with
// ErrTimeout.
func Read(ctx context.Context, name string, data []byte) (*Text, error) {
	return ReadAs(ctx, name, data, Detect(name, data))
}

// ReadAs reads a file's bytes as the given format.
func ReadAs(ctx context.Context, name string, data []byte, f Format) (*Text, error) {
	if _, ok := ctx.Deadline(); !ok {
		if f == PDF {
			startedEngine(ctx) // not counted in the file's time; an error shows below
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	if err := ctx.Err(); err != nil {
		return nil, timeout(name, f, err)
	}
	switch f {
	case Plain:
		return readPlain(name, data)
	case HTML:
		return readHTML(ctx, name, data)
	case PDF:
		return readPDF(ctx, name, data)
	}
	return nil, &Error{File: name, Format: Unknown, Kind: ErrUnsupported, Byte: -1, Msg: unsupported(name, data)}
}

// Detect tells the format of a file from its content: a PDF by its header,
// a web page by its markup at the start, and a few formats that are not
// read here (images, archives, office documents) by their signatures. The
// extension decides only for content that could be either text or HTML.
func Detect(name string, data []byte) Format {
	if pdfHeader(data) >= 0 {
		return PDF
	}
	if signature(data) != "" {
		return Unknown
	}
	head := data[:min(len(data), 4096)]
	if u, ok := utf16Head(head); ok {
		head = u
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	switch looksHTML(head) {
	case 1:
		return HTML
	case 0:
		if ext := strings.ToLower(filepath.Ext(name)); (ext == ".html" || ext == ".htm" || ext == ".xhtml") && hasTag(data) {
			return HTML
		}
	}
	return Plain
}

// pdfHeader is the offset of "%PDF-" in the first KiB (PDF readers accept
// junk before it), or -1.
func pdfHeader(data []byte) int {
	return bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// signatures are formats users may hand in by mistake, by their magic.
var signatures = []struct{ magic, what string }{
	{"PK\x03\x04", "a ZIP archive or an Office document (.docx, .odt)"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc)"},
	{"{\\rtf", "an RTF document"},
	{"\x1f\x8b", "a gzip-compressed file"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"II*\x00", "a TIFF image"},
	{"MM\x00*", "a TIFF image"},
}

const mhtml = "a web archive (MHTML)"

// signature names the format of a file that is not read here, or "".
func signature(data []byte) string {
	for _, s := range signatures {
		if bytes.HasPrefix(data, []byte(s.magic)) {
			return s.what
		}
	}
	// A page saved as "Webpage, Single File": MIME parts, the HTML in
	// quoted-printable.
	head := bytes.ToLower(data[:min(len(data), 2048)])
	if bytes.Contains(head, []byte("mime-version:")) && bytes.Contains(head, []byte("multipart/related")) {
		return mhtml
	}
	return ""
}

func unsupported(name string, data []byte) string {
	switch what := signature(data); what {
	case "":
		return filepath.Base(name) + " is not a text, HTML or PDF file: save it as PDF, HTML or text first"
	case mhtml:
		return fmt.Sprintf("%s is %s: save the page as \"Webpage, HTML only\" instead", filepath.Base(name), what)
	default:
		return fmt.Sprintf("%s is %s: save it as PDF, HTML or text first", filepath.Base(name), what)
	}
}

// looksHTML is 1 when the start of the text is markup (a doctype, an
// <html>, <head> or <body> tag, or a comment or XML declaration before
// one), -1 when it is clearly not (the first non-blank character is not
// '<'), and 0 when it cannot tell.
func looksHTML(head []byte) int {
	s := bytes.TrimLeft(head, " \t\r\n\f")
	if len(s) == 0 {
		return 0
	}
	if s[0] != '<' {
		return -1
	}
	low := bytes.ToLower(s[:min(len(s), 512)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<?xml"} {
		if bytes.HasPrefix(low, []byte(p)) {
			if p == "<?xml" && !bytes.Contains(bytes.ToLower(head), []byte("<html")) {
				return 0
			}
			return 1
		}
	}
	if bytes.HasPrefix(low, []byte("<!--")) && bytes.Contains(bytes.ToLower(head), []byte("<html")) {
		return 1
	}
	return 0
}

// hasTag reports whether the text holds an HTML tag at all.
func hasTag(data []byte) bool {
	low := bytes.ToLower(data[:min(len(data), 1<<16)])
	for _, t := range []string{"<p", "<div", "<br", "<table", "<li", "<h1", "<h2", "<h3", "<span", "<a ", "<b>", "<font"} {
		if bytes.Contains(low, []byte(t)) {
			return true
		}
	}
	return false
}

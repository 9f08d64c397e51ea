package reader_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"summitgraph/graph"
	"summitgraph/graph/ingest/reader"
	"summitgraph/nlp"
	"summitgraph/seeds"
)

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		want reader.Format
	}{
		{"page.txt", "  1. Adopt laws. (Lima Commitment. Peru, 2018).\n", reader.Plain},
		{"page.html", "<!DOCTYPE html><html><body><p>x</p></body></html>", reader.HTML},
		{"page.txt", "\ufeff<!doctype HTML>\n<html lang=en>", reader.HTML}, // content first, not the extension
		{"page", "\n\n  <html><head><title>t</title></head>", reader.HTML},
		{"page.htm", "<!-- saved from url=(0042)https://example.org -->\n<html>", reader.HTML},
		{"page.html", "<p>A fragment of a page</p>", reader.HTML}, // the extension breaks the tie
		{"page.txt", "<p>A fragment of a page</p>", reader.Plain},
		{"page.html", "Plain text saved as .html", reader.Plain},
		{"doc.pdf", "%PDF-1.7\n%âãÏÓ\n", reader.PDF},
		{"doc.txt", "garbage before the header %PDF-1.4\n", reader.PDF},
		{"doc.pdf", "\x89PNG\r\n\x1a\n....", reader.Unknown},
		{"doc.pdf", "PK\x03\x04 a docx", reader.Unknown},
		{"utf16.txt", "\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00", reader.HTML},
		{"empty.txt", "", reader.Plain},
		{"page.mhtml", "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n", reader.Unknown},
	} {
		if got := reader.Detect(tc.name, []byte(tc.data)); got != tc.want {
			t.Errorf("Detect(%s, %.20q) = %s, want %s", tc.name, tc.data, got, tc.want)
		}
	}
}

func TestPlain(t *testing.T) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Québec: “Plan of Action”\n"))
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Declaración de Québec\n"))
	cp1252, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("  1. Promote the “Inter-American” Charter – Québec, 2001.\n"))
	latin1, _ := charmap.ISO8859_1.NewEncoder().Bytes([]byte("  1. Promover la educación en las Américas; ¿cómo?\n"))
	for _, tc := range []struct {
		name, data   string
		text, enc    string
		warning      string // part of the one warning expected
		err          error
		errMsg       string
		line, byteAt int
	}{
		{name: "utf8", data: "  1. Québec, 2001.\n", text: "  1. Québec, 2001.\n", enc: "UTF-8"},
		{name: "bom", data: "\ufeffQuébec\r\n", text: "Québec\r\n", enc: "UTF-8"},
		{name: "utf16le", data: string(utf16le), text: "Québec: “Plan of Action”\n", enc: "UTF-16LE"},
		{name: "utf16be", data: string(utf16be), text: "Declaración de Québec\n", enc: "UTF-16BE"},
		{name: "cp1252", data: string(cp1252), text: "  1. Promote the “Inter-American” Charter – Québec, 2001.\n", enc: "Windows-1252", warning: "not UTF-8: read as Windows-1252"},
		{name: "latin1", data: string(latin1), text: "  1. Promover la educación en las Américas; ¿cómo?\n", enc: "ISO-8859-1", warning: "read as ISO-8859-1"},
		{name: "nul", data: "line one\nline two\x00\x01", err: reader.ErrEncoding, errMsg: "nul:2 (byte 17): binary data (a NUL byte), not a text file", line: 2, byteAt: 17},
		{name: "binary", data: "ok\n\x8f\x02\xfe\xf0\x9d\xa0", err: reader.ErrEncoding, errMsg: "binary:2 (byte 3): not valid UTF-8 text (save the file as UTF-8)", line: 2, byteAt: 3},
		{name: "mojibake", data: "caf\xe9 \xa4\xb6\xde\n", err: reader.ErrEncoding}, // ¤¶Þ: not text of the four languages
		{name: "utf16nobom", data: "h\x00e\x00l\x00l\x00o\x00 \x00w\x00o\x00r\x00l\x00d\x00", err: reader.ErrEncoding, errMsg: "without a byte-order mark"},
		{name: "utf16odd", data: "\xff\xfeh\x00i", err: reader.ErrEncoding, errMsg: "odd number of bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := reader.ReadAs(context.Background(), tc.name, []byte(tc.data), reader.Plain)
			if tc.err != nil {
				var re *reader.Error
				if !errors.Is(err, tc.err) || !errors.As(err, &re) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				if !strings.Contains(err.Error(), tc.errMsg) || !strings.HasPrefix(err.Error(), tc.name) {
					t.Errorf("err = %q, want it to name the file and say %q", err, tc.errMsg)
				}
				if tc.line > 0 && (re.Line != tc.line || re.Byte != tc.byteAt) {
					t.Errorf("error at line %d byte %d, want %d, %d", re.Line, re.Byte, tc.line, tc.byteAt)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Data) != tc.text || got.Encoding != tc.enc || got.Format != reader.Plain {
				t.Errorf("got %q in %s (%s), want %q in %s", got.Data, got.Encoding, got.Format, tc.text, tc.enc)
			}
			if tc.warning == "" && len(got.Warnings) > 0 || tc.warning != "" && (len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0].String(), tc.warning)) {
				t.Errorf("warnings %v, want one saying %q", got.Warnings, tc.warning)
			}
		})
	}
}

// TestPlainErrorsAsParser checks that binary data is refused at the line
// and byte nlp.Parse names.
func TestPlainErrorsAsParser(t *testing.T) {
	for _, data := range []string{"a\nb\nc\x00d", "ok\n\xff\xfe\xfd\x00", "x\n\n\x80\x81\x82\x83\x84"} {
		_, rerr := reader.ReadAs(context.Background(), "f.txt", []byte(data), reader.Plain)
		_, perr := nlp.Parse("f.txt", []byte(data), nil)
		var re *reader.Error
		var pe *nlp.InputError
		if !errors.As(rerr, &re) || !errors.As(perr, &pe) {
			t.Fatalf("%q: reader %v, parser %v", data, rerr, perr)
		}
		if re.Line != pe.Line || re.Byte != pe.Byte {
			t.Errorf("%q: reader at %d:%d, parser at %d:%d", data, re.Line, re.Byte, pe.Line, pe.Byte)
		}
	}
}

func TestHTML(t *testing.T) {
	page := func(body string) string {
		return "<!DOCTYPE html><html lang=\"en-US\"><head><title> A\n page </title><style>p{color:red}</style></head><body>" + body + "</body></html>"
	}
	for _, tc := range []struct {
		name, html, want string
	}{
		{"entities", "<p>Qu&eacute;bec&nbsp;2001 &#8217;s &amp; &lt;OAS&gt; &#x2014;</p>", "Québec\u00a02001 ’s & <OAS> —\n"},
		{"whitespace", "<p>  one\n   two\t three  </p>", "one two three\n"},
		{"unread", "<script>document.write('1. no')</script><noscript>no</noscript><template><p>no</p></template><!-- no --><p>yes</p><style>no</style>", "yes\n"},
		{"hidden", "<p hidden>no</p><div style=\"display: none\">no</div><span aria-hidden=\"true\">no</span><p>yes</p><dialog>no</dialog>", "yes\n"},
		{"controls", "<form><p>Name <input value=\"no\"> <select><option>no</option></select><button>no</button><textarea>no</textarea></p></form>", "Name\n"},
		{"blocks", "<h1>Title</h1><p>One</p><div>Two<div>Three</div></div>", "Title\n\nOne\n\nTwo\n\nThree\n"},
		{"br", "<p>DEMOCRACY: Good Governance<br>MANDATES</p><p>a<br><br>b</p>", "DEMOCRACY: Good Governance\nMANDATES\n\na\n\nb\n"},
		{"ordered", "<ol><li>One</li><li>Two</li></ol><ol start=\"5\"><li>Five</li><li value=\"9\">Nine</li><li>Ten</li></ol>", "  1. One\n\n  2. Two\n\n  5. Five\n\n  9. Nine\n\n  10. Ten\n"},
		{"types", "<ol type=\"a\"><li>x</li><li>y</li></ol><ol type=\"i\"><li>x</li><li>y</li><li>z</li><li>w</li></ol><ol reversed><li>x</li><li>y</li></ol>", "  a. x\n\n  b. y\n\n  i. x\n\n  ii. y\n\n  iii. z\n\n  iv. w\n\n  2. x\n\n  1. y\n"},
		{"nested", "<ol><li>Act as follows:<ol><li>first;</li><li>second.</li></ol></li></ol><ul><li>a. Item<ul><li>deeper</li></ul></li></ul>", "  1. Act as follows:\n\n    1. first;\n\n    2. second.\n\n  • a. Item\n\n    ◦ deeper\n"},
		{"no markers", "<ul style=\"list-style: none\"><li>x</li></ul><ol><li style=\"list-style-type:none\">y</li></ol>", "  x\n\n  y\n"},
		{"list item with blocks", "<ol><li><p>First para</p><p>Second para</p></li></ol>", "  1. First para\n\n  Second para\n"},
		{"table", "<table><tr><td>Menu</td><td><p>Content one</p><p>Content two</p></td></tr><tr><td>Foot</td></tr></table>", "Menu\n\nContent one\n\nContent two\n\nFoot\n"},
		{"numbered rows", "<table><tr><td>1.</td><td>Adopt laws. (Lima Commitment. Peru, 2018).</td></tr><tr><td>a)</td><td><p>An item;</p></td><td>more</td></tr><tr><td>2010</td><td>A year, not a number</td></tr></table>", "1. Adopt laws. (Lima Commitment. Peru, 2018).\n\na) An item;\n\nmore\n\n2010\n\nA year, not a number\n"},
		{"pre", "<pre>  a  b\n   c</pre>", "  a  b\n   c\n"},
		{"soft hyphen", "<p>inter&shy;national</p>", "international\n"},
		{"nav", "<nav><a href=\"/\">Home</a></nav><div role=\"navigation\">Menu</div><div class=\"breadcrumbs\">Home</div><div id=\"mainNav\">x</div><p>Content of the page, long enough to be most of it.</p>", "Content of the page, long enough to be most of it.\n"},
		{"header footer", "<header>Site</header><main><header><h1>Declaration</h1></header><p>Text</p><footer>Done at Lima</footer></main><footer>© OAS</footer>", "Declaration\n\nText\n\nDone at Lima\n"},
		{"menu by links", "<div><a href=\"/a\">Democracy</a> <a href=\"/b\">Prosperity</a> <a href=\"/c\">Security</a></div><p>The mandate text, with <a href=\"/d\">a link</a> in it.</p>", "The mandate text, with a link in it.\n"},
		{"breadcrumb by separators", "<div><a href=\"/\">Home</a> &gt; <a href=\"/f\">Follow-up</a> &gt; Mandates</div><p>Text</p>", "Text\n"},
		{"lone link", "<p>Text</p><p><a href=\"#top\">Back to top</a></p>", "Text\n"},
		{"class of a wrapper", "<div class=\"has-sidebar\"><p>All of the page is in here.</p></div>", "All of the page is in here.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := reader.Read(context.Background(), "p.html", []byte(page(tc.html)))
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Data) != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got.Data, tc.want)
			}
			if got.Format != reader.HTML || got.Lang != "en-US" || got.Language() != "en" || got.Title != "A page" {
				t.Errorf("format %s, lang %q (%q), title %q", got.Format, got.Lang, got.Language(), got.Title)
			}
		})
	}
}

func TestHTMLEncodings(t *testing.T) {
	cp, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("<html><head><meta charset=\"windows-1252\"></head><body><p>“Québec”</p></body></html>"))
	undeclared, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("<html><body><p>Declaración de Québec</p></body></html>"))
	lying, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("<html><head><meta charset=\"utf-8\"></head><body><p>Declaración de Québec</p></body></html>"))
	for _, tc := range []struct {
		name, data, text, enc, warning string
	}{
		{"declared", string(cp), "“Québec”\n", "windows-1252", ""},
		{"undeclared", string(undeclared), "Declaración de Québec\n", "ISO-8859-1", "not UTF-8: read as ISO-8859-1"},
		{"lying", string(lying), "Declaración de Québec\n", "ISO-8859-1", "declares UTF-8 but is not"},
		{"truncated", "<html><body><p>Cut off in the mid", "Cut off in the mid\n", "UTF-8", "may be cut off"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := reader.Read(context.Background(), "p.html", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if string(got.Data) != tc.text || got.Encoding != tc.enc {
				t.Errorf("got %q in %s, want %q in %s", got.Data, got.Encoding, tc.text, tc.enc)
			}
			if (tc.warning == "") != (len(got.Warnings) == 0) || tc.warning != "" && !strings.Contains(got.Warnings[0].Message, tc.warning) {
				t.Errorf("warnings %v, want %q", got.Warnings, tc.warning)
			}
		})
	}
}

// TestUnreadable checks the files that must be refused, with their
// reasons and names.
func TestUnreadable(t *testing.T) {
	for _, tc := range []struct {
		path string
		kind error
		msg  string
	}{
		{"pdf/scanned.pdf", reader.ErrNoText, "pdf/scanned.pdf: no text layer (a scanned PDF?): run OCR first"},
		{"pdf/encrypted.pdf", reader.ErrEncrypted, "pdf/encrypted.pdf: encrypted PDF: it needs a password to be opened"},
		{"pdf/damaged.pdf", reader.ErrDamaged, "pdf/damaged.pdf: damaged PDF: its structure cannot be read"},
		{"html/damaged.html", reader.ErrDamaged, "html/damaged.html:55 (byte 3118): damaged web page: binary data (a NUL byte) in the HTML"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			_, err := reader.Read(context.Background(), tc.path, readFile(t, tc.path))
			if !errors.Is(err, tc.kind) {
				t.Fatalf("err = %v, want %v", err, tc.kind)
			}
			if !strings.HasPrefix(err.Error(), tc.msg) {
				t.Errorf("err = %q, want %q", err, tc.msg)
			}
			if re := (*reader.Error)(nil); !errors.As(err, &re) || re.Code() != graph.EINVALID {
				t.Errorf("err = %v, want an *Error with code %s", err, graph.EINVALID)
			}
		})
	}
	_, err := reader.Read(context.Background(), "photo.pdf", []byte("\xff\xd8\xff\xe0 a JPEG"))
	var re *reader.Error
	if !errors.Is(err, reader.ErrUnsupported) || !errors.As(err, &re) || re.Code() != graph.EUNSUPPORTED ||
		err.Error() != "photo.pdf: photo.pdf is a JPEG image: save it as PDF, HTML or text first" {
		t.Errorf("a JPEG: %v", err)
	}
	_, err = reader.Read(context.Background(), "page.mhtml", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"\r\n"))
	if !errors.Is(err, reader.ErrUnsupported) || err.Error() != `page.mhtml: page.mhtml is a web archive (MHTML): save the page as "Webpage, HTML only" instead` {
		t.Errorf("an MHTML archive: %v", err)
	}
}

// TestTimeout checks that a file past its deadline is refused, and that
// the PDF engine reads the next file after one it was stopped on.
func TestTimeout(t *testing.T) {
	pdf := readFile(t, "pdf/mandatos-medio-ambiente.pdf")
	if err := reader.WarmPDF(); err != nil {
		t.Fatal(err)
	}
	for _, d := range []time.Duration{0, time.Millisecond, 5 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		_, err := reader.Read(ctx, "slow.pdf", pdf)
		cancel()
		if err != nil && !errors.Is(err, reader.ErrTimeout) {
			t.Errorf("deadline %v: err = %v, want ErrTimeout or a result", d, err)
		}
		if d == 0 && !errors.Is(err, reader.ErrTimeout) {
			t.Errorf("deadline passed: err = %v, want ErrTimeout", err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := reader.Read(ctx, "p.html", []byte("<html><body><p>x</p></body></html>")); !errors.Is(err, reader.ErrTimeout) {
		t.Errorf("cancelled HTML: err = %v, want ErrTimeout", err)
	}
	got, err := reader.Read(context.Background(), "after.pdf", pdf)
	if err != nil || len(got.Pages) != 2 {
		t.Fatalf("the engine after a timeout: %v", err)
	}
}

func TestPage(t *testing.T) {
	tx := &reader.Text{Pages: []int{1, 5, 5, 9}} // page 2 starts no line of its own
	for line, want := range map[int]int{0: 0, 1: 1, 4: 1, 5: 3, 8: 3, 9: 4, 100: 4} {
		if got := tx.Page(line); got != want {
			t.Errorf("Page(%d) = %d, want %d", line, got, want)
		}
	}
	if (&reader.Text{}).Page(3) != 0 {
		t.Error("a text without pages has page 0")
	}
}

// TestPlainUnchanged checks that the parser's own fixtures and the seed,
// read as text, reach it byte for byte (but a UTF-8 byte-order mark).
func TestPlainUnchanged(t *testing.T) {
	names, _ := filepath.Glob("../../../nlp/testdata/pages/*.txt")
	seed, err := fs.ReadFile(seeds.FS(), "democracy-good-governance.txt")
	if err != nil || len(names) < 5 {
		t.Fatalf("%d pages, seed: %v", len(names), err)
	}
	inputs := map[string][]byte{"seed": seed}
	for _, n := range names {
		inputs[n], _ = os.ReadFile(n)
	}
	for name, data := range inputs {
		got, err := reader.Read(context.Background(), name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Format != reader.Plain || !bytes.Equal(got.Data, bytes.TrimPrefix(data, []byte("\ufeff"))) || len(got.Warnings) > 0 {
			t.Errorf("%s: read as %s with %v, and changed", name, got.Format, got.Warnings)
		}
	}
}

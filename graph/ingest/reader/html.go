package reader

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// readHTML reads a web page as a browser shows it: the visible text in
// document order, one block (paragraph, heading, list item, table cell) a
// line with blank lines between blocks, <br> as a line break, list items
// with their marker ("1.", "a.", "•") indented two spaces a level, as
// nlp.Parse reads items. Scripts, styles, templates, forms' controls,
// hidden elements and comments are never read; the page's furniture
// (navigation, menus, breadcrumbs, the site's header and footer) is left
// out.
func readHTML(ctx context.Context, name string, data []byte) (*Text, error) {
	if _, utf16 := utf16Head(data[:min(len(data), 4)]); !utf16 {
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return nil, &Error{File: name, Format: HTML, Kind: ErrDamaged, Line: 1 + bytes.Count(data[:i], []byte("\n")), Byte: i,
				Msg: "damaged web page: binary data (a NUL byte) in the HTML; save the page again from the browser"}
		}
	}
	s, enc, warns, err := decodeHTML(name, data)
	if err != nil {
		return nil, err
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return nil, &Error{File: name, Format: HTML, Kind: ErrDamaged, Line: 1 + strings.Count(s[:i], "\n"), Byte: -1,
			Msg: "damaged web page: binary data (a NUL byte) in the HTML; save the page again from the browser"}
	}
	doc, err := html.ParseWithOptions(&ctxReader{ctx: ctx, r: strings.NewReader(s)}, html.ParseOptionEnableScripting(true))
	if err != nil {
		if ctx.Err() != nil {
			return nil, timeout(name, HTML, ctx.Err())
		}
		return nil, &Error{File: name, Format: HTML, Kind: ErrDamaged, Byte: -1, Msg: "damaged web page: " + err.Error(), Err: err}
	}
	w := &htmlWalker{ctx: ctx, stats: map[*html.Node]nodeStats{}}
	root := w.count(doc)
	w.total = root.text
	t := &Text{File: name, Format: HTML, Encoding: enc, Warnings: warns}
	t.Lang, t.Title = pageLang(doc), pageTitle(doc)
	w.walk(doc)
	if w.err != nil {
		return nil, timeout(name, HTML, w.err)
	}
	w.endLine()
	t.Data = []byte(repairHyphens(strings.Join(w.lines, "\n")) + "\n")
	if len(w.lines) == 0 {
		t.Data = nil
	}
	low := bytes.ToLower(data[max(0, len(data)-4096):])
	if !bytes.Contains(low, []byte("</html")) && !bytes.Contains(low, []byte("</body")) {
		t.Warnings = append(t.Warnings, Warning{File: name, Line: len(w.lines), Message: "the page ends without </body> or </html>: it may be cut off"})
	}
	if w.frames {
		t.Warnings = append(t.Warnings, Warning{File: name, Message: "the page is a frameset: the text of its frames is in their own files"})
	}
	return t, nil
}

// decodeHTML decodes a page in the encoding it declares (a byte-order
// mark, <meta charset>), or, declaring none, as UTF-8 when it is valid
// UTF-8 and otherwise as plain text is.
func decodeHTML(name string, data []byte) (text, enc string, warns []Warning, err error) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return decode(name, data, HTML)
	}
	e, label, _ := charset.DetermineEncoding(data, "")
	declared := bytes.Contains(bytes.ToLower(data[:min(len(data), 1024)]), []byte("charset"))
	if !declared || label == "utf-8" {
		text, enc, warns, err = decode(name, data, HTML)
		if err == nil && declared && enc != "UTF-8" && len(warns) > 0 {
			warns[0].Message = "declares UTF-8 but is not: " + warns[0].Message
		}
		return text, enc, warns, err
	}
	b, derr := e.NewDecoder().Bytes(data)
	if derr != nil {
		return "", "", nil, &Error{File: name, Format: HTML, Kind: ErrEncoding, Byte: -1, Msg: fmt.Sprintf("not valid %s text, as the page declares: %v", label, derr), Err: derr}
	}
	return string(b), label, nil, nil
}

// ctxReader stops a parse when its context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p[:min(len(p), 16<<10)])
}

// nodeStats counts an element's visible text: letters and digits, those
// inside links, and its links.
type nodeStats struct {
	text, link, links int
	seps              int // breadcrumb separators (› » >) outside links
}

type htmlWalker struct {
	ctx   context.Context
	err   error
	stats map[*html.Node]nodeStats
	total int // visible text of the page
	nodes int

	lines  []string
	line   strings.Builder
	space  bool   // a collapsed space is pending
	blank  bool   // a blank line is pending before the next text
	prefix string // the marker of a list item, before its first text
	indent int    // spaces before a line, two a list level
	pre    int    // depth of <pre>
	lists  []*list
	frames bool
}

type list struct {
	ordered  bool
	next     int
	step     int
	style    string // "1", "a", "A", "i", "I", or a bullet
	noMarker bool
}

// skipped elements are never read: their content is not text a reader
// sees.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Applet: true, atom.Canvas: true,
	atom.Svg: true, atom.Math: true, atom.Audio: true, atom.Video: true, atom.Map: true,
	atom.Input: true, atom.Select: true, atom.Option: true, atom.Optgroup: true, atom.Datalist: true,
	atom.Textarea: true, atom.Button: true, atom.Noembed: true, atom.Noframes: true, atom.Img: true,
	atom.Picture: true, atom.Param: true, atom.Source: true, atom.Track: true, atom.Area: true,
	atom.Meta: true, atom.Link: true, atom.Base: true, atom.Title: true, atom.Frame: true,
}

// blocks start and end a line; a blank line separates them from what is
// around them.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Center: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Legend: true, atom.Li: true,
	atom.Listing: true, atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Plaintext: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Caption: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Ul: true, atom.Xmp: true,
	atom.Body: true, atom.Html: true, atom.Frameset: true,
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// hidden reports whether an element is not shown: hidden, aria-hidden,
// or display:none or visibility:hidden in its style.
func hidden(n *html.Node) bool {
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	if v, _ := attr(n, "aria-hidden"); strings.EqualFold(strings.TrimSpace(v), "true") {
		return true
	}
	if n.DataAtom == atom.Dialog {
		if _, open := attr(n, "open"); !open {
			return true
		}
	}
	if v, ok := attr(n, "style"); ok {
		v = strings.ToLower(strings.Join(strings.Fields(v), ""))
		if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
			return true
		}
	}
	return false
}

func (w *htmlWalker) unread(n *html.Node) bool {
	return n.Type == html.ElementNode && (skipped[n.DataAtom] || hidden(n))
}

// count computes the visible text statistics of every element.
func (w *htmlWalker) count(n *html.Node) nodeStats {
	var s nodeStats
	switch n.Type {
	case html.TextNode:
		for _, r := range n.Data {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				s.text++
			} else if r == '>' || r == '»' || r == '›' {
				s.seps++
			}
		}
		return s
	case html.ElementNode:
		if w.unread(n) {
			return s
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := w.count(c)
		s.text += cs.text
		s.link += cs.link
		s.links += cs.links
		s.seps += cs.seps
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		if _, ok := attr(n, "href"); ok {
			s.link = s.text
			s.links++
		}
	}
	w.stats[n] = s
	return s
}

func (w *htmlWalker) walk(n *html.Node) {
	if w.err != nil {
		return
	}
	if w.nodes++; w.nodes%1024 == 0 {
		if w.err = w.ctx.Err(); w.err != nil {
			return
		}
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if n.DataAtom == atom.Frameset {
			w.frames = true
		}
		if w.unread(n) || w.furniture(n) {
			return
		}
	case html.DocumentNode:
	default:
		return // comments, doctype
	}
	a := n.DataAtom
	block := n.Type == html.ElementNode && blocks[a]
	if block {
		w.endBlock()
	}
	switch a {
	case atom.Br:
		w.lineBreak()
		return
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
		w.pre++
		defer func() { w.pre-- }()
	case atom.Ol, atom.Ul, atom.Menu, atom.Dir:
		w.openList(n)
		defer func() { w.lists = w.lists[:len(w.lists)-1]; w.indent = 2 * len(w.lists) }()
	case atom.Li:
		w.item(n)
		defer func() { w.prefix = "" }()
	case atom.Tr:
		if w.numberedRow(n) {
			w.endBlock()
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.endBlock()
	}
}

func (w *htmlWalker) openList(n *html.Node) {
	l := &list{ordered: n.DataAtom == atom.Ol, next: 1, step: 1, style: "1"}
	if l.ordered {
		if v, ok := attr(n, "type"); ok && strings.Contains("1aAiI", v) && len(v) == 1 {
			l.style = v
		}
		if _, ok := attr(n, "reversed"); ok {
			l.step = -1
			l.next = 0
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Li {
					l.next++
				}
			}
		}
		if v, ok := attr(n, "start"); ok {
			if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				l.next = i
			}
		}
	} else {
		// Browsers draw a disc, then a circle, then a square as unordered
		// lists nest.
		depth := 0
		for _, p := range w.lists {
			if !p.ordered {
				depth++
			}
		}
		l.style = []string{"•", "◦", "▪"}[min(depth, 2)]
	}
	l.noMarker = noMarker(n)
	w.lists = append(w.lists, l)
	w.indent = 2 * len(w.lists)
}

func (w *htmlWalker) item(n *html.Node) {
	if len(w.lists) == 0 {
		w.prefix = "• "
		return
	}
	l := w.lists[len(w.lists)-1]
	if v, ok := attr(n, "value"); ok && l.ordered {
		if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			l.next = i
		}
	}
	none := l.noMarker || noMarker(n)
	marker := l.style
	if l.ordered {
		marker = ordinal(l.next, l.style) + "."
		l.next += l.step
	}
	w.prefix = ""
	if !none {
		w.prefix = marker + " "
	}
}

// reCellMarker is a table cell that holds only a list marker: "1.",
// "5.6.", "a)", "(iv)", "•".
var reCellMarker = regexp.MustCompile(`^(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]{1,2}|[ivx]{1,5})[.)]|[•·▪◦‣●○■□–-])$`)

// numberedRow writes a table row whose first cell is only a list marker
// (a mandate's number in a column of its own) as a list item: the marker,
// then the rest of the row.
func (w *htmlWalker) numberedRow(tr *html.Node) bool {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) && !w.unread(c) {
			cells = append(cells, c)
		}
	}
	if len(cells) < 2 || w.stats[cells[0]].text > 8 {
		return false
	}
	marker := strings.Join(strings.Fields(visibleText(cells[0], w)), " ")
	if !reCellMarker.MatchString(marker) {
		return false
	}
	w.endBlock()
	w.prefix = marker + " "
	for _, c := range cells[1:] {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			w.walk(k)
		}
	}
	w.prefix = ""
	return true
}

// visibleText is the text of an element as read, white space as is.
func visibleText(n *html.Node, w *htmlWalker) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if w.unread(n) {
		return ""
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(visibleText(c, w))
	}
	return b.String()
}

// noMarker reports whether an element's style turns list markers off.
func noMarker(n *html.Node) bool {
	v, _ := attr(n, "style")
	v = strings.ToLower(strings.Join(strings.Fields(v), ""))
	return strings.Contains(v, "list-style:none") || strings.Contains(v, "list-style-type:none")
}

// ordinal writes a list number in the style of <ol type>.
func ordinal(n int, style string) string {
	switch style {
	case "a", "A":
		if n < 1 {
			return strconv.Itoa(n)
		}
		var b []byte
		for n > 0 {
			n--
			b = append([]byte{byte('a' + n%26)}, b...)
			n /= 26
		}
		if style == "A" {
			return strings.ToUpper(string(b))
		}
		return string(b)
	case "i", "I":
		if n < 1 || n > 3999 {
			return strconv.Itoa(n)
		}
		vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
		syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
		var b strings.Builder
		for i, v := range vals {
			for n >= v {
				b.WriteString(syms[i])
				n -= v
			}
		}
		if style == "I" {
			return strings.ToUpper(b.String())
		}
		return b.String()
	}
	return strconv.Itoa(n)
}

// text writes a text node: white space collapsed as a browser does (but
// in <pre>), soft hyphens and control characters dropped. A U+FFFD the
// page holds is a character a browser shows, kept as plain text keeps it.
func (w *htmlWalker) text(s string) {
	if w.pre > 0 {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				w.endLine()
			}
			part = strings.TrimRight(part, "\r")
			if part != "" {
				w.start()
				w.line.WriteString(strings.ReplaceAll(part, "\u00ad", ""))
			}
		}
		return
	}
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f':
			w.space = true
		case r == '\u00ad':
		case unicode.IsControl(r):
			w.space = true
		default:
			if w.line.Len() == 0 {
				w.start()
			} else if w.space {
				w.line.WriteByte(' ')
			}
			w.space = false
			w.line.WriteRune(r)
		}
	}
}

// start begins a line: the pending blank line, the indent, the marker.
func (w *htmlWalker) start() {
	if w.line.Len() > 0 {
		return
	}
	if w.blank && len(w.lines) > 0 && w.lines[len(w.lines)-1] != "" {
		w.lines = append(w.lines, "")
	}
	w.blank = false
	w.line.WriteString(strings.Repeat(" ", w.indent))
	w.line.WriteString(w.prefix)
	w.prefix = ""
	w.space = false
}

func (w *htmlWalker) endLine() {
	if w.line.Len() > 0 {
		w.lines = append(w.lines, strings.TrimRightFunc(w.line.String(), unicode.IsSpace))
		w.line.Reset()
	}
	w.space = false
}

func (w *htmlWalker) endBlock() {
	w.endLine()
	w.blank = true
}

// lineBreak is a <br>: the end of a line, and a blank line after an empty
// one.
func (w *htmlWalker) lineBreak() {
	if w.line.Len() == 0 {
		w.blank = true
		return
	}
	w.endLine()
}

// pageLang is the language the page declares: <html lang> (or xml:lang),
// the body's, or a Content-Language meta element's.
func pageLang(doc *html.Node) string {
	var lang, meta string
	var visit func(*html.Node, int)
	visit = func(n *html.Node, depth int) {
		if lang != "" || depth > 3 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html, atom.Body:
				if v, ok := attr(n, "lang"); ok && strings.TrimSpace(v) != "" {
					lang = strings.TrimSpace(v)
					return
				}
				for _, a := range n.Attr {
					if a.Key == "lang" || a.Key == "xml:lang" {
						if strings.TrimSpace(a.Val) != "" {
							lang = strings.TrimSpace(a.Val)
							return
						}
					}
				}
			case atom.Meta:
				if v, _ := attr(n, "http-equiv"); strings.EqualFold(v, "content-language") {
					c, _ := attr(n, "content")
					meta = strings.TrimSpace(strings.Split(c, ",")[0])
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(doc, 0)
	if lang == "" {
		return meta
	}
	return lang
}

// pageTitle is the page's <title>, white space collapsed.
func pageTitle(doc *html.Node) string {
	var title string
	var visit func(*html.Node) bool
	visit = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
			}
			title = strings.Join(strings.Fields(b.String()), " ")
			return true
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if visit(c) {
				return true
			}
		}
		return false
	}
	visit(doc)
	return title
}

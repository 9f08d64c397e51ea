package reader

import (
	"context"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The layout of a PDF's text, from its characters' boxes, independent of
// the engine:
//
//  1. lines: characters in content order on one baseline, split where a
//     gap is wider than four line heights, which justified text does not
//     stretch to (but not after a list marker);
//  2. running headers and footers: lines in the top or bottom tenth of a
//     page that recur on other pages (digits aside), page numbers, and the
//     date, title and address a browser prints there;
//  3. page furniture by the PDF's links, as for HTML: menus (lines mostly
//     links), breadcrumbs, lone links ("Back to top");
//  4. blocks: lines below one another, close and overlapping;
//  5. reading order: a gutter free of blocks splits a band into columns,
//     left before right, the blocks that cross it (a title, a footer)
//     separating the bands; within a column, top to bottom;
//  6. paragraphs: a block's lines joined, a new paragraph at a list
//     marker; a paragraph cut off by a column or page break goes on in the
//     next block; end-of-line hyphens repaired (kept in "Inter-American",
//     dropped in "interna-tional"); ligatures (ﬁ, ﬂ) spelled out.
//
// Each paragraph is one line of the text, indented by its offset from its
// column's left edge in character widths, so that nested items keep the
// indent nlp.Parse reads as items; blank lines separate paragraphs.

type glyph struct {
	r    rune
	box  rect
	link int  // 1 + index of the link the glyph is in; 0 for none
	hyph bool // the engine's mark for a hyphen at a line end
}

type line struct {
	gs   []glyph
	box  rect
	h    float64 // median glyph height
	drop bool
}

func (l *line) text() string {
	var b strings.Builder
	for _, g := range l.gs {
		b.WriteRune(g.r)
	}
	return strings.TrimSpace(b.String())
}

type block struct {
	lines       []*line
	box         rect
	left, right float64 // edges of the block's column
}

// para is a paragraph: its text, with "\n" and the next line's indent
// where a line was broken short of the column's edge (a <br>, a heading
// and its subtitle).
type para struct {
	page   int
	indent int
	text   string
}

type laidPage struct {
	paras      []*para
	chars, bad int
}

var ligatures = map[rune]string{
	'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl", 'ﬅ': "st", 'ﬆ': "st",
}

// lines builds a page's lines from its characters in content order.
func pageLines(pg *pdfPage) (lines []*line, chars, bad int) {
	var cur *line
	end := func() {
		if cur != nil && len(cur.gs) > 0 {
			finishLine(cur)
			if !cur.drop {
				lines = append(lines, cur)
			}
		}
		cur = nil
	}
	space := func() {
		if cur != nil && len(cur.gs) > 0 && cur.gs[len(cur.gs)-1].r != ' ' {
			cur.gs = append(cur.gs, glyph{r: ' ', box: cur.gs[len(cur.gs)-1].box})
		}
	}
	for _, c := range pg.Chars {
		if c.Gen {
			switch c.R {
			case '\r', '\n':
				end()
			case ' ':
				space()
			}
			continue
		}
		r := c.R
		switch {
		case r == 0 || c.Bad:
			chars++
			bad++
			continue
		case r == utf8.RuneError:
			// U+FFFD is what the font maps the glyph to: the page prints a
			// replacement character (a copy that lost a letter before it was
			// printed) or the font maps nothing. It is kept, as plain text
			// keeps it, and counted with the unmapped: a page of them is a
			// text layer without Unicode.
			bad++
		case r == 2:
			r = '-'
		case r == '\u00ad':
			r = '-'
		case r == '\n' || r == '\r':
			end()
			continue
		case unicode.IsSpace(r):
			chars++
			space()
			continue
		case unicode.IsControl(r) || r == 0xfffe || r == 0xffff || r == '\u200b' || r == '\ufeff':
			continue
		}
		chars++
		g := glyph{r: r, box: c.Box, hyph: c.R == 2 || c.R == '\u00ad'}
		for i, l := range pg.Links[:min(len(pg.Links), maxLinks)] {
			cx, cy := (g.box.X0+g.box.X1)/2, (g.box.Y0+g.box.Y1)/2
			if cx >= l.X0-1 && cx <= l.X1+1 && cy >= l.Y0-1 && cy <= l.Y1+1 {
				g.link = i + 1
				break
			}
		}
		if cur != nil {
			last := lastGlyph(cur)
			h := math.Max(last.box.h(), g.box.h())
			switch {
			case last.r == g.r && overlap(last.box, g.box) > 0.7:
				continue // the same character drawn twice (fake bold)
			case !sameBaseline(last.box, g.box):
				end()
			default:
				gap := g.box.X0 - last.box.X1
				if gap > 4*h && !isMarker(cur.text()) {
					end()
				} else if gap > 0.1*h { // a word space less its kerning ("A A")
					space()
				}
			}
		}
		if cur == nil {
			cur = &line{}
		}
		if s, ok := ligatures[r]; ok {
			n := float64(utf8.RuneCountInString(s))
			for i, lr := range s {
				b := g.box
				b.X0 = g.box.X0 + g.box.w()*float64(i)/n
				b.X1 = g.box.X0 + g.box.w()*float64(i+1)/n
				cur.gs = append(cur.gs, glyph{r: lr, box: b, link: g.link})
			}
			continue
		}
		cur.gs = append(cur.gs, g)
	}
	end()
	return lines, chars, bad
}

func lastGlyph(l *line) glyph {
	for i := len(l.gs) - 1; i >= 0; i-- {
		if l.gs[i].r != ' ' {
			return l.gs[i]
		}
	}
	return l.gs[len(l.gs)-1]
}

// finishLine trims a line's spaces and computes its box and height.
func finishLine(l *line) {
	for len(l.gs) > 0 && l.gs[len(l.gs)-1].r == ' ' {
		l.gs = l.gs[:len(l.gs)-1]
	}
	if len(l.gs) == 0 {
		l.drop = true
		return
	}
	hs := make([]float64, 0, len(l.gs))
	first := true
	for _, g := range l.gs {
		if g.r == ' ' {
			continue
		}
		hs = append(hs, g.box.h())
		if first {
			l.box = g.box
			first = false
			continue
		}
		l.box.X0 = math.Min(l.box.X0, g.box.X0)
		l.box.Y0 = math.Min(l.box.Y0, g.box.Y0)
		l.box.X1 = math.Max(l.box.X1, g.box.X1)
		l.box.Y1 = math.Max(l.box.Y1, g.box.Y1)
	}
	l.h = median(hs)
	if l.h <= 0 {
		l.h = 1
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// sameBaseline reports whether two glyphs sit on one line: their vertical
// centres within half the taller's height.
func sameBaseline(a, b rect) bool {
	h := math.Max(a.h(), b.h())
	return math.Abs((a.Y0+a.Y1)/2-(b.Y0+b.Y1)/2) <= h/2 && b.X0 >= a.X0-h
}

// overlap is the share of the smaller box that two boxes have in common.
func overlap(a, b rect) float64 {
	w := math.Min(a.X1, b.X1) - math.Max(a.X0, b.X0)
	h := math.Min(a.Y1, b.Y1) - math.Max(a.Y0, b.Y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	small := math.Min(a.w()*a.h(), b.w()*b.h())
	if small <= 0 {
		return 0
	}
	return w * h / small
}

var (
	// reMarker is a list marker alone: "1.", "5.6", "a)", "(iv)", "•".
	reMarker = regexp.MustCompile(`^(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]{1,2}|[ivxlcIVXLC]{1,6})[.)]?|[•·▪◦‣●○■□\-–])$`)
	// reStartsMarker is a line that opens a list item, as nlp.Parse reads
	// them.
	reStartsMarker = regexp.MustCompile(`^(?:[•·▪◦‣●○■□\-–]\s*)?(?:(?:Initiative|Iniciativa)s?\s+\d{1,4}|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.|\(?(?:[a-z]{1,2}|[ivx]{1,5})[.)])(?:\s|$)|^[•·▪◦‣●○■□]\s`)
	rePageNumber   = regexp.MustCompile(`^(?i:(?:page|página|pagina|pág\.?|p\.)\s*)?[-–—]?\s*\d{1,4}\s*(?:(?i:of|de|sur|/)\s*\d{1,4})?\s*[-–—]?$`)
	reURL          = regexp.MustCompile(`^(?i:(?:https?|file)://\S+|www\.\S+)$`)
	reDateTime     = regexp.MustCompile(`^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?i:[ap]\.?m\.?)?$`)
	reDigits       = regexp.MustCompile(`\d+`)
)

func isMarker(t string) bool { return reMarker.MatchString(strings.TrimSpace(t)) }

// dropRunning drops the running headers and footers of a document: in the
// top or bottom tenth of a page, a page number, a browser's date or
// address, or a line that recurs (digits aside) on other pages.
func dropRunning(pages [][]*line, sizes []pdfPage, title string) {
	title = strings.Join(strings.Fields(title), " ")
	key := func(t string) string {
		return strings.Join(strings.Fields(strings.ToLower(reDigits.ReplaceAllString(t, "#"))), " ")
	}
	inBand := func(l *line, pg pdfPage) bool {
		return l.box.Y1 <= pg.H*0.1 || l.box.Y0 >= pg.H*0.9
	}
	seen := map[string]map[int]bool{}
	for i, ls := range pages {
		for _, l := range ls {
			if inBand(l, sizes[i]) {
				k := key(l.text())
				if seen[k] == nil {
					seen[k] = map[int]bool{}
				}
				seen[k][i] = true
			}
		}
	}
	for i, ls := range pages {
		for _, l := range ls {
			if !inBand(l, sizes[i]) {
				continue
			}
			t := l.text()
			n := len(seen[key(t)])
			if rePageNumber.MatchString(t) || reURL.MatchString(t) || reDateTime.MatchString(t) || (n >= 2 && n*2 >= len(pages)) ||
				(title != "" && strings.Join(strings.Fields(t), " ") == title) {
				l.drop = true
			}
		}
	}
}

// linkStats counts a line's glyphs, those in links, its links and its
// breadcrumb separators.
func linkStats(l *line) (chars, linked, links, seps int) {
	seen := map[int]bool{}
	for _, g := range l.gs {
		if g.r == ' ' {
			continue
		}
		if g.r == '>' || g.r == '»' || g.r == '›' || g.r == '|' {
			seps++
			continue
		}
		chars++
		if g.link > 0 {
			linked++
			seen[g.link] = true
		}
	}
	return chars, linked, len(seen), seps
}

// navigation reports whether a line is a menu or a breadcrumb trail:
// mostly links.
func navigation(l *line) bool {
	chars, linked, links, seps := linkStats(l)
	return (links >= 3 && linked*4 >= chars*3) || (links >= 2 && seps >= 2 && chars < 200)
}

// menu reports whether a block is a menu: three links or more, and most
// of its text in links.
func menu(b *block) bool {
	chars, linked := 0, 0
	links := map[int]bool{}
	for _, l := range b.lines {
		for _, g := range l.gs {
			if g.r == ' ' {
				continue
			}
			chars++
			if g.link > 0 {
				linked++
				links[g.link] = true
			}
		}
	}
	return len(links) >= 3 && linked*4 >= chars*3
}

// loneLink reports whether a line is a short link and nothing else.
func loneLink(l *line) bool {
	chars, linked, links, _ := linkStats(l)
	return links >= 1 && linked == chars && len(strings.Fields(l.text())) <= 4
}

// pageBlocks groups a page's lines, in content order, into blocks.
func pageBlocks(lines []*line) []*block {
	var out []*block
	var cur *block
	for _, l := range lines {
		if cur != nil {
			last := cur.lines[len(cur.lines)-1]
			h := math.Max(last.h, l.h)
			below := l.box.Y0 >= last.box.Y0+0.3*h
			close := l.box.Y0-last.box.Y1 <= 0.6*h
			xo := l.box.X0 < cur.box.X1 && l.box.X1 > cur.box.X0
			if below && close && xo {
				cur.lines = append(cur.lines, l)
				cur.box = union(cur.box, l.box)
				continue
			}
		}
		cur = &block{lines: []*line{l}, box: l.box}
		out = append(out, cur)
	}
	return out
}

func union(a, b rect) rect {
	return rect{math.Min(a.X0, b.X0), math.Min(a.Y0, b.Y0), math.Max(a.X1, b.X1), math.Max(a.Y1, b.Y1)}
}

// maxBlocks and maxLinks bound the work on a page: past them (no page of
// text has so many), columns and links are not looked for.
const (
	maxBlocks = 400
	maxLinks  = 2000
)

// order puts blocks in reading order.
func order(bs []*block, unit float64) []*block {
	if len(bs) == 0 {
		return nil
	}
	region := bs[0].box
	for _, b := range bs {
		region = union(region, b.box)
	}
	g0, g1, ok := gutter(bs, unit)
	if !ok {
		left, right := math.Inf(1), math.Inf(-1)
		for _, b := range bs {
			left = math.Min(left, b.box.X0)
			right = math.Max(right, b.box.X1)
		}
		out := append([]*block(nil), bs...)
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i].box, out[j].box
			if a.Y1 <= b.Y0 || b.Y1 <= a.Y0 || math.Abs(a.Y0-b.Y0) > 0.5*math.Min(a.h(), b.h()) {
				return a.Y0 < b.Y0
			}
			return a.X0 < b.X0
		})
		for _, b := range out {
			b.left, b.right = left, right
		}
		return out
	}
	sorted := append([]*block(nil), bs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].box.Y0 < sorted[j].box.Y0 })
	var out, band []*block
	flush := func() {
		var l, r []*block
		for _, b := range band {
			if b.box.X1 <= g0 {
				l = append(l, b)
			} else {
				r = append(r, b)
			}
		}
		out = append(out, order(l, unit)...)
		out = append(out, order(r, unit)...)
		band = nil
	}
	for _, b := range sorted {
		if b.box.X0 < g1 && b.box.X1 > g0 {
			// A block across the columns (a title, a footer) spans the
			// region.
			flush()
			b.left, b.right = region.X0, region.X1
			out = append(out, b)
			continue
		}
		band = append(band, b)
	}
	flush()
	return out
}

// gutter finds the widest vertical strip (at least a character wide) that
// splits blocks into columns standing side by side; blocks crossing it (a
// title, a footer) may hold no more than a third of the lines.
func gutter(bs []*block, unit float64) (g0, g1 float64, ok bool) {
	if len(bs) < 2 || len(bs) > maxBlocks {
		return 0, 0, false
	}
	var xs []float64
	total := 0
	for _, b := range bs {
		xs = append(xs, b.box.X0, b.box.X1)
		total += len(b.lines)
	}
	sort.Float64s(xs)
	best := -1.0
	for i := 0; i+1 < len(xs); i++ {
		a, b := xs[i], xs[i+1]
		if b-a < math.Max(unit, 1) {
			continue
		}
		crossing := 0
		var left, right []*block
		for _, bl := range bs {
			switch {
			case bl.box.X1 <= a:
				left = append(left, bl)
			case bl.box.X0 >= b:
				right = append(right, bl)
			default:
				crossing += len(bl.lines)
			}
		}
		if len(left) == 0 || len(right) == 0 || crossing*3 > total {
			continue
		}
		// Columns stand side by side: some block on the left overlaps
		// some block on the right vertically.
		side := false
		for _, l := range left {
			for _, r := range right {
				if l.box.Y0 < r.box.Y1 && r.box.Y0 < l.box.Y1 {
					side = true
					break
				}
			}
			if side {
				break
			}
		}
		if side && b-a > best {
			best, g0, g1, ok = b-a, a, b, true
		}
	}
	return g0, g1, ok
}

// layoutDoc lays out every page of a document into paragraphs; it stops
// with the context's error.
func layoutDoc(ctx context.Context, doc *pdfDoc) ([]laidPage, error) {
	out := make([]laidPage, len(doc.Pages))
	pages := make([][]*line, len(doc.Pages))
	for i := range doc.Pages {
		pages[i], out[i].chars, out[i].bad = pageLines(&doc.Pages[i])
	}
	dropRunning(pages, doc.Pages, doc.Title)
	for i, ls := range pages {
		kept := ls[:0]
		for _, l := range ls {
			if !l.drop && !navigation(l) {
				kept = append(kept, l)
			}
		}
		pages[i] = kept
	}
	j := newJoiner(pages)
	var prev *para   // the last paragraph, on this page or an earlier one
	var prevB *block // its block
	prevPage := -1
	for i, ls := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		unit := charWidth(ls)
		var bs []*block
		for _, b := range pageBlocks(ls) {
			if (len(b.lines) == 1 && loneLink(b.lines[0])) || menu(b) {
				continue
			}
			bs = append(bs, b)
		}
		for _, b := range order(bs, unit) {
			for k, l := range b.lines {
				t := l.text()
				if k == 0 && prev != nil {
					// A paragraph cut by a column or page break goes on:
					// the new block starts higher than the last one ended
					// (or on a new page) and reads on from it.
					// A page number left in the middle of a page (a printed
					// copy's "- 2 -" between the parts of a paragraph, kept by
					// whoever made the PDF) is no paragraph to go on with: the
					// parser skips it as it does in text.
					flow := i != prevPage || b.box.Y0 < prevB.box.Y0
					if !endsSentence(prev.text) && !reStartsMarker.MatchString(t) && !rePageNumber.MatchString(prev.text) && continues(prev.text, t, flow) {
						prev.text = j.join(prev.text, t)
						prevB = b
						prevPage = i
						continue
					}
				}
				if k == 0 || (reStartsMarker.MatchString(t) && !midSentence(prev.text, t)) {
					prev = &para{page: i, indent: indentOf(l, b, unit), text: t}
					out[i].paras = append(out[i].paras, prev)
					prevB, prevPage = b, i
					continue
				}
				if broken(b.lines[k-1], l, b.right) {
					// A line of its own, with its own indent.
					prev.text += "\n" + strings.Repeat(" ", indentOf(l, b, unit)) + t
					continue
				}
				prev.text = j.join(prev.text, t)
			}
		}
	}
	return out, nil
}

// indentOf is a line's offset from its column's left edge in character
// widths.
func indentOf(l *line, b *block, unit float64) int {
	if unit <= 0 {
		return 0
	}
	return min(max(int(math.Round((l.box.X0-b.left)/unit)), 0), 40)
}

// broken reports whether the line before l was broken short: the first
// word of l would have fit on it before the column's right edge, or l is
// a word in capitals under a line in lower case ("MANDATES" under its
// theme).
func broken(prev, l *line, right float64) bool {
	if pt := prev.text(); strings.HasSuffix(pt, "-") && !strings.HasSuffix(pt, " -") {
		return false // hyphenated: wrapped, not broken ("- 3 -" is a page number)
	}
	if t := l.text(); upperWord(t) && !upperWord(prev.text()) {
		return true
	}
	end := l.box.X1
	for _, g := range l.gs {
		if g.r == ' ' {
			break
		}
		end = g.box.X1
	}
	return prev.box.X1+0.5*l.h+(end-l.box.X0) < right
}

// continues reports whether line t goes on with the unfinished paragraph
// p in a new block: it starts in lower case, or, across a column or page
// break, p stops on a word in lower case.
func continues(p, t string, flow bool) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsLower(r) {
		return true
	}
	if !flow {
		return false
	}
	f := strings.Fields(p)
	if len(f) == 0 {
		return false
	}
	lr, _ := utf8.DecodeRuneInString(f[len(f)-1])
	return unicode.IsLower(lr)
}

// midSentence reports whether a line that starts like a list item goes on
// with the sentence before it ("Article" "17.1 of the Charter"): the
// paragraph stops mid-sentence and the line goes on in lower case or with
// a figure.
func midSentence(p, t string) bool {
	if endsSentence(p) {
		return false
	}
	m := reStartsMarker.FindString(t)
	rest := strings.TrimSpace(t[len(m):])
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

// upperWord reports whether t is one word of capital letters.
func upperWord(t string) bool {
	n := 0
	for _, r := range t {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 3
}

// charWidth is the median width of a page's characters: the unit of
// indentation.
func charWidth(ls []*line) float64 {
	var ws []float64
	for _, l := range ls {
		for _, g := range l.gs {
			if g.r != ' ' && g.box.w() > 0 {
				ws = append(ws, g.box.w())
			}
		}
	}
	return median(ws)
}

// render writes the paragraphs, a blank line between two, and returns the
// line on which each page starts.
func render(pages []laidPage) ([]byte, []int) {
	var b strings.Builder
	starts := make([]int, len(pages))
	ln := 1 // the line being written
	for i, p := range pages {
		starts[i] = -1
		for _, pa := range p.paras {
			if ln > 1 {
				b.WriteString("\n")
				ln++
			}
			if starts[i] < 0 {
				starts[i] = ln
			}
			b.WriteString(strings.Repeat(" ", pa.indent))
			b.WriteString(pa.text) // its further lines carry their own indent
			b.WriteString("\n")
			ln += 1 + strings.Count(pa.text, "\n")
		}
	}
	next := ln
	for i := len(starts) - 1; i >= 0; i-- {
		if starts[i] < 0 {
			starts[i] = next
		}
		next = starts[i]
	}
	return []byte(b.String()), starts
}

package nlp

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func (dp *docParser) setHeading(text, number string, major bool) {
	if major {
		dp.section, dp.majorNum, dp.minorNum = text, number, ""
	} else {
		dp.minorNum = number
	}
	dp.heading = text
	if dp.p.Heading == "" {
		dp.p.Heading = text
	}
	dp.scope++
	if number != "" {
		dp.numScope = dp.scope
		dp.body = true // a numbered heading: the preamble is over
	} else if major {
		dp.numScope = 0
	}
	dp.lastTop, dp.last, dp.lastPre, dp.initiative = nil, nil, -1, nil
}

func (dp *docParser) headingNumber() string {
	if dp.minorNum != "" {
		return dp.minorNum
	}
	return dp.majorNum
}

func (dp *docParser) newPara(number string, printed bool, line int, text string) *docPara {
	r := &docPara{number: number, printed: printed, line: line, lines: strings.Split(text, "\n"),
		section: dp.section, heading: dp.heading, numScope: dp.numScope, headingNum: dp.headingNumber(), scope: dp.scope}
	if dp.section == dp.heading {
		r.section = ""
	}
	dp.paras = append(dp.paras, r)
	dp.last, dp.lastPre = r, -1
	return r
}

// numbered reads a numbered paragraph, and the paragraphs run together
// with it on its lines ("1. Encomendar … 2. Fortalecer …").
func (dp *docParser) numbered(number string, line int, text string) {
	dp.body, dp.initiative = true, nil
	lead, parts := runTogether(text, line, dp.expected(number), true)
	r := dp.newPara(number, true, line, lead)
	dp.lastTop = r
	if n, err := strconv.Atoi(number); err == nil {
		dp.lastPrinted = n
	}
	for _, pt := range parts {
		dp.numbered(pt.number, pt.line, pt.text)
	}
}

// expected are the numbers a paragraph run together after one numbered
// number may have: the next one.
func (dp *docParser) expected(number string) []int {
	if n, err := strconv.Atoi(number); err == nil {
		return []int{n + 1}
	}
	return nil
}

// text reads a block without a number: preambular text, the rest of a
// paragraph cut by a page break, an item, or a paragraph whose number was
// lost.
func (dp *docParser) text(b *block) {
	text := b.text()
	line := b.lines[0].no
	if b.number == "" && !b.bullet {
		if lead, parts := runTogether(text, line, dp.firsts(), false); len(parts) > 0 {
			switch {
			case strings.HasSuffix(lead, ":"):
				// "… nos comprometemos a desarrollar las siguientes
				// acciones:" leads in to the paragraphs run together
				// after it.
				dp.preamble(line, lead)
			case strings.TrimSpace(lead) != "":
				dp.unnumberedText(&block{lines: b.lines[:1], rest: lead}, lead, line)
			}
			for _, pt := range parts {
				dp.numbered(pt.number, pt.line, pt.text)
			}
			return
		}
	}
	dp.unnumberedText(b, text, line)
}

// firsts are the numbers a run of paragraphs in running text may start
// with: 1, or the one after the last paragraph.
func (dp *docParser) firsts() []int {
	if dp.lastPrinted > 0 {
		return []int{1, dp.lastPrinted + 1}
	}
	return []int{1}
}

func (dp *docParser) unnumberedText(b *block, text string, line int) {
	// The rest of the text before it, cut by a page break or a blank line;
	// not a new preambular clause ("CONSIDERANDO:").
	if !b.bullet && !preambular(text) && !allCaps(b.first()) {
		switch {
		case dp.lastPre >= 0 && goesOn(dp.lastPreLine, text):
			dp.preLines[dp.lastPre] = append(dp.preLines[dp.lastPre], text)
			dp.lastPreLine = lastLineOf(text)
			return
		case dp.lastPre < 0 && dp.last != nil && goesOn(dp.last.lastLine(), text):
			dp.last.lines = append(dp.last.lines, strings.Split(text, "\n")...)
			return
		}
	}
	// An initiative's text goes on up to its lead-in ("Governments
	// will:"); its bullets, and what follows the lead-in, are its items.
	if in := dp.initiative; in != nil && dp.lastTop == in && in.items == 0 && !b.bullet && !strings.HasSuffix(strings.TrimSpace(in.lastLine()), ":") {
		in.lines = append(append(in.lines, ""), strings.Split(text, "\n")...)
		dp.last, dp.lastPre = in, -1
		return
	}
	if !dp.body && dp.numbers || preambular(text) || leadIn(text) {
		dp.preamble(line, text)
		return
	}
	dp.body = true
	// An item of the paragraph above: under a paragraph that ends with a
	// colon, or after an item that ends as a list's item does.
	if top := dp.lastTop; top != nil {
		lastItem := dp.last != nil && dp.last.parent == top
		if b.bullet || strings.HasSuffix(strings.TrimSpace(top.lastLine()), ":") && (!lastItem || !endsFull(dp.last.lastLine())) ||
			lastItem && !endsFull(dp.last.lastLine()) {
			dp.item(b, "", false)
			return
		}
	}
	r := dp.newPara("", false, line, text)
	dp.lastTop = r
}

// endsFull reports whether a paragraph ends with a full stop, not as a
// list's item does (";", ",", ":").
func endsFull(t string) bool {
	t = strings.TrimRightFunc(t, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?”\"’»…)", r)
}

func lastLineOf(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// leadIn reports whether a short line introduces what follows: "Governments
// will:", "Les gouvernements:".
func leadIn(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasSuffix(t, ":") && !strings.Contains(t, "\n") && len(strings.Fields(t)) <= 12
}

// textBlock is text at a line under the headings in force.
func (dp *docParser) textBlock(line int, text string) TextBlock {
	tb := TextBlock{Line: line, Section: dp.section, Heading: dp.heading, Text: text}
	if tb.Section == tb.Heading {
		tb.Section = ""
	}
	return tb
}

func (dp *docParser) preamble(line int, text string) {
	dp.d.Preamble = append(dp.d.Preamble, dp.textBlock(line, ""))
	dp.preLines = append(dp.preLines, []string{text})
	dp.lastPreLine = lastLineOf(text)
	dp.lastPre = len(dp.d.Preamble) - 1
	dp.last = nil
}

// item reads an item of the last paragraph: lettered, or unnumbered (a
// bullet, or a list's line whose bullet was lost), numbered by its place.
func (dp *docParser) item(b *block, letter string, printed bool) {
	dp.body = true
	top := dp.lastTop
	text := b.text()
	if top == nil {
		r := dp.newPara(letter, printed, b.lines[0].no, text)
		r.lettered = printed
		dp.lastTop = r
		return
	}
	top.items++
	number := letter
	if !printed {
		number = strconv.Itoa(top.items)
	}
	r := dp.newPara(number, printed, b.lines[0].no, text)
	r.lettered, r.parent = printed, top
}

// runPart is a paragraph found run together in a line.
type runPart struct {
	number string
	line   int
	text   string
}

// reRunMarker is a paragraph's number inside running text: after the end
// of a sentence or a colon, before a capital ("acciones: 1. Encomendar").
var reRunMarker = regexp.MustCompile(`(?:^|[.:;!?…)”"»](?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?)\s+(\d{1,3})\.\s+\p{Lu}`)

// runTogether finds paragraphs printed on the lines of one text: numbers
// that follow on from one of firsts, one after another ("1. … 2. … 3.").
// A single one counts only after a colon, or when single is set (in a
// numbered paragraph, the number after its own). It returns the text
// before the first and the paragraphs; text's first line is line.
func runTogether(text string, line int, firsts []int, single bool) (string, []runPart) {
	if len(firsts) == 0 || !strings.Contains(text, ". ") {
		return text, nil
	}
	ms := reRunMarker.FindAllStringSubmatchIndex(text, -1)
	if len(ms) == 0 {
		return text, nil
	}
	type marker struct{ at, n int }
	var chain []marker
	colon := false
	for _, m := range ms {
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		if len(chain) == 0 {
			for _, f := range firsts {
				if n == f {
					chain = append(chain, marker{m[2], n})
					colon = strings.Contains(text[m[0]:m[2]], ":")
					break
				}
			}
			continue
		}
		if n == chain[len(chain)-1].n+1 {
			chain = append(chain, marker{m[2], n})
		}
	}
	if len(chain) == 0 || len(chain) == 1 && !colon && !single {
		return text, nil
	}
	lead := strings.TrimRightFunc(text[:chain[0].at], unicode.IsSpace)
	var parts []runPart
	ln, pos := line, 0
	for k, mk := range chain {
		end := len(text)
		if k+1 < len(chain) {
			end = chain[k+1].at
		}
		ln += strings.Count(text[pos:mk.at], "\n")
		pos = mk.at
		body := text[mk.at:end]
		body = strings.TrimRightFunc(body[strings.IndexByte(body, '.')+1:], unicode.IsSpace)
		parts = append(parts, runPart{number: strconv.Itoa(mk.n), line: ln, text: trimSpace(body)})
	}
	return lead, parts
}

// firstChain reports whether a text holds paragraphs run together from 1.
func firstChain(text string) bool {
	_, parts := runTogether(text, 1, []int{1}, false)
	return len(parts) > 0
}

// finish numbers the paragraphs whose numbers were not printed, builds
// the page's paragraphs and says what could not be established.
func (dp *docParser) finish() {
	dp.numberByPosition()
	p, d := dp.p, dp.d
	for i, ls := range dp.preLines {
		d.Preamble[i].Text = strings.Join(ls, "\n")
	}
	var cite Citation
	if d.Summit != nil {
		cite = Citation{Summit: d.Summit, Title: d.Title, Year: d.Year}
	}
	for _, r := range dp.paras {
		if r.merged {
			continue
		}
		r.index = len(p.Paragraphs)
		para := &Paragraph{Number: r.number, Text: strings.Join(r.lines, "\n"), Cite: cite, Line: r.line,
			Heading: r.heading, Section: r.section, Parent: -1, Unnumbered: !r.printed, Title: r.title}
		if r.parent != nil {
			para.Parent = r.parent.index
			p.Paragraphs[para.Parent].Items = append(p.Paragraphs[para.Parent].Items, r.index)
		}
		if !r.printed {
			dp.unnumbered = append(dp.unnumbered, r.line)
		}
		p.Paragraphs = append(p.Paragraphs, para)
	}
	p.Language = pageLanguage(p)
	for _, para := range p.Paragraphs {
		para.Language = paragraphLanguage(para.Text, p.Language)
	}
	dp.warn()
}

// numberByPosition gives the paragraphs whose number was not printed one
// by their place: "1.2" for the second under a numbered heading "1." that
// numbers none of its paragraphs; the missing numbers between two printed
// ones ("14", "15" lost, "16"); the next numbers after the last one. When
// the printed numbers leave no room ("14", text, "15"), the text is the
// rest of the paragraph before it and joins it.
func (dp *docParser) numberByPosition() {
	var tops []*docPara
	printedUnder := map[int]bool{}
	for _, r := range dp.paras {
		if r.parent == nil {
			tops = append(tops, r)
			if r.printed && !r.lettered && !r.title {
				printedUnder[r.numScope] = true
			}
		}
	}
	underHeading := map[int]int{}
	for i := 0; i < len(tops); {
		r := tops[i]
		if r.printed {
			i++
			continue
		}
		if r.numScope > 0 && !printedUnder[r.numScope] {
			underHeading[r.numScope]++
			r.number = r.headingNum + "." + strconv.Itoa(underHeading[r.numScope])
			i++
			continue
		}
		j := i
		for j < len(tops) && !tops[j].printed && !(tops[j].numScope > 0 && !printedUnder[tops[j].numScope]) {
			j++
		}
		prev := -1 // the number before the run; 0 at the start
		if i == 0 {
			prev = 0
		} else if n, err := strconv.Atoi(tops[i-1].number); err == nil {
			prev = n
		}
		next := -1 // the number after it, when it goes on from prev
		if j < len(tops) {
			if n, err := strconv.Atoi(tops[j].number); err == nil && n > prev {
				next = n
			}
		}
		run := tops[i:j]
		switch {
		case prev >= 0 && (next < 0 || next-prev-1 >= len(run)):
			for k, x := range run {
				x.number = strconv.Itoa(prev + 1 + k)
			}
		default:
			for k, x := range run {
				if i > 0 && x.scope == tops[i-1].scope && x.items == 0 {
					into := tops[i-1]
					into.lines = append(append(into.lines, ""), x.lines...)
					x.merged = true
					continue
				}
				x.number = strconv.Itoa(i + k + 1)
			}
		}
		i = j
	}
}

// warn says what the parser kept but could not establish, with where.
func (dp *docParser) warn() {
	p, d := dp.p, dp.d
	add := func(line int, format string, args ...any) {
		p.Warnings = append(p.Warnings, Warning{File: dp.name, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	if len(dp.notes) > 0 {
		add(dp.notes[0], "%s before the title block %s not the document's (a note, a draft's remark): kept as notes, not as paragraphs", count(len(dp.notes), "block of text", "blocks of text"), isAre(len(dp.notes)))
	}
	if len(dp.nav) > 0 {
		add(dp.nav[0], "%s of a site's navigation skipped", count(len(dp.nav), "block", "blocks"))
	}
	if d.Summit == nil {
		add(d.Line, "title block %q: %s; its %s kept without a summit", clip(d.Title, 60), d.Problem, count(len(p.Paragraphs), "paragraph is", "paragraphs are"))
	}
	for _, l := range dp.toc {
		add(l, "a table of contents skipped")
	}
	if len(dp.footnotes) > 0 {
		add(dp.footnotes[0], "%s kept as notes, not as paragraphs", count(len(dp.footnotes), "footnote", "footnotes"))
	}
	if len(dp.unnumbered) > 0 {
		add(dp.unnumbered[0], "%s no printed number (or lost it in extraction): numbered by place and flagged", count(len(dp.unnumbered), "paragraph has", "paragraphs have"))
	}
	if n := len(p.Paragraphs); n > 0 {
		if last := p.Paragraphs[n-1]; !endsSentence(last.Text) {
			last.Truncated = true
			add(last.Line, "paragraph %s is cut off", numberOr(last.Number))
		}
	} else {
		add(0, "no paragraphs found")
	}
}

// count is "1 block" or "3 blocks".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

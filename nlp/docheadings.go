package nlp

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleBlock is where a document's title block is: blocks[first] to
// blocks[last], up to line lastLine of blocks[last], with its clue lines.
type titleBlock struct {
	first, last, lastLine int
	lines                 []titleLine
}

// findTitleBlock looks for the title block before a file's first
// paragraph or preamble: lines that read as a title block's, at least one
// naming the document or its summit. Supporting lines (a place, a date)
// after it belong to it when they are within a few blocks of the last
// one; further down only a line naming the document or its summit does.
func (c *Catalog) findTitleBlock(blocks []*block) *titleBlock {
	head := headLines(blocks)
	if len(head) == 0 {
		return nil
	}
	tls := c.titleLines(head)
	// A block of many short lines most of which say nothing of a summit
	// is a site's menu, even when some do ("I Cúpula (Miami, 1994)", "II
	// Cúpula (Santiago, 1998)").
	menuish := map[int]bool{}
	for bi, b := range blocks {
		if bi > head[len(head)-1].bi {
			break
		}
		if !shortLines(b) {
			continue
		}
		titled := 0
		for k, h := range head {
			if h.bi == bi && tls[k] != nil {
				titled++
			}
		}
		if 2*titled < len(b.lines) {
			menuish[bi] = true
			b.nav = true
		}
	}
	var tb *titleBlock
	var pending []titleLine // supporting lines of the current block before a primary one
	block := -1
	for k, h := range head {
		tl := tls[k]
		if h.bi != block {
			block, pending = h.bi, pending[:0]
		}
		switch {
		case tl == nil || menuish[h.bi]:
			continue
		case tb == nil && !tl.primary:
			pending = append(pending, *tl)
			continue
		case tb == nil:
			tb = &titleBlock{first: h.bi}
			tb.lines = append(tb.lines, pending...)
			pending = pending[:0]
		case !tl.primary && h.bi-tb.last > 3:
			continue
		}
		tb.lines = append(tb.lines, *tl)
		tb.last, tb.lastLine = h.bi, h.li
	}
	return tb
}

// shortLines reports whether a block is four lines or more of a few words
// each, none ending a sentence: a menu, or a title block.
func shortLines(b *block) bool {
	if len(b.lines) < 4 || b.number != "" || b.lettered {
		return false
	}
	for _, l := range b.lines {
		if len(strings.Fields(l.text)) > 6 || utf8.RuneCountInString(l.text) > 50 || strings.ContainsAny(l.text[len(l.text)-1:], ".;:!?") {
			return false
		}
	}
	return true
}

var (
	// A roman-numbered heading: "I. PRESERVING DEMOCRACY", "II.1 Health
	// and Education", "IV - Prosperity".
	reRomanHeading = regexp.MustCompile(`^([IVX]{1,6}(?:\.\d{1,3}){0,2})(\.|\)|\s*[-–—:])?\s+(\S.*)$`)
	// A capital letter heading: "A. Reinforcement of Democratic Governance".
	reLetterHeading = regexp.MustCompile(`^([A-Z])[.)]\s+(\S.*)$`)
	// A chapter heading: "CHAPTER I", "Capítulo 2: …".
	reChapter = regexp.MustCompile(`(?i)^(?:chapter|cap[ií]tulo|chapitre|part|parte|partie|section|secci[oó]n|se[cç][aã]o|title|t[ií]tulo|titre)\s+([IVXLC]{1,6}|\d{1,3})\b`)
	// tocTitles are the titles of a table of contents, normalized.
	tocTitles = words(`tableofcontents contents indice contenido contenidos tabledesmatieres sommaire sumario`)
)

// romanHeading reads a roman-numbered heading: its number and whether it
// is a sub-section ("II.1").
func romanHeading(t string) (number string, sub, ok bool) {
	m := reRomanHeading.FindStringSubmatch(t)
	if m == nil || roman(strings.ToLower(strings.SplitN(m[1], ".", 2)[0])) == 0 {
		return "", false, false
	}
	rest := m[3]
	if m[2] == "" && !allCaps(rest) {
		return "", false, false // "I am", "VI Summit" in running text
	}
	if len(strings.Fields(rest)) > 25 || strings.HasSuffix(rest, ";") || strings.HasSuffix(rest, ",") {
		return "", false, false
	}
	if !allCaps(rest) && endsSentence(rest) && !strings.HasSuffix(rest, ":") {
		return "", false, false
	}
	return m[1], strings.Contains(m[1], "."), true
}

// numberedHeading reports whether a line is a roman, lettered or chapter
// heading: where a document's body begins.
func numberedHeading(t string) bool {
	if _, _, ok := romanHeading(t); ok {
		return true
	}
	if letterHeading(t) {
		return true
	}
	return reChapter.MatchString(t)
}

func letterHeading(t string) bool {
	m := reLetterHeading.FindStringSubmatch(t)
	return m != nil && shortTitle(m[2], 25)
}

// shortTitle reports whether text reads as a title: at most n words,
// starting with a capital, not ending as a sentence or a clause does.
func shortTitle(text string, n int) bool {
	f := strings.Fields(text)
	if len(f) == 0 || len(f) > n {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	// A title does not end with a word a sentence goes on from ("1. We
	// act for the", cut by a page break).
	return !strings.ContainsRune(".;:,!?)”\"’»…", last) && !joinWords[normWords(f[len(f)-1])]
}

// allCaps reports whether text has three letters or more and no lower-case
// one.
func allCaps(text string) bool {
	n := 0
	for _, r := range text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 3
}

// titleCase reports whether a short line is a heading in title case:
// "Natural Disasters", "Processos e Procedimentos Eleitorais".
func titleCase(text string) bool {
	if !shortTitle(text, 10) {
		return false
	}
	long, caps := 0, 0
	for _, w := range strings.Fields(text) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return long > 0 && 2*caps >= long
}

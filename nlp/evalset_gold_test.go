package nlp

// The evaluation set in testdata/eval stands in for the real summit
// documents and compilation pages the project is judged on. This test checks
// only that its gold annotation agrees with the files it describes (every
// paragraph, item, mention and link is where gold.json says it is, and every
// id is in the catalogs); it does not run the parser. See
// testdata/eval/README.md.

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"summitgraph/seeds"
)

const evalSetDir = "testdata/eval"

type evalSetMention struct {
	Surface      string `json:"surface"`
	Entity       *string
	Kind         string `json:"kind"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Line         int    `json:"line"`
	Uncatalogued string `json:"uncatalogued"`
}

type evalSetItem struct {
	Position   int              `json:"position"`
	Marker     string           `json:"marker"`
	Line       int              `json:"line"`
	FirstWords string           `json:"first_words"`
	Start      int              `json:"start"`
	Citation   *string          `json:"citation"`
	Summit     *string          `json:"summit"`
	Mentions   []evalSetMention `json:"mentions"`
}

// evalSetUnit is a document paragraph, a preamble or a page's mandate.
type evalSetUnit struct {
	Index       int              `json:"index"`
	Number      *string          `json:"number"`
	Marker      *string          `json:"marker"`
	Numbered    bool             `json:"numbered"`
	Line        int              `json:"line"`
	FirstWords  string           `json:"first_words"`
	Start       int              `json:"start"`
	Section     *string          `json:"section"`
	SectionLine int              `json:"section_line"`
	Mentions    []evalSetMention `json:"mentions"`
	Items       []evalSetItem    `json:"items"`
	Citation    *string          `json:"citation"`
	Summit      *string          `json:"summit"`
}

type evalSetFile struct {
	File               string        `json:"file"`
	Type               string        `json:"type"`
	Language           string        `json:"language"`
	Summit             *string       `json:"summit"`
	UnattributedReason string        `json:"unattributed_reason"`
	Kind               *string       `json:"kind"`
	Title              *string       `json:"title"`
	TitleLine          *int          `json:"title_line"`
	TitleBlockSummits  []string      `json:"title_block_summits"`
	Theme              string        `json:"theme"`
	ThemeLine          int           `json:"theme_line"`
	Preamble           *evalSetUnit  `json:"preamble"`
	Paragraphs         []evalSetUnit `json:"paragraphs"`
	Mandates           []evalSetUnit `json:"mandates"`
	NotParagraphs      []struct {
		Line int    `json:"line"`
		Text string `json:"text"`
	} `json:"not_paragraphs"`
	FootnoteMarkers []struct {
		Marker  string `json:"marker"`
		GluedTo string `json:"glued_to"`
		Line    int    `json:"line"`
	} `json:"footnote_markers"`
}

type evalSetRef struct {
	File      string `json:"file"`
	Paragraph int    `json:"paragraph"`
	Item      *int   `json:"item"`
}

type evalSetGold struct {
	Version    int           `json:"version"`
	Files      []evalSetFile `json:"files"`
	Alignments struct {
		Translations []struct {
			Set    string            `json:"set"`
			Summit string            `json:"summit"`
			Files  map[string]string `json:"files"`
			Rows   []map[string]int  `json:"rows"`
		} `json:"translations"`
		Quotes []struct {
			Page          string  `json:"page"`
			Mandate       int     `json:"mandate"`
			Item          *int    `json:"item"`
			Document      *string `json:"document"`
			Paragraph     *int    `json:"paragraph"`
			DocumentItem  *int    `json:"document_item"`
			DocumentPart  *string `json:"document_part"`
			Match         *string `json:"match"`
			TranslationOf *struct {
				Document  string `json:"document"`
				Paragraph int    `json:"paragraph"`
			} `json:"translation_of"`
		} `json:"quotes"`
		Renews struct {
			Document string `json:"document"`
			Links    []struct {
				From     evalSetRef   `json:"from"`
				Targets  []evalSetRef `json:"targets"`
				Strength string       `json:"strength"`
			} `json:"links"`
			RenewingParagraphs    []int `json:"renewing_paragraphs"`
			NotRenewingParagraphs []int `json:"not_renewing_paragraphs"`
			Negatives             []struct {
				From evalSetRef `json:"from"`
				To   evalSetRef `json:"to"`
			} `json:"negatives"`
		} `json:"renews"`
	} `json:"alignments"`
	Counts map[string]json.RawMessage `json:"counts"`
}

// evalSetText is a file's text as code points, with its line starts.
type evalSetText struct {
	runes []rune
	lines []int // offset of the first code point of each line
}

func newEvalSetText(s string) *evalSetText {
	t := &evalSetText{runes: []rune(s), lines: []int{0}}
	for i, r := range t.runes {
		if r == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

func (t *evalSetText) lineOf(off int) int {
	return sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off })
}

func (t *evalSetText) line(n int) string {
	if n < 1 || n > len(t.lines) {
		return ""
	}
	end := len(t.runes)
	if n < len(t.lines) {
		end = t.lines[n] - 1
	}
	return string(t.runes[t.lines[n-1]:end])
}

// words gives the first n whitespace-separated words from off on.
func (t *evalSetText) words(off, n int) []string {
	end := min(len(t.runes), off+40*n)
	w := strings.Fields(string(t.runes[off:end]))
	return w[:min(n, len(w))]
}

func evalSetItemName(item *int) string {
	if item == nil {
		return ""
	}
	return fmt.Sprintf(" item %d", *item)
}

func evalSetNorm(s string) string { return strings.Join(strings.Fields(s), " ") }

// evalSetFold stands every non-ASCII letter for U+FFFD, so that a copy with
// damaged accents compares equal to an intact one.
func evalSetFold(s string) string {
	return strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII {
			return '\uFFFD'
		}
		return r
	}, evalSetNorm(s))
}

type evalSetCatalog struct {
	summits  map[string]int    // id → year
	entities map[string]string // id → kind
}

func loadEvalSetCatalog(t *testing.T) evalSetCatalog {
	t.Helper()
	var s struct {
		Summits []struct {
			ID   string `json:"id"`
			Year int    `json:"year"`
		} `json:"summits"`
	}
	var e struct {
		Entities []struct {
			ID   string `json:"id"`
			Kind string `json:"kind"`
		} `json:"entities"`
	}
	for name, v := range map[string]any{"summits.json": &s, "entities.json": &e} {
		b, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("seeds/%s: %v", name, err)
		}
	}
	c := evalSetCatalog{summits: map[string]int{}, entities: map[string]string{}}
	for _, x := range s.Summits {
		c.summits[x.ID] = x.Year
	}
	for _, x := range e.Entities {
		c.entities[x.ID] = x.Kind
	}
	return c
}

func loadEvalSetGold(t *testing.T) *evalSetGold {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(evalSetDir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g evalSetGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("gold.json: %v", err)
	}
	return &g
}

// evalSetChecker collects the disagreements between gold.json and the files.
type evalSetChecker struct {
	cat  evalSetCatalog
	errs []string
}

func (c *evalSetChecker) errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// textStart checks a unit's place (its marker, then its first words, at
// the stated code point and line) and returns where its text begins.
func (c *evalSetChecker) textStart(where string, txt *evalSetText, start, line int, marker *string, first string) int {
	if start < 0 || start >= len(txt.runes) {
		c.errorf("%s: start %d outside the file", where, start)
		return -1
	}
	if got := txt.lineOf(start); got != line {
		c.errorf("%s: starts on line %d, gold says %d", where, got, line)
	}
	off := start
	if marker != nil {
		m := []rune(*marker)
		if off+len(m) > len(txt.runes) || string(txt.runes[off:off+len(m)]) != *marker {
			c.errorf("%s: marker %q not at line %d", where, *marker, line)
			return -1
		}
		if off > 0 && !unicode.IsSpace(txt.runes[off-1]) {
			c.errorf("%s: marker %q glued to the preceding text", where, *marker)
		}
		off += len(m)
		if off < len(txt.runes) && !unicode.IsSpace(txt.runes[off]) {
			c.errorf("%s: marker %q not followed by a space", where, *marker)
		}
		for off < len(txt.runes) && unicode.IsSpace(txt.runes[off]) {
			off++
		}
	}
	want := strings.Fields(first)
	if len(want) == 0 || len(want) > 6 {
		c.errorf("%s: first_words %q must be one to six words", where, first)
	}
	if got := txt.words(off, len(want)); strings.Join(got, " ") != strings.Join(want, " ") {
		c.errorf("%s: first words are %q, gold says %q", where, strings.Join(got, " "), first)
	}
	return off
}

func (c *evalSetChecker) mentions(where string, txt *evalSetText, lo, hi int, ms []evalSetMention) {
	prev := lo
	for _, m := range ms {
		w := fmt.Sprintf("%s mention %q", where, m.Surface)
		if m.Start < prev || m.End > hi || m.Start >= m.End {
			c.errorf("%s: [%d,%d) outside [%d,%d) or out of order", w, m.Start, m.End, prev, hi)
			continue
		}
		prev = m.End
		if got := evalSetNorm(string(txt.runes[m.Start:m.End])); got != evalSetNorm(m.Surface) {
			c.errorf("%s: the text there is %q", w, got)
		}
		if txt.lineOf(m.Start) != m.Line {
			c.errorf("%s: on line %d, gold says %d", w, txt.lineOf(m.Start), m.Line)
		}
		switch {
		case m.Entity == nil && m.Uncatalogued == "":
			c.errorf("%s: no entity and no uncatalogued name", w)
		case m.Entity != nil && c.cat.entities[*m.Entity] == "":
			c.errorf("%s: %s is not in seeds/entities.json", w, *m.Entity)
		case m.Entity != nil && c.cat.entities[*m.Entity] != m.Kind:
			c.errorf("%s: kind %s, the catalog says %s", w, m.Kind, c.cat.entities[*m.Entity])
		}
	}
}

func (c *evalSetChecker) summit(where string, id *string) {
	if id != nil {
		if _, ok := c.cat.summits[*id]; !ok {
			c.errorf("%s: summit %s is not in seeds/summits.json", where, *id)
		}
	}
}

// units checks a file's paragraphs or mandates, in order, and their items
// and mentions; it returns the code point where each unit's text begins.
func (c *evalSetChecker) units(f *evalSetFile, txt *evalSetText, units []evalSetUnit) []int {
	starts := make([]int, len(units))
	for i := range units {
		u := &units[i]
		where := fmt.Sprintf("%s unit %d", f.File, u.Index)
		if u.Index != i+1 {
			c.errorf("%s: index %d at position %d", where, u.Index, i+1)
		}
		if i > 0 && u.Start <= units[i-1].Start {
			c.errorf("%s: not after the previous unit", where)
		}
		if u.Numbered != (u.Marker != nil) || (u.Marker == nil) != (u.Number == nil) {
			c.errorf("%s: numbered, marker and number disagree", where)
		}
		if u.Marker != nil && !strings.Contains(*u.Marker, *u.Number) {
			c.errorf("%s: marker %q does not show number %q", where, *u.Marker, *u.Number)
		}
		starts[i] = c.textStart(where, txt, u.Start, u.Line, u.Marker, u.FirstWords)
		if starts[i] < 0 {
			continue
		}
		hi := len(txt.runes)
		if i+1 < len(units) {
			hi = min(hi, max(units[i+1].Start, 0))
		}
		if u.Section != nil {
			before := evalSetNorm(string(txt.runes[:u.Start]))
			if !strings.Contains(before, evalSetNorm(*u.Section)) {
				c.errorf("%s: section %q not printed before it", where, *u.Section)
			}
			if first := strings.Fields(*u.Section)[0]; u.SectionLine > u.Line || !strings.Contains(txt.line(u.SectionLine), first) {
				c.errorf("%s: section %q not on line %d", where, *u.Section, u.SectionLine)
			}
		}
		c.mentions(where, txt, starts[i], hi, u.Mentions)
		for j, it := range u.Items {
			w := fmt.Sprintf("%s item %d", where, it.Position)
			if it.Position != j+1 || it.Start <= u.Start || it.Start >= hi || (j > 0 && it.Start <= u.Items[j-1].Start) {
				c.errorf("%s: out of place or out of order", w)
			}
			marker := it.Marker
			c.textStart(w, txt, it.Start, it.Line, &marker, it.FirstWords)
			c.summit(w, it.Summit)
			if it.Citation != nil && !strings.HasSuffix(strings.TrimSpace(txt.line(it.Line)), *it.Citation) {
				c.errorf("%s: line %d does not end with its citation %q", w, it.Line, *it.Citation)
			}
			c.mentions(w, txt, it.Start, hi, it.Mentions)
		}
		if f.Type == "page" {
			c.summit(where, u.Summit)
			if u.Citation != nil && !strings.HasSuffix(strings.TrimSpace(txt.line(u.Line)), *u.Citation) {
				c.errorf("%s: line %d does not end with its citation %q", where, u.Line, *u.Citation)
			}
			if u.Summit == nil {
				c.errorf("%s: a page's mandate needs the summit its citation names", where)
			}
		}
	}
	return starts
}

// evalSetDoc is a checked file with the code points where its units begin.
type evalSetDoc struct {
	file   *evalSetFile
	txt    *evalSetText
	starts []int // [0] is the preamble's (or -1), then one per unit
}

func (d *evalSetDoc) units() []evalSetUnit {
	if d.file.Type == "page" {
		return d.file.Mandates
	}
	return d.file.Paragraphs
}

// unitText is the text of unit i (0 the preamble) of a page's mandate up to
// its citation, or, for a document, everything from where the unit begins.
func (d *evalSetDoc) unitText(i int, item *int) (string, bool) {
	us := d.units()
	if i < 0 || i > len(us) || (i == 0 && d.file.Preamble == nil) {
		return "", false
	}
	if i == 0 {
		return string(d.txt.runes[d.starts[0]:]), true
	}
	u := us[i-1]
	off, line, cit := d.starts[i], u.Line, u.Citation
	if item != nil {
		if *item < 1 || *item > len(u.Items) {
			return "", false
		}
		it := u.Items[*item-1]
		off, line, cit = it.Start+len([]rune(it.Marker)), it.Line, it.Citation
	}
	if off < 0 {
		return "", false
	}
	if d.file.Type != "page" {
		return string(d.txt.runes[off:]), true
	}
	end := len(d.txt.runes)
	if line < len(d.txt.lines) {
		end = d.txt.lines[line]
	}
	s := strings.TrimSpace(string(d.txt.runes[off:end]))
	if cit != nil {
		s = strings.TrimSpace(strings.TrimSuffix(s, *cit))
	}
	return s, true
}

func TestEvalSetGold(t *testing.T) {
	g := loadEvalSetGold(t)
	c := &evalSetChecker{cat: loadEvalSetCatalog(t)}
	if g.Version != 1 {
		c.errorf("version %d, want 1", g.Version)
	}

	// Every file on disk is described, and only those.
	var onDisk []string
	for _, dir := range []string{"documents", "pages"} {
		ents, err := os.ReadDir(filepath.Join(evalSetDir, dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			onDisk = append(onDisk, dir+"/"+e.Name())
		}
	}
	var described []string
	docs := map[string]*evalSetDoc{}
	for i := range g.Files {
		f := &g.Files[i]
		described = append(described, f.File)
		b, err := os.ReadFile(filepath.Join(evalSetDir, f.File))
		if err != nil {
			c.errorf("%s: %v", f.File, err)
			continue
		}
		txt := newEvalSetText(string(b))
		d := &evalSetDoc{file: f, txt: txt}
		docs[f.File] = d
		switch f.Language {
		case "en", "es", "fr", "pt":
		default:
			c.errorf("%s: language %q", f.File, f.Language)
		}
		wantDir := map[string]string{"document": "documents/", "page": "pages/"}[f.Type]
		if wantDir == "" || !strings.HasPrefix(f.File, wantDir) {
			c.errorf("%s: type %q does not match its folder", f.File, f.Type)
		}
		if f.Summit == nil && f.UnattributedReason == "" {
			c.errorf("%s: no summit and no reason why", f.File)
		}
		c.summit(f.File, f.Summit)
		for _, s := range f.TitleBlockSummits {
			c.summit(f.File, &s)
		}
		if f.Type == "document" {
			kinds := map[string]bool{"declaration": true, "plan of action": true, "commitment": true, "mandates for action": true, "other": true}
			if f.Kind == nil || !kinds[*f.Kind] {
				c.errorf("%s: a document needs one of the kinds %v", f.File, kinds)
			}
			if f.Summit != nil && (f.TitleLine == nil || *f.TitleLine < 1 || *f.TitleLine > len(txt.lines)) {
				c.errorf("%s: an attributed document needs the line of its title", f.File)
			}
			if len(f.Mandates) > 0 || len(f.Paragraphs) == 0 {
				c.errorf("%s: a document has paragraphs and no mandates", f.File)
			}
		} else {
			if len(f.Paragraphs) > 0 || len(f.Mandates) == 0 || f.Summit != nil {
				c.errorf("%s: a page has mandates, no paragraphs and no file-wide summit", f.File)
			}
			if !strings.Contains(txt.line(f.ThemeLine), f.Theme) {
				c.errorf("%s: theme %q not on line %d", f.File, f.Theme, f.ThemeLine)
			}
		}
		d.starts = append([]int{-1}, c.units(f, txt, d.units())...)
		if p := f.Preamble; p != nil {
			hi := len(txt.runes)
			if len(d.units()) > 0 {
				hi = d.units()[0].Start
			}
			if p.Start >= hi {
				c.errorf("%s: preamble after the first paragraph", f.File)
			}
			d.starts[0] = c.textStart(f.File+" preamble", txt, p.Start, p.Line, nil, p.FirstWords)
			c.mentions(f.File+" preamble", txt, p.Start, hi, p.Mentions)
		}
		for _, np := range f.NotParagraphs {
			near := evalSetNorm(txt.line(np.Line) + " " + txt.line(np.Line+1))
			if !strings.Contains(near, evalSetNorm(np.Text)) {
				c.errorf("%s: not-a-paragraph %q not on line %d", f.File, np.Text, np.Line)
			}
		}
		for _, fn := range f.FootnoteMarkers {
			if !strings.Contains(txt.line(fn.Line), fn.GluedTo) || !strings.HasSuffix(fn.GluedTo, fn.Marker) {
				c.errorf("%s: footnote marker %q (%q) not on line %d", f.File, fn.Marker, fn.GluedTo, fn.Line)
			}
		}
	}
	sort.Strings(onDisk)
	sort.Strings(described)
	if strings.Join(onDisk, "\n") != strings.Join(described, "\n") {
		c.errorf("files on disk %v, described in gold.json %v", onDisk, described)
	}

	// A reference to a paragraph (0 the preamble) and optionally its item.
	unit := func(where, file string, i int, item *int) (*evalSetDoc, string) {
		d := docs[file]
		if d == nil {
			c.errorf("%s: unknown file %s", where, file)
			return nil, ""
		}
		s, ok := d.unitText(i, item)
		if !ok {
			c.errorf("%s: %s has no paragraph %d%s", where, file, i, evalSetItemName(item))
		}
		return d, s
	}

	pairs := 0
	for _, tr := range g.Alignments.Translations {
		langs := make([]string, 0, len(tr.Files))
		for lang, file := range tr.Files {
			langs = append(langs, lang)
			d := docs[file]
			if d == nil || d.file.Language != lang || d.file.Summit == nil || *d.file.Summit != tr.Summit {
				c.errorf("translation set %s: %s is not a %s document of %s", tr.Set, file, lang, tr.Summit)
			}
		}
		for _, row := range tr.Rows {
			for lang, i := range row {
				unit("translation set "+tr.Set, tr.Files[lang], i, nil)
			}
			pairs += len(row) * (len(row) - 1) / 2
		}
	}

	links := 0
	for _, q := range g.Alignments.Quotes {
		where := fmt.Sprintf("quote %s mandate %d%s", q.Page, q.Mandate, evalSetItemName(q.Item))
		pd, ptext := unit(where, q.Page, q.Mandate, q.Item)
		if pd == nil || pd.file.Type != "page" {
			c.errorf("%s: not a page", where)
			continue
		}
		if q.Document == nil {
			if q.TranslationOf != nil {
				unit(where, q.TranslationOf.Document, q.TranslationOf.Paragraph, nil)
			}
			continue
		}
		links++
		if q.Paragraph == nil || q.Match == nil || q.DocumentPart == nil {
			c.errorf("%s: a quote needs paragraph, part and match", where)
			continue
		}
		dd, dtext := unit(where, *q.Document, *q.Paragraph, q.DocumentItem)
		if dd == nil || dd.file.Type != "document" || dd.file.Language != pd.file.Language {
			c.errorf("%s: %s is not a document in the page's language", where, *q.Document)
			continue
		}
		switch *q.Match {
		case "verbatim":
			if !strings.HasPrefix(evalSetNorm(dtext), evalSetNorm(ptext)) {
				c.errorf("%s: the page's text is not %s paragraph %d verbatim", where, *q.Document, *q.Paragraph)
			}
		case "near":
			if a, b := strings.Fields(evalSetFold(ptext)), strings.Fields(evalSetFold(dtext)); len(a) < 4 || len(b) < 4 || strings.Join(a[:4], " ") != strings.Join(b[:4], " ") {
				c.errorf("%s: the page's text does not begin as %s paragraph %d", where, *q.Document, *q.Paragraph)
			}
		default:
			c.errorf("%s: match %q", where, *q.Match)
		}
	}

	rn := g.Alignments.Renews
	year := func(file string) int {
		if d := docs[file]; d != nil && d.file.Summit != nil {
			return c.cat.summits[*d.file.Summit]
		}
		return 0
	}
	renewing := map[int]bool{}
	for _, l := range rn.Links {
		if l.From.File != rn.Document {
			c.errorf("renews: from %s, not the renewal document", l.From.File)
		}
		unit("renews", l.From.File, l.From.Paragraph, l.From.Item)
		renewing[l.From.Paragraph] = true
		for _, to := range l.Targets {
			unit("renews", to.File, to.Paragraph, to.Item)
			if year(to.File) >= year(l.From.File) {
				c.errorf("renews: %s is not earlier than %s", to.File, l.From.File)
			}
		}
	}
	for _, n := range rn.Negatives {
		unit("renews negative", n.From.File, n.From.Paragraph, n.From.Item)
		unit("renews negative", n.To.File, n.To.Paragraph, n.To.Item)
	}
	for _, p := range rn.RenewingParagraphs {
		if !renewing[p] {
			c.errorf("renews: paragraph %d listed as renewing has no link", p)
		}
	}
	if d := docs[rn.Document]; d != nil && len(rn.RenewingParagraphs)+len(rn.NotRenewingParagraphs) != len(d.file.Paragraphs) {
		c.errorf("renews: renewing and not renewing paragraphs do not cover the document")
	}

	// The counts in gold.json are the counts of what it lists.
	nDocs, nPages, nParas := 0, 0, 0
	for _, f := range g.Files {
		if f.Type == "page" {
			nPages++
		} else {
			nDocs++
			nParas += len(f.Paragraphs)
		}
	}
	for name, want := range map[string]int{"documents": nDocs, "pages": nPages, "document_paragraphs": nParas,
		"translation_pairs": pairs, "quote_links": links, "renews_links": len(rn.Links)} {
		var got int
		if err := json.Unmarshal(g.Counts[name], &got); err != nil || got != want {
			c.errorf("counts.%s is %s, the lists give %d", name, g.Counts[name], want)
		}
	}

	for _, e := range c.errs {
		t.Error(e)
	}
}

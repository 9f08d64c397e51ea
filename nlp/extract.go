package nlp

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"summitgraph/graph"
)

// Found is one entity occurrence in a paragraph's text, with its evidence.
type Found struct {
	Entity *graph.Entity
	graph.Evidence
}

// Extraction is what extraction finds in one paragraph.
type Extraction struct {
	Mentions   []Found // conventions, institutions and themes, in text order
	References []Ref   // summits and summit documents named in the text
}

// PageExtraction is what extraction finds in a page.
type PageExtraction struct {
	Paragraphs []Extraction // by paragraph index
	// Learned are known entities with acronyms the page defined, and
	// entities discovered in it, to be merged into the store.
	Learned []*graph.Entity
}

var (
	proseModel     *prose.Model
	proseModelOnce sync.Once
)

// model returns prose's English model, loaded once per process and shared:
// loading it costs hundreds of milliseconds.
func model() *prose.Model {
	proseModelOnce.Do(func() { proseModel = prose.ModelFromData("summitgraph") })
	return proseModel
}

// Extract finds the conventions, institutions, themes and references each
// paragraph of a page names. known lists summit documents the corpus
// already holds (the page's own citations are added), so that references to
// them by title are found. It is a pure function of its arguments, safe to
// run on several pages at once.
func (c *Catalog) Extract(p *Page, known []DocumentName) *PageExtraction {
	known = append(known[:len(known):len(known)], p.citedDocuments()...)
	out := &PageExtraction{Paragraphs: make([]Extraction, len(p.Mandates))}
	defined := map[string]*graph.Entity{} // acronyms the page defined, by printed form
	learned := map[string]*graph.Entity{} // by id
	learn := func(e *graph.Entity, acronym string) {
		l := learned[e.ID]
		if l == nil {
			l = &graph.Entity{ID: e.ID, EKind: e.EKind, Name: e.Name, NameES: e.NameES, Origin: e.Origin, Year: e.Year}
			learned[e.ID] = l
		}
		if acronym != "" && !hasName(e, acronym) && !contains(l.Acronyms, acronym) {
			l.Acronyms = append(l.Acronyms, acronym)
		}
	}
	for i, para := range p.Mandates {
		nt := normalize(para.Text)
		spans := c.matcher.find(nt)
		spans = c.definitions(nt, spans, defined, learn)
		spans = append(spans, bareAcronyms(nt, spans, defined)...)
		spans = append(spans, c.discover(para.Text, nt, spans, p.Language, defined, learn)...)
		spans = selectSpans(spans)
		var ex Extraction
		for _, s := range spans {
			ex.Mentions = append(ex.Mentions, found(nt, s))
		}
		for _, s := range c.themes.find(para.Text, p.Language) {
			ex.Mentions = append(ex.Mentions, found(nt, s))
		}
		sort.SliceStable(ex.Mentions, func(a, b int) bool { return ex.Mentions[a].Start < ex.Mentions[b].Start })
		for _, r := range c.references(para.Text, nt, known) {
			if overlapsEntity(r, spans) {
				// Inside the name of a convention, such as "the 2006
				// Declaration of Santa Cruz + 10".
				continue
			}
			// A mandate naming its own summit or document is not a
			// cross-reference.
			if para.Cite.Summit != nil && r.Summit == para.Cite.Summit && (r.Title == "" || para.Cite.Title != "" && r.Target() == DocumentID(para.Cite.Summit, para.Cite.Title)) {
				continue
			}
			ex.References = append(ex.References, r)
		}
		out.Paragraphs[i] = ex
	}
	ids := make([]string, 0, len(learned))
	for id := range learned {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		out.Learned = append(out.Learned, learned[id])
	}
	return out
}

func overlapsEntity(r Ref, spans []span) bool {
	for _, s := range spans {
		if r.Start < s.end && r.End > s.start {
			return true
		}
	}
	return false
}

// citedDocuments are the documents the page's citations name.
func (p *Page) citedDocuments() []DocumentName {
	var out []DocumentName
	seen := map[string]bool{}
	for _, m := range p.Mandates {
		if m.Cite.Summit == nil || m.Cite.Title == "" {
			continue
		}
		id := DocumentID(m.Cite.Summit, m.Cite.Title)
		if !seen[id] {
			seen[id] = true
			out = append(out, DocumentName{Title: m.Cite.Title, Summit: m.Cite.Summit})
		}
	}
	return out
}

func found(nt *normText, s span) Found {
	return Found{Entity: s.entity, Evidence: graph.Evidence{
		Surface:    string(nt.runes[s.start:s.end]),
		Start:      s.start,
		End:        s.end,
		Method:     s.method,
		Confidence: s.conf,
	}}
}

func hasName(e *graph.Entity, name string) bool {
	k := graph.NormalizeName(name)
	for _, n := range graph.EntityNames(e) {
		if graph.NormalizeName(n) == k {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// acronymShape reports whether s can be an acronym: 2 to 10 letters or
// digits, at least two capitals, no spaces ("MESICIC", "MDBs", "CARICOM").
func acronymShape(s string) bool {
	n, caps := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			caps++
			n++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n++
		case r == '-' || r == '&' || r == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 10 && caps >= 2 && unicode.IsUpper([]rune(s)[0])
}

// definitions finds "Long Form (SHORT)" in the text (Schwartz & Hearst,
// 2003): where the long form is a name already found, the short form is
// that entity's acronym from here on, and its occurrence in the
// parenthesis a mention of it.
func (c *Catalog) definitions(nt *normText, spans []span, defined map[string]*graph.Entity, learn func(*graph.Entity, string)) []span {
	r := nt.runes
	for i := 0; i < len(r); i++ {
		if r[i] != '(' {
			continue
		}
		j := i + 1
		for j < len(r) && r[j] != ')' && j-i < 14 {
			j++
		}
		if j >= len(r) || r[j] != ')' {
			continue
		}
		short := string(r[i+1 : j])
		if !acronymShape(short) {
			continue
		}
		// The name right before the parenthesis.
		var long *span
		for k := range spans {
			s := &spans[k]
			if s.end <= i && strings.TrimSpace(string(r[s.end:i])) == "" {
				long = s
			}
		}
		if long == nil {
			continue
		}
		if !schwartzHearst(short, string(r[long.start:long.end])) && !hasName(long.entity, short) {
			continue
		}
		defined[short] = long.entity
		learn(long.entity, short)
		covered := false
		for _, s := range spans {
			if s.start <= i+1 && s.end >= j {
				covered = true
			}
		}
		if !covered {
			spans = append(spans, span{start: i + 1, end: j, entity: long.entity, method: graph.MethodAcronym, conf: confDefined})
		}
	}
	return spans
}

// schwartzHearst reports whether long is a plausible long form of short:
// every letter of short occurs in long in order, the first one at the
// start of a word (Schwartz & Hearst's findBestLongForm).
func schwartzHearst(short, long string) bool {
	s := []rune(strings.ToLower(short))
	l := []rune(strings.ToLower(long))
	si, li := len(s)-1, len(l)-1
	for si >= 0 {
		ch := s[si]
		if !isWordRune(ch) {
			si--
			continue
		}
		for li >= 0 && (l[li] != ch || (si == 0 && li > 0 && isWordRune(l[li-1]))) {
			li--
		}
		if li < 0 {
			return false
		}
		li--
		si--
	}
	words := len(strings.Fields(long))
	n := len(s)
	return words <= n+5 && words <= 2*n+1
}

// bareAcronyms finds later uses of the acronyms the page defined.
func bareAcronyms(nt *normText, spans []span, defined map[string]*graph.Entity) []span {
	if len(defined) == 0 {
		return nil
	}
	var out []span
	text := string(nt.runes)
	for _, t := range Words(text) {
		e := defined[t.Text]
		if e == nil {
			continue
		}
		inside := false
		for _, s := range spans {
			if t.Start < s.end && t.End > s.start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, span{start: t.Start, end: t.End, entity: e, method: graph.MethodAcronym, conf: confDefined})
		}
	}
	return out
}

// headWords type a discovered name by the word that heads it.
var headWords = map[string]graph.Kind{
	"convention": graph.KindConvention, "charter": graph.KindConvention, "treaty": graph.KindConvention,
	"protocol": graph.KindConvention, "program": graph.KindConvention, "programme": graph.KindConvention,
	"agreement": graph.KindConvention, "covenant": graph.KindConvention,
	"network": graph.KindInstitution, "forum": graph.KindInstitution, "office": graph.KindInstitution,
	"unit": graph.KindInstitution, "mechanism": graph.KindInstitution, "partnership": graph.KindInstitution,
	"dialogue": graph.KindInstitution, "commission": graph.KindInstitution, "committee": graph.KindInstitution,
	"bank": graph.KindInstitution,
	// Spanish: the head comes first.
	"convencion": graph.KindConvention, "carta": graph.KindConvention, "tratado": graph.KindConvention,
	"protocolo": graph.KindConvention, "programa": graph.KindConvention, "acuerdo": graph.KindConvention,
	"red": graph.KindInstitution, "foro": graph.KindInstitution, "oficina": graph.KindInstitution,
	"unidad": graph.KindInstitution, "mecanismo": graph.KindInstitution, "alianza": graph.KindInstitution,
	"dialogo": graph.KindInstitution, "comision": graph.KindInstitution, "comite": graph.KindInstitution,
	"banco": graph.KindInstitution,
}

// connectors may stand between the capitalized words of a name.
var connectors = words(`of on for the and against in to de la del las los el para sobre contra y en e`)

// notNames are capitalized words that start sentences or name summits and
// documents rather than conventions or institutions.
var notNames = words(`summit summits cumbre cumbres plan action declaration declaracion commitment compromiso hemisphere hemisferio agenda americas`)

// discover finds names the catalog lacks: capitalized multi-word names
// headed by a word such as Convention, Network or Commission, read from
// prose's tokens and part-of-speech tags. prose's own entity labels are
// only used to raise the confidence of a name found this way.
func (c *Catalog) discover(text string, nt *normText, spans []span, lang string, defined map[string]*graph.Entity, learn func(*graph.Entity, string)) []span {
	if !hasCapitalizedHead(text) {
		return nil
	}
	doc, err := prose.NewDocument(text, prose.UsingModel(model()), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	toks := alignTokens(text, doc.Tokens())
	nerSpans := alignEntities(text, doc.Entities())
	var out []span
	i := 0
	for i < len(toks) {
		if !capToken(toks[i]) {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) {
			n := toks[j+1]
			if capToken(n) {
				j++
				continue
			}
			if connectors[strings.ToLower(n.text)] && j+2 < len(toks) && (capToken(toks[j+2]) || connectors[strings.ToLower(toks[j+2].text)] && j+3 < len(toks) && capToken(toks[j+3])) {
				j++
				continue
			}
			break
		}
		start, end := i, j
		i = j + 1
		// Leading verbs, determiners and sentence-initial words are not
		// part of a name.
		for start <= end && (strings.HasPrefix(toks[start].tag, "VB") || toks[start].tag == "DT" || connectors[strings.ToLower(toks[start].text)] || toks[start].tag == "RB") {
			start++
		}
		for end >= start && connectors[strings.ToLower(toks[end].text)] {
			end--
		}
		if end-start+1 < 2 {
			continue
		}
		kind, ok := headKind(toks[start : end+1])
		if !ok {
			continue
		}
		reject := false
		caps := 0
		for _, t := range toks[start : end+1] {
			lw := graph.NormalizeName(t.text)
			if notNames[lw] {
				reject = true
			}
			if capToken(t) {
				caps++
			}
		}
		if reject || caps < 2 {
			continue
		}
		s, e := toks[start].start, toks[end].end
		overlaps := false
		for _, sp := range spans {
			if s < sp.end && e > sp.start {
				overlaps = true
				break
			}
		}
		if overlaps {
			continue
		}
		name := string(nt.runes[s:e])
		ent := discovered(name, kind)
		method, conf := graph.MethodPattern, confPattern
		for _, ns := range nerSpans {
			if ns[0] < e && ns[1] > s {
				method, conf = graph.MethodNER, confNER
				break
			}
		}
		learn(ent, "")
		out = append(out, span{start: s, end: e, entity: ent, method: method, conf: conf})
	}
	// A discovered name followed by "(SHORT)" defines its acronym too.
	if len(out) > 0 {
		out = c.definitions(nt, out, defined, learn)
	}
	return out
}

func hasCapitalizedHead(text string) bool {
	for _, t := range Words(text) {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsUpper(r) {
			if _, ok := headWords[graph.NormalizeName(t.Text)]; ok {
				return true
			}
		}
	}
	return false
}

func headKind(toks []ptoken) (graph.Kind, bool) {
	for _, t := range toks {
		if !capToken(t) {
			continue
		}
		if k, ok := headWords[graph.NormalizeName(t.text)]; ok {
			return k, true
		}
	}
	return "", false
}

// discovered makes the entity for a name the catalog lacks.
func discovered(name string, kind graph.Kind) *graph.Entity {
	prefix := "institution/"
	if kind == graph.KindConvention {
		prefix = "convention/"
	}
	return &graph.Entity{ID: prefix + Slug(name), EKind: kind, Name: name, Origin: graph.OriginDiscovered}
}

// Slug is the id-friendly form of a name: lower case ASCII words joined by
// hyphens.
func Slug(s string) string {
	w := normWords(s)
	if len(w) > 80 {
		w = w[:80]
		if i := strings.LastIndexByte(w, ' '); i > 0 {
			w = w[:i]
		}
	}
	return strings.ReplaceAll(w, " ", "-")
}

type ptoken struct {
	text       string
	tag        string
	start, end int // code points
}

func capToken(t ptoken) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r) && utf8.RuneCountInString(t.text) > 1
}

// alignTokens finds prose's tokens in the text, in order, to give them
// code-point offsets; prose does not keep them.
func alignTokens(text string, toks []prose.Token) []ptoken {
	out := make([]ptoken, 0, len(toks))
	bpos := 0
	for _, t := range toks {
		if t.Text == "" {
			continue
		}
		k := strings.Index(text[bpos:], t.Text)
		if k < 0 {
			continue
		}
		bs := bpos + k
		be := bs + len(t.Text)
		s := utf8.RuneCountInString(text[:bs])
		out = append(out, ptoken{text: t.Text, tag: t.Tag, start: s, end: s + utf8.RuneCountInString(t.Text)})
		bpos = be
	}
	return out
}

// alignEntities gives prose's named entities code-point offsets.
func alignEntities(text string, ents []prose.Entity) [][2]int {
	var out [][2]int
	bpos := 0
	for _, e := range ents {
		k := strings.Index(text[bpos:], e.Text)
		if k < 0 {
			continue
		}
		bs := bpos + k
		s := utf8.RuneCountInString(text[:bs])
		out = append(out, [2]int{s, s + utf8.RuneCountInString(e.Text)})
		bpos = bs + len(e.Text)
	}
	return out
}

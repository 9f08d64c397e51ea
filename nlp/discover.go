package nlp

// Name discovery: names the catalog lacks, found by their head words and
// given to prose.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"summitgraph/graph"
)

// Head words type a discovered name: English names end their first part
// with it ("Caribbean Development Bank", "Office of ..."), Spanish ones
// start with it ("Red Interamericana de ...").
var (
	enHeads = map[string]graph.Kind{
		"convention": graph.KindConvention, "charter": graph.KindConvention, "treaty": graph.KindConvention,
		"protocol": graph.KindConvention, "program": graph.KindConvention, "programme": graph.KindConvention,
		"agreement": graph.KindConvention, "covenant": graph.KindConvention,
		"network": graph.KindInstitution, "forum": graph.KindInstitution, "office": graph.KindInstitution,
		"unit": graph.KindInstitution, "mechanism": graph.KindInstitution, "partnership": graph.KindInstitution,
		"dialogue": graph.KindInstitution, "commission": graph.KindInstitution, "committee": graph.KindInstitution,
		"bank": graph.KindInstitution,
	}
	esHeads = map[string]graph.Kind{
		"convencion": graph.KindConvention, "convenio": graph.KindConvention, "carta": graph.KindConvention,
		"tratado": graph.KindConvention, "protocolo": graph.KindConvention, "programa": graph.KindConvention,
		"acuerdo": graph.KindConvention, "pacto": graph.KindConvention,
		"red": graph.KindInstitution, "foro": graph.KindInstitution, "oficina": graph.KindInstitution,
		"unidad": graph.KindInstitution, "mecanismo": graph.KindInstitution, "alianza": graph.KindInstitution,
		"dialogo": graph.KindInstitution, "comision": graph.KindInstitution, "comite": graph.KindInstitution,
		"banco": graph.KindInstitution,
	}
)

// French and Portuguese names start with their head word, like Spanish
// ones. French writes names in sentence case ("Commission interaméricaine
// des droits de l’homme"), so few of its names have the capitalized words
// a discovered name needs: the catalog finds them.
var (
	frHeads = map[string]graph.Kind{
		"convention": graph.KindConvention, "charte": graph.KindConvention, "traite": graph.KindConvention,
		"protocole": graph.KindConvention, "programme": graph.KindConvention, "accord": graph.KindConvention, "pacte": graph.KindConvention,
		"reseau": graph.KindInstitution, "forum": graph.KindInstitution, "bureau": graph.KindInstitution,
		"unite": graph.KindInstitution, "mecanisme": graph.KindInstitution, "partenariat": graph.KindInstitution,
		"dialogue": graph.KindInstitution, "commission": graph.KindInstitution, "comite": graph.KindInstitution,
		"banque": graph.KindInstitution,
	}
	ptHeads = map[string]graph.Kind{
		"convencao": graph.KindConvention, "convenio": graph.KindConvention, "carta": graph.KindConvention,
		"tratado": graph.KindConvention, "protocolo": graph.KindConvention, "programa": graph.KindConvention,
		"acordo": graph.KindConvention, "pacto": graph.KindConvention,
		"rede": graph.KindInstitution, "forum": graph.KindInstitution, "escritorio": graph.KindInstitution,
		"unidade": graph.KindInstitution, "mecanismo": graph.KindInstitution, "alianca": graph.KindInstitution, "parceria": graph.KindInstitution,
		"dialogo": graph.KindInstitution, "comissao": graph.KindInstitution, "comite": graph.KindInstitution,
		"banco": graph.KindInstitution,
	}
)

func headWords(lang string) map[string]graph.Kind {
	switch lang {
	case "es":
		return esHeads
	case "fr":
		return frHeads
	case "pt":
		return ptHeads
	}
	return enHeads
}

// headFirst reports whether names of the language start with their head
// word ("Red Interamericana de ...", "Rede Interamericana de ...").
func headFirst(lang string) bool { return lang == "es" || lang == "fr" || lang == "pt" }

// connectors may stand between the capitalized words of a name.
var connectors = words(`of on for the and against in to de la del las los el para sobre contra y en e`)

// romanceConnectors are French and Portuguese connectors besides.
var romanceConnectors = func() map[string]bool {
	m := words(`du des le les et pour sur contre l d da do das dos o os a as em no na nos nas e à`)
	for w := range connectors {
		m[w] = true
	}
	return m
}()

func connectorsFor(lang string) map[string]bool {
	if lang == "fr" || lang == "pt" {
		return romanceConnectors
	}
	return connectors
}

// notNames are words that make a capitalized phrase the name of a summit or
// a summit document rather than of a convention or institution.
var notNames = words(`summit summits cumbre cumbres plan action declaration declaracion commitment compromiso hemisphere hemisferio agenda sommet sommets cupula cupulas cimeira engagement declaracao compromisso plano acao`)

// leadingTag reports whether a part-of-speech tag is that of a word that
// opens a phrase but is not part of a name: a verb, determiner, adverb,
// pronoun, preposition, conjunction or modal.
func leadingTag(tag string) bool {
	switch {
	case strings.HasPrefix(tag, "VB"), strings.HasPrefix(tag, "PRP"), strings.HasPrefix(tag, "RB"):
		return true
	}
	switch tag {
	case "DT", "PDT", "IN", "CC", "MD", "TO", "WDT", "WP", "WRB":
		return true
	}
	return false
}

// discover finds names the catalog lacks: capitalized multi-word names
// headed by a word such as Convention, Network or Commission, read from
// prose's tokens and part-of-speech tags. Only the sentences that can hold
// such a name are given to prose. prose's own entity labels are only used
// to raise the confidence of a name found this way.
func (c *Catalog) discover(nt *normText, spans []span, lang string, defined map[string]*graph.Entity, learn func(*graph.Entity, string)) []span {
	var out []span
	found := newFoundSpans(spans) // once for the paragraph, not for each sentence
	for _, sent := range c.candidateSentences(nt, spans, lang) {
		sub := string(nt.runes[sent[0]:sent[1]])
		work.add(sent[1] - sent[0])
		doc, err := prose.NewDocument(sub, prose.UsingModel(model()), prose.WithSegmentation(false))
		if err != nil {
			continue
		}
		toks := alignTokens(sub, doc.Tokens(), sent[0])
		ners := alignEntities(sub, doc.Entities(), sent[0])
		out = append(out, c.names(nt, toks, ners, found, lang)...)
	}
	// A discovered name followed by "(SHORT)" defines its acronym too.
	if len(out) > 0 {
		out = c.definitions(nt, out, defined, learn)
	}
	return out
}

// sentenceEnd reports whether the code point at i ends a sentence: a
// period, semicolon, question or exclamation mark followed by a space.
func sentenceEnd(r []rune, i int) bool {
	switch r[i] {
	case '.', ';', '!', '?':
		return i+1 == len(r) || unicode.IsSpace(r[i+1])
	}
	return false
}

// candidateSentences returns the sentences (code-point ranges) with a
// capitalized head word outside the names already found, among capitalized
// words that can make a name with it: the only ones that can hold a
// discovered name, and so the only ones prose is given.
func (c *Catalog) candidateSentences(nt *normText, spans []span, lang string) [][2]int {
	heads := headWords(lang)
	ws := nt.tokens()
	set := newSpanSet(spans)
	inSpan := func(t Token) bool { return set.overlaps(t.Start, t.End) }
	capWord := func(k int) bool {
		if k < 0 || k >= len(ws) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(ws[k].Text)
		return unicode.IsUpper(r) && utf8.RuneCountInString(ws[k].Text) > 1 && !inSpan(ws[k])
	}
	conn := func(k int) bool { return k >= 0 && k < len(ws) && connectorsFor(lang)[strings.ToLower(ws[k].Text)] }
	var out [][2]int
	steps := len(ws)
	defer func() { work.add(steps) }()
	for k, w := range ws {
		if len(out) > 0 && w.Start < out[len(out)-1][1] {
			continue // in a sentence already taken
		}
		r, _ := utf8.DecodeRuneInString(w.Text)
		if !unicode.IsUpper(r) {
			continue
		}
		if _, ok := heads[graph.NormalizeName(w.Text)]; !ok || !capWord(k) {
			continue
		}
		if !c.canName(nt.text, ws, k, capWord, conn) {
			continue
		}
		start, end := w.Start, w.End
		for start > 0 && !sentenceEnd(nt.runes, start-1) {
			start--
		}
		for end < len(nt.runes) && !sentenceEnd(nt.runes, end-1) {
			end++
		}
		steps += end - start
		out = append(out, [2]int{start, end})
	}
	return out
}

// canName reports whether the run of capitalized words and connectors
// around the head word ws[k] can make a name as headOf wants it: three
// capitalized words, or two with a proper noun. prose's tags only ever
// shorten the run, so a run that cannot is not worth tagging.
func (c *Catalog) canName(text string, ws []Token, k int, capWord, conn func(int) bool) bool {
	joined := func(a, b int) bool { // only spaces or a hyphen between words a and b
		return strings.TrimFunc(text[ws[a].ByteEnd:ws[b].ByteStart], func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) == ""
	}
	// capAfter reports whether a capitalized word follows word i across at
	// most two connectors, in direction d.
	capAfter := func(i, d int) bool {
		for n := 0; n < 3; n++ {
			i += d
			if i < 0 || i >= len(ws) || !joined(min(i, i-d), max(i, i-d)) {
				return false
			}
			if capWord(i) {
				return true
			}
			if !conn(i) {
				return false
			}
		}
		return false
	}
	lo, hi := k, k
	defer func() { work.add(hi - lo + 1) }()
	for capAfter(lo, -1) {
		for lo--; !capWord(lo); lo-- {
		}
	}
	for capAfter(hi, 1) {
		for hi++; !capWord(hi); hi++ {
		}
	}
	var caps []int
	for i := lo; i <= hi; i++ {
		if capWord(i) {
			caps = append(caps, i)
		}
	}
	switch {
	case len(caps) >= 3:
		return true
	case len(caps) == 2:
		other := caps[0]
		if other == k {
			other = caps[1]
		}
		return c.properWord(ws[other].Text)
	}
	return false
}

// foundSpans are the names found in a paragraph before discovery: a set
// to ask whether a range overlaps one, and its catalog institutions by
// where they end (the first of each end, in the order of the spans).
type foundSpans struct {
	set         spanSet
	spans       []span
	institution map[int]int
}

func newFoundSpans(spans []span) foundSpans {
	f := foundSpans{set: newSpanSet(spans), spans: spans, institution: map[int]int{}}
	for k, sp := range spans {
		if _, ok := f.institution[sp.end]; !ok && sp.entity.EntityKind == graph.KindInstitution {
			f.institution[sp.end] = k
		}
	}
	return f
}

// institutionBefore is the first catalog institution (in the order of the
// spans) that ends in [p, s), or -1.
func (f foundSpans) institutionBefore(p, s int) int {
	work.add(s - p + 1)
	first := -1
	for e := p; e < s; e++ {
		if k, ok := f.institution[e]; ok && (first < 0 || k < first) {
			first = k
		}
	}
	return first
}

// names reads the discovered names off a sentence's tagged tokens.
func (c *Catalog) names(nt *normText, toks []ptoken, ners [][2]int, found foundSpans, lang string) []span {
	set := found.set
	inSpan := func(t ptoken) bool { return set.overlaps(t.start, t.end) }
	// adjacent reports whether only spaces separate tokens a and b.
	adjacent := func(a, b ptoken) bool {
		for _, r := range nt.runes[a.end:b.start] {
			if !unicode.IsSpace(r) {
				return false
			}
		}
		return true
	}
	word := func(k int) bool { return k < len(toks) && capToken(toks[k]) && !inSpan(toks[k]) }
	conn := func(k int) bool { return k < len(toks) && connectorsFor(lang)[strings.ToLower(toks[k].text)] }
	// opening reports whether token k opens the sentence or a clause:
	// the first word, or the word after "(a)", ":" or a dash.
	opening := func(k int) bool {
		for j := k - 1; j >= 0; j-- {
			if strings.IndexFunc(toks[j].text, unicode.IsLetter) >= 0 {
				return false
			}
			switch toks[j].text {
			case ")", ":", "•", "-", "–", "—":
				return true
			}
		}
		return true
	}
	nerSpans := make([]span, len(ners))
	for k, ns := range ners {
		nerSpans[k] = span{start: ns[0], end: ns[1]}
	}
	nerSet := newSpanSet(nerSpans)
	var out []span
	work.add(len(toks))
	i := 0
	for i < len(toks) {
		if !word(i) {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) && adjacent(toks[j], toks[j+1]) {
			switch {
			case word(j + 1):
				j++
				continue
			case conn(j+1) && j+2 < len(toks) && adjacent(toks[j+1], toks[j+2]) &&
				(word(j+2) || conn(j+2) && j+3 < len(toks) && adjacent(toks[j+2], toks[j+3]) && word(j+3)):
				j++
				continue
			}
			break
		}
		start, end := i, j
		i = j + 1
		// The first word of a sentence or clause is capitalized anyway: it
		// is part of a name only if it looks like a proper noun. Leading
		// verbs, determiners and the like are not part of a name either.
		if opening(start) && !c.properWord(toks[start].text) {
			start++
		}
		for start <= end && (leadingTag(toks[start].tag) || conn(start)) {
			start++
		}
		for end >= start && conn(end) {
			end--
		}
		if end-start+1 < 2 {
			continue
		}
		name := toks[start : end+1]
		kind, ok := c.headOf(name, lang)
		if !ok {
			continue
		}
		s, e := name[0].start, name[len(name)-1].end
		if strings.ContainsRune(string(nt.runes[s:e]), utf8.RuneError) {
			continue // a name whose letters a copy damaged is no name to learn
		}
		if !headFirst(lang) {
			// A catalog institution right before the name is part of it:
			// "United Nations Convention on the Law of the Sea".
			// (The first such: its start is before p, so no other
			// ends between p and it.)
			if k := found.institutionBefore(spacesBefore(nt.runes, s), s); k >= 0 {
				s = found.spans[k].start
			}
		}
		ent := discovered(string(nt.runes[s:e]), kind)
		method, conf := graph.MethodPattern, confPattern
		if nerSet.overlaps(s, e) {
			method, conf = graph.MethodNER, confNER
		}
		out = append(out, span{start: s, end: e, entity: ent, method: method, conf: conf})
	}
	return out
}

// headOf types a candidate name by its head word, and tells whether it is
// a name at all rather than a generic description: it needs three
// capitalized words ("Hemispheric Network of Legal Cooperation"), or two of
// which the one besides the head is a proper noun by its shape ("OAS",
// "Inter-American", "ParlAmericas") or a place of the summit catalog
// ("Bank of Canada"). "Office of Ombudsperson" and "Committee of Experts"
// are generic.
func (c *Catalog) headOf(name []ptoken, lang string) (graph.Kind, bool) {
	heads := headWords(lang)
	var caps []int
	for k, t := range name {
		if notNames[graph.NormalizeName(t.text)] {
			return "", false
		}
		if capToken(t) {
			caps = append(caps, k)
		}
	}
	head := -1
	if headFirst(lang) {
		if _, ok := heads[graph.NormalizeName(name[0].text)]; ok {
			head = 0
		}
	} else {
		// The last word before the first connector; failing that, the last
		// word ("Trafficking in Persons Protocol").
		first := len(name) - 1
		for k, t := range name {
			if connectorsFor(lang)[strings.ToLower(t.text)] {
				first = k - 1
				break
			}
		}
		for _, k := range []int{first, len(name) - 1} {
			if _, ok := heads[graph.NormalizeName(name[k].text)]; ok && capToken(name[k]) {
				head = k
				break
			}
		}
	}
	if head < 0 {
		return "", false
	}
	kind := heads[graph.NormalizeName(name[head].text)]
	switch {
	case len(caps) >= 3:
		return kind, true
	case len(caps) == 2:
		other := caps[0]
		if other == head {
			other = caps[1]
		}
		return kind, c.properWord(name[other].text)
	}
	return "", false
}

// properWord reports whether a capitalized word is a proper noun by its
// shape or by the catalog: an acronym ("OAS"), a word with a capital inside
// ("Inter-American", "ParlAmericas"), or the name of a summit's place or
// country.
func (c *Catalog) properWord(w string) bool {
	letters, upper, inner := 0, 0, false
	for k, r := range []rune(w) {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
			inner = inner || k > 0
		}
	}
	if inner || letters >= 2 && upper == letters {
		return true
	}
	return c.placeWords[graph.NormalizeName(w)]
}

// discovered makes the entity for a name the catalog lacks.
func discovered(name string, kind graph.Kind) *graph.Entity {
	prefix := "institution/"
	if kind == graph.KindConvention {
		prefix = "convention/"
	}
	key := name
	if strings.HasPrefix(key, "UN ") {
		key = "United Nations " + key[3:] // one id for "UN Convention on ..." and "United Nations Convention on ..."
	}
	return &graph.Entity{ID: prefix + Slug(key), EntityKind: kind, Name: name, Origin: graph.OriginDiscovered}
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

// locate finds s in text from byte pos on, provided that only spaces and
// punctuation are skipped to reach it: prose rewrites some characters
// (curly quotes), and a token it changed must not be matched further on.
func locate(text, s string, pos int) int {
	k := strings.Index(text[pos:], s)
	if k < 0 {
		return -1
	}
	for _, r := range text[pos : pos+k] {
		if isWordRune(r) {
			return -1
		}
	}
	return pos + k
}

// alignTokens finds prose's tokens in text, in order, to give them
// code-point offsets (plus base); prose does not keep them. A token prose
// changed is left out. Punctuation prose left on a word ("Foo.") is not
// part of it.
func alignTokens(text string, toks []prose.Token, base int) []ptoken {
	out := make([]ptoken, 0, len(toks))
	bpos, cpos := 0, 0 // byte and code-point position reached
	for _, t := range toks {
		if t.Text == "" {
			continue
		}
		bs := locate(text, t.Text, bpos)
		if bs < 0 {
			continue
		}
		s := cpos + utf8.RuneCountInString(text[bpos:bs])
		w := t.Text
		lead := 0
		if strings.IndexFunc(w, isWordRune) >= 0 {
			trimmed := strings.TrimLeftFunc(w, func(r rune) bool { return !isWordRune(r) })
			lead = utf8.RuneCountInString(w) - utf8.RuneCountInString(trimmed)
			w = strings.TrimRightFunc(trimmed, func(r rune) bool { return !isWordRune(r) })
		}
		out = append(out, ptoken{text: w, tag: t.Tag, start: base + s + lead, end: base + s + lead + utf8.RuneCountInString(w)})
		bpos = bs + len(t.Text)
		cpos = s + utf8.RuneCountInString(t.Text)
	}
	return out
}

// alignEntities gives prose's named entities code-point offsets (plus
// base).
func alignEntities(text string, ents []prose.Entity, base int) [][2]int {
	var out [][2]int
	bpos, cpos := 0, 0
	for _, e := range ents {
		if e.Text == "" {
			continue
		}
		k := strings.Index(text[bpos:], e.Text)
		if k < 0 {
			continue
		}
		bs := bpos + k
		s := cpos + utf8.RuneCountInString(text[bpos:bs])
		n := utf8.RuneCountInString(e.Text)
		out = append(out, [2]int{base + s, base + s + n})
		bpos, cpos = bs+len(e.Text), s+n
	}
	return out
}

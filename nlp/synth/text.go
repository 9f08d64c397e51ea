package synth

import (
	"strings"

	"summitgraph/graph"
)

// role is the place of a paragraph in its mandate.
type role uint8

const (
	roleMandate  role = iota // a mandate without items: ends with "."
	roleIntro                // a mandate whose items follow: ends with ":"
	roleItem                 // an item: ends with ";"
	roleLastItem             // the last item, before the citation
)

// Average lengths in words of a clause naming something, of a generic
// clause and of a closing qualifier, for paragraphs to come out as long as
// they were meant to.
const (
	specialWords = 10
	clauseWords  = 9
	qualWords    = 5
)

// para is a paragraph being written: the page's buffer, and the words
// written so far.
type para struct {
	w     []byte
	words int
	lang  int
}

func (p *para) add(s string) {
	p.w = append(p.w, s...)
	p.words += strings.Count(s, " ")
}

// addWord appends a phrase starting a noun phrase; in Spanish "de el" and
// "a el" contract to "del" and "al".
func (p *para) addWord(s string) {
	if p.lang == langES && (s == "el" || strings.HasPrefix(s, "el ")) {
		n := len(p.w)
		if n >= 4 && string(p.w[n-4:]) == " de " || n >= 3 && string(p.w[n-3:]) == " a " {
			p.w = append(p.w[:n-1], 'l')
			s = s[2:]
		}
	}
	p.add(s)
}

// np writes a noun phrase: one of the seed's, or one composed of an
// adjective, a head noun, a preposition and a complement.
func (p *para) np(r *rng, v *vocab) {
	if r.chance(550) {
		p.addWord(pick(r, v.objects))
		return
	}
	if p.lang == langES {
		h := pick(r, v.headsES)
		if r.chance(500) {
			p.addWord(h.article)
			p.add(" ")
		}
		p.add(h.text)
		p.add(" ")
		a := pick(r, v.adjsES)
		switch h.article {
		case "el":
			p.add(a[0])
		case "la":
			p.add(a[1])
		case "los":
			p.add(a[2])
		default:
			p.add(a[3])
		}
	} else {
		if r.chance(400) {
			p.add("the ")
		}
		p.add(pick(r, v.adjs))
		p.add(" ")
		p.add(pick(r, v.heads))
	}
	p.add(" ")
	p.add(pick(r, v.preps))
	p.add(" ")
	p.addWord(pick(r, v.complements))
}

// coordinate writes " and <verb>" in the form the style takes.
func (p *para) coordinate(r *rng, v *vocab, st style) {
	var verb string
	switch st {
	case styleGerund:
		verb = pick(r, v.gerunds)
	default:
		verb = pick(r, v.verbs)
	}
	and := v.and
	if p.lang == langES && (verb[0] == 'I' || strings.HasPrefix(verb, "Hi")) {
		and = " e " // "e impulsar"
	}
	p.add(and)
	p.add(strings.ToLower(verb[:1]))
	p.add(verb[1:])
	p.add(" ")
	p.np(r, v)
}

// special is a clause that names something: an entity (its rank), the
// theme, or an earlier summit.
type special struct {
	kind   uint8
	entity int
}

const (
	specialEntity uint8 = iota
	specialTheme
	specialRef
)

// paragraph writes the text of one mandate or item, about target words
// long, and its final punctuation.
func (g *generator) paragraph(w []byte, r *rng, lang int, th *theme, summit int, st style, ro role, target int) []byte {
	g.para++
	v := vocabs[lang]
	p := para{w: w, lang: lang}

	specials := g.specials[:0]
	table := mentionsMandate
	switch ro {
	case roleIntro:
		table = mentionsIntro
	case roleItem, roleLastItem:
		table = mentionsItem
	}
	k := drawCount(r, table)
	if target < 15 {
		k = min(k, 1)
	}
	for range k {
		specials = append(specials, special{kind: specialEntity, entity: g.entDist.draw(r)})
	}
	if r.chance(themePhrase) {
		specials = append(specials, special{kind: specialTheme})
	}
	if summit > 0 && r.chance(summitRef) {
		specials = append(specials, special{kind: specialRef})
	}
	for i := len(specials) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		specials[i], specials[j] = specials[j], specials[i]
	}
	g.specials = specials

	// The opening: a verb and its object.
	switch st {
	case styleInfinitive:
		if lang == langEN {
			verb := pick(r, v.verbs)
			p.add(v.to)
			p.add(strings.ToLower(verb[:1]))
			p.add(verb[1:])
		} else {
			p.add(pick(r, v.verbs))
		}
	case styleGerund:
		p.add(pick(r, v.gerunds))
	case styleDeclaration:
		p.add(pick(r, v.declOpen))
	case styleStatement:
		if r.chance(400) {
			p.add(pick(r, v.gerunds))
			break
		}
		p.add(pick(r, v.subjects))
		p.add(" ")
		p.np(r, v)
		p.add(" ")
		p.add(pick(r, v.preds))
		p.add(". ")
		p.add(pick(r, v.verbs))
	default:
		p.add(pick(r, v.verbs))
	}
	p.add(" ")
	p.np(r, v)

	qualify := ro != roleIntro && r.chance(350)
	if qualify {
		target -= qualWords
	}
	sentence := 0
	maxSentence := r.between(25, 45)
	for next := 0; ; {
		// Generic clauses fill what the named things leave of the length.
		left := len(specials) - next
		full := p.words+clauseWords >= target-specialWords*left
		if full && left == 0 {
			break
		}
		if left > 0 && (full || r.chance(350)) {
			p.add(", ")
			g.special(&p, r, specials[next], th, summit)
			next++
			continue
		}
		if ro == roleMandate && (st == styleDeclaration || st == styleStatement) && p.words-sentence > maxSentence {
			p.add(". ")
			sentence = p.words
			if st == styleDeclaration {
				p.add(pick(r, v.declNext))
			} else {
				p.add(pick(r, v.verbs))
			}
			p.add(" ")
			p.np(r, v)
			continue
		}
		switch x := r.intn(100); {
		case x < 45:
			t := pick(r, v.conts)
			p.add(", ")
			p.add(t.pre)
			p.np(r, v)
			p.add(t.post)
		case x < 65:
			p.add(", ")
			p.add(pick(r, v.fixedConts))
		default:
			p.coordinate(r, v, st)
		}
	}
	if qualify || p.w[len(p.w)-1] == ')' {
		// Never end on a parenthesis: "(2005)" at the end of an uncited
		// paragraph would read as its citation.
		p.add(", ")
		p.add(pick(r, v.quals))
	}
	switch ro {
	case roleMandate:
		p.add(".")
	case roleIntro:
		p.add(pick(r, v.introTails))
	case roleItem:
		p.add(";")
	case roleLastItem:
		if r.chance(700) {
			p.add(".")
		} else {
			p.add(";")
		}
	}
	return p.w
}

func drawCount(r *rng, perMille []int) int {
	x := r.intn(1000)
	for i, p := range perMille {
		if x < p {
			return i
		}
		x -= p
	}
	return len(perMille) - 1
}

// special writes a clause naming an entity, a theme or an earlier summit.
func (g *generator) special(p *para, r *rng, sp special, th *theme, summit int) {
	v := vocabs[p.lang]
	switch sp.kind {
	case specialEntity:
		e := g.ents[sp.entity]
		slots := v.instSlots
		if e.e.EntityKind == graph.KindConvention {
			slots = v.convSlots
		}
		t := pick(r, slots)
		p.add(t.pre)
		n := g.writeEntity(p, r, e)
		p.add(t.post)
		g.mentions[sp.entity] += n
		if g.lastPara[sp.entity] != g.para {
			g.lastPara[sp.entity] = g.para
			g.mandates[sp.entity]++
		}
	case specialTheme:
		if !r.chance(pageThemeFirst) {
			th = pick(r, g.themes)
		}
		phrases := th.phrases[p.lang]
		if len(phrases) == 0 {
			p.add(pick(r, v.fixedConts))
			return
		}
		t := pick(r, v.themeSlots)
		p.add(t.pre)
		p.add(pick(r, phrases))
		p.add(t.post)
	case specialRef:
		refs := g.summits[r.intn(summit)].refs[p.lang]
		if len(refs) == 0 {
			p.add(pick(r, v.fixedConts))
			return
		}
		t := pick(r, v.refSlots)
		p.add(t.pre)
		p.addWord(pick(r, refs))
		p.add(t.post)
		g.st.References++
	}
}

// writeEntity prints an entity by its name, an alias, an acronym, or its
// name with the acronym defined after it; it returns the mentions written.
func (g *generator) writeEntity(p *para, r *rng, e *entity) int {
	names, acr := e.names[p.lang], e.acronyms[p.lang]
	s, def := names[0], ""
	switch x := r.intn(100); {
	case x < 45:
	case x < 65 && len(names) > 1:
		s = names[1+r.intn(len(names)-1)]
	case x < 88 && len(acr) > 0:
		s = pick(r, acr)
	case len(acr) > 0:
		def = pick(r, acr).text
	}
	if s.article != "" {
		p.addWord(s.article)
		p.add(" ")
	}
	p.add(s.text)
	if def == "" {
		return 1
	}
	p.add(" (")
	p.add(def)
	p.add(")")
	return 2
}

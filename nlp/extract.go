package nlp

import (
	"sort"
	"sync"

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
// them by title are found. Its result depends on its arguments only, and
// it may run on several pages at once, but not on one page from two
// goroutines (the page keeps the document ids it has computed).
func (c *Catalog) Extract(p *Page, known []DocumentName) *PageExtraction {
	titles := knownTitles(append(known[:len(known):len(known)], p.citedDocuments(c)...))
	out := &PageExtraction{Paragraphs: make([]Extraction, len(p.Paragraphs))}
	stems := stemCache{}
	defined := map[string]*graph.Entity{} // acronyms the page defined, by printed form
	learned := map[string]*graph.Entity{} // by id
	learn := func(e *graph.Entity, acronym string) {
		if e.Origin != graph.OriginDiscovered && (acronym == "" || hasName(e, acronym)) {
			return // nothing the catalog does not know
		}
		l := learned[e.ID]
		if l == nil {
			l = &graph.Entity{ID: e.ID, EntityKind: e.EntityKind, Name: e.Name, NameES: e.NameES, Origin: e.Origin, Year: e.Year}
			learned[e.ID] = l
		}
		if acronym != "" && !hasName(e, acronym) && !contains(l.Acronyms, acronym) {
			l.Acronyms = append(l.Acronyms, acronym)
		}
	}
	for i, para := range p.Paragraphs {
		nt := normalize(para.Text)
		spans, all := c.matcher.find(nt, p.Language)
		spans = c.definitions(nt, spans, defined, learn)
		spans = append(spans, bareAcronyms(nt, spans, defined)...)
		if disc := c.discover(nt, spans, p.Language, defined, learn); len(disc) > 0 {
			spans = append(spans, disc...)
			// Acronyms the discovered names define, used later in the
			// same paragraph.
			spans = append(spans, bareAcronyms(nt, spans, defined)...)
		}
		spans = selectSpans(spans)
		var ex Extraction
		for _, s := range spans {
			ex.Mentions = append(ex.Mentions, found(nt, s))
			if s.entity.Origin == graph.OriginDiscovered {
				learn(s.entity, "")
			}
		}
		for _, s := range nested(nt, spans, all) {
			ex.Mentions = append(ex.Mentions, found(nt, s))
		}
		for _, s := range c.themes.find(nt.tokens(), p.Language, stems) {
			ex.Mentions = append(ex.Mentions, found(nt, s))
		}
		sort.SliceStable(ex.Mentions, func(a, b int) bool { return ex.Mentions[a].Start < ex.Mentions[b].Start })
		spanned := newSpanSet(spans)
		for _, r := range c.references(nt, titles, p.Language) {
			if spanned.overlaps(r.Start, r.End) {
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

// citedDocuments are the documents the page's citations name.
func (p *Page) citedDocuments(c *Catalog) []DocumentName {
	var out []DocumentName
	seen := map[string]bool{}
	for _, m := range p.Paragraphs {
		if m.Cite.Summit == nil || m.Cite.Title == "" {
			continue
		}
		id := p.documentID(c, m.Cite.Summit, m.Cite.Title, "")
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

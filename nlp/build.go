package nlp

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"summitgraph/graph"
)

// ExtractorVersion changes whenever extraction would give a different
// result for the same text, so that files are extracted again.
const ExtractorVersion = "8"

// FileReport summarizes what a file holds.
type FileReport struct {
	File     string
	Format   string         // what the file was read as: text, html or pdf
	Mandates int            // top-level mandates
	Items    int            // lettered or indented items
	BySummit map[string]int // mandates and items by summit label; "" for unattributed
	Entities int            // distinct conventions and institutions mentioned
	Themes   int            // distinct themes
	Mentions int            // mention occurrences
	Warnings []Warning
}

// Processed is a file turned into what the store writes.
type Processed struct {
	Page   *Page
	Batch  *graph.Batch
	Report FileReport
}

// Process parses, extracts and builds the batch of one text file. known
// lists the summit documents the store already holds (for references by
// title).
func (c *Catalog) Process(name string, data []byte, known []DocumentName) (*Processed, error) {
	return c.ProcessFrom(name, data, Origin{}, known)
}

// Origin is what a reader tells of the text it hands on: the format of the
// file, for a PDF the line on which each page starts, and what it warned
// of while reading.
type Origin struct {
	Format   string    // "text", "html" or "pdf"; "" is text
	Pages    []int     // Pages[i] is the 1-based line on which page i+1 starts; nil but for PDFs
	Warnings []Warning // the reader's warnings, reported before the parser's
	// Lang is the language the file declares (an HTML page's lang, a PDF's
	// /Lang), as written; "" when none. A hint: it is taken only where the
	// text does not tell its own language (see Page.hintLanguage).
	Lang string
}

// ProcessFrom is Process for text a reader took out of a file of another
// format: the paragraphs' sources record the format and their PDF page,
// and the report's warnings start with the reader's and give the page of
// every line.
func (c *Catalog) ProcessFrom(name string, data []byte, o Origin, known []DocumentName) (*Processed, error) {
	p, err := Parse(name, data, c)
	if err != nil {
		return nil, err
	}
	if o.Format == graph.FormatText {
		o.Format = ""
	}
	p.Format, p.Pages = o.Format, o.Pages
	p.hintLanguage(o.Lang)
	if len(o.Warnings) > 0 {
		p.Warnings = append(append([]Warning(nil), o.Warnings...), p.Warnings...)
	}
	for i := range p.Warnings {
		if w := &p.Warnings[i]; w.Page == 0 {
			w.Page = p.PageOf(w.Line)
		}
	}
	if err := checkLengths(p); err != nil {
		return nil, err
	}
	ex := c.Extract(p, known)
	sum := sha256.New()
	fmt.Fprintf(sum, "%s\x00%s\x00", c.Version, ExtractorVersion)
	if p.Format != "" {
		// Text files hash as they always have, so that a store written
		// before formats were recorded finds them unchanged.
		fmt.Fprintf(sum, "%s\x00%v\x00", p.Format, p.Pages)
	}
	sum.Write(data)
	b := c.Build(p, ex, hex.EncodeToString(sum.Sum(nil))[:24])
	return &Processed{Page: p, Batch: b, Report: report(p, ex)}, nil
}

// MaxMandateBytes is the longest a mandate (one paragraph) may be: real
// ones are a few KiB, and a file without line breaks (a PDF's text run
// together, a binary cut into text) would make one paragraph of all of it,
// which extraction takes seconds a MiB to read and no transaction can
// hold.
const MaxMandateBytes = 256 << 10

// checkLengths refuses a page with a mandate longer than MaxMandateBytes.
func checkLengths(p *Page) error {
	for _, m := range p.Paragraphs {
		if len(m.Text) > MaxMandateBytes {
			num := m.Number
			if num != "" {
				num = " " + num
			}
			return &InputError{File: p.File, Line: m.Line, Byte: -1, Msg: fmt.Sprintf("mandate%s is %d KiB long, more than the %d KiB one mandate may be: break the text into paragraphs (blank lines) or numbered mandates", num, (len(m.Text)+1023)>>10, MaxMandateBytes>>10)}
		}
	}
	return nil
}

func report(p *Page, ex *PageExtraction) FileReport {
	r := FileReport{File: p.File, Format: p.sourceFormat(), BySummit: map[string]int{}, Warnings: p.Warnings}
	ents, themes := map[string]bool{}, map[string]bool{}
	for i, m := range p.Paragraphs {
		if m.Parent < 0 {
			r.Mandates++
		} else {
			r.Items++
		}
		label := ""
		if m.Cite.Summit != nil {
			label = m.Cite.Summit.Label()
		}
		r.BySummit[label]++
		for _, f := range ex.Paragraphs[i].Mentions {
			r.Mentions++
			if f.Entity.EntityKind == graph.KindTheme {
				themes[f.Entity.ID] = true
			} else {
				ents[f.Entity.ID] = true
			}
		}
	}
	r.Entities, r.Themes = len(ents), len(themes)
	return r
}

// MandateID is the stable id of a mandate: a short hash of its document,
// its parent (for items), its number and its normalized text, under its
// summit.
func MandateID(summit *graph.Summit, docID, parentID, number, text string, occurrence int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", docID, parentID, number, normWords(text))
	if occurrence > 1 {
		fmt.Fprintf(h, "\x00%d", occurrence)
	}
	where := "unattributed"
	if summit != nil {
		where = strings.TrimPrefix(summit.ID, "summit/")
	}
	return "mandate/" + where + "/" + hex.EncodeToString(h.Sum(nil))[:12]
}

// Build turns a parsed and extracted page into the batch the store writes.
// A summit document's file gives its Document node (kind, language,
// preamble) and its paragraphs in order; a compilation page's citations
// give the documents they cite, in the language of the citing mandate.
func (c *Catalog) Build(p *Page, ex *PageExtraction, hash string) *graph.Batch {
	b := &graph.Batch{File: p.File, Hash: hash}
	ids := make([]string, len(p.Paragraphs))
	seenID := map[string]int{}
	docs := map[string]*graph.Document{}
	addDoc := func(s *graph.Summit, title, lang string) string {
		id := p.documentID(c, s, title, lang)
		switch d := docs[id]; {
		case d == nil:
			d = &graph.Document{ID: id, Title: title, Summit: s.ID, Year: s.Year, DocKind: graph.DocumentKind(DocumentKind(title)), Language: lang}
			docs[id] = d
			b.Documents = append(b.Documents, d)
		case d.Language == "":
			d.Language = lang // named by a reference first, then cited
		}
		return id
	}
	own, ownNeutral := "", "" // a summit document's own id, and its id whatever its language
	if d := p.Document; d != nil && d.Summit != nil {
		own, ownNeutral = c.documentFileID(d.Summit, d.Title, p.Language), c.DocumentID(d.Summit, d.Title)
		doc := &graph.Document{ID: own, Title: d.Title, Summit: d.Summit.ID, Year: d.Summit.Year, DocKind: d.Kind, Language: p.Language, Preamble: d.preambleText(), Read: true}
		docs[own] = doc
		b.Documents = append(b.Documents, doc)
	}
	for i, para := range p.Paragraphs {
		m := &graph.Mandate{
			Number:   para.Number,
			Text:     para.Text,
			Citation: para.Citation,
			Year:     para.Cite.Year,
			Language: para.Language,
			Sources:  []graph.Source{{File: p.File, Line: para.Line, Heading: para.Heading, Section: para.Section, Seq: i, Format: p.sourceFormat(), Page: p.PageOf(para.Line)}},
		}
		s := para.Cite.Summit
		neutral := "" // the document's language-neutral id, which the mandate's id hashes
		if s != nil {
			m.Summit = s.ID
			if m.Year == 0 {
				m.Year = s.Year
			}
			switch {
			case own != "":
				m.Document, neutral = own, ownNeutral
			case para.Cite.Title != "":
				m.Document = addDoc(s, para.Cite.Title, para.Language)
				neutral = p.documentID(c, s, para.Cite.Title, "")
			}
		}
		if para.Parent >= 0 {
			m.Parent = ids[para.Parent]
		}
		switch {
		case p.Document != nil && s == nil:
			m.Flags = append(m.Flags, graph.FlagUnresolved)
		case p.Document != nil:
		case para.Citation == "":
			m.Flags = append(m.Flags, graph.FlagUncited)
		case s == nil:
			m.Flags = append(m.Flags, graph.FlagUnresolved)
		}
		if para.Unnumbered {
			m.Flags = append(m.Flags, graph.FlagUnnumbered)
		}
		if para.Title {
			m.Flags = append(m.Flags, graph.FlagHeading)
		}
		if para.Truncated {
			m.Flags = append(m.Flags, graph.FlagTruncated)
		}
		base := MandateID(s, neutral, m.Parent, m.Number, m.Text, 0)
		seenID[base]++
		m.ID = base
		if n := seenID[base]; n > 1 {
			m.ID = MandateID(s, neutral, m.Parent, m.Number, m.Text, n)
		}
		ids[i] = m.ID
		b.Mandates = append(b.Mandates, m)
		if m.Document != "" {
			b.Edges = append(b.Edges, graph.Edge{From: m.ID, Type: graph.From, To: m.Document})
		}
		if m.Parent != "" {
			b.Edges = append(b.Edges, graph.Edge{From: m.ID, Type: graph.PartOf, To: m.Parent})
		}
		b.Edges = append(b.Edges, mentionEdges(m.ID, ex.Paragraphs[i].Mentions)...)
		b.Edges = append(b.Edges, referenceEdges(m.ID, ex.Paragraphs[i].References, func(s *graph.Summit, title string) string {
			return addDoc(s, title, "")
		})...)
		b.Vectors = append(b.Vectors, Vector(m.ID, m.Text, p.Language, m.Summit, true))
	}
	for _, e := range ex.Learned {
		b.Entities = append(b.Entities, e)
		if e.Origin == graph.OriginDiscovered {
			b.Vectors = append(b.Vectors, EntityVector(e))
		}
	}
	return b
}

// preambleText is the document's preamble as one text, its blocks
// separated by blank lines.
func (d *Document) preambleText() string {
	var b strings.Builder
	for i, t := range d.Preamble {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// mentionEdges groups a paragraph's mentions into one MENTIONS edge per
// entity, its evidence in text order.
func mentionEdges(from string, ms []Found) []graph.Edge {
	byEntity := map[string]*graph.Edge{}
	var order []string
	for _, f := range ms {
		e := byEntity[f.Entity.ID]
		if e == nil {
			e = &graph.Edge{From: from, Type: graph.Mentions, To: f.Entity.ID}
			byEntity[f.Entity.ID] = e
			order = append(order, f.Entity.ID)
		}
		e.Evidence = append(e.Evidence, f.Evidence)
	}
	out := make([]graph.Edge, 0, len(order))
	for _, id := range order {
		e := byEntity[id]
		sort.SliceStable(e.Evidence, func(i, j int) bool { return e.Evidence[i].Start < e.Evidence[j].Start })
		e.Weight = maxConfidence(e.Evidence)
		out = append(out, *e)
	}
	return out
}

func maxConfidence(ev []graph.Evidence) float64 {
	m := 0.0
	for _, e := range ev {
		if e.Confidence > m {
			m = e.Confidence
		}
	}
	return m
}

// referenceEdges groups a paragraph's references into one REFERENCES edge
// per target, creating the documents they name.
func referenceEdges(from string, refs []Ref, addDoc func(*graph.Summit, string) string) []graph.Edge {
	byTarget := map[string]*graph.Edge{}
	var order []string
	for _, r := range refs {
		target := r.Summit.ID
		if r.Title != "" {
			target = addDoc(r.Summit, r.Title)
		}
		e := byTarget[target]
		if e == nil {
			e = &graph.Edge{From: from, Type: graph.References, To: target}
			byTarget[target] = e
			order = append(order, target)
		}
		e.Evidence = append(e.Evidence, r.Evidence)
	}
	out := make([]graph.Edge, 0, len(order))
	for _, t := range order {
		out = append(out, *byTarget[t])
	}
	return out
}

// sourceFormat is the format its sources record.
func (p *Page) sourceFormat() string {
	if p.Format == "" {
		return graph.FormatText
	}
	return p.Format
}

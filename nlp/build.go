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
const ExtractorVersion = "6"

// FileReport summarizes what a file holds.
type FileReport struct {
	File     string
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

// Process parses, extracts and builds the batch of one file. known lists the
// summit documents the store already holds (for references by title).
func (c *Catalog) Process(name string, data []byte, known []DocumentName) (*Processed, error) {
	p, err := Parse(name, data, c)
	if err != nil {
		return nil, err
	}
	ex := c.Extract(p, known)
	sum := sha256.New()
	fmt.Fprintf(sum, "%s\x00%s\x00", c.Version, ExtractorVersion)
	sum.Write(data)
	b := c.Build(p, ex, hex.EncodeToString(sum.Sum(nil))[:24])
	return &Processed{Page: p, Batch: b, Report: report(p, ex)}, nil
}

func report(p *Page, ex *PageExtraction) FileReport {
	r := FileReport{File: p.File, BySummit: map[string]int{}, Warnings: p.Warnings}
	ents, themes := map[string]bool{}, map[string]bool{}
	for i, m := range p.Mandates {
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
			if f.Entity.EKind == graph.KindTheme {
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
func (c *Catalog) Build(p *Page, ex *PageExtraction, hash string) *graph.Batch {
	b := &graph.Batch{File: p.File, Hash: hash}
	ids := make([]string, len(p.Mandates))
	seenID := map[string]int{}
	docs := map[string]bool{}
	addDoc := func(s *graph.Summit, title string) string {
		id := p.documentID(s, title)
		if !docs[id] {
			docs[id] = true
			b.Documents = append(b.Documents, &graph.Document{ID: id, Title: title, Summit: s.ID, Year: s.Year})
		}
		return id
	}
	for i, para := range p.Mandates {
		m := &graph.Mandate{
			Number:   para.Number,
			Text:     para.Text,
			Citation: para.Citation,
			Year:     para.Cite.Year,
			Sources:  []graph.Source{{File: p.File, Line: para.Line, Heading: para.Heading, Seq: i}},
		}
		s := para.Cite.Summit
		if s != nil {
			m.Summit = s.ID
			if m.Year == 0 {
				m.Year = s.Year
			}
			if para.Cite.Title != "" {
				m.Document = addDoc(s, para.Cite.Title)
			}
		}
		if para.Parent >= 0 {
			m.Parent = ids[para.Parent]
		}
		switch {
		case para.Citation == "":
			m.Flags = append(m.Flags, graph.FlagUncited)
		case s == nil:
			m.Flags = append(m.Flags, graph.FlagUnresolved)
		}
		if para.Truncated {
			m.Flags = append(m.Flags, graph.FlagTruncated)
		}
		base := MandateID(s, m.Document, m.Parent, m.Number, m.Text, 0)
		seenID[base]++
		m.ID = base
		if n := seenID[base]; n > 1 {
			m.ID = MandateID(s, m.Document, m.Parent, m.Number, m.Text, n)
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
		b.Edges = append(b.Edges, referenceEdges(m.ID, ex.Paragraphs[i].References, addDoc)...)
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

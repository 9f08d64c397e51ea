package graph

import "time"

// EdgeQuery selects edges around one node.
type EdgeQuery struct {
	Node string
	Type EdgeType // "" for every type
	// In selects edges reaching Node instead of leaving it.
	In bool
	// WithProps reads the edges' weight and evidence.
	WithProps bool
	// Limit caps the number of edges (0: no cap).
	Limit int
}

// MandateFilter selects mandates. Zero fields select everything.
type MandateFilter struct {
	Summit   string
	Document string
	YearFrom int // 0: no lower bound
	YearTo   int // 0: no upper bound
	Mentions string
	TopLevel bool
	// Language keeps the mandates in one language (ISO 639-1: en, es, fr,
	// pt); "" any.
	Language string
}

// MandatePage is one page of a mandate listing.
type MandatePage struct {
	Mandates []*Mandate
	// Cursors[i] is the cursor of Mandates[i].
	Cursors     []string
	HasNextPage bool
	// HasPreviousPage: mandates come before the page (MandatesBefore);
	// left out of JSON when false, as pages recorded before it read.
	HasPreviousPage bool `json:",omitempty"`
}

// EndCursor is the cursor of the last mandate of the page, "" when empty.
func (p *MandatePage) EndCursor() string {
	if len(p.Cursors) == 0 {
		return ""
	}
	return p.Cursors[len(p.Cursors)-1]
}

// TraceRef is one summit of an entity's trace with the ids of its mandates
// that mention the entity, in listing order.
type TraceRef struct {
	Summit   *Summit
	Mandates []string
}

// MentionPage is one page of an entity's mentions, in listing order of
// their mandates and text order within a mandate.
type MentionPage struct {
	Mentions    []Mention
	Cursors     []string
	HasNextPage bool
}

// Related is an entity mentioned in the same mandates as another.
type Related struct {
	Entity *Entity
	// Count of mandates mentioning both.
	Count int
	// Weight is the Jaccard index of the two entities' mandate sets:
	// count / (mandates of one + mandates of the other - count).
	Weight float64
}

// EntityPage is a page of entities.
type EntityPage struct {
	Entities    []*Entity
	Cursors     []string
	HasNextPage bool
}

// Hit is a search result: a mandate or an entity, and its score.
type Hit struct {
	ID    string
	Score float64
}

// Subgraph is a set of nodes and the edges among them.
type Subgraph struct {
	Nodes []Node
	Edges []Edge
	// Truncated is true when the node limit cut the walk short.
	Truncated bool
}

// AuditEntry is one curation decision: what, when, by which token.
type AuditEntry struct {
	At     time.Time `cbor:"1,keyasint"`
	By     string    `cbor:"2,keyasint"` // the token's label
	Action string    `cbor:"3,keyasint"` // ingestDocument, addAlias, mergeEntities, rejectMention
	Target string    `cbor:"4,keyasint"`
	Detail string    `cbor:"5,keyasint,omitempty"`
	// Cursor is where a listing of the log stands at this entry (not stored).
	Cursor string `cbor:"-" json:"-"`
}

// NameMatch is an entity whose name is near a name asked for: the name of
// it that came nearest, as printed, the number of letters to change
// (insert, delete or replace) in the normalized forms, and a score from 0
// to 1 (1 when the normalized forms are equal).
type NameMatch struct {
	Entity   *Entity
	Name     string
	Distance int
	Score    float64
}

// Count is the number of the step's mandates.
func (t *TraceRef) Count() int { return len(t.Mandates) }

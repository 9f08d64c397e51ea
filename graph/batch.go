package graph

import (
	"fmt"
)

// Batch is everything one source file contributes to the graph. It is
// written by [Store.Apply] in one transaction.
type Batch struct {
	// File is the source's base name: the unit of replacement.
	File string
	// Hash is a digest of the file's content; a file whose hash is already
	// recorded is not written again.
	Hash string
	// Documents the file's mandates come from; created if new.
	Documents []*Document
	// Mandates and items, each with one Source (this file's).
	Mandates []*Mandate
	// Entities discovered in the text, or known entities with aliases the
	// text defined; merged into what the store holds.
	Entities []*Entity
	// Edges leaving the batch's mandates and documents: FROM, PART_OF,
	// MENTIONS, REFERENCES.
	Edges []Edge
	// Vectors index the batch's mandates (and new entities) for search and
	// similarity.
	Vectors []Vector
	// LinkText are the text features of the mandates' links, by mandate
	// id (LinkTextOf), computed ahead of the writer; nil, the store
	// computes them. Not stored.
	LinkText map[string]TextFeatures
}

// Vector is what the text index and the similarity index know of a
// mandate or an entity.
type Vector struct {
	ID string `cbor:"1,keyasint"`
	// Terms are the stems of the text with their frequencies.
	Terms []TermFreq `cbor:"2,keyasint,omitempty"`
	// Length is the number of indexed words (for BM25).
	Length int `cbor:"3,keyasint,omitempty"`
	// Signature is a MinHash signature of the text; empty for entities.
	Signature []uint32 `cbor:"4,keyasint,omitempty"`
	// Summit is the mandate's summit id, so that similar mandates of the
	// same summit can be told apart without reading the node.
	Summit string `cbor:"5,keyasint,omitempty"`
	// Group is the posting group its terms are stored in (set by the
	// store).
	Group string `cbor:"6,keyasint,omitempty"`
}

// TermFreq is a term and how often it occurs.
type TermFreq struct {
	Term string `cbor:"1,keyasint"`
	Freq int    `cbor:"2,keyasint"`
}

// Catalog is the reference data the store is loaded with: summits, entities
// and the relations between them.
type Catalog struct {
	// Version is a digest of the catalog files; a catalog already loaded
	// is not written again.
	Version   string
	Summits   []*Summit
	Entities  []*Entity
	Relations []Edge
	Vectors   []Vector
}

// Validate checks a batch before anything is written.
func (b *Batch) Validate() error {
	if b.File == "" {
		return Errorf(EINVALID, "batch without a file name")
	}
	if !ValidID(b.File) {
		return Errorf(EINVALID, "file name %q cannot be stored (no spaces, control characters or %q)", b.File, reserved)
	}
	seen := map[string]bool{}
	check := func(n Node) error {
		id := n.NodeID()
		if !ValidID(id) {
			return Errorf(EINVALID, "%s: invalid node id %q", b.File, id)
		}
		if seen[id] {
			return Errorf(EDUPLICATE, "%s: node %q twice in one file", b.File, id)
		}
		seen[id] = true
		return nil
	}
	for _, d := range b.Documents {
		if err := check(d); err != nil {
			return err
		}
	}
	for _, m := range b.Mandates {
		if err := check(m); err != nil {
			return err
		}
		if len(m.Sources) != 1 || m.Sources[0].File != b.File {
			return Errorf(EINVALID, "%s: mandate %s must have exactly this file as its source", b.File, m.ID)
		}
	}
	for _, e := range b.Entities {
		if err := check(e); err != nil {
			return err
		}
		if !e.EntityKind.IsEntity() {
			return Errorf(EINVALID, "%s: entity %s has kind %s", b.File, e.ID, e.EntityKind)
		}
	}
	for _, e := range b.Edges {
		if !ValidID(e.From) || !ValidID(e.To) || !e.Type.Valid() {
			return Errorf(EINVALID, "%s: invalid edge %s -%s-> %s", b.File, e.From, e.Type, e.To)
		}
	}
	return nil
}

// FileInfo describes an applied file.
type FileInfo struct {
	Name     string
	Hash     string
	Mandates int
}

// ApplyResult says what Apply did.
type ApplyResult struct {
	File string
	// Unchanged is true when the file was already in the store as it is.
	Unchanged bool
	// Replaced is true when an earlier version of the file was replaced.
	Replaced bool
	// Mandates written, and removed from the earlier version.
	Mandates, Removed int
	// Edges written, including SIMILAR edges found.
	Edges int
	// Similar is the number of RENEWS and RELATED links found.
	Similar int
	// Links is the number of links between mandates found (QUOTES,
	// TRANSLATION both ways, RENEWS, RELATED).
	Links int
}

func (r ApplyResult) String() string {
	if r.Unchanged {
		return fmt.Sprintf("%s: unchanged", r.File)
	}
	return fmt.Sprintf("%s: %d mandates, %d edges, %d links (%d similar)", r.File, r.Mandates, r.Edges, r.Links, r.Similar)
}

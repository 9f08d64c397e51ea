// Package graph is summitgraph's domain: the node kinds and edge types of
// the mandate graph, its nodes (Summit, Document, Mandate, Entity), edges
// and their evidence, the batch one source file contributes, the catalog,
// the results of queries, errors with their codes, and the normalized form
// names are compared in. It imports no storage or API library: the store
// is package graph/store.
package graph

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind is what a node of the graph is.
type Kind string

// The node kinds.
const (
	KindSummit      Kind = "SUMMIT"
	KindDocument    Kind = "DOCUMENT"
	KindMandate     Kind = "MANDATE"
	KindConvention  Kind = "CONVENTION"
	KindInstitution Kind = "INSTITUTION"
	KindTheme       Kind = "THEME"
)

// Kinds lists every node kind in a fixed order.
var Kinds = []Kind{KindSummit, KindDocument, KindMandate, KindConvention, KindInstitution, KindTheme}

// Valid reports whether k is one of the node kinds.
func (k Kind) Valid() bool {
	switch k {
	case KindSummit, KindDocument, KindMandate, KindConvention, KindInstitution, KindTheme:
		return true
	}
	return false
}

// IsEntity reports whether nodes of kind k are entities (conventions,
// institutions and themes).
func (k Kind) IsEntity() bool {
	return k == KindConvention || k == KindInstitution || k == KindTheme
}

// EdgeType names a directed relation between two nodes.
type EdgeType string

// The edge types the pipeline writes. Catalog relations (MONITORS,
// MEMBER_OF, ADOPTED_BY, ...) are edge types too; any upper-case word is a
// valid edge type.
const (
	IssuedAt   EdgeType = "ISSUED_AT"  // document → summit
	From       EdgeType = "FROM"       // mandate → document
	PartOf     EdgeType = "PART_OF"    // item → mandate, institution → institution
	Mentions   EdgeType = "MENTIONS"   // mandate → entity, with evidence
	References EdgeType = "REFERENCES" // mandate → summit or document, with evidence
	Monitors   EdgeType = "MONITORS"   // mechanism → instrument
	// CoMentioned links two entities mentioned in the same mandates
	// (smaller id → larger): made by the exports, never stored; Count is the
	// number of shared mandates, Weight their Jaccard index.
	CoMentioned EdgeType = "CO_MENTIONED"
)

// Valid reports whether t can be used as an edge type: upper-case ASCII
// letters and underscores.
func (t EdgeType) Valid() bool {
	if t == "" || len(t) > 40 {
		return false
	}
	for _, r := range t {
		if (r < 'A' || r > 'Z') && r != '_' {
			return false
		}
	}
	return true
}

// Node is any node of the graph: *Summit, *Document, *Mandate or *Entity.
type Node interface {
	NodeID() string
	Kind() Kind
	// Label is a short human-readable name, fit for a graph label.
	Label() string
}

// Summit is a Summit of the Americas, from the catalog.
type Summit struct {
	ID      string `json:"id" cbor:"1,keyasint"`
	Ordinal *int   `json:"ordinal" cbor:"2,keyasint,omitempty"` // nil for special summits
	Special bool   `json:"special" cbor:"3,keyasint,omitempty"`
	Name    string `json:"name" cbor:"4,keyasint"`
	NameES  string `json:"name_es" cbor:"5,keyasint,omitempty"`
	City    string `json:"city" cbor:"6,keyasint"`
	CityES  string `json:"city_es" cbor:"7,keyasint,omitempty"`
	Country string `json:"country" cbor:"8,keyasint"`
	// CountryES is the country's Spanish name.
	CountryES string  `json:"country_es" cbor:"9,keyasint,omitempty"`
	Year      int     `json:"year" cbor:"10,keyasint"`
	StartDate *string `json:"start_date" cbor:"11,keyasint,omitempty"`
	Status    string  `json:"status,omitempty" cbor:"12,keyasint,omitempty"`
	Note      string  `json:"note,omitempty" cbor:"13,keyasint,omitempty"`
	// Places are the names a citation may use for where it met.
	Places []string `json:"places" cbor:"14,keyasint,omitempty"`
	// Names, Cities and Countries are the summit's name, city and country
	// in the other official languages, by ISO 639-1 code ("fr", "pt");
	// English and Spanish are Name, City, Country and their ES fields.
	Names     map[string]string `json:"names,omitempty" cbor:"15,keyasint,omitempty"`
	Cities    map[string]string `json:"cities,omitempty" cbor:"16,keyasint,omitempty"`
	Countries map[string]string `json:"countries,omitempty" cbor:"17,keyasint,omitempty"`
}

// inLanguage picks the English, the Spanish or another language's form;
// "" when the language has none.
func inLanguage(lang, en, es string, other map[string]string) string {
	switch lang {
	case "en":
		return en
	case "es":
		return es
	}
	return other[lang]
}

// NameIn is the summit's name in a language ("en", "es", "fr", "pt"); ""
// when the catalog has none.
func (s *Summit) NameIn(lang string) string { return inLanguage(lang, s.Name, s.NameES, s.Names) }

// CityIn is the summit's city in a language; "" when none.
func (s *Summit) CityIn(lang string) string { return inLanguage(lang, s.City, s.CityES, s.Cities) }

// CountryIn is the summit's country in a language; "" when none.
func (s *Summit) CountryIn(lang string) string {
	return inLanguage(lang, s.Country, s.CountryES, s.Countries)
}

func (s *Summit) NodeID() string { return s.ID }
func (*Summit) Kind() Kind       { return KindSummit }
func (s *Summit) Label() string  { return s.City + " " + strconv.Itoa(s.Year) }

// SortKey orders summits chronologically: the first day when known, else
// the end of the year.
func (s *Summit) SortKey() string {
	if s.StartDate != nil && *s.StartDate != "" {
		return *s.StartDate
	}
	return fmt.Sprintf("%04d-12-31", s.Year)
}

// Document is a summit document that mandates come from, e.g. a Plan of
// Action or a Declaration, in one language. Documents are named by the
// citations that cite them, or read from their own title block; the first
// printed form of the title is kept. The same document in another language
// is another Document of the same summit.
type Document struct {
	ID     string `json:"id" cbor:"1,keyasint"`
	Title  string `json:"title" cbor:"2,keyasint"`
	Summit string `json:"summit" cbor:"3,keyasint"` // summit id
	Year   int    `json:"year" cbor:"4,keyasint,omitempty"`
	// DocKind is read from the title: a declaration, a plan of action, …
	// ("" for a document known from before kinds were read). Kind() is
	// the node kind.
	DocKind DocumentKind `json:"kind,omitempty" cbor:"5,keyasint,omitempty"`
	// Language is the ISO 639-1 code of the text (en, es, fr, pt).
	Language string `json:"language,omitempty" cbor:"6,keyasint,omitempty"`
	// Preamble is the document's unnumbered preambular text ("We, the
	// Heads of State…", "Recognizing…", a section's lead-in), exactly as
	// printed, its paragraphs separated by blank lines; "" when the
	// document was only cited.
	Preamble string `json:"preamble,omitempty" cbor:"7,keyasint,omitempty"`
	// Read is set when the document was read from its own file (its title
	// block), not only named by citations and references: its title,
	// language and preamble then come from that file, whatever named the
	// document first.
	Read bool `json:"read,omitempty" cbor:"8,keyasint,omitempty"`
}

// DocumentKind is what kind of summit document a Document is.
type DocumentKind string

// The document kinds.
const (
	DocDeclaration       DocumentKind = "DECLARATION"
	DocPlanOfAction      DocumentKind = "PLAN_OF_ACTION"
	DocCommitment        DocumentKind = "COMMITMENT"
	DocMandatesForAction DocumentKind = "MANDATES_FOR_ACTION"
	DocOther             DocumentKind = "OTHER"
)

func (d *Document) NodeID() string { return d.ID }
func (*Document) Kind() Kind       { return KindDocument }
func (d *Document) Label() string  { return d.Title }

// Source says where a mandate was read.
type Source struct {
	File    string `json:"file" cbor:"1,keyasint"`
	Line    int    `json:"line" cbor:"2,keyasint"`
	Heading string `json:"heading,omitempty" cbor:"3,keyasint,omitempty"`
	// Seq is the mandate's position in its file (0-based), for source order.
	Seq int `json:"seq" cbor:"4,keyasint,omitempty"`
	// Section is the chapter or section heading in force in a summit
	// document ("I. Democracy", "EDUCACIÓN"), when Heading is a heading
	// under it; "" otherwise.
	Section string `json:"section,omitempty" cbor:"5,keyasint,omitempty"`
	// Format is what the file was: "text", "html" or "pdf" (see
	// SourceFormat; "" in records written before formats were recorded,
	// which were all text).
	Format string `json:"format,omitempty" cbor:"6,keyasint,omitempty"`
	// Page is the 1-based PDF page the paragraph starts on; 0 for other
	// formats. Line is then the line of the text read from the PDF.
	Page int `json:"page,omitempty" cbor:"7,keyasint,omitempty"`
}

// The formats of source files.
const (
	FormatText = "text"
	FormatHTML = "html"
	FormatPDF  = "pdf"
)

// SourceFormat is the format of the file: "text" for records written
// before formats were recorded.
func (s Source) SourceFormat() string {
	if s.Format == "" {
		return FormatText
	}
	return s.Format
}

// Flags a mandate may carry: what the parser could not establish.
const (
	FlagUncited    = "uncited"    // no citation: the page was cut off or the source gives none
	FlagUnresolved = "unresolved" // the citation names no known summit, or its clues disagree
	FlagTruncated  = "truncated"  // the text stops mid-sentence
	FlagUnnumbered = "unnumbered" // no number printed (or it was lost in extraction): Number was given by position
	FlagHeading    = "heading"    // a numbered heading of a summit document ("1. Strengthening Democracy"): the title of the paragraphs after it
)

// Mandate is one numbered paragraph of a summit document, or a lettered
// or indented item of one.
type Mandate struct {
	ID string `json:"id" cbor:"1,keyasint"`
	// Number as printed ("1", "5.6", "Initiative 61", "b"); "" when none.
	Number string `json:"number,omitempty" cbor:"2,keyasint,omitempty"`
	// Text exactly as in the source, without number and citation.
	Text string `json:"text" cbor:"3,keyasint"`
	// Citation as printed, without parentheses; "" when none.
	Citation string `json:"citation,omitempty" cbor:"4,keyasint,omitempty"`
	Summit   string `json:"summit,omitempty" cbor:"5,keyasint,omitempty"`   // summit id, "" when unattributed
	Document string `json:"document,omitempty" cbor:"6,keyasint,omitempty"` // document id, "" when unattributed
	Year     int    `json:"year,omitempty" cbor:"7,keyasint,omitempty"`
	Parent   string `json:"parent,omitempty" cbor:"8,keyasint,omitempty"` // mandate id of the mandate an item belongs to
	// Sources are the files that carry this mandate, the first one primary.
	// The same mandate (same document, number and text) printed on two
	// pages is one node with two sources.
	Sources []Source `json:"sources" cbor:"9,keyasint"`
	Flags   []string `json:"flags,omitempty" cbor:"10,keyasint,omitempty"`
	// Language is the ISO 639-1 code of the text (en, es, fr, pt).
	Language string `json:"language,omitempty" cbor:"11,keyasint,omitempty"`
}

func (m *Mandate) NodeID() string { return m.ID }
func (*Mandate) Kind() Kind       { return KindMandate }

// Label is the number and the first words of the text.
func (m *Mandate) Label() string {
	const words = 8
	f := strings.Fields(m.Text)
	short := f
	if len(short) > words {
		short = short[:words]
	}
	s := strings.Join(short, " ")
	if len(f) > words {
		s += "…"
	}
	if m.Number != "" {
		s = m.Number + ". " + s
	}
	return s
}

// Source is the primary source.
func (m *Mandate) Source() Source {
	if len(m.Sources) == 0 {
		return Source{}
	}
	return m.Sources[0]
}

// HasFlag reports whether m carries flag f.
func (m *Mandate) HasFlag(f string) bool {
	for _, x := range m.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// Origins of an entity.
const (
	OriginCatalog    = "catalog"    // from seeds/entities.json or themes.json
	OriginDiscovered = "discovered" // found in a text, not in the catalog
)

// Entity is a convention, an institution or a theme.
type Entity struct {
	ID         string   `json:"id" cbor:"1,keyasint"`
	EntityKind Kind     `json:"kind" cbor:"2,keyasint"`
	Name       string   `json:"name" cbor:"3,keyasint"`
	NameES     string   `json:"name_es,omitempty" cbor:"4,keyasint,omitempty"`
	Acronyms   []string `json:"acronyms,omitempty" cbor:"5,keyasint,omitempty"`
	// Aliases are every other surface form known: catalogued, defined in a
	// text, or seen.
	Aliases []string `json:"aliases,omitempty" cbor:"6,keyasint,omitempty"`
	Year    int      `json:"year,omitempty" cbor:"7,keyasint,omitempty"`
	Group   string   `json:"group,omitempty" cbor:"8,keyasint,omitempty"` // themes: topic or population
	Origin  string   `json:"origin" cbor:"9,keyasint"`
	// Names are the canonical names in the other official languages, by
	// ISO 639-1 code ("fr", "pt"). Each is also among Aliases, so that
	// every index of an entity's names finds it.
	Names map[string]string `json:"names,omitempty" cbor:"10,keyasint,omitempty"`
}

// NameIn is the entity's name in a language ("en", "es", "fr", "pt"); ""
// when the catalog has none.
func (e *Entity) NameIn(lang string) string { return inLanguage(lang, e.Name, e.NameES, e.Names) }

func (e *Entity) NodeID() string { return e.ID }
func (e *Entity) Kind() Kind     { return e.EntityKind }
func (e *Entity) Label() string {
	if len(e.Acronyms) > 0 && utf8.RuneCountInString(e.Name) > 50 {
		return e.Acronyms[0]
	}
	return e.Name
}

// Acronym is the first acronym, "" when none.
func (e *Entity) Acronym() string {
	if len(e.Acronyms) == 0 {
		return ""
	}
	return e.Acronyms[0]
}

// Methods by which a link was found, in decreasing order of trust.
const (
	MethodCurated = "curated"
	MethodCatalog = "catalog"
	MethodAcronym = "acronym"
	MethodPattern = "pattern"
	MethodNER     = "ner"
	// MethodNested is a catalog name found inside a longer catalog name
	// (the Convention in the name of the mechanism that follows it up).
	MethodNested = "nested"
)

// Evidence says why a link exists: the words, where they are in the
// mandate text (Unicode code points, end exclusive), how they were found and
// how sure that is.
type Evidence struct {
	Surface    string  `json:"surface" cbor:"1,keyasint"`
	Start      int     `json:"start" cbor:"2,keyasint"`
	End        int     `json:"end" cbor:"3,keyasint"`
	Method     string  `json:"method" cbor:"4,keyasint"`
	Confidence float64 `json:"confidence" cbor:"5,keyasint"`
}

// Edge is a directed link between two nodes. Mentions and references carry
// their evidence, one entry per occurrence in text order; similarities a
// weight.
type Edge struct {
	From     string     `json:"from" cbor:"-"`
	Type     EdgeType   `json:"type" cbor:"-"`
	To       string     `json:"to" cbor:"-"`
	Weight   float64    `json:"weight,omitempty" cbor:"1,keyasint,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty" cbor:"2,keyasint,omitempty"`
	// Note says what matched, for the links between mandates (QUOTES,
	// TRANSLATION, RENEWS, RELATED): the rule, the aligned span or the
	// shared entities, numbers and words.
	Note string `json:"note,omitempty" cbor:"3,keyasint,omitempty"`
	// Count is a CO_MENTIONED edge's number of shared mandates (not
	// stored).
	Count int `json:"count,omitempty" cbor:"-"`
}

// Mention is one occurrence of an entity in a mandate's text.
type Mention struct {
	Mandate string
	Entity  string
	Evidence
}

// Reference is one explicit mention of a summit or a summit document in a
// mandate's text.
type Reference struct {
	Mandate string
	Target  string
	Evidence
}

// Stats counts what the store holds.
type Stats struct {
	Summits      int
	Documents    int
	Mandates     int
	Conventions  int
	Institutions int
	Themes       int
	Mentions     int // mention occurrences
	Edges        int
	Files        int
}

// Nodes is the total number of nodes.
func (s Stats) Nodes() int {
	return s.Summits + s.Documents + s.Mandates + s.Conventions + s.Institutions + s.Themes
}

// KindOfID tells a node's kind from its id: every id starts with its kind
// ("summit/…", "document/…", "mandate/…", "convention/…",
// "institution/…", "theme/…"). "" for an id of no known kind.
func KindOfID(id string) Kind {
	i := strings.IndexByte(id, '/')
	if i < 0 {
		return ""
	}
	switch id[:i] {
	case "summit":
		return KindSummit
	case "document":
		return KindDocument
	case "mandate":
		return KindMandate
	case "convention":
		return KindConvention
	case "institution":
		return KindInstitution
	case "theme":
		return KindTheme
	}
	return ""
}

// EntityNames are every name an entity answers to.
func EntityNames(e *Entity) []string {
	names := []string{e.Name}
	if e.NameES != "" {
		names = append(names, e.NameES)
	}
	names = append(names, e.Acronyms...)
	return append(names, e.Aliases...)
}

// reserved never occurs in an id: the store separates the parts of its
// keys with it.
const reserved = '|'

// ValidID reports whether id can be used as a node id: non-empty, at most
// 200 bytes of valid UTF-8, without the key separator, control characters or
// spaces.
func ValidID(id string) bool {
	if id == "" || len(id) > 200 || !utf8.ValidString(id) {
		return false
	}
	for _, r := range id {
		if r == reserved || r <= ' ' || r == 0x7f {
			return false
		}
	}
	return true
}

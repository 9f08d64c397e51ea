package export

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"summitgraph/graph"
)

// nquads writes RDF N-Quads as Dgraph's live loader takes them: blank-node
// subjects named from the stable ids, an <xid> predicate holding the id,
// a <dgraph.type>, scalar predicates with typed literals, one predicate per
// edge type in lower case, and a mention's evidence as facets. The schema
// to load with it comes from Schema.
type nquads struct {
	w  io.Writer
	ew errWriter
}

// BlankNode is the blank node label of a node id: "_:" and the id with
// "/" turned into "."; any character a label cannot hold becomes "_xHH".
func BlankNode(id string) string {
	var b strings.Builder
	b.WriteString("_:")
	for i, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		case (r == '-' || r == '.') && i > 0:
			b.WriteRune(r)
		case r == '/':
			b.WriteByte('.')
		default:
			fmt.Fprintf(&b, "_x%X", r)
		}
	}
	s := b.String()
	if strings.HasSuffix(s, ".") {
		s += "_" // a label cannot end with "."
	}
	return s
}

// literal quotes s as an N-Quads string literal.
func literal(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// xsd are the typed literal suffixes by property type.
var xsd = map[string]string{tInt: "^^<xs:int>", tDouble: "^^<xs:double>", tBool: "^^<xs:boolean>"}

// dgraphType names a node's Dgraph type.
func dgraphType(k graph.Kind) string {
	switch k {
	case graph.KindSummit:
		return "Summit"
	case graph.KindDocument:
		return "Document"
	case graph.KindMandate:
		return "Mandate"
	}
	return "Entity"
}

// Predicate is the Dgraph predicate of an edge type: MENTIONS → mentions.
func Predicate(t graph.EdgeType) string { return strings.ToLower(string(t)) }

func (q *nquads) begin() error {
	q.ew = errWriter{w: q.w}
	return nil
}

func (q *nquads) node(n graph.Node) error {
	s := BlankNode(n.NodeID())
	q.ew.printf("%s <xid> %s .\n", s, literal(n.NodeID()))
	q.ew.printf("%s <dgraph.type> %s .\n", s, literal(dgraphType(n.Kind())))
	for _, p := range nodeProps(n) {
		q.ew.printf("%s <%s> %s%s .\n", s, p.key, literal(p.value), xsd[p.typ])
	}
	return q.ew.err
}

func (q *nquads) middle() error { return q.ew.err }

func (q *nquads) edge(e graph.Edge) error {
	pred := Predicate(e.Type)
	var facets []string
	for _, p := range edgeProps(e) {
		if p.key == "type" {
			continue
		}
		switch p.typ {
		case tString:
			facets = append(facets, p.key+"="+literal(p.value))
		default:
			facets = append(facets, p.key+"="+p.value)
		}
	}
	f := ""
	if len(facets) > 0 {
		f = " (" + strings.Join(facets, ", ") + ")"
	}
	q.ew.printf("%s <%s> %s%s .\n", BlankNode(e.From), pred, BlankNode(e.To), f)
	return q.ew.err
}

func (q *nquads) end() error { return q.ew.err }

// scalarSchema is the Dgraph type and indexes of each scalar predicate.
// bnode is not written in the quads: `dgraph live --upsertPredicate bnode`
// keeps each blank node's name in it and finds the node again by it, so
// that loading the same export twice (or an overlapping one, such as a
// neighbourhood) makes no node twice. (`--upsertPredicate xid` does not:
// the live loader sets that predicate itself, and the export's own <xid>
// quads then clash with it.)
var scalarSchema = map[string]string{
	UpsertPredicate: "string @index(exact) @upsert",
	"xid":           "string @index(exact) @upsert", "kind": "string @index(exact)", "label": "string @index(term)",
	"name": "string @index(exact, term)", "nameEs": "string @index(term)", "text": "string @index(fulltext, term)",
	"year": "int @index(int)", "ordinal": "int", "special": "bool", "city": "string @index(exact)", "country": "string @index(exact)",
	"startDate": "string", "status": "string", "title": "string @index(term)", "summit": "string @index(exact)",
	"number": "string", "citation": "string @index(term)", "document": "string @index(exact)", "parent": "string @index(exact)",
	"file": "string @index(exact)", "line": "int", "heading": "string @index(exact)", "flags": "string @index(term)",
	"format": "string @index(exact)", "page": "int", "language": "string @index(exact)", "docKind": "string @index(exact)",
	"acronym": "string @index(exact)", "aliases": "string @index(term)", "origin": "string @index(exact)", "group": "string @index(exact)",
}

// UpsertPredicate is the predicate to give `dgraph live --upsertPredicate`.
const UpsertPredicate = "bnode"

// LiveCommand is the command that loads an export and its schema into
// Dgraph, idempotently.
func LiveCommand(data, schema string) string {
	return "dgraph live --format=rdf -f " + data + " -s " + schema + " --upsertPredicate " + UpsertPredicate
}

// Schema writes the Dgraph schema for an N-Quads export: every scalar
// predicate with its type and indexes, every edge predicate as [uid] with
// @reverse and @count, and the four node types. edgeTypes are the edge
// types of the graph.
func Schema(w io.Writer, edgeTypes []graph.EdgeType) error {
	ew := errWriter{w: w}
	scalars := make([]string, 0, len(scalarSchema))
	for p := range scalarSchema {
		scalars = append(scalars, p)
	}
	sort.Strings(scalars)
	for _, p := range scalars {
		ew.printf("%s: %s .\n", p, scalarSchema[p])
	}
	preds := map[string]bool{}
	for _, t := range edgeTypes {
		preds[Predicate(t)] = true
	}
	var edges []string
	for p := range preds {
		edges = append(edges, p)
	}
	sort.Strings(edges)
	for _, p := range edges {
		ew.printf("%s: [uid] @reverse @count .\n", p)
	}
	fields := func(keys []string) string {
		return "  " + strings.Join(keys, "\n  ")
	}
	common := []string{"xid", "kind", "label"}
	ew.printf("\ntype Summit {\n%s\n}\n", fields(append(common, "name", "nameEs", "ordinal", "special", "city", "country", "year", "startDate", "status")))
	ew.printf("\ntype Document {\n%s\n}\n", fields(append(common, "title", "summit", "year", "docKind", "language", "issued_at")))
	mandate := append(common, "number", "text", "citation", "summit", "document", "year", "parent", "file", "line", "heading", "format", "page", "language", "flags")
	for _, p := range edges {
		switch p {
		case "from", "part_of", "mentions", "references", "similar":
			mandate = append(mandate, p)
		}
	}
	ew.printf("\ntype Mandate {\n%s\n}\n", fields(mandate))
	entity := append(common, "name", "nameEs", "acronym", "aliases", "year", "origin", "group")
	for _, p := range edges {
		switch p {
		case "issued_at", "from", "mentions", "references", "similar":
		default:
			entity = append(entity, p)
		}
	}
	ew.printf("\ntype Entity {\n%s\n}\n", fields(entity))
	return ew.err
}

// EdgeTypes lists the edge types present in a store.
func EdgeTypes(ctx context.Context, s Store) ([]graph.EdgeType, error) {
	seen := map[graph.EdgeType]bool{}
	err := s.Each(ctx, nil, func(e graph.Edge) error {
		seen[e.Type] = true
		return nil
	})
	var out []graph.EdgeType
	for t := range seen {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, err
}

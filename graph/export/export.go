// Package export writes the graph in the formats graph tools read: GraphML
// (Gephi, yEd, Cytoscape desktop, networkx), GEXF 1.3 (Gephi), Cytoscape.js
// elements JSON, and RDF N-Quads with a schema for Dgraph's live loader.
//
// Every format is streamed: nodes and edges are read from the store and
// written one at a time, so memory stays flat however large the graph.
// Every node carries its id, kind, label and scalar properties; every edge
// its type and properties (a mention's surface, offsets, method and
// confidence, with the number of occurrences; a similarity's score).
package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"summitgraph/graph"
)

// Formats lists the export formats.
var Formats = []string{"graphml", "gexf", "cytoscape", "nquads"}

// ContentType is the media type of each format.
var ContentType = map[string]string{
	"graphml":   "application/graphml+xml; charset=utf-8",
	"gexf":      "application/gexf+xml; charset=utf-8",
	"cytoscape": "application/json; charset=utf-8",
	"nquads":    "application/n-quads; charset=utf-8",
}

// Extension is the usual file extension of each format.
var Extension = map[string]string{"graphml": ".graphml", "gexf": ".gexf", "cytoscape": ".json", "nquads": ".nq"}

// Options select what to export. The zero value exports everything.
type Options struct {
	// Kinds keeps only nodes of these kinds, and edges between them.
	Kinds []graph.Kind
	// Around exports the neighbourhood of this node instead of the whole
	// graph, Depth hops deep (edges followed both ways), at most Limit nodes.
	Around string
	Depth  int
	Limit  int
}

// Store is what an export reads.
type Store interface {
	// Each calls nodeFn with every node, then edgeFn with every edge,
	// from one snapshot; either may be nil.
	Each(ctx context.Context, nodeFn func(graph.Node) error, edgeFn func(graph.Edge) error) error
	Neighborhood(ctx context.Context, id string, depth, limit int) (*graph.Subgraph, error)
}

// ErrUnknownFormat is returned for a format not in Formats.
func unknownFormat(f string) error {
	return graph.Errorf(graph.EUNSUPPORTED, "unknown export format %q (use %s)", f, strings.Join(Formats, ", "))
}

// CheckFormat reports whether f is an export format.
func CheckFormat(f string) error {
	if _, ok := ContentType[f]; !ok {
		return unknownFormat(f)
	}
	return nil
}

// Summary says what an export wrote.
type Summary struct {
	Nodes, Edges int
	// EdgeTypes are the edge types written, for the Dgraph schema.
	EdgeTypes []graph.EdgeType
}

// Write exports the graph (or the part Options select) to w in format f.
func Write(ctx context.Context, w io.Writer, s Store, f string, o Options) (Summary, error) {
	var enc encoder
	switch f {
	case "graphml":
		enc = &graphML{w: w}
	case "gexf":
		enc = &gexf{w: w}
	case "cytoscape":
		enc = &cytoscape{w: w}
	case "nquads":
		enc = &nquads{w: w}
	default:
		return Summary{}, unknownFormat(f)
	}
	return write(ctx, enc, s, o)
}

// write streams the export through one encoder.
func write(ctx context.Context, enc encoder, s Store, o Options) (Summary, error) {
	var sum Summary
	src, err := newSource(ctx, s, o)
	if err != nil {
		return sum, err
	}
	if err := enc.begin(); err != nil {
		return sum, err
	}
	types := map[graph.EdgeType]bool{}
	between := false
	edge := func(e graph.Edge) error {
		if !between {
			between = true
			if err := enc.middle(); err != nil {
				return err
			}
		}
		sum.Edges++
		if !types[e.Type] {
			types[e.Type] = true
			sum.EdgeTypes = append(sum.EdgeTypes, e.Type)
		}
		return enc.edge(e)
	}
	co := newCoMentions()
	src.mentions = co.add
	err = src.each(ctx, func(n graph.Node) error {
		sum.Nodes++
		return enc.node(n)
	}, edge)
	if err != nil {
		return sum, err
	}
	for _, e := range co.edges(src.nodeKept) {
		if err := edge(e); err != nil {
			return sum, err
		}
	}
	if !between {
		if err := enc.middle(); err != nil {
			return sum, err
		}
	}
	sort.Slice(sum.EdgeTypes, func(i, j int) bool { return sum.EdgeTypes[i] < sum.EdgeTypes[j] })
	return sum, enc.end()
}

// encoder is one format.
type encoder interface {
	begin() error
	node(graph.Node) error
	middle() error // between nodes and edges
	edge(graph.Edge) error
	end() error
}

// source yields the nodes and edges an export includes.
type source struct {
	s     Store
	kinds map[graph.Kind]bool
	sub   *graph.Subgraph
	keep  map[string]bool // the subgraph's node ids
	// mentions, when set, is given every MENTIONS edge of the store or the
	// subgraph, whatever the kinds kept, in edge order.
	mentions func(graph.Edge)
}

// nodeKept reports whether a node is in the export.
func (src *source) nodeKept(id string) bool {
	if src.sub != nil {
		return src.keep[id]
	}
	return src.kindOK(id)
}

func newSource(ctx context.Context, s Store, o Options) (*source, error) {
	src := &source{s: s}
	if len(o.Kinds) > 0 {
		src.kinds = map[graph.Kind]bool{}
		for _, k := range o.Kinds {
			if !k.Valid() {
				return nil, graph.Errorf(graph.EINVALID, "unknown kind %q (SUMMIT, DOCUMENT, MANDATE, CONVENTION, INSTITUTION, THEME)", k)
			}
			src.kinds[k] = true
		}
	}
	if o.Around != "" {
		limit := o.Limit
		if limit <= 0 {
			limit = 5000
		}
		sub, err := s.Neighborhood(ctx, o.Around, o.Depth, limit)
		if err != nil {
			return nil, err
		}
		src.sub = sub
		src.keep = map[string]bool{}
		for _, n := range sub.Nodes {
			if src.kindOK(n.NodeID()) {
				src.keep[n.NodeID()] = true
			}
		}
	}
	return src, nil
}

func (src *source) kindOK(id string) bool {
	return src.kinds == nil || src.kinds[graph.KindOfID(id)]
}

// each yields the export's nodes, then its edges: the subgraph's, sorted,
// or the whole store's from one snapshot.
func (src *source) each(ctx context.Context, nodeFn func(graph.Node) error, edgeFn func(graph.Edge) error) error {
	if src.sub != nil {
		ns := append([]graph.Node(nil), src.sub.Nodes...)
		sort.Slice(ns, func(i, j int) bool { return ns[i].NodeID() < ns[j].NodeID() })
		for _, n := range ns {
			if src.keep[n.NodeID()] {
				if err := nodeFn(n); err != nil {
					return err
				}
			}
		}
		es := append([]graph.Edge(nil), src.sub.Edges...)
		sort.Slice(es, func(i, j int) bool { return edgeID(es[i]) < edgeID(es[j]) })
		for _, e := range es {
			if e.Type == graph.Mentions && src.mentions != nil {
				src.mentions(e)
			}
			if src.keep[e.From] && src.keep[e.To] {
				if err := edgeFn(e); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return src.s.Each(ctx, func(n graph.Node) error {
		if !src.kindOK(n.NodeID()) {
			return nil
		}
		return nodeFn(n)
	}, func(e graph.Edge) error {
		if e.Type == graph.Mentions && src.mentions != nil {
			src.mentions(e)
		}
		if !src.kindOK(e.From) || !src.kindOK(e.To) {
			return nil
		}
		return edgeFn(e)
	})
}

// edgeID is an edge's stable id in the exports.
func edgeID(e graph.Edge) string {
	return e.From + "|" + string(e.Type) + "|" + e.To
}

// Property types, as GraphML names them.
const (
	tString = "string"
	tInt    = "int"
	tDouble = "double"
	tBool   = "boolean"
)

// prop is a scalar property of a node or an edge.
type prop struct {
	key, typ, value string
}

// nodeKeys are the node properties every format declares, in order.
var nodeKeys = []struct{ key, typ string }{
	{"kind", tString}, {"label", tString}, {"name", tString}, {"nameEs", tString},
	{"ordinal", tInt}, {"special", tBool}, {"city", tString}, {"country", tString}, {"year", tInt}, {"startDate", tString}, {"status", tString},
	{"title", tString}, {"summit", tString},
	{"number", tString}, {"text", tString}, {"citation", tString}, {"document", tString}, {"parent", tString},
	{"file", tString}, {"line", tInt}, {"heading", tString}, {"format", tString}, {"page", tInt}, {"language", tString}, {"docKind", tString}, {"flags", tString},
	{"acronym", tString}, {"aliases", tString}, {"origin", tString}, {"group", tString},
}

// edgeKeys are the edge properties every format declares, in order.
var edgeKeys = []struct{ key, typ string }{
	{"type", tString}, {"weight", tDouble},
	{"surface", tString}, {"start", tInt}, {"end", tInt}, {"method", tString}, {"confidence", tDouble}, {"occurrences", tInt},
	{"evidence", tString}, {"count", tInt},
}

func str(k, v string) []prop {
	if v == "" {
		return nil
	}
	return []prop{{k, tString, v}}
}

func num(k string, v int) []prop {
	if v == 0 {
		return nil
	}
	return []prop{{k, tInt, strconv.Itoa(v)}}
}

// nodeProps are a node's scalar properties (empty ones left out).
func nodeProps(n graph.Node) []prop {
	ps := []prop{{"kind", tString, string(n.Kind())}, {"label", tString, n.Label()}}
	switch x := n.(type) {
	case *graph.Summit:
		ps = append(ps, str("name", x.Name)...)
		ps = append(ps, str("nameEs", x.NameES)...)
		if x.Ordinal != nil {
			ps = append(ps, prop{"ordinal", tInt, strconv.Itoa(*x.Ordinal)})
		}
		ps = append(ps, prop{"special", tBool, strconv.FormatBool(x.Special)})
		ps = append(ps, str("city", x.City)...)
		ps = append(ps, str("country", x.Country)...)
		ps = append(ps, num("year", x.Year)...)
		if x.StartDate != nil {
			ps = append(ps, str("startDate", *x.StartDate)...)
		}
		ps = append(ps, str("status", x.Status)...)
	case *graph.Document:
		ps = append(ps, str("title", x.Title)...)
		ps = append(ps, str("summit", x.Summit)...)
		ps = append(ps, num("year", x.Year)...)
		ps = append(ps, str("docKind", string(x.DocKind))...)
		ps = append(ps, str("language", x.Language)...)
	case *graph.Mandate:
		src := x.Source()
		ps = append(ps, str("number", x.Number)...)
		ps = append(ps, str("text", x.Text)...)
		ps = append(ps, str("citation", x.Citation)...)
		ps = append(ps, str("summit", x.Summit)...)
		ps = append(ps, str("document", x.Document)...)
		ps = append(ps, num("year", x.Year)...)
		ps = append(ps, str("parent", x.Parent)...)
		ps = append(ps, str("file", src.File)...)
		ps = append(ps, num("line", src.Line)...)
		ps = append(ps, str("heading", src.Heading)...)
		ps = append(ps, str("format", src.SourceFormat())...)
		ps = append(ps, num("page", src.Page)...)
		ps = append(ps, str("language", x.Language)...)
		ps = append(ps, str("flags", strings.Join(x.Flags, ","))...)
	case *graph.Entity:
		ps = append(ps, str("name", x.Name)...)
		ps = append(ps, str("nameEs", x.NameES)...)
		ps = append(ps, str("acronym", x.Acronym())...)
		ps = append(ps, str("aliases", strings.Join(x.Aliases, "; "))...)
		ps = append(ps, num("year", x.Year)...)
		ps = append(ps, str("origin", x.Origin)...)
		ps = append(ps, str("group", x.Group)...)
	}
	return ps
}

// edgeProps are an edge's properties: its type, its weight, for
// co-mentions the count of shared mandates, and for mentions and
// references the evidence of the first occurrence in columns of their own,
// the number of occurrences, and every occurrence's evidence as a JSON
// array (evidence); for links between mandates, what matched (evidence).
func edgeProps(e graph.Edge) []prop {
	ps := []prop{{"type", tString, string(e.Type)}}
	if e.Weight != 0 {
		ps = append(ps, prop{"weight", tDouble, formatFloat(e.Weight)})
	}
	if e.Count != 0 {
		ps = append(ps, prop{"count", tInt, strconv.Itoa(e.Count)})
	}
	if e.Note != "" {
		ps = append(ps, prop{"evidence", tString, e.Note})
	}
	if len(e.Evidence) > 0 {
		ev := e.Evidence[0]
		ps = append(ps,
			prop{"surface", tString, ev.Surface},
			prop{"start", tInt, strconv.Itoa(ev.Start)},
			prop{"end", tInt, strconv.Itoa(ev.End)},
			prop{"method", tString, ev.Method},
			prop{"confidence", tDouble, formatFloat(ev.Confidence)},
			prop{"occurrences", tInt, strconv.Itoa(len(e.Evidence))},
		)
		all, _ := json.Marshal(e.Evidence)
		ps = append(ps, prop{"evidence", tString, string(all)})
	}
	return ps
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// errWriter remembers the first write error, so that encoders can write
// without checking every call.
type errWriter struct {
	w   io.Writer
	err error
}

func (ew *errWriter) printf(format string, args ...any) {
	if ew.err == nil {
		_, ew.err = fmt.Fprintf(ew.w, format, args...)
	}
}

func (ew *errWriter) write(s string) {
	if ew.err == nil {
		_, ew.err = io.WriteString(ew.w, s)
	}
}

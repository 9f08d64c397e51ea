package gql

import (
	"summitgraph/graph"
)

// aliases are every name of an entity but its canonical one.
func aliases(e *graph.Entity) []string {
	out := []string{}
	if e.NameES != "" {
		out = append(out, e.NameES)
	}
	out = append(out, e.Acronyms...)
	return append(out, e.Aliases...)
}

func fromIDs(es []graph.Edge) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.From
	}
	return ids
}

func toIDs(es []graph.Edge) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.To
	}
	return ids
}

// catalogRelation reports whether an edge type is a relation between
// entities from the catalog rather than one the pipeline writes.
func catalogRelation(t graph.EdgeType) bool {
	switch t {
	case graph.IssuedAt, graph.From, graph.Mentions, graph.References, graph.Quotes, graph.Translation, graph.Renews, graph.RelatedTo:
		return false
	}
	return true
}

// searchText is the text a search snippet is cut from.
func searchText(n graph.Node) string {
	switch x := n.(type) {
	case *graph.Mandate:
		return x.Text
	case *graph.Entity:
		return x.Name
	}
	return n.Label()
}

func subgraph(sg *graph.Subgraph) *Subgraph {
	out := &Subgraph{Nodes: sg.Nodes, Edges: make([]*Edge, len(sg.Edges)), Truncated: sg.Truncated}
	for i, e := range sg.Edges {
		ge := &Edge{From: e.From, To: e.To, Type: string(e.Type)}
		if graph.IsLink(e.Type) || e.Type == graph.Mentions {
			w := e.Weight
			ge.Weight = &w
		}
		out.Edges[i] = ge
	}
	return out
}

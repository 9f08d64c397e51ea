package export

import (
	"context"
	"encoding/csv"
	"io"
	"strings"

	"summitgraph/graph"
)

// CSV is a node table and an edge table with the headers Neo4j's bulk
// importer (neo4j-admin database import) reads, and pandas too: nodes.csv
// starts `:ID,:LABEL,` and then the node properties; edges.csv starts
// `:START_ID,:END_ID,:TYPE,` and then the edge properties (the same as the
// graph formats', CO_MENTIONED edges included). A property a row lacks is
// an empty field.
type csvEnc struct {
	nodes     *csv.Writer
	edges     *csv.Writer
	openEdges func() (io.Writer, error)
}

// NodesFile and EdgesFile are the names of the two tables.
const (
	NodesFile = "nodes.csv"
	EdgesFile = "edges.csv"
)

// WriteCSV exports the graph (or the part o selects) as the two tables:
// the nodes to nodes, then the edges to the writer openEdges gives once the
// nodes are written (so that both can be entries of one zip stream).
func WriteCSV(ctx context.Context, nodes io.Writer, openEdges func() (io.Writer, error), s Store, o Options) (Summary, error) {
	return write(ctx, &csvEnc{nodes: csv.NewWriter(nodes), openEdges: openEdges}, s, o)
}

func (c *csvEnc) begin() error {
	h := []string{":ID", ":LABEL"}
	for _, k := range nodeKeys {
		h = append(h, k.key)
	}
	return c.nodes.Write(h)
}

func (c *csvEnc) node(n graph.Node) error {
	row := make([]string, 2+len(nodeKeys))
	row[0], row[1] = n.NodeID(), labelOf(n.Kind())
	fill(row[2:], nodeProps(n), nodeIndex)
	return c.nodes.Write(row)
}

func (c *csvEnc) middle() error {
	if c.nodes.Flush(); c.nodes.Error() != nil {
		return c.nodes.Error()
	}
	w, err := c.openEdges()
	if err != nil {
		return err
	}
	c.edges = csv.NewWriter(w)
	h := []string{":START_ID", ":END_ID", ":TYPE"}
	for _, k := range edgeKeys[1:] { // type is :TYPE
		h = append(h, k.key)
	}
	return c.edges.Write(h)
}

func (c *csvEnc) edge(e graph.Edge) error {
	row := make([]string, 3+len(edgeKeys)-1)
	row[0], row[1], row[2] = e.From, e.To, string(e.Type)
	fill(row[3:], edgeProps(e)[1:], edgeIndex)
	return c.edges.Write(row)
}

func (c *csvEnc) end() error {
	c.edges.Flush()
	return c.edges.Error()
}

// labelOf is a kind as a Neo4j label: "Mandate", "Convention".
func labelOf(k graph.Kind) string {
	s := strings.ToLower(string(k))
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var nodeIndex, edgeIndex = map[string]int{}, map[string]int{}

func init() {
	for i, k := range nodeKeys {
		nodeIndex[k.key] = i
	}
	for i, k := range edgeKeys[1:] {
		edgeIndex[k.key] = i
	}
}

// fill puts each property in its column.
func fill(row []string, ps []prop, index map[string]int) {
	for _, p := range ps {
		if i, ok := index[p.key]; ok {
			row[i] = p.value
		}
	}
}

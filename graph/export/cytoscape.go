package export

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"summitgraph/graph"
)

// cytoscape writes Cytoscape.js elements JSON:
// {"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}},
// one element per line.
type cytoscape struct {
	w     io.Writer
	ew    errWriter
	first bool
}

// typed turns properties into JSON values of their type.
func typed(ps []prop, into map[string]any) {
	for _, p := range ps {
		switch p.typ {
		case tInt:
			n, _ := strconv.Atoi(p.value)
			into[p.key] = n
		case tDouble:
			f, _ := strconv.ParseFloat(p.value, 64)
			into[p.key] = f
		case tBool:
			into[p.key] = p.value == "true"
		default:
			into[p.key] = p.value
		}
	}
}

func (c *cytoscape) element(data map[string]any) error {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep "<", ">" and "&" as they are in the text
	if err := enc.Encode(map[string]any{"data": data}); err != nil {
		return err
	}
	if !c.first {
		c.ew.write(",\n")
	}
	c.first = false
	c.ew.write("    ")
	c.ew.write(strings.TrimSuffix(b.String(), "\n"))
	return c.ew.err
}

func (c *cytoscape) begin() error {
	c.ew = errWriter{w: c.w}
	c.ew.write("{\"elements\": {\"nodes\": [\n")
	c.first = true
	return c.ew.err
}

func (c *cytoscape) node(n graph.Node) error {
	data := map[string]any{"id": n.NodeID()}
	typed(nodeProps(n), data)
	return c.element(data)
}

func (c *cytoscape) middle() error {
	c.ew.write("\n  ], \"edges\": [\n")
	c.first = true
	return c.ew.err
}

func (c *cytoscape) edge(e graph.Edge) error {
	data := map[string]any{"id": edgeID(e), "source": e.From, "target": e.To}
	typed(edgeProps(e), data)
	return c.element(data)
}

func (c *cytoscape) end() error {
	c.ew.write("\n  ]}}\n")
	return c.ew.err
}

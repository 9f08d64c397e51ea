package export

import (
	"bytes"
	"encoding/xml"
	"io"

	"summitgraph/graph"
)

// esc escapes text for XML content and attribute values; characters XML
// 1.0 cannot hold become U+FFFD.
func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// graphML writes GraphML with typed <key> declarations.
type graphML struct {
	w  io.Writer
	ew errWriter
}

func (g *graphML) begin() error {
	g.ew = errWriter{w: g.w}
	g.ew.write(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	for _, k := range nodeKeys {
		g.ew.printf("  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.key, k.key, k.typ)
	}
	for _, k := range edgeKeys {
		g.ew.printf("  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.key, k.key, k.typ)
	}
	g.ew.write("  <graph id=\"summitgraph\" edgedefault=\"directed\">\n")
	return g.ew.err
}

func (g *graphML) node(n graph.Node) error {
	g.ew.printf("    <node id=\"%s\">\n", esc(n.NodeID()))
	for _, p := range nodeProps(n) {
		g.ew.printf("      <data key=\"n_%s\">%s</data>\n", p.key, esc(p.value))
	}
	g.ew.write("    </node>\n")
	return g.ew.err
}

func (g *graphML) middle() error { return g.ew.err }

func (g *graphML) edge(e graph.Edge) error {
	g.ew.printf("    <edge id=\"%s\" source=\"%s\" target=\"%s\">\n", esc(edgeID(e)), esc(e.From), esc(e.To))
	for _, p := range edgeProps(e) {
		g.ew.printf("      <data key=\"e_%s\">%s</data>\n", p.key, esc(p.value))
	}
	g.ew.write("    </edge>\n")
	return g.ew.err
}

func (g *graphML) end() error {
	g.ew.write("  </graph>\n</graphml>\n")
	return g.ew.err
}

// gexf writes GEXF 1.3 for Gephi.
type gexf struct {
	w         io.Writer
	ew        errWriter
	nodeAttrs map[string]int
	edgeAttrs map[string]int
}

// gexfType maps property types to GEXF attribute types.
var gexfType = map[string]string{tString: "string", tInt: "integer", tDouble: "double", tBool: "boolean"}

func (g *gexf) begin() error {
	g.ew = errWriter{w: g.w}
	g.nodeAttrs, g.edgeAttrs = map[string]int{}, map[string]int{}
	g.ew.write(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>summitgraph</creator>
    <description>Mandates of the Summits of the Americas</description>
  </meta>
  <graph mode="static" defaultedgetype="directed">
    <attributes class="node">
`)
	i := 0
	for _, k := range nodeKeys {
		if k.key == "label" {
			continue // the node's label attribute
		}
		g.nodeAttrs[k.key] = i
		g.ew.printf("      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, k.key, gexfType[k.typ])
		i++
	}
	g.ew.write("    </attributes>\n    <attributes class=\"edge\">\n")
	i = 0
	for _, k := range edgeKeys {
		if k.key == "weight" {
			continue // the edge's weight attribute
		}
		g.edgeAttrs[k.key] = i
		g.ew.printf("      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, k.key, gexfType[k.typ])
		i++
	}
	g.ew.write("    </attributes>\n    <nodes>\n")
	return g.ew.err
}

func (g *gexf) node(n graph.Node) error {
	g.ew.printf("      <node id=\"%s\" label=\"%s\">\n        <attvalues>\n", esc(n.NodeID()), esc(n.Label()))
	for _, p := range nodeProps(n) {
		if id, ok := g.nodeAttrs[p.key]; ok {
			g.ew.printf("          <attvalue for=\"%d\" value=\"%s\"/>\n", id, esc(p.value))
		}
	}
	g.ew.write("        </attvalues>\n")
	if c, ok := kindColour[n.Kind()]; ok {
		g.ew.printf("        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", c[0], c[1], c[2])
	}
	g.ew.write("      </node>\n")
	return g.ew.err
}

func (g *gexf) middle() error {
	g.ew.write("    </nodes>\n    <edges>\n")
	return g.ew.err
}

func (g *gexf) edge(e graph.Edge) error {
	weight := ""
	if e.Weight != 0 {
		weight = ` weight="` + formatFloat(e.Weight) + `"`
	}
	g.ew.printf("      <edge id=\"%s\" source=\"%s\" target=\"%s\" kind=\"%s\" label=\"%s\"%s>\n        <attvalues>\n",
		esc(edgeID(e)), esc(e.From), esc(e.To), esc(string(e.Type)), esc(string(e.Type)), weight)
	for _, p := range edgeProps(e) {
		if id, ok := g.edgeAttrs[p.key]; ok {
			g.ew.printf("          <attvalue for=\"%d\" value=\"%s\"/>\n", id, esc(p.value))
		}
	}
	g.ew.write("        </attvalues>\n      </edge>\n")
	return g.ew.err
}

func (g *gexf) end() error {
	g.ew.write("    </edges>\n  </graph>\n</gexf>\n")
	return g.ew.err
}

// kindColour is each kind's colour in GEXF (viz:color), so that Gephi
// draws kinds apart without a partition step: the Okabe-Ito palette,
// told apart by colour-blind readers too.
var kindColour = map[graph.Kind][3]uint8{
	graph.KindSummit:      {230, 159, 0},
	graph.KindDocument:    {86, 180, 233},
	graph.KindMandate:     {153, 153, 153},
	graph.KindConvention:  {0, 158, 115},
	graph.KindInstitution: {0, 114, 178},
	graph.KindTheme:       {204, 121, 167},
}

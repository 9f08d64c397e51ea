package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/export"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var seeded struct {
	once sync.Once
	s    *store.Store
	err  error
}

func seedStore(t *testing.T) *store.Store {
	t.Helper()
	seeded.once.Do(func() { seeded.s, seeded.err = ingesttest.SeedStore(context.Background()) })
	if seeded.err != nil {
		t.Fatal(seeded.err)
	}
	return seeded.s
}

func exportString(t *testing.T, s *store.Store, format string, o export.Options) (string, export.Summary) {
	t.Helper()
	var b bytes.Buffer
	sum, err := export.Write(context.Background(), &b, s, format, o)
	if err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return b.String(), sum
}

// TestGolden holds each format's output on the seed byte for byte. Run
// with -update after an intended change and read the diff.
func TestGolden(t *testing.T) {
	s := seedStore(t)
	files := map[string]string{"graphml": "seed.graphml", "gexf": "seed.gexf", "cytoscape": "seed.cyjs.json", "nquads": "seed.nq"}
	var nqSum export.Summary
	for format, name := range files {
		t.Run(format, func(t *testing.T) {
			got, sum := exportString(t, s, format, export.Options{})
			if format == "nquads" {
				nqSum = sum
			}
			golden(t, name, got)
		})
	}
	var schema bytes.Buffer
	if err := export.Schema(&schema, nqSum.EdgeTypes); err != nil {
		t.Fatal(err)
	}
	golden(t, "seed.nq.schema", schema.String())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./graph/export -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test ./graph/export -update if the change is intended)", name, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, golden has %d", name, len(gl), len(wl))
	}
}

func stats(t *testing.T, s *store.Store) graph.Stats {
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

type graphmlDoc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func checkTyped(t *testing.T, typ, v, where string) {
	t.Helper()
	var err error
	switch typ {
	case "int", "integer":
		_, err = strconv.Atoi(v)
	case "double":
		_, err = strconv.ParseFloat(v, 64)
	case "boolean":
		_, err = strconv.ParseBool(v)
	case "string":
	default:
		err = fmt.Errorf("unknown type %q", typ)
	}
	if err != nil {
		t.Errorf("%s: %q is not a %s: %v", where, v, typ, err)
	}
}

func TestGraphML(t *testing.T) {
	s := seedStore(t)
	out, sum := exportString(t, s, "graphml", export.Options{})
	var doc graphmlDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	st := stats(t, s)
	co := 0
	for _, e := range doc.Graph.Edges {
		if strings.Contains(e.ID, "|CO_MENTIONED|") {
			co++
		}
	}
	if co == 0 || len(doc.Graph.Nodes) != st.Nodes() || len(doc.Graph.Edges)-co != st.Edges || sum.Nodes != st.Nodes() || sum.Edges-co != st.Edges {
		t.Errorf("GraphML has %d nodes and %d edges (%d co-mentions); stats say %d and %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), co, st.Nodes(), st.Edges)
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		keys[k.ID] = k.Type
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
		for _, d := range n.Data {
			typ, ok := keys[d.Key]
			if !ok {
				t.Fatalf("node %s uses undeclared key %s", n.ID, d.Key)
			}
			checkTyped(t, typ, d.Value, n.ID+"/"+d.Key)
		}
	}
	mentionEvidence := 0
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s has an unknown end", e.ID)
		}
		for _, d := range e.Data {
			typ, ok := keys[d.Key]
			if !ok {
				t.Fatalf("edge %s uses undeclared key %s", e.ID, d.Key)
			}
			checkTyped(t, typ, d.Value, e.ID+"/"+d.Key)
			if d.Key == "e_surface" {
				mentionEvidence++
			}
		}
	}
	if mentionEvidence == 0 {
		t.Error("no edge carries a mention's surface")
	}
}

// TestNetworkX reads the GraphML export with networkx (Debian's
// python3-networkx, which .ci/run installs) and compares its counts with
// the store's.
func TestNetworkX(t *testing.T) {
	python := ""
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import networkx").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		t.Skip("python3 with networkx is not installed (apt-get install python3-networkx)")
	}
	s := seedStore(t)
	st := stats(t, s)
	// networkx checks every CO_MENTIONED edge against the MENTIONS edges of
	// the same file (count: shared mandates, weight: their Jaccard index),
	// that every pair of entities sharing a mandate has one, and that a
	// mention edge's evidence lists every occurrence.
	script := `import sys, json, itertools, networkx as nx
g = nx.read_graphml(sys.argv[1])
ment, by = {}, {}
co, bad, evid = 0, 0, 0
for u, v, d in g.edges(data=True):
    if d.get("type") == "MENTIONS":
        ment.setdefault(v, set()).add(u)
        by.setdefault(u, set()).add(v)
        ev = json.loads(d["evidence"])
        if len(ev) != d["occurrences"] or ev[0]["surface"] != d["surface"]:
            bad += 1
        evid += len(ev)
pairs = set()
for m, es in by.items():
    pairs.update(itertools.combinations(sorted(es), 2))
for u, v, d in g.edges(data=True):
    if d.get("type") != "CO_MENTIONED":
        continue
    co += 1
    a, b = ment[u], ment[v]
    if (u, v) not in pairs or d["count"] != len(a & b) or abs(d["weight"] - len(a & b) / len(a | b)) > 1e-9:
        bad += 1
print(g.number_of_nodes(), g.number_of_edges() - co, co == len(pairs), bad, evid > len(ment), g.is_directed())`
	// (networkx 3.6 reads GEXF up to 1.2draft only: the GEXF 1.3 export is
	// checked by TestGEXF.)
	for _, format := range []string{"graphml"} {
		out, _ := exportString(t, s, format, export.Options{})
		path := filepath.Join(t.TempDir(), "seed."+format)
		os.WriteFile(path, []byte(out), 0o644)
		res, err := exec.Command(python, "-c", script, path, format).CombinedOutput()
		if err != nil {
			t.Fatalf("networkx, %s: %v\n%s", format, err, res)
		}
		if want := fmt.Sprintf("%d %d True 0 True True", st.Nodes(), st.Edges); strings.TrimSpace(string(res)) != want {
			t.Errorf("networkx read %s: %q; want %q", format, strings.TrimSpace(string(res)), want)
		}
	}
}

func TestGEXF(t *testing.T) {
	s := seedStore(t)
	out, _ := exportString(t, s, "gexf", export.Options{})
	var doc struct {
		XMLName xml.Name `xml:"gexf"`
		Version string   `xml:"version,attr"`
		Graph   struct {
			Attributes []struct {
				Class string `xml:"class,attr"`
				Attrs []struct {
					ID   string `xml:"id,attr"`
					Type string `xml:"type,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID     string `xml:"id,attr"`
				Label  string `xml:"label,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
				Colour struct {
					XMLName xml.Name
					R       string `xml:"r,attr"`
					G       string `xml:"g,attr"`
					B       string `xml:"b,attr"`
				} `xml:"http://gexf.net/1.3/viz color"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Weight string `xml:"weight,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	if doc.XMLName.Space != "http://gexf.net/1.3" || doc.Version != "1.3" {
		t.Errorf("not GEXF 1.3: %v %s", doc.XMLName, doc.Version)
	}
	types := map[string]map[string]string{}
	for _, a := range doc.Graph.Attributes {
		types[a.Class] = map[string]string{}
		for _, x := range a.Attrs {
			types[a.Class][x.ID] = x.Type
		}
	}
	st := stats(t, s)
	co := 0
	for _, e := range doc.Graph.Edges {
		if strings.HasPrefix(e.Source, "mandate/") || strings.HasPrefix(e.Source, "document/") {
			continue
		}
		if graph.KindOfID(e.Source).IsEntity() && graph.KindOfID(e.Target).IsEntity() && e.Source < e.Target {
			for _, v := range e.Values {
				if v.Value == "CO_MENTIONED" {
					co++
				}
			}
		}
	}
	if co == 0 || len(doc.Graph.Nodes) != st.Nodes() || len(doc.Graph.Edges)-co != st.Edges {
		t.Errorf("GEXF has %d nodes, %d edges (%d co-mentions); stats %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), co, st.Nodes(), st.Edges)
	}
	// Each kind has its colour (viz:color), and no two kinds share one.
	colours := map[string]string{}
	for _, n := range doc.Graph.Nodes {
		c := n.Colour.R + "," + n.Colour.G + "," + n.Colour.B
		k := string(graph.KindOfID(n.ID))
		if n.Colour.R == "" {
			t.Errorf("node %s has no viz:color", n.ID)
		} else if prev, ok := colours[k]; ok && prev != c {
			t.Errorf("kind %s drawn in %s and %s", k, prev, c)
		}
		colours[k] = c
	}
	seen := map[string]string{}
	for k, c := range colours {
		if o, ok := seen[c]; ok {
			t.Errorf("kinds %s and %s share colour %s", k, o, c)
		}
		seen[c] = k
	}
	for _, n := range doc.Graph.Nodes {
		if n.Label == "" {
			t.Errorf("node %s has no label", n.ID)
		}
		for _, v := range n.Values {
			typ, ok := types["node"][v.For]
			if !ok {
				t.Fatalf("node %s: undeclared attribute %s", n.ID, v.For)
			}
			checkTyped(t, typ, v.Value, n.ID)
		}
	}
	for _, e := range doc.Graph.Edges {
		if e.Weight != "" {
			checkTyped(t, "double", e.Weight, "weight")
		}
		for _, v := range e.Values {
			typ, ok := types["edge"][v.For]
			if !ok {
				t.Fatalf("edge %s→%s: undeclared attribute %s", e.Source, e.Target, v.For)
			}
			checkTyped(t, typ, v.Value, e.Source)
		}
	}
}

func TestCytoscape(t *testing.T) {
	s := seedStore(t)
	out, _ := exportString(t, s, "cytoscape", export.Options{})
	var doc struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	st := stats(t, s)
	co := 0
	for _, e := range doc.Elements.Edges {
		if e.Data["type"] == "CO_MENTIONED" {
			co++
			if n, ok := e.Data["count"].(float64); !ok || n < 1 {
				t.Errorf("co-mention without a count: %v", e.Data)
			}
			if w, ok := e.Data["weight"].(float64); !ok || w <= 0 || w > 1 {
				t.Errorf("co-mention weight not a Jaccard index: %v", e.Data)
			}
		}
	}
	if co == 0 || len(doc.Elements.Nodes) != st.Nodes() || len(doc.Elements.Edges)-co != st.Edges {
		t.Errorf("%d nodes, %d edges (%d co-mentions); stats %d, %d", len(doc.Elements.Nodes), len(doc.Elements.Edges), co, st.Nodes(), st.Edges)
	}
	ids := map[string]bool{}
	for _, n := range doc.Elements.Nodes {
		id, _ := n.Data["id"].(string)
		if id == "" || ids[id] || n.Data["kind"] == nil || n.Data["label"] == nil {
			t.Fatalf("bad node %v", n.Data)
		}
		ids[id] = true
	}
	for _, e := range doc.Elements.Edges {
		if !ids[e.Data["source"].(string)] || !ids[e.Data["target"].(string)] {
			t.Fatalf("edge with an unknown end: %v", e.Data)
		}
		if e.Data["type"] == "MENTIONS" {
			if _, ok := e.Data["start"].(float64); !ok {
				t.Fatalf("a mention's start is not a number: %v", e.Data)
			}
		}
	}
}

func TestSubsets(t *testing.T) {
	s := seedStore(t)
	out, sum := exportString(t, s, "cytoscape", export.Options{Kinds: []graph.Kind{graph.KindConvention, graph.KindInstitution}})
	if strings.Contains(out, `"kind":"MANDATE"`) || strings.Contains(out, `"type":"MENTIONS"`) || sum.Nodes == 0 || sum.Edges == 0 {
		t.Errorf("kinds filter: %d nodes, %d edges, mandates or mentions present", sum.Nodes, sum.Edges)
	}
	st := stats(t, s)
	if sum.Nodes != st.Conventions+st.Institutions {
		t.Errorf("%d nodes; want %d conventions and institutions", sum.Nodes, st.Conventions+st.Institutions)
	}
	out, sum = exportString(t, s, "graphml", export.Options{Around: "institution/mesicic", Depth: 1})
	if !strings.Contains(out, `<node id="institution/mesicic">`) || !strings.Contains(out, `<node id="convention/inter-american-convention-against-corruption">`) {
		t.Error("neighbourhood export lacks MESICIC or the convention it monitors")
	}
	if sum.Nodes >= st.Nodes() {
		t.Errorf("neighbourhood export has %d nodes of %d", sum.Nodes, st.Nodes())
	}
	for _, tt := range []struct {
		format string
		o      export.Options
		code   string
	}{
		{"svg", export.Options{}, graph.EUNSUPPORTED},
		{"graphml", export.Options{Around: "institution/nope"}, graph.ENOTFOUND},
		{"graphml", export.Options{Kinds: []graph.Kind{"PERSON"}}, graph.EINVALID},
	} {
		var b bytes.Buffer
		_, err := export.Write(context.Background(), &b, s, tt.format, tt.o)
		if graph.ErrorCode(err) != tt.code || b.Len() != 0 {
			t.Errorf("%s %+v: error %v (code %s), %d bytes written; want %s and nothing", tt.format, tt.o, err, graph.ErrorCode(err), b.Len(), tt.code)
		}
	}
}

// TestExportDuringIngest exports while a file is replaced, over and over,
// by versions with different mandates: nodes and edges come from one
// snapshot, so no exported edge ends at a node the export lacks.
func TestExportDuringIngest(t *testing.T) {
	ctx := context.Background()
	s, err := ingesttest.SeedStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	var versions []*graph.Batch
	for v := range 2 {
		var page strings.Builder
		for i := range 40 {
			fmt.Fprintf(&page, "  %d. Version %d, mandate %d: support the OAS and the Inter-American Development Bank in the fight against corruption. (Plan of Action Québec, 2001).\n\n", i+1, v, i)
		}
		p, err := c.Process("versions.txt", []byte(page.String()), nil)
		if err != nil {
			t.Fatal(err)
		}
		versions = append(versions, p.Batch)
	}
	done := make(chan struct{})
	applied := make(chan error, 1)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-done:
				applied <- nil
				return
			default:
			}
			if _, err := s.Apply(ctx, versions[i%2]); err != nil {
				applied <- err
				return
			}
		}
	}()
	defer func() {
		close(done)
		if err := <-applied; err != nil {
			t.Error(err)
		}
	}()
	for range 40 {
		var buf bytes.Buffer
		if _, err := export.Write(ctx, &buf, s, "cytoscape", export.Options{}); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Elements struct {
				Nodes []struct{ Data map[string]any }
				Edges []struct{ Data map[string]any }
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, n := range doc.Elements.Nodes {
			ids[n.Data["id"].(string)] = true
		}
		for _, e := range doc.Elements.Edges {
			if !ids[e.Data["source"].(string)] || !ids[e.Data["target"].(string)] {
				t.Fatalf("edge %v→%v, whose end the export lacks", e.Data["source"], e.Data["target"])
			}
		}
	}
}

// TestCoMentionsByKind: with --kind INSTITUTION --kind CONVENTION the
// export is who appears with whom: the entities and their CO_MENTIONED
// edges, counted over every mandate although no mandate is exported.
func TestCoMentionsByKind(t *testing.T) {
	s := seedStore(t)
	out, _ := exportString(t, s, "cytoscape", export.Options{Kinds: []graph.Kind{graph.KindInstitution, graph.KindConvention}})
	var doc struct {
		Elements struct {
			Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range doc.Elements.Edges {
		d := e.Data
		src, dst := d["source"].(string), d["target"].(string)
		for _, id := range []string{src, dst} {
			if k := graph.KindOfID(id); k != graph.KindInstitution && k != graph.KindConvention {
				t.Errorf("edge to a %s: %v", k, d)
			}
		}
		if d["type"] == "CO_MENTIONED" {
			got[src+" "+dst] = fmt.Sprintf("%v %.3f", d["count"], d["weight"])
		}
	}
	// The 2022 mandate names the Convention inside MESICIC's name: they
	// share that one mandate; the Convention is in 4, MESICIC in 1.
	if w := got["convention/inter-american-convention-against-corruption institution/mesicic"]; w != "1 0.250" {
		t.Errorf("Convention–MESICIC co-mention: %q (of %d co-mentions)", w, len(got))
	}
}

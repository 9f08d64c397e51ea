package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportCSV writes nodes.csv and edges.csv and reads them with
// Python's csv module as pandas or Neo4j's importer would: the headers,
// one row a node, every edge's ends among the nodes, every mention's
// evidence, and the co-mentions.
func TestExportCSV(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	store := t.TempDir()
	if code, _, errs := run(t, "--store", store, "ingest", seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	dir := filepath.Join(t.TempDir(), "csv")
	code, _, errs := run(t, "--store", store, "export", "--format", "csv", "--out", dir)
	if code != 0 || !strings.Contains(errs, "nodes.csv") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	script := `import csv, json, sys
d = sys.argv[1]
nodes = list(csv.DictReader(open(d + "/nodes.csv", newline="", encoding="utf-8")))
edges = list(csv.DictReader(open(d + "/edges.csv", newline="", encoding="utf-8")))
ids = {n[":ID"] for n in nodes}
assert len(ids) == len(nodes), "duplicate ids"
assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges), "dangling edge"
kinds = {n[":LABEL"] for n in nodes}
ment = [e for e in edges if e[":TYPE"] == "MENTIONS"]
assert all(len(json.loads(e["evidence"])) == int(e["occurrences"]) for e in ment), "evidence"
co = [e for e in edges if e[":TYPE"] == "CO_MENTIONED"]
assert all(int(e["count"]) >= 1 and 0 < float(e["weight"]) <= 1 for e in co), "co-mentions"
print(len(nodes), len(edges) - len(co), len(co) > 0, " ".join(sorted(kinds)))`
	out, err := exec.Command(python, "-c", script, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	_, stats, _ := run(t, "--store", store, "query", `{ stats { nodes edges } }`)
	var nodes, edges string
	for _, l := range strings.Split(stats, "\n") {
		l = strings.TrimSpace(l)
		if v, ok := strings.CutPrefix(l, `"nodes": `); ok {
			nodes = strings.TrimSuffix(v, ",")
		}
		if v, ok := strings.CutPrefix(l, `"edges": `); ok {
			edges = strings.TrimSuffix(v, ",")
		}
	}
	want := nodes + " " + edges + " True Convention Document Institution Mandate Summit Theme"
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("python read %q, want %q", got, want)
	}
}

package server

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"net/http"
	"testing"
)

// TestExportCSVZip: /export/csv is a zip of nodes.csv and edges.csv with
// Neo4j's bulk-import headers, every edge between listed nodes.
func TestExportCSVZip(t *testing.T) {
	_, hs := newServer(t, true)
	res, err := http.Get(hs.URL + "/export/csv?kind=INSTITUTION&kind=CONVENTION")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("%s %s: %.200s", res.Status, res.Header.Get("Content-Type"), body)
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string][][]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(rc).ReadAll()
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		tables[f.Name] = rows
	}
	nodes, edges := tables["nodes.csv"], tables["edges.csv"]
	if len(zr.File) != 2 || len(nodes) < 10 || len(edges) < 10 {
		t.Fatalf("zip has %d files, %d node rows, %d edge rows", len(zr.File), len(nodes), len(edges))
	}
	if nodes[0][0] != ":ID" || nodes[0][1] != ":LABEL" || edges[0][0] != ":START_ID" || edges[0][1] != ":END_ID" || edges[0][2] != ":TYPE" {
		t.Errorf("headers %q / %q", nodes[0][:3], edges[0][:4])
	}
	ids := map[string]bool{}
	for _, r := range nodes[1:] {
		if r[1] != "Institution" && r[1] != "Convention" {
			t.Errorf("node %s labelled %s", r[0], r[1])
		}
		ids[r[0]] = true
	}
	co := 0
	for _, r := range edges[1:] {
		if !ids[r[0]] || !ids[r[1]] {
			t.Errorf("edge %v has an end not in nodes.csv", r[:3])
		}
		if r[2] == "CO_MENTIONED" {
			co++
		}
	}
	if co == 0 {
		t.Error("no CO_MENTIONED edge")
	}
}

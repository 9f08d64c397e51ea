package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadBesideServer: with `serve` holding the store, `query` and
// `export` go through its HTTP API instead of refusing.
func TestReadBesideServer(t *testing.T) {
	store := t.TempDir()
	startServer(t, store)
	// The server seeds the store once listening: wait for the seed.
	var out, errs string
	var code int
	for i := 0; i < 200; i++ {
		code, out, errs = run(t, "--store", store, "query", `{ stats { files } }`)
		if code == 0 && strings.Contains(out, `"files": 1`) {
			break
		}
	}
	if code != 0 || !strings.Contains(out, `"files": 1`) {
		t.Fatalf("query beside the server: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = run(t, "--store", store, "query", `{ node(id: "nope/1") { id } }`)
	if code != 1 || !strings.Contains(out, `"NOT_FOUND"`) {
		t.Errorf("query error beside the server: exit %d\n%s", code, out)
	}
	dir := t.TempDir()
	nq := filepath.Join(dir, "seed.nq")
	code, _, errs = run(t, "--store", store, "export", "--format", "nquads", "--kind", "CONVENTION", "--out", nq)
	if code != 0 || !strings.Contains(errs, "from the server holding the store") {
		t.Fatalf("export beside the server: exit %d: %s", code, errs)
	}
	// check reads the files themselves: it cannot go through the server,
	// and says what to do instead (not to send files).
	code, _, errs = run(t, "--store", store, "check")
	if code != 1 || !strings.Contains(errs, "check reads the store's files itself") || strings.Contains(errs, "ingestDocument") {
		t.Errorf("check beside the server: exit %d %s", code, errs)
	}
	data, _ := os.ReadFile(nq)
	schema, _ := os.ReadFile(nq + ".schema")
	if !bytes.Contains(data, []byte(`<kind> "CONVENTION"`)) || bytes.Contains(data, []byte(`<kind> "MANDATE"`)) || !bytes.Contains(schema, []byte("bnode: string")) {
		t.Errorf("export: %d bytes, schema %d bytes", len(data), len(schema))
	}
}

// TestTraceBesideServer: trace through a server that holds the store
// prints byte for byte what it prints reading the store itself, as a
// table and as JSON, misspelled, ambiguous and unknown names included.
func TestTraceBesideServer(t *testing.T) {
	store := t.TempDir()
	if code, _, errs := run(t, "--store", store, "ingest", seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	traces := [][]string{
		{"CICC"}, {"--json", "CICC"}, {"MESCIC"}, {"--json", "MESCIC"}, {"OEAS"}, {"No Such Thing"},
		{"Inter-American"}, {"--json", "Inter-American"}, {"corruption"},
	}
	type result struct {
		code        int
		out, stderr string
	}
	local := make([]result, len(traces))
	for i, args := range traces {
		code, out, errs := run(t, append([]string{"--store", store, "trace"}, args...)...)
		local[i] = result{code, out, errs}
	}
	if local[0].code != 0 || !strings.Contains(local[0].out, "\n4 mandates at 3 summits\n") {
		t.Fatalf("trace CICC: %+v", local[0])
	}
	if !strings.Contains(local[3].out, `"didYouMean": [`) || !strings.Contains(local[3].out, `"id": "institution/mesicic"`) {
		t.Errorf("trace --json MESCIC:\n%s", local[3].out)
	}
	if !strings.Contains(local[6].out, "also matching") {
		t.Errorf("trace Inter-American:\n%s", local[6].out)
	}
	startServer(t, store)
	// The store is held now: the local read is refused, so what follows
	// went through the server.
	if _, err := openAppRead(context.Background(), store); err == nil {
		t.Fatal("the store opened beside the server")
	}
	for i, args := range traces {
		code, out, errs := run(t, append([]string{"--store", store, "trace"}, args...)...)
		if got := (result{code, out, errs}); got != local[i] {
			t.Errorf("trace %q beside the server:\n%+v\nin process:\n%+v", args, got, local[i])
		}
	}
}

// TestBackupBesideDefaultServer: `backup` beside a server started without
// a token (the default) takes the backup through it, as a client on the
// same machine, and restore makes the same store of it.
func TestBackupBesideDefaultServer(t *testing.T) {
	t.Setenv("SUMMITGRAPH_TOKEN", "")
	store := t.TempDir()
	s := startServer(t, store)
	for i := 0; i < 400; i++ {
		res, err := http.Get(s.base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	backup := filepath.Join(t.TempDir(), "seed.backup")
	code, _, errs := run(t, "--store", store, "backup", "--out", backup)
	if code != 0 || !strings.Contains(errs, "through the server") {
		t.Fatalf("backup beside the default server: exit %d %s", code, errs)
	}
	if s.stop() != 0 {
		t.Fatal("serve failed")
	}
	restored := t.TempDir()
	code, out, errs := run(t, "--store", restored, "restore", backup)
	if code != 0 || !strings.Contains(out, "mandates") {
		t.Fatalf("restore: exit %d %s %s", code, out, errs)
	}
	if dump(t, store) != dump(t, restored) {
		t.Error("the restored store differs from the one served")
	}
}

// TestExportCSVBesideServer: `export --format csv --out DIR` beside a
// server unpacks its /export/csv zip into DIR: the same two files, byte
// for byte, as the export made in process.
func TestExportCSVBesideServer(t *testing.T) {
	store := t.TempDir()
	if code, _, errs := run(t, "--store", store, "ingest", seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	exports := [][]string{{}, {"--kind", "INSTITUTION", "--kind", "CONVENTION"}}
	local := make([]string, len(exports))
	for i, args := range exports {
		local[i] = filepath.Join(t.TempDir(), "local")
		if code, _, errs := run(t, append([]string{"--store", store, "export", "--format", "csv", "--out", local[i]}, args...)...); code != 0 {
			t.Fatal(errs)
		}
	}
	startServer(t, store)
	for i, args := range exports {
		dir := filepath.Join(t.TempDir(), "remote")
		code, _, errs := run(t, append([]string{"--store", store, "export", "--format", "csv", "--out", dir}, args...)...)
		if code != 0 || !strings.Contains(errs, "from the server holding the store") {
			t.Fatalf("export csv %v beside the server: exit %d %s", args, code, errs)
		}
		for _, f := range []string{"nodes.csv", "edges.csv"} {
			want, _ := os.ReadFile(filepath.Join(local[i], f))
			got, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil || len(want) < 100 || !bytes.Equal(got, want) {
				t.Errorf("%v %s: %d bytes through the server, %d in process (%v)", args, f, len(got), len(want), err)
			}
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
			t.Errorf("temporary files left: %v", left)
		}
	}
	// A bad request is refused by the server, and writes nothing.
	dir := filepath.Join(t.TempDir(), "bad")
	code, _, errs := run(t, "--store", store, "export", "--format", "csv", "--out", dir, "--around", "nope/1")
	if files, _ := os.ReadDir(dir); code != 1 || !strings.Contains(errs, "refused the export") || len(files) != 0 {
		t.Errorf("bad csv export beside the server: exit %d %s, %d files", code, errs, len(files))
	}
}

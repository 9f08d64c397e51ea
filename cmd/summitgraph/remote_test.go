package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadBesideServer: with `serve` holding the store, `query` and
// `export` go through its HTTP API instead of refusing.
func TestReadBesideServer(t *testing.T) {
	store := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"--store", store, "serve", "--addr", "127.0.0.1:0"}, pw, &errb)
		pw.Close()
	}()
	defer func() { cancel(); <-done }()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil || !regexp.MustCompile(`http://[0-9.:]+/graphql`).MatchString(line) {
		t.Fatalf("no start line: %q %v (%s)", line, err, errb.String())
	}
	go io.Copy(io.Discard, pr)
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
	data, _ := os.ReadFile(nq)
	schema, _ := os.ReadFile(nq + ".schema")
	if !bytes.Contains(data, []byte(`<kind> "CONVENTION"`)) || bytes.Contains(data, []byte(`<kind> "MANDATE"`)) || !bytes.Contains(schema, []byte("bnode: string")) {
		t.Errorf("export: %d bytes, schema %d bytes", len(data), len(schema))
	}
}

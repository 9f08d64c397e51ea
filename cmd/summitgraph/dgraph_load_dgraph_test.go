//go:build load

package main_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// dgraph is a Dgraph zero and alpha on loopback ports.
type dgraph struct {
	bin, dir   string
	offset     int
	zero, alph *proc
}

func (d *dgraph) grpc() string  { return fmt.Sprintf("127.0.0.1:%d", 9080+d.offset) }
func (d *dgraph) api() string   { return fmt.Sprintf("http://127.0.0.1:%d", 8080+d.offset) }
func (d *dgraph) pids() []int   { return pids(d.zero, d.alph) }
func (d *dgraph) query() string { return d.api() + "/query" }

// freeOffset finds a port offset at which Dgraph's five ports (zero 5080
// and 6080, alpha 7080, 8080 and 9080, plus the offset) are free on
// loopback, keeping clear of 8080 and of the ephemeral range.
func freeOffset() (int, error) {
	for try := 0; try < 50; try++ {
		off := 100 + rand.IntN(22000)
		free := true
		for _, base := range []int{5080, 6080, 7080, 8080, 9080} {
			ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", base+off))
			if err != nil {
				free = false
				break
			}
			ln.Close()
		}
		if free {
			return off, nil
		}
	}
	return 0, errors.New("no free port offset for Dgraph")
}

// startDgraph starts zero and alpha bound to loopback, telemetry off,
// admin only from loopback, and waits for alpha to be healthy.
func startDgraph(t *testing.T, bin string) *dgraph {
	t.Helper()
	off, err := freeOffset()
	if err != nil {
		t.Fatal(err)
	}
	d := &dgraph{bin: bin, dir: t.TempDir(), offset: off}
	for _, sub := range []string{"zero", "alpha", "live"} {
		os.MkdirAll(filepath.Join(d.dir, sub), 0o755)
	}
	common := []string{"--bindall=false", "--telemetry", "reports=false; sentry=false;", "--port_offset", strconv.Itoa(off), "--log_dir", d.dir}
	d.zero = start(t, "zero", filepath.Join(d.dir, "zero"), bin, append([]string{"zero",
		"--my", fmt.Sprintf("127.0.0.1:%d", 5080+off)}, common...)...)
	d.alph = start(t, "alpha", filepath.Join(d.dir, "alpha"), bin, append([]string{"alpha",
		"--my", fmt.Sprintf("127.0.0.1:%d", 7080+off),
		"--zero", fmt.Sprintf("127.0.0.1:%d", 5080+off),
		"--security", "whitelist=127.0.0.1"}, common...)...)
	for deadline := time.Now().Add(2 * time.Minute); ; {
		res, err := http.Get(d.api() + "/health")
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == 200 && bytes.Contains(b, []byte(`"healthy"`)) {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("Dgraph alpha not healthy after 2 minutes:\n%s", d.alph.tail())
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("Dgraph %s: zero and alpha on 127.0.0.1, ports +%d (alpha HTTP %s, gRPC %s), in %s", bin, off, d.api(), d.grpc(), d.dir)
	return d
}

// live runs `dgraph live` with upserts on the blank nodes, at most limit.
func (d *dgraph) live(data, schema string, limit time.Duration) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, d.bin, "live", "--format=rdf", "-f", data, "-s", schema,
		"--upsertPredicate", upsertPredicate, "--alpha", d.grpc(), "--http", "127.0.0.1:0", "--tmp", filepath.Join(d.dir, "live"))
	cmd.Dir = filepath.Join(d.dir, "live")
	began := time.Now()
	out, err := cmd.CombinedOutput()
	took := time.Since(began)
	if ctx.Err() != nil {
		return took, fmt.Errorf("dgraph live did not finish in %s", limit)
	}
	if err != nil || bytes.Contains(out, []byte("Error while processing")) {
		if len(out) > 2000 {
			out = out[len(out)-2000:]
		}
		return took, fmt.Errorf("dgraph live: %v\n%s", err, out)
	}
	return took, nil
}

// dql runs a DQL query with variables on alpha.
func (d *dgraph) dql(query string, vars map[string]string, v any) error {
	return postJSON(d.query(), map[string]any{"query": query, "variables": vars}, v)
}

// nodes counts the nodes with an xid, and those with the given xid.
func (d *dgraph) nodes(id string) (all, withID int, err error) {
	var r struct {
		Data struct {
			All []struct{ Count int } `json:"all"`
			ID  []struct{ Count int } `json:"id"`
		}
	}
	err = d.dql(`query n($x: string) { all(func: has(xid)) { count(uid) } id(func: eq(xid, $x)) { count(uid) } }`, map[string]string{"$x": id}, &r)
	if err == nil && len(r.Data.All) == 1 && len(r.Data.ID) == 1 {
		all, withID = r.Data.All[0].Count, r.Data.ID[0].Count
	}
	return all, withID, err
}

// schemaWithUpsert copies the export's schema, adding the upsert
// predicate when the export does not declare it.
func schemaWithUpsert(t *testing.T, schema string) string {
	t.Helper()
	b, err := os.ReadFile(schema)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("xid: string @index(exact) @upsert .")) {
		t.Errorf("%s does not declare xid: string @index(exact) @upsert .", schema)
	}
	if !regexp.MustCompile(`(?m)^` + upsertPredicate + `: string @index\(exact\) @upsert \.`).Match(b) {
		b = append(b, []byte("\n"+upsertPredicate+": string @index(exact) @upsert .\n")...)
		t.Logf("the export's schema has no %s predicate: added %q for the upserts", upsertPredicate, upsertPredicate+": string @index(exact) @upsert .")
	}
	out := schema + ".upsert"
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

func dgTrace(d *dgraph, entity string) (traced, error) {
	var r struct {
		Data struct {
			Steps []struct {
				Label     string
				Documents []struct {
					Mandates []struct{ Xid string }
				}
			}
		}
	}
	if err := d.dql(dqlTrace, map[string]string{"$x": entity}, &r); err != nil {
		return nil, err
	}
	out := traced{}
	for _, s := range r.Data.Steps {
		for _, doc := range s.Documents {
			for _, m := range doc.Mandates {
				out[s.Label] = append(out[s.Label], m.Xid)
			}
		}
	}
	return out, nil
}

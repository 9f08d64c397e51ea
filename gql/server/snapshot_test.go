package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// TestTracesDuringWrites runs traces of an entity while ingestDocument
// keeps replacing a file of mandates that mention it: each trace reads one
// snapshot of the store, so none finds a mandate in the index and then
// misses its record (NOT_FOUND, data null), as reads in a transaction each
// did.
func TestTracesDuringWrites(t *testing.T) {
	_, hs := newServer(t, true)
	post := func(body map[string]any, token string) (map[string]any, error) {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest(http.MethodPost, hs.URL+"/graphql", strings.NewReader(string(b)))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		defer res.Body.Close()
		var out map[string]any
		return out, json.NewDecoder(res.Body).Decode(&out)
	}
	page := func(v int) string {
		var b strings.Builder
		b.WriteString("Organization of American States Summits of the Americas\nFollow-up and Implementation: Mandates\n\nCORRUPTION: Probity\nMANDATES\n\n")
		for i := 1; i <= 40; i++ {
			fmt.Fprintf(&b, "  %d. Support the Follow-up Mechanism for the Implementation of the Inter-American Convention against Corruption (MESICIC) in round %d, version %d. (Plan of Action Québec City, 2001).\n", i, i, v)
		}
		return b.String()
	}
	const ingest = `mutation($n: String!, $t: String!) { ingestDocument(name: $n, text: $t) { mandates } }`
	const trace = `query($e: ID!) { trace(entity: $e) { steps { mandates { id text } } } }`
	if r, err := post(map[string]any{"query": ingest, "variables": map[string]any{"n": "probity.txt", "t": page(0)}}, secret); err != nil || r["errors"] != nil {
		t.Fatalf("ingest: %v %v", r, err)
	}
	var done atomic.Bool
	var traces, bad atomic.Int64
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !done.Load() {
				r, err := post(map[string]any{"query": trace, "variables": map[string]any{"e": "institution/mesicic"}}, "")
				traces.Add(1)
				if err != nil || r["errors"] != nil || r["data"] == nil {
					if bad.Add(1) <= 3 {
						t.Errorf("trace during writes: %v %v", r["errors"], err)
					}
				}
			}
		}()
	}
	for v := 1; v <= 25; v++ {
		if r, err := post(map[string]any{"query": ingest, "variables": map[string]any{"n": "probity.txt", "t": page(v)}}, secret); err != nil || r["errors"] != nil {
			t.Fatalf("ingest %d: %v %v", v, r, err)
		}
	}
	done.Store(true)
	wg.Wait()
	t.Logf("%d traces during 25 writes, %d failed", traces.Load(), bad.Load())
	if traces.Load() < 25 {
		t.Errorf("only %d traces ran during the writes", traces.Load())
	}
}

// TestExportCutWhenItFails: an export that meets a record it cannot read
// after its first bytes went out cuts the response, so that the client
// sees a broken body rather than a clean end of a partial file.
func TestExportCutWhenItFails(t *testing.T) {
	s, hs := newServer(t, true)
	// A node record that does not decode, late in id order.
	err := s.store.DB().Update(func(txn *badger.Txn) error {
		return txn.Set([]byte("n|theme/zzzz-broken"), []byte{0xff, 0x00, 0x13})
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Get(hs.URL + "/export/graphml")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || len(body) < 4096 {
		t.Fatalf("status %d after %d bytes: the export failed before streaming, not midway", res.StatusCode, len(body))
	}
	if err == nil {
		t.Fatalf("the client read a clean end of a partial export (%d bytes)", len(body))
	}
}

// TestDeadHolder: the record of a server killed before it could remove it
// (kill -9) names a process that is gone, and is not taken for a holder.
func TestDeadHolder(t *testing.T) {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1) to get the id of a finished process:", err)
	}
	dir := t.TempDir()
	b, _ := json.Marshal(Holder{PID: cmd.Process.Pid, Addr: "127.0.0.1:1", Started: time.Now()})
	if err := os.WriteFile(filepath.Join(dir, holderFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if h, err := ReadHolder(dir); err == nil || !strings.Contains(err.Error(), "is gone") {
		t.Errorf("a dead server's record read as a holder: %+v, %v", h, err)
	}
}

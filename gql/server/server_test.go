package server

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"summitgraph/gql"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
)

const secret = "0123456789abcdef-server-test"

// newServer is a server of a store with the catalog, seeded or not, behind
// an httptest server.
func newServer(t *testing.T, seeded bool) (*Server, *httptest.Server) {
	t.Helper()
	ctx := context.Background()
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	st, err := ingesttest.CatalogStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := New(st, cat, Config{Tokens: []gql.Token{{Label: "test", Secret: secret}}, CORSOrigins: []string{"http://localhost:5173"}}, nil)
	if seeded {
		if _, err := s.Ingester().SeedIfEmpty(ctx); err != nil {
			t.Fatal(err)
		}
	}
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	return s, hs
}

func get(t *testing.T, url string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// TestReadiness: /healthz answers at once; /readyz only once the store
// holds a corpus and the server has started.
func TestReadiness(t *testing.T) {
	empty, hsEmpty := newServer(t, false)
	seeded, hsSeeded := newServer(t, true)
	tests := []struct {
		name   string
		s      *Server
		url    string
		ready  bool
		status int
		body   string
	}{
		{"health of an empty store", empty, hsEmpty.URL + "/healthz", false, 200, "ok"},
		{"an empty store", empty, hsEmpty.URL + "/readyz", true, 503, "not ready: no corpus ingested"},
		{"seeded, not started", seeded, hsSeeded.URL + "/readyz", false, 503, "not ready: starting"},
		{"seeded and started", seeded, hsSeeded.URL + "/readyz", true, 200, "ready"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.ready {
				tc.s.SetReady()
			}
			res, body := get(t, tc.url, nil)
			if res.StatusCode != tc.status || strings.TrimSpace(body) != tc.body {
				t.Errorf("%d %q, want %d %q", res.StatusCode, body, tc.status, tc.body)
			}
		})
	}
}

// TestCORS: the API answers the configured origin's preflight, with
// credentials; other origins get no CORS headers.
func TestCORS(t *testing.T) {
	_, hs := newServer(t, true)
	for _, tc := range []struct{ origin, allowed string }{
		{"http://localhost:5173", "http://localhost:5173"},
		{"http://evil.example", ""},
	} {
		req, _ := http.NewRequest(http.MethodOptions, hs.URL+"/graphql", nil)
		req.Header.Set("Origin", tc.origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != tc.allowed {
			t.Errorf("%s: allowed %q, want %q", tc.origin, got, tc.allowed)
		}
	}
}

// TestIngestCounted: files the server's ingester writes are counted in
// its metrics, by outcome.
func TestIngestCounted(t *testing.T) {
	_, hs := newServer(t, true)
	_, body := get(t, hs.URL+"/metrics", nil)
	if !strings.Contains(body, `summitgraph_ingested_files_total{outcome="written"} 1`) {
		t.Errorf("the seed is not counted as written:\n%s", grep(body, "ingested"))
	}
	if !strings.Contains(body, `summitgraph_store_objects{object="mandates"} 73`) {
		t.Errorf("the store's mandates are not reported:\n%s", grep(body, "store_objects"))
	}
}

func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestFetchBackup takes a backup through the server with a curation
// token, and is refused without one.
func TestFetchBackup(t *testing.T) {
	_, hs := newServer(t, true)
	addr := strings.TrimPrefix(hs.URL, "http://")
	var b bytes.Buffer
	if err := FetchBackup(context.Background(), addr, secret, &b); err != nil {
		t.Fatal(err)
	}
	restored, err := store.Open(store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if err := restored.Restore(context.Background(), &b); err != nil {
		t.Fatalf("restore the fetched backup: %v", err)
	}
	if st, _ := restored.Stats(context.Background()); st.Mandates != 73 {
		t.Errorf("restored %+v", st)
	}
	b.Reset()
	err = FetchBackup(context.Background(), addr, "wrong-token-0123456789", &b)
	if err == nil || !strings.Contains(err.Error(), "401 Unauthorized") || b.Len() > 0 {
		t.Errorf("with a wrong token: %v, %d bytes", err, b.Len())
	}
}

// TestHolder: a server's record in its store folder names its process and
// address, and is gone once removed.
func TestHolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadHolder(dir); err == nil {
		t.Error("a holder read from a folder without one")
	}
	if err := WriteHolder(dir, "127.0.0.1:8080"); err != nil {
		t.Fatal(err)
	}
	h, err := ReadHolder(dir)
	if err != nil || h.PID != os.Getpid() || h.Addr != "127.0.0.1:8080" || h.Started.IsZero() {
		t.Errorf("holder %+v, %v", h, err)
	}
	RemoveHolder(dir)
	if _, err := ReadHolder(dir); err == nil {
		t.Error("the holder is still there once removed")
	}
}

// TestBackupWho: who may take a backup. Without a token, a client on this
// machine (a loopback address) may, and no other: not one whose proxy
// says it is local (X-Forwarded-For is anyone's to send), nor a local
// proxy's client. A valid token may from anywhere; a wrong one never.
func TestBackupWho(t *testing.T) {
	s, _ := newServer(t, true)
	h := s.Handler()
	tests := []struct {
		name, remote string
		header       map[string]string
		ok           bool
	}{
		{"loopback", "127.0.0.1:50000", nil, true},
		{"loopback v6", "[::1]:50000", nil, true},
		{"another machine", "192.0.2.7:50000", nil, false},
		{"another machine, said to be local", "192.0.2.7:50000", map[string]string{"X-Forwarded-For": "127.0.0.1"}, false},
		{"another machine, said to be local (Forwarded)", "192.0.2.7:50000", map[string]string{"Forwarded": "for=127.0.0.1"}, false},
		{"a local proxy's client", "127.0.0.1:50000", map[string]string{"X-Forwarded-For": "203.0.113.9"}, false},
		{"a local proxy's client (X-Real-IP)", "127.0.0.1:50000", map[string]string{"X-Real-IP": "203.0.113.9"}, false},
		{"another machine with the token", "192.0.2.7:50000", map[string]string{"Authorization": "Bearer " + secret}, true},
		{"loopback with a wrong token", "127.0.0.1:50000", map[string]string{"Authorization": "Bearer wrong-token-0123456789"}, false},
		{"an address that is no address", "pipe", nil, false},
	}
	for _, tc := range tests {
		req := httptest.NewRequest(http.MethodGet, "/backup", nil)
		req.RemoteAddr = tc.remote
		for k, v := range tc.header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		if !tc.ok {
			if res.StatusCode != http.StatusUnauthorized || !strings.Contains(rec.Body.String(), "token") {
				t.Errorf("%s: %d %q, want 401", tc.name, res.StatusCode, rec.Body.String())
			}
			continue
		}
		if res.StatusCode != http.StatusOK || res.Trailer.Get("X-Backup-Status") != "complete" {
			t.Errorf("%s: %d, trailer %q", tc.name, res.StatusCode, res.Trailer.Get("X-Backup-Status"))
			continue
		}
		restored, err := store.Open(store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := restored.Restore(context.Background(), rec.Body); err != nil {
			t.Errorf("%s: restore: %v", tc.name, err)
		} else if st, _ := restored.Stats(context.Background()); st.Mandates != 73 {
			t.Errorf("%s: restored %+v", tc.name, st)
		}
		restored.Close()
	}
}

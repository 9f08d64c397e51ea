package gql

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
	"summitgraph/nlp"
)

// seeded is a store holding the embedded seed corpus, built once for the
// package's tests (they only read it).
var seeded struct {
	once  sync.Once
	store *store.Store
	err   error
}

func seedStore(t testing.TB) *store.Store {
	t.Helper()
	seeded.once.Do(func() {
		seeded.store, seeded.err = ingesttest.SeedStore(context.Background())
	})
	if seeded.err != nil {
		t.Fatal(seeded.err)
	}
	return seeded.store
}

// response is a GraphQL response with its errors' codes.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (r *response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// client posts operations to a test server running the real handler,
// which records what it learns of each request as the server's logs do.
type client struct {
	t     testing.TB
	url   string
	cache *queryCache

	mu   sync.Mutex
	info RequestInfo // of the last request
}

func newClient(t testing.TB, o Options) *client {
	t.Helper()
	if o.Store == nil {
		o.Store = seedStore(t)
	}
	if o.Analyzer == nil {
		o.Analyzer = nlp.Analyzer{}
	}
	c := &client{t: t}
	o.onCache = func(qc *queryCache) { c.cache = qc }
	h := NewHandler(o)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, info := WithRequestInfo(r.Context())
		h.ServeHTTP(w, r.WithContext(ctx))
		c.mu.Lock()
		c.info = *info
		c.mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	c.url = srv.URL
	return c
}

// last is what the handler recorded of the last request.
func (c *client) last() RequestInfo {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.info
}

// post sends a raw body and decodes the response, whatever its status.
func (c *client) post(body []byte, header http.Header) (int, *response) {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	var r response
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		c.t.Fatalf("decode response (status %d): %v", res.StatusCode, err)
	}
	return res.StatusCode, &r
}

// do runs an operation and decodes the response; data, when not nil,
// receives the data.
func (c *client) do(query string, vars map[string]any, data any) *response {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	_, r := c.post(body, nil)
	if data != nil && len(r.Data) > 0 && string(r.Data) != "null" {
		if err := json.Unmarshal(r.Data, data); err != nil {
			c.t.Fatalf("decode data %s: %v", r.Data, err)
		}
	}
	return r
}

// ok runs an operation that must not fail.
func (c *client) ok(query string, vars map[string]any, data any) {
	c.t.Helper()
	if r := c.do(query, vars, data); len(r.Errors) > 0 {
		c.t.Fatalf("query failed: %+v", r.Errors)
	}
}

func jsonBody(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// logBuffer collects a logger's lines from the server's goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func textLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}

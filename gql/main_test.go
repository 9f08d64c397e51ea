package gql

import (
	"bytes"
	"context"
	"encoding/json"
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

// client posts operations to a test server running the real handler.
type client struct {
	t   testing.TB
	url string
}

func newClient(t testing.TB, o Options) *client {
	t.Helper()
	if o.Store == nil {
		o.Store = seedStore(t)
	}
	if o.Analyzer == nil {
		o.Analyzer = nlp.Analyzer{}
	}
	srv := httptest.NewServer(NewHandler(o))
	t.Cleanup(srv.Close)
	return &client{t: t, url: srv.URL}
}

// do runs an operation and decodes the response; data, when not nil,
// receives the data.
func (c *client) do(query string, vars map[string]any, data any) *response {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	res, err := http.Post(c.url, "application/json", bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	var r response
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		c.t.Fatalf("decode response: %v", err)
	}
	if data != nil && len(r.Data) > 0 && string(r.Data) != "null" {
		if err := json.Unmarshal(r.Data, data); err != nil {
			c.t.Fatalf("decode data %s: %v", r.Data, err)
		}
	}
	return &r
}

// ok runs an operation that must not fail.
func (c *client) ok(query string, vars map[string]any, data any) {
	c.t.Helper()
	if r := c.do(query, vars, data); len(r.Errors) > 0 {
		c.t.Fatalf("query failed: %+v", r.Errors)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}

package gql

import (
	"net/http"
	"testing"
)

// TestAuditNeedsToken: the audit log names tokens and what they did: it
// is read with a curation token only (anyone could read it).
func TestAuditNeedsToken(t *testing.T) {
	const secret = "a-long-random-secret-0123"
	const audit = `{ audit(first: 5) { at by action target } }`
	bearer := func(s string) http.Header { return http.Header{"Authorization": {"Bearer " + s}} }
	curating := newClient(t, Options{Tokens: []Token{{Label: "alice", Secret: secret}}})
	readOnly := newClient(t, Options{Tokens: []Token{{Label: "alice", Secret: secret}}, ReadOnly: true})
	noTokens := newClient(t, Options{})
	for _, tc := range []struct {
		name   string
		c      *client
		header http.Header
		code   string
	}{
		{"no token", curating, nil, "UNAUTHORIZED"},
		{"a wrong token", curating, bearer("not-the-secret-at-all"), "UNAUTHORIZED"},
		{"the token", curating, bearer(secret), ""},
		{"the token, read-only server", readOnly, bearer(secret), ""},
		{"no token, read-only server", readOnly, nil, "UNAUTHORIZED"},
		{"a server without tokens", noTokens, bearer(secret), "UNAUTHORIZED"},
	} {
		_, r := tc.c.post(jsonBody(t, map[string]any{"query": audit}), tc.header)
		if r.code() != tc.code {
			t.Errorf("%s: %+v", tc.name, r.Errors)
		}
		if tc.code == "" && string(r.Data) != `{"audit":[]}` {
			t.Errorf("%s: %s", tc.name, r.Data)
		}
	}
}

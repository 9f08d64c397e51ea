package gql

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestWriteResponse: the transport writes what encoding/json writes for
// gqlgen's response, data copied as it is (encoding/json would also escape
// <, > and & in the data, which JSON does not need: none here).
func TestWriteResponse(t *testing.T) {
	for name, resp := range map[string]*graphql.Response{
		"data":       {Data: json.RawMessage(`{"trace":{"steps":[{"count":1,"text":"é \"q\" \u2028"}]}}`)},
		"null":       {},
		"errors":     {Data: json.RawMessage(`{"node":null}`), Errors: gqlerror.List{{Message: "not found", Extensions: map[string]any{"code": "NOT_FOUND"}}}},
		"extensions": {Data: json.RawMessage(`{"a":1}`), Extensions: map[string]any{"complexity": 3}},
	} {
		var got bytes.Buffer
		writeResponse(&got, resp)
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s:\n got %s\nwant %s", name, got.Bytes(), want)
		}
	}
}

// TestResponseContentType follows gqlgen's POST transport.
func TestResponseContentType(t *testing.T) {
	for accept, want := range map[string]string{
		"":                                  "application/json",
		"application/json":                  "application/json",
		"*/*":                               "application/json",
		"application/graphql-response+json": "application/graphql-response+json",
		"application/graphql-response+json, application/json": "application/graphql-response+json",
		"text/html": "application/graphql-response+json",
	} {
		r, _ := http.NewRequest("POST", "/graphql", nil)
		if accept != "" {
			r.Header.Set("Accept", accept)
		}
		if got := responseContentType(r); got != want {
			t.Errorf("Accept %q: %s, want %s", accept, got, want)
		}
	}
}

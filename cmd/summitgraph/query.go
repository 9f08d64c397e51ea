package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
)

func runQuery(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "query", "[--vars JSON] [--op NAME] 'GRAPHQL'", "Run one GraphQL operation against the store, in process, and print the JSON response.\nExit status 1 when the response has errors.")
	vars := fs.String("vars", "", "variables as a JSON object")
	op := fs.String("op", "", "operation name, when the document has several")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("give exactly one GraphQL document (quote it)")
	}
	body := map[string]any{"query": fs.Arg(0)}
	if *vars != "" {
		var v map[string]any
		if err := json.Unmarshal([]byte(*vars), &v); err != nil {
			return usageError("--vars is not a JSON object: %v", err)
		}
		body["variables"] = v
	}
	if *op != "" {
		body["operationName"] = *op
	}
	raw, _ := json.Marshal(body)
	var got []byte
	a, err := openAppRead(ctx, e.storeDir)
	if base, ok := servedBy(err, e.storeDir); ok {
		// A server holds the store: ask it.
		if got, err = postGraphQL(ctx, base, raw); err != nil {
			return err
		}
	} else if err != nil {
		return err
	} else {
		defer a.Close()
		req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(raw))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		a.queryHandler().ServeHTTP(rec, req)
		got = rec.Body.Bytes()
	}
	var out bytes.Buffer
	if err := json.Indent(&out, got, "", "  "); err != nil {
		out.Reset()
		out.Write(got)
	}
	fmt.Fprintln(e.stdout, out.String())
	var resp struct {
		Errors []json.RawMessage `json:"errors"`
	}
	if json.Unmarshal(got, &resp) == nil && len(resp.Errors) > 0 {
		return &exitError{code: 1, err: fmt.Errorf("the response has %s", count(len(resp.Errors), "error"))}
	}
	return nil
}

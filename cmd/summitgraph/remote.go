package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	httpserver "summitgraph/gql/server"
	"summitgraph/graph"
)

// Read-only commands beside a running server (issue 17): when `serve`
// holds the store, `query` and `export` ask it over HTTP at the address its
// holder file names, rather than refuse.

// servedBy reports whether err says a server holds the store in dir, and
// the server's base URL.
func servedBy(err error, dir string) (string, bool) {
	if graph.ErrorCode(err) != graph.EUNAVAILABLE {
		return "", false
	}
	h, herr := httpserver.ReadHolder(dir)
	if herr != nil || h.Addr == "" {
		return "", false
	}
	return "http://" + h.Addr, true
}

// postGraphQL sends one GraphQL request body to the server and returns its
// response body (a GraphQL response, errors included, whatever the status).
func postGraphQL(ctx context.Context, base string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/graphql", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, graph.Errorf(graph.EUNAVAILABLE, "the server holding the store (%s) does not answer: %v", base, err)
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

// getExport copies the server's export at path (with its query) to w.
func getExport(ctx context.Context, base, path string, w io.Writer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return graph.Errorf(graph.EUNAVAILABLE, "the server holding the store (%s) does not answer: %v", base, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
		return graph.Errorf(graph.EINVALID, "the server holding the store (%s) refused the export: %s: %s", base, res.Status, bytes.TrimSpace(msg))
	}
	if _, err := io.Copy(w, res.Body); err != nil {
		return fmt.Errorf("export from %s: %w", base, err)
	}
	return nil
}

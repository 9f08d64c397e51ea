package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"

	httpserver "summitgraph/gql/server"
	"summitgraph/graph"
)

// Read-only commands beside a running server (issue 17): when `serve`
// holds the store, `query`, `trace`, `export` and `backup` ask it over
// HTTP at the address its holder file names, rather than refuse.

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
	return "http://" + dialAddr(h.Addr), true
}

// dialAddr is where to reach a server listening on addr: a server on
// every interface (0.0.0.0, ::) is asked on the loopback one.
func dialAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err == nil && ip != nil && ip.IsUnspecified() {
		if ip.To4() != nil {
			return net.JoinHostPort("127.0.0.1", port)
		}
		return net.JoinHostPort("::1", port)
	}
	return addr
}

// queryServer runs one GraphQL operation on the server at base and decodes
// its data into out; the response's first error is returned as the domain
// error it carries (its code and message).
func queryServer(ctx context.Context, base, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	raw, err := postGraphQL(ctx, base, body)
	if err != nil {
		return err
	}
	return decodeGraphQL(raw, "the server holding the store ("+base+")", out)
}

// decodeGraphQL decodes a GraphQL response's data into out; its first
// error is returned as the domain error it carries. from says who
// answered.
func decodeGraphQL(raw []byte, from string, out any) error {
	var resp struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		return graph.Errorf(graph.EUNAVAILABLE, "%s did not answer in GraphQL: %v", from, err)
	}
	if len(resp.Errors) > 0 {
		code := resp.Errors[0].Extensions.Code
		if code == "" {
			code = graph.EINTERNAL
		}
		return graph.Errorf(code, "%s", resp.Errors[0].Message)
	}
	return json.Unmarshal(resp.Data, out)
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

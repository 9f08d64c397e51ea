package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"

	"summitgraph/gql"
)

// serveBackup streams a backup to a client on this machine, or to one
// holding a curation token (see mayBackUp). The trailer says whether it
// completed, and a backup that fails midway is cut (no clean end of the
// chunked body), so a cut stream is never taken for a whole backup.
func (s *Server) serveBackup() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if msg := s.mayBackUp(r); msg != "" {
			http.Error(w, msg, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Disposition", `attachment; filename="summitgraph.backup"`)
		w.Header().Set("Trailer", "X-Backup-Status")
		// The 200 goes out before the first key is read: a failure at any
		// point after is then a cut body, never an error page that a
		// client could save as the backup.
		w.WriteHeader(http.StatusOK)
		_ = http.NewResponseController(w).Flush()
		if err := unpanic(func() error { return s.store.Backup(r.Context(), streaming(w, streamStall)) }); err != nil {
			s.log.Error("backup cut short", "err", err)
			panic(http.ErrAbortHandler)
		}
		w.Header().Set("X-Backup-Status", "complete")
	}
}

// mayBackUp says why r may not take a backup, or "" when it may. A backup
// holds the whole store, the audit log (which names tokens) included, so
// it is not a read like the others: a request with a curation token may
// take one; without one, only a client on this machine, seen from the
// connection itself (a loopback address), with no sign of a proxy in
// front (a Forwarded, X-Forwarded-For or X-Real-IP header: the proxy's
// clients are not this machine's). Those headers never make a client
// local: anyone can send them.
func (s *Server) mayBackUp(r *http.Request) string {
	if r.Header.Get("Authorization") != "" {
		if gql.Authorized(r, s.cfg.Tokens) {
			return ""
		}
		return "the curation token is not valid"
	}
	for _, h := range []string{"Forwarded", "X-Forwarded-For", "X-Real-Ip"} {
		if r.Header.Get(h) != "" {
			return "a backup through a proxy needs a curation token: Authorization: Bearer <token>"
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return "a backup from another machine needs a curation token: Authorization: Bearer <token>"
	}
	return ""
}

// FetchBackup asks the server at addr (host:port) for a backup of its
// store, with a curation token unless token is "" (enough on this
// machine), and writes it to w. An error means w did
// not get a whole backup: refused, or cut short.
func FetchBackup(ctx context.Context, addr, token string, w io.Writer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/backup", nil)
	if err != nil {
		return fmt.Errorf("backup through the server at %s: %w", addr, err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("backup through the server at %s: %w", addr, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(res.Body, 1000))
		return fmt.Errorf("backup through the server at %s: %s %s", addr, res.Status, strings.TrimSpace(string(msg)))
	}
	n, err := io.Copy(w, res.Body)
	if err == nil && res.Trailer.Get("X-Backup-Status") != "complete" {
		err = fmt.Errorf("backup through the server at %s was cut short after %d bytes", addr, n)
	}
	return err
}

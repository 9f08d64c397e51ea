package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"summitgraph/gql"
)

// serveBackup streams a backup to a client holding a curation token. The
// trailer says whether it completed, and a backup that fails midway is cut
// (no clean end of the chunked body), so a cut stream is never taken for a
// whole backup.
func (s *Server) serveBackup() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !gql.Authorized(r, s.cfg.Tokens) {
			http.Error(w, "a curation token is required: Authorization: Bearer <token>", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Disposition", `attachment; filename="summitgraph.backup"`)
		w.Header().Set("Trailer", "X-Backup-Status")
		if err := unpanic(func() error { return s.store.Backup(r.Context(), streaming(w, streamStall)) }); err != nil {
			s.log.Error("backup cut short", "err", err)
			panic(http.ErrAbortHandler)
		}
		w.Header().Set("X-Backup-Status", "complete")
	}
}

// FetchBackup asks the server at addr (host:port) for a backup of its
// store, with a curation token, and writes it to w. An error means w did
// not get a whole backup: refused, or cut short.
func FetchBackup(ctx context.Context, addr, token string, w io.Writer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/backup", nil)
	if err != nil {
		return fmt.Errorf("backup through the server at %s: %w", addr, err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
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

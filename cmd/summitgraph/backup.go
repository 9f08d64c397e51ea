package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	httpserver "summitgraph/gql/server"
	"summitgraph/graph"
	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
)

func runBackup(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "backup", "--out FILE", "Write a full backup of the store to FILE (whole or not at all). Works while a server holds\nthe store: the backup is then taken through it (GET /backup, as a client on this machine; with the\nsecret in $SUMMITGRAPH_TOKEN when set).")
	out := fs.String("out", "", "backup file to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError("--out is required")
	}
	st, err := store.Open(store.Options{Dir: e.storeDir, ReadOnly: true})
	if store.IsHeld(err) {
		return backupThroughServer(ctx, e, *out)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	if err := writeAtomically(*out, e.stdout, func(w io.Writer) error { return st.Backup(ctx, w) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s\n", *out)
	return nil
}

// backupThroughServer asks the server holding the store for the backup:
// as a client on the same machine, which needs no token; with the one
// secret of $SUMMITGRAPH_TOKEN when it holds one (a server that the
// holder file names on another address asks for it).
func backupThroughServer(ctx context.Context, e *env, out string) error {
	h, err := httpserver.ReadHolder(e.storeDir)
	if err != nil {
		return heldError(e.storeDir, "")
	}
	token := strings.TrimSpace(os.Getenv("SUMMITGRAPH_TOKEN"))
	if i := strings.IndexByte(token, '='); i > 0 && !strings.Contains(token, ",") {
		token = token[i+1:]
	}
	if strings.Contains(token, ",") {
		token = "" // several: none is the one to send
	}
	err = writeAtomically(out, e.stdout, func(w io.Writer) error { return httpserver.FetchBackup(ctx, dialAddr(h.Addr), token, w) })
	if err != nil {
		return graph.Errorf(graph.EUNAVAILABLE, "store %s is held by a server (pid %d): %v", e.storeDir, h.PID, err)
	}
	fmt.Fprintf(e.stderr, "wrote %s (through the server, pid %d)\n", out, h.PID)
	return nil
}

func runRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "restore", "FILE", "Restore a backup into an empty store.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("give the backup file")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), ingest.PathError(err))
	}
	defer f.Close()
	st, err := store.Open(store.Options{Dir: e.storeDir})
	if store.IsHeld(err) {
		return heldError(e.storeDir, "restore goes into an empty store: give another --store, a new folder")
	}
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Restore(ctx, f); err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restored %s into %s: %s, %s, %s\n", fs.Arg(0), e.storeDir, count(stats.Files, "file"), count(stats.Mandates, "mandate"), count(stats.Edges, "edge"))
	return nil
}

package main

import (
	"context"
	"log/slog"

	httpserver "summitgraph/gql/server"
	"summitgraph/graph"
	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
	"summitgraph/nlp"
)

// app is an open store with the catalog loaded into it.
type app struct {
	store   *store.Store
	catalog *nlp.Catalog
}

// openApp opens the store in dir and loads the catalog into it.
func openApp(ctx context.Context, dir string, log *slog.Logger) (*app, error) {
	return openAppWith(ctx, store.Options{Dir: dir, Logger: log}, "it serves that store already: use it, or stop it first")
}

// openAppRead opens the store in dir for reading only (query, trace,
// export): nothing in its folder is written, and a folder that holds no
// store reads as an empty one.
func openAppRead(ctx context.Context, dir string) (*app, error) {
	return openAppWith(ctx, store.Options{Dir: dir, ReadOnly: true}, "stop it first")
}

// openAppWith is openApp with the store's options given, and what to do
// when a server holds the store (see heldError).
func openAppWith(ctx context.Context, opts store.Options, advice string) (*app, error) {
	cat, err := ingest.Catalog()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(opts)
	if store.IsHeld(err) {
		return nil, heldError(opts.Dir, advice)
	}
	if err != nil {
		return nil, err
	}
	if err := st.LoadCatalog(ctx, cat.Graph()); err != nil {
		st.Close()
		return nil, err
	}
	return &app{store: st, catalog: cat}, nil
}

func (a *app) Close() error { return a.store.Close() }

// What to do about a store a server holds, by command.
const (
	adviceIngest = "stop it first, or send files to it with the ingestDocument mutation (see README, Curation)"
	adviceCheck  = "check reads the store's files itself, which the server may be rewriting: stop it first (meanwhile its /readyz says whether it reads the store, and a backup taken through it restores into a new folder that check can read)"
)

// heldError explains a store that another process holds, in one line;
// advice says what to do when that process is a server.
func heldError(dir, advice string) error {
	if h, err := httpserver.ReadHolder(dir); err == nil {
		return graph.Errorf(graph.EUNAVAILABLE,
			"store %s is held by a running summitgraph server (pid %d, http://%s, since %s): %s",
			dir, h.PID, h.Addr, h.Started.Local().Format("2006-01-02 15:04"), advice)
	}
	return graph.Errorf(graph.EUNAVAILABLE, "store %s is in use by another process (another summitgraph command?): wait for it to finish, or use another --store", dir)
}

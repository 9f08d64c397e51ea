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
	return openAppWith(ctx, store.Options{Dir: dir, Logger: log})
}

// openAppRead opens the store in dir for reading only (query, trace,
// export): nothing in its folder is written, and a folder that holds no
// store reads as an empty one.
func openAppRead(ctx context.Context, dir string) (*app, error) {
	return openAppWith(ctx, store.Options{Dir: dir, ReadOnly: true})
}

// openAppWith is openApp with the store's options given.
func openAppWith(ctx context.Context, opts store.Options) (*app, error) {
	cat, err := ingest.Catalog()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(opts)
	if store.IsHeld(err) {
		return nil, heldError(opts.Dir)
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

// heldError explains a store that another process holds, in one line.
func heldError(dir string) error {
	if h, err := httpserver.ReadHolder(dir); err == nil {
		return graph.Errorf(graph.EUNAVAILABLE,
			"store %s is held by a running summitgraph server (pid %d, http://%s, since %s): stop it first, or send files to it with the ingestDocument mutation (see README, Curation)",
			dir, h.PID, h.Addr, h.Started.Local().Format("2006-01-02 15:04"))
	}
	return graph.Errorf(graph.EUNAVAILABLE, "store %s is in use by another process (another summitgraph command?): wait for it to finish, or use another --store", dir)
}

package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"summitgraph/graph"
	"summitgraph/graph/store"
	"summitgraph/nlp"
	"summitgraph/seeds"
)

var (
	catalogOnce sync.Once
	catalog     *nlp.Catalog
	catalogErr  error
)

// loadCatalog reads the embedded catalog once per process.
func loadCatalog() (*nlp.Catalog, error) {
	catalogOnce.Do(func() {
		catalog, catalogErr = nlp.LoadCatalog(seeds.FS())
		if catalogErr != nil {
			catalogErr = fmt.Errorf("catalog: %w", catalogErr)
		}
	})
	return catalog, catalogErr
}

// app is an open store with the catalog loaded into it.
type app struct {
	store   *store.Store
	catalog *nlp.Catalog
	curated curatedCatalog
	metrics *metrics // set by serve
}

// openApp opens the store in dir and loads the catalog into it.
func openApp(ctx context.Context, dir string, log *slog.Logger) (*app, error) {
	return openAppWith(ctx, store.Options{Dir: dir, Logger: log})
}

// openAppWith is openApp with the store's options given.
func openAppWith(ctx context.Context, opts store.Options) (*app, error) {
	cat, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(opts)
	if graph.ErrorCode(err) == graph.EUNAVAILABLE {
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

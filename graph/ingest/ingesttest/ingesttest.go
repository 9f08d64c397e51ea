// Package ingesttest builds stores for other packages' tests: the embedded
// catalog, and the embedded seed corpus ingested into an in-memory store
// the way `summitgraph serve` seeds an empty one.
package ingesttest

import (
	"context"

	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
	"summitgraph/nlp"
)

// Catalog is the embedded catalog, loaded once (ingest.Catalog).
func Catalog() (*nlp.Catalog, error) { return ingest.Catalog() }

// CatalogStore returns a new in-memory store holding the catalog only.
func CatalogStore(ctx context.Context) (*store.Store, error) {
	c, err := Catalog()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(store.Options{})
	if err != nil {
		return nil, err
	}
	if err := st.LoadCatalog(ctx, c.Graph()); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// SeedStore returns a new in-memory store holding the catalog and the
// embedded seed corpus.
func SeedStore(ctx context.Context) (*store.Store, error) {
	st, err := CatalogStore(ctx)
	if err != nil {
		return nil, err
	}
	c, _ := Catalog()
	if _, err := ingest.New(st, c, ingest.Options{}).SeedIfEmpty(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

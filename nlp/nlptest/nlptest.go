// Package nlptest builds stores for other packages' tests: the embedded
// seed corpus parsed, extracted and applied into an in-memory store, the
// way `summitgraph serve` seeds an empty one.
package nlptest

import (
	"context"
	"io/fs"
	"sync"

	"summitgraph/graph/store"
	"summitgraph/nlp"
	"summitgraph/seeds"
)

var (
	catOnce sync.Once
	cat     *nlp.Catalog
	catErr  error
)

// Catalog is the embedded catalog, loaded once.
func Catalog() (*nlp.Catalog, error) {
	catOnce.Do(func() { cat, catErr = nlp.LoadCatalog(seeds.FS()) })
	return cat, catErr
}

// SeedStore returns a new in-memory store holding the catalog and the
// embedded seed corpus.
func SeedStore(ctx context.Context) (*store.Store, error) {
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
	for _, name := range seeds.Corpus() {
		data, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			st.Close()
			return nil, err
		}
		p, err := c.Process(name, data, nil)
		if err != nil {
			st.Close()
			return nil, err
		}
		if _, err := st.Apply(ctx, p.Batch); err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, nil
}

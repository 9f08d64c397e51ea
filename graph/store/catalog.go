package store

import (
	"context"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"summitgraph/graph"
)

// LoadCatalog writes the catalog's summits, entities and relations, unless
// the same version is already loaded. Aliases learned from texts are kept.
func (s *Store) LoadCatalog(ctx context.Context, c *graph.Catalog) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.readOnly {
		// The store keeps the catalog it was last written with; the
		// summits are the given catalog's, as a writer would load them.
		s.mu.Lock()
		for _, sm := range c.Summits {
			s.summits[sm.ID] = sm
		}
		s.mu.Unlock()
		return nil
	}
	var w *writer
	err := s.db.Update(func(txn *badger.Txn) error {
		v, _, err := getValue(txn, statKey(catalogKey))
		if err != nil || c.Version != "" && string(v) == c.Version {
			return err
		}
		w = s.newWriter(txn)
		return w.loadCatalog(c)
	})
	s.cache.invalidate()
	if err != nil {
		return fmt.Errorf("load catalog: %w", err)
	}
	if w != nil {
		w.committed()
	}
	s.mu.Lock()
	for _, sm := range c.Summits {
		s.summits[sm.ID] = sm
	}
	s.mu.Unlock()
	return nil
}

// loadCatalog writes a catalog version in the writer's transaction: its
// summits, entities, relations and entity vectors, then the counters and
// the version. Entities merged by hand stay merged: their names went to the
// survivor when they were merged, and their relations and vectors go to it
// now.
func (w *writer) loadCatalog(c *graph.Catalog) error {
	for _, sm := range c.Summits {
		if err := w.putCatalogSummit(sm); err != nil {
			return err
		}
	}
	cur := w.s.cur.Load()
	for _, e := range c.Entities {
		if !graph.ValidID(e.ID) || !e.EntityKind.IsEntity() {
			return graph.Errorf(graph.EINVALID, "catalog: invalid entity %q (%s)", e.ID, e.EntityKind)
		}
		if cur.mergedInto(e.ID) != e.ID {
			continue
		}
		if err := w.putCatalogEntity(e); err != nil {
			return err
		}
	}
	for _, r := range c.Relations {
		if !r.Type.Valid() || !graph.ValidID(r.From) || !graph.ValidID(r.To) {
			return graph.Errorf(graph.EINVALID, "catalog: invalid relation %s -%s-> %s", r.From, r.Type, r.To)
		}
		r.From, r.To = cur.mergedInto(r.From), cur.mergedInto(r.To)
		if r.From == r.To {
			continue
		}
		if err := w.putEdge(r); err != nil {
			return err
		}
	}
	for _, v := range c.Vectors {
		if cur.mergedInto(v.ID) != v.ID {
			continue
		}
		if err := w.putVector(v); err != nil {
			return err
		}
	}
	if err := w.flushCounters(); err != nil {
		return err
	}
	return w.set(statKey(catalogKey), []byte(c.Version))
}

// putCatalogSummit writes a summit of the catalog, and moves what sorts by
// its date when the catalog gives it a new one (or gives it for the first
// time).
func (w *writer) putCatalogSummit(sm *graph.Summit) error {
	if !graph.ValidID(sm.ID) {
		return graph.Errorf(graph.EINVALID, "catalog: invalid summit id %q", sm.ID)
	}
	var old *graph.Summit
	switch n, err := getNode(w.txn, sm.ID); {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
	case err != nil:
		return err
	default:
		var ok bool
		if old, ok = n.(*graph.Summit); !ok {
			return graph.Errorf(graph.ECONFLICT, "catalog: %s is a %s in the store, not a summit", sm.ID, n.Kind())
		}
	}
	if err := w.putNodeRecord(sm); err != nil {
		return err
	}
	if old != nil && old.SortKey() != sm.SortKey() {
		if err := w.del(kindKey(graph.KindSummit, old.SortKey(), sm.ID)); err != nil {
			return err
		}
	}
	if err := w.set(kindKey(graph.KindSummit, sm.SortKey(), sm.ID), nil); err != nil {
		return err
	}
	if old == nil {
		w.delta[countKey(graph.KindSummit)]++
	}
	if old == nil || old.SortKey() != sm.SortKey() {
		return w.resortSummit(old, sm)
	}
	return nil
}

// putCatalogEntity writes an entity of the catalog, keeping the aliases and
// acronyms that texts taught the store.
func (w *writer) putCatalogEntity(e *graph.Entity) error {
	n, err := getNode(w.txn, e.ID)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
		return w.upsertEntity(e)
	case err != nil:
		return err
	}
	old, ok := n.(*graph.Entity)
	if !ok {
		return graph.Errorf(graph.ECONFLICT, "catalog: %s is not an entity in the store", e.ID)
	}
	ne := *e
	ne.Aliases = mergeNames(e.Aliases, old.Aliases, e)
	ne.Acronyms = mergeNames(e.Acronyms, old.Acronyms, nil)
	if err := w.del(kindKey(old.EntityKind, entitySort(old), old.ID)); err != nil {
		return err
	}
	if err := w.putNodeRecord(&ne); err != nil {
		return err
	}
	if err := w.set(kindKey(ne.EntityKind, entitySort(&ne), ne.ID), nil); err != nil {
		return err
	}
	if old.EntityKind != ne.EntityKind {
		w.delta[countKey(old.EntityKind)]--
		w.delta[countKey(ne.EntityKind)]++
	}
	return w.putAliases(&ne, old)
}

// resortSummit moves the index entries of a summit's mandates and
// documents when the summit's place in the chronology changes: a catalog
// version that corrects its date, or that adds it (old is nil) after
// mandates citing it were written.
func (w *writer) resortSummit(old, sm *graph.Summit) error {
	prefix := append(kindPrefix(graph.KindMandate), summitSortPart(old)+"|"...)
	var ids []string
	scanKeys(w.txn, prefix, nil, func(k []byte) bool {
		ids = append(ids, lastPart(k))
		return true
	})
	for _, id := range ids {
		n, err := getNode(w.txn, id)
		if err != nil {
			return err
		}
		if m, ok := n.(*graph.Mandate); ok && m.Summit == sm.ID {
			if err := w.moveMandate(m, mandateSortIn(m, old), mandateSortIn(m, sm)); err != nil {
				return err
			}
		}
	}
	var docs []string
	scanKeys(w.txn, reversePrefix(sm.ID, graph.IssuedAt), nil, func(k []byte) bool {
		docs = append(docs, lastPart(k))
		return true
	})
	for _, id := range docs {
		n, err := getNode(w.txn, id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			continue
		}
		if err != nil {
			return err
		}
		d, ok := n.(*graph.Document)
		if !ok || d.Summit != sm.ID {
			continue
		}
		if from, to := documentSortIn(d, old), documentSortIn(d, sm); from != to {
			if err := w.del(kindKey(graph.KindDocument, from, id)); err != nil {
				return err
			}
			if err := w.set(kindKey(graph.KindDocument, to, id), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// CatalogVersion returns the version of the loaded catalog, "" when none.
func (s *Store) CatalogVersion(ctx context.Context) (string, error) {
	var out string
	err := s.view(ctx, func(txn *badger.Txn) error {
		v, _, err := getValue(txn, statKey(catalogKey))
		out = string(v)
		return err
	})
	return out, err
}

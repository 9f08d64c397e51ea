package store

import (
	"slices"

	"summitgraph/graph"
)

// upsertEntity creates an entity or merges the given aliases into the one
// the store holds.
func (w *writer) upsertEntity(e *graph.Entity) error {
	n, err := getNode(w.txn, e.ID)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
		if err := w.putNodeRecord(e); err != nil {
			return err
		}
		if err := w.set(kindKey(e.EntityKind, entitySort(e), e.ID), nil); err != nil {
			return err
		}
		w.delta[countKey(e.EntityKind)]++
		return w.putAliases(e, nil)
	case err != nil:
		return err
	}
	old, ok := n.(*graph.Entity)
	if !ok {
		return graph.Errorf(graph.ECONFLICT, "%s is a %s, not an entity", e.ID, n.Kind())
	}
	merged := *old
	merged.Aliases = mergeNames(old.Aliases, e.Aliases, old)
	merged.Acronyms = mergeNames(old.Acronyms, e.Acronyms, nil)
	if slices.Equal(merged.Aliases, old.Aliases) && slices.Equal(merged.Acronyms, old.Acronyms) {
		return nil
	}
	if err := w.putNodeRecord(&merged); err != nil {
		return err
	}
	return w.putAliases(&merged, old)
}

// mergeNames adds to a the names of b it lacks (compared normalized),
// leaving out the canonical names of self. When it adds any, the names are
// sorted, so that what an entity learns does not depend on the order files
// came in (its acronym, the first, is then the first in that order).
func mergeNames(a, b []string, self *graph.Entity) []string {
	seen := map[string]bool{}
	if self != nil {
		seen[graph.NormalizeName(self.Name)] = true
		seen[graph.NormalizeName(self.NameES)] = true
	}
	out := slices.Clone(a)
	for _, x := range a {
		seen[graph.NormalizeName(x)] = true
	}
	for _, x := range b {
		if k := graph.NormalizeName(x); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	if len(out) > len(a) {
		slices.Sort(out)
	}
	return out
}

func (w *writer) putAliases(e, old *graph.Entity) error {
	had := map[string]bool{}
	if old != nil {
		for _, n := range graph.EntityNames(old) {
			had[graph.NormalizeName(n)] = true
		}
	}
	for _, n := range graph.EntityNames(e) {
		k := graph.NormalizeName(n)
		if k == "" || had[k] {
			continue
		}
		had[k] = true
		if err := w.set(aliasKey(k, e.ID), nil); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) deleteEntity(e *graph.Entity) error {
	if err := w.del(nodeKey(e.ID)); err != nil {
		return err
	}
	if err := w.del(kindKey(e.EntityKind, entitySort(e), e.ID)); err != nil {
		return err
	}
	for _, n := range graph.EntityNames(e) {
		if k := graph.NormalizeName(n); k != "" {
			if err := w.del(aliasKey(k, e.ID)); err != nil {
				return err
			}
		}
	}
	w.delta[countKey(e.EntityKind)]--
	if err := w.deleteEdgesOf(e.ID, "", false); err != nil {
		return err
	}
	return w.deleteVector(e.ID)
}

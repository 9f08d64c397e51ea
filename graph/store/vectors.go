package store

import (
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"summitgraph/graph"
)

// regroup moves a vector's postings to group gid, if they are elsewhere.
func (w *writer) regroup(id, gid string) error {
	v, ok, err := readVector(w.txn, id)
	if err != nil || !ok || len(v.Terms) == 0 || v.Group == gid {
		return err
	}
	if err := w.removePostings(v.Group, &v); err != nil {
		return err
	}
	v.Group = gid
	if err := w.addPostings(gid, &v); err != nil {
		return err
	}
	return w.writeVector(v)
}

// readVector reads the index vector of id; false when it has none.
func readVector(txn *badger.Txn, id string) (graph.Vector, bool, error) {
	var v graph.Vector
	raw, ok, err := getValue(txn, vectorKey(id))
	if err != nil || !ok {
		return v, false, err
	}
	err = decode(raw, &v)
	return v, err == nil, err
}

func (w *writer) writeVector(v graph.Vector) error {
	enc, err := encode(v)
	if err != nil {
		return err
	}
	return w.set(vectorKey(v.ID), enc)
}

// putVector writes a mandate's or entity's vector, its postings (in the
// group of the mandate's sources, or the entity's own) and, for mandates,
// its place in the similarity index.
func (w *writer) putVector(v graph.Vector) error {
	if len(v.Terms) == 0 && len(v.Signature) == 0 {
		return nil
	}
	if !w.fresh[v.ID] {
		if err := w.deleteVector(v.ID); err != nil {
			return err
		}
	}
	v.Group = ""
	if len(v.Terms) > 0 {
		v.Group = v.ID
		if gid, ok := w.owners[v.ID]; ok {
			v.Group = gid
		}
		if err := w.addPostings(v.Group, &v); err != nil {
			return err
		}
		for _, t := range v.Terms {
			w.tdf(t.Term, +1)
		}
		w.delta[statDocs]++
		w.delta[statLen] += int64(v.Length)
	}
	if err := w.writeVector(v); err != nil {
		return err
	}
	return nil
}

func (w *writer) deleteVector(id string) error {
	v, ok, err := readVector(w.txn, id)
	if err != nil || !ok {
		return err
	}
	if len(v.Terms) > 0 {
		if v.Group == "" {
			return fmt.Errorf("vector of %s has no posting group (a store from before groups that was not updated)", id)
		}
		if err := w.removePostings(v.Group, &v); err != nil {
			return err
		}
		for _, t := range v.Terms {
			w.tdf(t.Term, -1)
		}
		w.delta[statDocs]--
		w.delta[statLen] -= int64(v.Length)
	}
	return w.del(vectorKey(id))
}

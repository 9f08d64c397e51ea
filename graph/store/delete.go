package store

import (
	"bytes"

	"summitgraph/graph"
)

// deleteMandate removes a mandate, its index entries and every edge that
// touches it, in both directions. When the mandate is about to be written
// again under the same id (rewrite), the edges other nodes hold towards it
// are kept, links between mandates aside (they are found again): the
// items another file gives it stay attached to it.
func (w *writer) deleteMandate(m *graph.Mandate, rewrite bool) error {
	sk := w.s.mandateSort(m)
	// Out of the link index first: its partners are known by its links.
	if err := w.unindexLinks(m.ID); err != nil {
		return err
	}
	if err := w.deleteEdgesOf(m.ID, sk, rewrite); err != nil {
		return err
	}
	if err := w.del(nodeKey(m.ID)); err != nil {
		return err
	}
	if err := w.del(kindKey(graph.KindMandate, sk, m.ID)); err != nil {
		return err
	}
	if m.Document != "" {
		if err := w.del(mandateIndexKey(docIndex+m.Document, sk, m.ID)); err != nil {
			return err
		}
	}
	w.delta[countKey(graph.KindMandate)]--
	w.countMandate(m, -1)
	return w.deleteVector(m.ID)
}

// deleteEdgesOf removes every edge leaving or reaching id. sk is id's
// mandate sort key, for its entries in the entity index ("" for other
// nodes). With keepIncoming, the edges reaching id are kept, but for
// links between mandates.
func (w *writer) deleteEdgesOf(id, sk string, keepIncoming bool) error {
	type edgeRef struct {
		from string
		t    graph.EdgeType
		to   string
		sk   string
	}
	var refs []edgeRef
	scanKeys(w.txn, edgePrefix(id, ""), nil, func(k []byte) bool {
		if from, t, to, ok := edgeParts(k); ok {
			refs = append(refs, edgeRef{from, t, to, sk})
		}
		return true
	})
	scanKeys(w.txn, reversePrefix(id, ""), nil, func(k []byte) bool {
		if to, t, from, ok := edgeParts(k); ok && (!keepIncoming || graph.IsLink(t)) {
			refs = append(refs, edgeRef{from, t, to, ""})
		}
		return true
	})
	for _, r := range refs {
		if err := w.deleteEdge(r.from, r.t, r.to, r.sk); err != nil {
			return err
		}
	}
	return nil
}

// deleteEdge removes an edge and its reverse. fromSort is the mandate sort
// key of from when the caller knows it ("" to look it up).
func (w *writer) deleteEdge(from string, t graph.EdgeType, to, fromSort string) error {
	ek := edgeKey(from, t, to)
	v, ok, err := getValue(w.txn, ek)
	if err != nil || !ok {
		return err
	}
	w.unlinked[string(reverseKey(to, t, from))] = true
	if t == graph.Mentions {
		var e graph.Edge
		if err := decode(v, &e); err != nil {
			return err
		}
		w.delta[statMentions] -= int64(len(e.Evidence))
		w.delta[dfKey(to)]--
		if fromSort == "" {
			if n, err := getNode(w.txn, from); err == nil {
				if m, ok := n.(*graph.Mandate); ok {
					fromSort = w.s.mandateSort(m)
				}
			} else if graph.ErrorCode(err) != graph.ENOTFOUND {
				return err
			}
		}
		if fromSort != "" {
			ik := mandateIndexKey(entIndex+to, fromSort, from)
			flags, _, err := getValue(w.txn, ik)
			if err != nil {
				return err
			}
			if len(flags) > 0 && flags[0]&1 != 0 {
				w.delta[entTopKey(to)]--
			}
			if err := w.del(ik); err != nil {
				return err
			}
		} else if err := w.deleteEntIndexEntry(to, from); err != nil {
			// The mandate record is already gone: its index entry is found
			// by scanning.
			return err
		}
	}
	if graph.IsLink(t) {
		if err := w.forgetLink(from, t, to); err != nil {
			return err
		}
	}
	w.delta[statEdges]--
	if err := w.del(ek); err != nil {
		return err
	}
	return w.del(reverseKey(to, t, from))
}

func (w *writer) deleteEntIndexEntry(ent, mandate string) error {
	var found []byte
	suffix := []byte{sep}
	suffix = append(suffix, mandate...)
	scanKeys(w.txn, entIndexPrefix(ent), nil, func(k []byte) bool {
		if bytes.HasSuffix(k, suffix) {
			found = k
			return false
		}
		return true
	})
	if found == nil {
		return nil
	}
	flags, _, err := getValue(w.txn, found)
	if err != nil {
		return err
	}
	if len(flags) > 0 && flags[0]&1 != 0 {
		w.delta[entTopKey(ent)]--
	}
	return w.del(found)
}

// uncountRead turns a document the file no longer gives, but that still
// stands (citations name it), back into a cited document when no file of
// its own is left: no paragraph of it (a mandate without a citation of
// its own, not an item) remains. It keeps its id, title, kind, summit and
// language; the preamble, which only its own file printed, goes.
func (w *writer) uncountRead(id string) error {
	n, err := getNode(w.txn, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	d, ok := n.(*graph.Document)
	if !ok || !d.Read {
		return nil
	}
	var ids []string
	scanKeys(w.txn, docIndexPrefix(id), nil, func(k []byte) bool {
		if i := bytes.LastIndexByte(k, sep); i >= 0 {
			ids = append(ids, string(k[i+1:]))
		}
		return true
	})
	for _, mid := range ids {
		mn, err := getNode(w.txn, mid)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			continue
		}
		if err != nil {
			return err
		}
		if m, ok := mn.(*graph.Mandate); ok && m.Citation == "" && m.Parent == "" {
			return nil // a paragraph another file of it gives
		}
	}
	cited := *d
	cited.Read, cited.Preamble = false, ""
	if err := w.del(kindKey(graph.KindDocument, w.s.documentSort(d), id)); err != nil {
		return err
	}
	if err := w.putNodeRecord(&cited); err != nil {
		return err
	}
	return w.set(kindKey(graph.KindDocument, w.s.documentSort(&cited), id), nil)
}

package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// Apply writes one source file's batch in one transaction, replacing what an
// earlier version of the same file wrote. Nothing is written when it fails.
func (s *Store) Apply(ctx context.Context, b *graph.Batch) (graph.ApplyResult, error) {
	if err := b.Validate(); err != nil {
		return graph.ApplyResult{}, err
	}
	if err := s.checkSpace(b.File); err != nil {
		return graph.ApplyResult{}, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var res graph.ApplyResult
	for attempt := 0; ; attempt++ {
		if err := ctxErr(ctx); err != nil {
			return graph.ApplyResult{}, err
		}
		if err := s.loadLinks(); err != nil {
			return graph.ApplyResult{}, fmt.Errorf("apply %s: load the link index: %w", b.File, err)
		}
		w := s.newWriter(s.db.NewTransaction(true))
		txn := w.txn
		var err error
		res, err = w.apply(b)
		if err == nil && !res.Unchanged {
			err = w.flushCounters()
			if err == nil {
				// Again at the commit: other writers (another file, another
				// process) may have taken the room since the first look.
				err = s.checkSpace(b.File)
			}
			if err == nil {
				err = txn.Commit()
			}
		}
		w.discard()
		if err == nil && !res.Unchanged {
			s.cache.invalidate()
		}
		if err != nil {
			// The link index took this batch's changes; they are not in
			// the store.
			s.links.reset()
		} else {
			w.committed()
		}
		if errors.Is(err, badger.ErrConflict) && attempt < 5 {
			continue
		}
		if errors.Is(err, badger.ErrTxnTooBig) {
			return graph.ApplyResult{}, graph.Errorf(graph.ETOOLARGE, "%s is too large to be written in one transaction (%d mandates); split it into smaller files", b.File, len(b.Mandates))
		}
		if graph.ErrorCode(err) == graph.EUNAVAILABLE {
			return graph.ApplyResult{}, err
		}
		if err != nil {
			return graph.ApplyResult{}, fmt.Errorf("apply %s: %w", b.File, err)
		}
		return res, nil
	}
}

// Files lists the applied files.
func (s *Store) Files(ctx context.Context) ([]graph.FileInfo, error) {
	var out []graph.FileInfo
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scan(txn, []byte(famFile), func(k, v []byte) (bool, error) {
			var m manifest
			if err := decode(v, &m); err != nil {
				return false, err
			}
			out = append(out, graph.FileInfo{Name: string(k[len(famFile):]), Hash: m.Hash, Mandates: len(m.Mandates)})
			return true, nil
		})
	})
	return out, err
}

func (w *writer) apply(b *graph.Batch) (graph.ApplyResult, error) {
	res := graph.ApplyResult{File: b.File}
	var old manifest
	v, had, err := getValue(w.txn, fileKey(b.File))
	if err != nil {
		return res, err
	}
	if had {
		if err := decode(v, &old); err != nil {
			return res, err
		}
		if old.Hash == b.Hash {
			res.Unchanged = true
			return res, nil
		}
		res.Replaced = true
	} else {
		w.delta[statFiles]++
	}

	// 1. Take back what the earlier version wrote.
	incoming := make(map[string]bool, len(b.Mandates))
	for _, m := range b.Mandates {
		incoming[m.ID] = true
	}
	keep := map[string][]graph.Source{} // sources other files hold, for mandates this file rewrites
	kept := map[string]*graph.Mandate{} // mandates whose primary source is another file
	for _, id := range old.Mandates {
		n, err := getNode(w.txn, id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			continue
		}
		if err != nil {
			return res, err
		}
		m, ok := n.(*graph.Mandate)
		if !ok {
			continue
		}
		if incoming[id] {
			continue // rewritten below
		}
		others := withoutFile(m.Sources, b.File)
		if len(others) > 0 {
			// Another file still carries it: keep it, without this source.
			if err := w.rewriteSources(m, others); err != nil {
				return res, err
			}
			continue
		}
		if err := w.deleteMandate(m, false); err != nil {
			return res, err
		}
		res.Removed++
	}
	// Mandates this file writes again, or shares with files applied
	// earlier, are rewritten; other files keep their sources.
	for _, m := range b.Mandates {
		n, err := getNode(w.txn, m.ID)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			w.fresh[m.ID] = true // and so without a vector to take back
			continue
		}
		if err != nil {
			return res, err
		}
		if om, ok := n.(*graph.Mandate); ok {
			keep[m.ID] = withoutFile(om.Sources, b.File)
			if others := keep[m.ID]; len(others) > 0 && others[0].File < b.File {
				// Another file is its primary source: its reading (text,
				// mentions, vector) stays, whatever the order files came
				// in; this file only adds itself to the sources.
				kept[m.ID] = om
				continue
			}
			if err := w.deleteMandate(om, true); err != nil {
				return res, err
			}
		}
	}

	// 2. Write the new version.
	for _, d := range b.Documents {
		if err := w.upsertDocument(d); err != nil {
			return res, err
		}
	}
	for _, e := range b.Entities {
		if into := w.s.cur.Load().mergedInto(e.ID); into != e.ID {
			// Merged by hand: what the text taught goes to the survivor.
			e = &graph.Entity{ID: into, EntityKind: e.EntityKind, Name: e.Name, Aliases: append(graph.EntityNames(e), e.Aliases...), Acronyms: e.Acronyms, Origin: graph.OriginCatalog}
		}
		if err := w.upsertEntity(e); err != nil {
			return res, err
		}
	}
	for _, m := range b.Mandates {
		if om := kept[m.ID]; om != nil {
			if err := w.rewriteSources(om, mergeSources(m.Sources, keep[m.ID])); err != nil {
				return res, err
			}
			res.Mandates++
			continue
		}
		mm := *m
		mm.Sources = mergeSources(m.Sources, keep[m.ID])
		if err := w.putMandate(&mm); err != nil {
			return res, err
		}
		res.Mandates++
	}
	edges := w.s.curatedEdges(b.Edges)
	if len(kept) > 0 {
		edges = slices.DeleteFunc(slices.Clone(edges), func(e graph.Edge) bool { return kept[e.From] != nil })
	}
	for _, e := range edges {
		if err := w.putEdge(e); err != nil {
			return res, err
		}
		res.Edges++
	}
	// An entity merged by hand keeps no vector of its own: the survivor's
	// is its catalog's.
	cur := w.s.cur.Load()
	vecs := make([]graph.Vector, 0, len(b.Vectors))
	for _, vec := range b.Vectors {
		if cur.mergedInto(vec.ID) == vec.ID && kept[vec.ID] == nil {
			vecs = append(vecs, vec)
		}
	}
	for _, vec := range vecs {
		if err := w.putVector(vec); err != nil {
			return res, err
		}
	}
	if err := w.findLinks(b, edges, &res); err != nil {
		return res, err
	}

	// 3. Remember the file.
	nm := manifest{Hash: b.Hash}
	for _, m := range b.Mandates {
		nm.Mandates = append(nm.Mandates, m.ID)
	}
	for _, d := range b.Documents {
		nm.Documents = append(nm.Documents, d.ID)
	}
	for _, e := range b.Entities {
		if e.Origin == graph.OriginDiscovered && w.s.cur.Load().mergedInto(e.ID) == e.ID {
			nm.Entities = append(nm.Entities, e.ID)
		}
	}
	nm.Documents = uniqueSorted(nm.Documents)
	nm.Entities = uniqueSorted(nm.Entities)

	// 4. Collect what nothing points at any more: what the earlier version
	// wrote, and what this one brings without pointing at it (so that a
	// file leaves the same store whether it is new or replaces another).
	for _, id := range uniqueSorted(append(slices.Clone(old.Documents), nm.Documents...)) {
		if err := w.collectDocument(id); err != nil {
			return res, err
		}
	}
	for _, id := range old.Documents {
		if !slices.Contains(nm.Documents, id) {
			if err := w.uncountRead(id); err != nil {
				return res, err
			}
		}
	}
	for _, id := range uniqueSorted(append(slices.Clone(old.Entities), nm.Entities...)) {
		if err := w.collectEntity(id); err != nil {
			return res, err
		}
	}
	mv, err := encode(nm)
	if err != nil {
		return res, err
	}
	return res, w.set(fileKey(b.File), mv)
}

func withoutFile(src []graph.Source, file string) []graph.Source {
	var out []graph.Source
	for _, s := range src {
		if s.File != file {
			out = append(out, s)
		}
	}
	return out
}

// mergeSources puts this file's source with the ones other files hold,
// ordered by file name so that the primary source does not depend on the
// order files were applied in.
func mergeSources(mine, others []graph.Source) []graph.Source {
	out := append(slices.Clone(mine), others...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

func (w *writer) putMandate(m *graph.Mandate) error {
	if err := w.putNodeRecord(m); err != nil {
		return err
	}
	sk := w.s.mandateSort(m)
	flags := mandateFlags(m)
	if err := w.set(kindKey(graph.KindMandate, sk, m.ID), flags); err != nil {
		return err
	}
	if m.Document != "" {
		if err := w.set(mandateIndexKey(docIndex+m.Document, sk, m.ID), flags); err != nil {
			return err
		}
	}
	w.delta[countKey(graph.KindMandate)]++
	w.countMandate(m, +1)
	w.written[m.ID] = m
	w.owners[m.ID] = ownerGroup(m.ID, m.Sources)
	return nil
}

// rewriteSources rewrites a mandate that another file still carries with
// the remaining sources, moving its index entries if its place changed.
func (w *writer) rewriteSources(m *graph.Mandate, sources []graph.Source) error {
	oldSort := w.s.mandateSort(m)
	nm := *m
	nm.Sources = sources
	newSort := w.s.mandateSort(&nm)
	if err := w.putNodeRecord(&nm); err != nil {
		return err
	}
	if err := w.regroup(m.ID, ownerGroup(m.ID, sources)); err != nil {
		return err
	}
	return w.moveMandate(m, oldSort, newSort)
}

// moveMandate moves a mandate's index entries (kind, document and entity
// indexes) from one place in the listing order to another.
func (w *writer) moveMandate(m *graph.Mandate, oldSort, newSort string) error {
	if oldSort == newSort {
		return nil
	}
	flags := mandateFlags(m)
	moves := [][2][]byte{{kindKey(graph.KindMandate, oldSort, m.ID), kindKey(graph.KindMandate, newSort, m.ID)}}
	if m.Document != "" {
		moves = append(moves, [2][]byte{mandateIndexKey(docIndex+m.Document, oldSort, m.ID), mandateIndexKey(docIndex+m.Document, newSort, m.ID)})
	}
	var ents []string
	scanKeys(w.txn, edgePrefix(m.ID, graph.Mentions), nil, func(k []byte) bool {
		ents = append(ents, lastPart(k))
		return true
	})
	for _, e := range ents {
		moves = append(moves, [2][]byte{mandateIndexKey(entIndex+e, oldSort, m.ID), mandateIndexKey(entIndex+e, newSort, m.ID)})
	}
	for _, mv := range moves {
		if err := w.del(mv[0]); err != nil {
			return err
		}
		if err := w.set(mv[1], flags); err != nil {
			return err
		}
	}
	return nil
}

// putEdge writes an edge and its reverse, replacing an edge of the same
// type between the same nodes.
func (w *writer) putEdge(e graph.Edge) error {
	ek := edgeKey(e.From, e.Type, e.To)
	var old []byte
	var had bool
	written := w.written[e.From]
	if written == nil || w.edgesPut[string(ek)] {
		var err error
		if old, had, err = getValue(w.txn, ek); err != nil {
			return err
		}
	} // else: a mandate this transaction wrote has no edge it did not write
	if written != nil {
		w.edgesPut[string(ek)] = true
	}
	if had && e.Type == graph.Mentions {
		var oe graph.Edge
		if err := decode(old, &oe); err != nil {
			return err
		}
		w.delta[statMentions] -= int64(len(oe.Evidence))
	}
	if !had {
		w.delta[statEdges]++
		if e.Type == graph.Mentions {
			w.delta[dfKey(e.To)]++
		}
	}
	v, err := encode(e)
	if err != nil {
		return err
	}
	if err := w.set(ek, v); err != nil {
		return err
	}
	switch e.Type {
	case graph.From, graph.References, graph.Mentions:
		w.linked[e.To] = true
	}
	delete(w.unlinked, string(reverseKey(e.To, e.Type, e.From)))
	if err := w.set(reverseKey(e.To, e.Type, e.From), nil); err != nil {
		return err
	}
	if e.Type == graph.Mentions {
		w.delta[statMentions] += int64(len(e.Evidence))
		var n graph.Node = written
		if written == nil {
			var err error
			if n, err = getNode(w.txn, e.From); err != nil {
				return fmt.Errorf("mention from %s: %w", e.From, err)
			}
		}
		if m, ok := n.(*graph.Mandate); ok {
			if err := w.set(mandateIndexKey(entIndex+e.To, w.s.mandateSort(m), m.ID), mandateFlags(m)); err != nil {
				return err
			}
			if !had && m.Parent == "" {
				w.delta[entTopKey(e.To)]++
			}
		}
	}
	return nil
}

// upsertDocument writes a document that is new, or that was only named
// by citations until a file of its own (d.Read) is applied: the document
// read from its own file takes the title, language and preamble it
// prints, whatever named it first. A cited document never replaces one.
func (w *writer) upsertDocument(d *graph.Document) error {
	n, err := getNode(w.txn, d.ID)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
	case err != nil:
		return err
	default:
		old, ok := n.(*graph.Document)
		if !ok || *old == *d || !preferDocument(d, old) {
			return nil
		}
		if err := w.del(kindKey(graph.KindDocument, w.s.documentSort(old), d.ID)); err != nil {
			return err
		}
		if err := w.putNodeRecord(d); err != nil {
			return err
		}
		return w.set(kindKey(graph.KindDocument, w.s.documentSort(d), d.ID), nil)
	}
	if err := w.putNodeRecord(d); err != nil {
		return err
	}
	if err := w.set(kindKey(graph.KindDocument, w.s.documentSort(d), d.ID), nil); err != nil {
		return err
	}
	w.delta[countKey(graph.KindDocument)]++
	if d.Summit != "" {
		return w.putEdge(graph.Edge{From: d.ID, Type: graph.IssuedAt, To: d.Summit})
	}
	return nil
}

// preferDocument reports whether d is a better record of a document than
// old: one read from its own file, else (both read, or both cited) the one
// with a preamble, a language, else a title that sorts first, so that what
// the store keeps does not depend on the order files came in.
func preferDocument(d, old *graph.Document) bool {
	if d.Read != old.Read {
		return d.Read
	}
	rank := func(x *graph.Document) int {
		r := 0
		if x.Preamble != "" {
			r += 2
		}
		if x.Language != "" {
			r++
		}
		return r
	}
	if rd, ro := rank(d), rank(old); rd != ro {
		return rd > ro
	}
	if d.Title != old.Title {
		return d.Title < old.Title
	}
	return false
}

// collectDocument deletes a document no mandate comes from or refers to
// any more.
func (w *writer) collectDocument(id string) error {
	if w.referenced(id, graph.From) || w.referenced(id, graph.References) {
		return nil
	}
	n, err := getNode(w.txn, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	d, ok := n.(*graph.Document)
	if !ok {
		return nil
	}
	if err := w.del(nodeKey(id)); err != nil {
		return err
	}
	if err := w.del(kindKey(graph.KindDocument, w.s.documentSort(d), id)); err != nil {
		return err
	}
	w.delta[countKey(graph.KindDocument)]--
	return w.deleteEdgesOf(id, "", false)
}

// collectEntity deletes a discovered entity no mandate mentions any more.
func (w *writer) collectEntity(id string) error {
	if w.referenced(id, graph.Mentions) {
		return nil
	}
	n, err := getNode(w.txn, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	e, ok := n.(*graph.Entity)
	if !ok || e.Origin != graph.OriginDiscovered {
		return nil
	}
	return w.deleteEntity(e)
}

// referenced reports whether any edge of type t still reaches id: one this
// transaction wrote, or one the store held before that it did not delete.
func (w *writer) referenced(id string, t graph.EdgeType) bool {
	if w.linked[id] {
		return true
	}
	if w.snap == nil {
		w.snap = w.s.db.NewTransaction(false)
	}
	found := false
	scanKeys(w.snap, reversePrefix(id, t), nil, func(k []byte) bool {
		found = !w.unlinked[string(k)]
		return !found
	})
	return found
}

// manifest is what the store remembers of an applied file.
type manifest struct {
	Hash      string   `cbor:"1,keyasint"`
	Mandates  []string `cbor:"2,keyasint,omitempty"`
	Documents []string `cbor:"3,keyasint,omitempty"`
	Entities  []string `cbor:"4,keyasint,omitempty"` // discovered entities the file mentions
}

func uniqueSorted(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

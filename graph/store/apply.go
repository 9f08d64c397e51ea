package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// Similarity index parameters: a MinHash signature of graph.SignatureLen
// values is cut into lshBands bands of lshRows rows; two mandates are
// compared when at least one band is equal.
const (
	lshBands = 16
	lshRows  = graph.SignatureLen / lshBands
	// maxCandidates bounds the comparisons one mandate costs at ingest.
	maxCandidates = 32
	// maxSimilar bounds the SIMILAR edges a new mandate gets.
	maxSimilar = 10
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
		if err := s.sim.load(s.db); err != nil {
			return graph.ApplyResult{}, fmt.Errorf("apply %s: load the similarity index: %w", b.File, err)
		}
		w := s.newWriter()
		txn := w.txn
		var err error
		res, err = w.apply(b)
		if err == nil && !res.Unchanged {
			err = w.flushCounters()
			if err == nil {
				err = txn.Commit()
			}
		}
		w.discard()
		if err == nil && !res.Unchanged {
			s.cache.invalidate()
		}
		if err != nil {
			// The similarity index took this batch's changes; they are
			// not in the store.
			s.sim.reset()
		} else {
			w.committed()
		}
		if errors.Is(err, badger.ErrConflict) && attempt < 5 {
			continue
		}
		if errors.Is(err, badger.ErrTxnTooBig) {
			return graph.ApplyResult{}, graph.Errorf(graph.ETOOLARGE, "%s is too large to be written in one transaction (%d mandates); split it into smaller files", b.File, len(b.Mandates))
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

// writer holds one write transaction and the counter changes it makes.
type writer struct {
	s     *Store
	txn   *badger.Txn
	delta map[string]int64

	// What this transaction did to incoming FROM, REFERENCES and MENTIONS
	// edges, so that "is anything still pointing at this node?" can be
	// answered from a read snapshot: iterators in a write transaction sort
	// all of its pending writes, every time.
	linked   map[string]bool // nodes that got such an edge
	unlinked map[string]bool // reverse keys deleted
	snap     *badger.Txn     // the store before this transaction

	// written are the mandates this transaction wrote: none of them has an
	// edge the transaction did not write, so putting one needs no read.
	written  map[string]*graph.Mandate
	edgesPut map[string]bool // their edges put so far (a batch may repeat one)

	tdfDelta  map[string]int64 // documents more or less by term
	tdfNew    map[string]int64 // the exact counts after this transaction
	tdfStored map[string]int64 // the counts it stored (0: deleted)

	countersNew map[string]int64 // the counters it wrote (0: deleted)

	fresh  map[string]bool       // mandates of the batch the store did not hold
	groups map[string]*groupEdit // posting groups it changed
	owners map[string]string     // mandate → the posting group of its sources, for the mandates it wrote
}

// newWriter starts a write transaction.
func (s *Store) newWriter() *writer {
	return &writer{s: s, txn: s.db.NewTransaction(true), delta: map[string]int64{}, linked: map[string]bool{}, unlinked: map[string]bool{}, written: map[string]*graph.Mandate{}, edgesPut: map[string]bool{}, fresh: map[string]bool{}}
}

// discard ends the writer's transactions.
func (w *writer) discard() {
	w.txn.Discard()
	if w.snap != nil {
		w.snap.Discard()
	}
}

const (
	statMentions = "mentions"
	statEdges    = "edges"
	statFiles    = "files"
	statDocs     = "bm25docs"
	statLen      = "bm25len"
)

func countKey(k graph.Kind) string { return "count:" + string(k) }

// dfKey counts the mandates that mention an entity.
func dfKey(entity string) string { return "df:" + entity }

// Listing counters, so that a filtered listing's total is a read, not a
// scan: mandates by summit ("~" for unattributed) and by document, all and
// top-level; top-level mandates by entity mentioned (all is dfKey).
func summitCountKey(summit string, top bool) string {
	return "cnt:s:" + orTilde(summit) + topSuffix(top)
}
func docCountKey(doc string, top bool) string { return "cnt:d:" + doc + topSuffix(top) }
func entTopKey(entity string) string          { return "cnt:e:" + entity + topSuffix(true) }

func topSuffix(top bool) string {
	if top {
		return ":top"
	}
	return ":all"
}

func orTilde(s string) string {
	if s == "" {
		return "~"
	}
	return s
}

// countMandate moves the listing counters of a mandate written (+1) or
// deleted (-1).
func (w *writer) countMandate(m *graph.Mandate, d int64) {
	top := m.Parent == ""
	w.delta[summitCountKey(m.Summit, false)] += d
	if top {
		w.delta[summitCountKey(m.Summit, true)] += d
	}
	if m.Document != "" {
		w.delta[docCountKey(m.Document, false)] += d
		if top {
			w.delta[docCountKey(m.Document, true)] += d
		}
	}
}

func (w *writer) set(k, v []byte) error { return w.txn.Set(k, v) }
func (w *writer) del(k []byte) error    { return w.txn.Delete(k) }

func (w *writer) exists(k []byte) (bool, error) {
	_, err := w.txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// flushCounters writes what the writer kept in memory until the end of its
// transaction: posting blocks, term counts, counters, and the store's
// format.
func (w *writer) flushCounters() error {
	if err := w.flushGroups(); err != nil {
		return err
	}
	if err := w.set(statKey(formatKey), []byte(storeFormat)); err != nil {
		return err
	}
	if err := w.flushTDF(); err != nil {
		return err
	}
	names := make([]string, 0, len(w.delta))
	for k, d := range w.delta {
		if d != 0 {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	if err := w.s.counters.load(w.s.db); err != nil {
		return err
	}
	w.countersNew = make(map[string]int64, len(names))
	for _, name := range names {
		n := w.s.counters.n[name] + w.delta[name]
		w.countersNew[name] = max(n, 0)
		if n <= 0 {
			// A counter back to zero is dropped rather than kept: the
			// per-entity counters of collected entities would pile up.
			if err := w.del(statKey(name)); err != nil {
				return err
			}
			continue
		}
		if err := w.set(statKey(name), putUint64(uint64(n))); err != nil {
			return err
		}
	}
	return nil
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
			if err := w.resource(m, others); err != nil {
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
			e = &graph.Entity{ID: into, EKind: e.EKind, Name: e.Name, Aliases: append(graph.EntityNames(e), e.Aliases...), Acronyms: e.Acronyms, Origin: graph.OriginCatalog}
		}
		if err := w.upsertEntity(e); err != nil {
			return res, err
		}
	}
	for _, m := range b.Mandates {
		mm := *m
		mm.Sources = mergeSources(m.Sources, keep[m.ID])
		if err := w.putMandate(&mm); err != nil {
			return res, err
		}
		res.Mandates++
	}
	for _, e := range w.s.curatedEdges(b.Edges) {
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
		if cur.mergedInto(vec.ID) == vec.ID {
			vecs = append(vecs, vec)
		}
	}
	for _, vec := range vecs {
		if err := w.putVector(vec); err != nil {
			return res, err
		}
	}
	if err := w.linkAllSimilar(vecs, &res); err != nil {
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

// mandateSort is a mandate's place in the listing order.
func (s *Store) mandateSort(m *graph.Mandate) string { return mandateSortIn(m, s.summit(m.Summit)) }

// mandateSortIn is a mandate's place in the listing order when its summit
// is sm (nil: not in the catalog).
func mandateSortIn(m *graph.Mandate, sm *graph.Summit) string {
	src := m.Source()
	return fmt.Sprintf("%s|%s|%06d", summitSortPart(sm), src.File, src.Seq)
}

// summitSortPart is the part of the mandate order a summit gives.
func summitSortPart(sm *graph.Summit) string {
	if sm == nil {
		return "9999-99-99|~"
	}
	return sm.SortKey() + "|" + sm.ID
}

func mandateFlags(m *graph.Mandate) []byte {
	var f byte
	if m.Parent == "" {
		f |= 1
	}
	return []byte{f}
}

func (w *writer) putNodeRecord(n graph.Node) error {
	v, err := encodeNode(n)
	if err != nil {
		return err
	}
	return w.set(nodeKey(n.NodeID()), v)
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
		if err := w.set(key("m", "doc="+m.Document, sk, m.ID), flags); err != nil {
			return err
		}
	}
	w.delta[countKey(graph.KindMandate)]++
	w.countMandate(m, +1)
	if w.written != nil {
		w.written[m.ID] = m
	}
	if w.owners == nil {
		w.owners = map[string]string{}
	}
	w.owners[m.ID] = ownerGroup(m.ID, m.Sources)
	return nil
}

// resource rewrites a mandate that another file still carries with the
// remaining sources, moving its index entries if its place changed.
func (w *writer) resource(m *graph.Mandate, sources []graph.Source) error {
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

// moveMandate moves a mandate's index entries (kind, document and entity
// indexes) from one place in the listing order to another.
func (w *writer) moveMandate(m *graph.Mandate, oldSort, newSort string) error {
	if oldSort == newSort {
		return nil
	}
	flags := mandateFlags(m)
	moves := [][2][]byte{{kindKey(graph.KindMandate, oldSort, m.ID), kindKey(graph.KindMandate, newSort, m.ID)}}
	if m.Document != "" {
		moves = append(moves, [2][]byte{key("m", "doc="+m.Document, oldSort, m.ID), key("m", "doc="+m.Document, newSort, m.ID)})
	}
	var ents []string
	scanKeys(w.txn, edgePrefix(m.ID, graph.Mentions), nil, func(k []byte) bool {
		ents = append(ents, lastPart(k))
		return true
	})
	for _, e := range ents {
		moves = append(moves, [2][]byte{key("m", "ent="+e, oldSort, m.ID), key("m", "ent="+e, newSort, m.ID)})
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

// deleteMandate removes a mandate, its index entries and every edge that
// touches it, in both directions. When the mandate is about to be written
// again under the same id (rewrite), the edges other nodes hold towards it
// are kept, SIMILAR ones aside (they are found again from its vector): the
// items another file gives it stay attached to it.
func (w *writer) deleteMandate(m *graph.Mandate, rewrite bool) error {
	sk := w.s.mandateSort(m)
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
		if err := w.del(key("m", "doc="+m.Document, sk, m.ID)); err != nil {
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
// SIMILAR ones.
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
		if to, t, from, ok := edgeParts(k); ok && (!keepIncoming || t == graph.Similar) {
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
	if w.unlinked != nil {
		w.unlinked[string(reverseKey(to, t, from))] = true
	}
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
			ik := key("m", "ent="+to, fromSort, from)
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
	if w.linked != nil {
		switch e.Type {
		case graph.From, graph.References, graph.Mentions:
			w.linked[e.To] = true
		}
		delete(w.unlinked, string(reverseKey(e.To, e.Type, e.From)))
	}
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
			if err := w.set(key("m", "ent="+e.To, w.s.mandateSort(m), m.ID), mandateFlags(m)); err != nil {
				return err
			}
			if !had && m.Parent == "" {
				w.delta[entTopKey(e.To)]++
			}
		}
	}
	return nil
}

func (w *writer) upsertDocument(d *graph.Document) error {
	ok, err := w.exists(nodeKey(d.ID))
	if err != nil || ok {
		return err
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

func (s *Store) documentSort(d *graph.Document) string { return documentSortIn(d, s.summit(d.Summit)) }

func documentSortIn(d *graph.Document, sm *graph.Summit) string {
	date := "9999-99-99"
	if sm != nil {
		date = sm.SortKey()
	}
	return date + "|" + graph.NormalizeName(d.Title)
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

func entitySort(e *graph.Entity) string {
	n := graph.NormalizeName(e.Name)
	if n == "" {
		n = "~"
	}
	return n
}

// upsertEntity creates an entity or merges the given aliases into the one
// the store holds.
func (w *writer) upsertEntity(e *graph.Entity) error {
	n, err := getNode(w.txn, e.ID)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
		if err := w.putNodeRecord(e); err != nil {
			return err
		}
		if err := w.set(kindKey(e.EKind, entitySort(e), e.ID), nil); err != nil {
			return err
		}
		w.delta[countKey(e.EKind)]++
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
// leaving out the canonical names of self.
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
	if err := w.del(kindKey(e.EKind, entitySort(e), e.ID)); err != nil {
		return err
	}
	for _, n := range graph.EntityNames(e) {
		if k := graph.NormalizeName(n); k != "" {
			if err := w.del(aliasKey(k, e.ID)); err != nil {
				return err
			}
		}
	}
	w.delta[countKey(e.EKind)]--
	if err := w.deleteEdgesOf(e.ID, "", false); err != nil {
		return err
	}
	return w.deleteVector(e.ID)
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
	if len(v.Signature) == graph.SignatureLen && w.s.sim.loaded {
		w.s.sim.add(v.ID, v.Summit, v.Signature)
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
	if len(v.Signature) == graph.SignatureLen && w.s.sim.loaded {
		w.s.sim.remove(id)
	}
	return w.del(vectorKey(id))
}

// linkAllSimilar links the batch's mandates to the similar mandates of
// other summits, found in the in-memory similarity index (which holds the
// batch's own mandates by now).
func (w *writer) linkAllSimilar(vecs []graph.Vector, res *graph.ApplyResult) error {
	// Every old edge of the batch's mandates is gone by now, so a pair can
	// only exist already if both its mandates are in the batch.
	linked := map[[2]string]bool{}
	found := w.s.sim.similarToAll(vecs)
	for i, v := range vecs {
		for _, f := range found[i] {
			// One edge a pair, from the smaller id to the larger, so that
			// the store does not depend on the order files came in.
			a, b := v.ID, f.id
			if a > b {
				a, b = b, a
			}
			if linked[[2]string{a, b}] {
				continue
			}
			linked[[2]string{a, b}] = true
			val, err := encode(graph.Edge{Weight: f.score})
			if err != nil {
				return err
			}
			if err := w.set(edgeKey(a, graph.Similar, b), val); err != nil {
				return err
			}
			if err := w.set(reverseKey(b, graph.Similar, a), nil); err != nil {
				return err
			}
			w.delta[statEdges]++
			res.Similar++
			res.Edges++
		}
	}
	return nil
}

// signatureOf is the part of a stored Vector similarity needs: decoding
// the terms of hundreds of candidates too made it the bulk of an Apply.
type signatureOf struct {
	Signature []uint32 `cbor:"4,keyasint,omitempty"`
	Summit    string   `cbor:"5,keyasint,omitempty"`
}

// LoadCatalog writes the catalog's summits, entities and relations, unless
// the same version is already loaded. Aliases learned from texts are kept.
func (s *Store) LoadCatalog(ctx context.Context, c *graph.Catalog) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var cw *writer
	err := s.db.Update(func(txn *badger.Txn) error {
		v, _, err := getValue(txn, statKey("catalog"))
		if err != nil {
			return err
		}
		if c.Version != "" && string(v) == c.Version {
			return nil
		}
		w := &writer{s: s, txn: txn, delta: map[string]int64{}}
		cw = w
		for _, sm := range c.Summits {
			if !graph.ValidID(sm.ID) {
				return graph.Errorf(graph.EINVALID, "catalog: invalid summit id %q", sm.ID)
			}
			var old *graph.Summit
			switch n, err := getNode(txn, sm.ID); {
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
				if err := w.resortSummit(old, sm); err != nil {
					return err
				}
			}
		}
		// Entities merged by hand stay merged: their names went to the
		// survivor when they were merged, and their relations go to it now.
		cur := s.cur.Load()
		for _, e := range c.Entities {
			if !graph.ValidID(e.ID) || !e.EKind.IsEntity() {
				return graph.Errorf(graph.EINVALID, "catalog: invalid entity %q (%s)", e.ID, e.EKind)
			}
			if cur.mergedInto(e.ID) != e.ID {
				continue
			}
			n, err := getNode(txn, e.ID)
			switch {
			case graph.ErrorCode(err) == graph.ENOTFOUND:
				if err := w.upsertEntity(e); err != nil {
					return err
				}
				continue
			case err != nil:
				return err
			}
			old, ok := n.(*graph.Entity)
			if !ok {
				return graph.Errorf(graph.ECONFLICT, "catalog: %s is not an entity in the store", e.ID)
			}
			ne := *e
			// Keep what texts taught the store.
			ne.Aliases = mergeNames(e.Aliases, old.Aliases, e)
			ne.Acronyms = mergeNames(e.Acronyms, old.Acronyms, nil)
			if err := w.del(kindKey(old.EKind, entitySort(old), old.ID)); err != nil {
				return err
			}
			if err := w.putNodeRecord(&ne); err != nil {
				return err
			}
			if err := w.set(kindKey(ne.EKind, entitySort(&ne), ne.ID), nil); err != nil {
				return err
			}
			if old.EKind != ne.EKind {
				w.delta[countKey(old.EKind)]--
				w.delta[countKey(ne.EKind)]++
			}
			if err := w.putAliases(&ne, old); err != nil {
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
		return w.set(statKey("catalog"), []byte(c.Version))
	})
	s.cache.invalidate()
	if err != nil {
		return fmt.Errorf("load catalog: %w", err)
	}
	if cw != nil {
		cw.committed()
	}
	s.mu.Lock()
	for _, sm := range c.Summits {
		s.summits[sm.ID] = sm
	}
	s.mu.Unlock()
	return nil
}

// CatalogVersion returns the version of the loaded catalog, "" when none.
func (s *Store) CatalogVersion(ctx context.Context) (string, error) {
	var out string
	err := s.view(ctx, func(txn *badger.Txn) error {
		v, _, err := getValue(txn, statKey("catalog"))
		out = string(v)
		return err
	})
	return out, err
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

package store

import (
	"errors"
	"sort"

	badger "github.com/dgraph-io/badger/v4"

	"summitgraph/graph"
)

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

	ls *linkState // link finding (links.go)

	what   string // what is written, for the disk's refusal (a file's name)
	bytes  int64  // keys and values set or deleted so far
	looked int64  // bytes when the disk was last looked at (spaceDuring)
}

// newWriter makes the writer of one write transaction: every change to the
// store goes through one (Apply, catalog loads, curation, the audit log,
// regrouping postings).
func (s *Store) newWriter(txn *badger.Txn) *writer {
	return &writer{
		s: s, txn: txn, delta: map[string]int64{},
		linked: map[string]bool{}, unlinked: map[string]bool{},
		written: map[string]*graph.Mandate{}, edgesPut: map[string]bool{},
		tdfDelta: map[string]int64{},
		fresh:    map[string]bool{}, groups: map[string]*groupEdit{}, owners: map[string]string{},
	}
}

// discard ends the writer's transactions.
func (w *writer) discard() {
	w.txn.Discard()
	if w.snap != nil {
		w.snap.Discard()
	}
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

func (w *writer) set(k, v []byte) error {
	if err := w.spaceDuring(len(k) + len(v) + entryOverhead); err != nil {
		return err
	}
	return w.txn.Set(k, v)
}

func (w *writer) del(k []byte) error {
	if err := w.spaceDuring(len(k) + entryOverhead); err != nil {
		return err
	}
	return w.txn.Delete(k)
}

// entryOverhead is about what Badger's logs add to an entry's key and value.
const entryOverhead = 24

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

func (w *writer) putNodeRecord(n graph.Node) error {
	v, err := encodeNode(n)
	if err != nil {
		return err
	}
	return w.set(nodeKey(n.NodeID()), v)
}

package store

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// Deferred partners. In an ingest of many files, a mandate's six best
// RELATED partners change as better ones arrive, and a key held by few
// mandates early on stops being selective later: choosing partners after
// every file wrote each RELATED link about three times for the one kept,
// and chose again each mandate of a key when it stopped being selective.
// So an ingest of many files (DeferLinks) writes each file's mandates,
// link features, QUOTES and TRANSLATION links as before, and notes whose
// partners are to be chosen; FinishLinks then chooses them once, against
// every mandate the store holds, and writes the RENEWS and RELATED links
// and partners, in transactions of its own. The links are the same as
// choosing after every file gives (the rules compare two mandates, and the
// candidates are those of the store at the end): TestIngestDeterministic
// compares the two.
//
// The first deferred file writes the key pendingKey with its transaction;
// FinishLinks deletes it with its last one. A store opened with the key
// (an ingest killed or failed before its end) chooses every mandate's
// partners again before its next write.

// pendingKey marks a store whose partners are being chosen (y| holds no
// mandate of that id: ids never start with "~").
var pendingKey = partnersKey("~pending")

// pendingLinks is what a deferred ingest has left to choose.
type pendingLinks struct {
	all    bool            // every mandate (the key was found at load)
	marked bool            // pendingKey is written
	fresh  map[string]bool // mandates written: they choose, and are offered
	again  map[string]bool // mandates that lost a partner
	dirty  map[string]bool // mandates whose partners changed
	keys   map[string]bool // keys that stopped, or became again, selective
}

func newPending() *pendingLinks {
	return &pendingLinks{fresh: map[string]bool{}, again: map[string]bool{}, dirty: map[string]bool{}, keys: map[string]bool{}}
}

// DeferLinks makes the writes after it leave RENEWS and RELATED to
// FinishLinks (an ingest of many files).
func (s *Store) DeferLinks() {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.noLinks || s.readOnly {
		return
	}
	s.deferLinks = true
	if s.links.loaded && s.links.deferred == nil {
		s.links.deferred = newPending()
	}
}

// LinkTotals are the links FinishLinks wrote.
type LinkTotals struct {
	Mandates int // mandates whose partners were chosen
	Links    int // RENEWS and RELATED links written
	Deleted  int // links deleted
}

// FinishLinks chooses the partners the writes since DeferLinks left, and
// writes their RENEWS and RELATED links; the writes after it find links
// as they go again. Canceled or failed, the store keeps pendingKey and the
// next write chooses every mandate's partners.
func (s *Store) FinishLinks(ctx context.Context) (LinkTotals, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.deferLinks = false
	if s.noLinks || s.readOnly {
		return LinkTotals{}, nil
	}
	if err := s.loadLinks(); err != nil {
		return LinkTotals{}, err
	}
	return s.finishLinks(ctx)
}

// finishLinks is FinishLinks under the write lock, with the index loaded.
func (s *Store) finishLinks(ctx context.Context) (LinkTotals, error) {
	x := &s.links
	p := x.deferred
	x.deferred = nil
	if p == nil || !p.marked {
		return LinkTotals{}, nil
	}
	tot, err := s.choosePending(ctx, p)
	if err != nil {
		// The partners chosen in memory are not all in the store; the
		// key is, and the next write chooses again.
		x.reset()
		return tot, err
	}
	return tot, nil
}

// choosePending chooses the partners of the mandates p names, in order,
// a slice at a time, each slice's links written in the transactions it
// takes.
func (s *Store) choosePending(ctx context.Context, p *pendingLinks) (LinkTotals, error) {
	x := &s.links
	ls := newLinkState()
	for id := range p.dirty {
		ls.dirty[id] = true
	}
	again := p.again
	if p.all {
		again = map[string]bool{}
		for id := range x.ord {
			again[id] = true
		}
	}
	if !p.all {
		// The mandates written choose anyway: of a key's members, only
		// those the store held before choose again.
		isFresh := make([]bool, len(x.feats))
		for id := range p.fresh {
			if o, ok := x.ord[id]; ok {
				isFresh[o] = true
			}
		}
		for k := range p.keys {
			if kid, ok := x.keyID[k]; ok {
				for _, o := range x.members(kid) {
					if !isFresh[o] {
						again[x.feats[o].ID] = true
					}
				}
			}
		}
	}
	var fresh, rest []string
	if !p.all {
		fresh = sortedKeys(p.fresh)
	}
	for _, id := range sortedKeys(again) {
		if p.all || !p.fresh[id] {
			rest = append(rest, id)
		}
	}
	w := s.newWriter(s.db.NewTransaction(true))
	w.what = "links"
	w.ls = ls
	defer func() { w.discard() }()
	var tot LinkTotals
	const slice = 256
	order := append(fresh, rest...)
	ls.choosing = make(map[int32]bool, len(order))
	for _, id := range order {
		if o, ok := x.ord[id]; ok {
			ls.choosing[o] = true
		}
	}
	for i := 0; i < len(order); i += slice {
		if err := ctxErr(ctx); err != nil {
			return tot, err
		}
		for j, id := range order[i:min(i+slice, len(order))] {
			w.choosePartners(id, i+j < len(fresh))
			tot.Mandates++
		}
		if err := w.reconcileIn(w.rotate); err != nil {
			return tot, err
		}
	}
	if err := w.del(pendingKey); err != nil {
		return tot, err
	}
	if err := w.commitLinks(); err != nil {
		return tot, err
	}
	tot.Links = ls.found[graph.Renews] + ls.found[graph.RelatedTo]
	tot.Deleted = ls.deleted
	return tot, nil
}

// rotate commits the writer's transaction once it holds a share of what
// one may (a tenth of a memtable), and carries on in a new one.
func (w *writer) rotate() error {
	if w.bytes < w.s.txnBudget {
		return nil
	}
	return w.commitLinks()
}

// commitLinks commits the writer's transaction and starts another.
func (w *writer) commitLinks() error {
	if err := w.flushCounters(); err != nil {
		return err
	}
	if err := w.s.checkSpace(w.what, w.bytes); err != nil {
		return err
	}
	if err := w.txn.Commit(); err != nil {
		if errors.Is(err, badger.ErrTxnTooBig) {
			return fmt.Errorf("links: %w", err)
		}
		return err
	}
	w.committed()
	w.s.cache.invalidate()
	ls, what := w.ls, w.what
	w.discard()
	*w = *w.s.newWriter(w.s.db.NewTransaction(true))
	w.ls, w.what = ls, what
	return nil
}

// deferChoice notes what the batch's mandates leave to choose (a deferred
// ingest), and marks the store as having partners to choose.
func (w *writer) deferChoice(ids []string) error {
	p := w.s.links.deferred
	ls := w.linkState()
	for _, id := range ids {
		p.fresh[id] = true
	}
	for _, m := range []map[string]bool{ls.over, ls.under} {
		for k := range m {
			p.keys[k] = true
		}
		clear(m)
	}
	for id := range ls.again {
		p.again[id] = true
	}
	for id := range ls.dirty {
		p.dirty[id] = true
	}
	clear(ls.again)
	clear(ls.dirty)
	if p.marked {
		return nil
	}
	p.marked = true
	return w.set(pendingKey, []byte{1})
}

// loadPending sets what a store opened with pendingKey has to choose:
// every mandate.
func (s *Store) loadPending() error {
	var found bool
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get(pendingKey)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		return err
	}
	if found || s.deferLinks {
		s.links.deferred = newPending()
		s.links.deferred.all, s.links.deferred.marked = found, found
	}
	if found && !s.deferLinks {
		_, err = s.finishLinks(context.Background())
	}
	return err
}

func sortedPairs(m map[[2]string]bool) [][2]string {
	pairs := make([][2]string, 0, len(m))
	for p := range m {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	return pairs
}

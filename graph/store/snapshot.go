package store

import (
	"context"
	"sync"

	badger "github.com/dgraph-io/badger/v4"
)

// A snapshot is one read-only transaction that every read under a context
// shares, so that a request sees the store as it was at its first read,
// whatever is written meanwhile: a trace that found a mandate by its
// postings then finds its record, though a re-ingest replaced it since.
type snapshot struct {
	s    *Store
	mu   sync.Mutex
	txn  *badger.Txn // made at the first read
	gen  uint64      // the node cache's generation when txn was made
	refs int         // reads running in txn
	off  bool        // ended, or switched off (a mutation reads what it wrote)
}

type snapshotKey struct{}

// Snapshot returns a context under which every read of the store shares
// one read-only transaction, made at the first read, and a function that
// ends it (call it once the reads are done; reads after it each get their
// own transaction again).
func (s *Store) Snapshot(ctx context.Context) (context.Context, func()) {
	snap := &snapshot{s: s}
	return context.WithValue(ctx, snapshotKey{}, snap), snap.end
}

// NoSnapshot switches off the snapshot of ctx, if any: reads under it get
// their own transactions from then on (a mutation reads back what it wrote).
func NoSnapshot(ctx context.Context) {
	if snap, ok := ctx.Value(snapshotKey{}).(*snapshot); ok {
		snap.end()
	}
}

func (snap *snapshot) end() {
	snap.mu.Lock()
	defer snap.mu.Unlock()
	snap.off = true
	if snap.refs == 0 && snap.txn != nil {
		snap.txn.Discard()
		snap.txn = nil
	}
}

// acquire is the snapshot of s in ctx, made if need be, for one more
// read (release it after), or nil.
func (s *Store) acquire(ctx context.Context) *snapshot {
	snap, ok := ctx.Value(snapshotKey{}).(*snapshot)
	if !ok || snap.s != s {
		return nil
	}
	snap.mu.Lock()
	defer snap.mu.Unlock()
	if snap.off {
		return nil
	}
	if snap.txn == nil {
		snap.gen = s.cache.generation()
		snap.txn = s.db.NewTransaction(false)
	}
	snap.refs++
	return snap
}

// release ends one read of the snapshot; the last one after end discards
// its transaction.
func (snap *snapshot) release() {
	snap.mu.Lock()
	defer snap.mu.Unlock()
	snap.refs--
	if snap.off && snap.refs == 0 && snap.txn != nil {
		snap.txn.Discard()
		snap.txn = nil
	}
}

// cacheGen is the node cache generation a read under ctx fills the cache
// in, and whether it may take nodes from the cache: a snapshot older than
// the last write may not (the cache holds what was written since).
func (s *Store) cacheGen(ctx context.Context) (uint64, bool) {
	if snap := s.acquire(ctx); snap != nil {
		gen := snap.gen
		snap.release()
		return gen, gen == s.cache.generation()
	}
	return s.cache.generation(), true
}

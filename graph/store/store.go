package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"summitgraph/graph"
	"sync"
	"sync/atomic"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/ristretto/v2/z"
)

// Options configure a Store.
type Options struct {
	// Dir is the store's folder; empty means an in-memory store (tests).
	Dir string
	// ReadOnly opens the store for reads only.
	ReadOnly bool
	// Logger receives Badger's warnings and errors; nil discards them.
	Logger *slog.Logger
	// CacheMB is the size of Badger's block cache in MiB (0: none). Blocks
	// are stored uncompressed and read in place from the mapped table
	// files, so a cache only copies them: Badger's documentation advises
	// against one without compression (BENCHMARKS.md, "What the profiles
	// found", item 12).
	CacheMB int
	// CacheNodes bounds the cache of decoded nodes (0: 20,000).
	CacheNodes int
	// MinFreeMB is the disk space a write needs left (0: 128 MiB, or twice
	// the memtable size if more): Badger writes its log through memory-mapped files,
	// and a full disk there is a crash, not an error. The store stays whole
	// either way; this makes the common case a clear error.
	MinFreeMB int
	// MemTableMB is the size of a memtable in MiB (0: 32). A transaction,
	// and so a file, may be at most about 15% of it.
	MemTableMB int
	// Bulk is for an ingest of many files that [Compact] follows: level 0
	// may hold 32 tables before Badger compacts it, rather than 8, so
	// that compactions during the ingest do not rewrite what the
	// compaction after it rewrites anyway (BENCHMARKS.md, "What the
	// profiles found", item 11).
	Bulk bool
	// NoLinks turns link finding off: Apply writes no links between
	// mandates (QUOTES, TRANSLATION, RENEWS, RELATED) and no link
	// features, so that an ingest can be timed without it (BENCHMARKS.md).
	// Links are found from the features a store holds: a store written
	// without them has none until its files are ingested again with
	// links on.
	NoLinks bool
}

// Store is the graph in Badger. It is safe for concurrent use.
type Store struct {
	db       *badger.DB
	unread   *atomic.Int64 // values Badger could not read (badgerLogger)
	dir      string
	readOnly bool
	noLinks  bool
	// deferLinks leaves RENEWS and RELATED to FinishLinks (DeferLinks);
	// under writeMu.
	deferLinks bool
	// txnBudget is the size at which a long write commits and goes on in
	// a new transaction: a tenth of a memtable.
	txnBudget int64

	mu      sync.RWMutex
	summits map[string]*graph.Summit // the catalog's summits, by id; small and hot

	writeMu sync.Mutex // serializes Apply, catalog loads and curation

	cur    atomic.Pointer[curation] // merge and reject decisions, aliases added by hand
	cache  *nodeCache               // decoded nodes recently read
	review reviewMemo               // the review queue's last counts (review.go)
	links  linkIndex                // candidates of links between mandates; under writeMu
	// minFree is the disk space a write needs left, in bytes, beside what
	// compactions may take (reserve).
	minFree  int64
	space    spaceWatch   // the disk's free space, sampled (space.go)
	df       termDF       // documents by term, as the writer last wrote them; under writeMu
	counters counterCache // the s| counters, as the writer last wrote them; under writeMu
}

// badgerOptions are the Badger options of a store, and its memtable size
// in MiB.
func badgerOptions(opts Options, unread *atomic.Int64) (badger.Options, int) {
	bo := badger.DefaultOptions(opts.Dir)
	if opts.Dir == "" {
		bo = bo.WithInMemory(true)
	}
	l0 := 8
	if opts.Bulk {
		l0 = 32
	}
	cache := max(opts.CacheMB, 0)
	// 32 MiB memtables: inserting a key into Badger's skiplist is a chain
	// of cache misses that grows with it, and smaller ones cost as much in
	// flushes and compactions (BENCHMARKS.md, "What the profiles found",
	// item 7). It bounds a file to about a thousand mandates.
	mem := opts.MemTableMB
	if mem <= 0 {
		mem = 32
	}
	// Badger refuses a value threshold larger than its largest write batch
	// (15% of a memtable), which small memtables would otherwise hit.
	vt := min(bo.ValueThreshold, (int64(mem)<<20)*15/100)
	bo = bo.
		WithLogger(badgerLogger{opts.Logger, unread}).
		WithReadOnly(opts.ReadOnly).
		WithMemTableSize(int64(mem) << 20).
		WithValueThreshold(vt).
		WithNumMemtables(2).
		WithNumLevelZeroTables(l0).
		WithNumLevelZeroTablesStall(2 * l0).
		// Fewer, larger levels: less rewriting of the same keys by
		// compactions during a bulk ingest.
		WithBaseLevelSize(256 << 20).
		// Writers are serialized by the store (writeMu), so transactions
		// cannot conflict: tracking what each one read costs for nothing.
		WithDetectConflicts(false).
		WithBlockCacheSize(int64(cache) << 20).
		WithIndexCacheSize(32 << 20).
		WithNumCompactors(2).
		// Uncompressed blocks: compression cost ingest and every read
		// more than the disk it saves (item 4).
		WithCompression(options.None).
		WithValueLogFileSize(256 << 20).
		WithMetricsEnabled(false).
		// Values in the value log are read against their checksums (the
		// tables are checked whole before opening: verifyAtOpen).
		WithVerifyValueChecksum(true)
	// Tables of one size at every level: a compaction builds its tables in
	// memory, and tables that double at each level held hundreds of MiB of
	// them (item 4).
	bo.TableSizeMultiplier = 1
	return bo, mem
}

// minFreeBytes is Options.MinFreeMB in bytes, or its default for a
// memtable of mem MiB.
func minFreeBytes(opts Options, mem int) int64 {
	if opts.MinFreeMB != 0 {
		return int64(opts.MinFreeMB) << 20
	}
	return max(128<<20, 2*(int64(mem)<<20))
}

func openBadger(bo badger.Options) (*badger.DB, error) {
	if bo.Dir != "" && !bo.InMemory {
		held, err := probeLock(bo.Dir, func() error {
			_, err := checkFiles(bo.Dir, bo.MemTableSize, verifyAtOpen)
			return err
		})
		if held {
			return nil, inUse(bo.Dir)
		}
		if err != nil {
			return nil, err
		}
	}
	open := func() (db *badger.DB, err error) {
		err = recovered(func() error {
			var err error
			db, err = badger.Open(bo)
			return err
		})
		return db, err
	}
	db, err := open()
	if err != nil && strings.Contains(err.Error(), z.NewFile.Error()) {
		// A process killed just after Badger created a memtable's log
		// leaves it empty, and the next open fails on it once, having
		// set it up (dgraph-io/badger#2207): the second open succeeds.
		// Badger formats the cause into its message (no wrapping).
		db, err = open()
	}
	if err != nil {
		if msg := err.Error(); bo.ReadOnly && strings.Contains(msg, "while opening memtables") &&
			(strings.Contains(msg, "truncat") || strings.Contains(msg, z.NewFile.Error())) {
			return nil, graph.Errorf(graph.EUNAVAILABLE, "store %s was not closed (its process was killed?) and cannot be read until it is opened for writing once: run summitgraph compact (or ingest, or serve) on it", bo.Dir)
		}
		if strings.Contains(err.Error(), "Cannot acquire directory lock") || strings.Contains(err.Error(), "resource temporarily unavailable") {
			return nil, inUse(bo.Dir)
		}
		return nil, fmt.Errorf("open store %s: %s", bo.Dir, oneLine(err))
	}
	return db, nil
}

func inUse(dir string) error {
	return &graph.Error{Code: graph.EUNAVAILABLE, Message: fmt.Sprintf("store %s is in use by another process", dir)}
}

// IsHeld reports whether err says that another process holds the store.
func IsHeld(err error) bool {
	return graph.ErrorCode(err) == graph.EUNAVAILABLE && strings.Contains(err.Error(), "in use by another process")
}

// verifyAtOpen: every block of every table is checked against its
// checksum before a store opens (BENCHMARKS.md, "Opening a store").
const verifyAtOpen = true

// Exists reports whether dir holds a store (its MANIFEST).
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, badger.ManifestFilename))
	return err == nil
}

// Open opens (creating if needed) the store in opts.Dir. Its files are
// looked at first, and a damaged store is refused (IsDamaged) with
// nothing changed. Read-only, it opens a store that exists only: a folder
// without one gives an empty store in memory, and writes nothing.
func Open(opts Options) (*Store, error) {
	if opts.ReadOnly && opts.Dir != "" && !Exists(opts.Dir) {
		if _, err := probeLock(opts.Dir, func() error {
			_, err := checkFiles(opts.Dir, 0, false)
			return err
		}); err != nil {
			return nil, err
		}
		mem := opts
		mem.Dir, mem.ReadOnly = "", false
		return Open(mem)
	}
	unread := new(atomic.Int64)
	bo, mem := badgerOptions(opts, unread)
	db, err := openBadger(bo)
	if err != nil {
		return nil, err
	}
	minFree := minFreeBytes(opts, mem)
	s := &Store{db: db, unread: unread, dir: opts.Dir, readOnly: opts.ReadOnly, summits: map[string]*graph.Summit{}, cache: newNodeCache(opts.CacheNodes), minFree: minFree, noLinks: opts.NoLinks,
		txnBudget: int64(mem) << 20 / 10}
	if err := s.checkFormat(opts.ReadOnly); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.loadSummits(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.loadCuration(); err != nil {
		db.Close()
		return nil, err
	}
	if !opts.ReadOnly && opts.Dir != "" && minFree > 0 {
		s.watchSpace(opts.Logger)
	}
	return s, nil
}

// NeedsCompaction reports whether a tenth or more of the store's table
// bytes sit outside its last level. Level 0 holds tables that overlap one
// another and each level below it is a sorted run, so every read seeks in
// each of them, and walks answer much faster on a compacted store
// (BENCHMARKS.md, "What the profiles found", item 11). A few files ingested
// into a large store do not reach a tenth, and rewriting the whole store
// for them would cost more than it saves.
func (s *Store) NeedsCompaction() bool {
	if s.dir == "" {
		return false
	}
	levels := s.db.Levels()
	var total int64
	last := 0
	for i, l := range levels {
		if l.Size > 0 && i > 0 {
			last = i
		}
		total += l.Size
	}
	above := total
	if last > 0 {
		above -= levels[last].Size
	}
	if last == 0 && levels[0].NumTables < 2 {
		return false
	}
	return total > 0 && above*10 >= total
}

// Compact rewrites the tables of the closed store in opts.Dir into one
// level, the shape that reads are fastest on; an ingest of many files
// ends with it. It needs room for a second copy of the tables, and leaves
// the store as it was (whole) when the disk has less.
func Compact(opts Options) error {
	if opts.Dir == "" {
		return nil
	}
	held, err := probeLock(opts.Dir, func() error {
		_, err := checkFiles(opts.Dir, 0, false)
		return err
	})
	if held {
		return inUse(opts.Dir)
	}
	if err != nil {
		return err
	}
	// Badger would make an empty store of a folder that holds none.
	if _, err := os.Stat(filepath.Join(opts.Dir, badger.ManifestFilename)); err != nil {
		return graph.Errorf(graph.EINVALID, "%s is not a store: it has no %s", opts.Dir, badger.ManifestFilename)
	}
	opts.ReadOnly = false
	bo, mem := badgerOptions(opts, nil)
	// Flatten compacts level 0 only when it is over its table count, or
	// when another level holds tables: with a count of 1, a store whose
	// tables are all in level 0 (a bulk ingest) goes down too, and its
	// errors are Flatten's. Background compactions would only compete.
	// Nothing writes but the replay of a log left by a killed process,
	// which must not wait for a compaction that only Flatten would run.
	bo = bo.WithNumLevelZeroTables(1).WithNumLevelZeroTablesStall(1 << 20).WithNumCompactors(0)
	// A store left by a killed process replays its log when opened and
	// writes it to level 0 in the background, possibly after Flatten has
	// finished; closing waits for that write. So: open and close once.
	db, err := openBadger(bo)
	if err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("compact store %s: %w", opts.Dir, err)
	}
	db, err = openBadger(bo)
	if err != nil {
		return err
	}
	var total int64
	for _, l := range db.Levels() {
		total += l.Size
	}
	minFree := minFreeBytes(opts, mem)
	if free := diskFree(opts.Dir); minFree > 0 && free >= 0 && free < total+minFree {
		db.Close()
		return graph.Errorf(graph.EUNAVAILABLE, "only %d MiB free on the disk of store %s, and compacting it needs %d MiB; the store is whole, only slower to read", free>>20, opts.Dir, (total+minFree)>>20)
	}
	if err := db.Flatten(2); err != nil {
		db.Close()
		return fmt.Errorf("compact store %s: %w", opts.Dir, err)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("compact store %s: %w", opts.Dir, err)
	}
	return nil
}

// Close closes the store, flushing what is in memory.
func (s *Store) Close() error {
	s.stopWatch()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// ReadOnly reports whether the store was opened for reads only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Dir is the store's folder ("" in memory).
func (s *Store) Dir() string { return s.dir }

// DB exposes the Badger database for backups and maintenance tools.
func (s *Store) DB() *badger.DB { return s.db }

func (s *Store) loadSummits() error {
	return s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: kindPrefix(graph.KindSummit)})
		defer it.Close()
		var ids []string
		for it.Rewind(); it.Valid(); it.Next() {
			ids = append(ids, lastPart(it.Item().Key()))
		}
		it.Close()
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, id := range ids {
			n, err := getNode(txn, id)
			if err != nil {
				return fmt.Errorf("load summits: %w", err)
			}
			if sm, ok := n.(*graph.Summit); ok {
				s.summits[id] = sm
			}
		}
		return nil
	})
}

// summit returns the catalog summit with the given id, or nil.
func (s *Store) summit(id string) *graph.Summit {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.summits[id]
}

// view runs fn in a read-only transaction, translating Badger's errors:
// the snapshot's of ctx if it has one (Snapshot), else one of its own.
func (s *Store) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	if snap := s.acquire(ctx); snap != nil {
		defer snap.release()
		return fn(snap.txn)
	}
	return s.db.View(fn)
}

func ctxErr(ctx context.Context) error {
	switch err := ctx.Err(); {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		return &graph.Error{Code: graph.ETIMEOUT, Message: "the request ran out of time"}
	default:
		return &graph.Error{Code: graph.ECANCELED, Message: "the request was canceled"}
	}
}

func getNode(txn *badger.Txn, id string) (graph.Node, error) {
	item, err := txn.Get(nodeKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, graph.NotFound(id)
	}
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", id, err)
	}
	var n graph.Node
	err = item.Value(func(v []byte) error {
		var err error
		n, err = decodeNode(v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("node %s: %w", id, err)
	}
	return n, nil
}

func getValue(txn *badger.Txn, k []byte) ([]byte, bool, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	return v, err == nil, err
}

// scanKeys calls fn with a copy of every key under prefix, from start
// (inclusive; nil for the beginning of the prefix), until fn returns false.
// Values are not read.
func scanKeys(txn *badger.Txn, prefix, start []byte, fn func(k []byte) bool) {
	opts := badger.IteratorOptions{Prefix: prefix, PrefetchValues: false}
	it := txn.NewIterator(opts)
	defer it.Close()
	if start == nil {
		start = prefix
	}
	for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
		if !fn(it.Item().KeyCopy(nil)) {
			return
		}
	}
}

// scan calls fn with every key and value under prefix until fn returns
// false or an error. The key and value are only valid during the call.
func scan(txn *badger.Txn, prefix []byte, fn func(k, v []byte) (bool, error)) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 64})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		var more bool
		err := item.Value(func(v []byte) error {
			var err error
			more, err = fn(item.Key(), v)
			return err
		})
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
	}
	return nil
}

// badgerLogger passes Badger's warnings and errors to l, and counts in
// unread the values it could not read: Badger logs a value-log entry
// that fails its checksum and reads it as empty, without an error
// (Item.yieldItemValue), so the log is where a reader learns of it.
type badgerLogger struct {
	l      *slog.Logger
	unread *atomic.Int64
}

// unreadValue starts Badger's message for a value it could not read.
const unreadValue = "Unable to read: Key:"

func (b badgerLogger) Errorf(f string, a ...any) {
	if b.unread != nil && strings.HasPrefix(f, unreadValue) {
		b.unread.Add(1)
	}
	if b.l != nil {
		b.l.Error("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
	}
}

func (b badgerLogger) Warningf(f string, a ...any) {
	if b.l != nil {
		b.l.Warn("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
	}
}

func (b badgerLogger) Infof(string, ...any)  {}
func (b badgerLogger) Debugf(string, ...any) {}

// Dump writes every key and value of the store, one per line in key order
// (the key quoted, the value in hex): for tests and for comparing stores.
func (s *Store) Dump(ctx context.Context, w io.Writer) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			if _, err := fmt.Fprintf(w, "%q=%x\n", it.Item().Key(), v); err != nil {
				return err
			}
		}
		return nil
	})
}

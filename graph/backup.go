package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"

	badger "github.com/dgraph-io/badger/v4"
)

// Backup writes a full backup of the store to w (Badger's backup format:
// every key's latest version, from one snapshot). It runs alongside reads
// and writes: what is committed when it starts is in it.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	if _, err := io.WriteString(w, backupMagic); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if _, err := s.db.Backup(w, 0); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// Restore loads a backup into the store, which must be empty.
func (s *Store) Restore(ctx context.Context, r io.Reader) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	empty := true
	if err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		it.Rewind()
		empty = !it.Valid()
		return nil
	}); err != nil {
		return err
	}
	if !empty {
		return Errorf(ECONFLICT, "restore goes into an empty store; %s is not empty", s.dirName())
	}
	br := bufio.NewReader(r)
	head := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != backupMagic {
		return Errorf(EINVALID, "not a summitgraph backup (it does not start with %q)", backupMagic[:len(backupMagic)-1])
	}
	defer s.cache.invalidate()
	defer s.sim.reset()
	defer s.df.reset()
	defer s.counters.reset()
	if err := load(s.db, br); err != nil {
		return Errorf(EINVALID, "not a summitgraph backup, or a damaged one: %v", err)
	}
	if err := s.loadSummits(); err != nil {
		return err
	}
	return s.loadCuration()
}

func (s *Store) dirName() string {
	if s.dir == "" {
		return "the in-memory store"
	}
	return s.dir
}

// backupMagic starts every backup, so that restore can tell one from any
// other file before Badger reads it.
const backupMagic = "summitgraph backup v1\n"

// load runs Badger's Load, turning a panic on damaged input into an error.
func load(db *badger.DB, r io.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("damaged backup: %v", p)
		}
	}()
	return db.Load(r, 256)
}

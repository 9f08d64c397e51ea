package store

import (
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"summitgraph/graph"
)

// A full disk is a crash for Badger, not an error: its write-ahead logs,
// value logs and tables are written through memory-mapped files, and a
// page that the file system cannot back is a SIGBUS. So a store refuses a
// write that would leave less free than its reserve (Store.reserve): what
// Badger may still write on its own once the write is done. The disk is
// looked at before each write, at its commit, every spaceStep bytes while
// a write transaction is built, and by a watcher (watchSpace) every
// spaceSample for as long as the store is open for writing, which makes
// writes under way fail as soon as the disk fills from elsewhere.

const (
	spaceSample = 250 * time.Millisecond
	spaceStep   = 1 << 20
)

// spaceWatch is what the watcher last saw of the store's disk.
type spaceWatch struct {
	low  atomic.Bool // less free than the reserve
	stop chan struct{}
	done chan struct{}
}

// reserve is the free space a write must leave: minFree (the memtables
// Badger flushes into tables, and the slack of compactions between the
// lower levels), plus what a compaction of level 0 may write before it
// deletes its inputs: a copy of level 0 and of the level it goes into.
func (s *Store) reserve() int64 {
	if s.minFree <= 0 {
		return 0
	}
	var l0, below int64
	for i, l := range s.db.Levels() {
		switch {
		case i == 0:
			l0 = l.Size
		case l.IsBaseLevel || below == 0:
			below = max(below, l.Size)
		}
	}
	return s.minFree + l0 + below
}

// checkSpace refuses a write of what (a file's name, or what the write is)
// when the store's disk has less free than the reserve and need bytes.
func (s *Store) checkSpace(what string, need int64) error {
	free, reserve, ok := s.roomFor(need)
	if ok {
		return nil
	}
	if need > 0 {
		return graph.Errorf(graph.EUNAVAILABLE, "%s not written: it needs more than %s, and only %s (%d bytes) is free on the disk of store %s, which keeps %s free for Badger's flushes and compactions; free some space and ingest it again", what, mib(need), mib(free), free, s.dir, mib(reserve))
	}
	return graph.Errorf(graph.EUNAVAILABLE, "%s not written: only %s (%d bytes) free on the disk of store %s, which keeps %s free for Badger's flushes and compactions; free some space and ingest it again", what, mib(free), free, s.dir, mib(reserve))
}

// roomFor looks at the disk: the free space, the reserve, and whether a
// write of need bytes fits above the reserve (always in memory).
func (s *Store) roomFor(need int64) (free, reserve int64, ok bool) {
	if s.dir == "" || s.minFree <= 0 {
		return -1, 0, true
	}
	if free = diskFree(s.dir); free < 0 {
		return free, 0, true
	}
	reserve = s.reserve()
	ok = free >= reserve+need
	if !ok {
		s.space.low.Store(true)
	}
	return free, reserve, ok
}

// mib is n bytes in MiB, with one decimal.
func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// watchSpace samples the disk of a store open for writing until Close,
// keeping space.low, and logs when writes start and stop being refused.
func (s *Store) watchSpace(log *slog.Logger) {
	s.space.stop, s.space.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(s.space.done)
		t := time.NewTicker(spaceSample)
		defer t.Stop()
		was := false
		for {
			select {
			case <-s.space.stop:
				return
			case <-t.C:
			}
			free := diskFree(s.dir)
			if free < 0 {
				continue
			}
			reserve := s.reserve()
			low := free < reserve
			s.space.low.Store(low)
			if low != was && log != nil {
				if low {
					log.Warn("store: writes refused, the disk is nearly full", "store", s.dir, "free_bytes", free, "reserve_bytes", reserve)
				} else {
					log.Info("store: writes accepted again", "store", s.dir, "free_bytes", free, "reserve_bytes", reserve)
				}
			}
			was = low
		}
	}()
}

// stopWatch ends the watcher, if there is one.
func (s *Store) stopWatch() {
	if s.space.stop != nil {
		close(s.space.stop)
		<-s.space.done
		s.space.stop = nil
	}
}

// WritesRefused says why the store refuses writes now (its disk is nearly
// full), or nil when it takes them.
func (s *Store) WritesRefused() error {
	if s.readOnly {
		return graph.Errorf(graph.EUNAVAILABLE, "store %s is open for reading only", s.dir)
	}
	if free, reserve, ok := s.roomFor(0); !ok {
		return graph.Errorf(graph.EUNAVAILABLE, "only %s (%d bytes) free on the disk of store %s, which keeps %s free for Badger's flushes and compactions", mib(free), free, s.dir, mib(reserve))
	}
	return nil
}

// spaceDuring is the check of a write transaction being built, bytes into
// it: the watcher's last sample costs nothing, and the disk is looked at
// again every spaceStep bytes.
func (w *writer) spaceDuring(n int) error {
	w.bytes += int64(n)
	if !w.s.space.low.Load() && w.bytes-w.looked < spaceStep {
		return nil
	}
	w.looked = w.bytes
	what := w.what
	if what == "" {
		what = "the write"
	}
	return w.s.checkSpace(what, w.bytes)
}

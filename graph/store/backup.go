package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"summitgraph/graph"
	"sync"
	"sync/atomic"

	badger "github.com/dgraph-io/badger/v4"
)

// Backup writes a full backup of the store to w: a header line, Badger's
// backup stream (every key's latest version, from one snapshot), and a
// trailer with the stream's length and SHA-256, by which Restore tells a
// whole backup from one cut short or damaged before it writes anything. It
// runs alongside reads and writes: what is committed when it starts is in
// it.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	if _, err := io.WriteString(w, backupMagic); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	h := sha256.New()
	// Badger's stream returns the first error of its readers while its
	// sender may still be writing a batch: the fence waits for that write
	// and refuses any after, so that no byte reaches w once Backup has
	// returned (w may be an HTTP response).
	//
	// A value Badger could not read (its value-log entry fails its
	// checksum) comes to the stream empty, with no error but a line in
	// Badger's log (badgerLogger): the next write after one fails, and so
	// does the backup if one is logged before its end.
	unread := s.unread.Load()
	f := &fence{w: io.MultiWriter(w, h), unread: s.unread, before: unread}
	cw := &countWriter{w: f}
	_, err := s.db.Backup(cw, 0)
	f.close()
	if err == nil {
		err = f.damaged()
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	var t [trailerLen]byte
	binary.LittleEndian.PutUint64(t[:8], uint64(cw.n))
	copy(t[8:], h.Sum(nil))
	copy(t[8+sha256.Size:], backupEnd)
	if _, err := w.Write(t[:]); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// fence passes writes to w until it is closed, which waits for a write
// in flight. It also fails writes once Badger has logged a value it could
// not read since the backup started.
type fence struct {
	mu     sync.Mutex
	w      io.Writer
	closed bool
	unread *atomic.Int64
	before int64
}

func (f *fence) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return 0, errors.New("the backup has ended")
	}
	if err := f.damaged(); err != nil {
		return 0, err
	}
	return f.w.Write(p)
}

func (f *fence) damaged() error {
	if n := f.unread.Load() - f.before; n > 0 {
		return graph.Errorf(graph.ECORRUPT, "%d value(s) in the value log could not be read (damaged on disk?): run summitgraph check on the store, and restore the last backup", n)
	}
	return nil
}

func (f *fence) close() {
	f.mu.Lock()
	f.closed = true
	f.mu.Unlock()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Restore loads a backup into the store, which must be empty. The backup
// is checked whole (length and SHA-256) before a key is written: a backup
// cut short or damaged leaves the store empty. Badger's loader cannot be
// undone once it starts writing, and a failure there (a full disk) leaves
// the store incomplete; the error says so.
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
		return graph.Errorf(graph.ECONFLICT, "restore goes into an empty store; %s is not empty", s.dirName())
	}
	br := bufio.NewReader(r)
	head, _ := br.Peek(len(backupMagic))
	if string(head) != backupMagic {
		if bytes.HasPrefix(head, []byte(backupMagic[:len("summitgraph backup v")])) {
			return graph.Errorf(graph.EINVALID, "a summitgraph backup in a format this version does not read (%q)", strings.TrimSpace(string(head)))
		}
		return graph.Errorf(graph.EINVALID, "not a summitgraph backup (it does not start with %q)", strings.TrimSpace(backupMagic))
	}
	f, size, done, err := spool(ctx, br, r)
	if err != nil {
		return err
	}
	defer done()
	stream, err := verifyBackup(f, size)
	if err != nil {
		return err
	}
	defer s.cache.invalidate()
	defer s.links.reset()
	defer s.df.reset()
	defer s.counters.reset()
	if err := load(s.db, stream); err != nil {
		return graph.Errorf(graph.EINTERNAL, "the restore failed partway (%v): %s is incomplete; remove it and restore again", err, s.dirName())
	}
	if err := s.checkFormat(false); err != nil {
		return err
	}
	if err := s.loadSummits(); err != nil {
		return err
	}
	return s.loadCuration()
}

// spool gives the backup as a file Restore can read twice: the file itself
// when r is one, else a temporary copy that done removes.
func spool(ctx context.Context, br *bufio.Reader, r io.Reader) (f *os.File, size int64, done func(), err error) {
	if rf, ok := r.(*os.File); ok {
		if fi, err := rf.Stat(); err == nil && fi.Mode().IsRegular() {
			if pos, err := rf.Seek(0, io.SeekCurrent); err == nil {
				// Start where the caller's reader did, before br's buffer.
				return rf, fi.Size(), func() {}, offsetErr(pos - int64(br.Buffered()))
			}
		}
	}
	tmp, err := os.CreateTemp("", "summitgraph-restore-*")
	if err != nil {
		return nil, 0, nil, fmt.Errorf("restore: %w", err)
	}
	done = func() { tmp.Close(); os.Remove(tmp.Name()) }
	n, err := io.Copy(tmp, ctxReader{ctx, br})
	if err != nil {
		done()
		return nil, 0, nil, fmt.Errorf("restore: reading the backup: %w", err)
	}
	return tmp, n, done, nil
}

// offsetErr refuses a file whose backup does not start at its beginning,
// which is all Restore reads it from.
func offsetErr(start int64) error {
	if start != 0 {
		return fmt.Errorf("restore: the backup file must be read from its start, not from byte %d", start)
	}
	return nil
}

// verifyBackup checks the trailer of the backup in f against the stream
// before it, and returns the stream.
func verifyBackup(f *os.File, size int64) (io.Reader, error) {
	n := size - int64(len(backupMagic)) - trailerLen
	if n < 0 {
		return nil, graph.Errorf(graph.EINVALID, "the backup is cut short or damaged: %d bytes, shorter than an empty backup", size)
	}
	var t [trailerLen]byte
	if _, err := f.ReadAt(t[:], size-trailerLen); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	if string(t[8+sha256.Size:]) != backupEnd {
		return nil, graph.Errorf(graph.EINVALID, "the backup is cut short or damaged: it does not end with summitgraph's end marker")
	}
	if want := binary.LittleEndian.Uint64(t[:8]); want != uint64(n) {
		return nil, graph.Errorf(graph.EINVALID, "the backup is cut short or damaged: its trailer gives %d bytes of data, the file holds %d", want, n)
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, int64(len(backupMagic)), n)); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	if !bytes.Equal(h.Sum(nil), t[8:8+sha256.Size]) {
		return nil, graph.Errorf(graph.EINVALID, "the backup is damaged: its SHA-256 differs from the one it was written with")
	}
	return io.NewSectionReader(f, int64(len(backupMagic)), n), nil
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func (s *Store) dirName() string {
	if s.dir == "" {
		return "the in-memory store"
	}
	return s.dir
}

// backupMagic starts every backup, so that restore can tell one from any
// other file before Badger reads it.
// v2 added the trailer.
const backupMagic = "summitgraph backup v2\n"

// backupEnd closes the trailer: the stream's length (8 bytes, little
// endian), its SHA-256, and this line.
const (
	backupEnd  = "summitgraph backup end\n"
	trailerLen = int64(8 + sha256.Size + len(backupEnd))
)

// load runs Badger's Load, turning a panic on damaged input into an error.
func load(db *badger.DB, r io.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("damaged backup: %v", p)
		}
	}()
	return db.Load(r, 256)
}

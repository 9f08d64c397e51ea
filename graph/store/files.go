package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/ristretto/v2/z"
)

// Badger repairs what it finds at opening by deleting and truncating: the
// table files its MANIFEST does not name are deleted (a MANIFEST cut short
// names none, so every table goes), the MANIFEST is cut after its last
// whole record, and the last value log is cut after its last whole entry. A
// table it cannot read panics. So the files are looked at here first, and a
// store whose files say it is damaged is refused with one line, before
// Badger changes anything. What a process killed mid-write leaves (a torn
// record at the end of a log, a table written but not yet in the MANIFEST,
// tables a compaction replaced but did not yet delete) is what Badger's
// recovery is for, and passes.

// damaged is the error for a store whose files are damaged.
func damaged(dir, format string, args ...any) error {
	return graph.Errorf(graph.ECORRUPT, "store %s is damaged: %s; nothing was changed: restore the last backup into a new folder (summitgraph --store NEW restore FILE)", dir, fmt.Sprintf(format, args...))
}

// IsDamaged reports whether err says that a store's files are damaged.
func IsDamaged(err error) bool {
	var de *graph.Error
	return errors.As(err, &de) && strings.Contains(de.Message, " is damaged: ")
}

// storeFiles are the files of a store folder, by kind.
type storeFiles struct {
	manifest bool
	tables   map[uint64]int64 // id → size
	vlogs    []string         // value log files, in id order
	mems     []string         // memtable logs
}

func listFiles(dir string) (storeFiles, error) {
	f := storeFiles{tables: map[uint64]int64{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return f, err
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == badger.ManifestFilename:
			f.manifest = true
		case strings.HasSuffix(name, ".sst"):
			id, ok := table.ParseFileID(name)
			if !ok {
				continue
			}
			info, err := e.Info()
			if err != nil {
				return f, err
			}
			f.tables[id] = info.Size()
		case strings.HasSuffix(name, ".vlog"):
			f.vlogs = append(f.vlogs, name)
		case strings.HasSuffix(name, ".mem"):
			f.mems = append(f.mems, name)
		}
	}
	sort.Slice(f.vlogs, func(i, j int) bool { return logID(f.vlogs[i]) < logID(f.vlogs[j]) })
	sort.Strings(f.mems)
	return f, nil
}

func logID(name string) uint64 {
	n, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSuffix(name, ".vlog"), ".mem"), 10, 64)
	return n
}

// holdsData reports whether the folder holds anything of a store's data.
func (f storeFiles) holdsData(dir string) bool {
	if len(f.tables) > 0 {
		return true
	}
	for _, name := range append(append([]string{}, f.vlogs...), f.mems...) {
		if nonEmptyLog(filepath.Join(dir, name)) {
			return true
		}
	}
	return false
}

// memsHoldData reports whether a memtable log holds entries: a flush
// killed before the MANIFEST named its table leaves the table beside it.
func (f storeFiles) memsHoldData(dir string) bool {
	for _, name := range f.mems {
		if nonEmptyLog(filepath.Join(dir, name)) {
			return true
		}
	}
	return false
}

// nonEmptyLog reports whether a log file holds anything past its header.
func nonEmptyLog(path string) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return true // unreadable: say it holds something, and let the check say what
	}
	return len(b) > vlogHeaderSize && bytes.IndexFunc(b[vlogHeaderSize:], func(r rune) bool { return r != 0 }) >= 0
}

// checkFiles looks at the files of the store in dir before Badger opens
// it, and refuses a damaged store (IsDamaged). A folder that does not
// exist or holds no store is not damaged. With verify, every block of
// every table is checked against its checksum; otherwise each table's
// footer and index are (what Badger reads at opening).
func checkFiles(dir string, memTable int64, verify bool) (Manifest, error) {
	var m Manifest
	f, err := listFiles(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("store %s: %w", dir, err)
	}
	if !f.manifest {
		if f.holdsData(dir) {
			var size int64
			for _, s := range f.tables {
				size += s
			}
			return m, damaged(dir, "its %s is missing, beside %d table files (%d MiB)", badger.ManifestFilename, len(f.tables), size>>20)
		}
		return m, nil
	}
	m, err = readManifest(dir)
	if err != nil {
		return m, err
	}
	var refBytes, orphanBytes int64
	orphans := 0
	for id := range m.Tables {
		size, ok := f.tables[id]
		if !ok {
			return m, damaged(dir, "its %s names table %s, which is missing", badger.ManifestFilename, table.IDToFilename(id))
		}
		refBytes += size
	}
	for id, size := range f.tables {
		if _, ok := m.Tables[id]; !ok {
			orphans++
			orphanBytes += size
		}
	}
	// Tables the MANIFEST does not name: a flush or compaction killed
	// before or after it recorded its tables leaves those of one flush or
	// one compaction, which Badger deletes (their data is elsewhere: in
	// the memtable log being flushed, or the tables compacted). More than
	// that, tables beside a MANIFEST cut short, or beside one that names
	// none with no memtable log to flush, are tables it lost.
	switch {
	case orphans > 0 && m.tornBytes > 0:
		return m, damaged(dir, "its %s is cut short (%d bytes of a record at its end) and does not name %d of its %d table files", badger.ManifestFilename, m.tornBytes, orphans, len(f.tables))
	case orphans > 0 && len(m.Tables) == 0 && !f.memsHoldData(dir), orphanBytes > refBytes+2*memTable:
		return m, damaged(dir, "its %s does not name %d of its %d table files (%d of %d MiB)", badger.ManifestFilename, orphans, len(f.tables), orphanBytes>>20, (orphanBytes+refBytes)>>20)
	}
	ids := make([]uint64, 0, len(m.Tables))
	for id := range m.Tables {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if err := checkTable(dir, id, f.tables[id], verify); err != nil {
			return m, err
		}
	}
	for i, name := range f.vlogs {
		if err := checkLog(dir, name, i == len(f.vlogs)-1); err != nil {
			return m, err
		}
	}
	for _, name := range f.mems {
		if err := checkLog(dir, name, true); err != nil {
			return m, err
		}
	}
	return m, nil
}

// Manifest is what a store's MANIFEST says.
type Manifest struct {
	// Tables is the number of tables it names.
	Tables map[uint64]badger.TableManifest
	// tornBytes is the size of a record cut short at its end.
	tornBytes int64
}

func readManifest(dir string) (Manifest, error) {
	path := filepath.Join(dir, badger.ManifestFilename)
	fp, err := os.Open(path)
	if err != nil {
		return Manifest{}, fmt.Errorf("store %s: %w", dir, err)
	}
	defer fp.Close()
	info, err := fp.Stat()
	if err != nil {
		return Manifest{}, fmt.Errorf("store %s: %w", dir, err)
	}
	var bm badger.Manifest
	var end int64
	err = recovered(func() error {
		var err error
		bm, end, err = badger.ReplayManifestFile(fp, 0, badger.DefaultOptions(dir).WithLogger(nil))
		return err
	})
	if err != nil {
		return Manifest{}, damaged(dir, "its %s cannot be read (%v)", badger.ManifestFilename, err)
	}
	return Manifest{Tables: bm.Tables, tornBytes: info.Size() - end}, nil
}

// checkTable opens a table as Badger does (footer, index, checksums of
// the index and, with verify, of every block), without changing it.
func checkTable(dir string, id uint64, size int64, verify bool) error {
	name := table.IDToFilename(id)
	path := filepath.Join(dir, name)
	// The footer alone is 8 bytes: an index length and a checksum length.
	if size < 16 {
		return damaged(dir, "table %s is %d bytes long", name, size)
	}
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return damaged(dir, "table %s cannot be opened (%s)", name, oneLine(err))
	}
	mode := options.NoVerification
	if verify {
		mode = options.OnTableRead
	}
	var t *table.Table
	err = recovered(func() error {
		var err error
		t, err = table.OpenTable(mf, table.Options{ChkMode: mode})
		return err
	})
	// Not t.DecrRef: at no references, a table deletes its file. OpenTable
	// closes the file when a checksum fails, not when it cannot read the
	// table's index.
	if t != nil || !strings.Contains(err.Error(), "failed to verify checksum") {
		mf.Close(-1)
	}
	if err != nil {
		return damaged(dir, "table %s cannot be read (%s)", name, oneLine(err))
	}
	return nil
}

// vlogHeaderSize is the size of the header of Badger's log files (value
// logs and memtable logs): a key id and an IV.
const vlogHeaderSize = 20

// maxEntryHeader is the longest header of a log entry: two bytes and three
// varints.
const maxEntryHeader = 2 + 3*binary.MaxVarintLen64

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checkLog reads the entries of a value log or memtable log. A process
// killed while writing leaves the last entry torn, with nothing but zeros
// after it (the files are allocated ahead); an entry that does not check
// out with data after it is damage, which Badger would cut off there (in
// the last log) or read as garbage.
func checkLog(dir, name string, last bool) error {
	path := filepath.Join(dir, name)
	b, err := os.ReadFile(path)
	if err != nil {
		return damaged(dir, "log %s cannot be read (%v)", name, err)
	}
	if len(b) < vlogHeaderSize {
		if len(b) == 0 && last {
			return nil // created, never written
		}
		return damaged(dir, "log %s is %d bytes, shorter than its header", name, len(b))
	}
	off := vlogHeaderSize
	for off < len(b) {
		n, ok := logEntry(b[off:])
		if n == 0 && ok {
			break // zeros: the end
		}
		if !ok {
			end := off + max(n, maxEntryHeader)
			if end < len(b) && bytes.IndexFunc(b[end:], func(r rune) bool { return r != 0 }) >= 0 {
				return damaged(dir, "log %s has a damaged entry at byte %d, with data after it", name, off)
			}
			if !last {
				return damaged(dir, "log %s ends in a damaged entry at byte %d, and it is not the last log", name, off)
			}
			break
		}
		off += n
	}
	return nil
}

// logEntry reads the log entry at the start of b: its length and whether
// it checks out; (0, true) for zeros (the end of what was written). A torn
// or damaged entry gives the length its header claims (0 when unreadable).
func logEntry(b []byte) (int, bool) {
	if len(b) < 2 {
		return 0, allZero(b)
	}
	i := 2
	var lens [3]uint64
	for k := range lens {
		v, n := binary.Uvarint(b[i:])
		if n <= 0 {
			return 0, false
		}
		lens[k] = v
		i += n
	}
	if lens[0] == 0 && lens[1] == 0 && b[0] == 0 && b[1] == 0 {
		return 0, true
	}
	size := uint64(i) + lens[0] + lens[1] + 4
	if size > uint64(len(b)) {
		return int(min(size, uint64(len(b)))), false
	}
	body := b[:size-4]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(b[size-4:size]) {
		return int(size), false
	}
	return int(size), true
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// recovered runs fn, turning a panic into an error: Badger panics on
// files it cannot make sense of.
func recovered(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return fn()
}

// oneLine is an error's message on one line, clipped.
func oneLine(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

package store

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// Postings list the documents of a term highest impact first, so that a
// search reads the best few hundred postings of each term whatever the
// size of the store. A posting's impact is its BM25 term-frequency
// component computed with a fixed reference document length; the score of
// a document read is then computed exactly, with the store's current
// average length.

// refDocLength is the document length impacts assume: about the median
// number of index terms of a mandate.
const refDocLength = 40

// Impact is a posting's place in its term's list: the BM25
// term-frequency component tf·(k1+1)/(tf + k1·(1−b+b·dl/refDocLength)),
// scaled to 0…65535.
func Impact(tf, dl int) uint16 {
	if tf <= 0 {
		return 0
	}
	f := float64(tf)
	w := f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*float64(dl)/refDocLength))
	q := w / (bm25K1 + 1) * 65535
	if q > 65535 {
		q = 65535
	}
	return uint16(q)
}

// termDF keeps how many documents each term occurs in. A search reads a
// term's postings up to a limit (postingsRead); a rarer term is read whole,
// and its count is the number of postings read. Only common terms need a
// stored count, and an approximate one does (it weighs a term in a
// logarithm): counts are stored for terms in TermCountMin documents or
// more, and rewritten when they move by more than 1/64. A file brings a
// thousand terms or more; rewriting each one's count on every file was a
// tenth of an ingest.
//
// It is built from the stored vectors the first time a write needs it, and
// used under the store's write lock.
type termDF struct {
	loaded bool
	n      map[string]int64 // exact counts
	stored map[string]int64 // what s|tdf: holds
}

// TermCountMin is the fewest documents for which a term's count is stored.
const TermCountMin = 512

func (t *termDF) load(db *badger.DB) error {
	if t.loaded {
		return nil
	}
	t.n, t.stored = map[string]int64{}, map[string]int64{}
	err := db.View(func(txn *badger.Txn) error {
		prefix := statKey(tdfKey(""))
		if err := scan(txn, prefix, func(k, v []byte) (bool, error) {
			t.stored[string(k[len(prefix):])] = getInt64(v)
			return true, nil
		}); err != nil {
			return err
		}
		return scan(txn, []byte(famVector), func(_, v []byte) (bool, error) {
			var tv termsOf
			if err := decode(v, &tv); err != nil {
				return false, err
			}
			for _, tf := range tv.Terms {
				t.n[tf.Term]++
			}
			return true, nil
		})
	})
	if err != nil {
		return err
	}
	t.loaded = true
	return nil
}

// termsOf is the part of a stored Vector the term counts need.
type termsOf struct {
	Terms []graph.TermFreq `cbor:"2,keyasint,omitempty"`
}

func (t *termDF) reset() { t.loaded, t.n, t.stored = false, nil, nil }

// tdf counts a document more (+1) or less (-1) for a term.
func (w *writer) tdf(term string, d int64) {
	w.tdfDelta[term] += d
}

// flushTDF writes the term counts that need writing: those that crossed
// TermCountMin, and those that moved by more than 1/64.
func (w *writer) flushTDF() error {
	if len(w.tdfDelta) == 0 {
		return nil
	}
	if err := w.s.df.load(w.s.db); err != nil {
		return err
	}
	w.tdfNew, w.tdfStored = map[string]int64{}, map[string]int64{}
	for term, d := range w.tdfDelta {
		if d == 0 {
			continue
		}
		n := max(w.s.df.n[term]+d, 0)
		w.tdfNew[term] = n
		stored := w.s.df.stored[term]
		k := statKey(tdfKey(term))
		switch {
		case n < TermCountMin && stored != 0:
			if err := w.del(k); err != nil {
				return err
			}
			w.tdfStored[term] = 0
		case n >= TermCountMin && (stored == 0 || abs64(n-stored)*64 > stored):
			if err := w.set(k, putUint64(uint64(n))); err != nil {
				return err
			}
			w.tdfStored[term] = n
		}
	}
	return nil
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// counterCache is the writer's view of the s| counters (but the term
// counts), so that writing a transaction's counters reads none: a file
// moves a couple of hundred. It is built from the store the first time a
// write needs it, and used under the store's write lock.
type counterCache struct {
	loaded bool
	n      map[string]int64
}

func (c *counterCache) load(db *badger.DB) error {
	if c.loaded {
		return nil
	}
	c.n = map[string]int64{}
	tdf := statKey(tdfKey(""))
	err := db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte(famStat), func(k, v []byte) (bool, error) {
			if !bytes.HasPrefix(k, tdf) && string(k) != string(statKey(catalogKey)) && string(k) != string(statKey(formatKey)) {
				c.n[string(k[len(famStat):])] = getInt64(v)
			}
			return true, nil
		})
	})
	if err != nil {
		return err
	}
	c.loaded = true
	return nil
}

func (c *counterCache) reset() { c.loaded, c.n = false, nil }

// committed brings the writer's in-memory views up to date once its
// transaction is committed.
func (w *writer) committed() {
	for name, n := range w.countersNew {
		if n == 0 {
			delete(w.s.counters.n, name)
		} else {
			w.s.counters.n[name] = n
		}
	}
	for term, n := range w.tdfNew {
		if n == 0 {
			delete(w.s.df.n, term)
		} else {
			w.s.df.n[term] = n
		}
	}
	for term, n := range w.tdfStored {
		if n == 0 {
			delete(w.s.df.stored, term)
		} else {
			w.s.df.stored[term] = n
		}
	}
}

// Posting groups. A term's postings are stored in blocks, one per term and
// group: the postings of the mandates of one file (the file that comes
// first among a mandate's sources), or of one entity. A file brings about
// two thousand postings but only about four hundred distinct terms, so a
// block a term and file is a fifth of the keys a posting a key took, and
// inserting keys into Badger's memtable was most of an ingest's store
// time. A block's key carries the best impact in it, so a term's blocks
// are read best first:
//
//	t|<term>|<inverted best impact, 4 hex digits>|<group>  → postings
//	g|<group>                                              → the group's terms and their best impacts
//
// A block holds, best impact first (then by id), each posting as uvarint
// length and id, uvarint term frequency, uvarint document length. The
// group directory is how a write finds the block of a term to change.

// fileGroup is the group of the mandates whose first source is file.
func fileGroup(file string) string {
	h := sha256.Sum256([]byte(file))
	return "file:" + hex.EncodeToString(h[:8])
}

// ownerGroup is the group holding a vector's postings: its mandate's first
// source file's, or its own for an entity (or a mandate without sources).
func ownerGroup(id string, sources []graph.Source) string {
	if len(sources) == 0 {
		return id
	}
	first := sources[0].File
	for _, s := range sources[1:] {
		if s.File < first {
			first = s.File
		}
	}
	return fileGroup(first)
}

// groupDir is the stored directory of a group.
type groupDir struct {
	Terms []groupTerm `cbor:"1,keyasint,omitempty"`
}

type groupTerm struct {
	Term string `cbor:"1,keyasint"`
	Best uint16 `cbor:"2,keyasint"`
}

// posting is one document of a block.
type posting struct {
	id     string
	tf, dl int
}

func (p posting) impact() uint16 { return Impact(p.tf, p.dl) }

func appendPosting(b []byte, p posting) []byte {
	b = binary.AppendUvarint(b, uint64(len(p.id)))
	b = append(b, p.id...)
	b = binary.AppendUvarint(b, uint64(p.tf))
	return binary.AppendUvarint(b, uint64(p.dl))
}

// decodeBlock calls fn with each posting of a block, stopping when it
// returns false.
func decodeBlock(b []byte, fn func(p posting) bool) error {
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return fmt.Errorf("damaged posting block")
		}
		id := string(b[k : k+int(n)])
		b = b[k+int(n):]
		tf, k1 := binary.Uvarint(b)
		if k1 <= 0 {
			return fmt.Errorf("damaged posting block")
		}
		dl, k2 := binary.Uvarint(b[k1:])
		if k2 <= 0 {
			return fmt.Errorf("damaged posting block")
		}
		b = b[k1+k2:]
		if !fn(posting{id, int(tf), int(dl)}) {
			return nil
		}
	}
	return nil
}

// groupEdit is a group changed by a write: its directory as stored, and
// the postings of each term the write touched.
type groupEdit struct {
	dir   map[string]uint16 // term → best impact, as stored
	lists map[string][]posting
}

// group returns the writer's edit of group gid, reading its directory the
// first time.
func (w *writer) group(gid string) (*groupEdit, error) {
	if g, ok := w.groups[gid]; ok {
		return g, nil
	}
	g := &groupEdit{dir: map[string]uint16{}, lists: map[string][]posting{}}
	v, ok, err := getValue(w.txn, groupKey(gid))
	if err != nil {
		return nil, err
	}
	if ok {
		var d groupDir
		if err := decode(v, &d); err != nil {
			return nil, err
		}
		for _, t := range d.Terms {
			g.dir[t.Term] = t.Best
		}
	}
	w.groups[gid] = g
	return g, nil
}

// list returns the postings of term in group gid, reading its block the
// first time.
func (w *writer) list(gid string, g *groupEdit, term string) ([]posting, error) {
	if l, ok := g.lists[term]; ok {
		return l, nil
	}
	var l []posting
	if best, ok := g.dir[term]; ok {
		v, found, err := getValue(w.txn, termKey(term, best, gid))
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("group %s: no block of term %q where its directory puts it", gid, term)
		}
		if err := decodeBlock(v, func(p posting) bool { l = append(l, p); return true }); err != nil {
			return nil, fmt.Errorf("group %s, term %q: %w", gid, term, err)
		}
	}
	g.lists[term] = l
	return l, nil
}

// addPostings puts a vector's postings into group gid.
func (w *writer) addPostings(gid string, v *graph.Vector) error {
	g, err := w.group(gid)
	if err != nil {
		return err
	}
	for _, t := range v.Terms {
		l, err := w.list(gid, g, t.Term)
		if err != nil {
			return err
		}
		g.lists[t.Term] = append(l, posting{v.ID, t.Freq, v.Length})
	}
	return nil
}

// removePostings takes a vector's postings out of group gid.
func (w *writer) removePostings(gid string, v *graph.Vector) error {
	g, err := w.group(gid)
	if err != nil {
		return err
	}
	for _, t := range v.Terms {
		l, err := w.list(gid, g, t.Term)
		if err != nil {
			return err
		}
		g.lists[t.Term] = slices.DeleteFunc(l, func(p posting) bool { return p.id == v.ID })
	}
	return nil
}

// flushGroups writes the blocks and directories of the groups the writer
// changed.
func (w *writer) flushGroups() error {
	for gid, g := range w.groups {
		changed := false
		for term, l := range g.lists {
			old, had := g.dir[term]
			if len(l) == 0 {
				if had {
					if err := w.del(termKey(term, old, gid)); err != nil {
						return err
					}
					delete(g.dir, term)
					changed = true
				}
				continue
			}
			slices.SortFunc(l, func(a, b posting) int {
				if ia, ib := a.impact(), b.impact(); ia != ib {
					return cmp.Compare(ib, ia)
				}
				return strings.Compare(a.id, b.id)
			})
			best := l[0].impact()
			if had && old != best {
				if err := w.del(termKey(term, old, gid)); err != nil {
					return err
				}
			}
			size := 0
			for _, p := range l {
				size += len(p.id) + 8
			}
			block := make([]byte, 0, size)
			for _, p := range l {
				block = appendPosting(block, p)
			}
			if err := w.set(termKey(term, best, gid), block); err != nil {
				return err
			}
			if !had || old != best {
				g.dir[term] = best
				changed = true
			}
		}
		if !changed {
			continue
		}
		if len(g.dir) == 0 {
			if err := w.del(groupKey(gid)); err != nil {
				return err
			}
			continue
		}
		d := groupDir{Terms: make([]groupTerm, 0, len(g.dir))}
		for t, b := range g.dir {
			d.Terms = append(d.Terms, groupTerm{t, b})
		}
		slices.SortFunc(d.Terms, func(a, b groupTerm) int { return strings.Compare(a.Term, b.Term) })
		enc, err := encode(d)
		if err != nil {
			return err
		}
		if err := w.set(groupKey(gid), enc); err != nil {
			return err
		}
	}
	clear(w.groups)
	return nil
}

// storeFormat is the layout a store's s|format records. Stores written
// before posting groups record none; opened for writing, their postings are
// regrouped.
const (
	storeFormat = "2"
	formatKey   = "format"
)

// checkFormat reads the store's format, and brings the postings of a store
// from before posting groups to the current layout.
func (s *Store) checkFormat(readOnly bool) error {
	var format string
	empty := true
	err := s.db.View(func(txn *badger.Txn) error {
		v, _, err := getValue(txn, statKey(formatKey))
		format = string(v)
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		it.Rewind()
		empty = !it.Valid()
		return err
	})
	switch {
	case err != nil:
		return err
	case format == storeFormat || empty || readOnly:
		return nil
	case format != "":
		return graph.Errorf(graph.EUNSUPPORTED, "store %s has layout %s, which this summitgraph (layout %s) does not read", s.dirName(), format, storeFormat)
	}
	return s.regroupPostings()
}

// regroupPostings rebuilds the text index in posting groups: the postings
// of a key each are dropped, and every vector's postings are written again
// into its group, a group per transaction. Interrupted, it starts again at
// the next opening (the format is recorded last). It runs before anything
// else uses the store (Open), or under the write lock (Restore).
func (s *Store) regroupPostings() error {
	if err := s.db.DropPrefix([]byte(famTerm), []byte(famGroup)); err != nil {
		return fmt.Errorf("regroup postings: %w", err)
	}
	// Which group each vector goes to.
	byGroup := map[string][]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		var ids []string
		scanKeys(txn, []byte(famVector), nil, func(k []byte) bool {
			ids = append(ids, string(k[len(famVector):]))
			return true
		})
		for _, id := range ids {
			gid := id
			if graph.KindOfID(id) == graph.KindMandate {
				n, err := getNode(txn, id)
				if err != nil {
					continue // a vector without its mandate: left as it is
				}
				if m, ok := n.(*graph.Mandate); ok {
					gid = ownerGroup(id, m.Sources)
				}
			}
			byGroup[gid] = append(byGroup[gid], id)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("regroup postings: %w", err)
	}
	for gid, ids := range byGroup {
		err := s.db.Update(func(txn *badger.Txn) error {
			w := s.newWriter(txn)
			for _, id := range ids {
				v, ok, err := readVector(txn, id)
				if err != nil {
					return err
				}
				if !ok || len(v.Terms) == 0 {
					continue
				}
				v.Group = gid
				if err := w.addPostings(gid, &v); err != nil {
					return err
				}
				if err := w.writeVector(v); err != nil {
					return err
				}
			}
			return w.flushGroups()
		})
		if err != nil {
			return fmt.Errorf("regroup postings of %s: %w", gid, err)
		}
	}
	return s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(statKey(formatKey), []byte(storeFormat))
	})
}

package graph

import (
	"bytes"

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
	Terms []TermFreq `cbor:"2,keyasint,omitempty"`
}

func (t *termDF) reset() { t.loaded, t.n, t.stored = false, nil, nil }

// tdf counts a document more (+1) or less (-1) for a term.
func (w *writer) tdf(term string, d int64) {
	if w.tdfDelta == nil {
		w.tdfDelta = map[string]int64{}
	}
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
			if !bytes.HasPrefix(k, tdf) && string(k) != string(statKey("catalog")) {
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

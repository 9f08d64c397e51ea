package store

import (
	"bytes"
	"runtime"
	"sync"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// The link index is built from what the store holds anyway: a mandate's
// link features are a function of its node (summit, document, language,
// number, parent, source, text), its document's kind, the entities it
// MENTIONS and its index terms (v|), so they are not stored. Writing them
// as records of their own (l|) was the largest part of link finding's
// cost in an ingest: 116 MB of values at 100,000 mandates, rewritten by
// every compaction (BENCHMARKS.md, "Link finding").
//
// rebuild reads the mandates in id order (the order the old l| records
// were read in), a slice at a time; the text features of a slice are
// computed by one goroutine a core, then the mandates are added to the
// index in order.
func (x *linkIndex) rebuild(txn *badger.Txn) error {
	kinds := map[string]graph.DocumentKind{}
	var docs []string
	scanKeys(txn, kindPrefix(graph.KindDocument), nil, func(k []byte) bool {
		docs = append(docs, lastPart(k))
		return true
	})
	for _, id := range docs {
		n, err := getNode(txn, id)
		if err != nil {
			return err
		}
		if d, ok := n.(*graph.Document); ok {
			kinds[d.ID] = d.DocKind
		}
	}
	edges := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: []byte(famEdge)})
	defer edges.Close()
	vectors := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64, Prefix: []byte(famVector)})
	defer vectors.Close()
	edges.Rewind()
	vectors.Rewind()

	const slice = 4096
	batch := make([]loadedMandate, 0, slice)
	flush := func() {
		textFeatures(batch)
		for i := range batch {
			m := &batch[i]
			f := graph.FeaturesFrom(m.m, kinds[m.m.Document], m.ents, m.text)
			x.add(&f, nil)
		}
		batch = batch[:0]
	}
	err := scan(txn, []byte(famNode), func(k, v []byte) (bool, error) {
		if len(v) == 0 || v[0] != tagMandate {
			return true, nil
		}
		n, err := decodeNode(v)
		if err != nil {
			return false, err
		}
		m := n.(*graph.Mandate)
		lm := loadedMandate{m: m}
		// The e| and v| keys of a mandate follow its id, as n| does:
		// both are walked forward beside n| (a Seek a mandate refilled
		// the iterators' prefetch each time: most of the rebuild's time).
		prefix := edgePrefix(m.ID, graph.Mentions)
		for ; edges.Valid() && bytes.Compare(edges.Item().Key(), prefix) < 0; edges.Next() {
		}
		for ; edges.ValidForPrefix(prefix); edges.Next() {
			lm.ents = append(lm.ents, lastPart(edges.Item().Key()))
		}
		vk := vectorKey(m.ID)
		for ; vectors.Valid() && bytes.Compare(vectors.Item().Key(), vk) < 0; vectors.Next() {
		}
		if vectors.Valid() && bytes.Equal(vectors.Item().Key(), vk) {
			var vec graph.Vector
			err := vectors.Item().Value(func(b []byte) error { return decode(b, &vec) })
			if err != nil {
				return false, err
			}
			lm.stems = vec.Terms
		}
		batch = append(batch, lm)
		if len(batch) == slice {
			flush()
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	flush()
	return nil
}

// loadedMandate is what rebuild reads of a mandate.
type loadedMandate struct {
	m     *graph.Mandate
	ents  []string
	stems []graph.TermFreq
	text  graph.TextFeatures
}

// textFeatures computes the text features of ms, a goroutine a core.
func textFeatures(ms []loadedMandate) {
	workers := min(runtime.GOMAXPROCS(0), max(len(ms)/64, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ms); i += workers {
				ms[i].text = graph.TextFeaturesOf(ms[i].m.Text, ms[i].stems)
			}
		}()
	}
	wg.Wait()
}

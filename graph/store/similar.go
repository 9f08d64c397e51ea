package store

import (
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// simIndex finds candidate similar mandates in memory: the MinHash
// signatures of every mandate, and their locality-sensitive hashing
// buckets (lshBands bands of lshRows rows). It is built from the stored
// vectors (v|) the first time a write needs it, and kept current by the
// writes that follow. Keeping the buckets in Badger cost 16 keys a
// mandate and a seek per band; what the index costs in memory is in
// BENCHMARKS.md ("What the profiles found", items 1 and 9).
//
// It is only used under the store's write lock.
type simIndex struct {
	loaded bool
	ids    []string         // ordinal → mandate id; "" once removed
	ord    map[string]int32 // mandate id → ordinal
	// summits are the ordinals' summits as small codes, 0 once removed or
	// for none: a lookup reads hundreds of bucket members, and comparing
	// codes in one small array is what keeps that fast.
	summits     []uint16
	summitCodes map[string]uint16 // summit id → code (from 1)
	summitIDs   []string          // code → summit id
	sigs        []uint32          // ordinal*SignatureLen … : the signatures
	// The buckets, as chains: heads holds a bucket's newest entry, next
	// each entry's older neighbour in its bucket (-1 at the end); entry e
	// is band e%lshBands of ordinal e/lshBands. Neither holds a pointer,
	// so the collector has nothing to scan in them, and a bucket costs one
	// map entry however many members it has.
	heads   map[uint64]int32
	next    []int32
	removed int
}

// code returns the summit's code, giving it one the first time.
func (x *simIndex) code(summit string) uint16 {
	if summit == "" {
		return 0
	}
	if c, ok := x.summitCodes[summit]; ok {
		return c
	}
	if x.summitIDs == nil {
		x.summitIDs = []string{""}
	}
	c := uint16(len(x.summitIDs))
	x.summitCodes[summit] = c
	x.summitIDs = append(x.summitIDs, summit)
	return c
}

// bucketOf is the bucket of one band of a signature: FNV-1a over the band
// number and its rows.
func bucketOf(sig []uint32, band int) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	mix := func(x uint32) {
		for i := 24; i >= 0; i -= 8 {
			h ^= uint64(byte(x >> i))
			h *= prime
		}
	}
	mix(uint32(band))
	for _, x := range sig[band*lshRows : (band+1)*lshRows] {
		mix(x)
	}
	return h
}

// load builds the index from the stored vectors, once.
func (x *simIndex) load(db *badger.DB) error {
	if x.loaded {
		return nil
	}
	x.ids, x.summits, x.sigs = nil, nil, nil
	x.ord = map[string]int32{}
	x.summitCodes, x.summitIDs = map[string]uint16{}, []string{""}
	x.heads, x.next = map[uint64]int32{}, nil
	x.removed = 0
	err := db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte(famVector), func(k, v []byte) (bool, error) {
			var sv signatureOf
			if err := decode(v, &sv); err != nil {
				return false, err
			}
			if len(sv.Signature) == graph.SignatureLen {
				x.add(string(k[len(famVector):]), sv.Summit, sv.Signature)
			}
			return true, nil
		})
	})
	if err != nil {
		return err
	}
	x.loaded = true
	return nil
}

// reset drops the index, to be built again: after a write that failed
// half-way through it.
func (x *simIndex) reset() {
	x.loaded = false
	x.ids, x.ord, x.summits, x.sigs, x.heads, x.next = nil, nil, nil, nil, nil, nil
	x.summitCodes, x.summitIDs = nil, nil
}

func (x *simIndex) add(id, summit string, sig []uint32) {
	if _, ok := x.ord[id]; ok {
		x.remove(id)
	}
	o := int32(len(x.ids))
	x.ids = append(x.ids, id)
	x.summits = append(x.summits, x.code(summit))
	x.sigs = append(x.sigs, sig...)
	x.ord[id] = o
	for band := range lshBands {
		b := bucketOf(sig, band)
		e := o*lshBands + int32(band)
		older, ok := x.heads[b]
		if !ok {
			older = -1
		}
		x.next = append(x.next, older)
		x.heads[b] = e
	}
}

func (x *simIndex) remove(id string) {
	o, ok := x.ord[id]
	if !ok {
		return
	}
	delete(x.ord, id)
	x.ids[o] = ""
	x.summits[o] = 0
	x.removed++
	if x.removed > 1024 && x.removed > len(x.ids)/4 {
		x.compact()
	}
}

// compact rebuilds the index without the removed mandates.
func (x *simIndex) compact() {
	ids, summits, sigs := x.ids, x.summits, x.sigs
	x.ids, x.summits, x.sigs = nil, nil, nil
	x.ord = map[string]int32{}
	x.heads, x.next = map[uint64]int32{}, nil
	x.removed = 0
	for o, id := range ids {
		if id != "" {
			x.add(id, x.summitIDs[summits[o]], sigs[o*graph.SignatureLen:(o+1)*graph.SignatureLen])
		}
	}
}

// similarTo returns the mandates of other summits whose estimated Jaccard
// similarity to sig is at least SimilarityThreshold, best first, at most
// maxSimilar of them. Candidates are those sharing a bucket, the ones
// sharing the most first, at most maxCandidates.
func (x *simIndex) similarTo(id, summit string, sig []uint32) []scoredID {
	hits := make(map[int32]int, 64)
	order := make([]int32, 0, 64)
	self, ok := x.ord[id]
	if !ok {
		self = -1
	}
	// A summit not in the index yet gets no code: no member shares it.
	mine, known := x.summitCodes[summit]
	if !known {
		mine = 0
	}
	for band := range lshBands {
		e, ok := x.heads[bucketOf(sig, band)]
		if !ok {
			continue
		}
		// The newest members of a crowded bucket are enough: a text
		// repeated thousands of times is similar to its latest copies too.
		for n := 0; e >= 0 && n < maxBucketScan; e, n = x.next[e], n+1 {
			o := e / lshBands
			if sc := x.summits[o]; sc == 0 || sc == mine || o == self {
				continue // removed, without a summit, of the same summit, or itself
			}
			if hits[o] == 0 {
				if len(order) >= 4*maxCandidates {
					continue
				}
				order = append(order, o)
			}
			hits[o]++
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return hits[order[i]] > hits[order[j]] })
	if len(order) > maxCandidates {
		order = order[:maxCandidates]
	}
	var found []scoredID
	for _, o := range order {
		if sc := graph.SignatureSimilarity(sig, x.sigs[int(o)*graph.SignatureLen:(int(o)+1)*graph.SignatureLen]); sc >= graph.SimilarityThreshold {
			found = append(found, scoredID{x.ids[o], sc})
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].score != found[j].score {
			return found[i].score > found[j].score
		}
		return found[i].id < found[j].id
	})
	if len(found) > maxSimilar {
		found = found[:maxSimilar]
	}
	return found
}

// similarToAll runs similarTo for each vector that has a signature and a
// summit, on as many cores as there are: the index is only read meanwhile.
func (x *simIndex) similarToAll(vecs []graph.Vector) [][]scoredID {
	out := make([][]scoredID, len(vecs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 4, max(len(vecs)/16, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(vecs) {
					return
				}
				if v := &vecs[i]; len(v.Signature) == graph.SignatureLen && v.Summit != "" {
					out[i] = x.similarTo(v.ID, v.Summit, v.Signature)
				}
			}
		}()
	}
	wg.Wait()
	return out
}

// maxBucketScan bounds the members of one bucket a lookup reads.
const maxBucketScan = 64

type scoredID struct {
	id    string
	score float64
}

// linkAllSimilar links the batch's mandates to the similar mandates of
// other summits, found in the in-memory similarity index (which holds the
// batch's own mandates by now).
func (w *writer) linkAllSimilar(vecs []graph.Vector, res *graph.ApplyResult) error {
	// Every old edge of the batch's mandates is gone by now, so a pair can
	// only exist already if both its mandates are in the batch.
	linked := map[[2]string]bool{}
	found := w.s.sim.similarToAll(vecs)
	for i, v := range vecs {
		for _, f := range found[i] {
			// One edge a pair, from the smaller id to the larger, so that
			// the store does not depend on the order files came in.
			a, b := v.ID, f.id
			if a > b {
				a, b = b, a
			}
			if linked[[2]string{a, b}] {
				continue
			}
			linked[[2]string{a, b}] = true
			val, err := encode(graph.Edge{Weight: f.score})
			if err != nil {
				return err
			}
			if err := w.set(edgeKey(a, graph.Similar, b), val); err != nil {
				return err
			}
			if err := w.set(reverseKey(b, graph.Similar, a), nil); err != nil {
				return err
			}
			w.delta[statEdges]++
			res.Similar++
			res.Edges++
		}
	}
	return nil
}

// signatureOf is the part of a stored Vector similarity needs: decoding
// the terms of hundreds of candidates too made it the bulk of an Apply.
type signatureOf struct {
	Signature []uint32 `cbor:"4,keyasint,omitempty"`
	Summit    string   `cbor:"5,keyasint,omitempty"`
}

// Similarity index parameters: a MinHash signature of graph.SignatureLen
// values is cut into lshBands bands of lshRows rows; two mandates are
// compared when at least one band is equal.
const (
	lshBands = 16
	lshRows  = graph.SignatureLen / lshBands
	// maxCandidates bounds the comparisons one mandate costs at ingest.
	maxCandidates = 32
	// maxSimilar bounds the SIMILAR edges a new mandate gets.
	maxSimilar = 10
)

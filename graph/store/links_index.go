package store

import (
	"bytes"
	"math"
	"slices"
	"sort"
	"strings"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// linkIndex finds the candidates of links between mandates in memory: the
// link features of every mandate (l|), an inverted index of their keys,
// the document paragraphs and compiled mandates of each summit and
// language, the paragraphs of each document copy in order, and the
// RENEWS and RELATED pairs (x|) with each mandate's best partners (y|).
// It is built from the store the first time
// a write needs it and kept current by the writes after it; a write that
// fails resets it. It is only used under the store's write lock.
//
// Links are a function of the mandates the store holds, never of the order
// they came in: every rule compares two mandates and nothing else, and the
// candidates of RENEWS and RELATED are the pairs that share a selective
// key (RENEWS minShared of them, stems aside), a key being selective while
// at most maxKeyDF mandates have it. Of its candidates that the rules
// link, a mandate keeps every RENEWS, and of RELATED its maxPartners best
// (score, then id); a RELATED pair is linked when either keeps the other.
// When a key stops or starts again being selective, or a partner is
// removed, the mandates concerned choose their partners again.
type linkIndex struct {
	loaded bool
	feats  []*graph.LinkFeatures // ordinal → features; nil once removed
	ord    map[string]int32
	keysOf [][]int32 // ordinal → its key ids, sorted

	keyID    map[string]int32
	keyNames []string
	df       []int32   // key id → live mandates that have it
	postings [][]int32 // key id → ordinals (removed ones included until compacted)
	keyDice  []int32   // key id → its weight in RENEWS' Dice (graph.SharedKeys)
	keyRel   []int32   // key id → its weight in RELATED's cosine (graph.RelatedWeight)
	named    []bool    // key id → a named entity (not a theme)
	dice     []int32   // ordinal → the sum of its keys' keyDice
	norm2    []int32   // ordinal → the sum of its keys' squared keyRel

	paras    map[string][]int32 // summit|language → document paragraphs
	compiled map[string][]int32 // summit|language → compiled mandates
	copies   map[string][]int32 // document|file → its paragraphs
	bySummit map[string][]string

	pairs   map[int32]map[int32]graph.EdgeType // RENEWS and RELATED, both ways
	top     map[int32][]scored                 // each mandate's best RENEWS or RELATED partners
	removed int

	stamp []uint32 // scratch for the candidates seen
	epoch uint32

	// deferred is what a deferred ingest left to choose (links_defer.go);
	// nil when links are found as files are written.
	deferred *pendingLinks
}

const (
	maxKeyDF    = 64
	minShared   = 2 // selective keys but stems a RENEWS needs
	maxPartners = 6
)

// scored is a partner: its ordinal, the link's score and type.
type scored struct {
	o int32
	s float64
	t graph.EdgeType
}

// better orders partners: higher score first, then smaller id.
func (x *linkIndex) better(a, b scored) bool {
	if a.s != b.s {
		return a.s > b.s
	}
	return x.feats[a.o].ID < x.feats[b.o].ID
}

// inTop reports whether b is among a's partners.
func (x *linkIndex) inTop(a, b int32) bool {
	for _, p := range x.top[a] {
		if p.o == b {
			return true
		}
	}
	return false
}

func (x *linkIndex) reset() { *x = linkIndex{} }

func (x *linkIndex) init() {
	*x = linkIndex{
		ord: map[string]int32{}, keyID: map[string]int32{},
		paras: map[string][]int32{}, compiled: map[string][]int32{}, copies: map[string][]int32{},
		bySummit: map[string][]string{}, pairs: map[int32]map[int32]graph.EdgeType{},
		top: map[int32][]scored{},
	}
}

// load builds the index from the stored features and pairs, once.
func (x *linkIndex) load(db *badger.DB) error {
	if x.loaded {
		return nil
	}
	x.init()
	err := db.View(func(txn *badger.Txn) error {
		if err := x.rebuild(txn); err != nil {
			return err
		}
		return scan(txn, []byte(famPartners), func(k, v []byte) (bool, error) {
			if bytes.Equal(k, pendingKey) {
				return true, nil
			}
			var ps storedPartners
			if err := decode(v, &ps); err != nil {
				return false, err
			}
			o, ok := x.ord[string(k[len(famPartners):])]
			if !ok {
				return true, nil
			}
			for _, p := range ps.Related {
				if q, ok := x.ord[p]; ok {
					x.top[o] = append(x.top[o], scored{o: q})
				}
			}
			for _, p := range ps.Renews {
				if q, ok := x.ord[p]; ok {
					x.pair(o, q, graph.Renews)
				}
			}
			return true, nil
		})
	})
	if err != nil {
		x.reset()
		return err
	}
	// The pairs are the partners either way, with their scores and types
	// as the rules give them (the caller scores them: score).
	x.loaded = true
	return nil
}

// storedPartners is a mandate's y| record: its best RELATED partners, and
// the earlier mandates it RENEWS.
type storedPartners struct {
	Related []string `cbor:"1,keyasint,omitempty"`
	Renews  []string `cbor:"2,keyasint,omitempty"`
}

// rescore sets the scores and types of the partners loaded, and the pairs
// they make.
func (x *linkIndex) rescore(rule func(a, b int32) (graph.EdgeType, float64)) {
	for o, ps := range x.top {
		for i := range ps {
			ps[i].t, ps[i].s = rule(o, ps[i].o)
			x.pair(o, ps[i].o, ps[i].t)
		}
	}
}

func copyKey(f *graph.LinkFeatures) string { return f.Document + "|" + f.File }
func langKey(f *graph.LinkFeatures) string { return f.Summit + "|" + f.Language }

// isParagraph reports whether f is a paragraph (or item) of a summit
// document read from the document itself.
func isParagraph(f *graph.LinkFeatures) bool { return !f.Compiled && f.Document != "" }

// add puts a mandate in the index. Keys that stop being selective are
// passed to over.
func (x *linkIndex) add(f *graph.LinkFeatures, over func(key int32)) int32 {
	if _, ok := x.ord[f.ID]; ok {
		x.remove(f.ID, nil)
	}
	o := int32(len(x.feats))
	x.feats = append(x.feats, f)
	x.ord[f.ID] = o
	keys := make([]int32, 0, len(f.Keys))
	for _, k := range f.Keys {
		id, ok := x.keyID[k]
		if !ok {
			id = int32(len(x.keyNames))
			x.keyID[k] = id
			x.keyNames = append(x.keyNames, k)
			x.df = append(x.df, 0)
			x.postings = append(x.postings, nil)
			x.keyDice = append(x.keyDice, int32(graph.DiceWeight(k)))
			x.keyRel = append(x.keyRel, graph.RelatedWeight(k))
			x.named = append(x.named, k[0] == 'e' && !strings.HasPrefix(k, "e:theme/"))
		}
		x.df[id]++
		x.postings[id] = append(x.postings[id], o)
		if x.df[id] == maxKeyDF+1 && over != nil {
			over(id)
		}
		keys = append(keys, id)
	}
	slices.Sort(keys)
	x.keysOf = append(x.keysOf, keys)
	// The key strings are the index's (keyNames): a mandate's own copies
	// were most of the index's memory, and pointers the collector scans.
	f.Keys = nil
	var dice, norm2 int32
	for _, k := range keys {
		dice += x.keyDice[k]
		norm2 += x.keyRel[k] * x.keyRel[k]
	}
	x.dice = append(x.dice, dice)
	x.norm2 = append(x.norm2, norm2)
	if f.Summit != "" {
		switch {
		case f.Compiled:
			x.compiled[langKey(f)] = append(x.compiled[langKey(f)], o)
		case isParagraph(f):
			x.paras[langKey(f)] = append(x.paras[langKey(f)], o)
			ck := copyKey(f)
			if len(x.copies[ck]) == 0 {
				x.bySummit[f.Summit] = append(x.bySummit[f.Summit], ck)
			}
			x.copies[ck] = append(x.copies[ck], o)
		}
	}
	return o
}

// remove takes a mandate out of the index; keys that become selective
// again are passed to under.
func (x *linkIndex) remove(id string, under func(key int32)) {
	o, ok := x.ord[id]
	if !ok {
		return
	}
	f := x.feats[o]
	delete(x.ord, id)
	for _, k := range x.keysOf[o] {
		x.df[k]--
		if x.df[k] == maxKeyDF && under != nil {
			under(k)
		}
	}
	for p := range x.pairs[o] {
		delete(x.pairs[p], o)
		t := x.top[p]
		for i, s := range t {
			if s.o == o {
				x.top[p] = append(t[:i:i], t[i+1:]...)
				break
			}
		}
	}
	delete(x.pairs, o)
	delete(x.top, o)
	drop := func(m map[string][]int32, key string) {
		l := m[key]
		for i, v := range l {
			if v == o {
				l = append(l[:i:i], l[i+1:]...)
				break
			}
		}
		if len(l) == 0 {
			delete(m, key)
		} else {
			m[key] = l
		}
	}
	if f.Summit != "" {
		switch {
		case f.Compiled:
			drop(x.compiled, langKey(f))
		case isParagraph(f):
			drop(x.paras, langKey(f))
			ck := copyKey(f)
			drop(x.copies, ck)
			if len(x.copies[ck]) == 0 {
				l := x.bySummit[f.Summit]
				for i, c := range l {
					if c == ck {
						l = append(l[:i:i], l[i+1:]...)
						break
					}
				}
				x.bySummit[f.Summit] = l
			}
		}
	}
	x.feats[o] = nil
	x.keysOf[o] = nil
	x.removed++
	if x.removed > 4096 && x.removed > len(x.feats)/4 {
		x.compact()
	}
}

// compact rebuilds the index without the removed mandates.
func (x *linkIndex) compact() {
	feats := x.feats
	old, oldTop := x.pairs, x.top
	ids := func(o int32) string { return feats[o].ID }
	keys := make([][]string, len(feats))
	for o, f := range feats {
		if f != nil {
			keys[o] = x.keyStrings(int32(o))
		}
	}
	deferred := x.deferred
	x.init()
	x.loaded, x.deferred = true, deferred
	for o, f := range feats {
		if f != nil {
			f.Keys = keys[o]
			x.add(f, nil)
		}
	}
	for a, ps := range old {
		for b, t := range ps {
			if a < b {
				x.pair(x.ord[ids(a)], x.ord[ids(b)], t)
			}
		}
	}
	for a, ps := range oldTop {
		na := x.ord[ids(a)]
		for _, p := range ps {
			x.top[na] = append(x.top[na], scored{x.ord[ids(p.o)], p.s, p.t})
		}
	}
}

func (x *linkIndex) pair(a, b int32, t graph.EdgeType) {
	for _, p := range [][2]int32{{a, b}, {b, a}} {
		m := x.pairs[p[0]]
		if m == nil {
			m = map[int32]graph.EdgeType{}
			x.pairs[p[0]] = m
		}
		m[p[1]] = t
	}
}

func (x *linkIndex) unpair(a, b int32) {
	delete(x.pairs[a], b)
	delete(x.pairs[b], a)
}

// keyStrings are o's keys, sorted (LinkFeatures.Keys, which the index
// drops).
func (x *linkIndex) keyStrings(o int32) []string {
	ks := make([]string, len(x.keysOf[o]))
	for i, k := range x.keysOf[o] {
		ks[i] = x.keyNames[k]
	}
	sort.Strings(ks)
	return ks
}

// candidates are the live mandates sharing a selective key with o, in
// ordinal order.
func (x *linkIndex) candidates(o int32) []int32 {
	if len(x.stamp) < len(x.feats) {
		x.stamp = append(x.stamp, make([]uint32, len(x.feats)-len(x.stamp))...)
	}
	x.epoch++
	var out []int32
	for _, k := range x.keysOf[o] {
		if x.df[k] > maxKeyDF {
			continue
		}
		for _, p := range x.postings[k] {
			if p != o && x.feats[p] != nil && x.stamp[p] != x.epoch {
				x.stamp[p] = x.epoch
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}

// pairScores is what two mandates' keys have in common.
type pairScores struct {
	dice   float64 // RENEWS' weighted Dice over the keys but stems (graph.SharedKeys)
	cosine float64 // RELATED's weighted cosine over every key
	named  bool    // a named entity is shared
	// selective counts the selective keys shared, stems aside.
	selective int
}

// scores compares a and b through their key ids: the same figures as
// graph.SharedKeys and graph.RelatedWeight give, without the strings.
func (x *linkIndex) scores(a, b int32) pairScores {
	ka, kb := x.keysOf[a], x.keysOf[b]
	var ps pairScores
	var ws, rs int32
	i, j := 0, 0
	for i < len(ka) && j < len(kb) {
		switch {
		case ka[i] < kb[j]:
			i++
		case kb[j] < ka[i]:
			j++
		default:
			k := ka[i]
			if d := x.keyDice[k]; d > 0 {
				ws += d
				if x.df[k] <= maxKeyDF {
					ps.selective++
				}
			}
			rs += x.keyRel[k] * x.keyRel[k]
			ps.named = ps.named || x.named[k]
			i++
			j++
		}
	}
	if t := x.dice[a] + x.dice[b]; t > 0 {
		ps.dice = 2 * float64(ws) / float64(t)
	}
	if rs > 0 {
		ps.cosine = float64(rs) / math.Sqrt(float64(x.norm2[a])*float64(x.norm2[b]))
	}
	return ps
}

// members are the live mandates that have key k.
func (x *linkIndex) members(k int32) []int32 {
	var out []int32
	live := x.postings[k][:0]
	for _, p := range x.postings[k] {
		if x.feats[p] != nil {
			out = append(out, p)
			live = append(live, p)
		}
	}
	x.postings[k] = live
	return out
}

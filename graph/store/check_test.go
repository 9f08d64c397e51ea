package store_test

// Store inspection for the tests: a dump of every key and value, and a
// checker that recomputes every index entry and counter from the node
// records and edges, following the key layout of doc.go, and compares them
// with what the store holds.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/fxamacker/cbor/v2"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

type kv struct{ K, V string }

// dump returns every key and value of the store, in key order.
func dump(t testing.TB, s *store.Store) []kv {
	t.Helper()
	var out []kv
	err := s.DB().View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out = append(out, kv{string(it.Item().KeyCopy(nil)), string(v)})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func dumpMap(d []kv) map[string]string {
	m := make(map[string]string, len(d))
	for _, x := range d {
		m[x.K] = x.V
	}
	return m
}

// diffDumps describes how two dumps differ ("" when they do not).
func diffDumps(a, b []kv) string {
	am, bm := dumpMap(a), dumpMap(b)
	var lines []string
	for _, x := range a {
		if v, ok := bm[x.K]; !ok {
			lines = append(lines, fmt.Sprintf("- %q", x.K))
		} else if v != x.V {
			lines = append(lines, fmt.Sprintf("~ %q: %x != %x", x.K, x.V, v))
		}
	}
	for _, x := range b {
		if _, ok := am[x.K]; !ok {
			lines = append(lines, fmt.Sprintf("+ %q", x.K))
		}
	}
	if len(lines) > 30 {
		lines = append(lines[:30], fmt.Sprintf("... and %d more", len(lines)-30))
	}
	return strings.Join(lines, "\n")
}

func sameDump(t testing.TB, what string, a, b []kv) {
	t.Helper()
	if d := diffDumps(a, b); d != "" {
		t.Fatalf("%s: store changed:\n%s", what, d)
	}
}

// keysWith returns the keys of a dump that contain s.
func keysWith(d []kv, s string) []string {
	var out []string
	for _, x := range d {
		if strings.Contains(x.K, s) {
			out = append(out, x.K)
		}
	}
	return out
}

type storedManifest struct {
	Hash      string   `cbor:"1,keyasint"`
	Mandates  []string `cbor:"2,keyasint,omitempty"`
	Documents []string `cbor:"3,keyasint,omitempty"`
	Entities  []string `cbor:"4,keyasint,omitempty"`
}

// snapshot is a decoded view of the whole store.
type snapshot struct {
	dump     []kv
	kv       map[string]string
	nodes    map[string]graph.Node
	summits  map[string]*graph.Summit
	mandates map[string]*graph.Mandate
	entities map[string]*graph.Entity
	docs     map[string]*graph.Document
	edges    []graph.Edge // with props, in key order
	vectors  map[string]graph.Vector
	files    map[string]storedManifest
}

func splitEdgeKey(k string) (a string, t graph.EdgeType, b string) {
	p := strings.SplitN(k[2:], "|", 3)
	if len(p) != 3 {
		panic("bad edge key " + k)
	}
	return p[0], graph.EdgeType(p[1]), p[2]
}

func takeSnapshot(t testing.TB, s *store.Store) *snapshot {
	t.Helper()
	sn := &snapshot{
		dump:     dump(t, s),
		nodes:    map[string]graph.Node{},
		summits:  map[string]*graph.Summit{},
		mandates: map[string]*graph.Mandate{},
		entities: map[string]*graph.Entity{},
		docs:     map[string]*graph.Document{},
		vectors:  map[string]graph.Vector{},
		files:    map[string]storedManifest{},
	}
	sn.kv = dumpMap(sn.dump)
	var ids []string
	for _, x := range sn.dump {
		switch {
		case strings.HasPrefix(x.K, "n|"):
			ids = append(ids, x.K[2:])
		case strings.HasPrefix(x.K, "e|"):
			a, typ, b := splitEdgeKey(x.K)
			var e graph.Edge
			if len(x.V) > 0 {
				if err := cbor.Unmarshal([]byte(x.V), &e); err != nil {
					t.Fatalf("edge %s: %v", x.K, err)
				}
			}
			e.From, e.Type, e.To = a, typ, b
			sn.edges = append(sn.edges, e)
		case strings.HasPrefix(x.K, "v|"):
			var v graph.Vector
			if err := cbor.Unmarshal([]byte(x.V), &v); err != nil {
				t.Fatalf("vector %s: %v", x.K, err)
			}
			if v.ID != x.K[2:] {
				t.Errorf("vector %s holds id %s", x.K, v.ID)
			}
			sn.vectors[x.K[2:]] = v
		case strings.HasPrefix(x.K, "f|"):
			var m storedManifest
			if err := cbor.Unmarshal([]byte(x.V), &m); err != nil {
				t.Fatalf("manifest %s: %v", x.K, err)
			}
			sn.files[x.K[2:]] = m
		}
	}
	nodes, errs := s.Nodes(bg, ids)
	for i, n := range nodes {
		if errs[i] != nil {
			t.Fatalf("node %s: %v", ids[i], errs[i])
		}
		if n.NodeID() != ids[i] {
			t.Errorf("record n|%s holds node %s", ids[i], n.NodeID())
		}
		sn.nodes[ids[i]] = n
		switch n := n.(type) {
		case *graph.Summit:
			sn.summits[n.ID] = n
		case *graph.Mandate:
			sn.mandates[n.ID] = n
		case *graph.Entity:
			sn.entities[n.ID] = n
		case *graph.Document:
			sn.docs[n.ID] = n
		}
	}
	return sn
}

func summitSort(sm *graph.Summit) string {
	if sm.StartDate != nil && *sm.StartDate != "" {
		return *sm.StartDate
	}
	return fmt.Sprintf("%04d-12-31", sm.Year)
}

// mandateSort is the listing order of doc.go, computed from the record.
func (sn *snapshot) mandateSort(m *graph.Mandate) string {
	summit := "9999-99-99|~"
	if sm := sn.summits[m.Summit]; sm != nil {
		summit = summitSort(sm) + "|" + sm.ID
	}
	src := m.Source()
	return fmt.Sprintf("%s|%s|%06d", summit, src.File, src.Seq)
}

func flagByte(m *graph.Mandate) string {
	if m.Parent == "" {
		return "\x01"
	}
	return "\x00"
}

// recount counts what the store holds by scanning it: the counters it
// should keep under s|, zero ones left out.
func (sn *snapshot) recount() map[string]int64 {
	c := map[string]int64{}
	for _, n := range sn.nodes {
		c["count:"+string(n.Kind())]++
	}
	for _, e := range sn.edges {
		c["edges"]++
		if e.Type == graph.Mentions {
			c["mentions"] += int64(len(e.Evidence))
			c["df:"+e.To]++
			if m := sn.mandates[e.From]; m != nil && m.Parent == "" {
				c["cnt:e:"+e.To+":top"]++
			}
		}
	}
	for _, m := range sn.mandates {
		s := m.Summit
		if s == "" {
			s = "~"
		}
		c["cnt:s:"+s+":all"]++
		if m.Parent == "" {
			c["cnt:s:"+s+":top"]++
		}
		if m.Document != "" {
			c["cnt:d:"+m.Document+":all"]++
			if m.Parent == "" {
				c["cnt:d:"+m.Document+":top"]++
			}
		}
	}
	c["files"] = int64(len(sn.files))
	for _, v := range sn.vectors {
		if len(v.Terms) > 0 {
			c["bm25docs"]++
			c["bm25len"] += int64(v.Length)
		}
		for _, tf := range v.Terms {
			c["tdf:"+tf.Term]++ // exact; compared within 1/64 below, and only from store.TermCountMin
		}
	}
	for k, v := range c {
		if v == 0 || strings.HasPrefix(k, "tdf:") && v < store.TermCountMin {
			delete(c, k)
		}
	}
	return c
}

// counters reads the s| counters (the catalog and curation versions, which
// count changes rather than records, left out).
func (sn *snapshot) counters() map[string]int64 {
	c := map[string]int64{}
	for _, x := range sn.dump {
		if !strings.HasPrefix(x.K, "s|") || x.K == "s|catalog" || x.K == "s|curation" || x.K == "s|format" {
			continue
		}
		if len(x.V) != 8 {
			c[x.K[2:]] = -1
			continue
		}
		c[x.K[2:]] = int64(binary.BigEndian.Uint64([]byte(x.V)))
	}
	return c
}

func (sn *snapshot) stats() graph.Stats {
	c := sn.recount()
	return graph.Stats{
		Summits:      int(c["count:SUMMIT"]),
		Documents:    int(c["count:DOCUMENT"]),
		Mandates:     int(c["count:MANDATE"]),
		Conventions:  int(c["count:CONVENTION"]),
		Institutions: int(c["count:INSTITUTION"]),
		Themes:       int(c["count:THEME"]),
		Mentions:     int(c["mentions"]),
		Edges:        int(c["edges"]),
		Files:        int(c["files"]),
	}
}

// checkStore verifies that the store is consistent: edges and reverse
// edges match, every index entry and counter is what the records imply,
// and the fixtures' invariants hold (documents and discovered entities are
// pointed at; the builder's FROM and PART_OF edges exist).
func checkStore(t testing.TB, s *store.Store) *snapshot {
	t.Helper()
	sn := takeSnapshot(t, s)
	var problems []string
	bad := func(f string, a ...any) { problems = append(problems, fmt.Sprintf(f, a...)) }

	// Edges: a reverse entry for each, endpoints that exist, the right
	// kinds at both ends, RELATED once a pair.
	want := map[string]string{} // expected e|, r|, k|, m|, t| keys → value ("" when any)
	anyValue := map[string]bool{}
	edgeSet := map[string]graph.Edge{}
	mentionsFrom := map[string][]string{}
	for _, e := range sn.edges {
		edgeSet[e.From+"|"+string(e.Type)+"|"+e.To] = e
		if e.Type == graph.Mentions {
			mentionsFrom[e.From] = append(mentionsFrom[e.From], e.To)
		}
	}
	for _, e := range sn.edges {
		want["r|"+e.To+"|"+string(e.Type)+"|"+e.From] = ""
		anyValue["e|"+e.From+"|"+string(e.Type)+"|"+e.To] = true
		if sn.nodes[e.From] == nil || sn.nodes[e.To] == nil {
			bad("edge %s -%s-> %s: an end does not exist", e.From, e.Type, e.To)
			continue
		}
		switch e.Type {
		case graph.Mentions:
			if sn.mandates[e.From] == nil || sn.entities[e.To] == nil {
				bad("MENTIONS %s -> %s is not mandate → entity", e.From, e.To)
			}
		case graph.Quotes, graph.Translation, graph.Renews, graph.RelatedTo:
			if sn.mandates[e.From] == nil || sn.mandates[e.To] == nil {
				bad("%s %s -> %s is not mandate → mandate", e.Type, e.From, e.To)
			}
			if e.Type == graph.RelatedTo && e.From >= e.To {
				bad("RELATED %s -> %s: one edge a pair, from the smaller id", e.From, e.To)
			}
			if e.Weight <= 0 || e.Weight > 1 || e.Note == "" {
				bad("%s %s -> %s has weight %v and note %q", e.Type, e.From, e.To, e.Weight, e.Note)
			}
			if sn.mandates[e.From] == nil || sn.mandates[e.To] == nil {
				bad("%s %s -> %s is not mandate → mandate", e.Type, e.From, e.To)
			} else if a, b := sn.mandates[e.From], sn.mandates[e.To]; e.Type == graph.Renews && (a.Summit == "" || a.Summit == b.Summit) {
				bad("%s %s -> %s within one summit or unattributed", e.Type, e.From, e.To)
			} else if e.Type == graph.RelatedTo && (a.ID == b.ID || a.Parent == b.ID || b.Parent == a.ID) {
				bad("RELATED %s -> %s: a mandate and itself or its item", e.From, e.To)
			}
		}
	}

	// Kind index.
	for id, n := range sn.nodes {
		switch n := n.(type) {
		case *graph.Summit:
			want["k|SUMMIT|"+summitSort(n)+"|"+id] = ""
		case *graph.Document:
			date := "9999-99-99"
			if sm := sn.summits[n.Summit]; sm != nil {
				date = summitSort(sm)
			}
			want["k|DOCUMENT|"+date+"|"+graph.NormalizeName(n.Title)+"|"+id] = ""
			if !sn.pointedAt(id, graph.From, graph.References) {
				bad("document %s: nothing points at it", id)
			}
		case *graph.Entity:
			name := graph.NormalizeName(n.Name)
			if name == "" {
				name = "~"
			}
			want["k|"+string(n.EntityKind)+"|"+name+"|"+id] = ""
			if n.Origin == graph.OriginDiscovered && !sn.pointedAt(id, graph.Mentions) {
				bad("discovered entity %s: no mandate mentions it", id)
			}
			for _, a := range graph.EntityNames(n) {
				if k := graph.NormalizeName(a); k != "" {
					if _, ok := sn.kv["a|"+k+"|"+id]; !ok {
						bad("alias %q of %s not indexed", a, id)
					}
				}
			}
		case *graph.Mandate:
			sk := sn.mandateSort(n)
			fl := flagByte(n)
			want["k|MANDATE|"+sk+"|"+id] = fl
			if n.Document != "" {
				want["m|doc="+n.Document+"|"+sk+"|"+id] = fl
				if _, ok := edgeSet[id+"|FROM|"+n.Document]; !ok {
					bad("mandate %s: no FROM edge to its document %s", id, n.Document)
				}
			}
			if n.Parent != "" {
				if _, ok := edgeSet[id+"|PART_OF|"+n.Parent]; !ok {
					bad("item %s: no PART_OF edge to its parent %s", id, n.Parent)
				}
			}
			for _, ent := range mentionsFrom[id] {
				want["m|ent="+ent+"|"+sk+"|"+id] = fl
			}
			var files []string
			for _, src := range n.Sources {
				files = append(files, src.File)
				if !slices.Contains(sn.files[src.File].Mandates, id) {
					bad("mandate %s: source %s does not list it", id, src.File)
				}
			}
			if len(files) == 0 || !slices.IsSorted(files) || len(slices.Compact(slices.Clone(files))) != len(files) {
				bad("mandate %s: sources %v not unique and ordered by file", id, files)
			}
		}
	}
	for name, m := range sn.files {
		for _, id := range m.Mandates {
			mm := sn.mandates[id]
			if mm == nil {
				bad("file %s lists mandate %s, which does not exist", name, id)
				continue
			}
			if !slices.ContainsFunc(mm.Sources, func(s graph.Source) bool { return s.File == name }) {
				bad("file %s lists mandate %s, whose sources are %v", name, id, mm.Sources)
			}
		}
	}

	// Text index: each vector's postings in the block of its term and
	// group (the group of the first of its mandate's source files, or its
	// own), blocks best impact first, a directory a group.
	type post struct {
		id     string
		tf, dl int
	}
	blocks := map[[2]string][]post{} // term, group
	for id, v := range sn.vectors {
		if sn.nodes[id] == nil {
			bad("vector of %s, which does not exist", id)
		}
		if len(v.Terms) == 0 {
			continue
		}
		gid := id
		if m := sn.mandates[id]; m != nil && len(m.Sources) > 0 {
			first := m.Sources[0].File
			for _, src := range m.Sources {
				first = min(first, src.File)
			}
			h := sha256.Sum256([]byte(first))
			gid = "file:" + hex.EncodeToString(h[:8])
		}
		if v.Group != gid {
			bad("vector of %s in posting group %q, want %q", id, v.Group, gid)
		}
		for _, tf := range v.Terms {
			blocks[[2]string{tf.Term, gid}] = append(blocks[[2]string{tf.Term, gid}], post{id, tf.Freq, v.Length})
		}
	}
	dirs := map[string]map[string]uint16{}
	for tg, ps := range blocks {
		sort.Slice(ps, func(i, j int) bool {
			a, b := store.Impact(ps[i].tf, ps[i].dl), store.Impact(ps[j].tf, ps[j].dl)
			if a != b {
				return a > b
			}
			return ps[i].id < ps[j].id
		})
		var val []byte
		for _, p := range ps {
			val = binary.AppendUvarint(val, uint64(len(p.id)))
			val = append(val, p.id...)
			val = binary.AppendUvarint(val, uint64(p.tf))
			val = binary.AppendUvarint(val, uint64(p.dl))
		}
		best := store.Impact(ps[0].tf, ps[0].dl)
		want[fmt.Sprintf("t|%s|%04x|%s", tg[0], 0xffff-best, tg[1])] = string(val)
		if dirs[tg[1]] == nil {
			dirs[tg[1]] = map[string]uint16{}
		}
		dirs[tg[1]][tg[0]] = best
	}
	for gid, terms := range dirs {
		raw, ok := sn.kv["g|"+gid]
		if !ok {
			bad("missing directory of posting group %s", gid)
			continue
		}
		var d struct {
			Terms []struct {
				Term string `cbor:"1,keyasint"`
				Best uint16 `cbor:"2,keyasint"`
			} `cbor:"1,keyasint"`
		}
		if err := cbor.Unmarshal([]byte(raw), &d); err != nil {
			bad("directory of posting group %s: %v", gid, err)
			continue
		}
		got := map[string]uint16{}
		for _, t := range d.Terms {
			got[t.Term] = t.Best
		}
		if fmt.Sprint(got) != fmt.Sprint(terms) || !slices.IsSortedFunc(d.Terms, func(a, b struct {
			Term string `cbor:"1,keyasint"`
			Best uint16 `cbor:"2,keyasint"`
		}) int {
			return strings.Compare(a.Term, b.Term)
		}) {
			bad("directory of posting group %s: %v, want %v in term order", gid, got, terms)
		}
	}

	// Compare the index families with what the records imply.
	for _, x := range sn.dump {
		fam := x.K[:2]
		switch fam {
		case "r|", "k|", "m|", "t|":
			w, ok := want[x.K]
			if !ok {
				bad("stray key %q", x.K)
			} else if w != x.V {
				bad("key %q: value %x, want %x", x.K, x.V, w)
			}
		case "a|":
			id := x.K[strings.LastIndexByte(x.K, '|')+1:]
			if sn.entities[id] == nil {
				bad("alias key %q of a missing entity", x.K)
			}
		case "g|":
			if dirs[x.K[2:]] == nil {
				bad("stray directory %q of an empty posting group", x.K)
			}
		case "n|", "e|", "v|", "f|", "s|", "c|", "u|": // c| and u|: curation and audit
		case "l|":
			// A mandate's link features (stores written before they
			// were rebuilt at load).
			var f graph.LinkFeatures
			if err := cbor.Unmarshal([]byte(x.V), &f); err != nil || f.ID != x.K[2:] || sn.mandates[f.ID] == nil {
				bad("link features %q (%v) of no mandate", x.K, err)
			}
		case "y|":
			// A mandate's best partners.
			if sn.mandates[x.K[2:]] == nil && x.K != "y|~pending" {
				bad("partners %q of no mandate", x.K)
			}
		default:
			bad("key of unknown family %q", x.K)
		}
	}
	for k := range want {
		if _, ok := sn.kv[k]; !ok {
			bad("missing key %q", k)
		}
	}

	// Counters.
	got, exp := sn.counters(), sn.recount()
	for k, v := range exp {
		if strings.HasPrefix(k, "tdf:") {
			// Term counts are stored approximately: within 1/64.
			if d := got[k] - v; got[k] == 0 || d*64 > got[k] || -d*64 > got[k] {
				bad("term count %s = %d, recount %d", k, got[k], v)
			}
			continue
		}
		if got[k] != v {
			bad("counter %s = %d, recount %d", k, got[k], v)
		}
	}
	for k, v := range got {
		if _, ok := exp[k]; !ok {
			bad("counter %s = %d, recount 0 (a zero counter should not be kept)", k, v)
		}
	}
	st, err := s.Stats(bg)
	if err != nil {
		t.Fatal(err)
	}
	if st != sn.stats() {
		bad("Stats = %+v, recount %+v", st, sn.stats())
	}

	if len(problems) > 0 {
		sort.Strings(problems)
		if len(problems) > 40 {
			problems = append(problems[:40], fmt.Sprintf("... and %d more", len(problems)-40))
		}
		t.Fatalf("store inconsistent:\n%s", strings.Join(problems, "\n"))
	}
	return sn
}

// pointedAt reports whether an edge of one of the types reaches id.
func (sn *snapshot) pointedAt(id string, types ...graph.EdgeType) bool {
	for _, e := range sn.edges {
		if e.To == id && slices.Contains(types, e.Type) {
			return true
		}
	}
	return false
}

// mentionsOf returns the entities a mandate mentions.
func (sn *snapshot) mentionsOf(id string) map[string]graph.Edge {
	out := map[string]graph.Edge{}
	for _, e := range sn.edges {
		if e.From == id && e.Type == graph.Mentions {
			out[e.To] = e
		}
	}
	return out
}

// listingLess orders mandates as the store lists them: summit date, summit
// id, file, position in the file. Parts are compared as they are inside
// the key, each followed by the separator.
func (sn *snapshot) listingLess(a, b *graph.Mandate) bool {
	ka, kb := sn.mandateSort(a)+"|"+a.ID, sn.mandateSort(b)+"|"+b.ID
	return bytes.Compare([]byte(ka), []byte(kb)) < 0
}

// listing returns every mandate in listing order.
func (sn *snapshot) listing() []*graph.Mandate {
	var out []*graph.Mandate
	for _, m := range sn.mandates {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return sn.listingLess(out[i], out[j]) })
	return out
}

func ids[T graph.Node](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.NodeID()
	}
	return out
}

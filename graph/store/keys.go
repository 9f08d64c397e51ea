package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"

	"summitgraph/graph"
)

// sep separates the parts of a key; ids never contain it (graph.ValidID).
const sep = '|'

// Key families; see doc.go.
const (
	famNode     = "n|"
	famEdge     = "e|"
	famReverse  = "r|"
	famKind     = "k|"
	famMandates = "m|"
	famAlias    = "a|"
	famTerm     = "t|"
	famGroup    = "g|"
	famVector   = "v|"
	famFile     = "f|"
	famStat     = "s|"
)

func key(parts ...string) []byte {
	n := len(parts)
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			b = append(b, sep)
		}
		b = append(b, p...)
	}
	return b
}

func nodeKey(id string) []byte { return key("n", id) }

func edgeKey(from string, t graph.EdgeType, to string) []byte { return key("e", from, string(t), to) }

func reverseKey(to string, t graph.EdgeType, from string) []byte {
	return key("r", to, string(t), from)
}

// edgePrefix is the prefix of every edge leaving from (of type t, when t is
// not empty).
func edgePrefix(from string, t graph.EdgeType) []byte {
	if t == "" {
		return key("e", from, "")
	}
	return key("e", from, string(t), "")
}

func reversePrefix(to string, t graph.EdgeType) []byte {
	if t == "" {
		return key("r", to, "")
	}
	return key("r", to, string(t), "")
}

func kindPrefix(k graph.Kind) []byte { return key("k", string(k), "") }

func kindKey(k graph.Kind, sort, id string) []byte { return key("k", string(k), sort, id) }

// The m| index lists the mandates of a document (m|doc=<id>|…) and the
// mandates that mention an entity (m|ent=<id>|…), in listing order. Its
// value is the mandate's flag byte (mandateFlags).
const (
	docIndex = "doc="
	entIndex = "ent="
)

// mandateIndexKey is a mandate's entry in the m| index of a document
// (docIndex+id) or an entity (entIndex+id), at its place sort in the
// listing order.
func mandateIndexKey(index, sort, id string) []byte { return key("m", index, sort, id) }

func docIndexPrefix(doc string) []byte { return key("m", docIndex+doc, "") }
func entIndexPrefix(ent string) []byte { return key("m", entIndex+ent, "") }

func aliasKey(norm, id string) []byte { return key("a", norm, id) }
func aliasPrefix(norm string) []byte  { return key("a", norm, "") }

// termKey is a block of postings: the term, then the best impact in the
// block inverted (so that a term's blocks list best first), then the group.
func termKey(term string, best uint16, gid string) []byte {
	const hexdigits = "0123456789abcdef"
	inv := 0xffff - best
	h := [4]byte{hexdigits[inv>>12&0xf], hexdigits[inv>>8&0xf], hexdigits[inv>>4&0xf], hexdigits[inv&0xf]}
	return key("t", term, string(h[:]), gid)
}

// groupKey is the directory of a group of postings.
func groupKey(gid string) []byte { return key("g", gid) }

func termPrefix(term string) []byte { return key("t", term, "") }

// tdfKey counts the documents a term occurs in.
func tdfKey(term string) string { return "tdf:" + term }

func vectorKey(id string) []byte { return key("v", id) }

func fileKey(name string) []byte { return key("f", name) }

func statKey(name string) []byte { return key("s", name) }

// lastPart returns what follows the last separator of k: the id at the end
// of an index or edge key.
func lastPart(k []byte) string {
	i := bytes.LastIndexByte(k, sep)
	return string(k[i+1:])
}

// edgeParts splits an e| or r| key into its three parts. Node ids and edge
// types contain no separator, so the split is unambiguous.
func edgeParts(k []byte) (a string, t graph.EdgeType, b string, ok bool) {
	s := string(k)
	if len(s) < 2 || s[1] != sep {
		return "", "", "", false
	}
	parts := strings.SplitN(s[2:], string(sep), 3)
	if len(parts) != 3 {
		return "", "", "", false
	}
	return parts[0], graph.EdgeType(parts[1]), parts[2], true
}

// indexSort returns the sort part of an index key whose prefix has length
// plen: everything between the prefix and the final separator.
func indexSort(k []byte, plen int) string {
	i := bytes.LastIndexByte(k, sep)
	if i < plen {
		return ""
	}
	return string(k[plen:i])
}

// prefixEnd returns the smallest key greater than every key with prefix p.
func prefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

func putUint64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func getInt64(b []byte) int64 {
	if len(b) != 8 {
		return 0
	}
	return int64(binary.BigEndian.Uint64(b))
}

// Places in the listing order (the sort part of k| and m| keys).

// unattributed stands for the summit of a mandate that has none, in sort
// keys and counter names; it sorts after every summit id.
const unattributed = "~"

// mandateSort is a mandate's place in the listing order.
func (s *Store) mandateSort(m *graph.Mandate) string { return mandateSortIn(m, s.summit(m.Summit)) }

// mandateSortIn is a mandate's place in the listing order when its summit
// is sm (nil: not in the catalog).
func mandateSortIn(m *graph.Mandate, sm *graph.Summit) string {
	src := m.Source()
	return fmt.Sprintf("%s|%s|%06d", summitSortPart(sm), src.File, src.Seq)
}

// summitSortPart is the part of the mandate order a summit gives.
func summitSortPart(sm *graph.Summit) string {
	if sm == nil {
		return "9999-99-99|" + unattributed
	}
	return sm.SortKey() + "|" + sm.ID
}

// mandateFlags is the value of a mandate's k| and m| entries: bit 0 is
// set for top-level mandates.
func mandateFlags(m *graph.Mandate) []byte {
	var f byte
	if m.Parent == "" {
		f |= 1
	}
	return []byte{f}
}

func (s *Store) documentSort(d *graph.Document) string { return documentSortIn(d, s.summit(d.Summit)) }

func documentSortIn(d *graph.Document, sm *graph.Summit) string {
	date := "9999-99-99"
	if sm != nil {
		date = sm.SortKey()
	}
	return date + "|" + graph.NormalizeName(d.Title)
}

func entitySort(e *graph.Entity) string {
	n := graph.NormalizeName(e.Name)
	if n == "" {
		n = "~"
	}
	return n
}

// Counters and settings under s| (counters are 8-byte big-endian, absent
// when zero).
const (
	statMentions = "mentions"
	statEdges    = "edges"
	statFiles    = "files"
	statDocs     = "bm25docs"
	statLen      = "bm25len"
	catalogKey   = "catalog" // the version of the loaded catalog
)

func countKey(k graph.Kind) string { return "count:" + string(k) }

// dfKey counts the mandates that mention an entity.
func dfKey(entity string) string { return "df:" + entity }

// Listing counters, so that a filtered listing's total is a read, not a
// scan: mandates by summit (unattributed ones under "~") and by document,
// all and top-level; top-level mandates by entity mentioned (all is
// dfKey).
func summitCountKey(summit string, top bool) string {
	return "cnt:s:" + summitOrUnattributed(summit) + topSuffix(top)
}

func docCountKey(doc string, top bool) string { return "cnt:d:" + doc + topSuffix(top) }

func entTopKey(entity string) string { return "cnt:e:" + entity + topSuffix(true) }

func topSuffix(top bool) string {
	if top {
		return ":top"
	}
	return ":all"
}

// summitOrUnattributed is a mandate's summit id as counter names spell it.
func summitOrUnattributed(summit string) string {
	if summit == "" {
		return unattributed
	}
	return summit
}

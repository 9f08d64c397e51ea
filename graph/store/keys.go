package store

import (
	"bytes"
	"encoding/binary"
	"strings"
	"summitgraph/graph"
)

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

func docIndexPrefix(doc string) []byte { return key("m", "doc="+doc, "") }
func entIndexPrefix(ent string) []byte { return key("m", "ent="+ent, "") }

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

package nlp

import (
	"sort"
	"unicode"
)

// spanSet answers whether a range overlaps any of a set of spans in
// logarithmic time: a long paragraph holds thousands of names, and asking
// each word of it against each of them was quadratic.
type spanSet struct {
	starts []int // span starts, sorted
	maxEnd []int // maxEnd[i]: the largest end among the spans up to i
}

func newSpanSet(spans []span) spanSet {
	work.add(len(spans))
	idx := make([][2]int, len(spans))
	for i, s := range spans {
		idx[i] = [2]int{s.start, s.end}
	}
	sort.Slice(idx, func(a, b int) bool { return idx[a][0] < idx[b][0] })
	ss := spanSet{starts: make([]int, len(idx)), maxEnd: make([]int, len(idx))}
	m := -1
	for i, x := range idx {
		ss.starts[i] = x[0]
		m = max(m, x[1])
		ss.maxEnd[i] = m
	}
	return ss
}

// overlaps reports whether [start, end) overlaps a span of the set.
func (ss spanSet) overlaps(start, end int) bool {
	// The spans that start before end; one of them overlaps if it ends
	// after start.
	work.add(1)
	n := sort.SearchInts(ss.starts, end)
	return n > 0 && ss.maxEnd[n-1] > start
}

// spacesBefore is the start of the run of white space that ends at i in r:
// r[p:i] is all spaces for every p from it to i.
func spacesBefore(r []rune, i int) int {
	for i > 0 && unicode.IsSpace(r[i-1]) {
		i--
	}
	return i
}

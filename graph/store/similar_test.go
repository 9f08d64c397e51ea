package store_test

import (
	"fmt"
	"slices"
	"testing"

	"summitgraph/graph"
)

// signature returns a MinHash-like signature that agrees with base on its
// first n positions and on none of the others.
func signature(base []uint32, n int, salt uint32) []uint32 {
	sig := slices.Clone(base)
	for i := n; i < len(sig); i++ {
		sig[i] = 1_000_000*(salt+1) + uint32(i)
	}
	return sig
}

func TestSimilarity(t *testing.T) {
	base := make([]uint32, graph.SignatureLen)
	for i := range base {
		base[i] = uint32(i*7919 + 13)
	}
	mk := func(num, summit, text string, sig []uint32) M {
		return M{Num: num, Summit: summit, Text: text, Sig: sig}
	}
	a := F{Name: "a.txt", Mandates: []M{mk("1", miami, "Base mandate of Miami.", base)}}
	b := F{Name: "b.txt", Mandates: []M{
		mk("1", quebec, "Half the same, Quebec.", signature(base, 32, 1)),            // 0.5 with P
		mk("2", quebec, "Just over the threshold, Quebec.", signature(base, 29, 2)),  // 29/64 = 0.453 with P
		mk("3", quebec, "Just under the threshold, Quebec.", signature(base, 28, 3)), // 28/64 = 0.4375
		mk("4", "", "Unattributed copy.", base),                                      // no summit: never similar
		mk("5", miami, "Same summit copy.", base),                                    // same summit as P
	}}
	s := openStore(t)
	apply(t, s, a)
	res := apply(t, s, b)
	p, q, r, u, same := a.IDs()[0], b.IDs()[0], b.IDs()[1], b.IDs()[3], b.IDs()[4]
	type pair struct {
		a, b string
		w    float64
	}
	want := []pair{{p, q, 0.5}, {p, r, 29.0 / 64}, {same, q, 0.5}, {same, r, 29.0 / 64}}
	if res.Similar != len(want) || res.Edges != len(want) {
		t.Errorf("Apply = %+v, want %d similar pairs, %d edges", res, len(want), len(want))
	}
	sn := checkStore(t, s)
	var got []pair
	for _, e := range sn.edges {
		if e.Type == graph.Similar {
			got = append(got, pair{e.From, e.To, e.Weight})
		}
	}
	norm := func(ps []pair) []string {
		var out []string
		for _, x := range ps {
			if x.a > x.b {
				x.a, x.b = x.b, x.a
			}
			out = append(out, fmt.Sprintf("%s~%s:%v", x.a, x.b, x.w))
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(norm(got), norm(want)) {
		t.Fatalf("SIMILAR pairs\n got %v\nwant %v", norm(got), norm(want))
	}
	for _, id := range []string{u, b.IDs()[2]} {
		if es, _ := s.Edges(bg, graph.EdgeQuery{Node: id, Type: graph.Similar}); len(es) != 0 {
			t.Errorf("%s has SIMILAR edges %v", id, es)
		}
	}
	// One edge a pair, from the smaller id: Q's two pairs, read both ways.
	out, err1 := s.Edges(bg, graph.EdgeQuery{Node: q, Type: graph.Similar, WithProps: true})
	in, err2 := s.Edges(bg, graph.EdgeQuery{Node: q, Type: graph.Similar, In: true, WithProps: true})
	if err1 != nil || err2 != nil || len(out)+len(in) != 2 {
		t.Errorf("edges of %s: out %+v, in %+v", q, out, in)
	}
	for _, e := range append(out, in...) {
		if e.Weight != 0.5 || e.From >= e.To {
			t.Errorf("edge %+v: want weight 0.5, from the smaller id", e)
		}
	}

	// Replacing b.txt without Q and R removes their SIMILAR edges on both
	// sides.
	b2 := F{Name: "b.txt", Mandates: b.Mandates[3:]}
	res = apply(t, s, b2)
	if res.Similar != 0 {
		t.Errorf("Apply b2 = %+v, want no similar pair", res)
	}
	sn = checkStore(t, s)
	for _, e := range sn.edges {
		if e.Type == graph.Similar {
			t.Errorf("SIMILAR edge left: %s -> %s", e.From, e.To)
		}
	}
	// A later file similar to P links to it.
	c := F{Name: "c.txt", Mandates: []M{mk("1", losAngeles, "Late copy.", base)}}
	if res := apply(t, s, c); res.Similar != 2 {
		t.Errorf("Apply c = %+v, want 2 pairs (Miami's P and its copy)", res)
	}
	checkStore(t, s)
}

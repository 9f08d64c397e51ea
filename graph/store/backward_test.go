package store_test

import (
	"fmt"
	"slices"
	"testing"

	"summitgraph/graph"
)

// TestMandatesBefore: reading a listing backward, a page at a time from
// its end or from any cursor, gives what reading it forward gives, in the
// same order, for every filter; hasPreviousPage says whether mandates come
// before the page; a cursor the listing does not hold is INVALID.
func TestMandatesBefore(t *testing.T) {
	s, sn := worldStore(t)
	all, err := s.Mandates(bg, graph.MandateFilter{}, 100000, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range mandateFilters(sn) {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			want := bruteMandates(sn, f)
			fwd, err := s.Mandates(bg, f, 100000, "")
			if err != nil {
				t.Fatal(err)
			}
			if p, err := s.MandatesBefore(bg, f, 100000, ""); err != nil || !slices.Equal(ids(p.Mandates), want) || !slices.Equal(p.Cursors, fwd.Cursors) || p.HasPreviousPage {
				t.Fatalf("the whole listing backward: %v, %v (previous %v)\nwant %v", ids(p.Mandates), err, p.HasPreviousPage, want)
			}
			if p, err := s.MandatesBefore(bg, f, 0, ""); err != nil || len(p.Mandates) != 0 || p.HasPreviousPage != (len(want) > 0) {
				t.Errorf("last 0: %d mandates, previous %v, %v", len(p.Mandates), p.HasPreviousPage, err)
			}
			for _, i := range []int{0, 1, len(want) / 2, len(want) - 1} {
				if i < 0 || i >= len(want) {
					continue
				}
				p, err := s.MandatesBefore(bg, f, 3, fwd.Cursors[i])
				if err != nil {
					t.Fatal(err)
				}
				if w := want[max(0, i-3):i]; !slices.Equal(ids(p.Mandates), w) || p.HasPreviousPage != (i > 3) {
					t.Errorf("last 3 before cursor %d: got %v (previous %v), want %v", i, ids(p.Mandates), p.HasPreviousPage, w)
				}
			}
			for _, size := range []int{1, 2, 3, 7} {
				var got []string
				before := ""
				for pages := 0; ; pages++ {
					if pages > len(want)+1 {
						t.Fatalf("page size %d: no end", size)
					}
					p, err := s.MandatesBefore(bg, f, size, before)
					if err != nil {
						t.Fatal(err)
					}
					if len(p.Mandates) > size || len(p.Cursors) != len(p.Mandates) {
						t.Fatalf("page size %d: %d mandates, %d cursors", size, len(p.Mandates), len(p.Cursors))
					}
					got = append(ids(p.Mandates), got...)
					if p.HasPreviousPage != (len(got) < len(want)) {
						t.Fatalf("page size %d: HasPreviousPage %v after %d of %d", size, p.HasPreviousPage, len(got), len(want))
					}
					if !p.HasPreviousPage {
						break
					}
					before = p.Cursors[0]
				}
				if !slices.Equal(got, want) {
					t.Fatalf("page size %d: walked %v, want %v", size, got, want)
				}
			}
			// A cursor of the whole listing that this one does not hold.
			if f.Mentions == "" && f.Document == "" {
				for i, m := range all.Mandates {
					if !slices.Contains(want, m.ID) {
						if _, err := s.MandatesBefore(bg, f, 3, all.Cursors[i]); graph.ErrorCode(err) != graph.EINVALID {
							t.Errorf("before a cursor not in the listing: %v", err)
						}
						break
					}
				}
			}
		})
	}
	if _, err := s.MandatesBefore(bg, graph.MandateFilter{}, 3, "not a cursor"); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("before a malformed cursor: %v", err)
	}
}

package store_test

import (
	"fmt"
	"testing"
)

// TestNearest: misspelled names find the nearest entity names, ranked by
// score; short names must be exact, and far names find nothing.
func TestNearest(t *testing.T) {
	s := openStore(t)
	for _, tc := range []struct {
		name string
		want string // first match: id name distance score
		n    int    // how many matches
	}{
		{"Interamerican Convension against Coruption", iacac + " Inter-American Convention against Corruption 2 0.95", 1},
		{"Convencion Interamericana contra la Corupcion", iacac + " Convención Interamericana contra la Corrupción 1 0.98", 1},
		{"MESCIC", mesicic + " MESICIC 1 0.86", 1},
		{"Organisation of American States", oas + " Organization of American States 1 0.96", 1},
		{"inter american development bank", idb + " Inter-American Development Bank 0 1.00", 1},
		{"OEA", oas + " OEA 0 1.00", 1},
		{"OES", "", 0}, // three letters: exact or nothing
		{"Zorglub", "", 0},
	} {
		got, err := s.Nearest(bg, tc.name, 5)
		if err != nil {
			t.Fatal(err)
		}
		first := ""
		if len(got) > 0 {
			first = fmt.Sprintf("%s %s %d %.2f", got[0].Entity.ID, got[0].Name, got[0].Distance, got[0].Score)
		}
		if first != tc.want || len(got) != tc.n {
			t.Errorf("Nearest(%q) = %d matches, first %q; want %d, first %q", tc.name, len(got), first, tc.n, tc.want)
		}
		for i := 1; i < len(got); i++ {
			if got[i].Score > got[i-1].Score {
				t.Errorf("Nearest(%q): not ranked by score: %v", tc.name, got)
			}
		}
	}
}

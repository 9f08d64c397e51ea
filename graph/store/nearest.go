package store

import (
	"context"
	"sort"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	badger "github.com/dgraph-io/badger/v4"

	"summitgraph/graph"
)

// MaxEdits is how many letters a name of n normalized letters may have
// wrong and still be taken for another: none for three letters or fewer
// ("OAS" is not "OEA"), one up to five ("MESCIC" is MESICIC), then one in
// five.
func MaxEdits(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	default:
		return n / 5
	}
}

// Nearest returns the entities with a name (canonical name, alias or
// acronym, in any language) nearest to name, best first, at most limit:
// the edit distance between normalized forms (case, accents, hyphens and
// spacing ignored), within MaxEdits of the name asked for. The score is
// 1 - distance / the longer name's length; ties go to the shorter
// distance, then the entity's name. It reads the alias index, which holds
// every name of every entity; typically a few thousand keys.
func (s *Store) Nearest(ctx context.Context, name string, limit int) ([]graph.NameMatch, error) {
	q := graph.NormalizeName(name)
	n := utf8.RuneCountInString(q)
	max := MaxEdits(n)
	if q == "" || limit <= 0 {
		return nil, nil
	}
	type best struct {
		alias string
		d     int
		score float64
	}
	byID := map[string]best{}
	var out []graph.NameMatch
	err := s.view(ctx, func(txn *badger.Txn) error {
		scanKeys(txn, []byte(famAlias), nil, func(k []byte) bool {
			alias := indexSort(k, len(famAlias))
			m := utf8.RuneCountInString(alias)
			if m-n > max || n-m > max {
				return ctx.Err() == nil
			}
			d := levenshtein.ComputeDistance(q, alias)
			if d > max {
				return true
			}
			score := 1 - float64(d)/float64(maxInt(n, m))
			id := lastPart(k)
			if b, ok := byID[id]; !ok || score > b.score {
				byID[id] = best{alias, d, score}
			}
			return true
		})
		if err := ctx.Err(); err != nil {
			return err
		}
		for id, b := range byID {
			e, err := entityOf(txn, id)
			if graph.ErrorCode(err) == graph.ENOTFOUND {
				continue
			}
			if err != nil {
				return err
			}
			printed := b.alias
			for _, nm := range graph.EntityNames(e) {
				if graph.NormalizeName(nm) == b.alias {
					printed = nm
					break
				}
			}
			out = append(out, graph.NameMatch{Entity: e, Name: printed, Distance: b.d, Score: b.score})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Distance != b.Distance {
			return a.Distance < b.Distance
		}
		return a.Entity.Name < b.Entity.Name
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

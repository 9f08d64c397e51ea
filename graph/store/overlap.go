package store

import (
	"bytes"
	"context"
	"sort"
	"strings"

	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// Overlap is a summit's overlap report (graph.Overlap), optionally for the
// mandates that mention a theme, read in one transaction from the listing
// index (k|, or m|ent=<theme>| with a theme) and the RENEWS edges:
//
//   - the summit's range of the listing, and each mandate's RENEWS edges
//     out of it (e|<id>|RENEWS|);
//   - the range of the summits before it, and each mandate's RENEWS edges
//     into it (r|<id>|RENEWS|), whose renewers are looked up (cached) to
//     tell whether one is of this summit or a later one.
//
// Its cost grows with the mandates of the summit and of the summits before
// it (in the theme), not with the later ones nor with the text.
func (s *Store) Overlap(ctx context.Context, summit, theme string) (*graph.Overlap, error) {
	sm := s.summit(summit)
	if sm == nil {
		return nil, graph.Errorf(graph.ENOTFOUND, "no summit with id %q", summit)
	}
	o := &graph.Overlap{Summit: sm}
	prefix := kindPrefix(graph.KindMandate)
	err := s.view(ctx, func(txn *badger.Txn) error {
		if theme != "" {
			ent, err := themeOf(txn, theme)
			if err != nil {
				return err
			}
			o.Theme = ent
			prefix = entIndexPrefix(theme)
		}
		mine, err := s.overlapOwn(ctx, txn, o, prefix)
		if err != nil {
			return err
		}
		return s.overlapEarlier(ctx, txn, o, prefix, mine)
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// themeOf is the theme with the given id: ENOTFOUND when there is no such
// node, EINVALID when it is not a theme.
func themeOf(txn *badger.Txn, id string) (*graph.Entity, error) {
	if !graph.ValidID(id) {
		return nil, graph.Errorf(graph.ENOTFOUND, "no theme with id %q", id)
	}
	n, err := getNode(txn, id)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, graph.Errorf(graph.ENOTFOUND, "no theme with id %q", id)
	}
	if err != nil {
		return nil, err
	}
	if e, ok := n.(*graph.Entity); ok && e.EntityKind == graph.KindTheme {
		return e, nil
	}
	return nil, graph.Errorf(graph.EINVALID, "%q is a %s, not a theme", id, n.Kind())
}

// overlapOwn reads the summit's mandates (under prefix) and their RENEWS
// edges; it returns the mandates, and leaves the edges in o.Renewals.
func (s *Store) overlapOwn(ctx context.Context, txn *badger.Txn, o *graph.Overlap, prefix []byte) (map[string]bool, error) {
	start := append(bytes.Clone(prefix), o.Summit.SortKey()+"|"+o.Summit.ID+"|"...)
	mine := map[string]bool{}
	var ids []string
	n := 0
	scanKeys(txn, start, nil, func(k []byte) bool {
		if n++; n%1024 == 0 && ctxErr(ctx) != nil {
			return false
		}
		ids = append(ids, lastPart(k))
		return true
	})
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	for _, id := range ids {
		mine[id] = true
		es, err := edges(ctx, txn, graph.EdgeQuery{Node: id, Type: graph.Renews, WithProps: true})
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			o.Renewals = append(o.Renewals, graph.Renewal{From: id, To: e.To, Score: e.Weight, Note: e.Note})
		}
	}
	o.Mandates = len(ids)
	return mine, nil
}

// overlapEarlier reads the mandates of the summits before o.Summit (under
// prefix) and the RENEWS edges into them; it fills o.Summits and
// o.NotRenewed, keeps of o.Renewals those to them (with a theme: to
// mandates in the theme), sorts them and counts o.Renewing.
func (s *Store) overlapEarlier(ctx context.Context, txn *badger.Txn, o *graph.Overlap, prefix []byte, mine map[string]bool) error {
	day := o.Summit.SortKey()
	later := map[string]bool{} // renewers: of this summit or a later one?
	isLater := func(id string) (bool, error) {
		if mine[id] {
			return true, nil
		}
		if v, ok := later[id]; ok {
			return v, nil
		}
		nd, ok := s.cache.get(id)
		if !ok {
			var err error
			if nd, err = getNode(txn, id); err != nil {
				return false, err
			}
		}
		m, isM := nd.(*graph.Mandate)
		v := false
		if isM && m.Summit != "" {
			if ms := s.summit(m.Summit); ms != nil {
				v = ms.SortKey() >= day
			}
		}
		later[id] = v
		return v, nil
	}
	targets := map[string]bool{}
	for _, r := range o.Renewals {
		targets[r.To] = true
	}
	summitOf := map[string]int{} // earlier mandate renewed by this summit → its o.Summits index
	rit := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(famReverse), PrefetchValues: false})
	defer rit.Close()
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	defer it.Close()
	n := 0
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if n++; n%256 == 0 {
			if err := ctxErr(ctx); err != nil {
				return err
			}
		}
		k := it.Item().Key()
		parts := strings.SplitN(indexSort(k, len(prefix)), "|", 3)
		if len(parts) < 2 || parts[0] >= day {
			break // the summit's own, and the later ones, list after
		}
		if len(o.Summits) == 0 || o.Summits[len(o.Summits)-1].Summit.ID != parts[1] {
			es := s.summit(parts[1])
			if es == nil {
				continue
			}
			o.Summits = append(o.Summits, graph.SummitOverlap{Summit: es})
		}
		so := &o.Summits[len(o.Summits)-1]
		so.Mandates++
		id := lastPart(k)
		if targets[id] {
			so.Renewed++
			summitOf[id] = len(o.Summits) - 1
		}
		carried := false
		rp := reversePrefix(id, graph.Renews)
		for rit.Seek(rp); rit.ValidForPrefix(rp); rit.Next() {
			v, err := isLater(lastPart(rit.Item().Key()))
			if err != nil {
				return err
			}
			if v {
				carried = true
				break
			}
		}
		if !carried {
			so.NotRenewed++
			o.NotRenewed = append(o.NotRenewed, id)
			o.NotRenewedCursors = append(o.NotRenewedCursors, encodeCursor(k[len(prefix):]))
		}
	}
	kept := o.Renewals[:0]
	renewing := map[string]bool{}
	perSummit := make([]map[string]bool, len(o.Summits))
	for _, r := range o.Renewals {
		i, ok := summitOf[r.To]
		if !ok {
			continue // to a mandate outside the theme
		}
		kept = append(kept, r)
		renewing[r.From] = true
		if perSummit[i] == nil {
			perSummit[i] = map[string]bool{}
		}
		perSummit[i][r.From] = true
	}
	for i, m := range perSummit {
		o.Summits[i].Renewing = len(m)
	}
	o.Renewals, o.Renewing = kept, len(renewing)
	sort.Slice(o.Renewals, func(i, j int) bool {
		a, b := o.Renewals[i], o.Renewals[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
	return ctxErr(ctx)
}

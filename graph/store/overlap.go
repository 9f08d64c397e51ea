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
//   - the summit's range of the listing, and the RENEWS edges out of its
//     mandates (e|<id>|RENEWS|);
//   - the range of the summits before it, and the RENEWS edges into their
//     mandates (r|<id>|RENEWS|), whose renewers' summits tell whether one
//     is of this summit or a later one.
//
// A mandate's id starts with its summit (nlp.MandateID), so the edges of
// a summit's mandates are one range of keys: when the mandates asked for
// are many of the summit's (no theme, or a broad one), that range is read
// in order rather than sought mandate by mandate, which is twenty times
// cheaper a mandate (renewsOf). The cost grows with the mandates of the
// summit and of the summits before it, not with the later ones nor with
// the text.
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

// idSummit is the summit in a mandate's id (nlp.MandateID puts it there:
// mandate/<summit without "summit/">/<hash>), "" when the id has none.
func idSummit(id string) string {
	rest, ok := strings.CutPrefix(id, "mandate/")
	if !ok {
		return ""
	}
	slug, _, ok := strings.Cut(rest, "/")
	if !ok || slug == "" {
		return ""
	}
	return "summit/" + slug
}

// idPrefix is the start of the ids of a summit's mandates.
func idPrefix(summit string) string { return "mandate/" + strings.TrimPrefix(summit, "summit/") + "/" }

// listed is a mandate of the listing: its key after the listing's prefix
// (its cursor: <day>|<summit>|<file>|<seq>|<id>), and where its summit
// and id start in it.
type listed struct {
	key        string
	summit, id int
}

func (l listed) ID() string { return l.key[l.id:] }
func (l listed) Summit() string {
	return l.key[l.summit : strings.IndexByte(l.key[l.summit:], sep)+l.summit]
}

// listRange reads the listing under prefix from start while keep says so
// of the key's day and summit.
func listRange(ctx context.Context, txn *badger.Txn, prefix, start []byte, keep func(day, summit []byte) bool) ([]listed, error) {
	var out []listed
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	defer it.Close()
	n := 0
	for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
		if n++; n%1024 == 0 {
			if err := ctxErr(ctx); err != nil {
				return nil, err
			}
		}
		k := it.Item().Key()[len(prefix):]
		d := bytes.IndexByte(k, sep)
		if d < 0 {
			break
		}
		e := bytes.IndexByte(k[d+1:], sep)
		if e < 0 || !keep(k[:d], k[d+1:d+1+e]) {
			break
		}
		out = append(out, listed{key: string(k), summit: d + 1, id: bytes.LastIndexByte(k, sep) + 1})
	}
	return out, ctxErr(ctx)
}

// renewsOf calls fn with every RENEWS edge out of (in false) or into (in
// true) the mandates ids, all of summit: a scan of the edges (or reverse
// edges) of the summit's ids when they are many of its mandates, a seek
// for each otherwise, and for an id that does not start as idPrefix says.
func (s *Store) renewsOf(ctx context.Context, txn *badger.Txn, summit string, ids []string, in bool, fn func(k, v []byte) error) error {
	fam, typ := famEdge, "|"+string(graph.Renews)+"|"
	if in {
		fam = famReverse
	}
	want := make(map[string]bool, len(ids))
	var odd []string
	pre := idPrefix(summit)
	for _, id := range ids {
		if strings.HasPrefix(id, pre) {
			want[id] = true
		} else {
			odd = append(odd, id)
		}
	}
	// A scan reads every edge of the summit's mandates; a seek costs
	// about as much as reading twenty keys.
	total := s.counter(txn, summitCountKey(summit, false))
	var seek []string
	if len(want)*20 < total {
		for id := range want {
			seek = append(seek, id)
		}
		sort.Strings(seek)
		want = nil
	}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(fam), PrefetchValues: false})
	defer it.Close()
	visit := func(prefix []byte, check bool) error {
		n := 0
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			if n++; n%1024 == 0 {
				if err := ctxErr(ctx); err != nil {
					return err
				}
			}
			item := it.Item()
			k := item.Key()
			if check {
				// fam <a> | RENEWS | <b>, read in place
				rest := k[len(fam):]
				i := bytes.IndexByte(rest, sep)
				if i < 0 || !bytes.HasPrefix(rest[i:], []byte(typ)) || !want[string(rest[:i])] {
					continue
				}
			}
			var v []byte
			if !in {
				var err error
				if v, err = item.ValueCopy(nil); err != nil {
					return err
				}
			}
			if err := fn(k, v); err != nil {
				return err
			}
		}
		return nil
	}
	if want != nil {
		if err := visit([]byte(fam+pre), true); err != nil {
			return err
		}
	}
	for _, id := range append(seek, odd...) {
		if err := visit([]byte(fam+id+typ), false); err != nil {
			return err
		}
	}
	return nil
}

// overlapOwn reads the summit's mandates (under prefix) and their RENEWS
// edges; it returns the mandates, and leaves the edges in o.Renewals.
func (s *Store) overlapOwn(ctx context.Context, txn *badger.Txn, o *graph.Overlap, prefix []byte) (map[string]bool, error) {
	start := append(bytes.Clone(prefix), o.Summit.SortKey()+"|"+o.Summit.ID+"|"...)
	own, err := listRange(ctx, txn, prefix, start, func(_, summit []byte) bool { return string(summit) == o.Summit.ID })
	if err != nil {
		return nil, err
	}
	mine := make(map[string]bool, len(own))
	ids := make([]string, len(own))
	for i, l := range own {
		mine[l.ID()], ids[i] = true, l.ID()
	}
	o.Mandates = len(own)
	err = s.renewsOf(ctx, txn, o.Summit.ID, ids, false, func(k, v []byte) error {
		from, _, to, _ := edgeParts(k)
		e := graph.Edge{From: from, To: to}
		if err := decodeEdgeProps(v, &e); err != nil {
			return err
		}
		o.Renewals = append(o.Renewals, graph.Renewal{From: from, To: to, Score: e.Weight, Note: e.Note})
		return nil
	})
	return mine, err
}

// overlapEarlier reads the mandates of the summits before o.Summit (under
// prefix) and the RENEWS edges into them; it fills o.Summits and
// o.NotRenewed, keeps of o.Renewals those to them (with a theme: to
// mandates in the theme), sorts them and counts o.Renewing.
func (s *Store) overlapEarlier(ctx context.Context, txn *badger.Txn, o *graph.Overlap, prefix []byte, mine map[string]bool) error {
	day := o.Summit.SortKey()
	earlier, err := listRange(ctx, txn, prefix, prefix, func(d, _ []byte) bool { return string(d) < day })
	if err != nil {
		return err
	}
	later := map[string]bool{} // renewers: of this summit or a later one?
	isLater := func(id string) (bool, error) {
		if mine[id] {
			return true, nil
		}
		if v, ok := later[id]; ok {
			return v, nil
		}
		sid := idSummit(id)
		if s.summit(sid) == nil {
			nd, ok := s.cache.get(id)
			if !ok {
				var err error
				if nd, err = getNode(txn, id); err != nil {
					return false, err
				}
			}
			if m, isM := nd.(*graph.Mandate); isM {
				sid = m.Summit
			}
		}
		v := false
		if ms := s.summit(sid); ms != nil {
			v = ms.SortKey() >= day
		}
		later[id] = v
		return v, nil
	}
	targets := map[string]bool{}
	for _, r := range o.Renewals {
		targets[r.To] = true
	}
	carried := map[string]bool{} // earlier mandates renewed by this summit or a later one
	summitOf := map[string]int{} // earlier mandates renewed by this summit → their o.Summits index
	for lo := 0; lo < len(earlier); {
		sid := earlier[lo].Summit()
		hi := lo
		var ids []string
		for hi < len(earlier) && earlier[hi].Summit() == sid {
			ids = append(ids, earlier[hi].ID())
			hi++
		}
		sm := s.summit(sid)
		if sm == nil {
			lo = hi
			continue
		}
		err := s.renewsOf(ctx, txn, sid, ids, true, func(k, _ []byte) error {
			to, _, from, _ := edgeParts(k)
			if carried[to] {
				return nil
			}
			v, err := isLater(from)
			carried[to] = v
			return err
		})
		if err != nil {
			return err
		}
		so := graph.SummitOverlap{Summit: sm, Mandates: len(ids)}
		for _, id := range ids {
			if targets[id] {
				so.Renewed++
				summitOf[id] = len(o.Summits)
			}
		}
		for _, l := range earlier[lo:hi] {
			if !carried[l.ID()] {
				so.NotRenewed++
				o.NotRenewed = append(o.NotRenewed, l.ID())
				o.NotRenewedCursors = append(o.NotRenewedCursors, encodeCursor([]byte(l.key)))
			}
		}
		o.Summits = append(o.Summits, so)
		lo = hi
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

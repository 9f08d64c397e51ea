package store

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"sort"
	"strings"
	"summitgraph/graph"

	badger "github.com/dgraph-io/badger/v4"
)

// Node returns the node with the given id, or an ENOTFOUND error.
func (s *Store) Node(ctx context.Context, id string) (graph.Node, error) {
	if !graph.ValidID(id) {
		return nil, graph.NotFound(id)
	}
	gen, cached := s.cacheGen(ctx)
	if n, ok := s.cache.get(id); ok && cached {
		return n, nil
	}
	var n graph.Node
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		n, err = getNode(txn, id)
		return err
	})
	if err == nil {
		s.cache.put(gen, n)
	}
	return n, err
}

// Nodes returns the nodes with the given ids, in the same order, with an
// error per id (ENOTFOUND for unknown ones). It reads them all in one
// transaction: the batch function behind the per-request loaders.
func (s *Store) Nodes(ctx context.Context, ids []string) ([]graph.Node, []error) {
	nodes := make([]graph.Node, len(ids))
	errs := make([]error, len(ids))
	missing := 0
	gen, cached := s.cacheGen(ctx)
	for i, id := range ids {
		if n, ok := s.cache.get(id); ok && cached {
			nodes[i] = n
		} else {
			missing++
		}
	}
	if missing == 0 {
		return nodes, errs
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		for i, id := range ids {
			if i%64 == 0 {
				if err := ctxErr(ctx); err != nil {
					return err
				}
			}
			if nodes[i] != nil {
				continue
			}
			if !graph.ValidID(id) {
				errs[i] = graph.NotFound(id)
				continue
			}
			if nodes[i], errs[i] = getNode(txn, id); errs[i] == nil {
				s.cache.put(gen, nodes[i])
			}
		}
		return nil
	})
	if err != nil {
		for i := range errs {
			errs[i] = err
		}
	}
	return nodes, errs
}

// Summits returns every summit of the catalog, oldest first.
func (s *Store) Summits(ctx context.Context) ([]*graph.Summit, error) {
	var out []*graph.Summit
	err := s.view(ctx, func(txn *badger.Txn) error {
		nodes, err := s.kindNodes(txn, graph.KindSummit)
		for _, n := range nodes {
			out = append(out, n.(*graph.Summit))
		}
		return err
	})
	return out, err
}

func (s *Store) kindNodes(txn *badger.Txn, k graph.Kind) ([]graph.Node, error) {
	var ids []string
	scanKeys(txn, kindPrefix(k), nil, func(key []byte) bool {
		ids = append(ids, lastPart(key))
		return true
	})
	out := make([]graph.Node, 0, len(ids))
	for _, id := range ids {
		n, err := getNode(txn, id)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// Edges returns the edges around a node, ordered by type and then by the
// id at the other end.
func (s *Store) Edges(ctx context.Context, q graph.EdgeQuery) ([]graph.Edge, error) {
	var out []graph.Edge
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		out, err = edges(ctx, txn, q)
		return err
	})
	return out, err
}

func edges(ctx context.Context, txn *badger.Txn, q graph.EdgeQuery) ([]graph.Edge, error) {
	return edgesWhere(ctx, txn, q, nil)
}

// edgesWhere is edges, keeping only the edges keep accepts (nil: all), and
// decoding the properties of those only. An outgoing edge's properties
// are the value of the key the scan is on: read there rather than with a
// Get a key, a lookup in every level (BENCHMARKS.md, "What the profiles
// found", item 14).
func edgesWhere(ctx context.Context, txn *badger.Txn, q graph.EdgeQuery, keep func(graph.Edge) bool) ([]graph.Edge, error) {
	var prefix []byte
	if q.In {
		prefix = reversePrefix(q.Node, q.Type)
	} else {
		prefix = edgePrefix(q.Node, q.Type)
	}
	var out []graph.Edge
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	scanned := 0
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if scanned++; scanned%256 == 1 {
			if err := ctxErr(ctx); err != nil {
				return nil, err
			}
		}
		item := it.Item()
		a, t, b, ok := edgeParts(item.Key())
		if !ok {
			continue
		}
		e := graph.Edge{From: a, Type: t, To: b}
		if q.In {
			e.From, e.To = b, a
		}
		if keep != nil && !keep(e) {
			continue
		}
		if q.WithProps && !q.In {
			if err := item.Value(func(v []byte) error { return decodeEdgeProps(v, &e) }); err != nil {
				return nil, err
			}
		}
		out = append(out, e)
		if q.Limit > 0 && len(out) >= q.Limit {
			break
		}
	}
	if q.WithProps && q.In {
		for i := range out {
			if err := readEdgeProps(txn, &out[i]); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func readEdgeProps(txn *badger.Txn, e *graph.Edge) error {
	v, ok, err := getValue(txn, edgeKey(e.From, e.Type, e.To))
	if err != nil || !ok {
		return err
	}
	return decodeEdgeProps(v, e)
}

// decodeEdgeProps sets e's weight and evidence from an e| value (empty:
// none). The value is copied.
func decodeEdgeProps(v []byte, e *graph.Edge) error {
	if len(v) == 0 {
		return nil
	}
	var p graph.Edge
	if err := decode(v, &p); err != nil {
		return err
	}
	e.Weight, e.Evidence, e.Note = p.Weight, p.Evidence, p.Note
	return nil
}

// Items returns the items of a mandate in source order.
func (s *Store) Items(ctx context.Context, mandate string) ([]*graph.Mandate, error) {
	out, err := incoming[*graph.Mandate](ctx, s, mandate, graph.PartOf)
	sort.Slice(out, func(i, j int) bool { return out[i].Source().Seq < out[j].Source().Seq })
	return out, err
}

// Documents returns the documents issued at a summit, by title.
func (s *Store) Documents(ctx context.Context, summit string) ([]*graph.Document, error) {
	out, err := incoming[*graph.Document](ctx, s, summit, graph.IssuedAt)
	sort.Slice(out, func(i, j int) bool { return out[i].Title < out[j].Title })
	return out, err
}

// incoming reads the nodes of type T whose edges of type t reach id.
func incoming[T graph.Node](ctx context.Context, s *Store, id string, t graph.EdgeType) ([]T, error) {
	var out []T
	err := s.view(ctx, func(txn *badger.Txn) error {
		es, err := edges(ctx, txn, graph.EdgeQuery{Node: id, Type: t, In: true})
		if err != nil {
			return err
		}
		for _, e := range es {
			n, err := getNode(txn, e.From)
			if err != nil {
				return err
			}
			if x, ok := n.(T); ok {
				out = append(out, x)
			}
		}
		return nil
	})
	return out, err
}

// mandateScan is a filter turned into a key range.
type mandateScan struct {
	prefix []byte
	start  []byte // first key to look at
	// yearFrom and yearTo bound the dates; keys past yearTo end the scan.
	yearFrom, yearTo int
	summit           string // summit id to match when the index cannot range on it
	doc              string // document to check on the record
	lang             string // language to check on the record
	top              bool
	back             bool // the scan runs backward (MandatesBefore)
}

// keepRecord checks what the index keys cannot tell on the mandate's
// record: its document (when the scan ranges over an entity's mandates)
// and its language.
func (sc *mandateScan) keepRecord(txn *badger.Txn, id string) (bool, error) {
	if sc.doc == "" && sc.lang == "" {
		return true, nil
	}
	nd, err := getNode(txn, id)
	if err != nil {
		return false, err
	}
	m, ok := nd.(*graph.Mandate)
	return ok && (sc.doc == "" || m.Document == sc.doc) && (sc.lang == "" || m.Language == sc.lang), nil
}

func (s *Store) planMandates(f graph.MandateFilter) (mandateScan, error) {
	var sc mandateScan
	switch {
	case f.Mentions != "":
		sc.prefix = entIndexPrefix(f.Mentions)
		sc.doc = f.Document
	case f.Document != "":
		sc.prefix = docIndexPrefix(f.Document)
	default:
		sc.prefix = kindPrefix(graph.KindMandate)
	}
	sc.start = sc.prefix
	sc.top = f.TopLevel
	if f.Language != "" {
		l := strings.ToLower(f.Language)
		if len(l) != 2 || l[0] < 'a' || l[0] > 'z' || l[1] < 'a' || l[1] > 'z' {
			return sc, graph.Errorf(graph.EINVALID, "language %q: give an ISO 639-1 code (en, es, fr, pt)", f.Language)
		}
		sc.lang = l
	}
	sc.yearFrom, sc.yearTo = f.YearFrom, f.YearTo
	if f.Summit != "" {
		sm := s.summit(f.Summit)
		if sm == nil {
			return sc, graph.Errorf(graph.ENOTFOUND, "no summit with id %q", f.Summit)
		}
		sc.start = append(bytes.Clone(sc.prefix), sm.SortKey()+"|"+sm.ID+"|"...)
		sc.summit = sm.ID
	} else if f.YearFrom > 0 {
		sc.start = append(bytes.Clone(sc.prefix), fmt.Sprintf("%04d", f.YearFrom)...)
	}
	return sc, nil
}

// match decides on one index key: keep it, skip it, or stop the scan.
func (sc *mandateScan) match(k, flags []byte) (keep, stop bool) {
	sortPart := indexSort(k, len(sc.prefix))
	if len(sortPart) < 10 {
		return false, false
	}
	if sc.summit != "" {
		// The index is ordered by summit: leaving the summit's range ends it.
		parts := strings.SplitN(sortPart, "|", 3)
		if len(parts) < 2 || parts[1] != sc.summit {
			return false, true
		}
	}
	if sc.yearFrom > 0 || sc.yearTo > 0 {
		y := 0
		for _, c := range sortPart[:4] {
			y = y*10 + int(c-'0')
		}
		if y == 9999 { // unattributed: no year, and they list last
			return false, sc.yearTo > 0 && !sc.back
		}
		if sc.yearTo > 0 && y > sc.yearTo {
			return false, !sc.back
		}
		if y < sc.yearFrom {
			return false, sc.back
		}
	}
	if sc.top && (len(flags) == 0 || flags[0]&1 == 0) {
		return false, false
	}
	return true, false
}

// Mandates lists mandates in listing order (oldest summit first, then source
// order), first at most, after the given cursor.
func (s *Store) Mandates(ctx context.Context, f graph.MandateFilter, first int, after string) (*graph.MandatePage, error) {
	sc, err := s.planMandates(f)
	if err != nil {
		return nil, err
	}
	var afterKey []byte
	if after != "" {
		suffix, err := decodeCursor(after)
		if err != nil {
			return nil, err
		}
		afterKey = append(bytes.Clone(sc.prefix), suffix...)
		if bytes.Compare(afterKey, sc.start) > 0 {
			sc.start = afterKey
		}
	}
	page := &graph.MandatePage{}
	err = s.view(ctx, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: sc.prefix, PrefetchValues: false})
		defer it.Close()
		ids, cursors, more, err := sc.collect(ctx, txn, it, sc.start, afterKey, first)
		if err != nil {
			return err
		}
		it.Close()
		page.HasNextPage = more
		return loadMandates(txn, page, ids, cursors)
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// collect walks it from seek, in its direction, and keeps the ids and
// cursors of the listing's mandates (skip, a cursor's own key, left out)
// until limit are kept; more says that one more follows them.
func (sc *mandateScan) collect(ctx context.Context, txn *badger.Txn, it *badger.Iterator, seek, skip []byte, limit int) (ids, cursors []string, more bool, err error) {
	n := 0
	for it.Seek(seek); it.ValidForPrefix(sc.prefix); it.Next() {
		if n++; n%256 == 0 {
			if err := ctxErr(ctx); err != nil {
				return nil, nil, false, err
			}
		}
		item := it.Item()
		k := item.Key()
		if skip != nil && bytes.Equal(k, skip) {
			continue
		}
		var flags []byte
		if sc.top {
			flags, _ = item.ValueCopy(nil)
		}
		keep, stop := sc.match(k, flags)
		if stop {
			break
		}
		if !keep {
			continue
		}
		id := lastPart(k)
		if ok, err := sc.keepRecord(txn, id); err != nil || !ok {
			if err != nil {
				return nil, nil, false, err
			}
			continue
		}
		if len(ids) == limit {
			return ids, cursors, true, nil
		}
		ids = append(ids, id)
		cursors = append(cursors, encodeCursor(k[len(sc.prefix):]))
	}
	return ids, cursors, false, nil
}

// loadMandates appends the mandates ids name, with their cursors, to page.
func loadMandates(txn *badger.Txn, page *graph.MandatePage, ids, cursors []string) error {
	for i, id := range ids {
		nd, err := getNode(txn, id)
		if err != nil {
			return err
		}
		m, ok := nd.(*graph.Mandate)
		if !ok {
			return graph.Errorf(graph.ECORRUPT, "index entry %s is not a mandate", id)
		}
		page.Mandates = append(page.Mandates, m)
		page.Cursors = append(page.Cursors, cursors[i])
	}
	return nil
}

// CountMandates counts the mandates a filter selects, reading index keys
// only.
func (s *Store) CountMandates(ctx context.Context, f graph.MandateFilter) (int, error) {
	sc, err := s.planMandates(f)
	if err != nil {
		return 0, err
	}
	total := 0
	err = s.view(ctx, func(txn *badger.Txn) error {
		if n, ok, err := s.countFromCounters(txn, f); err != nil || ok {
			total = n
			return err
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: sc.prefix, PrefetchValues: false})
		defer it.Close()
		n := 0
		for it.Seek(sc.start); it.ValidForPrefix(sc.prefix); it.Next() {
			if n++; n%1024 == 0 {
				if err := ctxErr(ctx); err != nil {
					return err
				}
			}
			item := it.Item()
			var flags []byte
			if sc.top {
				flags, _ = item.ValueCopy(nil)
			}
			keep, stop := sc.match(item.Key(), flags)
			if stop {
				break
			}
			if !keep {
				continue
			}
			if ok, err := sc.keepRecord(txn, lastPart(item.Key())); err != nil || !ok {
				if err != nil {
					return err
				}
				continue
			}
			total++
		}
		return nil
	})
	return total, err
}

func encodeCursor(suffix []byte) string {
	return base64.RawURLEncoding.EncodeToString(suffix)
}

func decodeCursor(c string) ([]byte, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 12 || bytes.IndexByte(b, sep) < 0 {
		return nil, graph.Errorf(graph.EINVALID, "invalid cursor %q", c)
	}
	return b, nil
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (graph.Stats, error) {
	var st graph.Stats
	err := s.view(ctx, func(txn *badger.Txn) error {
		get := func(name string) (int, error) {
			v, _, err := getValue(txn, statKey(name))
			return int(getInt64(v)), err
		}
		for _, f := range []struct {
			name string
			dst  *int
		}{
			{countKey(graph.KindSummit), &st.Summits},
			{countKey(graph.KindDocument), &st.Documents},
			{countKey(graph.KindMandate), &st.Mandates},
			{countKey(graph.KindConvention), &st.Conventions},
			{countKey(graph.KindInstitution), &st.Institutions},
			{countKey(graph.KindTheme), &st.Themes},
			{statMentions, &st.Mentions},
			{statEdges, &st.Edges},
			{statFiles, &st.Files},
		} {
			n, err := get(f.name)
			if err != nil {
				return err
			}
			*f.dst = n
		}
		return nil
	})
	return st, err
}

// AllDocuments returns every summit document, in summit order.
func (s *Store) AllDocuments(ctx context.Context) ([]*graph.Document, error) {
	var out []*graph.Document
	err := s.view(ctx, func(txn *badger.Txn) error {
		nodes, err := s.kindNodes(txn, graph.KindDocument)
		for _, n := range nodes {
			if d, ok := n.(*graph.Document); ok {
				out = append(out, d)
			}
		}
		return err
	})
	return out, err
}

// EachNode calls fn with every node, in id order, reading one node at a
// time from one snapshot so that memory stays flat however large the
// graph. It stops at fn's first error.
func (s *Store) EachNode(ctx context.Context, fn func(graph.Node) error) error {
	return s.Each(ctx, fn, nil)
}

// EachEdge calls fn with every edge and its properties, in key order (by
// source node, type, target), from one snapshot, one at a time.
func (s *Store) EachEdge(ctx context.Context, fn func(graph.Edge) error) error {
	return s.Each(ctx, nil, fn)
}

// Each calls nodeFn with every node (in id order), then edgeFn with every
// edge (in key order), all from one snapshot: an export taken while files
// are ingested has no edge whose node it lacks. Either function may be
// nil. It stops at the first error.
func (s *Store) Each(ctx context.Context, nodeFn func(graph.Node) error, edgeFn func(graph.Edge) error) error {
	return s.view(ctx, func(txn *badger.Txn) error {
		n := 0
		if nodeFn != nil {
			err := scan(txn, []byte(famNode), func(_, v []byte) (bool, error) {
				if n++; n%1024 == 0 {
					if err := ctxErr(ctx); err != nil {
						return false, err
					}
				}
				node, err := decodeNode(v)
				if err != nil {
					return false, err
				}
				return true, nodeFn(node)
			})
			if err != nil {
				return err
			}
		}
		if edgeFn == nil {
			return nil
		}
		return scan(txn, []byte(famEdge), func(k, v []byte) (bool, error) {
			if n++; n%1024 == 0 {
				if err := ctxErr(ctx); err != nil {
					return false, err
				}
			}
			from, t, to, ok := edgeParts(k)
			if !ok {
				return true, nil
			}
			e := graph.Edge{From: from, Type: t, To: to}
			if len(v) > 0 {
				if err := decode(v, &e); err != nil {
					return false, err
				}
				e.From, e.Type, e.To = from, t, to
			}
			return true, edgeFn(e)
		})
	})
}

// countFromCounters answers CountMandates from the listing counters when
// the filter is one they keep (by summit or years, by document, or by
// entity alone, each with or without topLevel): a read, where a scan
// would grow with the store. ok is false for other filters.
func (s *Store) countFromCounters(txn *badger.Txn, f graph.MandateFilter) (n int, ok bool, err error) {
	inYears := func(sm *graph.Summit) bool {
		y := 0
		for _, c := range sm.SortKey()[:4] {
			y = y*10 + int(c-'0')
		}
		return (f.YearFrom == 0 || y >= f.YearFrom) && (f.YearTo == 0 || y <= f.YearTo)
	}
	years := f.YearFrom != 0 || f.YearTo != 0
	if f.Language != "" {
		return 0, false, nil // counted on the records
	}
	switch {
	case f.Document == "" && f.Mentions == "":
		if f.Summit != "" {
			sm := s.summit(f.Summit)
			if sm == nil || !inYears(sm) {
				return 0, true, nil
			}
			return s.counter(txn, summitCountKey(f.Summit, f.TopLevel)), true, nil
		}
		s.mu.RLock()
		ids := make([]string, 0, len(s.summits))
		for id, sm := range s.summits {
			if inYears(sm) {
				ids = append(ids, id)
			}
		}
		s.mu.RUnlock()
		if !years {
			ids = append(ids, "") // the unattributed
		}
		for _, id := range ids {
			n += s.counter(txn, summitCountKey(id, f.TopLevel))
		}
		return n, true, nil
	case f.Document != "" && f.Mentions == "":
		nd, err := getNode(txn, f.Document)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			return 0, true, nil
		}
		if err != nil {
			return 0, false, err
		}
		d, isDoc := nd.(*graph.Document)
		if !isDoc {
			return 0, true, nil
		}
		if f.Summit != "" && d.Summit != f.Summit {
			return 0, true, nil
		}
		if sm := s.summit(d.Summit); years && (sm == nil || !inYears(sm)) {
			return 0, true, nil
		}
		return s.counter(txn, docCountKey(f.Document, f.TopLevel)), true, nil
	case f.Mentions != "" && f.Document == "" && f.Summit == "" && !years:
		if f.TopLevel {
			return s.counter(txn, entTopKey(f.Mentions)), true, nil
		}
		return s.counter(txn, dfKey(f.Mentions)), true, nil
	}
	return 0, false, nil
}

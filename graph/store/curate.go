package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"summitgraph/graph"
	"sync"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Curation: decisions analysts make through the API, kept apart from what
// the pipeline extracts so that re-ingesting a file does not undo them,
// and logged.
//
//	c|alias|<entity>|<normalized alias>  an alias added by hand
//	c|merge|<from>                       from was merged into another entity
//	c|reject|<mandate>|<entity>          a mention rejected by hand
//	u|<time, 20 digits>|<seq, 6 digits>  the audit log, oldest first
//	s|curation                           counts decisions (a version)
const (
	famCurate = "c|"
	famAudit  = "u|"
)

type curatedAlias struct {
	Alias string    `cbor:"1,keyasint"`
	By    string    `cbor:"2,keyasint"`
	At    time.Time `cbor:"3,keyasint"`
}

type mergeRecord struct {
	Into string    `cbor:"1,keyasint"`
	By   string    `cbor:"2,keyasint"`
	At   time.Time `cbor:"3,keyasint"`
}

type rejectRecord struct {
	By       string           `cbor:"1,keyasint"`
	At       time.Time        `cbor:"2,keyasint"`
	Evidence []graph.Evidence `cbor:"3,keyasint,omitempty"` // what was rejected
}

// curation is the store's in-memory copy of the merge and reject
// decisions, consulted on every Apply.
type curation struct {
	mu      sync.RWMutex
	merges  map[string]string   // from → into
	rejects map[[2]string]bool  // mandate, entity
	aliases map[string][]string // entity → curated aliases
	version int64
}

func (c *curation) mergedInto(id string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for i := 0; i < 16; i++ { // follow chains, bounded
		into, ok := c.merges[id]
		if !ok {
			return id
		}
		id = into
	}
	return id
}

func (c *curation) rejected(mandate, entity string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.rejects[[2]string{mandate, entity}]
}

func (s *Store) loadCuration() error {
	c := &curation{merges: map[string]string{}, rejects: map[[2]string]bool{}, aliases: map[string][]string{}}
	err := s.db.View(func(txn *badger.Txn) error {
		c.version = int64(s.counter(txn, "curation"))
		return scan(txn, []byte(famCurate), func(k, v []byte) (bool, error) {
			parts := bytes.SplitN(k[len(famCurate):], []byte{sep}, 3)
			switch string(parts[0]) {
			case "merge":
				var m mergeRecord
				if err := decode(v, &m); err != nil {
					return false, err
				}
				c.merges[string(parts[1])] = m.Into
			case "reject":
				if len(parts) == 3 {
					c.rejects[[2]string{string(parts[1]), string(parts[2])}] = true
				}
			case "alias":
				var a curatedAlias
				if err := decode(v, &a); err != nil {
					return false, err
				}
				c.aliases[string(parts[1])] = append(c.aliases[string(parts[1])], a.Alias)
			}
			return true, nil
		})
	})
	if err != nil {
		return fmt.Errorf("load curation: %w", err)
	}
	s.cur.Store(c)
	return nil
}

// CuratedAliases returns the aliases added by hand, by entity, and the
// curation version (it changes with every decision), so that extraction
// can match them.
func (s *Store) CuratedAliases() (map[string][]string, int64) {
	c := s.cur.Load()
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make(map[string][]string, len(c.aliases))
	for k, v := range c.aliases {
		out[k] = append([]string(nil), v...)
	}
	return out, c.version
}

// curate runs one curation decision in a write transaction with its audit
// entry, then refreshes the in-memory copy.
func (s *Store) curate(ctx context.Context, entry graph.AuditEntry, fn func(w *writer) error) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	for attempt := 0; ; attempt++ {
		w := s.newWriter(s.db.NewTransaction(true))
		txn := w.txn
		err := fn(w)
		if err == nil {
			err = w.audit(entry)
		}
		if err == nil {
			w.delta["curation"]++
			err = w.flushCounters()
		}
		if err == nil {
			err = s.checkSpace("the curation decision", w.bytes)
		}
		if err == nil {
			err = txn.Commit()
		}
		w.discard()
		if err == nil {
			s.cache.invalidate()
			w.committed()
		}
		if errors.Is(err, badger.ErrConflict) && attempt < 5 {
			continue
		}
		if err != nil {
			return err
		}
		return s.loadCuration()
	}
}

var auditSeq struct {
	sync.Mutex
	last int64
	n    int
}

// audit appends an entry to the audit log.
func (w *writer) audit(e graph.AuditEntry) error {
	if e.At.IsZero() {
		e.At = time.Now().UTC()
	}
	auditSeq.Lock()
	ns := e.At.UnixNano()
	if ns == auditSeq.last {
		auditSeq.n++
	} else {
		auditSeq.last, auditSeq.n = ns, 0
	}
	n := auditSeq.n
	auditSeq.Unlock()
	v, err := encode(e)
	if err != nil {
		return err
	}
	return w.set(key("u", fmt.Sprintf("%020d", ns), fmt.Sprintf("%06d", n)), v)
}

// LogAudit records an entry in the audit log on its own (for decisions
// such as ingestDocument, whose effect Apply writes).
func (s *Store) LogAudit(ctx context.Context, e graph.AuditEntry) error {
	return s.db.Update(func(txn *badger.Txn) error {
		return s.newWriter(txn).audit(e)
	})
}

// Audit returns the audit log, newest first, first entries after the
// given cursor.
func (s *Store) Audit(ctx context.Context, first int, after string) ([]graph.AuditEntry, []string, bool, error) {
	var out []graph.AuditEntry
	var cursors []string
	more := false
	err := s.view(ctx, func(txn *badger.Txn) error {
		prefix := []byte(famAudit)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, Reverse: true, PrefetchValues: true})
		defer it.Close()
		start := prefixEnd(prefix)
		if after != "" {
			raw, err := decodeCursor(after)
			if err != nil {
				return err
			}
			start = append(append([]byte{}, prefix...), raw...)
		}
		for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
			k := it.Item().Key()
			if after != "" && bytes.Equal(k, start) {
				continue
			}
			if len(out) == first {
				more = true
				break
			}
			var e graph.AuditEntry
			if err := it.Item().Value(func(v []byte) error { return decode(v, &e) }); err != nil {
				return err
			}
			out = append(out, e)
			cursors = append(cursors, encodeCursor(k[len(prefix):]))
		}
		return nil
	})
	return out, cursors, more, err
}

// AddAlias adds a name to an entity by hand. A name another entity answers
// to is refused with ECONFLICT naming it.
func (s *Store) AddAlias(ctx context.Context, entity, alias, by string) (*graph.Entity, error) {
	norm := graph.NormalizeName(alias)
	if norm == "" || len(alias) > 300 {
		return nil, graph.Errorf(graph.EINVALID, "an alias needs letters or digits (and at most 300 bytes)")
	}
	var out *graph.Entity
	err := s.curate(ctx, graph.AuditEntry{By: by, Action: "addAlias", Target: entity, Detail: alias}, func(w *writer) error {
		e, err := entityOf(w.txn, entity)
		if err != nil {
			return err
		}
		var others []string
		scanKeys(w.txn, aliasPrefix(norm), nil, func(k []byte) bool {
			if id := lastPart(k); id != entity {
				others = append(others, id)
			}
			return true
		})
		if len(others) > 0 {
			return graph.Errorf(graph.ECONFLICT, "%q is already a name of %s", alias, others[0])
		}
		ne := *e
		ne.Aliases = mergeNames(e.Aliases, []string{alias}, e)
		if err := w.putNodeRecord(&ne); err != nil {
			return err
		}
		if err := w.putAliases(&ne, e); err != nil {
			return err
		}
		rec, err := encode(curatedAlias{Alias: alias, By: by, At: time.Now().UTC()})
		if err != nil {
			return err
		}
		out = &ne
		return w.set(key("c", "alias", entity, norm), rec)
	})
	return out, err
}

// RejectMention removes the link from a mandate to an entity and keeps it
// removed when the mandate's file is ingested again.
func (s *Store) RejectMention(ctx context.Context, mandate, entity, by string) (*graph.Mandate, error) {
	var out *graph.Mandate
	err := s.curate(ctx, graph.AuditEntry{By: by, Action: "rejectMention", Target: mandate, Detail: entity}, func(w *writer) error {
		n, err := getNode(w.txn, mandate)
		if err != nil {
			return err
		}
		m, ok := n.(*graph.Mandate)
		if !ok {
			return graph.Errorf(graph.ENOTFOUND, "%q is not a mandate", mandate)
		}
		raw, ok, err := getValue(w.txn, edgeKey(mandate, graph.Mentions, entity))
		if err != nil {
			return err
		}
		if !ok {
			return graph.Errorf(graph.ENOTFOUND, "mandate %s does not mention %s", mandate, entity)
		}
		var e graph.Edge
		if err := decode(raw, &e); err != nil {
			return err
		}
		if err := w.deleteEdge(mandate, graph.Mentions, entity, s.mandateSort(m)); err != nil {
			return err
		}
		// A discovered entity lives by its mentions: the last one
		// rejected takes it away, as a file no longer naming it would.
		if err := w.collectEntity(entity); err != nil {
			return err
		}
		rec, err := encode(rejectRecord{By: by, At: time.Now().UTC(), Evidence: e.Evidence})
		if err != nil {
			return err
		}
		out = m
		return w.set(key("c", "reject", mandate, entity), rec)
	})
	return out, err
}

// MergeEntities folds from into into: from's mentions, relations and names
// move to into, from is deleted, and mentions of from found when files are
// ingested again go to into. The moved mentions keep their surfaces and
// offsets, with method "curated".
func (s *Store) MergeEntities(ctx context.Context, into, from, by string) (*graph.Entity, error) {
	if into == from {
		return nil, graph.Errorf(graph.EINVALID, "an entity cannot be merged into itself")
	}
	var out *graph.Entity
	err := s.curate(ctx, graph.AuditEntry{By: by, Action: "mergeEntities", Target: into, Detail: from}, func(w *writer) error {
		dst, err := entityOf(w.txn, into)
		if err != nil {
			return err
		}
		src, err := entityOf(w.txn, from)
		if err != nil {
			return err
		}
		if dst.EntityKind != src.EntityKind {
			return graph.Errorf(graph.EINVALID, "cannot merge a %s into a %s", src.EntityKind, dst.EntityKind)
		}
		// Collect from's edges before changing anything.
		outgoing, err := edges(ctx, w.txn, graph.EdgeQuery{Node: from, WithProps: true})
		if err != nil {
			return err
		}
		incoming, err := edges(ctx, w.txn, graph.EdgeQuery{Node: from, In: true, WithProps: true})
		if err != nil {
			return err
		}
		all := append(outgoing, incoming...)
		for _, e := range all {
			if err := w.deleteEdge(e.From, e.Type, e.To, ""); err != nil {
				return err
			}
		}
		cur := s.cur.Load()
		for _, e := range all {
			if e.Type == graph.Mentions && e.To == from && cur.rejected(e.From, into) {
				continue // the link to the survivor was rejected by hand
			}
			if e.From == from {
				e.From = into
			}
			if e.To == from {
				e.To = into
			}
			if e.From == e.To {
				continue
			}
			if e.Type == graph.Mentions {
				for i := range e.Evidence {
					e.Evidence[i].Method = graph.MethodCurated
					e.Evidence[i].Confidence = 1
				}
				if raw, ok, err := getValue(w.txn, edgeKey(e.From, graph.Mentions, into)); err != nil {
					return err
				} else if ok {
					var old graph.Edge
					if err := decode(raw, &old); err != nil {
						return err
					}
					e.Evidence = append(old.Evidence, e.Evidence...)
					sort.SliceStable(e.Evidence, func(i, j int) bool { return e.Evidence[i].Start < e.Evidence[j].Start })
				}
				e.Weight = 1
			}
			if err := w.putEdge(e); err != nil {
				return err
			}
		}
		merged := *dst
		merged.Aliases = mergeNames(dst.Aliases, graph.EntityNames(src), dst)
		merged.Acronyms = mergeNames(dst.Acronyms, src.Acronyms, nil)
		if err := w.deleteEntity(src); err != nil {
			return err
		}
		if err := w.putNodeRecord(&merged); err != nil {
			return err
		}
		if err := w.putAliases(&merged, nil); err != nil {
			return err
		}
		// Earlier merges into from now point at into.
		c := s.cur.Load()
		c.mu.RLock()
		var earlier []string
		for f, t := range c.merges {
			if t == from {
				earlier = append(earlier, f)
			}
		}
		c.mu.RUnlock()
		now := time.Now().UTC()
		for _, f := range append(earlier, from) {
			rec, err := encode(mergeRecord{Into: into, By: by, At: now})
			if err != nil {
				return err
			}
			if err := w.set(key("c", "merge", f), rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	n, err := s.Node(ctx, into)
	if err != nil {
		return nil, err
	}
	out, _ = n.(*graph.Entity)
	return out, nil
}

// CurationVersion counts curation decisions; it changes with every one.
func (s *Store) CurationVersion() string {
	c := s.cur.Load()
	c.mu.RLock()
	defer c.mu.RUnlock()
	return strconv.FormatInt(c.version, 10)
}

// curatedEdges applies the curation decisions to a batch's edges: rejected
// mentions are dropped, mentions of merged entities go to the survivor
// (merged with a mention of it by the same mandate).
func (s *Store) curatedEdges(es []graph.Edge) []graph.Edge {
	c := s.cur.Load()
	c.mu.RLock()
	none := len(c.merges) == 0 && len(c.rejects) == 0
	c.mu.RUnlock()
	if none {
		return es
	}
	out := make([]graph.Edge, 0, len(es))
	at := map[[2]string]int{} // mandate, entity → index in out
	for _, e := range es {
		if e.Type == graph.Mentions {
			named := e.To
			e.To = c.mergedInto(e.To)
			// A rejection holds whether it was made before the entity was
			// merged (of the name found) or after (of the survivor).
			if c.rejected(e.From, e.To) || c.rejected(e.From, named) {
				continue
			}
			k := [2]string{e.From, e.To}
			if i, ok := at[k]; ok {
				out[i].Evidence = append(append([]graph.Evidence(nil), out[i].Evidence...), e.Evidence...)
				sort.SliceStable(out[i].Evidence, func(a, b int) bool { return out[i].Evidence[a].Start < out[i].Evidence[b].Start })
				continue
			}
			at[k] = len(out)
		}
		out = append(out, e)
	}
	return out
}

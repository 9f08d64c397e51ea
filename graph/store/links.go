package store

import (
	"fmt"
	"sort"

	"summitgraph/graph"
)

// Link finding: when a file is applied, its mandates are compared with the
// mandates the store holds, through the link index (links_index.go), and
// the links found are written as edges with their score and a note saying
// what matched. The rules (graph/lineage.go and below) compare two
// mandates and nothing else, so the links do not depend on the order files
// came in.

// Keys of the link families (doc.go): y|<id> the ids of a mandate's best
// RENEWS or RELATED partners (CBOR list). l|<id> held a mandate's link
// features in stores written before they were rebuilt at load
// (links_load.go): a removed mandate's is deleted with it.
const (
	famLink     = "l|"
	famPartners = "y|"
)

func linkFeaturesKey(id string) []byte { return key("l", id) }

func partnersKey(id string) []byte { return key("y", id) }

// Thresholds of the rules (precision first: a wrong link is worse than a
// missing one). Measured against nlp/testdata/eval (TestLinksEvalSet).
const (
	renewScore      = 0.5 // shared keys for a renewal, with a named entity, without a cue
	renewCueScore   = 0.4 // with a renewal word ("Continue…", "Reaffirm…")
	renewWordsScore = 0.6 // without a named entity in common
	relatedScore    = 0.35
	minLength       = 0.2 // length ratio below which two texts are not compared

	translationKeep = 0.42 // the least score of an aligned pair kept
	translationKeys = 0.12 // the least shared keys of one
)

// loadLinks builds the link index, once.
func (s *Store) loadLinks() error {
	if s.links.loaded {
		return nil
	}
	if err := s.links.load(s.db); err != nil {
		return err
	}
	w := &writer{s: s}
	s.links.rescore(func(a, b int32) (graph.EdgeType, float64) {
		t, _, _, score := w.relatedRule(a, b)
		return t, score
	})
	return s.loadPending()
}

// linkState is what one Apply's link finding keeps.
type linkState struct {
	over, under map[string]bool // keys that stopped, or became again, selective
	again       map[string]bool // mandates that lost a partner: they choose again
	touched     map[[2]string]bool
	dirty       map[string]bool // mandates whose partners changed
	copies      map[string]bool // document copies whose paragraphs changed
	aligned     map[[2]string]bool
	words       map[string][]string
	found       map[graph.EdgeType]int
	deleted     int // RENEWS and RELATED links deleted
	// choosing are the mandates FinishLinks has to choose for: they are
	// offered no partner (they choose from every candidate).
	choosing map[int32]bool
}

func (w *writer) linkState() *linkState {
	if w.ls == nil {
		w.ls = newLinkState()
	}
	return w.ls
}

func newLinkState() *linkState {
	return &linkState{over: map[string]bool{}, under: map[string]bool{}, again: map[string]bool{},
		touched: map[[2]string]bool{}, dirty: map[string]bool{},
		copies: map[string]bool{}, aligned: map[[2]string]bool{},
		words: map[string][]string{}, found: map[graph.EdgeType]int{}}
}

// unindexLinks forgets a mandate's link features (its link edges are
// deleted with its other edges), and deletes an older store's l| record.
func (w *writer) unindexLinks(id string) error {
	x := &w.s.links
	if x.loaded {
		ls := w.linkState()
		if o, ok := x.ord[id]; ok {
			if f := x.feats[o]; isParagraph(f) && f.Summit != "" {
				ls.copies[copyKey(f)] = true
			}
			for p := range x.pairs[o] {
				ls.again[x.feats[p].ID] = true
				ls.dirty[x.feats[p].ID] = true
			}
		}
		x.remove(id, func(k int32) { ls.under[x.keyNames[k]] = true })
		delete(ls.dirty, id)
	}
	if err := w.del(partnersKey(id)); err != nil {
		return err
	}
	return w.del(linkFeaturesKey(id))
}

// forgetLink is deleteEdge's part for links.
func (w *writer) forgetLink(from string, t graph.EdgeType, to string) error {
	x := &w.s.links
	if x.loaded && (t == graph.Renews || t == graph.RelatedTo) {
		a, okA := x.ord[from]
		b, okB := x.ord[to]
		if okA && okB {
			x.unpair(a, b)
		}
	}
	return nil
}

// putLink writes a link edge.
func (w *writer) putLink(t graph.EdgeType, from, to string, score float64, note string) error {
	score = graph.Round2(score)
	if score <= 0 {
		return nil
	}
	v, err := encode(graph.Edge{Weight: min(score, 1), Note: note})
	if err != nil {
		return err
	}
	if err := w.set(edgeKey(from, t, to), v); err != nil {
		return err
	}
	if err := w.set(reverseKey(to, t, from), nil); err != nil {
		return err
	}
	w.delta[statEdges]++
	w.linkState().found[t]++
	if t == graph.Renews || t == graph.RelatedTo {
		x := &w.s.links
		x.pair(x.ord[from], x.ord[to], t)
	}
	return nil
}

// findLinks indexes the batch's mandates and links them to the mandates the
// store holds. edges are the batch's edges as written.
func (w *writer) findLinks(b *graph.Batch, edges []graph.Edge, res *graph.ApplyResult) error {
	x := &w.s.links
	ls := w.linkState()
	kinds := map[string]graph.DocumentKind{}
	for _, d := range b.Documents {
		kinds[d.ID] = d.DocKind
	}
	stems := map[string][]graph.TermFreq{}
	for _, v := range b.Vectors {
		stems[v.ID] = v.Terms
	}
	ents := map[string][]string{}
	for _, e := range edges {
		if e.Type == graph.Mentions {
			ents[e.From] = append(ents[e.From], e.To)
		}
	}
	var ids []string
	for _, m := range b.Mandates {
		mm := w.written[m.ID]
		if mm == nil {
			continue
		}
		kind, ok := kinds[mm.Document]
		if !ok && mm.Document != "" {
			kind = w.documentKind(mm.Document)
		}
		var f graph.LinkFeatures
		if t, ok := b.LinkText[m.ID]; ok {
			f = graph.FeaturesFrom(mm, kind, ents[m.ID], t)
		} else {
			f = graph.Features(mm, kind, ents[m.ID], stems[m.ID])
		}
		x.add(&f, func(k int32) { ls.over[x.keyNames[k]] = true })
		ids = append(ids, f.ID)
	}
	if x.deferred != nil {
		if err := w.deferChoice(ids); err != nil {
			return err
		}
	} else if err := w.choosePartnersOf(ids); err != nil {
		return err
	}
	copies := ls.copies
	for _, id := range ids {
		if err := w.probeQuotes(id); err != nil {
			return err
		}
		if f := x.feats[x.ord[id]]; isParagraph(f) && f.Summit != "" {
			copies[copyKey(f)] = true
		}
	}
	for _, c := range sortedKeys(copies) {
		if err := w.translateCopy(c); err != nil {
			return err
		}
	}
	res.Similar = ls.found[graph.Renews] + ls.found[graph.RelatedTo]
	for _, t := range graph.LinkTypes {
		res.Links += ls.found[t]
	}
	res.Edges += res.Links
	return nil
}

// choosePartnersOf lets a batch's mandates choose their partners, and
// offers them to theirs; the mandates whose candidates changed (a key
// stopped or started again being selective, a partner removed) choose
// again. It writes the links that changed.
func (w *writer) choosePartnersOf(ids []string) error {
	x := &w.s.links
	ls := w.linkState()
	isNew := map[string]bool{}
	for _, id := range ids {
		isNew[id] = true
		w.choosePartners(id, true)
	}
	for _, k := range append(sortedKeys(ls.over), sortedKeys(ls.under)...) {
		if kid, ok := x.keyID[k]; ok {
			for _, o := range x.members(kid) {
				ls.again[x.feats[o].ID] = true
			}
		}
	}
	for _, id := range sortedKeys(ls.again) {
		if !isNew[id] {
			w.choosePartners(id, false)
		}
	}
	return w.reconcileIn(nil)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (w *writer) documentKind(id string) graph.DocumentKind {
	n, err := getNode(w.txn, id)
	if err != nil {
		return ""
	}
	if d, ok := n.(*graph.Document); ok {
		return d.DocKind
	}
	return ""
}

// choosePartners computes a mandate's best partners among its candidates;
// offer also offers it to each of them (a new mandate).
func (w *writer) choosePartners(id string, offer bool) {
	x := &w.s.links
	ls := w.linkState()
	o, ok := x.ord[id]
	if !ok {
		return
	}
	var all []scored
	for p, t := range x.pairs[o] {
		if t == graph.Renews {
			ls.touched[pairKey(id, x.feats[p].ID)] = true
		}
	}
	for _, p := range x.candidates(o) {
		t, _, _, score := w.relatedRule(o, p)
		switch t {
		case graph.Renews:
			ls.touched[pairKey(id, x.feats[p].ID)] = true
		case graph.RelatedTo:
			all = append(all, scored{p, score, t})
		}
	}
	sort.Slice(all, func(i, j int) bool { return x.better(all[i], all[j]) })
	old := x.top[o]
	top := all[:min(len(all), maxPartners):min(len(all), maxPartners)]
	for _, s := range old {
		ls.touched[pairKey(id, x.feats[s.o].ID)] = true
	}
	for _, s := range top {
		ls.touched[pairKey(id, x.feats[s.o].ID)] = true
	}
	if !samePartners(old, top) {
		ls.dirty[id] = true
	}
	if len(top) == 0 {
		delete(x.top, o)
	} else {
		x.top[o] = top
	}
	if !offer {
		return
	}
	for _, s := range all {
		t := x.top[s.o]
		if ls.choosing[s.o] || x.inTop(s.o, o) {
			// One that chooses after this one sees it among its
			// candidates.
			continue
		}
		me := scored{o, s.s, s.t}
		if len(t) == maxPartners && !x.better(me, t[len(t)-1]) {
			continue
		}
		pid := x.feats[s.o].ID
		i := sort.Search(len(t), func(i int) bool { return x.better(me, t[i]) })
		t = append(t[:i:i], append([]scored{me}, t[i:]...)...)
		if len(t) > maxPartners {
			ls.touched[pairKey(pid, x.feats[t[maxPartners].o].ID)] = true
			t = t[:maxPartners]
		}
		x.top[s.o] = t
		ls.touched[pairKey(pid, id)] = true
		ls.dirty[pid] = true
	}
}

func samePartners(a, b []scored) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// reconcile writes or deletes the RENEWS and RELATED links of the pairs
// whose partners changed: a pair is linked when either keeps the other;
// and it stores the partners that changed. between, when set, is called
// after each pair and each partners' record (a deferred ingest commits
// its transaction there when it is large enough).
func (w *writer) reconcileIn(between func() error) error {
	x := &w.s.links
	ls := w.linkState()
	pairs := sortedPairs(ls.touched)
	clear(ls.touched)
	for _, p := range pairs {
		if between != nil {
			if err := between(); err != nil {
				return err
			}
		}
		a, okA := x.ord[p[0]]
		b, okB := x.ord[p[1]]
		if !okA || !okB {
			continue
		}
		have, linked := x.pairs[a][b]
		t, from, to, score := w.relatedRule(a, b)
		if t == graph.RelatedTo && !x.inTop(a, b) && !x.inTop(b, a) {
			t = ""
		}
		if linked && have == t {
			continue
		}
		if linked {
			// The link's direction is the rule's: RELATED from the
			// smaller id, RENEWS from the later summit.
			from, to := p[0], p[1]
			if have == graph.Renews && !w.s.summitLater(x.feats[a].Summit, x.feats[b].Summit) {
				from, to = to, from
			}
			if err := w.deleteEdge(from, have, to, ""); err != nil {
				return err
			}
			x.unpair(a, b)
			ls.deleted++
		}
		if t != "" {
			if err := w.putLink(t, from, to, score, w.relatedNote(t, a, b)); err != nil {
				return err
			}
		}
		ls.dirty[p[0]], ls.dirty[p[1]] = true, true
	}
	dirty := sortedKeys(ls.dirty)
	clear(ls.dirty)
	for _, id := range dirty {
		if between != nil {
			if err := between(); err != nil {
				return err
			}
		}
		o, ok := x.ord[id]
		if !ok {
			continue
		}
		var ps storedPartners
		for _, s := range x.top[o] {
			ps.Related = append(ps.Related, x.feats[s.o].ID)
		}
		for p, t := range x.pairs[o] {
			if q := x.feats[p]; t == graph.Renews && w.s.summitLater(x.feats[o].Summit, q.Summit) {
				ps.Renews = append(ps.Renews, q.ID)
			}
		}
		sort.Strings(ps.Renews)
		if len(ps.Related)+len(ps.Renews) == 0 {
			if err := w.del(partnersKey(id)); err != nil {
				return err
			}
			continue
		}
		v, err := encode(ps)
		if err != nil {
			return err
		}
		if err := w.set(partnersKey(id), v); err != nil {
			return err
		}
	}
	return nil
}

// summitLater reports whether summit a met after summit b.
func (s *Store) summitLater(a, b string) bool {
	sa, sb := s.summit(a), s.summit(b)
	return sa != nil && sb != nil && sa.SortKey() > sb.SortKey()
}

// relatedRule decides between two mandates: RENEWS (later summit →
// earlier) when they share enough named entities, numbers and word roots
// (less with a renewal word), else RELATED (smaller id → larger) when they
// share anything, scored by the weighted cosine of their keys (entities,
// numbers, stems and roots: across languages through the entities,
// numbers and roots); "" when neither. A mandate and its own items, or
// two copies of one paragraph (its translations, a compiled copy), are not
// related: they are the same text. Scores are rounded (graph.Round2).
func (w *writer) relatedRule(a, b int32) (t graph.EdgeType, from, to string, score float64) {
	x := &w.s.links
	fa, fb := x.feats[a], x.feats[b]
	if fa.ID == fb.ID || fa.Parent == fb.ID || fb.Parent == fa.ID || sameParagraph(fa, fb) {
		return
	}
	ps := x.scores(a, b)
	if r, later, earlier, s := w.renews(fa, fb, ps); r {
		return graph.Renews, later.ID, earlier.ID, graph.Round2(s)
	}
	if score = graph.Round2(ps.cosine); score <= 0 {
		return "", "", "", 0
	}
	from, to = fa.ID, fb.ID
	if from > to {
		from, to = to, from
	}
	return graph.RelatedTo, from, to, min(score, 1)
}

// sameParagraph reports whether a and b are copies of one paragraph of a
// summit document: top-level, with the same printed number, in one
// document or in two languages of one summit (a translation, which
// TRANSLATION links).
func sameParagraph(a, b *graph.LinkFeatures) bool {
	if a.Parent != "" || b.Parent != "" || a.Number == "" || a.Number != b.Number || a.Unnumbered || b.Unnumbered ||
		!isParagraph(a) || !isParagraph(b) {
		return false
	}
	return a.Document == b.Document || (a.Summit != "" && a.Summit == b.Summit && a.Language != b.Language)
}

// renews is RENEWS' rule: mandates of two summits, the later one's text
// at least minLength of the earlier's and the other way round, sharing
// minShared selective keys and a weighted Dice of renewScore with a named
// entity (renewCueScore when the later opens with a renewal word), or
// renewWordsScore without.
func (w *writer) renews(a, b *graph.LinkFeatures, ps pairScores) (ok bool, later, earlier *graph.LinkFeatures, score float64) {
	if a.Summit == "" || b.Summit == "" || a.Summit == b.Summit || ps.selective < minShared ||
		graph.LengthRatio(a.Runes, b.Runes) < minLength {
		return
	}
	sa, sb := w.s.summit(a.Summit), w.s.summit(b.Summit)
	if sa == nil || sb == nil || sa.SortKey() == sb.SortKey() {
		return
	}
	later, earlier = a, b
	if sa.SortKey() < sb.SortKey() {
		later, earlier = b, a
	}
	cue := cueCounts(later, earlier)
	if (ps.named && (ps.dice >= renewScore || (cue && ps.dice >= renewCueScore))) || ps.dice >= renewWordsScore {
		score = ps.dice
		if cue {
			score += 0.1
		}
		return true, later, earlier, min(score, 1)
	}
	return false, nil, nil, 0
}

// cueCounts reports whether the later mandate's renewal word lowers the
// bar: within a language, always; across languages, where the keys shared
// are only entities, numbers and cognates, when the earlier text opens
// with the same renewal word in its language ("Continue…" and
// "Continuar…", "Reaffirm…" and "Réaffirmons…"): a renewal word and a few
// names in common say little by themselves.
func cueCounts(later, earlier *graph.LinkFeatures) bool {
	if later.Cue == "" {
		return false
	}
	if later.Language == "" || earlier.Language == "" || later.Language == earlier.Language {
		return true
	}
	return graph.SameCue(later.Cue, earlier.Cue)
}

// relatedNote is the evidence of a RENEWS or RELATED link between a and b:
// the rule, the score and what they share.
func (w *writer) relatedNote(t graph.EdgeType, a, b int32) string {
	x := &w.s.links
	fa, fb := x.feats[a], x.feats[b]
	ps := x.scores(a, b)
	if t == graph.Renews {
		_, later, earlier, _ := w.renews(fa, fb, ps)
		why := "restated"
		if cueCounts(later, earlier) {
			why = fmt.Sprintf("renewal word %q", later.Cue)
		}
		// graph.SharedKeys' figures, from the key ids (ps.dice is its score).
		sh := graph.Shared{Keys: x.shared(a, b, false), Score: ps.dice}
		return fmt.Sprintf("rule renews: %s; shared %.2f: %s", why, sh.Score, sh.Describe())
	}
	sh := graph.Shared{Keys: x.shared(a, b, true)}
	return fmt.Sprintf("rule related: cosine %.3f over entities, numbers, stems and roots: %s", ps.cosine, sh.Describe())
}

// shared are the keys a and b share, by name; stems only when stems is
// set (RENEWS counts none).
func (x *linkIndex) shared(a, b int32, stems bool) []string {
	ka, kb := x.keysOf[a], x.keysOf[b]
	var out []string
	i, j := 0, 0
	for i < len(ka) && j < len(kb) {
		switch {
		case ka[i] < kb[j]:
			i++
		case kb[j] < ka[i]:
			j++
		default:
			if stems || x.keyDice[ka[i]] > 0 {
				out = append(out, x.keyNames[ka[i]])
			}
			i++
			j++
		}
	}
	sort.Strings(out)
	return out
}

// words are a mandate's folded words, read once an Apply.
func (w *writer) words(id string) ([]string, error) {
	ls := w.linkState()
	if ws, ok := ls.words[id]; ok {
		return ws, nil
	}
	m := w.written[id]
	if m == nil {
		n, err := getNode(w.txn, id)
		if err != nil {
			return nil, err
		}
		mm, ok := n.(*graph.Mandate)
		if !ok {
			return nil, nil
		}
		m = mm
	}
	ws := graph.FoldWords(m.Text)
	ls.words[id] = ws
	return ws, nil
}

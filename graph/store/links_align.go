package store

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"summitgraph/graph"
)

// probeQuotes links a compiled mandate to the document paragraphs of its
// summit and language that it quotes, or a paragraph to the compiled
// mandates that quote it.
func (w *writer) probeQuotes(id string) error {
	x := &w.s.links
	o, ok := x.ord[id]
	if !ok {
		return nil
	}
	f := x.feats[o]
	if f.Summit == "" {
		return nil
	}
	switch {
	case f.Compiled:
		for _, p := range x.paras[langKey(f)] {
			if err := w.quoteRule(f, x.feats[p]); err != nil {
				return err
			}
		}
	case isParagraph(f):
		for _, c := range x.compiled[langKey(f)] {
			if err := w.quoteRule(x.feats[c], f); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *writer) quoteRule(c, p *graph.LinkFeatures) error {
	if c.Runes > p.Runes*5/4+30 || c.Runes*10 < p.Runes {
		return nil
	}
	if (c.Parent == "") != (p.Parent == "") && c.Runes*2 < p.Runes {
		return nil
	}
	cw, err := w.words(c.ID)
	if err != nil {
		return err
	}
	pw, err := w.words(p.ID)
	if err != nil {
		return err
	}
	q := graph.QuoteOf(cw, pw)
	if !q.IsQuote() {
		return nil
	}
	how := "verbatim"
	if q.Common < len(cw) || q.Common < len(pw) {
		how = "near"
	}
	note := fmt.Sprintf("rule quotes (%s): %d of the mandate's %d words, in order, are paragraph %s of %s (%d of its %d words)",
		how, q.Common, len(cw), graph.FormatNumber(p, p.Seq), p.Document, q.Common, len(pw))
	return w.putLink(graph.Quotes, c.ID, p.ID, q.Score(), note)
}

// translateCopy aligns a document copy's paragraphs with those of the
// copies of the same summit and document kind in other languages.
func (w *writer) translateCopy(ck string) error {
	x := &w.s.links
	mine := x.copies[ck]
	if len(mine) == 0 {
		return nil
	}
	f0 := x.feats[mine[0]]
	for _, other := range x.bySummit[f0.Summit] {
		theirs := x.copies[other]
		if other == ck || len(theirs) == 0 {
			continue
		}
		g0 := x.feats[theirs[0]]
		if g0.Language == f0.Language || g0.Language == "" || f0.Language == "" || g0.DocKind != f0.DocKind {
			continue
		}
		a, b := mine, theirs
		pk := [2]string{ck, other}
		if ck > other {
			a, b = b, a
			pk = [2]string{other, ck}
		}
		ls := w.linkState()
		if ls.aligned[pk] {
			continue
		}
		ls.aligned[pk] = true
		// The pair is aligned again from scratch: a paragraph that came or
		// went moves the others.
		if err := w.clearTranslations(a, b); err != nil {
			return err
		}
		if err := w.alignCopies(a, b); err != nil {
			return err
		}
	}
	return nil
}

// clearTranslations deletes the TRANSLATION links between two copies.
func (w *writer) clearTranslations(a, b []int32) error {
	x := &w.s.links
	inB := map[string]bool{}
	for _, o := range b {
		inB[x.feats[o].ID] = true
	}
	for _, o := range a {
		id := x.feats[o].ID
		var to []string
		scanKeys(w.txn, edgePrefix(id, graph.Translation), nil, func(k []byte) bool {
			if t := lastPart(k); inB[t] {
				to = append(to, t)
			}
			return true
		})
		for _, t := range to {
			if err := w.deleteEdge(id, graph.Translation, t, ""); err != nil {
				return err
			}
			if err := w.deleteEdge(t, graph.Translation, id, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// bySeq are a copy's paragraphs in order, with their keys.
func bySeq(x *linkIndex, os []int32) ([]*graph.LinkFeatures, [][]string) {
	os = slices.Clone(os)
	sort.Slice(os, func(i, j int) bool { return x.feats[os[i]].Seq < x.feats[os[j]].Seq })
	fs := make([]*graph.LinkFeatures, len(os))
	keys := make([][]string, len(os))
	for i, o := range os {
		fs[i], keys[i] = x.feats[o], x.keyStrings(o)
	}
	return fs, keys
}

// translationScore scores two paragraphs at positions i and j of their
// documents as the same paragraph in two languages; ok is false when they
// cannot be (different printed numbers, an item against a paragraph, very
// different lengths).
func translationScore(a, b *graph.LinkFeatures, ka, kb []string, i, j int) (s float64, sh graph.Shared, lr float64, ok bool) {
	if (a.Parent == "") != (b.Parent == "") {
		return 0, sh, 0, false
	}
	numbered := a.Number != "" && b.Number != "" && !a.Unnumbered && !b.Unnumbered
	if numbered && !strings.EqualFold(a.Number, b.Number) {
		return 0, sh, 0, false
	}
	lr = graph.LengthRatio(a.Runes, b.Runes)
	if lr < 0.4 {
		return 0, sh, lr, false
	}
	sh = graph.SharedKeys(ka, kb)
	s = 0.55*sh.Score + 0.15*lr
	switch {
	case numbered:
		s += 0.3
	case i == j:
		s += 0.1
	}
	return s, sh, lr, true
}

// alignCopies aligns two copies' paragraphs in order (a monotone alignment
// that maximizes the scores of the pairs above translationKeep) and links
// the pairs kept, both ways.
func (w *writer) alignCopies(ao, bo []int32) error {
	x := &w.s.links
	a, ka := bySeq(x, ao)
	b, kb := bySeq(x, bo)
	n, m := len(a), len(b)
	if n == 0 || m == 0 || n*m > 1<<20 {
		return nil
	}
	score := make([]float64, n*m)
	for i := range a {
		for j := range b {
			s, sh, _, ok := translationScore(a[i], b[j], ka[i], kb[j], i, j)
			if !ok || s < translationKeep || sh.Score < translationKeys {
				score[i*m+j] = -1
				continue
			}
			score[i*m+j] = s
		}
	}
	dp := make([]float64, (n+1)*(m+1))
	at := func(i, j int) *float64 { return &dp[i*(m+1)+j] }
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			best := max(*at(i-1, j), *at(i, j-1))
			if s := score[(i-1)*m+j-1]; s >= 0 {
				best = max(best, *at(i-1, j-1)+s)
			}
			*at(i, j) = best
		}
	}
	type match struct{ i, j int }
	var ms []match
	for i, j := n, m; i > 0 && j > 0; {
		s := score[(i-1)*m+j-1]
		switch {
		case s >= 0 && *at(i, j) == *at(i-1, j-1)+s:
			ms = append(ms, match{i - 1, j - 1})
			i, j = i-1, j-1
		case *at(i, j) == *at(i-1, j):
			i--
		default:
			j--
		}
	}
	for k := len(ms) - 1; k >= 0; k-- {
		pa, pb := a[ms[k].i], b[ms[k].j]
		s, sh, lr, _ := translationScore(pa, pb, ka[ms[k].i], kb[ms[k].j], ms[k].i, ms[k].j)
		how := "in the same place"
		if pa.Number != "" && pb.Number != "" && !pa.Unnumbered && !pb.Unnumbered {
			how = "the same printed number"
		}
		note := fmt.Sprintf("rule translation: paragraph %s of %s (%s) and %s of %s (%s): same summit and document kind, %s, aligned in order; length ratio %.2f; shared %.2f: %s",
			graph.FormatNumber(pa, ms[k].i), pa.Document, pa.Language, graph.FormatNumber(pb, ms[k].j), pb.Document, pb.Language, how, lr, sh.Score, sh.Describe())
		if err := w.putLink(graph.Translation, pa.ID, pb.ID, s, note); err != nil {
			return err
		}
		if err := w.putLink(graph.Translation, pb.ID, pa.ID, s, note); err != nil {
			return err
		}
	}
	return nil
}

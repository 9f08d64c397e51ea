package main

import (
	"context"
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"summitgraph/gql"
	"summitgraph/graph"
	"summitgraph/nlp"
)

// curatedCatalog is the catalog with the aliases analysts added, rebuilt
// when they change.
type curatedCatalog struct {
	mu      sync.Mutex
	version int64
	cat     *nlp.Catalog
}

// catalogFor returns the catalog extraction should use now.
func (a *app) extractionCatalog() *nlp.Catalog {
	aliases, version := a.store.CuratedAliases()
	a.curated.mu.Lock()
	defer a.curated.mu.Unlock()
	if a.curated.cat == nil || a.curated.version != version {
		a.curated.cat = a.catalog.WithAliases(aliases, a.store.CurationVersion())
		a.curated.version = version
	}
	return a.curated.cat
}

// IngestDocument ingests one page sent through the GraphQL mutation.
func (a *app) IngestDocument(ctx context.Context, name string, text []byte) (*gql.IngestReport, error) {
	if name == "" || name != filepath.Base(name) || strings.ContainsAny(name, " \t|") || !graph.ValidID(name) {
		return nil, graph.Errorf(graph.EINVALID, "name must be a plain file name such as \"energy.txt\" (no folders or spaces)")
	}
	rs := a.ingest(ctx, []source{{path: name, name: name, data: text}}, nil)
	if a.metrics != nil {
		a.metrics.countIngest(rs)
	}
	r := rs[0]
	if r.err != nil {
		var ie *nlp.InputError
		if errors.As(r.err, &ie) {
			return nil, graph.Errorf(graph.EINVALID, "%s", ie.Error())
		}
		return nil, r.err
	}
	rep := &gql.IngestReport{
		File: r.name, Unchanged: r.apply.Unchanged, Replaced: r.apply.Replaced,
		Mandates: r.report.Mandates, Items: r.report.Items, Entities: r.report.Entities,
		Themes: r.report.Themes, Mentions: r.report.Mentions, Similar: r.apply.Similar,
		Summits: []*gql.SummitCount{}, Warnings: []*gql.Warning{},
	}
	for _, s := range a.catalog.Summits {
		if n := r.report.BySummit[s.Label()]; n > 0 {
			rep.Summits = append(rep.Summits, &gql.SummitCount{Summit: s, Count: n})
		}
	}
	if n := r.report.BySummit[""]; n > 0 {
		rep.Summits = append(rep.Summits, &gql.SummitCount{Count: n})
	}
	for _, w := range r.report.Warnings {
		gw := &gql.Warning{File: w.File, Message: w.Message}
		if w.Line > 0 {
			line := w.Line
			gw.Line = &line
		}
		rep.Warnings = append(rep.Warnings, gw)
	}
	sort.SliceStable(rep.Warnings, func(i, j int) bool { return deref(rep.Warnings[i].Line) < deref(rep.Warnings[j].Line) })
	return rep, nil
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

package gql

import (
	"context"
	"sort"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
)

// Ingester writes sources through the ingestion pipeline, as
// `summitgraph ingest` does; *ingest.Ingester is one.
type Ingester interface {
	Ingest(ctx context.Context, srcs []ingest.Source, progress func(ingest.Result)) []ingest.Result
}

// ingestDocument ingests one page sent through the mutation and reports
// what it holds.
func (r *Resolver) ingestDocument(ctx context.Context, name, text string) (*IngestReport, error) {
	if r.Ingester == nil {
		return nil, graph.Errorf(graph.EREADONLY, "this server does not ingest documents")
	}
	src, err := ingest.Text(name, []byte(text))
	if err != nil {
		return nil, err
	}
	res := r.Ingester.Ingest(ctx, []ingest.Source{src}, nil)[0]
	if res.Err != nil {
		return nil, res.Err
	}
	summits, err := r.Store.Summits(ctx)
	if err != nil {
		return nil, err
	}
	return ingestReport(res, summits), nil
}

// ingestReport is a file's result as the mutation returns it: its counts
// by summit oldest first (summits is the catalog, in that order), then the
// unattributed ones, and its warnings in line order.
func ingestReport(res ingest.Result, summits []*graph.Summit) *IngestReport {
	rep := &IngestReport{
		File: res.Name, Unchanged: res.Apply.Unchanged, Replaced: res.Apply.Replaced,
		Mandates: res.Report.Mandates, Items: res.Report.Items, Entities: res.Report.Entities,
		Themes: res.Report.Themes, Mentions: res.Report.Mentions, Similar: res.Apply.Similar,
		Summits: []*SummitCount{}, Warnings: []*Warning{},
	}
	for _, s := range summits {
		if n := res.Report.BySummit[s.Label()]; n > 0 {
			rep.Summits = append(rep.Summits, &SummitCount{Summit: s, Count: n})
		}
	}
	if n := res.Report.BySummit[""]; n > 0 {
		rep.Summits = append(rep.Summits, &SummitCount{Count: n})
	}
	for _, w := range res.Report.Warnings {
		gw := &Warning{File: w.File, Message: w.Message}
		if w.Line > 0 {
			gw.Line = &w.Line
		}
		rep.Warnings = append(rep.Warnings, gw)
	}
	sort.SliceStable(rep.Warnings, func(i, j int) bool { return deref(rep.Warnings[i].Line) < deref(rep.Warnings[j].Line) })
	return rep
}

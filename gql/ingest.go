package gql

import (
	"context"
	"encoding/base64"
	"errors"
	"sort"
	"strings"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
)

// Ingester writes sources through the ingestion pipeline, as
// `summitgraph ingest` does; *ingest.Ingester is one.
type Ingester interface {
	Ingest(ctx context.Context, srcs []ingest.Source, progress func(ingest.Result)) []ingest.Result
}

// ingestDocument ingests one file sent through the mutation, as text or
// as base64 data, and reports what it holds.
func (r *Resolver) ingestDocument(ctx context.Context, name string, text, data *string) (*IngestReport, error) {
	if r.Ingester == nil {
		return nil, graph.Errorf(graph.EREADONLY, "this server does not ingest documents")
	}
	content, err := documentContent(text, data)
	if err != nil {
		return nil, err
	}
	src, err := ingest.Text(name, content)
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
		File: res.Name, Format: res.Report.Format, Unchanged: res.Apply.Unchanged, Replaced: res.Apply.Replaced,
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
		gw := &Warning{File: w.File, Message: w.Message, Line: positive(w.Line), Page: positive(w.Page)}
		rep.Warnings = append(rep.Warnings, gw)
	}
	sort.SliceStable(rep.Warnings, func(i, j int) bool { return deref(rep.Warnings[i].Line) < deref(rep.Warnings[j].Line) })
	return rep
}

// documentContent is the file the mutation sends: its text, or its bytes
// decoded from base64 (padded or not; white space, as line-wrapping
// encoders leave, ignored).
func documentContent(text, data *string) ([]byte, error) {
	switch {
	case text != nil && data != nil:
		return nil, graph.Errorf(graph.EINVALID, "send the file either as text or as base64 data, not both")
	case text != nil:
		return []byte(*text), nil
	case data == nil:
		return nil, graph.Errorf(graph.EINVALID, "send the file as text (text or HTML) or as base64 data (any format, PDF included)")
	}
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, *data)
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
	}
	if err != nil {
		var ce base64.CorruptInputError
		if errors.As(err, &ce) {
			return nil, graph.Errorf(graph.EINVALID, "data is not base64: bad character at offset %d (use standard base64, e.g. `base64 -w0 FILE`)", int64(ce))
		}
		return nil, graph.Errorf(graph.EINVALID, "data is not base64 (use standard base64, e.g. `base64 -w0 FILE`)")
	}
	return b, nil
}

// positive is n, or nil when n is 0 or less.
func positive(n int) *int {
	if n <= 0 {
		return nil
	}
	return &n
}

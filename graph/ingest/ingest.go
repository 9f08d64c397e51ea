// Package ingest is how files become graph: sources in (files and folders,
// a page sent to the ingestDocument mutation, the embedded seeds), each
// read into text, parsed and extracted by package nlp into a batch, and
// applied to the store (graph/store) one transaction per file, with
// progress and a report out. The command line, the server (its seeding and
// the ingestDocument mutation) and the tests all ingest through it.
//
// The steps of one file, in order:
//
//	read     Reader: the file's bytes → the text nlp parses (formats told
//	         from the content, encodings; a deadline per file)
//	process  nlp.Catalog.Process: parse, extract, build the batch
//	apply    store.Apply: one transaction, replacing an earlier version
//
// Files are read and processed on every core, ahead of the writer, and
// written one at a time in the order given.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"summitgraph/graph"
	"summitgraph/graph/ingest/reader"
	"summitgraph/graph/store"
	"summitgraph/nlp"
)

// Reader turns the bytes of a file into the text nlp parses, with its
// format, its line→page map and the reader's warnings. It is where input
// formats and encodings are told apart and undone; Read, the default,
// detects the format from the content (package reader).
type Reader func(ctx context.Context, name string, data []byte) (*reader.Text, error)

// Read is the default Reader: plain text (UTF-8, UTF-16 with a byte-order
// mark, Windows-1252), web pages and PDFs, told apart by their content.
func Read(ctx context.Context, name string, data []byte) (*reader.Text, error) {
	return reader.Read(ctx, name, data)
}

// WarmPDF starts the PDF engine now rather than on the first PDF (a
// server calls it in the background once it listens); it returns the
// engine's error, if it cannot start.
func WarmPDF() error { return reader.WarmPDF() }

// DefaultFileTimeout bounds the reading of one file (the PDF engine's work
// on a large or hostile PDF above all), not counting the engine's start.
const DefaultFileTimeout = reader.DefaultTimeout

// Options configure an Ingester.
type Options struct {
	// Reader reads each file (nil: Read).
	Reader Reader
	// FileTimeout bounds the reading of one file (0: DefaultFileTimeout);
	// a file past it fails with TIMEOUT and is not written.
	FileTimeout time.Duration
	// Workers read and process files at once (0: GOMAXPROCS).
	Workers int
	// MemTableMB is the store's memtable size for an ingest (0: the
	// store's default); see StoreOptions. Tests make it small, so that a
	// small ingest spreads its tables over levels as a large one does.
	MemTableMB int
	// MinFreeMB is the store's disk reserve for an ingest (0: the store's
	// default, store.Options.MinFreeMB); tests make it small, so that a
	// small disk holds a store at all.
	MinFreeMB int
	// Observe, when set, is told of every file's result as soon as it is
	// written (the server counts them in its metrics).
	Observe func(Result)
	// NoLinks ingests without link finding (store.Options.NoLinks): for
	// measuring what it costs.
	NoLinks bool
	// DeferLinks chooses the mandates' RENEWS and RELATED partners once,
	// after the last file (store.DeferLinks), as an ingest of BulkFiles
	// files or more does anyway; the links are the same.
	DeferLinks bool
}

// BulkFiles is the number of files from which an ingest is a bulk load
// (store.Options.Bulk): fewer go into level 0 of a store as usual.
const BulkFiles = 100

// StoreOptions are the options to open the store in dir with for an
// ingest of n files.
func StoreOptions(dir string, n int, o Options) store.Options {
	return store.Options{Dir: dir, Bulk: n >= BulkFiles, MemTableMB: o.MemTableMB, NoLinks: o.NoLinks, MinFreeMB: o.MinFreeMB}
}

// Ingester writes sources into one store, with the catalog loaded into it.
// It is safe for concurrent use: the store serializes the writes.
type Ingester struct {
	store   *store.Store
	catalog *nlp.Catalog
	opts    Options

	mu      sync.Mutex // guards the curated catalog and links
	version int64
	curated *nlp.Catalog
	links   store.LinkTotals // the last deferred ingest's partners
	linkErr error
}

// Links are the RENEWS and RELATED links the last ingest of many files
// wrote after its last file (Options.DeferLinks), and why it could not.
func (in *Ingester) Links() (store.LinkTotals, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.links, in.linkErr
}

// New returns an ingester into st, which holds cat already
// (store.LoadCatalog).
func New(st *store.Store, cat *nlp.Catalog, o Options) *Ingester {
	if o.Reader == nil {
		o.Reader = Read
	}
	if o.FileTimeout <= 0 {
		o.FileTimeout = DefaultFileTimeout
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return &Ingester{store: st, catalog: cat, opts: o}
}

// Result is what became of one file.
type Result struct {
	Name   string
	Report nlp.FileReport
	Apply  graph.ApplyResult
	// Err says why the file was not written; nothing of it was.
	Err error
}

// extractionCatalog is the catalog with the aliases analysts added,
// rebuilt when they change.
func (in *Ingester) extractionCatalog() *nlp.Catalog {
	aliases, version := in.store.CuratedAliases()
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.curated == nil || in.version != version {
		in.curated = in.catalog.WithAliases(aliases, in.store.CurationVersion())
		in.version = version
	}
	return in.curated
}

// Ingest reads and processes the sources on every core and writes them one
// by one, in order, each in its own transaction; progress, when set, is
// called with each file's result as soon as it is written. A file that
// fails is reported and not written; the others go on. Canceled, the
// files not yet written are reported as interrupted.
func (in *Ingester) Ingest(ctx context.Context, srcs []Source, progress func(Result)) []Result {
	results := make([]Result, len(srcs))
	// Observe hears of every file; progress of the files written or
	// refused, not of those an error or an interrupt stopped before.
	report := func(i int, r Result, written bool) {
		results[i] = r
		if in.opts.Observe != nil {
			in.opts.Observe(r)
		}
		if written && progress != nil {
			progress(r)
		}
	}
	known, err := in.knownDocuments(ctx)
	if err != nil {
		for i := range srcs {
			report(i, Result{Name: srcs[i].Name, Err: err}, false)
		}
		return results
	}
	cat := in.extractionCatalog()
	if len(srcs) >= BulkFiles || in.opts.DeferLinks {
		// Partners are chosen once, after the last file; interrupted, the
		// store chooses them at its next write.
		in.store.DeferLinks()
		defer func() {
			t, err := in.store.FinishLinks(ctx)
			in.mu.Lock()
			in.links, in.linkErr = t, err
			in.mu.Unlock()
		}()
	}
	type processed struct {
		p   *nlp.Processed
		err error
	}
	done := make([]chan processed, len(srcs))
	for i := range done {
		done[i] = make(chan processed, 1)
	}
	// At most 2×workers files are processed ahead of the writer, so that
	// memory stays flat however many files there are.
	sem := make(chan struct{}, 2*in.opts.Workers)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range srcs {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			next <- i
		}
	}()
	for range in.opts.Workers {
		go func() {
			for i := range next {
				p, err := in.process(ctx, cat, srcs[i], known)
				done[i] <- processed{p, err}
			}
		}()
	}
	for i, src := range srcs {
		var pr processed
		select {
		case pr = <-done[i]:
		case <-ctx.Done():
			for j := i; j < len(srcs); j++ {
				report(j, Result{Name: srcs[j].Name, Err: graph.Errorf(graph.ECANCELED, "%s: not ingested: interrupted", srcs[j].Name)}, false)
			}
			return results
		}
		r := Result{Name: src.Name, Err: pr.err}
		if pr.err == nil {
			r.Report = pr.p.Report
			r.Apply, r.Err = in.store.Apply(ctx, pr.p.Batch)
		}
		<-sem
		report(i, r, true)
	}
	return results
}

// process is the work on one file before it is written: read, then parse,
// extract and build its batch. It is pure but for reading the file.
func (in *Ingester) process(ctx context.Context, cat *nlp.Catalog, src Source, known []nlp.DocumentName) (*nlp.Processed, error) {
	data, err := src.bytes()
	if err != nil {
		return nil, err
	}
	text, err := in.read(ctx, src, data)
	if err != nil {
		return nil, err
	}
	o := nlp.Origin{Format: text.Format.String(), Pages: text.Pages, Lang: text.Lang}
	for _, w := range text.Warnings {
		o.Warnings = append(o.Warnings, nlp.Warning{File: src.Name, Line: w.Line, Page: w.Page, Message: w.Message})
	}
	p, err := cat.ProcessFrom(src.Name, text.Data, o, known)
	var ie *nlp.InputError
	if errors.As(err, &ie) {
		return nil, graph.Errorf(graph.EINVALID, "%s", ie.Error())
	}
	if err == nil && !in.opts.NoLinks {
		// Here, on every core, rather than in the one writer.
		p.Batch.LinkText = graph.LinkTextOf(p.Batch)
	}
	return p, err
}

// read runs the reader on one file under the file's deadline. A file the
// reader refuses fails with the reader's message (which names the file and,
// where known, its page, line or byte) under the reader's code.
func (in *Ingester) read(ctx context.Context, src Source, data []byte) (*reader.Text, error) {
	if reader.Detect(src.Name, data) == reader.PDF {
		// The engine's start (seconds on a cold cache) is not the file's.
		if err := WarmPDF(); err != nil {
			return nil, graph.Errorf(graph.EUNAVAILABLE, "%s: the PDF engine did not start", src.Name)
		}
	}
	rctx, cancel := context.WithTimeout(ctx, in.opts.FileTimeout)
	defer cancel()
	text, err := in.opts.Reader(rctx, src.Name, data)
	var re *reader.Error
	switch {
	case errors.As(err, &re):
		if re.Kind == reader.ErrTimeout && ctx.Err() != nil {
			return nil, graph.Errorf(graph.ECANCELED, "%s: not ingested: interrupted", src.Name)
		}
		return nil, graph.Errorf(re.Code(), "%s", re.Error())
	case err != nil:
		return nil, err
	case text == nil:
		return nil, fmt.Errorf("%s: the reader returned no text", src.Name)
	}
	return text, nil
}

// knownDocuments are the summit documents the store holds, for references
// to them by title.
func (in *Ingester) knownDocuments(ctx context.Context) ([]nlp.DocumentName, error) {
	docs, err := in.store.AllDocuments(ctx)
	if err != nil {
		return nil, err
	}
	var known []nlp.DocumentName
	for _, d := range docs {
		if s := in.catalog.Summit(d.Summit); s != nil {
			known = append(known, nlp.DocumentName{Title: d.Title, Summit: s})
		}
	}
	return known, nil
}

// SeedIfEmpty ingests the embedded corpus (Seeds) into a store that holds
// no file yet, and returns what it wrote (nothing for a store that holds
// files). The first file that fails stops it with its error.
func (in *Ingester) SeedIfEmpty(ctx context.Context) ([]Result, error) {
	st, err := in.store.Stats(ctx)
	if err != nil || st.Files > 0 {
		return nil, err
	}
	srcs, err := Seeds()
	if err != nil {
		return nil, err
	}
	results := in.Ingest(ctx, srcs, nil)
	for _, r := range results {
		if r.Err != nil {
			return results, fmt.Errorf("seed %s: %w", r.Name, r.Err)
		}
	}
	return results, nil
}

// Totals add up the results of an ingest.
type Totals struct {
	Files, Failed, Unchanged int
	Mandates, Items          int
}

// Add counts one file's result.
func (t *Totals) Add(r Result) {
	t.Files++
	switch {
	case r.Err != nil:
		t.Failed++
		return
	case r.Apply.Unchanged:
		t.Unchanged++
	}
	t.Mandates += r.Report.Mandates
	t.Items += r.Report.Items
}

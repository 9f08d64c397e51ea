package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"summitgraph/graph"
	"summitgraph/graph/store"
	"summitgraph/nlp"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "PATH...", "Ingest mandate pages: files, or folders (their *.txt files, recursively).\nA file that fails is not written; the others are. Exit status 1 if any failed.")
	quiet := fs.Bool("q", false, "print only the totals and the failures")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this file (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the ingest to this file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer func() {
			if f, err := os.Create(*memProfile); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}()
	}
	if fs.NArg() == 0 {
		return usageError("give one or more files or folders to ingest")
	}
	srcs, err := collectSources(fs.Args())
	if err != nil {
		return err
	}
	opts := store.Options{Dir: e.storeDir, Bulk: len(srcs) >= bulkFiles, MemTableMB: ingestMemTableMB}
	a, err := openAppWith(ctx, opts)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			a.Close()
		}
	}()
	if st, err := a.store.Stats(ctx); err == nil {
		softMemoryLimit(ingestMemoryLimit(int64(st.Mandates), inputBytes(srcs)))
	}
	var bar *progressbar.ProgressBar
	if len(srcs) >= 20 && isTerminal(e.stderr) {
		bar = progressbar.NewOptions(len(srcs), progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("ingest"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
	}
	start := time.Now()
	out := &ingestPrinter{stdout: e.stdout, stderr: e.stderr, quiet: *quiet || bar != nil}
	a.ingest(ctx, srcs, func(r fileResult) {
		out.file(r)
		if bar != nil {
			bar.Add(1)
		}
	})
	if bar != nil {
		bar.Finish()
	}
	err = out.done(time.Since(start))
	// Many files written leave the tables spread over levels, which slows
	// every read after; the store tells whether that is so. It is asked
	// also when nothing was written: a compaction that was cut short (a
	// kill, a full disk) is done by the next ingest.
	compact := a.store.NeedsCompaction()
	closed = true
	if cerr := a.Close(); cerr != nil {
		return errors.Join(err, cerr)
	}
	if !compact {
		return err
	}
	if ctx.Err() != nil {
		fmt.Fprintln(e.stderr, "store not compacted: interrupted (summitgraph compact, or the next ingest, does it)")
		return err
	}
	fmt.Fprintln(e.stdout, "compacting the store")
	cstart := time.Now()
	if cerr := compactStore(opts); cerr != nil {
		fmt.Fprintf(e.stderr, "store not compacted: %s\n", userMessage(cerr))
	} else {
		fmt.Fprintf(e.stdout, "compacted the store in %s\n", time.Since(cstart).Round(time.Millisecond))
	}
	return err
}

// bulkFiles is the number of files from which an ingest is a bulk load
// (graph.Options.Bulk): fewer go into level 0 of a store as usual.
const bulkFiles = 100

// ingestMemTableMB is the store's memtable size during an ingest (0: the
// store's default). Tests make it small, so that a small ingest spreads
// its tables over levels as a large one does.
var ingestMemTableMB = 0

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// source is one input file.
type source struct {
	path string // as found
	name string // base name: the file's identity in the store
	data []byte // when given directly (the seeds, the ingestDocument mutation)
}

// collectSources expands folders into their *.txt files. A path that does
// not exist or a folder that cannot be read stops everything before
// anything is written.
func collectSources(paths []string) ([]source, error) {
	var out []source
	seen := map[string]string{}
	add := func(p string) error {
		name := filepath.Base(p)
		if prev, ok := seen[name]; ok {
			return fmt.Errorf("%s and %s have the same file name; the store knows files by name, rename one", prev, p)
		}
		seen[name] = p
		out = append(out, source{path: p, name: name})
		return nil
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		if !info.IsDir() {
			if err := add(p); err != nil {
				return nil, err
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %w", path, unwrapPathError(err))
			}
			if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != p {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".txt") && !strings.HasPrefix(d.Name(), ".") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			if err := add(f); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fileResult is what became of one file.
type fileResult struct {
	name   string
	report nlp.FileReport
	apply  graph.ApplyResult
	err    error
}

// ingest processes the sources on every core (parsing and extraction are
// pure) and writes them one by one, in order, each in its own transaction.
// A file that fails is reported and not written; the others go on.
func (a *app) ingest(ctx context.Context, srcs []source, progress func(fileResult)) []fileResult {
	results := make([]fileResult, len(srcs))
	docs, err := a.store.AllDocuments(ctx)
	if err != nil {
		for i := range results {
			results[i] = fileResult{name: srcs[i].name, err: err}
		}
		return results
	}
	cat := a.extractionCatalog()
	var known []nlp.DocumentName
	for _, d := range docs {
		if s := a.catalog.Summit(d.Summit); s != nil {
			known = append(known, nlp.DocumentName{Title: d.Title, Summit: s})
		}
	}
	workers := runtime.GOMAXPROCS(0)
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
	sem := make(chan struct{}, 2*workers)
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
	for range workers {
		go func() {
			for i := range next {
				src := srcs[i]
				data := src.data
				var err error
				if data == nil {
					data, err = os.ReadFile(src.path)
					if err != nil {
						err = fmt.Errorf("%s: %w", src.path, unwrapPathError(err))
					}
				}
				var p *nlp.Processed
				if err == nil {
					p, err = cat.Process(src.name, data, known)
				}
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
				results[j] = fileResult{name: srcs[j].name, err: graph.Errorf(graph.ECANCELED, "%s: not ingested: interrupted", srcs[j].name)}
			}
			return results
		}
		r := fileResult{name: src.name, err: pr.err}
		if pr.err == nil {
			r.report = pr.p.Report
			r.apply, r.err = a.store.Apply(ctx, pr.p.Batch)
		}
		results[i] = r
		<-sem
		if progress != nil {
			progress(r)
		}
	}
	return results
}

// ingestPrinter prints each file's report as soon as it is written (so
// that a long ingest shows where it is) and the totals at the end.
type ingestPrinter struct {
	stdout, stderr                            io.Writer
	quiet                                     bool
	files, mandates, items, failed, unchanged int
}

func (p *ingestPrinter) file(r fileResult) {
	p.files++
	if r.err != nil {
		p.failed++
		fmt.Fprintf(p.stderr, "FAILED %s\n", userMessage(r.err))
		return
	}
	if r.apply.Unchanged {
		p.unchanged++
	}
	p.mandates += r.report.Mandates
	p.items += r.report.Items
	if p.quiet {
		return
	}
	state := ""
	switch {
	case r.apply.Unchanged:
		state = " (unchanged: already in the store)"
	case r.apply.Replaced:
		state = " (replaced the earlier version)"
	}
	fmt.Fprintf(p.stdout, "%s: %d mandates, %d items, %d conventions and institutions, %d themes, %d mentions, %d similar pairs%s\n",
		r.name, r.report.Mandates, r.report.Items, r.report.Entities, r.report.Themes, r.report.Mentions, r.apply.Similar, state)
	var summits []string
	for label, n := range r.report.BySummit {
		if label == "" {
			label = "unattributed"
		}
		summits = append(summits, fmt.Sprintf("%s: %d", label, n))
	}
	sort.Strings(summits)
	if len(summits) > 0 {
		fmt.Fprintf(p.stdout, "  by summit: %s\n", strings.Join(summits, ", "))
	}
	for _, w := range r.report.Warnings {
		fmt.Fprintf(p.stdout, "  warning: %s\n", w)
	}
}

// done prints the totals; it returns an error when any file failed.
func (p *ingestPrinter) done(took time.Duration) error {
	fmt.Fprintf(p.stdout, "ingested %d files (%d unchanged, %d failed): %d mandates, %d items in %s\n",
		p.files-p.failed, p.unchanged, p.failed, p.mandates, p.items, took.Round(time.Millisecond))
	if p.failed > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%d of %d files failed and were not written", p.failed, p.files)}
	}
	return nil
}

// ingestMemoryLimit is the soft memory limit of an ingest into a store of
// stored mandates and items, of input bytes of pages. What an ingest
// keeps live is Badger's memtables and table builders (about 250 MiB)
// and the similarity index, which grows with the mandates and items
// (97 MB at 178,000: about 550 bytes each); a generated page takes about
// 350 bytes a mandate or item. So 256 MiB and 1.5 KiB a mandate, and
// never under 512 MiB: 100,000 mandates then get 512 MiB, which took as
// long as 768 MiB with a third less private memory, and 200,000 get
// 790 MiB, where 512 MiB made the collector run all the time (1 m 42 s
// against 1 m 0 s; BENCHMARKS.md).
func ingestMemoryLimit(stored, input int64) int64 {
	return max(512<<20, 256<<20+1536*(stored+input/350))
}

// inputBytes is the size of the sources, as far as it can be told.
func inputBytes(srcs []source) int64 {
	var n int64
	for _, s := range srcs {
		if s.data != nil {
			n += int64(len(s.data))
		} else if fi, err := os.Stat(s.path); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// softMemoryLimit sets the Go runtime's soft memory limit, unless
// GOMEMLIMIT does: the collector then works harder rather than let the
// heap grow past it (it is not a hard cap).
func softMemoryLimit(bytes int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(bytes)
	}
}

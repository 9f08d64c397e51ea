package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"summitgraph/graph/ingest"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "PATH...", "Ingest mandate pages and summit documents: files, or folders (their *.txt, *.html,\n*.htm and *.pdf files, recursively). The format is told from the content: text\n(UTF-8, UTF-16 with a byte-order mark, Windows-1252), web pages, PDFs with a text layer.\nA file that fails is not written; the others are. Exit status 1 if any failed.")
	quiet := fs.Bool("q", false, "print only the totals and the failures")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this file (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the ingest to this file")
	links := fs.Bool("links", true, "find the links between mandates (QUOTES, TRANSLATION, RENEWS, RELATED); --links=false to time an ingest without them (the store then has none)")
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
	// A bad path is reported and counted as failed; the good ones are
	// ingested all the same.
	srcs, badPaths := ingest.Paths(fs.Args())
	if len(srcs) == 0 && badPaths != nil {
		return badPaths
	}
	iopts := e.ingest
	iopts.NoLinks = !*links
	opts := ingest.StoreOptions(e.storeDir, len(srcs), iopts)
	a, err := openAppWith(ctx, opts, adviceIngest)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			a.Close()
		}
	}()
	in := ingest.New(a.store, a.catalog, iopts)
	in.LimitMemory(ctx, srcs)
	var bar *progressbar.ProgressBar
	if len(srcs) >= 20 && isTerminal(e.stderr) {
		bar = progressbar.NewOptions(len(srcs), progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("ingest"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
	}
	start := time.Now()
	out := &ingestPrinter{stdout: e.stdout, stderr: e.stderr, quiet: *quiet || bar != nil}
	out.badPaths(badPaths)
	in.Ingest(ctx, srcs, func(r ingest.Result) {
		out.file(r)
		if bar != nil {
			bar.Add(1)
		}
	})
	if bar != nil {
		bar.Finish()
	}
	lt, lerr := in.Links()
	if lt.Mandates > 0 && !out.quiet {
		fmt.Fprintf(e.stdout, "chose the partners of %s: %s\n", count(lt.Mandates, "mandate"), count(lt.Links, "RENEWS or RELATED link"))
	}
	err = out.done(time.Since(start))
	if lerr != nil && ctx.Err() == nil {
		fmt.Fprintf(e.stderr, "FAILED links: %s (the next ingest finds them)\n", userMessage(lerr))
		err = errors.Join(err, &exitError{code: 1, err: lerr})
	}
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

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// ingestPrinter prints each file's report as soon as it is written (so
// that a long ingest shows where it is) and the totals at the end.
type ingestPrinter struct {
	stdout, stderr io.Writer
	quiet          bool
	totals         ingest.Totals
}

func (p *ingestPrinter) file(r ingest.Result) {
	p.totals.Add(r)
	if r.Err != nil {
		fmt.Fprintf(p.stderr, "FAILED %s\n", userMessage(r.Err))
		return
	}
	if p.quiet {
		return
	}
	state := ""
	switch {
	case r.Apply.Unchanged:
		state = " (unchanged: already in the store)"
	case r.Apply.Replaced:
		state = " (replaced the earlier version)"
	}
	fmt.Fprintf(p.stdout, "%s: %s, %s, %s, %s, %s, %s%s\n", r.Name, count(r.Report.Mandates, "mandate"), count(r.Report.Items, "item"),
		count(r.Report.Entities, "convention or institution", "conventions and institutions"), count(r.Report.Themes, "theme"),
		count(r.Report.Mentions, "mention"), count(r.Apply.Similar, "similar pair"), state)
	var summits []string
	for label, n := range r.Report.BySummit {
		if label == "" {
			label = "unattributed"
		}
		summits = append(summits, fmt.Sprintf("%s: %d", label, n))
	}
	sort.Strings(summits)
	if len(summits) > 0 {
		fmt.Fprintf(p.stdout, "  by summit: %s\n", strings.Join(summits, ", "))
	}
	for _, w := range r.Report.Warnings {
		fmt.Fprintf(p.stdout, "  warning: %s\n", w)
	}
}

// badPaths reports the paths that gave no file (errors.Join of them).
func (p *ingestPrinter) badPaths(err error) {
	if err == nil {
		return
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		fmt.Fprintf(p.stderr, "FAILED %s\n", userMessage(e))
		p.totals.Files++
		p.totals.Failed++
	}
}

// done prints the totals; it returns an error when any file failed.
func (p *ingestPrinter) done(took time.Duration) error {
	t := p.totals
	fmt.Fprintf(p.stdout, "ingested %s (%d unchanged, %d failed): %s, %s in %s\n",
		count(t.Files-t.Failed, "file"), t.Unchanged, t.Failed, count(t.Mandates, "mandate"), count(t.Items, "item"), took.Round(time.Millisecond))
	if t.Failed > 0 {
		were := "were"
		if t.Failed == 1 {
			were = "was"
		}
		return &exitError{code: 1, err: fmt.Errorf("%d of %s failed and %s not written", t.Failed, count(t.Files, "file"), were)}
	}
	return nil
}

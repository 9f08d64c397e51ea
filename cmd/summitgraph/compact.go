package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"summitgraph/graph/store"
)

func runCompact(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "compact", "", "Rewrite the store's tables into one level, the shape reads are fastest on. An ingest\nthat leaves a tenth or more of the store above the last level does it by itself; this is\nfor a store where that was skipped (too little disk) or cut short.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	start := time.Now()
	if err := compactStore(store.Options{Dir: e.storeDir}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "compacted the store in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// compactStore runs graph.Compact, naming the holder of a store in use.
// A compaction cannot be stopped half-way, but killing it is safe
// (TestKillDuringCompaction): from here an interrupt ends the process.
func compactStore(opts store.Options) error {
	signal.Reset(os.Interrupt, syscall.SIGTERM)
	err := store.Compact(opts)
	if store.IsHeld(err) {
		return heldError(opts.Dir, "stop it first: compaction rewrites every table of the store")
	}
	return err
}

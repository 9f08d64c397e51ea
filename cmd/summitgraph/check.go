package main

import (
	"context"
	"fmt"

	"summitgraph/graph/store"
)

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "check", "", "Verify the store without changing it: its MANIFEST against its table files, every table\nagainst its checksums, its logs entry by entry, every key and value read back and every node\nrecord decoded. Exit status 1 when it is damaged. Badger offers no safe repair: restore the\nlast backup (summitgraph --store NEW restore FILE).")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError("check takes no arguments (the store is --store)")
	}
	r, err := store.Check(ctx, e.storeDir)
	if store.IsHeld(err) {
		return heldError(e.storeDir, adviceCheck)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "store %s is whole: %s (%d MiB) read against their checksums, %s read, %s decoded\n",
		e.storeDir, count(r.Tables, "table"), r.TableBytes>>20, count(r.Keys, "key and value", "keys and values"), count(r.Nodes, "node record"))
	return nil
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"summitgraph/graph/ingest"
	"summitgraph/nlp/synth"
)

func runGen(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "gen", "--mandates N --out DIR [--seed S] [--per-file N] [--uncited SHARE] [--force]",
		"Generate a deterministic synthetic corpus of mandate pages (synth-00001.txt, …) for benchmarks,\nload tests and crash tests: the same flags give the same files on any machine.")
	mandates := fs.Int("mandates", 0, "number of top-level mandates to generate (required)")
	out := fs.String("out", "", "folder to write the files to, created if needed (required)")
	seed := fs.Int64("seed", 1, "seed: another seed, another corpus")
	perFile := fs.Int("per-file", synth.DefaultPerFile, "about how many mandates a file holds")
	uncited := fs.Float64("uncited", 0, "share of mandates (0 to 1) printed without a citation, as on pages cut off")
	near := fs.Int("near", 250, "report the entity mentioned in the number of mandates closest to this")
	force := fs.Bool("force", false, "write into a folder that is not empty, removing the synth-*.txt files it holds")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usageError("unexpected arguments %q (flags go before them)", fs.Args())
	case *mandates <= 0:
		return usageError("--mandates must be a positive number")
	case *out == "":
		return usageError("--out is required: the folder to write the files to")
	case *perFile <= 0:
		return usageError("--per-file must be a positive number")
	case *uncited < 0 || *uncited > 1:
		return usageError("--uncited must be between 0 and 1")
	}
	if err := prepareGenOut(*out, *force); err != nil {
		return err
	}
	cat, err := ingest.Catalog()
	if err != nil {
		return err
	}
	start := time.Now()
	st, err := synth.Generate(cat, synth.Options{Mandates: *mandates, Seed: *seed, PerFile: *perFile, Uncited: *uncited},
		func(name string, data []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(*out, name), data, 0o644)
		})
	took := time.Since(start)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted after %s", count(st.Files, "file"))
		}
		return err
	}
	printGen(e.stdout, *out, *seed, *near, st, took)
	return nil
}

// prepareGenOut creates the output folder, or checks that it is empty; with
// force, it removes the synth-*.txt files an earlier run left in it.
func prepareGenOut(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("%s: %w", dir, ingest.PathError(err))
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", dir, ingest.PathError(err))
	}
	if len(entries) == 0 {
		return nil
	}
	if !force {
		return fmt.Errorf("%s is not empty (%s): choose an empty or new folder, or pass --force", dir, count(len(entries), "entry", "entries"))
	}
	old, err := filepath.Glob(filepath.Join(dir, "synth-*.txt"))
	if err != nil {
		return err
	}
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			return fmt.Errorf("%s: %w", p, ingest.PathError(err))
		}
	}
	return nil
}

func printGen(w io.Writer, dir string, seed int64, near int, st synth.Stats, took time.Duration) {
	fmt.Fprintf(w, "wrote %s to %s (seed %d): %s, %s, %s, %.1f MB\n",
		count(st.Files, "file"), dir, seed, count(st.Mandates, "mandate"), count(st.Items, "item"), count(st.Spanish, "Spanish page"), float64(st.Bytes)/1e6)
	if st.Uncited > 0 {
		fmt.Fprintf(w, "%s without a citation\n", count(st.Uncited, "mandate or item", "mandates and items"))
	}
	if top := st.Top(5); len(top) > 0 {
		fmt.Fprintln(w, "most mentioned (mandates and items naming them):")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, ec := range top {
			fmt.Fprintf(tw, "  %s\t%s\t%d\n", ec.ID, ec.Name, ec.Mandates)
		}
		tw.Flush()
	}
	if ec, ok := st.Closest(near); ok {
		fmt.Fprintf(w, "closest to %s: %s (%s): %s\n", count(near, "mandate"), ec.ID, ec.Name, count(ec.Mandates, "mandate"))
	}
	fmt.Fprintf(w, "generated in %s\n", took.Round(time.Millisecond))
}

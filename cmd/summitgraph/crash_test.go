package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"summitgraph/graph"
	"summitgraph/nlp/nlptest"
	"summitgraph/nlp/synth"
)

// TestKillDuringIngest kills a real ingest process (kill -9) while it
// writes a generated corpus, then checks that every file is in the store
// whole or not at all, that the store opens without a repair step, and
// that ingesting again completes it. SUMMITGRAPH_CRASH_MANDATES sets the
// corpus size (4,000 by default; the figure is 20,000).
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a real process; not in -short")
	}
	mandates := 4000
	if v := os.Getenv("SUMMITGRAPH_CRASH_MANDATES"); v != "" {
		mandates, _ = strconv.Atoi(v)
	}
	cat, err := nlptest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	corpus := t.TempDir()
	pages := map[string][]byte{}
	_, err = synth.Generate(cat, synth.Options{Mandates: mandates, Seed: 7, PerFile: 50}, func(name string, data []byte) error {
		pages[name] = append([]byte(nil), data...)
		return os.WriteFile(filepath.Join(corpus, name), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	store := t.TempDir()
	cmd := exec.Command(os.Args[0], "--store", store, "ingest", corpus)
	cmd.Env = append(os.Environ(), "SUMMITGRAPH_TEST_MAIN=1")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once a third of the files are written: it is then in the
	// middle of writing the next one.
	written := 0
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "synth-") {
			if written++; written >= len(pages)/3 {
				break
			}
		}
	}
	time.Sleep(time.Duration(5+written%20) * time.Millisecond)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if written < 1 || written >= len(pages) {
		t.Fatalf("killed after %d of %d files: not in the middle", written, len(pages))
	}

	// Whole or absent: a file the store records has all its mandates, with
	// their edges; a file it does not record has none that are its own.
	st, err := graph.Open(graph.Options{Dir: store})
	if err != nil {
		t.Fatalf("the store does not open after kill -9: %v", err)
	}
	ctx := context.Background()
	files, err := st.Files(ctx)
	if err != nil {
		t.Fatal(err)
	}
	recorded := map[string]bool{}
	for _, f := range files {
		recorded[f.Name] = true
	}
	batches := map[string]*graph.Batch{}
	owned := map[string]bool{} // mandate ids of the recorded files
	for name, data := range pages {
		p, err := cat.Process(name, data, nil)
		if err != nil {
			t.Fatal(err)
		}
		batches[name] = p.Batch
		if recorded[name] {
			for _, m := range p.Batch.Mandates {
				owned[m.ID] = true
			}
		}
	}
	present, absent := 0, 0
	for name, b := range batches {
		var missing, found int
		for _, m := range b.Mandates {
			if !recorded[name] && owned[m.ID] {
				continue // the same mandate printed in a file that is there
			}
			if _, err := st.Node(ctx, m.ID); err == nil {
				found++
			} else {
				missing++
			}
		}
		switch {
		case recorded[name] && missing == 0:
			present++
			es, err := st.Edges(ctx, graph.EdgeQuery{Node: b.Mandates[0].ID, Type: graph.From})
			if err != nil || len(es) != 1 {
				t.Errorf("%s: its first mandate has %d FROM edges (%v)", name, len(es), err)
			}
		case !recorded[name] && found == 0:
			absent++
		default:
			t.Errorf("%s is half there: recorded %v, %d mandates found, %d missing", name, recorded[name], found, missing)
		}
	}
	if present < written {
		t.Errorf("%d files reported written, %d in the store", written, present)
	}
	t.Logf("killed after %d reported files: %d whole, %d absent, of %d", written, present, absent, len(pages))
	before, _ := st.Stats(ctx)
	st.Close()

	// Ingesting again completes the corpus; the files already there are
	// unchanged.
	code, out, errs := run(t, "--store", store, "ingest", "-q", corpus)
	if code != 0 {
		t.Fatalf("second ingest: %d %s", code, errs)
	}
	if !strings.Contains(out, "("+strconv.Itoa(present)+" unchanged, 0 failed)") {
		t.Errorf("second ingest: %s", out)
	}
	st, err = graph.Open(graph.Options{Dir: store})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, _ := st.Stats(ctx)
	if after.Files != len(pages) || after.Mandates <= before.Mandates {
		t.Errorf("after the second ingest: %+v (before %+v)", after, before)
	}
}

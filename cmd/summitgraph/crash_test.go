package main

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"summitgraph/graph"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
	"summitgraph/nlp"
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
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	corpus, pages := writeCorpus(t, cat, synth.Options{Mandates: mandates, Seed: 7, PerFile: 20})
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "--store", dir, "ingest", corpus)
	// Small memtables and over 100 files (a bulk ingest): the kill leaves
	// tables in level 0 and a log to replay, as it does in a large ingest.
	cmd.Env = append(os.Environ(), "SUMMITGRAPH_TEST_MAIN=1", "SUMMITGRAPH_TEST_MEMTABLE_MB=5")
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
	// The store as the kill left it (its log not replayed) can be
	// compacted into one level, and loses nothing by it (checked below).
	// With SUMMITGRAPH_CRASH_MANDATES=20000, a Compact that did not wait
	// for the replayed log left a level-0 table after the flatten.
	if code, _, errs := run(t, "--store", dir, "compact"); code != 0 {
		t.Fatalf("compact after kill -9: exit %d: %s", code, errs)
	}
	if st, err := store.Open(store.Options{Dir: dir, ReadOnly: true}); err != nil {
		t.Fatalf("open after compact: %v", err)
	} else {
		if st.NeedsCompaction() {
			t.Error("compact after kill -9 left the store spread over levels")
		}
		st.Close()
	}

	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatalf("the store does not open after kill -9: %v", err)
	}
	ctx := context.Background()
	present, absent := wholeOrAbsent(t, st, cat, pages)
	if present < written {
		t.Errorf("%d files reported written, %d in the store", written, present)
	}
	t.Logf("killed after %d reported files: %d whole, %d absent, of %d", written, present, absent, len(pages))
	before, _ := st.Stats(ctx)
	st.Close()

	// Ingesting again completes the corpus; the files already there are
	// unchanged.
	code, out, errs := run(t, "--store", dir, "ingest", "-q", corpus)
	if code != 0 {
		t.Fatalf("second ingest: %d %s", code, errs)
	}
	if !strings.Contains(out, "("+strconv.Itoa(present)+" unchanged, 0 failed)") {
		t.Errorf("second ingest: %s", out)
	}
	st, err = store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, _ := st.Stats(ctx)
	if after.Files != len(pages) || after.Mandates <= before.Mandates {
		t.Errorf("after the second ingest: %+v (before %+v)", after, before)
	}
}

// TestKillDuringCompaction kills an ingest (kill -9) while it compacts the
// store, after writing its files: every file is then whole, the store
// opens, and the next ingest, which has nothing to write, compacts it.
func TestKillDuringCompaction(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a real process; not in -short")
	}
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	corpus, pages := writeCorpus(t, cat, synth.Options{Mandates: 3000, Seed: 9, PerFile: 10})
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "--store", dir, "ingest", "-q", corpus)
	cmd.Env = append(os.Environ(), "SUMMITGRAPH_TEST_MAIN=1", "SUMMITGRAPH_TEST_MEMTABLE_MB=5")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	var lines []string
	for sc.Scan() {
		if lines = append(lines, sc.Text()); sc.Text() == "compacting the store" {
			break
		}
	}
	// The compaction takes about a tenth of a second here: kill it in
	// its first 20 ms, at a different point each run.
	time.Sleep(time.Duration(time.Now().UnixNano()%20) * time.Millisecond)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if len(lines) == 0 || lines[len(lines)-1] != "compacting the store" {
		t.Fatalf("the ingest did not start compacting:\n%s", strings.Join(lines, "\n"))
	}

	// Read-only, Badger refuses a store whose log was left open (the kill
	// may also come before Compact opened it): the refusal says why.
	if ro, err := store.Open(store.Options{Dir: dir, ReadOnly: true}); err == nil {
		ro.Close()
	} else if graph.ErrorCode(err) != graph.EUNAVAILABLE || !strings.Contains(err.Error(), "not closed") {
		t.Errorf("read-only open after kill -9: %v", err)
	}
	// Read right after opening, before background compactions could
	// change it.
	st, err := store.Open(store.Options{Dir: dir, Bulk: true})
	if err != nil {
		t.Fatalf("the store does not open after kill -9: %v", err)
	}
	if !st.NeedsCompaction() {
		t.Error("the compaction was done before the kill: it was not tested")
	}
	present, absent := wholeOrAbsent(t, st, cat, pages)
	st.Close()
	if present != len(pages) || absent != 0 {
		t.Fatalf("%d files whole and %d absent of %d, after all were written", present, absent, len(pages))
	}

	code, out, errs := run(t, "--store", dir, "ingest", "-q", corpus)
	if code != 0 || !strings.Contains(out, "("+strconv.Itoa(len(pages))+" unchanged, 0 failed)") || !strings.Contains(out, "compacted the store in") {
		t.Fatalf("second ingest: exit %d\n%s%s", code, out, errs)
	}
	st, err = store.Open(store.Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.NeedsCompaction() {
		t.Errorf("the store is still spread over levels after the second ingest:\n%s", out)
	}
}

// writeCorpus generates a corpus into a new folder, and returns the folder
// and the pages by name.
func writeCorpus(t *testing.T, cat *nlp.Catalog, opts synth.Options) (string, map[string][]byte) {
	t.Helper()
	corpus := t.TempDir()
	pages := map[string][]byte{}
	_, err := synth.Generate(cat, opts, func(name string, data []byte) error {
		pages[name] = append([]byte(nil), data...)
		return os.WriteFile(filepath.Join(corpus, name), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return corpus, pages
}

// wholeOrAbsent checks that every generated file is in the store whole (the
// store records it, and has all its mandates with their edges) or absent
// (not recorded, and none of its own mandates is there), and counts them.
func wholeOrAbsent(t *testing.T, st *store.Store, cat *nlp.Catalog, pages map[string][]byte) (present, absent int) {
	t.Helper()
	// Whole or absent: a file the store records has all its mandates, with
	// their edges; a file it does not record has none that are its own.
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
	return present, absent
}

// TestDiskFull ingests a generated corpus into a store on a tmpfs too small
// for it (as root, where tmpfs can be mounted; skipped elsewhere): once the
// disk is nearly full the ingest refuses the remaining files with a clear
// message, and every file is whole or absent in the store, copied to a disk
// with room and opened there.
func TestDiskFull(t *testing.T) {
	if testing.Short() || os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs; not in -short")
	}
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	corpus, pages := writeCorpus(t, cat, synth.Options{Mandates: 8000, Seed: 11, PerFile: 50})
	small := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=176M", "tmpfs", small).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	defer exec.Command("umount", "-l", small).Run()
	dir := filepath.Join(small, "store")
	cmd := exec.Command(os.Args[0], "--store", dir, "ingest", "-q", corpus)
	cmd.Env = append(os.Environ(), "SUMMITGRAPH_TEST_MAIN=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the ingest did not fail on a full disk:\n%s", out)
	}
	t.Logf("the ingest failed: %v; %s", err, lastLine(string(out)))
	if !strings.Contains(string(out), "free on the disk of store") || !strings.Contains(string(out), "free some space and ingest it again") {
		t.Errorf("no clear message about the disk:\n%s", lastLine(string(out)))
	}
	copyDir := t.TempDir()
	if out, err := exec.Command("cp", "-a", dir+"/.", copyDir).CombinedOutput(); err != nil {
		t.Fatalf("copy the store: %v %s", err, out)
	}
	st, err := store.Open(store.Options{Dir: copyDir})
	if err != nil {
		t.Fatalf("the store does not open after a full disk: %v", err)
	}
	defer st.Close()
	present, absent := wholeOrAbsent(t, st, cat, pages)
	if absent == 0 || present == 0 {
		t.Errorf("%d files whole, %d absent: the disk should fill part-way", present, absent)
	}
	t.Logf("after the disk filled: %d files whole, %d absent, of %d", present, absent, len(pages))
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// TestDiskFilledDuringIngest fills a tmpfs from outside while an ingest
// writes to it (as root; skipped elsewhere), leaving less than a write
// needs: the ingest refuses the files it has not written with a clear
// message and exits 1 (no crash, no SIGBUS), and every file is whole or
// absent in the store.
func TestDiskFilledDuringIngest(t *testing.T) {
	if testing.Short() || os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs; not in -short")
	}
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	corpus, pages := writeCorpus(t, cat, synth.Options{Mandates: 6000, Seed: 13, PerFile: 25})
	small := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=320M", "tmpfs", small).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	defer exec.Command("umount", "-l", small).Run()
	dir := filepath.Join(small, "store")
	var out syncBuffer
	cmd := exec.Command(os.Args[0], "--store", dir, "ingest", corpus)
	cmd.Env = append(os.Environ(), "SUMMITGRAPH_TEST_MAIN=1", "SUMMITGRAPH_TEST_MEMTABLE_MB=5")
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Once some files are written, fill the disk to 100 MiB free: less
	// than a write needs (128 MiB), more than Badger's flushes take.
	deadline := time.Now().Add(2 * time.Minute)
	for strings.Count(out.String(), " mandates, ") < 20 && time.Now().Before(deadline) && cmd.ProcessState == nil {
		time.Sleep(20 * time.Millisecond)
	}
	var st unix.Statfs_t
	if err := unix.Statfs(small, &st); err != nil {
		t.Fatal(err)
	}
	free := int64(st.Bavail) * int64(st.Bsize)
	if fill := free - 100<<20; fill > 0 {
		f, err := os.Create(filepath.Join(small, "filler"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(make([]byte, fill)); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("the ingest ended with %v, want exit status 1 (a crash is a signal):\n%s", err, lastLine(out.String()))
	}
	if !strings.Contains(out.String(), "free on the disk of store") {
		t.Errorf("no clear message about the disk:\n%s", lastLine(out.String()))
	}
	os.Remove(filepath.Join(small, "filler"))
	copyDir := t.TempDir()
	if o, err := exec.Command("cp", "-a", dir+"/.", copyDir).CombinedOutput(); err != nil {
		t.Fatalf("copy the store: %v %s", err, o)
	}
	s, err := store.Open(store.Options{Dir: copyDir})
	if err != nil {
		t.Fatalf("the store does not open after the disk filled: %v", err)
	}
	defer s.Close()
	present, absent := wholeOrAbsent(t, s, cat, pages)
	if absent == 0 || present == 0 {
		t.Errorf("%d files whole, %d absent: the disk should fill part-way", present, absent)
	}
	t.Logf("disk filled from outside: %d files whole, %d absent, of %d", present, absent, len(pages))
}

// TestBackupAfterServerKilled: a server killed with kill -9 leaves its
// record in the store folder; `backup` then does not take it for a
// holder (it named the dead server's pid) but says what the store needs,
// and once the store has been opened for writing the backup is taken.
func TestBackupAfterServerKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a real process; not in -short")
	}
	dir := filepath.Join(t.TempDir(), "store")
	if code, _, errs := run(t, "--store", dir, "ingest", seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	cmd := exec.Command(os.Args[0], "--store", dir, "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "SUMMITGRAPH_TEST_MAIN=1")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || !strings.Contains(line, "serving") {
		cmd.Process.Kill()
		t.Fatalf("no start line: %q %v", line, err)
	}
	pid := cmd.Process.Pid
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(dir, "summitgraph.pid")); err != nil {
		t.Fatalf("the killed server left no record of itself: %v", err)
	}
	out := filepath.Join(t.TempDir(), "b.backup")
	code, _, errs := run(t, "--store", dir, "backup", "--out", out)
	if code != 1 || strings.Contains(errs, "pid "+strconv.Itoa(pid)) || strings.Contains(errs, "held by") || !strings.Contains(errs, "was not closed") {
		t.Errorf("backup after the server was killed: exit %d, want 1 saying the store was not closed, naming no server:\n%s", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a backup file was written")
	}
	if code, _, errs := run(t, "--store", dir, "compact"); code != 0 {
		t.Fatalf("compact: %s", errs)
	}
	if code, _, errs := run(t, "--store", dir, "backup", "--out", out); code != 0 {
		t.Errorf("backup once the store was opened for writing: exit %d\n%s", code, errs)
	}
}

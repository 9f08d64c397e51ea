package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"summitgraph/graph"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
	"summitgraph/nlp/synth"
)

// mountTmpfs mounts a tmpfs of the given size (as mount(8) takes it) on a
// new folder, unmounted at the end of the test, or skips the test: only
// root can mount one, and a container may forbid it.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("mounts a tmpfs; not in -short")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// dumpCopy copies the store in dir to a disk with room, opens it there
// and returns every key and value it holds.
func dumpCopy(t *testing.T, dir string) []byte {
	t.Helper()
	cp := t.TempDir()
	if out, err := exec.Command("cp", "-a", dir+"/.", cp).CombinedOutput(); err != nil {
		t.Fatalf("copy the store: %v %s", err, out)
	}
	st, err := store.Open(store.Options{Dir: cp, ReadOnly: true})
	if err != nil {
		t.Fatalf("the store does not open: %v", err)
	}
	defer st.Close()
	var b bytes.Buffer
	if err := st.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLargeFileFillsDisk ingests, into a store on an 8 MiB tmpfs, one file
// whose writes alone would take more than the disk has: the writes are
// watched while the file's transaction is built, and the file is refused
// with a clear message naming the store and the free space, the process
// exits 1 (not a signal: no SIGBUS), and the store is byte for byte what
// it was. A reserve of 2 MiB (the default is 128) lets so small a disk
// hold a store at all; 128 MiB memtables let one transaction hold the file.
func TestLargeFileFillsDisk(t *testing.T) {
	small := mountTmpfs(t, "8M")
	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	first, _ := writeCorpus(t, cat, synth.Options{Mandates: 20, Seed: 21, PerFile: 20})
	large, pages := writeCorpus(t, cat, synth.Options{Mandates: 1500, Seed: 22, PerFile: 1500})
	if len(pages) != 1 {
		t.Fatalf("%d large files, want one", len(pages))
	}
	dir := filepath.Join(small, "store")
	ingestOn := func(dir, corpus string) (string, error) {
		cmd := exec.Command(os.Args[0], "--store", dir, "ingest", corpus)
		cmd.Env = append(os.Environ(), "SUMMITGRAPH_TEST_MAIN=1", "SUMMITGRAPH_TEST_MEMTABLE_MB=128", "SUMMITGRAPH_TEST_MIN_FREE_MB=2")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := ingestOn(dir, first); err != nil {
		t.Fatalf("the first file: %v\n%s", err, out)
	}
	before := dumpCopy(t, dir)
	// On a disk with room, the large file writes more than the small disk
	// holds.
	roomy := t.TempDir()
	for _, c := range []string{first, large} {
		if out, err := ingestOn(roomy, c); err != nil {
			t.Fatalf("on a disk with room: %v\n%s", err, out)
		}
	}
	if n := dumpBytes(dumpCopy(t, roomy)) - dumpBytes(before); n < 8<<20 {
		t.Fatalf("the large file writes %d bytes of keys and values: not more than the disk", n)
	} else {
		t.Logf("the large file writes %d bytes of keys and values", n)
	}

	out, err := ingestOn(dir, large)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("the ingest ended with %v, want exit status 1 (a crash is a signal):\n%s", err, out)
	}
	t.Logf("refused:\n%s", out)
	for _, want := range []string{synth.FileName(1) + " not written: it needs more than ", "free on the disk of store " + dir, "free some space and ingest it again"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the message:\n%s", want, out)
		}
	}
	if after := dumpCopy(t, dir); !bytes.Equal(before, after) {
		t.Errorf("the store changed: %d bytes of keys and values before, %d after", len(before), len(after))
	}
}

// dumpBytes is the size of the keys and values in a Dump.
func dumpBytes(d []byte) int {
	n := 0
	for _, line := range strings.Split(string(d), "\n") {
		if i := strings.LastIndexByte(line, '='); i > 0 {
			if k, err := strconv.Unquote(line[:i]); err == nil {
				n += len(k) + (len(line)-i-1)/2
			}
		}
	}
	return n
}

// fillTo writes a file on the disk of dir that leaves about free bytes
// free, and returns its path.
func fillTo(t *testing.T, dir string, free int64) string {
	t.Helper()
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "filler")
	if fill := int64(st.Bavail)*int64(st.Bsize) - free; fill > 0 {
		if err := os.WriteFile(p, make([]byte, fill), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// TestServerReadsOnFullDisk: a server whose store's disk (a tmpfs) fills
// up refuses ingestDocument with UNAVAILABLE and a message naming the
// store and the free space, logs that writes are refused, goes on
// answering reads over HTTP (trace beside it, search, /readyz), and takes
// writes again once the disk has room.
func TestServerReadsOnFullDisk(t *testing.T) {
	small := mountTmpfs(t, "200M")
	dir := filepath.Join(small, "store")
	if code, _, errs := run(t, "--store", dir, "ingest", seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	_, traceBefore, _ := run(t, "--store", dir, "trace", "CICC")
	s := startServer(t, dir, "--token", "alice="+testSecret)
	ingest := `mutation($n: String!, $t: String!) { ingestDocument(name: $n, text: $t) { file mandates } }`
	if r := s.gql(t, testSecret, ingest, map[string]any{"n": "energy.txt", "t": newPage}); len(r.Errors) > 0 {
		t.Fatalf("ingestDocument with room on the disk: %+v", r.Errors)
	}

	// 64 MiB free: less than the reserve (128 MiB and the tables a
	// compaction may copy).
	filler := fillTo(t, small, 64<<20)
	second := strings.ReplaceAll(newPage, "rural electrification", "energy efficiency in public buildings")
	r := s.gql(t, testSecret, ingest, map[string]any{"n": "energy2.txt", "t": second})
	if r.code() != graph.EUNAVAILABLE || !strings.Contains(r.Errors[0].Message, "energy2.txt not written") || !strings.Contains(r.Errors[0].Message, "free on the disk of store "+dir) {
		t.Fatalf("ingestDocument on a full disk: %+v", r.Errors)
	}
	t.Logf("refused: %s", r.Errors[0].Message)
	// Reads go on: trace beside the server goes through its API.
	if code, out, errs := run(t, "--store", dir, "trace", "CICC"); code != 0 || out != traceBefore {
		t.Errorf("trace on a full disk: %d %s\n%s\nwant:\n%s", code, errs, out, traceBefore)
	}
	r = s.gql(t, "", `{ search(text: "Energy and Climate Partnership", first: 3) { node { id ... on Mandate { source { file } } } } }`, nil)
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data["search"]), `"energy.txt"`) || strings.Contains(string(r.Data["search"]), "energy2.txt") {
		t.Errorf("search on a full disk: %s %+v", r.Data["search"], r.Errors)
	}
	res, err := http.Get(s.base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(string(body), "ready\nwrites refused: only ") {
		t.Errorf("/readyz on a full disk: %d %q", res.StatusCode, body)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(s.stderr.String(), "writes refused, the disk is nearly full") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(s.stderr.String(), "writes refused, the disk is nearly full") {
		t.Errorf("the refusal was not logged:\n%s", s.stderr.String())
	}

	// Room again: the write goes through.
	os.Remove(filler)
	if r := s.gql(t, testSecret, ingest, map[string]any{"n": "energy2.txt", "t": second}); len(r.Errors) > 0 {
		t.Fatalf("ingestDocument once the disk has room: %+v", r.Errors)
	}
	if code := s.stop(); code != 0 {
		t.Errorf("serve exited %d:\n%s", code, s.stderr.String())
	}
}

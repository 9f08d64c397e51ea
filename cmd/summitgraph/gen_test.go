package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// genRun runs the CLI in process.
func genRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// genReadCorpus reads the files of a folder by name.
func genReadCorpus(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

func TestGen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	store := t.TempDir()
	// Small files keep the ingest below quick.
	args := []string{"gen", "--mandates", "500", "--per-file", "5", "--near", "10", "--out", dir}
	code, out, errs := genRun(t, args...)
	if code != 0 {
		t.Fatalf("gen: exit %d: %s", code, errs)
	}
	m := regexp.MustCompile(`wrote (\d+) files to .* \(seed 1\): 500 mandates, (\d+) items`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line:\n%s", out)
	}
	nfiles, _ := strconv.Atoi(m[1])
	items, _ := strconv.Atoi(m[2])
	files := genReadCorpus(t, dir)
	if len(files) != nfiles || nfiles < 80 || nfiles > 125 {
		t.Fatalf("%d files in %s; the summary says %d (about 100 expected)", len(files), dir, nfiles)
	}
	for i := 1; i <= nfiles; i++ {
		if name := "synth-" + strconv.Itoa(100000 + i)[1:] + ".txt"; files[name] == nil {
			t.Errorf("%s is missing", name)
		}
	}
	top := regexp.MustCompile(`(?m)^  ((?:convention|institution)/\S+)\s+.+\s(\d+)$`).FindAllStringSubmatch(out, -1)
	if !strings.Contains(out, "most mentioned") || len(top) != 5 {
		t.Errorf("want the 5 most mentioned entities:\n%s", out)
	}
	closest := regexp.MustCompile(`closest to 10 mandates: (\S+) \((.+)\): (\d+) mandates`).FindStringSubmatch(out)
	if closest == nil || !regexp.MustCompile(`generated in \d`).MatchString(out) {
		t.Fatalf("summary lacks the closest entity or the time:\n%s", out)
	}

	// A folder that is not empty is refused, unless forced; the same flags
	// give the same files.
	if code, _, errs := genRun(t, args...); code != 1 || !strings.Contains(errs, "not empty") {
		t.Errorf("gen into a full folder: exit %d, %q", code, errs)
	}
	os.WriteFile(filepath.Join(dir, "synth-99999.txt"), []byte("left over"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("mine"), 0o644)
	if code, _, errs := genRun(t, append(args, "--force")...); code != 0 {
		t.Fatalf("gen --force: exit %d: %s", code, errs)
	}
	again := genReadCorpus(t, dir)
	if again["synth-99999.txt"] != nil || again["notes.md"] == nil {
		t.Error("--force must remove the old synth-*.txt files and only them")
	}
	delete(again, "notes.md")
	if len(again) != len(files) {
		t.Errorf("second run: %d files, first %d", len(again), len(files))
	}
	for name, data := range files {
		if !bytes.Equal(again[name], data) {
			t.Errorf("%s differs between two runs with the same flags", name)
		}
	}
	os.Remove(filepath.Join(dir, "notes.md"))

	// The corpus ingests cleanly: every mandate attributed, no warning.
	code, out, errs = genRun(t, "--store", store, "ingest", dir)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	want := "ingested " + m[1] + " files (0 unchanged, 0 failed): 500 mandates, " + m[2] + " items"
	if !strings.Contains(out, want) {
		t.Errorf("ingest report lacks %q:\n%s", want, genTail(out))
	}
	if strings.Contains(out, "warning:") || strings.Contains(out, "unattributed") {
		t.Errorf("ingest warns:\n%s", out)
	}
	code, out, errs = genRun(t, "--store", store, "query", "{ stats { mandates files summits } }")
	if code != 0 {
		t.Fatalf("query: exit %d: %s", code, errs)
	}
	var resp struct {
		Data struct {
			Stats struct{ Mandates, Files, Summits int }
		}
	}
	if err := json.Unmarshal([]byte(out), &resp); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if s := resp.Data.Stats; s.Mandates != 500+items || s.Files != nfiles {
		t.Errorf("stats: %d mandates, %d files; want %d and %d", s.Mandates, s.Files, 500+items, nfiles)
	}

	// Trace finds the entity in as many mandates as gen counted.
	code, out, errs = genRun(t, "--store", store, "trace", closest[2])
	if code != 0 {
		t.Fatalf("trace %s: exit %d: %s", closest[2], code, errs)
	}
	if want := closest[3] + " mandates at "; !strings.Contains(out, want) || !strings.Contains(out, closest[1]) {
		t.Errorf("trace %s: want %s and %q:\n%s", closest[2], closest[1], want, out)
	}
}

func genTail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-3):], "\n")
}

func TestGenUsage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"gen", "--out", out}, "--mandates"},
		{[]string{"gen", "--mandates", "0", "--out", out}, "--mandates"},
		{[]string{"gen", "--mandates", "10"}, "--out is required"},
		{[]string{"gen", "--mandates", "10", "--out", out, "--per-file", "0"}, "--per-file"},
		{[]string{"gen", "--mandates", "10", "--out", out, "--uncited", "1.5"}, "--uncited"},
		{[]string{"gen", "--mandates", "10", "--out", out, "extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			code, _, errs := genRun(t, tt.args...)
			if code != 2 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, %q; want 2 and %q", code, errs, tt.want)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a usage error created the output folder")
	}
	if code, out, errs := genRun(t, "gen", "-h"); code != 0 || !strings.Contains(out+errs, "--mandates N --out DIR") {
		t.Errorf("gen -h: exit %d, %q", code, out+errs)
	}
}

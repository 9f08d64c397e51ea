package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"summitgraph/graph/ingest"
)

// damagedStore is a store of several tables, made once and copied for
// each test of a kind of damage.
var damagedStore = sync.OnceValues(func() (string, error) {
	root, err := os.MkdirTemp("", "summitgraph-damage-")
	if err != nil {
		return "", err
	}
	corpus, dir := filepath.Join(root, "corpus"), filepath.Join(root, "store")
	var out, errb bytes.Buffer
	if code := runWith(context.Background(), []string{"gen", "--mandates", "600", "--per-file", "10", "--out", corpus}, &out, &errb, settings{}); code != 0 {
		return "", fmt.Errorf("gen: %s", errb.String())
	}
	small := settings{ingest: ingest.Options{MemTableMB: 5}}
	if code := runWith(context.Background(), []string{"--store", dir, "ingest", "-q", corpus}, &out, &errb, small); code != 0 {
		return "", fmt.Errorf("ingest: %s", errb.String())
	}
	return dir, nil
})

// snapshot is every file of a folder: its name, size and content hash.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, fmt.Sprintf("%s %d %x", e.Name(), len(b), sha256.Sum256(b)))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "LOCK" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func tables(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	sort.Strings(m)
	if len(m) < 2 {
		t.Fatalf("the store has %d tables, want several", len(m))
	}
	return m
}

func flip(t *testing.T, path string, at int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 8)
	if _, err := f.ReadAt(b, at); err != nil {
		t.Fatal(err)
	}
	for i := range b {
		b[i] ^= 0x5a
	}
	if _, err := f.WriteAt(b, at); err != nil {
		t.Fatal(err)
	}
}

func size(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestDamagedStoreLeftAsItWas damages a store each way the issue found
// it wiped or panicking, runs every command on it, and wants each refused
// with one line naming the store and the damage, and the store's files
// byte for byte as they were.
func TestDamagedStoreLeftAsItWas(t *testing.T) {
	src, err := damagedStore()
	if err != nil {
		t.Fatal(err)
	}
	damages := []struct {
		name, want string
		damage     func(t *testing.T, dir string)
	}{
		{"MANIFEST deleted", "its MANIFEST is missing", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "MANIFEST"))
		}},
		{"MANIFEST cut to 10 bytes", "its MANIFEST is cut short", func(t *testing.T, dir string) {
			os.Truncate(filepath.Join(dir, "MANIFEST"), 10)
		}},
		{"MANIFEST cut to its header", "does not name", func(t *testing.T, dir string) {
			os.Truncate(filepath.Join(dir, "MANIFEST"), 8)
		}},
		{"MANIFEST flipped", "its MANIFEST cannot be read", func(t *testing.T, dir string) {
			flip(t, filepath.Join(dir, "MANIFEST"), 12)
		}},
		{"table deleted", "which is missing", func(t *testing.T, dir string) {
			os.Remove(tables(t, dir)[0])
		}},
		{"table cut in half", "cannot be read", func(t *testing.T, dir string) {
			p := tables(t, dir)[0]
			os.Truncate(p, size(t, p)/2)
		}},
		{"table's end cut", "cannot be read", func(t *testing.T, dir string) {
			p := tables(t, dir)[1]
			os.Truncate(p, size(t, p)-100)
		}},
		{"table emptied", "is 0 bytes long", func(t *testing.T, dir string) {
			os.Truncate(tables(t, dir)[0], 0)
		}},
		{"data block flipped", "checksum", func(t *testing.T, dir string) {
			p := tables(t, dir)[0]
			flip(t, p, size(t, p)/3)
		}},
		{"value log cut into its header", "shorter than its header", func(t *testing.T, dir string) {
			m, _ := filepath.Glob(filepath.Join(dir, "*.vlog"))
			os.Truncate(m[0], 10)
		}},
		{"value log overwritten", "damaged entry", func(t *testing.T, dir string) {
			m, _ := filepath.Glob(filepath.Join(dir, "*.vlog"))
			f, _ := os.OpenFile(m[len(m)-1], os.O_WRONLY|os.O_APPEND, 0)
			f.Write(bytes.Repeat([]byte{0xab}, 200))
			f.Close()
		}},
	}
	backup := filepath.Join(t.TempDir(), "b.backup")
	if code, _, errs := run(t, "--store", src, "backup", "--out", backup); code != 0 {
		t.Fatalf("backup: %s", errs)
	}
	commands := [][]string{
		{"query", "{ stats { mandates } }"},
		{"trace", "MESICIC"},
		{"export", "--format", "graphml", "--out", filepath.Join(t.TempDir(), "x.graphml")},
		{"backup", "--out", backup},
		{"check"},
		{"compact"},
		{"ingest", seedFile(t)},
		{"restore", backup},
		{"serve", "--addr", "127.0.0.1:0"},
	}
	for _, d := range damages {
		t.Run(d.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "store")
			copyDir(t, src, dir)
			d.damage(t, dir)
			before := snapshot(t, dir)
			for _, c := range commands {
				code, out, errs := run(t, append([]string{"--store", dir}, c...)...)
				lines := strings.Split(strings.TrimSpace(errs), "\n")
				if code != 1 || len(lines) != 1 || !strings.Contains(errs, "store "+dir+" is damaged: ") || !strings.Contains(errs, d.want) {
					t.Errorf("%s: exit %d, want 1 with one line naming the store and %q:\n%s%s", c[0], code, d.want, out, errs)
				}
				if after := snapshot(t, dir); after != before {
					t.Fatalf("%s changed the store's files:\nbefore\n%s\nafter\n%s", c[0], before, after)
				}
			}
		})
	}
}

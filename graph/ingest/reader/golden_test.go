package reader_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitgraph/graph/ingest/reader"
)

// update rewrites the golden files: go test ./graph/ingest/reader -run Golden -update
var update = flag.Bool("update", false, "rewrite testdata/golden/*.golden from the readers' output")

// readFile reads a fixture under testdata.
func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// readText reads a fixture with Read, failing the test on an error.
func readText(tb testing.TB, path string) *reader.Text {
	tb.Helper()
	t, err := reader.Read(context.Background(), path, readFile(tb, path))
	if err != nil {
		tb.Fatalf("Read(%s): %v", path, err)
	}
	return t
}

// renderText is the golden form of a Text: what it says of the file, then
// the text, each line with its number and, for a PDF, its page.
func renderText(t *reader.Text) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# golden read of %s; regenerate: go test ./graph/ingest/reader -run Golden -update\n", t.File)
	fmt.Fprintf(&b, "format: %s\nencoding: %q\nlang: %q\ntitle: %q\npages: %v\nwarnings: %d\n", t.Format, t.Encoding, t.Lang, t.Title, t.Pages, len(t.Warnings))
	for _, w := range t.Warnings {
		fmt.Fprintf(&b, "  %s\n", w)
	}
	b.WriteString("text:\n")
	for i, l := range strings.Split(strings.TrimSuffix(string(t.Data), "\n"), "\n") {
		if len(t.Pages) > 0 {
			fmt.Fprintf(&b, "%3d p%d|%s\n", i+1, t.Page(i+1), l)
		} else {
			fmt.Fprintf(&b, "%3d|%s\n", i+1, l)
		}
	}
	return b.String()
}

// TestGolden reads every readable fixture and compares the text with its
// golden file.
func TestGolden(t *testing.T) {
	var paths []string
	for _, dir := range []string{"text", "html", "pdf"} {
		names, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			base := filepath.Base(n)
			if strings.HasPrefix(base, "damaged") || base == "scanned.pdf" || base == "encrypted.pdf" {
				continue // TestUnreadable
			}
			paths = append(paths, filepath.Join(dir, base))
		}
	}
	if len(paths) < 9 {
		t.Fatalf("%d readable fixtures; expected at least 9", len(paths))
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			got := renderText(readText(t, p))
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "_")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal([]byte(got), want) {
				t.Errorf("%s differs from %s (run with -update if the change is right):\n%s", p, golden, diff(string(want), got))
			}
		})
	}
}

// diff shows the first lines where two texts differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 8; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

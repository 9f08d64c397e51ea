package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"
)

// mux routes the way summitgraph's server does: GET /graphiql to GraphiQL,
// everything else to Handler.
func mux() http.Handler {
	m := http.NewServeMux()
	m.Handle("GET /graphiql", GraphiQL())
	m.Handle("/", Handler())
	return m
}

func get(t *testing.T, h http.Handler, p string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var assetRef = regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`)

func TestPages(t *testing.T) {
	if !Built() {
		t.Skip("the bundle is not built (go generate ./web)")
	}
	h := mux()
	for _, tc := range []struct {
		path, marker string
	}{
		{"/", `id="search-form"`},
		{"/entity/convention/x", `id="search-form"`}, // any path: the explorer routes in the browser
		{"/graphiql", `id="graphiql"`},
		{"/graphiql/", `id="graphiql"`},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res := get(t, h, tc.path)
			page := body(t, res)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type %q", ct)
			}
			if cc := res.Header.Get("Cache-Control"); cc != "no-cache" {
				t.Errorf("Cache-Control %q, want no-cache", cc)
			}
			if !strings.Contains(page, tc.marker) {
				t.Fatalf("no %s in the page:\n%s", tc.marker, page)
			}
			// Nothing from another host: every script and style is one of ours, and it is there.
			if m := regexp.MustCompile(`(?:src|href)="(?:https?:)?//`).FindString(page); m != "" {
				t.Errorf("the page loads from another host: %s", m)
			}
			refs := assetRef.FindAllStringSubmatch(page, -1)
			if len(refs) == 0 {
				t.Fatal("the page names no asset")
			}
			for _, ref := range refs {
				res := get(t, h, ref[1])
				if res.StatusCode != http.StatusOK {
					t.Errorf("%s: status %d", ref[1], res.StatusCode)
				}
				if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
					t.Errorf("%s: Cache-Control %q", ref[1], cc)
				}
			}
		})
	}
}

// Every asset a script names by path (lazy chunks, Monaco's workers, fonts)
// is in the bundle.
func TestAssetsComplete(t *testing.T) {
	if !Built() {
		t.Skip("the bundle is not built (go generate ./web)")
	}
	fsys := files()
	// Vite's names: base-HASH8.ext, named relative to assets/ ("./x-HASH.js") or from the root.
	named := regexp.MustCompile(`[A-Za-z0-9_.-]+-[A-Za-z0-9_-]{8}\.(?:js|css|ttf|woff2?)\b`)
	seen := 0
	err := fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".css")) {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		for _, ref := range named.FindAllString(string(b), -1) {
			seen++
			if _, err := fs.Stat(fsys, path.Join("assets", ref)); err != nil {
				t.Errorf("%s names %s, which is not in the bundle", p, ref)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen == 0 {
		t.Fatal("no script names another asset: the pattern no longer matches Vite's names")
	}
}

// Package web serves the explorer: a single-page front end built from this
// folder with npm (see package.json) into dist/, embedded in the binary.
// The explorer talks to the server only through the public GraphQL API.
package web

//go:generate sh -c "npm ci --no-audit --no-fund && npm run build"

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// files is the built bundle.
func files() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err)
	}
	return sub
}

// Built reports whether the bundle was built (dist/index.html exists).
func Built() bool {
	_, err := fs.Stat(files(), "index.html")
	return err == nil
}

// missing is the page served when the bundle was not built.
const missing = `<!doctype html><meta charset="utf-8"><title>summitgraph</title>
<h1>The explorer is not built</h1>
<p>This binary was built without the explorer bundle. Build it with <code>go generate ./web</code>
(runs <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code>; needs Node.js and npm), then rebuild.</p>
<p>GraphQL is at <a href="/graphql">/graphql</a> and GraphiQL at <a href="/graphiql">/graphiql</a>.</p>
`

// Handler serves the explorer: files of the bundle by path, and index.html
// for any other path (the explorer routes in the browser).
func Handler() http.Handler {
	fsys := files()
	fileServer := http.FileServerFS(fsys)
	built := Built()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !built {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte(missing))
			return
		}
		p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if p != "" {
			if info, err := fs.Stat(fsys, p); err == nil && !info.IsDir() {
				if strings.HasPrefix(p, "assets/") {
					// Vite names assets by content hash.
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				fileServer.ServeHTTP(w, r)
				return
			}
		}
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFileFS(w, r, fsys, "index.html")
	})
}

// Package web serves the explorer and GraphiQL: two pages built from this
// folder with npm (see package.json) into dist/, embedded in the binary.
// Both talk to the server only through the public GraphQL API, and neither
// loads anything from another host.
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

// graphiqlPage is GraphiQL's page in the bundle; its scripts, styles and
// Monaco's workers are under assets/ with the explorer's.
const graphiqlPage = "graphiql/index.html"

// Handler serves the explorer: files of the bundle by path (assets/ for
// both pages), GraphiQL's page at /graphiql/, and index.html for any other
// path (the explorer routes in the browser).
func Handler() http.Handler {
	fsys := files()
	fileServer := http.FileServerFS(fsys)
	built := Built()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !built {
			notBuilt(w)
			return
		}
		p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if p == "graphiql" {
			page(w, r, fsys, graphiqlPage)
			return
		}
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
		page(w, r, fsys, "index.html")
	})
}

// GraphiQL serves GraphiQL's page (bundled from npm, no CDN). Route GET
// /graphiql to it; its assets are served by Handler under /assets/, so
// Handler must be mounted at / as well.
func GraphiQL() http.Handler {
	fsys := files()
	built := Built()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !built {
			notBuilt(w)
			return
		}
		page(w, r, fsys, graphiqlPage)
	})
}

// page serves one HTML page of the bundle, never cached (it names the
// content-hashed assets of this build).
func page(w http.ResponseWriter, r *http.Request, fsys fs.FS, name string) {
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeFileFS(w, r, fsys, name)
}

func notBuilt(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte(missing))
}

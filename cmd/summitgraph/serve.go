package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"

	"summitgraph/gql"
	"summitgraph/nlp"
	"summitgraph/seeds"
	"summitgraph/web"
)

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--addr HOST:PORT]", "Serve the graph: GraphQL at /graphql, GraphiQL at /graphiql, /healthz.\nOn an empty store, the embedded seed corpus is ingested first.")
	addr := fs.String("addr", envOr("SUMMITGRAPH_ADDR", "127.0.0.1:8080"), "address to listen on ($SUMMITGRAPH_ADDR)")
	grace := fs.Duration("grace", 10*time.Second, "how long in-flight requests may take to finish on shutdown")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	a, err := openApp(ctx, e.storeDir, log)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.seedIfEmpty(ctx, log); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{
		Handler:           a.handler(log),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	if !web.Built() {
		log.Warn("the explorer bundle is not built: / explains how (go generate ./web)")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(e.stdout, "summitgraph serving %s on http://%s/graphql (GraphiQL at http://%s/graphiql)\n", e.storeDir, ln.Addr(), ln.Addr())
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("shutdown", "err", err)
	}
	return nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// seedIfEmpty ingests the embedded corpus into a store that holds no file
// yet.
func (a *app) seedIfEmpty(ctx context.Context, log *slog.Logger) error {
	st, err := a.store.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Files > 0 {
		return nil
	}
	var srcs []source
	for _, name := range seeds.Corpus() {
		data, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			return err
		}
		srcs = append(srcs, source{path: "seeds/" + name, name: name, data: data})
	}
	for _, r := range a.ingest(ctx, srcs, nil) {
		if r.err != nil {
			return fmt.Errorf("seed %s: %w", r.name, r.err)
		}
		if log != nil {
			log.Info("seeded", "file", r.name, "mandates", r.report.Mandates, "items", r.report.Items)
		}
	}
	return nil
}

// handler is the server's routes.
func (a *app) handler(log *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	api := gql.NewHandler(gql.Options{Store: a.store, Analyzer: nlp.Analyzer{}, Logger: log})
	mux.Handle("/graphql", api)
	mux.Handle("GET /graphiql", playground.Handler("summitgraph", "/graphql"))
	mux.HandleFunc("GET /export/{format}", a.serveExport)
	mux.Handle("/", web.Handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	return mux
}

// queryHandler is the GraphQL endpoint alone, for in-process queries.
func (a *app) queryHandler() http.Handler {
	return gql.NewHandler(gql.Options{Store: a.store, Analyzer: nlp.Analyzer{}})
}

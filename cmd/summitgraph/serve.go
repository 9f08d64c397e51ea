package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"summitgraph/graph/ingest"
	"summitgraph/web"
)

const serveSummary = `Serve the graph: GraphQL at /graphql, GraphiQL at /graphiql, the explorer at /,
exports at /export/{format}, /healthz, /readyz and /metrics. On an empty store the
embedded seed corpus is ingested first. Every flag can also be set with the
environment variable SUMMITGRAPH_<FLAG> (e.g. SUMMITGRAPH_MAX_FIRST=200); a flag
on the command line wins. Stops cleanly on SIGINT or SIGTERM.`

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[flags]", serveSummary)
	var cfg serverConfig
	serveFlags(fs, &cfg)
	if err := applyEnv(fs); err != nil {
		return usageError("%v", err)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return usageError("%v", err)
	}
	log := newLogger(e.stderr, cfg.logFormat, cfg.logLevel)
	a, err := openApp(ctx, e.storeDir, log)
	if err != nil {
		return err
	}
	defer func() {
		if err := a.Close(); err != nil {
			log.Error("close store", "err", err)
		} else {
			log.Info("store closed", "store", e.storeDir)
		}
	}()
	m := newMetrics(a)
	in := ingest.New(a.store, a.catalog, ingest.Options{Observe: m.countIngest})
	var ready atomic.Bool
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.addr, err)
	}
	srv := &http.Server{
		Handler:           a.handler(&cfg, log, m, in, ready.Load),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      cfg.timeout + 2*time.Minute, // exports stream for longer than a query
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if err := writeHolder(e.storeDir, ln.Addr().String()); err != nil {
		log.Warn("cannot write the holder file", "err", err)
	}
	defer removeHolder(e.storeDir)
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	var debug *http.Server
	if cfg.debugAddr != "" {
		dl, err := net.Listen("tcp", cfg.debugAddr)
		if err != nil {
			srv.Close()
			return fmt.Errorf("listen on %s (debug): %w", cfg.debugAddr, err)
		}
		debug = &http.Server{Handler: debugHandler(), ReadHeaderTimeout: 10 * time.Second}
		go func() { errc <- debug.Serve(dl) }()
		log.Info("pprof listening", "addr", dl.Addr().String())
	}
	// Seed after listening, so that /healthz answers at once and /readyz
	// says when the graph is there.
	seeded, err := in.SeedIfEmpty(ctx)
	for _, r := range seeded {
		if r.Err == nil {
			log.Info("ingested", "file", r.Name, "mandates", r.Report.Mandates, "items", r.Report.Items, "warnings", len(r.Report.Warnings))
		}
	}
	if err != nil {
		srv.Close()
		return err
	}
	ready.Store(true)
	if !web.Built() {
		log.Warn("the explorer bundle is not built: / explains how (go generate ./web)")
	}
	log.Info("serving", "addr", ln.Addr().String(), "store", e.storeDir, "read_only", cfg.readOnly || cfg.token == "", "cors_origins", cfg.corsOrigins)
	fmt.Fprintf(e.stdout, "summitgraph serving %s on http://%s/graphql (explorer http://%s/, GraphiQL http://%s/graphiql)\n", e.storeDir, ln.Addr(), ln.Addr(), ln.Addr())
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: no new requests; waiting for those in flight", "grace", cfg.grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), cfg.grace)
	defer cancel()
	if debug != nil {
		debug.Shutdown(sctx)
	}
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("shutdown: requests still running after the grace period were cut", "err", err)
	}
	return nil
}

// queryHandler is the GraphQL endpoint alone, for in-process queries.
func (a *app) queryHandler() http.Handler {
	cfg := serverConfig{}
	serveFlags(newFlags(&env{}, "query", "", ""), &cfg)
	return a.handler(&cfg, slog.New(slog.DiscardHandler), newMetrics(a), ingest.New(a.store, a.catalog, ingest.Options{}), func() bool { return true })
}

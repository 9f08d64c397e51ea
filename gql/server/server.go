// Package server is summitgraph's HTTP server: the routes (GraphQL,
// GraphiQL, the explorer, exports, backups, Prometheus metrics, health and
// readiness), their middleware (request logs and metrics, CORS), the
// net/http/pprof handler, the logger, and the deadline writer that lets a
// long export or backup stream at the pace its client reads. What it
// serves is the store; the GraphQL handler is package gql's, and files
// sent to the ingestDocument mutation go through package graph/ingest.
//
// Listening, the store's lifetime and the settings' flags are the
// command's (cmd/summitgraph serve).
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"summitgraph/gql"
	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
	"summitgraph/nlp"
	"summitgraph/web"
)

// Config is what the server allows. The zero value is a read-only server
// with the default limits.
type Config struct {
	// Limits bound one GraphQL request (zero fields: gql.DefaultLimits).
	Limits gql.Limits
	// Timeout bounds one GraphQL request, store reads included (0:
	// gql.DefaultTimeout).
	Timeout time.Duration
	// NoIntrospection switches schema introspection off.
	NoIntrospection bool
	// Tokens may curate (mutations) and take a backup from another
	// machine (GET /backup; see mayBackUp); with none, or with
	// ReadOnly, every mutation is refused.
	Tokens   []gql.Token
	ReadOnly bool
	// CORSOrigins may call the API from a browser ("*" for any, then
	// without credentials); none means no CORS headers.
	CORSOrigins []string
	// QueryCacheBytes bounds the cache of parsed queries (0:
	// gql.DefaultQueryCache).
	QueryCacheBytes int64
}

// Server serves one open store, with the catalog loaded into it.
type Server struct {
	store    *store.Store
	ingester *ingest.Ingester
	cfg      Config
	log      *slog.Logger
	metrics  *metrics
	ready    atomic.Bool
}

// New returns the server of st, which holds cat; log receives a line per
// request (nil: discarded). Its ingester (Ingester) writes what the
// ingestDocument mutation sends, counted in the metrics.
func New(st *store.Store, cat *nlp.Catalog, cfg Config, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = gql.DefaultTimeout
	}
	s := &Server{store: st, cfg: cfg, log: log, metrics: newMetrics(st)}
	s.ingester = ingest.New(st, cat, ingest.Options{Observe: s.metrics.countIngest})
	return s
}

// Ingester is the server's way into the store: files written through it
// are counted in the metrics (the seeds of an empty store, say).
func (s *Server) Ingester() *ingest.Ingester { return s.ingester }

// SetReady tells /readyz that the server has started (seeded its store,
// when it was empty): until then it answers 503.
func (s *Server) SetReady() { s.ready.Store(true) }

// Serve serves Handler on ln, and DebugHandler on debug when it is not
// nil, until ctx is done or serving fails; then it stops taking requests
// and gives those in flight grace to finish. started runs once both are
// serving (so that /healthz answers while it seeds the store, say); an
// error from it stops the server and is returned.
func (s *Server) Serve(ctx context.Context, ln, debug net.Listener, grace time.Duration, started func() error) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.cfg.Timeout + 2*time.Minute, // exports stream for longer than a query
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	var dbg *http.Server
	if debug != nil {
		dbg = &http.Server{Handler: DebugHandler(), ReadHeaderTimeout: 10 * time.Second}
		go func() { errc <- dbg.Serve(debug) }()
		s.log.Info("pprof listening", "addr", debug.Addr().String())
	}
	if err := started(); err != nil {
		srv.Close()
		if dbg != nil {
			dbg.Close()
		}
		return err
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down: no new requests; waiting for those in flight", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if dbg != nil {
		dbg.Shutdown(sctx)
	}
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		s.log.Warn("shutdown: requests still running after the grace period were cut", "err", err)
	}
	return nil
}

// Handler is the server's routes with their middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	log, m := s.log, s.metrics
	api := gql.NewHandler(gql.Options{
		Store: s.store, Analyzer: nlp.Analyzer{}, Logger: log, Limits: s.cfg.Limits,
		Timeout: s.cfg.Timeout, NoIntrospection: s.cfg.NoIntrospection,
		Tokens: s.cfg.Tokens, ReadOnly: s.cfg.ReadOnly, Ingester: s.ingester,
		QueryCacheBytes: s.cfg.QueryCacheBytes,
	})
	withCORS := newCORS(s.cfg.CORSOrigins)
	mux.Handle("/graphql", withCORS(observe("graphql", log, m, api)))
	mux.Handle("GET /graphiql", observe("graphiql", log, m, web.GraphiQL()))
	mux.Handle("GET /export/{format}", withCORS(observe("export", log, m, http.HandlerFunc(s.serveExport))))
	mux.Handle("GET /backup", observe("backup", log, m, s.serveBackup()))
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelError)}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := s.readiness(r.Context()); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "not ready:", err)
			return
		}
		fmt.Fprintln(w, "ready")
		// Reads go on when the disk is nearly full; writes wait for room.
		if !s.cfg.ReadOnly {
			if err := s.store.WritesRefused(); err != nil {
				fmt.Fprintln(w, "writes refused:", err)
			}
		}
	})
	mux.Handle("/", observe("explorer", log, m, web.Handler()))
	return mux
}

// readiness checks the store is open and readable and holds the catalog
// and a corpus (it reads three keys), and that the server has started.
func (s *Server) readiness(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	v, err := s.store.CatalogVersion(ctx)
	if err != nil {
		return fmt.Errorf("store not readable")
	}
	if v == "" {
		return errors.New("catalog not loaded")
	}
	st, err := s.store.Stats(ctx)
	if err != nil {
		return fmt.Errorf("store not readable")
	}
	if st.Files == 0 {
		return errors.New("no corpus ingested")
	}
	if !s.ready.Load() {
		return errors.New("starting")
	}
	return nil
}

// DebugHandler serves net/http/pprof, for an address of its own that is
// kept private.
func DebugHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// NewLogger makes the server's logger: text or json lines at level and
// above on w.
func NewLogger(w io.Writer, format string, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

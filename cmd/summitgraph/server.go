package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/rs/cors"

	"summitgraph/gql"
	"summitgraph/graph/ingest"
	"summitgraph/nlp"
	"summitgraph/web"
)

// serverConfig is every setting of the server. Each is a flag of `serve`
// and, with the same name in capitals, a SUMMITGRAPH_* environment variable
// (a flag on the command line wins).
type serverConfig struct {
	addr           string
	debugAddr      string
	grace          time.Duration
	timeout        time.Duration
	logFormat      string
	logLevel       string
	token          string
	readOnly       bool
	introspection  bool
	corsOrigins    string
	limits         gql.Limits
	allowWildcards bool
}

// serveFlags defines the server's flags on fs.
func serveFlags(fs *flag.FlagSet, c *serverConfig) {
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&c.debugAddr, "debug-addr", "", "address for net/http/pprof (off when empty; keep it private)")
	fs.DurationVar(&c.grace, "grace", 10*time.Second, "how long in-flight requests may take to finish on shutdown")
	fs.DurationVar(&c.timeout, "timeout", 10*time.Second, "time limit of one GraphQL request, store reads included")
	fs.StringVar(&c.logFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&c.logLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.StringVar(&c.token, "token", "", "curation token(s): SECRET or LABEL=SECRET, comma-separated; none means read-only")
	fs.BoolVar(&c.readOnly, "read-only", false, "refuse every mutation, even with a token")
	fs.BoolVar(&c.introspection, "introspection", true, "allow GraphQL schema introspection (GraphiQL needs it)")
	fs.StringVar(&c.corsOrigins, "cors-origins", "", "origins allowed to call the API from a browser, comma-separated (e.g. http://localhost:5173); * for any, without credentials")
	c.limits = gql.DefaultLimits
	fs.IntVar(&c.limits.MaxFirst, "max-first", c.limits.MaxFirst, "largest first argument a query may ask for (larger ones are refused with this cap in the message)")
	fs.IntVar(&c.limits.MaxDepth, "max-depth", c.limits.MaxDepth, "deepest nesting of selections")
	fs.IntVar(&c.limits.MaxComplexity, "max-complexity", c.limits.MaxComplexity, "largest estimated cost of an operation")
	fs.Int64Var(&c.limits.MaxBody, "max-body", c.limits.MaxBody, "largest request body in bytes (413 beyond)")
}

// envName is the environment variable of a flag: --max-first is
// SUMMITGRAPH_MAX_FIRST.
func envName(flag string) string {
	return "SUMMITGRAPH_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// applyEnv sets every flag of fs from its environment variable, before the
// command line is parsed so that flags win. An invalid value is an error
// naming the variable.
func applyEnv(fs *flag.FlagSet) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if err != nil {
			return
		}
		if v, ok := os.LookupEnv(envName(f.Name)); ok {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("invalid $%s=%q: %v", envName(f.Name), v, e)
			}
		}
	})
	return err
}

// validate refuses settings that cannot work, with one line each.
func (c *serverConfig) validate() error {
	switch {
	case c.logFormat != "text" && c.logFormat != "json":
		return fmt.Errorf("--log-format must be text or json, not %q", c.logFormat)
	case c.limits.MaxFirst < 1:
		return fmt.Errorf("--max-first must be at least 1")
	case c.limits.MaxDepth < 2:
		return fmt.Errorf("--max-depth must be at least 2")
	case c.limits.MaxComplexity < 1:
		return fmt.Errorf("--max-complexity must be at least 1")
	case c.limits.MaxBody < 1024:
		return fmt.Errorf("--max-body must be at least 1024 bytes")
	case c.timeout <= 0 || c.grace < 0:
		return fmt.Errorf("--timeout must be positive and --grace not negative")
	}
	if _, err := parseLevel(c.logLevel); err != nil {
		return err
	}
	if _, err := parseTokens(c.token); err != nil {
		return err
	}
	for _, o := range c.origins() {
		if o != "*" && !regexp.MustCompile(`^https?://[^/\s]+$`).MatchString(o) {
			return fmt.Errorf("--cors-origins: %q is not an origin like http://localhost:5173", o)
		}
	}
	return nil
}

func (c *serverConfig) origins() []string {
	var out []string
	for _, o := range strings.Split(c.corsOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, strings.TrimSuffix(o, "/"))
		}
	}
	return out
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return 0, fmt.Errorf("--log-level must be debug, info, warn or error, not %q", s)
	}
	return l, nil
}

// newLogger makes the server's logger.
func newLogger(w io.Writer, format, level string) *slog.Logger {
	l, _ := parseLevel(level)
	opts := &slog.HandlerOptions{Level: l}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// metrics are the server's Prometheus metrics, on their own registry.
type metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	duration   *prometheus.HistogramVec
	complexity prometheus.Histogram
	ingested   *prometheus.CounterVec

	mu  sync.Mutex
	ops map[string]bool // operation names seen, to bound the labels
}

// maxOperationLabels bounds the distinct operation names used as labels;
// later ones are counted as "other".
const maxOperationLabels = 100

func newMetrics(a *app) *metrics {
	m := &metrics{reg: prometheus.NewRegistry(), ops: map[string]bool{}}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "summitgraph_requests_total",
		Help: "HTTP requests by route, GraphQL operation name and outcome (ok, or the error code).",
	}, []string{"route", "operation", "outcome"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "summitgraph_request_duration_seconds",
		Help:    "HTTP request latency by route, GraphQL operation name and outcome.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"route", "operation", "outcome"})
	m.complexity = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "summitgraph_graphql_complexity",
		Help:    "Estimated cost of GraphQL operations.",
		Buckets: prometheus.ExponentialBuckets(10, 4, 9),
	})
	m.ingested = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "summitgraph_ingested_files_total",
		Help: "Files ingested by this process, by outcome (written, unchanged, failed).",
	}, []string{"outcome"})
	m.reg.MustRegister(m.requests, m.duration, m.complexity, m.ingested,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		newStoreCollector(a))
	return m
}

func (m *metrics) operationLabel(op string) string {
	if op == "" {
		return "anonymous"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ops[op] {
		return op
	}
	if len(m.ops) >= maxOperationLabels {
		return "other"
	}
	m.ops[op] = true
	return op
}

// countIngest counts one ingested file by its outcome.
func (m *metrics) countIngest(r ingest.Result) {
	switch {
	case r.Err != nil:
		m.ingested.WithLabelValues("failed").Inc()
	case r.Apply.Unchanged:
		m.ingested.WithLabelValues("unchanged").Inc()
	default:
		m.ingested.WithLabelValues("written").Inc()
	}
}

// storeCollector reports what the store holds, read when scraped.
type storeCollector struct {
	a    *app
	desc *prometheus.Desc
}

func newStoreCollector(a *app) *storeCollector {
	return &storeCollector{a: a, desc: prometheus.NewDesc("summitgraph_store_objects", "Nodes by kind, edges, mentions and files in the store.", []string{"object"}, nil)}
}

func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := c.a.store.Stats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for name, v := range map[string]int{
		"summits": st.Summits, "documents": st.Documents, "mandates": st.Mandates, "conventions": st.Conventions,
		"institutions": st.Institutions, "themes": st.Themes, "mentions": st.Mentions, "edges": st.Edges, "files": st.Files,
	} {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(v), name)
	}
}

// recorder captures a response's status and size.
type recorder struct {
	http.ResponseWriter
	status int
	size   int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.size += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// observe logs one line per request (method, path, GraphQL operation,
// status, duration, size, error code; never variables or tokens) and
// counts it in the metrics.
func observe(route string, log *slog.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, info := gql.WithRequestInfo(r.Context())
		rec := &recorder{ResponseWriter: w}
		defer func() {
			d := time.Since(start)
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			outcome := "ok"
			switch {
			case info.ErrorCode != "":
				outcome = info.ErrorCode
			case status >= 400:
				outcome = fmt.Sprintf("http_%d", status)
			}
			op := m.operationLabel(info.Operation)
			if route != "graphql" {
				op = ""
			}
			m.requests.WithLabelValues(route, op, outcome).Inc()
			m.duration.WithLabelValues(route, op, outcome).Observe(d.Seconds())
			if info.Complexity > 0 {
				m.complexity.Observe(float64(info.Complexity))
			}
			attrs := []any{"method", r.Method, "path", r.URL.Path, "status", status, "duration", d.Round(time.Microsecond).String(), "bytes", rec.size}
			if route == "graphql" {
				attrs = append(attrs, "operation", info.Operation)
			}
			if info.ErrorCode != "" {
				attrs = append(attrs, "code", info.ErrorCode)
			}
			log.Info("request", attrs...)
		}()
		next.ServeHTTP(rec, r.WithContext(ctx))
	})
}

// newCORS allows browsers on the configured origins to call the API.
// Credentials are allowed only for listed origins, never with "*".
func newCORS(origins []string) func(http.Handler) http.Handler {
	if len(origins) == 0 {
		return func(h http.Handler) http.Handler { return h }
	}
	wildcard := false
	for _, o := range origins {
		if o == "*" {
			wildcard = true
		}
	}
	c := cors.New(cors.Options{
		AllowedOrigins:   origins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Content-Type", "Authorization"},
		AllowCredentials: !wildcard,
		MaxAge:           600,
	})
	return c.Handler
}

// handler is the server's routes with their middleware.
func (a *app) handler(cfg *serverConfig, log *slog.Logger, m *metrics, in *ingest.Ingester, ready func() bool) http.Handler {
	mux := http.NewServeMux()
	tokens, _ := parseTokens(cfg.token) // validated at start
	api := gql.NewHandler(gql.Options{
		Store: a.store, Analyzer: nlp.Analyzer{}, Logger: log, Limits: cfg.limits,
		Timeout: cfg.timeout, NoIntrospection: !cfg.introspection,
		Tokens: tokens, ReadOnly: cfg.readOnly, Ingester: in,
	})
	withCORS := newCORS(cfg.origins())
	mux.Handle("/graphql", withCORS(observe("graphql", log, m, api)))
	mux.Handle("GET /graphiql", observe("graphiql", log, m, playground.Handler("summitgraph", "/graphql")))
	mux.Handle("GET /export/{format}", withCORS(observe("export", log, m, http.HandlerFunc(a.serveExport))))
	mux.Handle("GET /backup", observe("backup", log, m, a.serveBackup(tokens)))
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelError)}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := a.ready(r.Context()); err != nil || !ready() {
			w.WriteHeader(http.StatusServiceUnavailable)
			if err == nil {
				err = errors.New("starting")
			}
			fmt.Fprintln(w, "not ready:", err)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("/", observe("explorer", log, m, web.Handler()))
	return mux
}

// ready checks the store is open and readable and holds the catalog and a
// corpus; it reads three keys.
func (a *app) ready(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	v, err := a.store.CatalogVersion(ctx)
	if err != nil {
		return fmt.Errorf("store not readable")
	}
	if v == "" {
		return errors.New("catalog not loaded")
	}
	st, err := a.store.Stats(ctx)
	if err != nil {
		return fmt.Errorf("store not readable")
	}
	if st.Files == 0 {
		return errors.New("no corpus ingested")
	}
	return nil
}

// debugHandler serves net/http/pprof.
func debugHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// streamStall is how long a streamed export or backup may go without a
// write reaching the client before the connection is dropped.
const streamStall = time.Minute

// streaming returns a writer for a long response: each write moves the
// connection's write deadline streamStall ahead, so that an export or a
// backup of any size completes at the pace the client reads it, while a
// client that stops reading is still dropped (the server's WriteTimeout
// would cut a large one at a fixed time from the request).
func streaming(w http.ResponseWriter, stall time.Duration) io.Writer {
	rc := http.NewResponseController(w)
	if err := rc.SetWriteDeadline(time.Now().Add(stall)); err != nil {
		return w // not a connection with deadlines (a test's recorder)
	}
	return &deadlineWriter{w: w, rc: rc, stall: stall, set: time.Now()}
}

type deadlineWriter struct {
	w     io.Writer
	rc    *http.ResponseController
	stall time.Duration
	set   time.Time // when the deadline was last moved
}

func (d *deadlineWriter) Write(p []byte) (int, error) {
	// Moving it is a lock and a timer reset: once a second is enough.
	if now := time.Now(); now.Sub(d.set) > time.Second || d.stall < 2*time.Second {
		if err := d.rc.SetWriteDeadline(now.Add(d.stall)); err != nil {
			return 0, err
		}
		d.set = now
	}
	return d.w.Write(p)
}

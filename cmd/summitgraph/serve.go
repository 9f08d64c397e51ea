package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"time"

	"summitgraph/gql"
	httpserver "summitgraph/gql/server"
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
	level, _ := parseLevel(cfg.logLevel) // validated
	log := httpserver.NewLogger(e.stderr, cfg.logFormat, level)
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
	sv := httpserver.New(a.store, a.catalog, cfg.server(), log)
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.addr, err)
	}
	var dl net.Listener
	if cfg.debugAddr != "" {
		if dl, err = net.Listen("tcp", cfg.debugAddr); err != nil {
			ln.Close()
			return fmt.Errorf("listen on %s (debug): %w", cfg.debugAddr, err)
		}
	}
	if err := httpserver.WriteHolder(e.storeDir, ln.Addr().String()); err != nil {
		log.Warn("cannot write the holder file", "err", err)
	}
	defer httpserver.RemoveHolder(e.storeDir)
	// Seed once listening, so that /healthz answers at once and /readyz
	// says when the graph is there.
	return sv.Serve(ctx, ln, dl, cfg.grace, func() error {
		seeded, err := sv.Ingester().SeedIfEmpty(ctx)
		for _, r := range seeded {
			if r.Err == nil {
				log.Info("ingested", "file", r.Name, "mandates", r.Report.Mandates, "items", r.Report.Items, "warnings", len(r.Report.Warnings))
			}
		}
		if err != nil {
			return err
		}
		sv.SetReady()
		if !cfg.readOnly && cfg.token != "" {
			// ingestDocument may be sent a PDF: start the PDF engine now
			// rather than in the first such request (0.15 s of CPU with
			// its compilation cache filled, 5 s without; BENCHMARKS.md).
			go func() {
				start := time.Now()
				if err := ingest.WarmPDF(); err != nil {
					log.Warn("the PDF engine did not start: PDFs sent to ingestDocument will fail", "err", err)
					return
				}
				log.Debug("PDF engine ready", "took", time.Since(start).Round(time.Millisecond))
			}()
		}
		if !web.Built() {
			log.Warn("the explorer bundle is not built: / explains how (go generate ./web)")
		}
		log.Info("serving", "addr", ln.Addr().String(), "store", e.storeDir, "read_only", cfg.readOnly || cfg.token == "", "cors_origins", cfg.corsOrigins)
		fmt.Fprintf(e.stdout, "summitgraph serving %s on http://%s/graphql (explorer http://%s/, GraphiQL http://%s/graphiql)\n", e.storeDir, ln.Addr(), ln.Addr(), ln.Addr())
		return nil
	})
}

// queryHandler is the server with its default settings, for in-process
// queries.
func (a *app) queryHandler() http.Handler {
	return httpserver.New(a.store, a.catalog, httpserver.Config{ReadOnly: a.store.ReadOnly()}, nil).Handler()
}

// serverConfig is every setting of the server. Each is a flag of `serve`
// and, with the same name in capitals, a SUMMITGRAPH_* environment variable
// (a flag on the command line wins).
type serverConfig struct {
	addr          string
	debugAddr     string
	grace         time.Duration
	timeout       time.Duration
	logFormat     string
	logLevel      string
	token         string
	readOnly      bool
	introspection bool
	corsOrigins   string
	limits        gql.Limits
	queryCache    int64
}

// serveFlags defines the server's flags on fs.
func serveFlags(fs *flag.FlagSet, c *serverConfig) {
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&c.debugAddr, "debug-addr", "", "address for net/http/pprof (off when empty; keep it private)")
	fs.DurationVar(&c.grace, "grace", 10*time.Second, "how long in-flight requests may take to finish on shutdown")
	fs.DurationVar(&c.timeout, "timeout", gql.DefaultTimeout, "time limit of one GraphQL request, store reads included")
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
	fs.IntVar(&c.limits.MaxQuery, "max-query", c.limits.MaxQuery, "largest query text in bytes, checked before it is parsed (large values belong in variables)")
	fs.IntVar(&c.limits.MaxTokens, "max-tokens", c.limits.MaxTokens, "most tokens the parser reads from a query")
	fs.IntVar(&c.limits.MaxSelections, "max-selections", c.limits.MaxSelections, "most selections validation may look at, fragments expanded")
	fs.IntVar(&c.limits.MaxOverlaps, "max-overlaps", c.limits.MaxOverlaps, "most comparisons of fields sharing a response name that validation may make")
	fs.IntVar(&c.limits.MaxAliases, "max-aliases", c.limits.MaxAliases, "most aliased fields in a query")
	fs.IntVar(&c.limits.MaxExpensive, "max-expensive", c.limits.MaxExpensive, "most search, neighborhood, path and trace fields in one operation")
	fs.Int64Var(&c.queryCache, "query-cache", gql.DefaultQueryCache, "bytes the cache of parsed queries may hold")
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
	case c.limits.MaxQuery < 4096:
		// GraphiQL's introspection query is 2.3 KB.
		return fmt.Errorf("--max-query must be at least 4096 bytes")
	case c.limits.MaxTokens < 1000 || c.limits.MaxSelections < 100 || c.limits.MaxOverlaps < 100:
		return fmt.Errorf("--max-tokens must be at least 1000, --max-selections and --max-overlaps at least 100 (the introspection query needs them)")
	case c.limits.MaxAliases < 0 || c.limits.MaxExpensive < 1:
		return fmt.Errorf("--max-aliases must not be negative and --max-expensive must be at least 1")
	case c.queryCache < 1<<20:
		return fmt.Errorf("--query-cache must be at least 1048576 bytes")
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

// server is the configuration of the server that the settings give.
func (c *serverConfig) server() httpserver.Config {
	tokens, _ := parseTokens(c.token) // validated
	return httpserver.Config{
		Limits: c.limits, Timeout: c.timeout, NoIntrospection: !c.introspection,
		Tokens: tokens, ReadOnly: c.readOnly, CORSOrigins: c.origins(), QueryCacheBytes: c.queryCache,
	}
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

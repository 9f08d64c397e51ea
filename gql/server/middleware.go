package server

import (
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/rs/cors"

	"summitgraph/gql"
)

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

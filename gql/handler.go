package gql

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"summitgraph/graph"
)

// Options configure the GraphQL handler.
type Options struct {
	Store    *graph.Store
	Analyzer Analyzer
	Limits   Limits
	// Timeout bounds each request, store reads included (0: 10s).
	Timeout time.Duration
	// NoIntrospection switches schema introspection off.
	NoIntrospection bool
	// Logger receives internal errors and panics (nil: discarded).
	Logger *slog.Logger

	observeBatch func(batch string, keys int) // tests: count store reads
}

// NewHandler returns the GraphQL endpoint: POST and GET, per-request
// loaders and timeout, errors with a code and a safe message.
func NewHandler(o Options) http.Handler {
	if o.Limits.MaxFirst == 0 {
		o.Limits = DefaultLimits
	}
	if o.Timeout == 0 {
		o.Timeout = 10 * time.Second
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	res := &Resolver{Store: o.Store, Analyzer: o.Analyzer, Limits: o.Limits}
	srv := handler.New(NewExecutableSchema(Config{Resolvers: res}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if !o.NoIntrospection {
		srv.Use(extension.Introspection{})
	}
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		return present(ctx, err, log)
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.Error("panic in resolver", "panic", fmt.Sprint(p))
		return graph.Errorf(graph.EINTERNAL, "internal error")
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), o.Timeout)
		defer cancel()
		srv.ServeHTTP(w, r.WithContext(withLoaders(ctx, o.Store, o.observeBatch)))
	})
}

// present turns an error into what a client sees: the domain code and
// message for domain errors, GraphQL's own for invalid operations, and a
// generic message for anything internal (logged, never shown).
func present(ctx context.Context, err error, log *slog.Logger) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	var de *graph.Error
	if errors.As(err, &de) {
		gerr.Message = de.Message
		gerr.Extensions = map[string]any{"code": de.Code}
		return gerr
	}
	if gerr.Extensions != nil && gerr.Extensions["code"] != nil {
		return gerr // parse and validation errors carry their own code
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		gerr.Message = "the request ran out of time"
		gerr.Extensions = map[string]any{"code": graph.ETIMEOUT}
		return gerr
	case errors.Is(err, context.Canceled):
		gerr.Message = "the request was canceled"
		gerr.Extensions = map[string]any{"code": graph.ECANCELED}
		return gerr
	}
	var ge *gqlerror.Error
	if errors.As(err, &ge) && ge.Unwrap() == nil {
		// Argument and input coercion errors from the executor.
		gerr.Extensions = map[string]any{"code": graph.EBADREQUEST}
		return gerr
	}
	log.Error("internal error", "path", gerr.Path.String(), "err", err.Error())
	gerr.Message = "internal error"
	gerr.Extensions = map[string]any{"code": graph.EINTERNAL}
	return gerr
}

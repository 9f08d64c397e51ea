package gql

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// Options configure the GraphQL handler.
type Options struct {
	Store    *store.Store
	Analyzer Analyzer
	Limits   Limits
	// Timeout bounds each request, store reads included (0:
	// DefaultTimeout).
	Timeout time.Duration
	// NoIntrospection switches schema introspection off (__schema and
	// __type are refused with INTROSPECTION_DISABLED) and, with it, the
	// "Did you mean …" suggestions of validation errors.
	NoIntrospection bool
	// QueryCacheBytes bounds the cache of parsed and validated queries in
	// bytes (0: DefaultQueryCache, 32 MiB).
	QueryCacheBytes int64
	// Logger receives internal errors and panics (nil: discarded).
	Logger *slog.Logger
	// Tokens may run mutations; with none, or with ReadOnly, the server is
	// read-only.
	Tokens   []Token
	ReadOnly bool
	// Ingester runs ingestDocument.
	Ingester Ingester

	observeBatch func(batch string, keys int) // tests: count store reads
	onCache      func(*queryCache)            // tests: see the query cache
}

// DefaultTimeout is the time limit of one request when none is set.
const DefaultTimeout = 10 * time.Second

// NewHandler returns the GraphQL endpoint: POST and GET, per-request
// loaders and timeout, errors with a code and a safe message.
func NewHandler(o Options) http.Handler {
	o.Limits = o.Limits.withDefaults()
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	res := &Resolver{Store: o.Store, Analyzer: o.Analyzer, Limits: o.Limits, Ingester: o.Ingester, ReadOnly: o.ReadOnly || len(o.Tokens) == 0}
	cfg := Config{Resolvers: res}
	complexity(&cfg.Complexity, o.Limits, parsedSchema)
	srv := handler.New(NewExecutableSchema(cfg))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(postJSON{})
	cache := newQueryCache(o.QueryCacheBytes)
	if o.onCache != nil {
		o.onCache(cache)
	}
	srv.SetQueryCache(cache)
	srv.SetParserTokenLimit(o.Limits.MaxTokens)
	if o.NoIntrospection {
		srv.SetDisableSuggestion(true)
		srv.SetValidationRulesFn(rulesWithoutSuggestions)
	}
	srv.Use(guard{limits: o.Limits, cache: cache, introspection: !o.NoIntrospection})
	if !o.NoIntrospection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.FixedComplexityLimit(o.Limits.MaxComplexity))
	// A query reads one snapshot of the store (store.Snapshot, made in the
	// handler below); a mutation reads what it writes.
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if oc := graphql.GetOperationContext(ctx); oc.Operation == nil || oc.Operation.Operation != ast.Query {
			store.NoSnapshot(ctx)
		}
		return next(ctx)
	})
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if info := requestInfo(ctx); info != nil {
			info.record(ctx, resp)
		}
		if resp != nil {
			resp.Errors = fewerErrors(resp.Errors)
		}
		return resp
	})
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		return present(ctx, err, log)
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.Error("panic in resolver", "panic", fmt.Sprint(p))
		return graph.Errorf(graph.EINTERNAL, "internal error")
	})
	return limitBody(o.Limits.MaxBody, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(authenticate(r, o.Tokens), o.Timeout)
		defer cancel()
		ctx, release := o.Store.Snapshot(ctx)
		defer release()
		srv.ServeHTTP(w, r.WithContext(withLoaders(ctx, o.Store, o.observeBatch)))
	}))
}

// RequestInfo is what the GraphQL handler learned of one request, for the
// logs and metrics of the server around it. Variables are never kept.
type RequestInfo struct {
	// Operation is the operation's name, "" for an anonymous one.
	Operation string
	// Complexity is the operation's estimated cost (0 when not computed).
	Complexity int
	// ErrorCode is the code of the first error, "" when none.
	ErrorCode string
	// Errors is the number of errors in the response.
	Errors int
}

type requestInfoKey struct{}

// WithRequestInfo returns a context in which the handler records what it
// learns of the request into the returned RequestInfo.
func WithRequestInfo(ctx context.Context) (context.Context, *RequestInfo) {
	info := &RequestInfo{}
	return context.WithValue(ctx, requestInfoKey{}, info), info
}

func requestInfo(ctx context.Context) *RequestInfo {
	info, _ := ctx.Value(requestInfoKey{}).(*RequestInfo)
	return info
}

// refused records a refusal made outside gqlgen (nil: not recorded).
func (info *RequestInfo) refused(code string) {
	if info != nil {
		info.ErrorCode, info.Errors = code, 1
	}
}

func (info *RequestInfo) record(ctx context.Context, resp *graphql.Response) {
	if graphql.HasOperationContext(ctx) {
		oc := graphql.GetOperationContext(ctx)
		info.Operation = oc.OperationName
		if info.Operation == "" && oc.Operation != nil {
			info.Operation = oc.Operation.Name
		}
		info.Operation = clip(info.Operation, maxQuoted) // the client's, bound for the logs
		if st := extension.GetComplexityStats(ctx); st != nil {
			info.Complexity = st.Complexity
		}
	}
	if resp != nil && len(resp.Errors) > 0 {
		info.Errors = len(resp.Errors)
		if c, ok := resp.Errors[0].Extensions["code"].(string); ok {
			info.ErrorCode = c
		}
	}
}

// Token is a curation credential: requests with "Authorization: Bearer
// <Secret>" may run mutations, recorded under Label in the audit log.
type Token struct {
	Label  string
	Secret string
}

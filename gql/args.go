package gql

import (
	"context"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"summitgraph/graph"
)

// The defaults of arguments are stated once, in the schema (`first: Int =
// 50`): gqlgen gives an argument left out its default, and intArg gives it
// to one sent as null.

// intArg is the value of the Int argument name of the field being
// resolved: v, or when the request sent null, the schema's default.
func intArg(ctx context.Context, name string, v *int) int {
	if v != nil {
		return *v
	}
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		return argDefault(fc.Field.Definition, name)
	}
	return 0
}

// argDefault is the default the schema states for an Int argument of a
// field, 0 when it states none.
func argDefault(f *ast.FieldDefinition, arg string) int {
	if f == nil {
		return 0
	}
	a := f.Arguments.ForName(arg)
	if a == nil || a.DefaultValue == nil {
		return 0
	}
	n, _ := strconv.Atoi(a.DefaultValue.Raw)
	return n
}

// first checks a `first` argument: null takes the schema's default;
// values over the cap or below zero are refused with the cap in the
// message.
func (r *Resolver) first(ctx context.Context, v *int) (int, error) {
	n := intArg(ctx, "first", v)
	max := r.Limits.MaxFirst
	if max <= 0 {
		max = DefaultLimits.MaxFirst
	}
	if n < 0 || n > max {
		return 0, graph.Errorf(graph.EINVALID, "first must be between 0 and %d (got %d)", max, n)
	}
	return n, nil
}

// connection builds the edges and page info of a page of a connection
// (mandates, mentions, entities): edge makes the i-th edge, whose cursor
// is cursors[i].
func connection[E any](cursors []string, hasNext bool, edge func(i int, cursor string) E) ([]E, *PageInfo) {
	edges := make([]E, len(cursors))
	for i, c := range cursors {
		edges[i] = edge(i, c)
	}
	info := &PageInfo{HasNextPage: hasNext}
	if n := len(cursors); n > 0 {
		info.StartCursor, info.EndCursor = &cursors[0], &cursors[n-1]
	}
	return edges, info
}

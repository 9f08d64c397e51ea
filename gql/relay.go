package gql

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"summitgraph/graph"
)

// Relay's backward arguments (issue 17): every connection takes `last`
// and `before` as well as `first` and `after`, and its PageInfo says
// hasPreviousPage and startCursor.

// page is what a connection asks of a listing: forward (first after a
// cursor) or backward (last before a cursor).
type page struct {
	n        int
	after    string
	before   string
	backward bool
}

// pageOf checks a connection's four arguments. `last` (or `before`) pages
// backward, and then `first` must not be sent; `first` and `last` are
// capped alike.
func (r *Resolver) pageOf(ctx context.Context, first *int, after *string, last *int, before *string) (page, error) {
	if last == nil && (before == nil || *before == "") {
		n, err := r.first(ctx, first)
		return page{n: n, after: deref(after)}, err
	}
	if sent(ctx, "first") || deref(after) != "" {
		return page{}, graph.Errorf(graph.EINVALID, "give first and after, or last and before, not both")
	}
	n := intArg(ctx, "first", nil) // last defaults to first's default
	if last != nil {
		n = *last
	}
	max := r.Limits.MaxFirst
	if max <= 0 {
		max = DefaultLimits.MaxFirst
	}
	if n < 0 || n > max {
		return page{}, graph.Errorf(graph.EINVALID, "last must be between 0 and %d (got %d)", max, n)
	}
	return page{n: n, before: deref(before), backward: true}, nil
}

// backChunk is how many items a backward page reads forward at a time.
const backChunk = 500

// backward answers a backward page from a listing that only reads
// forward: it reads the listing from its start, backChunk at a time, up to
// the cursor before (to its end when before is ""), and keeps the last n.
// It costs as much as reading everything before the cursor, which the
// listings here (mandates, entities, an entity's mentions, the review
// queue) bear; hasPrev says whether items come before the page, hasNext
// whether any come after (before was given).
func backward[T any](ctx context.Context, p page, fetch func(first int, after string) (items []T, cursors []string, more bool, err error)) (items []T, cursors []string, hasPrev, hasNext bool, err error) {
	after := ""
	found := p.before == ""
	for {
		if err := ctx.Err(); err != nil {
			return nil, nil, false, false, err
		}
		xs, cs, more, err := fetch(backChunk, after)
		if err != nil {
			return nil, nil, false, false, err
		}
		stop := false
		for i, c := range cs {
			if p.before != "" && c == p.before {
				found, stop = true, true
				break
			}
			items, cursors = append(items, xs[i]), append(cursors, c)
			if len(items) > p.n {
				// Keep the window at n; what falls out lies before it.
				items, cursors, hasPrev = items[1:], cursors[1:], true
			}
		}
		if stop || !more || len(cs) == 0 {
			break
		}
		after = cs[len(cs)-1]
	}
	if !found {
		return nil, nil, false, false, graph.Errorf(graph.EINVALID, "before: no item of this listing has that cursor (it may have been removed)")
	}
	if p.n == 0 {
		items, cursors = nil, nil
	}
	return items, cursors, hasPrev, p.before != "", nil
}

// sent reports whether the request itself gave the argument (not its
// default).
func sent(ctx context.Context, name string) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return false
	}
	return fc.Field.Arguments.ForName(name) != nil
}

// listing reads a page of a forward listing either way: forward, one
// fetch; backward, see backward. hasPrev on a forward page is whether an
// after cursor was given.
func listing[T any](ctx context.Context, p page, fetch func(first int, after string) ([]T, []string, bool, error)) (items []T, cursors []string, hasPrev, hasNext bool, err error) {
	if p.backward {
		return backward(ctx, p, fetch)
	}
	items, cursors, hasNext, err = fetch(p.n, p.after)
	return items, cursors, p.after != "", hasNext, err
}

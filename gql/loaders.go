package gql

import (
	"context"
	"time"

	"github.com/vikstrous/dataloadgen"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// loaders batch the node and edge reads of one request: every resolver
// asking for a node or for the edges of a node in the same tick shares one
// store transaction, so that a list of 50 mandates with their summits costs
// two reads, not 51.
type loaders struct {
	nodes *dataloadgen.Loader[string, graph.Node]
	edges *dataloadgen.Loader[graph.EdgeQuery, []graph.Edge]
}

// loaderWait is how long a loader waits for more keys before it reads.
const loaderWait = time.Millisecond

// newLoaders makes one request's loaders; observe, when set, is told of
// every batch read (tests count them).
func newLoaders(s *store.Store, observe func(batch string, keys int)) *loaders {
	nodes, edges := s.Nodes, s.EdgesBatch
	if observe != nil {
		nodes = func(ctx context.Context, ids []string) ([]graph.Node, []error) {
			observe("nodes", len(ids))
			return s.Nodes(ctx, ids)
		}
		edges = func(ctx context.Context, qs []graph.EdgeQuery) ([][]graph.Edge, []error) {
			observe("edges", len(qs))
			return s.EdgesBatch(ctx, qs)
		}
	}
	return &loaders{
		nodes: dataloadgen.NewLoader(nodes, dataloadgen.WithWait(loaderWait), dataloadgen.WithBatchCapacity(1000)),
		edges: dataloadgen.NewLoader(edges, dataloadgen.WithWait(loaderWait), dataloadgen.WithBatchCapacity(1000)),
	}
}

type loadersKey struct{}

// withLoaders returns a context carrying fresh loaders for one request.
func withLoaders(ctx context.Context, s *store.Store, observe func(string, int)) context.Context {
	return context.WithValue(ctx, loadersKey{}, newLoaders(s, observe))
}

func (r *Resolver) loaders(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.Store, nil) // outside a request (tests of single resolvers)
}

func (r *Resolver) node(ctx context.Context, id string) (graph.Node, error) {
	return r.loaders(ctx).nodes.Load(ctx, id)
}

func (r *Resolver) edgesOf(ctx context.Context, q graph.EdgeQuery) ([]graph.Edge, error) {
	return r.loaders(ctx).edges.Load(ctx, q)
}

// nodeAs loads a node and checks its type.
func nodeAs[T graph.Node](ctx context.Context, r *Resolver, id string) (T, error) {
	var zero T
	n, err := r.node(ctx, id)
	if err != nil {
		return zero, err
	}
	t, ok := n.(T)
	if !ok {
		return zero, graph.Errorf(graph.ENOTFOUND, "%q is a %s", id, n.Kind())
	}
	return t, nil
}

// nodesAs loads several nodes of one type, keeping their order.
func nodesAs[T graph.Node](ctx context.Context, r *Resolver, ids []string) ([]T, error) {
	ns, err := r.loaders(ctx).nodes.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(ns))
	for _, n := range ns {
		if t, ok := n.(T); ok {
			out = append(out, t)
		}
	}
	return out, nil
}

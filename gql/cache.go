package gql

import (
	"context"
	"math"
	"sync"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/99designs/gqlgen/graphql"
)

// DefaultQueryCache is the size of the parsed-query cache in bytes.
const DefaultQueryCache = 32 << 20

// astNodeBytes bounds what one node of a parsed and validated query takes
// on the heap (a field with its position and definition, an argument, a
// value): 200 to 410 bytes measured (TestQueryCacheCost).
const astNodeBytes = 512

// queryCache keeps parsed and validated queries, least recently used
// first out, up to a total cost in bytes: the query text, which the tree
// keeps alive, and astNodeBytes a node of the tree. A count of entries
// bounded nothing: 1,000 distinct 1 MB queries held 2 GiB.
type queryCache struct {
	mu   sync.Mutex
	lru  *simplelru.LRU[string, cachedQuery]
	size int64 // the cost of what it holds
	max  int64
}

type cachedQuery struct {
	doc  *ast.QueryDocument
	cost int64
}

var _ graphql.Cache[*ast.QueryDocument] = (*queryCache)(nil)

// newQueryCache returns a cache of max bytes (0: DefaultQueryCache).
func newQueryCache(max int64) *queryCache {
	if max <= 0 {
		max = DefaultQueryCache
	}
	c := &queryCache{max: max}
	// The cost bounds the cache, not the count of entries.
	c.lru, _ = simplelru.NewLRU(math.MaxInt32, func(_ string, q cachedQuery) { c.size -= q.cost })
	return c
}

func (c *queryCache) Get(_ context.Context, query string) (*ast.QueryDocument, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	q, ok := c.lru.Get(query)
	return q.doc, ok
}

// has reports whether a query is cached, without making it recent. A
// query evicted between has and Get is parsed again unchecked, but it was
// checked when it was added: only queries that passed the guard's checks
// reach the cache.
func (c *queryCache) has(query string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Contains(query)
}

// Add keeps a query unless it alone would take more than an eighth of the
// cache, and drops the least recently used ones beyond the cache's size.
func (c *queryCache) Add(_ context.Context, query string, doc *ast.QueryDocument) {
	cost := int64(len(query)) + astNodeBytes*int64(nodes(doc))
	if cost > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.lru.Peek(query); ok {
		c.size -= old.cost // replaced without the eviction callback
	}
	c.lru.Add(query, cachedQuery{doc: doc, cost: cost})
	c.size += cost
	for c.size > c.max {
		c.lru.RemoveOldest()
	}
}

// stats returns the entries held and their cost.
func (c *queryCache) stats() (entries int, size int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len(), c.size
}

// nodes counts the nodes of a query's tree: operations, variables,
// directives, selections, arguments and values.
func nodes(doc *ast.QueryDocument) int {
	n := 0
	var value func(*ast.Value)
	value = func(v *ast.Value) {
		if v == nil {
			return
		}
		n++
		for _, ch := range v.Children {
			n++
			value(ch.Value)
		}
	}
	directives := func(ds ast.DirectiveList) {
		for _, d := range ds {
			n++
			for _, a := range d.Arguments {
				n++
				value(a.Value)
			}
		}
	}
	var set func(ast.SelectionSet)
	set = func(ss ast.SelectionSet) {
		for _, s := range ss {
			n++
			switch x := s.(type) {
			case *ast.Field:
				for _, a := range x.Arguments {
					n++
					value(a.Value)
				}
				directives(x.Directives)
				set(x.SelectionSet)
			case *ast.InlineFragment:
				directives(x.Directives)
				set(x.SelectionSet)
			case *ast.FragmentSpread:
				directives(x.Directives)
			}
		}
	}
	for _, op := range doc.Operations {
		n++
		for _, v := range op.VariableDefinitions {
			n++
			value(v.DefaultValue)
			directives(v.Directives)
		}
		directives(op.Directives)
		set(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		n++
		directives(f.Directives)
		set(f.SelectionSet)
	}
	return n
}

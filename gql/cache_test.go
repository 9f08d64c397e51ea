package gql

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

func parsed(t testing.TB, q string) *ast.QueryDocument {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: q})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestQueryCache(t *testing.T) {
	ctx := context.Background()
	q := func(i int) string { return fmt.Sprintf("{ stats { files } } # %04d %s", i, strings.Repeat("x", 900)) }
	doc := parsed(t, q(0))
	one := int64(len(q(0))) + astNodeBytes*int64(nodes(doc)) // 1,000 bytes and 4 nodes
	c := newQueryCache(10 * one)
	for i := range 25 {
		c.Add(ctx, q(i), doc)
		if _, size := c.stats(); size > 10*one {
			t.Fatalf("after %d queries the cache holds %d bytes, more than %d", i+1, size, 10*one)
		}
	}
	if n, size := c.stats(); n != 10 || size != 10*one {
		t.Errorf("the cache holds %d queries, %d bytes; want 10, %d", n, size, 10*one)
	}
	// The least recently used go first: a query read stays.
	if _, ok := c.Get(ctx, q(15)); !ok {
		t.Fatal("query 15 is gone")
	}
	c.Add(ctx, q(25), doc)
	if _, ok := c.Get(ctx, q(15)); !ok {
		t.Error("query 15, read last, was evicted")
	}
	if c.has(q(16)) {
		t.Error("query 16, the oldest, was kept")
	}
	// Adding a query again does not count it twice.
	c.Add(ctx, q(25), doc)
	c.Add(ctx, q(25), doc)
	if n, size := c.stats(); n != 10 || size != 10*one {
		t.Errorf("after adding one query again: %d queries, %d bytes", n, size)
	}
	// A query larger than an eighth of the cache is not kept.
	big := "{ stats { files } } # " + strings.Repeat("y", int(2*one))
	c.Add(ctx, big, parsed(t, big))
	if c.has(big) {
		t.Error("a query of a fifth of the cache was kept")
	}
}

// TestQueryCacheCost: what a parsed and validated query takes on the heap
// is within the cost the cache counts for it (astNodeBytes a node).
func TestQueryCacheCost(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	var typenames, args strings.Builder
	typenames.WriteString("{")
	for i := range 1000 {
		fmt.Fprintf(&typenames, " t%d: __typename", i)
	}
	typenames.WriteString(" }")
	args.WriteString("{")
	for i := range 100 {
		fmt.Fprintf(&args, ` a%d: mandates(first: 1, after: "c", filter: {yearFrom: 1, yearTo: 2, topLevel: true}) { totalCount }`, i)
	}
	args.WriteString(" }")
	intro, err := readFile("testdata/introspection-full.graphql")
	if err != nil {
		t.Fatal(err)
	}
	for name, q := range map[string]string{
		"__typename":    typenames.String(),
		"nested fields": "{" + strings.Repeat(` node(id: "x") { id ... on Mandate { text parent { id } } }`, 50) + " }",
		"arguments":     args.String(),
		"introspection": intro,
	} {
		const copies = 40
		docs := make([]*ast.QueryDocument, copies)
		before := heapInUse()
		for i := range docs {
			src := strings.Clone(q)
			docs[i] = parsed(t, src)
			if errs := validator.Validate(schema, docs[i]); len(errs) > 0 {
				t.Fatalf("%s: %v", name, errs)
			}
		}
		heap := float64(int64(heapInUse())-int64(before)) / copies
		cost := float64(len(q)) + astNodeBytes*float64(nodes(docs[0]))
		t.Logf("%s: %d bytes, %d nodes: %.0f bytes on the heap, counted %.0f", name, len(q), nodes(docs[0]), heap, cost)
		if heap > cost {
			t.Errorf("%s takes %.0f bytes, more than the %.0f the cache counts", name, heap, cost)
		}
		runtime.KeepAlive(docs)
	}
}

// TestConcurrentQueries: distinct and repeated queries, and refusals, from
// many goroutines at once through one handler, its guard and its cache
// (run under -race in CI).
func TestConcurrentQueries(t *testing.T) {
	c := newClient(t, Options{QueryCacheBytes: 200 << 10})
	var wg sync.WaitGroup
	errs := make(chan string, 8*60)
	for g := range 8 {
		wg.Go(func() {
			for i := range 60 {
				q := fmt.Sprintf("{ stats { files } } # %d", (g*7+i)%40)
				want := ""
				if i%5 == 0 {
					q, want = repeated(100), CodeSelectionLimit
				}
				if r := c.do(q, nil, nil); r.code() != want {
					errs <- fmt.Sprintf("%s: %+v", q[:20], r.Errors)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if n, size := c.cache.stats(); size > 200<<10 || n == 0 {
		t.Errorf("the cache holds %d queries, %d bytes", n, size)
	}
}

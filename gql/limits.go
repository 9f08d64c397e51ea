package gql

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"unicode"

	"github.com/vektah/gqlparser/v2/ast"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// Limits bound what one request may ask for. The size limits are checked
// on the query text and its syntax tree before gqlparser validates it, so
// that parsing and validation take time bounded by them; the cost limits
// after validation, before anything is resolved.
type Limits struct {
	// MaxFirst caps every `first` argument; larger values are refused with
	// the cap in the message.
	MaxFirst int
	// MaxDepth caps the nesting of selections.
	MaxDepth int
	// MaxComplexity caps an operation's estimated cost: every field costs
	// one, a list multiplies what is below it by its size (`first`, or the
	// typical size of lists without one), and search, neighborhood, path
	// and trace add a base cost for the store reads they make whatever
	// they select.
	MaxComplexity int
	// MaxBody caps the request body in bytes (HTTP 413 beyond).
	MaxBody int64
	// MaxQuery caps the query text in bytes (TOO_LARGE beyond; large
	// values belong in variables).
	MaxQuery int
	// MaxTokens caps the tokens the parser reads from the query text
	// (TOO_LARGE beyond).
	MaxTokens int
	// MaxSelections caps the selections validation looks at: every field,
	// inline fragment and fragment spread, counted again for each
	// operation that reaches it through a fragment and for each selection
	// set its fields are compared in, and each pair of fragments spread
	// into one set (SELECTION_LIMIT_EXCEEDED beyond).
	MaxSelections int
	// MaxOverlaps caps the comparisons validation makes between fields
	// that share a response name in one selection set (fields of its
	// inline fragments and spread fragments included): each pair counts
	// the product of the two fields' selections, fragments expanded, as
	// comparing what is below them may take that. 8,000 copies of one
	// field took 10 s to validate, 50,000 minutes
	// (SELECTION_LIMIT_EXCEEDED beyond).
	MaxOverlaps int
	// MaxAliases caps the aliased fields of a document
	// (ALIAS_LIMIT_EXCEEDED beyond).
	MaxAliases int
	// MaxExpensive caps the root fields of an operation that read much of
	// the store whatever they select: search, searchPage, review,
	// neighborhood, path and trace
	// (EXPENSIVE_FIELD_LIMIT_EXCEEDED beyond).
	MaxExpensive int
}

// DefaultLimits are the limits a server starts with.
var DefaultLimits = Limits{
	MaxFirst: 500, MaxDepth: 15, MaxComplexity: 250000, MaxBody: 1 << 20,
	MaxQuery: 64 << 10, MaxTokens: 10000, MaxSelections: 2000, MaxOverlaps: 10000, MaxAliases: 100, MaxExpensive: 10,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	orDefault(&l.MaxFirst, d.MaxFirst)
	orDefault(&l.MaxDepth, d.MaxDepth)
	orDefault(&l.MaxComplexity, d.MaxComplexity)
	orDefault(&l.MaxBody, d.MaxBody)
	orDefault(&l.MaxQuery, d.MaxQuery)
	orDefault(&l.MaxTokens, d.MaxTokens)
	orDefault(&l.MaxSelections, d.MaxSelections)
	orDefault(&l.MaxOverlaps, d.MaxOverlaps)
	orDefault(&l.MaxAliases, d.MaxAliases)
	orDefault(&l.MaxExpensive, d.MaxExpensive)
	return l
}

func orDefault[T int | int64](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonZero(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

// costCap keeps complexity arithmetic from overflowing: any operation past
// it is refused anyway.
const costCap = 1 << 40

// cost is the complexity of a list of n items each costing child.
func cost(n, child int) int {
	if n < 1 {
		n = 1
	}
	if child < 1 {
		child = 1
	}
	if child > costCap/n {
		return costCap
	}
	return 1 + n*child
}

// Typical sizes of the lists that take no `first`, for the complexity
// estimate.
const (
	sizeItems      = 10
	sizeMentions   = 20
	sizeReferences = 5
	sizeSummits    = 12
	sizeDocuments  = 10
	sizeRelations  = 10
	sizeResolve    = 20
	sizeSteps      = 12
	sizeStepItems  = 500 // a step lists every mandate, and a common entity has hundreds
	sizePath       = 9
	sizeSubNodes   = store.DefaultNeighborhood
	sizeSubEdges   = 4 * store.DefaultNeighborhood
)

// Base costs of the root fields that read much of the store whatever they
// select, in the estimate's unit (a field, about 3 µs of a listing's time
// at 100,000 mandates: a 50-mandate listing costs about 450 and takes 1.3
// ms of CPU; BENCHMARKS.md). Without them a neighbourhood that selects only
// `truncated` counted 2, and a thousand aliases of it kept both cores busy
// for seconds.
const (
	// A search reads up to 1,000 postings of every word's stems.
	costSearch     = 500
	costSearchWord = 100
	// A neighbourhood reads the edges of up to 500 nodes a hop: 12 ms of
	// CPU at depth 2.
	costNeighborhood    = 100
	costNeighborhoodHop = 2000
	// A shortest path visits up to 50,000 nodes, more the deeper it may go.
	costPathHop = 500
	// A trace reads the mention index of the entity (21,000 mandates for
	// the OAS at 100,000).
	costTrace = 2000
)

// expensive are the root fields with a base cost, capped by MaxExpensive.
var expensive = map[string]bool{"search": true, "neighborhood": true, "path": true, "trace": true, "searchPage": true, "review": true}

// words counts the words of a search text without splitting it.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r) || unicode.IsPunct(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// hops is a depth argument as the store takes it: the default when nil,
// and within 0..max (the resolver refuses the rest).
func hops(p *int, def, max int) int {
	switch {
	case p == nil:
		return def
	case *p < 0:
		return 0
	case *p > max:
		return max
	}
	return *p
}

// plus adds costs without overflowing.
func plus(a, b int) int { return min(a+b, costCap) }

// complexity sets the cost of every list field. A `first` over the cap
// counts as the cap: the resolver refuses it with a clearer message. A
// `first` sent as null counts as the schema's default.
func complexity(c *ComplexityRoot, l Limits, schema *ast.Schema) {
	firstOr := func(p *int, typ, field string) int {
		switch {
		case p == nil:
			return argDefault(schema.Types[typ].Fields.ForName(field), "first")
		case *p > l.MaxFirst:
			return l.MaxFirst
		}
		return *p
	}
	// A backward page (last) is as large as last, or first's default.
	pageOr := func(first, last *int, typ, field string) int {
		if last != nil {
			return firstOr(last, typ, field)
		}
		return firstOr(first, typ, field)
	}
	c.Query.Mandates = func(ch int, _ *MandateFilter, first *int, _ *string, last *int, _ *string) int {
		return cost(pageOr(first, last, "Query", "mandates"), ch)
	}
	c.Query.Entities = func(ch int, _ *EntityFilter, first *int, _ *string, last *int, _ *string) int {
		return cost(pageOr(first, last, "Query", "entities"), ch)
	}
	c.Query.Search = func(ch int, text string, first *int, _ *string) int {
		return plus(cost(firstOr(first, "Query", "search"), ch), costSearch+costSearchWord*min(words(text), costCap/costSearchWord/2))
	}
	// searchPage ranks a window of searchWindow matches whatever it
	// returns; review reads mandates until its page is full (all of them
	// for its counts).
	c.Query.SearchPage = func(ch int, text string, _ *SearchFilter, first *int, _ *string, last *int, _ *string) int {
		return plus(cost(pageOr(first, last, "Query", "searchPage"), ch), costSearch*2+costSearchWord*min(words(text), costCap/costSearchWord/2))
	}
	c.Query.Review = func(ch int, _ *ReviewReason, _ *float64, first *int, _ *string, last *int, _ *string) int {
		return plus(cost(pageOr(first, last, "Query", "review"), ch), costTrace)
	}
	c.Query.Neighborhood = func(ch int, _ string, depth *int) int {
		return plus(ch, costNeighborhood+costNeighborhoodHop*hops(depth, 1, store.MaxDepth))
	}
	c.Query.Trace = func(ch int, _ string) int { return plus(ch, costTrace) }
	c.Query.Summits = func(ch int) int { return cost(sizeSummits, ch) }
	c.Query.Resolve = func(ch int, _ string, _ *bool) int { return cost(sizeResolve, ch) }
	c.Query.Path = func(ch int, _, _ string, maxDepth *int) int {
		return plus(cost(sizePath, ch), costPathHop*hops(maxDepth, 6, store.MaxPathDepth))
	}
	c.Summit.Mandates = func(ch int, first *int, _ *string, last *int, _ *string) int {
		return cost(pageOr(first, last, "Summit", "mandates"), ch)
	}
	c.Summit.Documents = func(ch int) int { return cost(sizeDocuments, ch) }
	c.Document.Mandates = func(ch int, first *int, _ *string, last *int, _ *string) int {
		return cost(pageOr(first, last, "Document", "mandates"), ch)
	}
	c.Document.Paragraphs = func(ch int, first *int, _ *string, last *int, _ *string) int {
		return cost(pageOr(first, last, "Document", "paragraphs"), ch)
	}
	c.Mandate.Items = func(ch int) int { return cost(sizeItems, ch) }
	// A mandate's mentions count as many as it may return (first, 100 by
	// default): a long text may hold thousands.
	c.Mandate.Mentions = func(ch int, _ *graph.Kind, first *int, _ *int) int {
		return cost(firstOr(first, "Mandate", "mentions"), ch)
	}
	c.Mandate.References = func(ch int) int { return cost(sizeReferences, ch) }
	c.Mandate.Similar = func(ch int, first *int) int { return cost(firstOr(first, "Mandate", "similar"), ch) }
	c.Mandate.Links = func(ch int, _ []graph.EdgeType, first *int) int { return cost(firstOr(first, "Mandate", "links"), ch) }
	c.Mandate.Sources = func(ch int) int { return cost(2, ch) }
	c.Entity.Mentions = func(ch int, first *int, _ *string, last *int, _ *string) int {
		return cost(pageOr(first, last, "Entity", "mentions"), ch)
	}
	c.Entity.Related = func(ch int, _ *graph.Kind, first *int) int { return cost(firstOr(first, "Entity", "related"), ch) }
	c.Entity.Summits = func(ch int) int { return cost(sizeSummits, ch) }
	c.Entity.Relations = func(ch int) int { return cost(sizeRelations, ch) }
	c.Trace.Steps = func(ch int) int { return cost(sizeSteps, ch) }
	// Without first a step lists every mandate, and a common entity has
	// hundreds at each summit.
	c.TraceStep.Mandates = func(ch int, first *int, _ *string) int {
		if first == nil {
			return cost(sizeStepItems, ch)
		}
		return cost(min(max(*first, 0), l.MaxFirst), ch)
	}
	c.Subgraph.Nodes = func(ch int) int { return cost(sizeSubNodes, ch) }
	c.Subgraph.Edges = func(ch int) int { return cost(sizeSubEdges, ch) }
}

// limitBody refuses bodies over max bytes with 413 before GraphQL reads
// them.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		info := requestInfo(r.Context())
		if r.ContentLength > max {
			info.refused(CodeTooLarge)
			tooLarge(w, max)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			body, err := io.ReadAll(io.LimitReader(r.Body, max+1))
			if err != nil {
				info.refused(graph.EBADREQUEST)
				http.Error(w, "cannot read the request body", http.StatusBadRequest)
				return
			}
			if int64(len(body)) > max {
				info.refused(CodeTooLarge)
				tooLarge(w, max)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		next.ServeHTTP(w, r)
	})
}

func tooLarge(w http.ResponseWriter, max int64) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Connection", "close")
	w.WriteHeader(http.StatusRequestEntityTooLarge)
	fmt.Fprintf(w, `{"errors":[{"message":"the request body is larger than %d bytes","extensions":{"code":"%s"}}]}`+"\n", max, graph.ETOOLARGE)
}

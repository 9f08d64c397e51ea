package gql

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"summitgraph/graph"
	"summitgraph/graph/store"
)

// Limits bound what one request may ask for.
type Limits struct {
	// MaxFirst caps every `first` argument; larger values are refused with
	// the cap in the message.
	MaxFirst int
	// MaxDepth caps the nesting of selections.
	MaxDepth int
	// MaxComplexity caps an operation's estimated cost: every field costs
	// one, and a list multiplies what is below it by its size (`first`, or
	// the typical size of lists without one).
	MaxComplexity int
	// MaxBody caps the request body in bytes (HTTP 413 beyond).
	MaxBody int64
}

// DefaultLimits are the limits a server starts with.
var DefaultLimits = Limits{MaxFirst: 500, MaxDepth: 15, MaxComplexity: 250000, MaxBody: 1 << 20}

func (l Limits) withDefaults() Limits {
	if l.MaxFirst <= 0 {
		l.MaxFirst = DefaultLimits.MaxFirst
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	if l.MaxComplexity <= 0 {
		l.MaxComplexity = DefaultLimits.MaxComplexity
	}
	if l.MaxBody <= 0 {
		l.MaxBody = DefaultLimits.MaxBody
	}
	return l
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
	c.Query.Mandates = func(ch int, _ *MandateFilter, first *int, _ *string) int {
		return cost(firstOr(first, "Query", "mandates"), ch)
	}
	c.Query.Entities = func(ch int, _ *EntityFilter, first *int, _ *string) int {
		return cost(firstOr(first, "Query", "entities"), ch)
	}
	c.Query.Search = func(ch int, _ string, first *int) int { return cost(firstOr(first, "Query", "search"), ch) }
	c.Query.Summits = func(ch int) int { return cost(sizeSummits, ch) }
	c.Query.Resolve = func(ch int, _ string) int { return cost(sizeResolve, ch) }
	c.Query.Path = func(ch int, _, _ string, _ *int) int { return cost(sizePath, ch) }
	c.Summit.Mandates = func(ch int, first *int, _ *string) int { return cost(firstOr(first, "Summit", "mandates"), ch) }
	c.Summit.Documents = func(ch int) int { return cost(sizeDocuments, ch) }
	c.Document.Mandates = func(ch int, first *int, _ *string) int { return cost(firstOr(first, "Document", "mandates"), ch) }
	c.Mandate.Items = func(ch int) int { return cost(sizeItems, ch) }
	c.Mandate.Mentions = func(ch int, _ *graph.Kind) int { return cost(sizeMentions, ch) }
	c.Mandate.References = func(ch int) int { return cost(sizeReferences, ch) }
	c.Mandate.Similar = func(ch int, first *int) int { return cost(firstOr(first, "Mandate", "similar"), ch) }
	c.Mandate.Sources = func(ch int) int { return cost(2, ch) }
	c.Entity.Mentions = func(ch int, first *int, _ *string) int { return cost(firstOr(first, "Entity", "mentions"), ch) }
	c.Entity.Related = func(ch int, _ *graph.Kind, first *int) int { return cost(firstOr(first, "Entity", "related"), ch) }
	c.Entity.Summits = func(ch int) int { return cost(sizeSummits, ch) }
	c.Entity.Relations = func(ch int) int { return cost(sizeRelations, ch) }
	c.Trace.Steps = func(ch int) int { return cost(sizeSteps, ch) }
	c.TraceStep.Mandates = func(ch int) int { return cost(sizeStepItems, ch) }
	c.Subgraph.Nodes = func(ch int) int { return cost(sizeSubNodes, ch) }
	c.Subgraph.Edges = func(ch int) int { return cost(sizeSubEdges, ch) }
}

// Error codes of the limits (COMPLEXITY_LIMIT_EXCEEDED is gqlgen's).
const (
	CodeDepthLimit      = "DEPTH_LIMIT_EXCEEDED"
	CodeComplexityLimit = "COMPLEXITY_LIMIT_EXCEEDED"
)

// depthLimit refuses operations whose selections nest deeper than max, or
// expand (fragments spread into fragments) to more than maxFields fields,
// before anything is resolved and before gqlgen's complexity walk, which
// expands every spread and so takes time exponential in the nesting of
// fragments.
type depthLimit struct{ max, maxFields int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	op := oc.Doc.Operations.ForName(oc.OperationName)
	if op == nil {
		return nil
	}
	m := measurer{frags: oc.Doc.Fragments, memo: map[string]*shape{}}
	sh := m.set(op.SelectionSet)
	if sh.depth > d.max {
		err := gqlerror.Errorf("operation nests %d levels deep, more than the limit of %d", sh.depth, d.max)
		err.Extensions = map[string]any{"code": CodeDepthLimit}
		return err
	}
	if d.maxFields > 0 && sh.fields > d.maxFields {
		n := fmt.Sprint(sh.fields)
		if sh.fields >= costCap {
			n = fmt.Sprintf("more than %d", costCap)
		}
		err := gqlerror.Errorf("operation expands to %s fields, more than the limit of %d", n, d.maxFields)
		err.Extensions = map[string]any{"code": CodeComplexityLimit}
		return err
	}
	return nil
}

// shape is what a selection set expands to: how deep it nests and how many
// fields it holds once every fragment is spread.
type shape struct{ depth, fields int }

// measurer measures selection sets, each fragment once: a fragment spread
// twice in each of thirty nested fragments costs thirty steps, not 2³⁰.
type measurer struct {
	frags ast.FragmentDefinitionList
	memo  map[string]*shape
}

func (m measurer) set(set ast.SelectionSet) shape {
	var out shape
	for _, s := range set {
		var sh shape
		switch x := s.(type) {
		case *ast.Field:
			sh = m.set(x.SelectionSet)
			sh.depth++
			sh.fields = min(sh.fields+1, costCap)
		case *ast.InlineFragment:
			sh = m.set(x.SelectionSet)
		case *ast.FragmentSpread:
			sh = m.fragment(x.Name)
		}
		out.depth = max(out.depth, sh.depth)
		out.fields = min(out.fields+sh.fields, costCap)
	}
	return out
}

func (m measurer) fragment(name string) shape {
	if sh, ok := m.memo[name]; ok {
		if sh == nil {
			return shape{} // a cycle, which validation has refused already
		}
		return *sh
	}
	f := m.frags.ForName(name)
	if f == nil {
		return shape{}
	}
	m.memo[name] = nil
	sh := m.set(f.SelectionSet)
	m.memo[name] = &sh
	return sh
}

// limitBody refuses bodies over max bytes with 413 before GraphQL reads
// them.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			tooLarge(w, max)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			body, err := io.ReadAll(io.LimitReader(r.Body, max+1))
			if err != nil {
				http.Error(w, "cannot read the request body", http.StatusBadRequest)
				return
			}
			if int64(len(body)) > max {
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

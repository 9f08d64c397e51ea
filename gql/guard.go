package gql

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"summitgraph/graph"
)

// Codes of the limits' refusals (COMPLEXITY_LIMIT_EXCEEDED is also
// gqlgen's), in extensions.code and in RequestInfo.ErrorCode.
const (
	CodeTooLarge              = graph.ETOOLARGE // query text, tokens, body
	CodeSelectionLimit        = "SELECTION_LIMIT_EXCEEDED"
	CodeAliasLimit            = "ALIAS_LIMIT_EXCEEDED"
	CodeDepthLimit            = "DEPTH_LIMIT_EXCEEDED"
	CodeComplexityLimit       = "COMPLEXITY_LIMIT_EXCEEDED"
	CodeExpensiveLimit        = "EXPENSIVE_FIELD_LIMIT_EXCEEDED"
	CodeIntrospectionDisabled = "INTROSPECTION_DISABLED"
)

// guard enforces the limits around gqlgen's parsing and validation.
//
// gqlgen parses and validates a query in one step, before any extension
// sees the document, and gqlparser's validation takes time quadratic (and
// worse) in the fields that share a response name: 8,000 copies of one
// field took 10 s, 50,000 minutes. So the guard parses the query itself
// first, with the token limit, counts what validation would walk, and
// refuses a document over a limit before gqlgen parses it again and
// validates it. Queries in the cache passed the same checks and skip
// them. After validation, it refuses introspection when it is off, more
// expensive root fields than allowed, and requests that ran out of time.
type guard struct {
	limits        Limits
	cache         *queryCache
	introspection bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
} = guard{}

func (guard) ExtensionName() string                   { return "Guard" }
func (guard) Validate(graphql.ExecutableSchema) error { return nil }

func refusal(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": code}
	return err
}

// MutateOperationParameters checks the query before gqlgen parses and
// validates it.
func (g guard) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	if g.cache.has(p.Query) {
		return nil
	}
	return g.check(p.Query)
}

// check refuses a query over a size limit, in time bounded by the limits.
func (g guard) check(query string) *gqlerror.Error {
	l := g.limits
	if len(query) > l.MaxQuery {
		return refusal(CodeTooLarge, "the query is %d bytes long, more than the limit of %d: send large values as variables", len(query), l.MaxQuery)
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, l.MaxTokens)
	if err != nil {
		var gerr *gqlerror.Error
		if !errors.As(err, &gerr) {
			gerr = gqlerror.Wrap(err)
		}
		if strings.HasPrefix(gerr.Message, "exceeded token limit") {
			return refusal(CodeTooLarge, "the query has more than the limit of %d tokens", l.MaxTokens)
		}
		errcode.Set(gerr, errcode.ParseFailed)
		return gerr
	}
	if n := aliased(doc); n > l.MaxAliases {
		return refusal(CodeAliasLimit, "the query has %d aliased fields, more than the limit of %d", n, l.MaxAliases)
	}
	c := newCounter(doc, l)
	switch c.count(); {
	case c.selections > l.MaxSelections:
		return refusal(CodeSelectionLimit, "the query has more than the limit of %d selections to validate (a fragment counts wherever it is spread)", l.MaxSelections)
	case c.overlaps > l.MaxOverlaps:
		return refusal(CodeSelectionLimit, "the query repeats fields in one selection set (fragments spread there included) past the limit of %d comparisons: select each field once", l.MaxOverlaps)
	}
	m := measurer{frags: doc.Fragments, memo: map[string]*shape{}}
	for _, op := range doc.Operations {
		sh := m.set(op.SelectionSet)
		if sh.depth > l.MaxDepth {
			return refusal(CodeDepthLimit, "operation nests %d levels deep, more than the limit of %d", sh.depth, l.MaxDepth)
		}
		// gqlgen's complexity walk expands every fragment spread, taking
		// time exponential in the nesting of fragments: refuse what
		// expands past the complexity limit before it runs.
		if sh.fields > l.MaxComplexity {
			n := fmt.Sprint(sh.fields)
			if sh.fields >= costCap {
				n = fmt.Sprintf("more than %d", costCap)
			}
			return refusal(CodeComplexityLimit, "operation expands to %s fields, more than the limit of %d", n, l.MaxComplexity)
		}
	}
	return nil
}

// MutateOperationContext runs after validation, before gqlgen's
// complexity limit and before anything is resolved.
func (g guard) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	switch err := ctx.Err(); {
	case errors.Is(err, context.DeadlineExceeded):
		return refusal(graph.ETIMEOUT, "the request ran out of time before it ran")
	case err != nil:
		return refusal(graph.ECANCELED, "the request was canceled")
	}
	if oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return nil
	}
	n := 0
	for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Query"}) {
		switch {
		case (f.Name == "__schema" || f.Name == "__type") && !g.introspection:
			return refusal(CodeIntrospectionDisabled, "introspection is switched off on this server")
		case expensive[f.Name]:
			n++
		}
	}
	if n > g.limits.MaxExpensive {
		return refusal(CodeExpensiveLimit, "the operation asks for %d of search, searchPage, review, neighborhood, path and trace, more than the limit of %d", n, g.limits.MaxExpensive)
	}
	return nil
}

// aliased counts the aliased fields of a document as written.
func aliased(doc *ast.QueryDocument) int {
	n := 0
	var set func(ast.SelectionSet)
	set = func(ss ast.SelectionSet) {
		for _, s := range ss {
			switch x := s.(type) {
			case *ast.Field:
				if x.Alias != x.Name {
					n++
				}
				set(x.SelectionSet)
			case *ast.InlineFragment:
				set(x.SelectionSet)
			}
		}
	}
	for _, op := range doc.Operations {
		set(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		set(f.SelectionSet)
	}
	return n
}

// counter estimates the work of gqlparser's validation, stopping as soon
// as an estimate passes its limit so that it takes time bounded by the
// limits. The validator walks each operation, entering every fragment it
// reaches once, then each fragment definition on its own. Its rule that
// overlapping fields can be merged then takes, in every selection set, the
// fields of the set, of its inline fragments and of the fragments spread
// there (and spread in those), and compares every pair of fields that
// share a response name, what is below them included, and every pair of
// fragments spread there.
type counter struct {
	frags    map[string]*ast.FragmentDefinition
	doc      *ast.QueryDocument
	maxSel   int
	maxPairs int
	m        measurer

	// selections counts the selections walked, those taken again into a
	// set from its inline fragments and spread fragments, and the pairs
	// of fragments compared.
	selections int
	// overlaps counts the pairs of fields sharing a response name in one
	// set, each the product of the two fields' selections (fragments
	// expanded): comparing what is below them takes up to that.
	overlaps int

	entered map[string]bool     // fragments the current walk has entered
	names   map[string]sameName // fields of each response name in the set being merged
	merged  map[string]bool     // fragments merged into that set
	spreads []string            // fragments spread at that set's level
	pairs   map[[2]string]bool  // pairs of fragments compared (the rule compares each once)
	levels  map[string][]string // fragments spread at a fragment's level
	sizes   map[*ast.Field]int  // selections of a field, fragments expanded
}

func newCounter(doc *ast.QueryDocument, l Limits) *counter {
	c := &counter{frags: map[string]*ast.FragmentDefinition{}, doc: doc, maxSel: l.MaxSelections, maxPairs: l.MaxOverlaps,
		m:       measurer{frags: doc.Fragments, memo: map[string]*shape{}},
		entered: map[string]bool{}, names: map[string]sameName{}, merged: map[string]bool{},
		pairs: map[[2]string]bool{}, levels: map[string][]string{}, sizes: map[*ast.Field]int{}}
	for _, f := range doc.Fragments {
		if _, ok := c.frags[f.Name]; !ok { // the first of duplicate names, as the walker does
			c.frags[f.Name] = f
		}
	}
	return c
}

func (c *counter) over() bool { return c.selections > c.maxSel || c.overlaps > c.maxPairs }

func (c *counter) count() {
	for _, op := range c.doc.Operations {
		clear(c.entered)
		c.walk(op.SelectionSet, true)
	}
	for _, f := range c.doc.Fragments {
		clear(c.entered)
		c.walk(f.SelectionSet, true)
	}
}

// walk counts a selection set and everything below it; merged tells
// whether validation compares the fields of the set itself (every set but
// the body of a fragment entered through a spread, whose fields are
// compared within the set it is spread into).
func (c *counter) walk(set ast.SelectionSet, merged bool) {
	if c.over() {
		return
	}
	if merged {
		c.merge(set)
	}
	for _, s := range set {
		c.selections++
		if c.over() {
			return
		}
		switch x := s.(type) {
		case *ast.Field:
			if len(x.SelectionSet) > 0 {
				c.walk(x.SelectionSet, true)
			}
		case *ast.InlineFragment:
			c.walk(x.SelectionSet, true)
		case *ast.FragmentSpread:
			if f := c.frags[x.Name]; f != nil && !c.entered[x.Name] {
				c.entered[x.Name] = true
				c.walk(f.SelectionSet, false)
			}
		}
	}
}

// merge counts the comparisons within one selection set.
func (c *counter) merge(set ast.SelectionSet) {
	clear(c.names)
	clear(c.merged)
	c.spreads = c.spreads[:0]
	c.collect(set, inSet)
	spreads := c.spreads
	for i, a := range spreads {
		for _, b := range spreads[i+1:] {
			c.compare(a, b)
			if c.over() {
				return
			}
		}
	}
}

// Where collect finds a selection.
const (
	inSet      = iota // in the set itself
	inInline          // in an inline fragment of it
	inFragment        // in a fragment spread there
)

// collect takes the fields of a set, of its inline fragments and of its
// spread fragments, counting the pairs that share a response name.
func (c *counter) collect(set ast.SelectionSet, where int) {
	for _, s := range set {
		if where != inSet {
			c.selections++ // a selection taken again into an enclosing set
		}
		if c.over() {
			return
		}
		switch x := s.(type) {
		case *ast.Field:
			// Its pairs with the fields of the same name before it weigh
			// the product of their sizes: its size times their sum.
			same, ok := c.names[x.Alias]
			if !ok {
				c.names[x.Alias] = sameName{first: x} // sized when a second one comes
				break
			}
			if same.first != nil {
				same = sameName{sum: c.size(same.first)}
			}
			n := c.size(x)
			c.overlaps = plus(c.overlaps, min(n, costCap/same.sum)*same.sum)
			c.names[x.Alias] = sameName{sum: plus(same.sum, n)}
		case *ast.InlineFragment:
			c.collect(x.SelectionSet, max(where, inInline))
		case *ast.FragmentSpread:
			if where != inFragment {
				c.spreads = append(c.spreads, x.Name)
			}
			if f := c.frags[x.Name]; f != nil && !c.merged[x.Name] {
				c.merged[x.Name] = true
				c.collect(f.SelectionSet, inFragment)
			}
		}
	}
}

// compare counts the comparison of two fragments spread in one set: the
// rule compares each pair once, and with it the fragments each spreads.
func (c *counter) compare(a, b string) {
	c.selections++
	if a == b || c.over() {
		return
	}
	k := [2]string{min(a, b), max(a, b)}
	if c.pairs[k] {
		return
	}
	c.pairs[k] = true
	if c.frags[a] == nil || c.frags[b] == nil {
		return
	}
	for _, s := range c.level(b) {
		c.compare(a, s)
	}
	for _, s := range c.level(a) {
		c.compare(s, b)
	}
}

// level lists, once each, the fragments spread in a fragment's set and
// its inline fragments.
func (c *counter) level(name string) []string {
	if l, ok := c.levels[name]; ok {
		return l
	}
	var l []string
	seen := map[string]bool{}
	var walk func(ast.SelectionSet)
	walk = func(set ast.SelectionSet) {
		for _, s := range set {
			switch x := s.(type) {
			case *ast.InlineFragment:
				walk(x.SelectionSet)
			case *ast.FragmentSpread:
				if !seen[x.Name] {
					seen[x.Name] = true
					l = append(l, x.Name)
				}
			}
		}
	}
	walk(c.frags[name].SelectionSet)
	c.levels[name] = l
	return l
}

// sameName is what a set being merged holds of one response name: its
// first field, or the sum of the sizes of its fields once there are two.
type sameName struct {
	first *ast.Field
	sum   int
}

// size is a field's selections, itself included, fragments expanded.
func (c *counter) size(f *ast.Field) int {
	n, ok := c.sizes[f]
	if !ok {
		n = min(c.m.set(f.SelectionSet).fields+1, costCap)
		c.sizes[f] = n
	}
	return n
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
			return shape{} // a cycle, which validation refuses
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

// rulesWithoutSuggestions are gqlparser's validation rules with none that
// names fields, arguments, types or enum values the client did not ask
// for ("Did you mean …"): with introspection off, the schema stays
// unlisted. (gqlgen swaps the field and scalar-leaf rules itself when
// suggestions are disabled.)
func rulesWithoutSuggestions() *rules.Rules {
	r := rules.NewDefaultRules()
	for _, rule := range []core.Rule{
		rules.KnownArgumentNamesRuleWithoutSuggestions,
		rules.KnownTypeNamesRuleWithoutSuggestions,
		rules.ValuesOfCorrectTypeRuleWithoutSuggestions,
	} {
		r.ReplaceRule(strings.TrimSuffix(rule.Name, "WithoutSuggestions"), rule.RuleFunc)
	}
	return r
}

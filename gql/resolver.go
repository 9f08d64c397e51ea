package gql

import (
	"summitgraph/graph/store"
)

// Analyzer turns search text into index terms and cuts snippets; the nlp
// package provides it.
type Analyzer interface {
	// QueryTerms gives, per content word of the text, the index terms it
	// may be indexed as (its stems in the languages of the corpus).
	QueryTerms(text string) [][]string
	// Snippet returns a short excerpt of text around the best match of the
	// query terms.
	Snippet(text string, query [][]string) string
}

// Resolver is the root of the resolvers: what every resolver may use. It
// holds no per-request state; loaders live in the request context.
type Resolver struct {
	Store    *store.Store
	Analyzer Analyzer
	Limits   Limits
	Ingester Ingester
	// ReadOnly refuses every mutation: no token configured, or --read-only.
	ReadOnly bool
}

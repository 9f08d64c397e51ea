// Package gql serves the graph over GraphQL: the schema (a superset of the
// public contract), thin resolvers over graph.Store, per-request loaders
// that batch node and edge reads, and the HTTP handler with its limits.
package gql

//go:generate sh -c "cd .. && go tool gqlgen generate --config gqlgen.yml"

// Package gql serves the graph over GraphQL: the schema (a superset of the
// public contract), thin resolvers over the store (graph/store),
// per-request loaders that batch node and edge reads, and the handler with
// its limits. The HTTP server around it is package gql/server.
package gql

//go:generate sh -c "cd .. && go tool gqlgen generate --config gqlgen.yml && go run ./gql/internal/plainhook"

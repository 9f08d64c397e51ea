package gql

import (
	"summitgraph/graph"
)

// MandateConnection is a page of mandates. Its total is counted only when a
// query asks for it.
type MandateConnection struct {
	Edges    []*MandateEdge
	PageInfo *PageInfo
	filter   graph.MandateFilter
	total    *int // when the listing is not a filter's (the overlap report's)
}

// MentionConnection is a page of an entity's mentions. Its total is counted
// only when a query asks for it.
type MentionConnection struct {
	Edges    []*MentionEdge
	PageInfo *PageInfo
	entity   string
}

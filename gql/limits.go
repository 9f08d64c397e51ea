package gql

import (
	"summitgraph/graph"
)

// Limits bound what one request may ask for.
type Limits struct {
	// MaxFirst caps every `first` argument.
	MaxFirst int
}

// DefaultLimits are the limits a server starts with.
var DefaultLimits = Limits{MaxFirst: 500}

// first checks a `first` argument: nil takes the default, values over the
// cap or below zero are refused with the cap in the message.
func (r *Resolver) first(v *int, def int) (int, error) {
	if v == nil {
		return def, nil
	}
	max := r.Limits.MaxFirst
	if max <= 0 {
		max = DefaultLimits.MaxFirst
	}
	if *v < 0 || *v > max {
		return 0, graph.Errorf(graph.EINVALID, "first must be between 0 and %d (got %d)", max, *v)
	}
	return *v, nil
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

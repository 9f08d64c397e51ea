package gql

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"summitgraph/graph"
)

type authKey struct{}

// auth is what the request's Authorization header established.
type auth struct {
	label   string // the token's label; "" when none matched
	present bool   // an Authorization header was sent
}

// authenticate compares the request's bearer token with every configured
// token in constant time (of equal-length digests, so that neither the
// secrets nor their lengths leak) and records the result in the context.
func authenticate(r *http.Request, tokens []Token) context.Context {
	var a auth
	h := r.Header.Get("Authorization")
	if h != "" {
		a.present = true
		if given, ok := strings.CutPrefix(h, "Bearer "); ok {
			g := sha256.Sum256([]byte(strings.TrimSpace(given)))
			for _, t := range tokens {
				s := sha256.Sum256([]byte(t.Secret))
				if subtle.ConstantTimeCompare(g[:], s[:]) == 1 && a.label == "" {
					a.label = t.Label
				}
			}
		}
	}
	return context.WithValue(r.Context(), authKey{}, a)
}

// Authorized reports whether a request carries one of the tokens.
func Authorized(r *http.Request, tokens []Token) bool {
	a, _ := authenticate(r, tokens).Value(authKey{}).(auth)
	return a.label != ""
}

// authorize lets a mutation through when the server takes curation and the
// request carries a valid token; it returns the token's label.
func (r *Resolver) authorize(ctx context.Context) (string, error) {
	if r.ReadOnly {
		return "", graph.Errorf(graph.EREADONLY, "this server is read-only: start it with a curation token (--token or SUMMITGRAPH_TOKEN) and without --read-only to curate")
	}
	a, _ := ctx.Value(authKey{}).(auth)
	if a.label == "" {
		if a.present {
			return "", graph.Errorf(graph.EUNAUTHORIZED, "the curation token is not valid")
		}
		return "", graph.Errorf(graph.EUNAUTHORIZED, "a curation token is required: send Authorization: Bearer <token>")
	}
	return a.label, nil
}

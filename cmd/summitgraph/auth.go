package main

import (
	"fmt"
	"strings"

	"summitgraph/gql"
)

// parseTokens reads --token: SECRET or LABEL=SECRET, comma-separated. A
// secret without a label is labelled "default". Secrets shorter than 16
// characters are refused: they are too easy to guess.
func parseTokens(s string) ([]gql.Token, error) {
	var out []gql.Token
	labels := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		label, secret := "default", part
		if i := strings.IndexByte(part, '='); i > 0 {
			label, secret = part[:i], part[i+1:]
		}
		if len(secret) < 16 {
			return nil, fmt.Errorf("--token: the secret for %q must be at least 16 characters", label)
		}
		if labels[label] {
			return nil, fmt.Errorf("--token: label %q given twice", label)
		}
		labels[label] = true
		out = append(out, gql.Token{Label: label, Secret: secret})
	}
	return out, nil
}

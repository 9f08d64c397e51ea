// Command plainhook runs after gqlgen (go generate ./gql): it makes the
// generated marshaler of a [Mandate!]! list try plainMandates (gql/plain.go)
// first, which writes a list of plain fields straight from the nodes.
// gqlgen has no option for it: its list marshaler always runs the
// executor on every element, each in a goroutine of its own.
package main

import (
	"bytes"
	"fmt"
	"os"
)

const (
	file = "gql/generated.go"
	sig  = "func (ec *executionContext) marshalNMandate2ᚕᚖsummitgraphᚋgraphᚐMandateᚄ(ctx context.Context, sel ast.SelectionSet, v []*graph.Mandate) graphql.Marshaler {\n"
	call = "\tif m, ok := ec.plainMandates(ctx, sel, v); ok { // added by gql/internal/plainhook\n\t\treturn m\n\t}\n"
)

func main() {
	b, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "plainhook:", err)
		os.Exit(1)
	}
	i := bytes.Index(b, []byte(sig))
	if i < 0 {
		fmt.Fprintf(os.Stderr, "plainhook: %s has no %q: did gqlgen rename the list marshaler?\n", file, sig)
		os.Exit(1)
	}
	at := i + len(sig)
	if bytes.HasPrefix(b[at:], []byte(call)) {
		return
	}
	out := append(append(append([]byte{}, b[:at]...), call...), b[at:]...)
	if err := os.WriteFile(file, out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "plainhook:", err)
		os.Exit(1)
	}
}

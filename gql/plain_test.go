package gql

import (
	"bytes"
	"context"
	"testing"

	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
)

// TestPlainMandatesAsExecuted: lists of mandates written by plainMandates
// are the executor's answers, byte for byte, whatever the selection's
// shape (aliases, fragments, directives, __typename, nulls, control
// characters and quotes in the text); selections it does not write fall
// back to the executor.
func TestPlainMandatesAsExecuted(t *testing.T) {
	ctx := context.Background()
	st, err := ingesttest.SeedStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cat, _ := ingesttest.Catalog()
	odd := "Organization of American States\n\nFollow-up and Implementation: Mandates\n\nMANDATES\n\n" +
		"  1. Ask the \"OAS\" to report\ton C:\\path and \x01 the Inter-American Convention against Corruption, é ü 日本. (Declaration of Québec City, Third Summit of the Americas, Québec City, 2001).\n\n" +
		"  Promote the Inter-American Convention against Corruption without a citation or a number\n"
	src, _ := ingest.Text("odd.txt", []byte(odd))
	if r := ingest.New(st, cat, ingest.Options{}).Ingest(ctx, []ingest.Source{src}, nil)[0]; r.Err != nil {
		t.Fatal(r.Err)
	}
	c := newClient(t, Options{Store: st})
	const e = `"convention/inter-american-convention-against-corruption"`
	for _, q := range []string{
		`{ trace(entity: ` + e + `) { steps { mandates { id year text } } } }`,
		`{ trace(entity: ` + e + `) { steps { mandates { __typename id kind label number text citation year flags } } } }`,
		`{ trace(entity: ` + e + `) { steps { mandates(first: 2) { a: id b: text id c: year } } } }`,
		`query($x: Boolean!) { trace(entity: ` + e + `) { steps { mandates { id text @include(if: $x) year @skip(if: $x) ...F ... on Mandate { number } } } } } fragment F on Mandate { citation flags id }`,
		`{ trace(entity: ` + e + `) { steps { mandates { id summit { id } } } } }`, // not plain: the executor's
		`{ mandates(first: 20) { edges { node { id items { id number text year } } } } }`,
		`{ trace(entity: "institution/none") { steps { mandates { id } } } }`,
	} {
		vars := map[string]any{"x": true}
		plainOff = true
		_, want := c.post(jsonBody(t, map[string]any{"query": q, "variables": vars}), nil)
		plainOff = false
		_, got := c.post(jsonBody(t, map[string]any{"query": q, "variables": vars}), nil)
		if !bytes.Equal(got.Data, want.Data) || len(got.Errors) != len(want.Errors) {
			t.Errorf("%s:\n plain    %.600s\n executor %.600s", q, got.Data, want.Data)
		}
		if len(want.Data) < 20 && len(want.Errors) == 0 {
			t.Errorf("%s: an empty answer tests nothing: %s", q, want.Data)
		}
	}
}

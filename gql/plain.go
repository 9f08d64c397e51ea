package gql

import (
	"context"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"summitgraph/graph"
)

// A list of mandates whose selection asks only for fields the mandate
// holds (id, text, year, ...) is written straight from the nodes, with the
// selection collected once for the list: gqlgen's executor collects it
// again for every mandate, and gives every mandate a goroutine and every
// field a context, a closure and a deferred recover, which was most of the
// CPU of a large trace (BENCHMARKS.md, "Serving at the limit"). The output
// is the executor's, byte for byte (TestPlainMandatesAsExecuted). A
// selection with any other field (summit, mentions, source, ...) is left
// to the executor. gqlgen calls plainMandates from the generated list
// marshaler: go generate ./gql adds the call (cmd/plainhook).

// plainOff turns the fast path off (tests compare both).
var plainOff bool

// plainMandateField writes one field of a mandate.
type plainMandateField func(w io.Writer, m *graph.Mandate)

var plainMandateFields = map[string]plainMandateField{
	"__typename": func(w io.Writer, _ *graph.Mandate) { io.WriteString(w, `"Mandate"`) },
	"id":         func(w io.Writer, m *graph.Mandate) { writeQuoted(w, m.ID) },
	"kind":       func(w io.Writer, m *graph.Mandate) { writeQuoted(w, string(m.Kind())) },
	"label":      func(w io.Writer, m *graph.Mandate) { writeQuoted(w, m.Label()) },
	"text":       func(w io.Writer, m *graph.Mandate) { writeQuoted(w, m.Text) },
	"number":     func(w io.Writer, m *graph.Mandate) { writeOptional(w, m.Number) },
	"citation":   func(w io.Writer, m *graph.Mandate) { writeOptional(w, m.Citation) },
	"year": func(w io.Writer, m *graph.Mandate) {
		if m.Year == 0 {
			io.WriteString(w, "null")
			return
		}
		io.WriteString(w, strconv.Itoa(m.Year))
	},
	"flags": func(w io.Writer, m *graph.Mandate) {
		io.WriteString(w, "[")
		for i, f := range m.Flags {
			if i > 0 {
				io.WriteString(w, ",")
			}
			writeQuoted(w, f)
		}
		io.WriteString(w, "]")
	},
}

// plainMandates returns the writer of the list v for the selection sel,
// and false when sel asks for a field it does not write.
func (ec *executionContext) plainMandates(_ context.Context, sel ast.SelectionSet, v []*graph.Mandate) (graphql.Marshaler, bool) {
	if plainOff {
		return nil, false
	}
	fields := graphql.CollectFields(ec.OperationContext, sel, mandateImplementors)
	keys := make([]string, len(fields))
	write := make([]plainMandateField, len(fields))
	for i, f := range fields {
		w, ok := plainMandateFields[f.Name]
		if !ok || len(f.Arguments) > 0 {
			return nil, false
		}
		keys[i] = strconv.Quote(f.Alias) + ":"
		write[i] = w
	}
	for _, m := range v {
		if m == nil {
			return nil, false // the executor reports the null
		}
	}
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, "[")
		for i, m := range v {
			if i > 0 {
				io.WriteString(w, ",")
			}
			io.WriteString(w, "{")
			for j, f := range write {
				if j > 0 {
					io.WriteString(w, ",")
				}
				io.WriteString(w, keys[j])
				f(w, m)
			}
			io.WriteString(w, "}")
		}
		io.WriteString(w, "]")
	}), true
}

func writeOptional(w io.Writer, s string) {
	if s == "" {
		io.WriteString(w, "null")
		return
	}
	writeQuoted(w, s)
}

const hex = "0123456789abcdef"

// writeQuoted writes s as a JSON string as gqlgen does (its
// graphql.MarshalString): control characters, quote and backslash
// escaped, everything else as it is.
func writeQuoted(w io.Writer, s string) {
	start := 0
	io.WriteString(w, `"`)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		io.WriteString(w, s[start:i])
		switch c {
		case '\t':
			io.WriteString(w, `\t`)
		case '\r':
			io.WriteString(w, `\r`)
		case '\n':
			io.WriteString(w, `\n`)
		case '\\':
			io.WriteString(w, `\\`)
		case '"':
			io.WriteString(w, `\"`)
		default:
			w.Write([]byte{'\\', 'u', '0', '0', hex[c>>4], hex[c&0xf]})
		}
		start = i + 1
	}
	io.WriteString(w, s[start:])
	io.WriteString(w, `"`)
}

package gql

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClipMessage(t *testing.T) {
	long := strings.Repeat("é", 300)
	for _, tc := range []struct{ in, want string }{
		{`no node with id "x"`, `no node with id "x"`},
		{fmt.Sprintf("no node with id %q", long), `no node with id "` + strings.Repeat("é", 100) + `…"`},
		{fmt.Sprintf("invalid cursor %q or %q", long, "ok"), `invalid cursor "` + strings.Repeat("é", 100) + `…" or "ok"`},
		// Escapes count as one character and are never cut.
		{fmt.Sprintf("bad %q", strings.Repeat("a", 99)+"\x00\x00"), `bad "` + strings.Repeat("a", 99) + `\x00…"`},
		{fmt.Sprintf("bad %q", strings.Repeat(`"`, 150)), `bad "` + strings.Repeat(`\"`, 100) + `…"`},
		// An unclosed quote, and a long message without quotes.
		{`Unexpected "` + strings.Repeat("z", 200), `Unexpected "` + strings.Repeat("z", 100) + "…"},
		{strings.Repeat("w ", 400), strings.Repeat("w ", 250) + "…"},
	} {
		if got := clipMessage(tc.in); got != tc.want {
			t.Errorf("clipMessage(%.40q…) = %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// TestErrorsClipInput: what the client sent is quoted in errors at most
// maxQuoted characters long (a 10 MB id and a 500 KB cursor were echoed
// whole), in messages from the store, from validation and from gqlgen,
// in error paths (aliases), and in what the server logs.
func TestErrorsClipInput(t *testing.T) {
	c := newClient(t, Options{Limits: Limits{MaxBody: 32 << 20, MaxQuery: 2 << 20}})
	id := "institution/" + strings.Repeat("x", 10<<20)
	cursor := strings.Repeat("Q", 500<<10)
	alias := strings.Repeat("a", 1<<20)
	name := strings.Repeat("n", 50<<10)
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		code        string
	}{
		{"10 MB id", `query($id: ID!) { trace(entity: $id) { steps { count } } }`, map[string]any{"id": id}, "NOT_FOUND"},
		{"10 MB id of a node", `query($id: ID!) { node(id: $id) { ... on Entity { mentions { totalCount } } } }`, map[string]any{"id": id}, ""},
		{"500 KB cursor", `query($c: String) { mandates(after: $c) { totalCount } }`, map[string]any{"c": cursor}, "INVALID"},
		{"500 KB cursor of mentions", `query($c: String) { node(id: "institution/mesicic") { ... on Entity { mentions(after: $c) { totalCount } } } }`, map[string]any{"c": cursor}, "INVALID"},
		{"1 MB alias", `{ ` + alias + `: trace(entity: "institution/none") { steps { count } } }`, nil, "NOT_FOUND"},
		{"50 KB field name", `{ ` + name + ` }`, nil, "GRAPHQL_VALIDATION_FAILED"},
		{"50 KB argument name", `{ stats(` + name + `: 1) { files } }`, nil, "GRAPHQL_VALIDATION_FAILED"},
		{"50 KB enum", `{ entities(filter: {kind: ` + name + `}) { totalCount } }`, nil, "GRAPHQL_VALIDATION_FAILED"},
		{"50 KB type", `{ ... on ` + name + ` { __typename } }`, nil, "GRAPHQL_VALIDATION_FAILED"},
		{"50 KB string for an int", `{ mandates(first: "` + name + `") { totalCount } }`, nil, "GRAPHQL_VALIDATION_FAILED"},
		{"50 KB variable of the wrong type", `query($f: Int) { mandates(first: $f) { totalCount } }`, map[string]any{"f": name}, "GRAPHQL_VALIDATION_FAILED"},
		{"50 KB operation name", `query ` + name + ` { stats { files } } query B { stats { files } }`, nil, ""},
		{"a syntax error after 50 KB", `{ stats { files } } ` + name + `"`, nil, "GRAPHQL_PARSE_FAILED"},
	} {
		r := c.do(tc.query, tc.vars, nil)
		checkClipped(t, tc.name, r)
		if tc.code != "" && r.code() != tc.code {
			t.Errorf("%s: %+v, want %s", tc.name, r.Errors, tc.code)
		}
		if op := c.last().Operation; utf8.RuneCountInString(op) > maxQuoted+1 {
			t.Errorf("%s: the server would log an operation name of %d characters", tc.name, len(op))
		}
	}
	// A body that is not JSON: gqlgen ends its message with the body.
	_, r := c.post([]byte(`{"query": "{ stats { files } }", "variables": `+strings.Repeat("[", 1<<20)), nil)
	checkClipped(t, "1 MB body that is not JSON", r)
	if r.code() != "BAD_REQUEST" {
		t.Errorf("a body that is not JSON: %+v", r.Errors)
	}
}

// checkClipped fails when an error quotes more than maxQuoted characters
// of what was sent, or its message is longer than maxMessage.
func checkClipped(t *testing.T, name string, r *response) {
	t.Helper()
	if len(r.Errors) == 0 {
		if name != "10 MB id of a node" && name != "50 KB operation name" {
			t.Errorf("%s: no error", name)
		}
		return
	}
	for _, e := range r.Errors {
		if n := utf8.RuneCountInString(e.Message); n > maxMessage+1 {
			t.Errorf("%s: a message of %d characters", name, n)
		}
		for _, run := range []string{"x", "Q", "a", "n", "["} {
			if strings.Contains(e.Message, strings.Repeat(run, maxQuoted+1)) {
				t.Errorf("%s: the message quotes more than %d characters: %.200s", name, maxQuoted, e.Message)
			}
		}
		for _, p := range e.Path {
			if s, ok := p.(string); ok && utf8.RuneCountInString(s) > maxQuoted+1 {
				t.Errorf("%s: a path element of %d characters", name, len(s))
			}
		}
	}
}

// TestIntrospectionOff: with introspection off, __schema and __type are
// refused with their own code (they answered INTERNAL and logged an
// ERROR), also through a fragment; __typename still answers; and no error
// suggests names the client did not send. With it on, the suggestions
// are there (the test would see them).
func TestIntrospectionOff(t *testing.T) {
	var logs logBuffer
	c := newClient(t, Options{NoIntrospection: true, Logger: textLogger(&logs)})
	for _, q := range []string{
		`{ __schema { queryType { name } } }`,
		`{ __type(name: "Mandate") { name } }`,
		`{ stats { files } ...I } fragment I on Query { __schema { types { name } } }`,
		`{ ... on Query { __type(name: "Entity") { fields { name } } } }`,
	} {
		r := c.do(q, nil, nil)
		if r.code() != CodeIntrospectionDisabled || string(r.Data) != "" && string(r.Data) != "null" {
			t.Errorf("%s: %+v %s", q, r.Errors, r.Data)
		}
		if info := c.last(); info.ErrorCode != CodeIntrospectionDisabled {
			t.Errorf("%s: the server would log code %q", q, info.ErrorCode)
		}
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("refused introspection logged an error: %s", logs.String())
	}
	if r := c.do(`{ stats { __typename files } }`, nil, nil); len(r.Errors) > 0 {
		t.Errorf("queries refused: %+v", r.Errors)
	}
	suggesting := []string{
		`{ mandate { totalCount } }`,            // a field
		`{ stats }`,                             // an object without a selection
		`{ mandates(frist: 1) { totalCount } }`, // an argument
		`{ entities(filter: {kind: INSTITUTIONS}) { totalCount } }`, // an enum value
		`{ node(id: "x") { ...F } } fragment F on Mandat { id }`,    // a type
		`{ node(id: "x") { ... on Mandate { txt } } }`,              // a field of an inline fragment
	}
	suggests := func(r *response) bool {
		for _, e := range r.Errors {
			if strings.Contains(e.Message, "Did you mean") {
				return true
			}
		}
		return false
	}
	on := newClient(t, Options{})
	for _, q := range suggesting {
		if r := c.do(q, nil, nil); len(r.Errors) == 0 || suggests(r) {
			t.Errorf("introspection off, %s: %+v", q, r.Errors)
		}
		if r := on.do(q, nil, nil); !suggests(r) {
			t.Errorf("introspection on, %s suggests nothing: %+v", q, r.Errors)
		}
	}
	if r := on.do(suggesting[0], nil, nil); !strings.Contains(r.Errors[0].Message, `Did you mean "mandates"`) {
		t.Errorf("introspection on: %+v", r.Errors)
	}
}

package gql

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"summitgraph/graph"
)

// present turns an error into what a client sees: the domain code and
// message for domain errors, GraphQL's own for invalid operations, and a
// generic message for anything internal (logged, never shown). Whatever
// the message quotes of the request is clipped.
func present(ctx context.Context, err error, log *slog.Logger) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	gerr.Message = clipMessage(gerr.Message)
	gerr.Path = clipPath(gerr.Path)
	var de *graph.Error
	if errors.As(err, &de) {
		gerr.Message = clipMessage(de.Message)
		gerr.Extensions = map[string]any{"code": de.Code}
		return gerr
	}
	if gerr.Extensions != nil && gerr.Extensions["code"] != nil {
		return gerr // parse, validation and limit errors carry their own code
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		gerr.Message = "the request ran out of time"
		gerr.Extensions = map[string]any{"code": graph.ETIMEOUT}
		return gerr
	case errors.Is(err, context.Canceled):
		gerr.Message = "the request was canceled"
		gerr.Extensions = map[string]any{"code": graph.ECANCELED}
		return gerr
	case err.Error() == "introspection disabled":
		// gqlgen's own refusal, should the guard have let one through.
		gerr.Message = "introspection is switched off on this server"
		gerr.Extensions = map[string]any{"code": CodeIntrospectionDisabled}
		return gerr
	}
	var ge *gqlerror.Error
	if errors.As(err, &ge) && ge.Unwrap() == nil {
		// Argument and input coercion errors from the executor, and a
		// body that is not JSON (whose message gqlgen ends with the body).
		if m, _, ok := strings.Cut(gerr.Message, " body:"); ok && strings.HasPrefix(m, "json request body could not be decoded") {
			gerr.Message = m
		}
		gerr.Extensions = map[string]any{"code": graph.EBADREQUEST}
		return gerr
	}
	log.Error("internal error", "path", gerr.Path.String(), "err", clipMessage(err.Error()))
	gerr.Message = "internal error"
	gerr.Extensions = map[string]any{"code": graph.EINTERNAL}
	return gerr
}

// maxErrors is the most errors a response lists: validation reports one
// for every pair of conflicting fields (2,485 for 71 aliases of one name).
const maxErrors = 20

// fewerErrors keeps the first maxErrors errors and says how many more there
// were, under the code of the first.
func fewerErrors(errs gqlerror.List) gqlerror.List {
	if len(errs) <= maxErrors {
		return errs
	}
	more := &gqlerror.Error{Message: fmt.Sprintf("and %d more errors", len(errs)-maxErrors), Extensions: errs[0].Extensions}
	return append(errs[:maxErrors:maxErrors], more)
}

// How much of the request an error message may quote.
const (
	maxQuoted  = 100 // runes of one quoted string (an id, a cursor, a name)
	maxMessage = 500 // runes of a whole message
)

// clipMessage shortens what a message quotes: each double-quoted string
// (Go's %q, GraphQL's quotes) keeps its first maxQuoted characters and an
// ellipsis, and the message its first maxMessage. A 10 MB id was echoed
// whole in NOT_FOUND.
func clipMessage(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '"')
		if open < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:open+1])
		s = s[open+1:]
		body, rest, closed := quoted(s)
		b.WriteString(clip(body, maxQuoted))
		if !closed {
			break
		}
		b.WriteByte('"')
		s = rest
	}
	return clip(b.String(), maxMessage)
}

// quoted splits s, which follows an opening quote, at its closing quote
// (skipping escaped ones).
func quoted(s string) (body, rest string, closed bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// clip keeps the first n characters of s, an escape sequence counting as
// one and never cut, and marks the cut with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		if s[i] == '\\' {
			i += escapeLen(s[i:])
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i >= len(s) {
		return s
	}
	return s[:i] + "…"
}

// escapeLen is the length of the escape sequence at the start of s.
func escapeLen(s string) int {
	n := 2
	if len(s) > 1 {
		switch s[1] {
		case 'x':
			n = 4
		case 'u':
			n = 6
		case 'U':
			n = 10
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n = 4
		}
	}
	return min(n, len(s))
}

// clipPath clips the names in an error's path (aliases are the client's).
func clipPath(p ast.Path) ast.Path {
	var out ast.Path
	for i, e := range p {
		if name, ok := e.(ast.PathName); ok && utf8.RuneCountInString(string(name)) > maxQuoted {
			if out == nil {
				out = append(ast.Path(nil), p...) // the path may be shared
			}
			out[i] = ast.PathName(clip(string(name), maxQuoted))
		}
	}
	if out == nil {
		return p
	}
	return out
}

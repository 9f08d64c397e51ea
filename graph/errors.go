package graph

import (
	"errors"
	"fmt"
)

// Error codes, the part of an error a client may rely on.
const (
	ENOTFOUND     = "NOT_FOUND"
	EINVALID      = "INVALID"       // bad input: a malformed id, cursor, argument or file
	ECONFLICT     = "CONFLICT"      // the operation clashes with the state of the store
	ETOOLARGE     = "TOO_LARGE"     // over a limit
	EUNAUTHORIZED = "UNAUTHORIZED"  // no or wrong credentials
	EUNAVAILABLE  = "UNAVAILABLE"   // the store is held or closed
	EINTERNAL     = "INTERNAL"      // a bug or an I/O failure; details stay in the logs
	ETIMEOUT      = "TIMEOUT"       // the request ran out of time
	ECANCELED     = "CANCELED"      // the client went away
	EREADONLY     = "READ_ONLY"     // writes are switched off
	EBADREQUEST   = "BAD_REQUEST"   // a GraphQL request that cannot be run
	EUNSUPPORTED  = "UNSUPPORTED"   // a format or feature that does not exist
	EDUPLICATE    = "DUPLICATE"     // the same thing defined twice
	ECORRUPT      = "CORRUPT_STORE" // a record the store cannot decode
)

// Error is a domain error: a code for programs and a message for people.
// Messages are safe to show to a client; anything internal is wrapped
// without being an *Error and reported as EINTERNAL.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, and a
// generic message for any other error so that internals do not leak.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// NotFound returns the error for an unknown node id.
func NotFound(id string) *Error {
	return Errorf(ENOTFOUND, "no node with id %q", id)
}

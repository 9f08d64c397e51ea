package reader

import (
	"context"
	"errors"
	"fmt"

	"summitgraph/graph"
)

// The kinds of files that cannot be read. An *Error matches its kind with
// errors.Is.
var (
	// ErrDamaged is a file that is broken: a PDF whose structure cannot be
	// read, a web page with binary data in it.
	ErrDamaged = errors.New("damaged file")
	// ErrEncrypted is a PDF that needs a password to be opened.
	ErrEncrypted = errors.New("encrypted file")
	// ErrNoText is a PDF without a text layer: a scan, or pages drawn as
	// pictures.
	ErrNoText = errors.New("no text layer")
	// ErrEncoding is text in an encoding that is not read here, or binary
	// data given as text.
	ErrEncoding = errors.New("unsupported encoding")
	// ErrUnsupported is a file in another format (an image, an archive, an
	// office document).
	ErrUnsupported = errors.New("unsupported format")
	// ErrTimeout is a file that took longer to read than its deadline.
	ErrTimeout = errors.New("timed out")
)

// Error is a file that cannot be read.
type Error struct {
	File   string
	Format Format // the format the file was read as
	Kind   error  // one of ErrDamaged, ErrEncrypted, ErrNoText, ErrEncoding, ErrUnsupported, ErrTimeout
	Page   int    // 1-based PDF page; 0 when not known
	Line   int    // 1-based line; 0 when not known
	Byte   int    // 0-based offset in the file; -1 when not known
	Msg    string // what the user is told, without the location
	Err    error  // the engine's own error, for logs; nil when none
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += fmt.Sprintf(":%d", e.Line)
	}
	if e.Page > 0 {
		loc += fmt.Sprintf(" (page %d)", e.Page)
	}
	if e.Byte >= 0 {
		loc += fmt.Sprintf(" (byte %d)", e.Byte)
	}
	return loc + ": " + e.Msg
}

// Unwrap gives the kind and the cause, so that errors.Is matches both.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// Code is the domain error code the file's failure is reported with:
// graph.ETIMEOUT past the deadline, graph.EUNSUPPORTED for another format,
// graph.EINVALID for the rest (the file, not the server, is at fault).
func (e *Error) Code() string {
	switch e.Kind {
	case ErrTimeout:
		return graph.ETIMEOUT
	case ErrUnsupported:
		return graph.EUNSUPPORTED
	}
	return graph.EINVALID
}

func timeout(name string, f Format, err error) *Error {
	msg := "reading was interrupted"
	if errors.Is(err, context.DeadlineExceeded) {
		msg = "took too long to read (a very large or damaged file?); nothing of it was read"
	}
	return &Error{File: name, Format: f, Kind: ErrTimeout, Byte: -1, Msg: msg, Err: err}
}

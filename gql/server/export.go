package server

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"summitgraph/graph"
	"summitgraph/graph/export"
)

// serveExport streams an export over HTTP: GET /export/{format}?kind=K&around=ID&depth=N,
// and the Dgraph schema at /export/schema.
func (s *Server) serveExport(w http.ResponseWriter, r *http.Request) {
	format := r.PathValue("format")
	q := r.URL.Query()
	if format == "schema" {
		types, err := export.EdgeTypes(r.Context(), s.store)
		if err != nil {
			httpError(w, err)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		export.Schema(w, types)
		return
	}
	if format == "csv" {
		// nodes.csv and edges.csv, as a zip of the two.
	} else if err := export.CheckFormat(format); err != nil {
		httpError(w, err)
		return
	}
	var opts export.Options
	for _, k := range q["kind"] {
		kind := graph.Kind(strings.ToUpper(k))
		if !kind.Valid() {
			httpError(w, graph.Errorf(graph.EINVALID, "unknown kind %q", k))
			return
		}
		opts.Kinds = append(opts.Kinds, kind)
	}
	if opts.Around = q.Get("around"); opts.Around != "" {
		opts.Depth = 1
		if d := q.Get("depth"); d != "" {
			n, err := strconv.Atoi(d)
			if err != nil {
				httpError(w, graph.Errorf(graph.EINVALID, "depth must be a number"))
				return
			}
			opts.Depth = n
		}
	}
	// Check the request before the first byte goes out: errors after that
	// can only cut the stream.
	if opts.Around != "" {
		if _, err := s.store.Neighborhood(r.Context(), opts.Around, opts.Depth, 1); err != nil {
			httpError(w, err)
			return
		}
	}
	var err error
	if format == "csv" {
		w.Header().Set("Content-Type", "application/zip")
		w.Header().Set("Content-Disposition", `attachment; filename="summitgraph-csv.zip"`)
		err = unpanic(func() error {
			zw := zip.NewWriter(streaming(w, streamStall))
			nodes, err := zw.Create(export.NodesFile)
			if err != nil {
				return err
			}
			if _, err := export.WriteCSV(r.Context(), nodes, func() (io.Writer, error) { return zw.Create(export.EdgesFile) }, s.store, opts); err != nil {
				return err
			}
			return zw.Close()
		})
	} else {
		w.Header().Set("Content-Type", export.ContentType[format])
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="summitgraph%s"`, export.Extension[format]))
		err = unpanic(func() error {
			_, err := export.Write(r.Context(), streaming(w, streamStall), s.store, format, opts)
			return err
		})
	}
	if err != nil {
		s.log.Error("export cut short", "format", format, "err", err)
		panic(http.ErrAbortHandler) // the response is cut: the client sees a broken stream, not a valid file
	}
}

// unpanic runs fn, turning a panic (the store's, on a record it cannot
// read) into an error.
func unpanic(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return fn()
}

// httpError writes a domain error as plain text with its HTTP status.
func httpError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	switch graph.ErrorCode(err) {
	case graph.ENOTFOUND:
		status = http.StatusNotFound
	case graph.EINVALID, graph.EUNSUPPORTED:
		status = http.StatusBadRequest
	case graph.ETIMEOUT:
		status = http.StatusGatewayTimeout
	}
	var de *graph.Error
	msg := "internal error"
	if errors.As(err, &de) {
		msg = de.Message
	}
	http.Error(w, msg, status)
}

package main

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"summitgraph/graph"
	"summitgraph/graph/export"
	"summitgraph/graph/ingest"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "--format graphml|gexf|cytoscape|nquads [--out FILE] [--kind K]... [--around ID --depth N]",
		"Export the graph, or part of it, for graph tools: GraphML (Gephi, yEd, Cytoscape, networkx), GEXF 1.3 (Gephi),\nCytoscape.js JSON, or RDF N-Quads for Dgraph's live loader (with FILE.schema next to FILE; load with\n"+export.LiveCommand("FILE", "FILE.schema")+", which reloads without making any node twice).")
	format := fs.String("format", "", "graphml, gexf, cytoscape, nquads, or csv (with --out DIR: DIR/nodes.csv and DIR/edges.csv)")
	out := fs.String("out", "", "file to write (default: standard output); written whole or not at all")
	var kinds []graph.Kind
	fs.Func("kind", "keep only nodes of this kind, and edges between them (repeatable)", func(v string) error {
		k := graph.Kind(strings.ToUpper(v))
		if !k.Valid() {
			return fmt.Errorf("unknown kind %q", v)
		}
		kinds = append(kinds, k)
		return nil
	})
	around := fs.String("around", "", "export only the neighbourhood of this node id")
	depth := fs.Int("depth", 1, "with --around: how many hops")
	schemaOut := fs.String("schema", "", "nquads: where to write the Dgraph schema (default: FILE.schema with --out)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format == "csv" {
		if *out == "" {
			return usageError("--format csv writes two files: give the folder with --out DIR")
		}
	} else if err := export.CheckFormat(*format); err != nil {
		return err
	}
	if *around == "" && *depth != 1 {
		return usageError("--depth goes with --around")
	}
	if *format == "nquads" && *schemaOut == "" && *out != "" {
		*schemaOut = *out + ".schema"
	}
	a, err := openAppRead(ctx, e.storeDir)
	if base, ok := servedBy(err, e.storeDir); ok {
		return remoteExport(ctx, e, base, *format, *out, *schemaOut, kinds, *around, *depth)
	}
	if err != nil {
		return err
	}
	defer a.Close()
	opts := export.Options{Kinds: kinds, Around: *around, Depth: *depth}
	if *format == "csv" {
		sum, err := writeCSV(ctx, *out, a.store, opts)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s and %s: %s, %s\n", filepath.Join(*out, export.NodesFile), filepath.Join(*out, export.EdgesFile), count(sum.Nodes, "node"), count(sum.Edges, "edge"))
		return nil
	}
	var sum export.Summary
	err = writeAtomically(*out, e.stdout, func(w io.Writer) error {
		var err error
		sum, err = export.Write(ctx, w, a.store, *format, opts)
		return err
	})
	if err != nil {
		return err
	}
	if *schemaOut != "" {
		err := writeAtomically(*schemaOut, e.stdout, func(w io.Writer) error {
			return export.Schema(w, sum.EdgeTypes)
		})
		if err != nil {
			if *out != "" {
				os.Remove(*out)
			}
			return err
		}
	}
	if *out != "" {
		fmt.Fprintf(e.stderr, "wrote %s: %s, %s\n", *out, count(sum.Nodes, "node"), count(sum.Edges, "edge"))
		if *schemaOut != "" {
			fmt.Fprintf(e.stderr, "wrote %s: load with %s\n", *schemaOut, export.LiveCommand(*out, *schemaOut))
		}
	}
	return nil
}

// writeAtomically writes to path through a temporary file in the same
// folder, renamed into place only when write succeeds, so that a failure
// leaves no half-written file. An empty path writes to stdout.
func writeAtomically(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, ingest.PathError(err))
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, ingest.PathError(err))
	}
	return nil
}

// writeCSV writes dir/nodes.csv and dir/edges.csv, both or neither: each
// to a temporary file first, renamed when both are whole.
func writeCSV(ctx context.Context, dir string, s export.Store, opts export.Options) (export.Summary, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return export.Summary{}, err
	}
	nodes, err := os.CreateTemp(dir, ".nodes-*.csv")
	if err != nil {
		return export.Summary{}, err
	}
	var edges *os.File
	defer func() {
		nodes.Close()
		os.Remove(nodes.Name())
		if edges != nil {
			edges.Close()
			os.Remove(edges.Name())
		}
	}()
	sum, err := export.WriteCSV(ctx, nodes, func() (io.Writer, error) {
		var err error
		edges, err = os.CreateTemp(dir, ".edges-*.csv")
		return edges, err
	}, s, opts)
	if err == nil {
		err = nodes.Close()
	}
	if err == nil {
		err = edges.Close()
	}
	if err == nil {
		err = os.Rename(nodes.Name(), filepath.Join(dir, export.NodesFile))
	}
	if err == nil {
		err = os.Rename(edges.Name(), filepath.Join(dir, export.EdgesFile))
	}
	return sum, err
}

// remoteExport takes the export from the server that holds the store.
func remoteExport(ctx context.Context, e *env, base, format, out, schemaOut string, kinds []graph.Kind, around string, depth int) error {
	q := url.Values{}
	for _, k := range kinds {
		q.Add("kind", string(k))
	}
	if around != "" {
		q.Set("around", around)
		q.Set("depth", strconv.Itoa(depth))
	}
	path := "/export/" + format
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	if format == "csv" {
		if err := unzipCSV(ctx, base, path, out); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s and %s from the server holding the store (%s)\n", filepath.Join(out, export.NodesFile), filepath.Join(out, export.EdgesFile), base)
		return nil
	}
	if err := writeAtomically(out, e.stdout, func(w io.Writer) error { return getExport(ctx, base, path, w) }); err != nil {
		return err
	}
	if schemaOut != "" {
		if err := writeAtomically(schemaOut, e.stdout, func(w io.Writer) error { return getExport(ctx, base, "/export/schema", w) }); err != nil {
			return err
		}
	}
	if out != "" {
		fmt.Fprintf(e.stderr, "wrote %s from the server holding the store (%s)\n", out, base)
		if schemaOut != "" {
			fmt.Fprintf(e.stderr, "wrote %s: load with %s\n", schemaOut, export.LiveCommand(out, schemaOut))
		}
	}
	return nil
}

// unzipCSV takes the server's zip of nodes.csv and edges.csv (at path) and
// writes the two into dir, both or neither, as writeCSV does.
func unzipCSV(ctx context.Context, base, path, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot write %s: %w", dir, ingest.PathError(err))
	}
	zf, err := os.CreateTemp(dir, ".csv-*.zip")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dir, ingest.PathError(err))
	}
	defer os.Remove(zf.Name())
	defer zf.Close()
	if err := getExport(ctx, base, path, zf); err != nil {
		return err
	}
	size, err := zf.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(zf, size)
	if err != nil {
		return fmt.Errorf("the CSV export from %s is not a whole zip: %w", base, err)
	}
	var tmps []string
	defer func() {
		for _, t := range tmps {
			os.Remove(t) // a no-op once renamed
		}
	}()
	for _, name := range []string{export.NodesFile, export.EdgesFile} {
		tmp, err := unzipOne(zr, name, dir)
		if tmp != "" {
			tmps = append(tmps, tmp)
		}
		if err != nil {
			return fmt.Errorf("the CSV export from %s: %w", base, err)
		}
	}
	for i, name := range []string{export.NodesFile, export.EdgesFile} {
		if err := os.Rename(tmps[i], filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("cannot write %s: %w", filepath.Join(dir, name), ingest.PathError(err))
		}
	}
	return nil
}

// unzipOne copies the zip's file name into a temporary file in dir and
// returns the temporary file's path.
func unzipOne(zr *zip.Reader, name, dir string) (string, error) {
	zfile, err := zr.Open(name)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	defer zfile.Close()
	tmp, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(tmp, zfile) // the zip reader checks each file's CRC-32
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return tmp.Name(), fmt.Errorf("%s: %w", name, err)
	}
	return tmp.Name(), nil
}

package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"summitgraph/graph"
	"summitgraph/graph/ingest/reader"
	"summitgraph/nlp"
	"summitgraph/seeds"
)

// Source is one input file.
type Source struct {
	// Path is where it was found, for messages ("seeds/…" for the seeds).
	Path string
	// Name is its base name: the file's identity in the store.
	Name string
	// Data is its content when given directly (the seeds, the
	// ingestDocument mutation); nil means read Path.
	Data []byte
}

// inFolder reports whether a file found in a folder is ingested: the
// formats there is a reader for (reader.Extensions: *.txt, *.html, *.htm,
// *.pdf), hidden files left out.
func inFolder(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range reader.Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Paths expands files and folders into sources: a file as it is, a folder
// into its text, HTML and PDF files (*.txt, *.html, *.htm, *.pdf),
// recursively (hidden files and folders left out),
// in name order. A path that does not exist, a folder (or a folder in it)
// that cannot be read, and a second file of a name already found are each
// left out with an error: the error joins them (errors.Join, one per bad
// path) and the sources are the good ones, so that a caller may ingest
// those and report the others.
func Paths(paths []string) ([]Source, error) {
	var out []Source
	var bad []error
	seen := map[string]string{}
	add := func(p string) {
		name := filepath.Base(p)
		if prev, ok := seen[name]; ok {
			bad = append(bad, fmt.Errorf("%s and %s have the same file name; the store knows files by name, rename one", prev, p))
			return
		}
		seen[name] = p
		out = append(out, Source{Path: p, Name: name})
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			bad = append(bad, fmt.Errorf("%s: %w", p, PathError(err)))
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		var files []string
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				bad = append(bad, fmt.Errorf("%s: %w", path, PathError(err)))
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != p {
				return filepath.SkipDir
			}
			if !d.IsDir() && inFolder(d.Name()) {
				files = append(files, path)
			}
			return nil
		})
		sort.Strings(files)
		for _, f := range files {
			add(f)
		}
	}
	return out, errors.Join(bad...)
}

// Text is a file sent as it is (the ingestDocument mutation) under the
// file name name, which must be a plain file name. Its format (text, HTML
// or PDF) is told from its content, as for a file on disk.
func Text(name string, data []byte) (Source, error) {
	if name == "" || name != filepath.Base(name) || strings.ContainsAny(name, " \t|") || !graph.ValidID(name) {
		return Source{}, graph.Errorf(graph.EINVALID, "name must be a plain file name such as \"energy.txt\" (no folders or spaces)")
	}
	return Source{Path: name, Name: name, Data: data}, nil
}

// Seeds are the embedded default corpus, what `summitgraph serve` ingests
// into an empty store.
func Seeds() ([]Source, error) {
	var out []Source
	for _, name := range seeds.Corpus() {
		data, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			return nil, fmt.Errorf("seed %s: %w", name, err)
		}
		out = append(out, Source{Path: "seeds/" + name, Name: name, Data: data})
	}
	return out, nil
}

// Catalog is the embedded catalog (seeds/summits.json, entities.json,
// themes.json), read once per process.
var Catalog = sync.OnceValues(func() (*nlp.Catalog, error) {
	cat, err := nlp.LoadCatalog(seeds.FS())
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	return cat, nil
})

// bytes reads a source's content.
func (s Source) bytes() ([]byte, error) {
	if s.Data != nil {
		return s.Data, nil
	}
	data, err := os.ReadFile(s.Path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, PathError(err))
	}
	return data, nil
}

// size is the source's size in bytes, as far as it can be told.
func (s Source) size() int64 {
	if s.Data != nil {
		return int64(len(s.Data))
	}
	if fi, err := os.Stat(s.Path); err == nil {
		return fi.Size()
	}
	return 0
}

// PathError is err without the path an *fs.PathError repeats, for
// messages that name the path themselves.
func PathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

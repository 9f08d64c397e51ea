// Package seeds holds the data summitgraph ships with: the default corpus of
// mandate pages (*.txt) and the catalogs (summits.json, entities.json,
// themes.json), embedded in the binary so that a fresh clone serves a graph
// with nothing else to download.
package seeds

import (
	"embed"
	"io/fs"
	"path"
	"sort"
)

//go:embed *.txt *.json
var files embed.FS

// FS is the embedded seed folder: the corpus and the catalogs.
func FS() fs.FS { return files }

// Corpus lists the embedded mandate pages (*.txt), sorted by name.
func Corpus() []string {
	entries, _ := fs.ReadDir(files, ".")
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".txt" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

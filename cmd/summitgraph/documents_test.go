package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitgraph/graph"
)

// evalGold is what the evaluation set's gold.json says of its files.
type evalGold struct {
	Files []struct {
		File, Type, Language, Kind, Title string
		Summit                            *string
		Paragraphs                        []struct {
			Number   string
			Numbered bool
		}
	}
}

// evalDocuments copies nlp's evaluation documents into a folder and
// returns it with their gold.
func evalDocuments(t *testing.T) (string, evalGold) {
	t.Helper()
	root := filepath.Join("..", "..", "nlp", "testdata", "eval")
	data, err := os.ReadFile(filepath.Join(root, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g evalGold
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n := 0
	for _, f := range g.Files {
		if f.Type != "document" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, f.File))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f.File)), b, 0o644)
		n++
	}
	if n < 20 {
		t.Fatalf("%d evaluation documents; expected 20", n)
	}
	return dir, g
}

// TestDocumentsInGraphQL: the evaluation documents ingested with
// `summitgraph ingest` are Document nodes over HTTP with the gold's
// summit, kind and language, their paragraphs in the printed order with
// their language; the same declaration in four languages is four
// documents of one summit, and MandateFilter.language lists one of them; a
// title block naming two summits, or none, leaves its document's
// paragraphs unattributed and flagged, with a warning naming the file and
// line.
func TestDocumentsInGraphQL(t *testing.T) {
	dir, gold := evalDocuments(t)
	store := t.TempDir()
	code, out, errs := run(t, "--store", store, "ingest", dir)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errs)
	}
	for _, f := range []string{"fragmento_sem_titulo_pt.txt", "informe_gric_quebec_monterrey_es.txt"} {
		i := strings.Index(out, f+":")
		if i < 0 || !strings.Contains(out[i:], "unattributed") || !strings.Contains(out, "warning: "+f+":") {
			t.Errorf("%s: want its paragraphs unattributed and a warning naming the file and line:\n%s", f, out)
		}
	}
	s := startServer(t, store)
	r := s.gql(t, "", `{ summits { id documents { id title language documentKind preamble } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("%+v", r.Errors)
	}
	type doc struct {
		ID, Title, DocumentKind string
		Language, Preamble      *string
		Paragraphs              struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Number   *string
					Language *string
					Summit   *struct{ ID string }
				}
			}
		}
	}
	var summits []struct {
		ID        string
		Documents []doc
	}
	json.Unmarshal(r.Data["summits"], &summits)
	// The document of the summit in the language and of the kind, its
	// title the gold's or the start of it (the gold gives a subtitle too).
	// Some copies print "�" where a letter was lost: then the only
	// document of that kind and language.
	find := func(summit, title, lang, kind string) *doc {
		var only []*doc
		for _, s := range summits {
			if s.ID != summit {
				continue
			}
			for i, d := range s.Documents {
				if d.Language == nil || *d.Language != lang || d.DocumentKind != kind {
					continue
				}
				if strings.HasPrefix(graph.NormalizeName(title), graph.NormalizeName(d.Title)) {
					return &s.Documents[i]
				}
				if strings.ContainsRune(d.Title, '\uFFFD') {
					only = append(only, &s.Documents[i])
				}
			}
		}
		if len(only) == 1 {
			return only[0]
		}
		return nil
	}
	kinds := map[string]string{"declaration": "DECLARATION", "plan of action": "PLAN_OF_ACTION", "commitment": "COMMITMENT", "mandates for action": "MANDATES_FOR_ACTION", "other": "OTHER"}
	for _, f := range gold.Files {
		if f.Type != "document" || f.Summit == nil {
			continue
		}
		d := find(*f.Summit, f.Title, f.Language, kinds[f.Kind])
		if d == nil {
			t.Errorf("%s: no document %q in %s of %s", f.File, f.Title, f.Language, *f.Summit)
			continue
		}
		pr := s.gql(t, "", `query($id: ID!) { node(id: $id) { ... on Document { paragraphs(first: 300) { totalCount edges { node { number language summit { id } } } } } } }`, map[string]any{"id": d.ID})
		if len(pr.Errors) > 0 {
			t.Fatalf("%+v", pr.Errors)
		}
		json.Unmarshal(pr.Data["node"], d)
		if d.DocumentKind != kinds[f.Kind] {
			t.Errorf("%s: documentKind %s, want %s", f.File, d.DocumentKind, kinds[f.Kind])
		}
		// The gold's numbered paragraphs, in order, among the listing's.
		var got []string
		for _, e := range d.Paragraphs.Edges {
			n := e.Node
			if n.Summit == nil || n.Summit.ID != *f.Summit {
				t.Errorf("%s: paragraph %v attributed to %v", f.File, n.Number, n.Summit)
			}
			if n.Language == nil {
				t.Errorf("%s: paragraph %v has no language", f.File, n.Number)
			}
			if n.Number != nil {
				got = append(got, *n.Number)
			}
		}
		j := 0
		for _, p := range f.Paragraphs {
			if !p.Numbered {
				continue
			}
			for j < len(got) && got[j] != p.Number {
				j++
			}
			if j == len(got) {
				t.Errorf("%s: numbered paragraph %s missing or out of order in %v", f.File, p.Number, got)
				break
			}
			j++
		}
		if d.Paragraphs.TotalCount != len(d.Paragraphs.Edges) {
			t.Errorf("%s: totalCount %d, %d edges", f.File, d.Paragraphs.TotalCount, len(d.Paragraphs.Edges))
		}
	}
	// Port of Spain's declaration in four languages: four documents.
	pos := map[string]int{}
	for _, lang := range []string{"en", "es", "fr", "pt"} {
		for _, s := range summits {
			for _, d := range s.Documents {
				if s.ID == "summit/2009-port-of-spain" && d.DocumentKind == "DECLARATION" && d.Language != nil && *d.Language == lang && len(d.Paragraphs.Edges) > 0 {
					pos[lang] = d.Paragraphs.TotalCount
				}
			}
		}
	}
	if len(pos) != 4 {
		t.Fatalf("Port of Spain's declaration in %v; want four documents (en, es, fr, pt)", pos)
	}
	// MandateFilter.language: the French paragraphs of the summit.
	r = s.gql(t, "", `{ mandates(filter: {summit: "summit/2009-port-of-spain", language: "fr"}, first: 500) { totalCount edges { node { language document { language } } } } }`, nil)
	var fr struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				Language string
				Document *struct{ Language string }
			}
		}
	}
	json.Unmarshal(r.Data["mandates"], &fr)
	if fr.TotalCount < pos["fr"] || fr.TotalCount != len(fr.Edges) {
		t.Errorf("French mandates of Port of Spain: total %d, %d edges; the French declaration has %d", fr.TotalCount, len(fr.Edges), pos["fr"])
	}
	for _, e := range fr.Edges {
		if e.Node.Language != "fr" {
			t.Errorf("language filter fr gave a mandate in %q", e.Node.Language)
		}
	}
	if r := s.gql(t, "", `{ mandates(filter: {language: "french"}) { totalCount } }`, nil); r.code() != graph.EINVALID {
		t.Errorf("language \"french\": %+v; want INVALID", r.Errors)
	}
}

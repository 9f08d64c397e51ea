package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// searchLangQuery is a page of search hits with the language each shows,
// the file each mandate was read from, and the counts by language.
const searchLangQuery = `query($t: String!, $lang: String) {
  searchPage(text: $t, filter: {language: $lang}, first: 200) {
    totalCount
    edges { node { node { id ... on Mandate { language source { file } } ... on Document { language } } } }
    languages { language count } } }`

type searchLangData struct {
	SearchPage struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				Node struct {
					ID       string
					Language *string
					Source   *struct{ File string }
				}
			}
		}
		Languages []struct {
			Language string
			Count    int
		}
	}
}

// TestSearchLanguages: searching the evaluation documents in each of the
// four languages, with `summitgraph query` and over HTTP, shows every
// mandate hit with the language of the document it was read from (as the
// set's gold gives it), counts hits by language, and the language filter
// keeps that language only, as many as its count says. The CLI and the
// server answer the same.
func TestSearchLanguages(t *testing.T) {
	dir, gold := evalDocuments(t)
	store := t.TempDir()
	if code, out, errs := run(t, "--store", store, "ingest", dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errs)
	}
	want := map[string]string{} // file → language
	for _, f := range gold.Files {
		want[filepath.Base(f.File)] = f.Language
	}
	cli := func(vars map[string]any) (searchLangData, string) {
		v, _ := json.Marshal(vars)
		code, out, errs := run(t, "--store", store, "query", "--vars", string(v), searchLangQuery)
		if code != 0 {
			t.Fatalf("query %s: exit %d\n%s\n%s", v, code, out, errs)
		}
		var r struct{ Data searchLangData }
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("query %s: %v\n%s", v, err, out)
		}
		norm, _ := json.Marshal(r.Data)
		return r.Data, string(norm)
	}
	type answer struct {
		vars map[string]any
		cli  string
	}
	var answers []answer
	for lang, text := range map[string]string{"en": "corruption", "es": "corrupción", "fr": "corruption démocratie", "pt": "corrupção"} {
		all, norm := cli(map[string]any{"t": text})
		answers = append(answers, answer{map[string]any{"t": text}, norm})
		counts := map[string]int{}
		for _, c := range all.SearchPage.Languages {
			counts[c.Language] = c.Count
		}
		if counts[lang] == 0 {
			t.Errorf("%q: no hit in %s: counts %v", text, lang, counts)
		}
		for _, e := range all.SearchPage.Edges {
			n := e.Node.Node
			if n.Source == nil {
				continue // not a mandate
			}
			if n.Language == nil || *n.Language != want[n.Source.File] {
				t.Errorf("%q: %s from %s shows language %v, want %s", text, n.ID, n.Source.File, n.Language, want[n.Source.File])
			}
		}
		one, norm := cli(map[string]any{"t": text, "lang": lang})
		answers = append(answers, answer{map[string]any{"t": text, "lang": lang}, norm})
		if one.SearchPage.TotalCount != counts[lang] || len(one.SearchPage.Edges) != min(counts[lang], 200) {
			t.Errorf("%q in %s: %d hits (%d listed), want %d", text, lang, one.SearchPage.TotalCount, len(one.SearchPage.Edges), counts[lang])
		}
		for _, e := range one.SearchPage.Edges {
			if l := e.Node.Node.Language; l == nil || *l != lang {
				t.Errorf("%q in %s: %s is in %v", text, lang, e.Node.Node.ID, l)
			}
		}
	}
	s := startServer(t, store)
	for _, a := range answers {
		r := s.gql(t, "", searchLangQuery, a.vars)
		if len(r.Errors) > 0 {
			t.Fatalf("%v: %v", a.vars, r.Errors)
		}
		var d searchLangData
		if err := json.Unmarshal(r.Data["searchPage"], &d.SearchPage); err != nil {
			t.Fatal(err)
		}
		if norm, _ := json.Marshal(d); string(norm) != a.cli {
			t.Errorf("%v: the server answers\n%s\nthe CLI\n%s", a.vars, norm, a.cli)
		}
	}
}

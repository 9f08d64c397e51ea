package graph_test

import (
	"testing"

	"summitgraph/graph"
)

func TestValidID(t *testing.T) {
	for _, tc := range []struct {
		id string
		ok bool
	}{
		{"summit/2001-quebec-city", true},
		{"mandate/2022-los-angeles/9952b461379a", true},
		{"institution/ogp", true},
		{"", false},
		{"a|b", false}, // the store's key separator
		{"with space", false},
		{"tab\there", false},
		{"\xff", false},
		{string(make([]byte, 201)), false},
	} {
		if got := graph.ValidID(tc.id); got != tc.ok {
			t.Errorf("ValidID(%q) = %v", tc.id, got)
		}
	}
}

func TestKindOfID(t *testing.T) {
	for id, want := range map[string]graph.Kind{
		"summit/1994-miami": graph.KindSummit, "document/x/y": graph.KindDocument, "mandate/a/b": graph.KindMandate,
		"convention/c": graph.KindConvention, "institution/i": graph.KindInstitution, "theme/t": graph.KindTheme,
		"other/x": "", "nokind": "",
	} {
		if got := graph.KindOfID(id); got != want {
			t.Errorf("KindOfID(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	want := graph.NormalizeName("Inter-American Convention against Corruption")
	for _, s := range []string{"InterAmerican Convention Against Corruption", "inter american convention against corruption", "INTER‑AMERICAN CONVENTION AGAINST CORRUPTION"} {
		if got := graph.NormalizeName(s); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", s, got, want)
		}
	}
	if a, b := graph.NormalizeName("Québec"), graph.NormalizeName("Quebec"); a != b {
		t.Errorf("accents: %q, %q", a, b)
	}
}

func TestBatchValidate(t *testing.T) {
	src := []graph.Source{{File: "a.txt", Line: 1}}
	ok := func() *graph.Batch {
		return &graph.Batch{File: "a.txt", Mandates: []*graph.Mandate{{ID: "mandate/x/1", Sources: src}}}
	}
	tests := []struct {
		name string
		edit func(b *graph.Batch)
		code string
	}{
		{"valid", func(*graph.Batch) {}, ""},
		{"no file", func(b *graph.Batch) { b.File = "" }, graph.EINVALID},
		{"a file name the store cannot key", func(b *graph.Batch) { b.File = "a|b.txt" }, graph.EINVALID},
		{"a node twice", func(b *graph.Batch) { b.Mandates = append(b.Mandates, b.Mandates[0]) }, graph.EDUPLICATE},
		{"a mandate of another file", func(b *graph.Batch) { b.Mandates[0].Sources = []graph.Source{{File: "b.txt"}} }, graph.EINVALID},
		{"an entity that is not one", func(b *graph.Batch) {
			b.Entities = []*graph.Entity{{ID: "summit/x", EntityKind: graph.KindSummit}}
		}, graph.EINVALID},
		{"an invalid edge", func(b *graph.Batch) {
			b.Edges = []graph.Edge{{From: "mandate/x/1", Type: "lower", To: "theme/t"}}
		}, graph.EINVALID},
	}
	for _, tc := range tests {
		b := ok()
		tc.edit(b)
		if got := graph.ErrorCode(b.Validate()); got != tc.code {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.code)
		}
	}
}

package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"summitgraph/graph"
	"summitgraph/graph/ingest"
	"summitgraph/graph/ingest/ingesttest"
	"summitgraph/graph/store"
)

// TestOpensPreviousStore opens a store written by an earlier summitgraph
// (commit 4a7c0d4, before the store was a package of its own; made by
// testdata/store-4a7c0d4.go.txt: the seed, an alias added, a mention
// rejected and two entities merged) as serve would, and reads from it
// what that code read (testdata/store-4a7c0d4.reads.json, recorded by the
// same program): every record decodes, every index and counter agrees
// with the records, and a new file goes in.
func TestOpensPreviousStore(t *testing.T) {
	dir := t.TempDir()
	entries, err := os.ReadDir("testdata/store-4a7c0d4")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata/store-4a7c0d4", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatalf("open the store of 4a7c0d4: %v", err)
	}
	defer s.Close()

	raw, err := os.ReadFile("testdata/store-4a7c0d4.reads.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]json.RawMessage
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	got := previousReads(t, s)
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(got) != len(want) {
		t.Errorf("%d reads, the recording has %d", len(got), len(want))
	}
	for _, k := range keys {
		if g, w := canonical(t, got[k]), canonical(t, want[k]); g != w {
			t.Errorf("%s differs from what 4a7c0d4 read:\n got %.600s\nwant %.600s", k, g, w)
		}
	}
	checkStore(t, s)

	cat, err := ingesttest.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	src, _ := ingest.Text("energy.txt", []byte("ENERGY\nMANDATES\n\n  1. Strengthen the Energy and Climate Partnership of the Americas and the work of the Organization of American States. (Plan of Action Santiago, 1998).\n"))
	if r := ingest.New(s, cat, ingest.Options{}).Ingest(bg, []ingest.Source{src}, nil)[0]; r.Err != nil || r.Apply.Mandates != 1 {
		t.Fatalf("a new file into the old store: %+v", r)
	}
	checkStore(t, s)
}

// canonical is v as JSON with sorted keys and no spaces.
func canonical(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		t.Fatal(err)
	}
	b, _ = json.Marshal(x)
	return string(b)
}

// previousReads is what testdata/store-4a7c0d4.go.txt reads, through
// today's API (the trace was TraceIDs).
func previousReads(t *testing.T, s *store.Store) map[string]any {
	ctx := context.Background()
	const (
		cicc    = "convention/inter-american-convention-against-corruption"
		mesicic = "institution/mesicic"
	)
	out := map[string]any{}
	keep := func(name string, v any, err error) {
		out[name] = v
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	st, err := s.Stats(ctx)
	keep("stats", st, err)
	files, err := s.Files(ctx)
	keep("files", files, err)
	v, err := s.CatalogVersion(ctx)
	keep("catalogVersion", v, err)
	sums, err := s.Summits(ctx)
	keep("summits", sums, err)
	page, err := s.Mandates(ctx, graph.MandateFilter{}, 1000, "")
	keep("mandates", page, err)
	top, err := s.Mandates(ctx, graph.MandateFilter{Summit: "summit/2022-los-angeles", TopLevel: true}, 5, "")
	keep("mandatesLosAngelesTop", top, err)
	n, err := s.CountMandates(ctx, graph.MandateFilter{Mentions: mesicic})
	keep("countMentioningMesicic", n, err)
	var edges [][]graph.Edge
	if page != nil {
		for _, m := range page.Mandates {
			es, err := s.Edges(ctx, graph.EdgeQuery{Node: m.ID, WithProps: true})
			if err != nil {
				t.Errorf("edges of %s: %v", m.ID, err)
			}
			edges = append(edges, es)
		}
	}
	out["edgesOfMandates"] = edges
	ents, err := s.Entities(ctx, "", 1000, "")
	keep("entities", ents, err)
	res, err := s.Resolve(ctx, "CICC", 5)
	keep("resolveCICC", res, err)
	res, err = s.Resolve(ctx, "mecanismo anticorrupcion", 5)
	keep("resolveCuratedAlias", res, err)
	ent, steps, err := s.Trace(ctx, cicc)
	keep("traceCICC", map[string]any{"entity": ent, "steps": steps}, err)
	es, err := s.EntitySummits(ctx, mesicic)
	keep("summitsOfMesicic", es, err)
	mp, err := s.EntityMentions(ctx, mesicic, 100, "")
	keep("mentionsOfMesicic", mp, err)
	rel, err := s.Related(ctx, "institution/ogp", "", 10)
	keep("relatedOGP", rel, err)
	hits, err := s.Search(ctx, [][]string{{"corrupt", "corrupcion"}, {"transpar", "transparencia"}}, 10)
	keep("search", hits, err)
	sg, err := s.Neighborhood(ctx, mesicic, 2, 500)
	keep("neighborhoodMesicic", sg, err)
	path, err := s.Path(ctx, "institution/upd", cicc, 6)
	keep("pathUPDtoCICC", path, err)
	audit, _, _, err := s.Audit(ctx, 10, "")
	keep("audit", audit, err)
	aliases, _ := s.CuratedAliases()
	out["curatedAliases"] = aliases
	out["curationVersion"] = s.CurationVersion()
	counts, err := s.MentionCounts(ctx)
	keep("mentionCounts", counts, err)
	if len(out) == 0 {
		t.Fatal(fmt.Errorf("no reads"))
	}
	return out
}

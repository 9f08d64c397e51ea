package graph_test

import (
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// imports lists the module's packages with their direct imports and all
// their dependencies (go list; test files not included).
func imports(t *testing.T) (direct, deps map[string][]string) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command on PATH")
	}
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", "summitgraph/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	direct, deps = map[string][]string{}, map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			t.Fatalf("go list: %q", line)
		}
		direct[parts[0]] = strings.Fields(parts[1])
		deps[parts[0]] = strings.Fields(parts[2])
	}
	return direct, deps
}

func matching(pkgs []string, prefixes ...string) []string {
	var out []string
	for _, p := range pkgs {
		for _, x := range prefixes {
			if p == x || strings.HasPrefix(p, x+"/") {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// Storage and API libraries, by import path prefix.
var (
	storage = []string{"github.com/dgraph-io/badger/v4", "github.com/dgraph-io/ristretto/v2", "github.com/fxamacker/cbor/v2"}
	gqlgen  = []string{"github.com/99designs/gqlgen/graphql"}
)

// TestLayout holds the dependency rules of the layout (README, "How it
// works"): the domain and the pure packages link no store; only the store
// imports Badger, ristretto and CBOR; only gql and its sub-packages import
// the gqlgen runtime.
func TestLayout(t *testing.T) {
	direct, deps := imports(t)
	for _, p := range []string{"summitgraph/graph", "summitgraph/nlp", "summitgraph/nlp/synth", "summitgraph/graph/export"} {
		if _, ok := deps[p]; !ok {
			t.Errorf("%s is not in the module", p)
		}
		if bad := matching(deps[p], append(storage, gqlgen...)...); len(bad) > 0 {
			t.Errorf("%s depends on %v", p, bad)
		}
	}
	// The domain imports the standard library and golang.org/x/text only.
	for _, d := range deps["summitgraph/graph"] {
		if strings.Contains(strings.Split(d, "/")[0], ".") && !strings.HasPrefix(d, "golang.org/x/text/") {
			t.Errorf("summitgraph/graph depends on %s", d)
		}
	}
	var byStorage, byGQLGen []string
	for p, imps := range direct {
		if len(matching(imps, storage...)) > 0 {
			byStorage = append(byStorage, p)
		}
		if len(matching(imps, gqlgen...)) > 0 && p != "summitgraph/gql" && !strings.HasPrefix(p, "summitgraph/gql/") {
			byGQLGen = append(byGQLGen, p)
		}
	}
	sort.Strings(byStorage)
	if len(byStorage) != 1 || byStorage[0] != "summitgraph/graph/store" {
		t.Errorf("packages importing Badger, ristretto or CBOR: %v, want summitgraph/graph/store alone", byStorage)
	}
	if len(byGQLGen) > 0 {
		sort.Strings(byGQLGen)
		t.Errorf("packages outside gql importing the gqlgen runtime: %v", byGQLGen)
	}
}

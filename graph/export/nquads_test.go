package export_test

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"summitgraph/graph/export"
)

// quad is one parsed N-Quads line.
type quad struct {
	subject, predicate string
	object             string // a blank node label, or the literal's value
	isNode             bool
	datatype           string
	facets             map[string]string
}

var (
	reBlank  = `_:[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?`
	reQuad   = regexp.MustCompile(`^(` + reBlank + `) <([A-Za-z0-9_.~]+)> (?:(` + reBlank + `)|("(?:[^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-Fa-f]{4})*")(\^\^<xs:(?:int|double|boolean)>)?)(?: \((.*)\))? \.$`)
	reFacet  = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false)(?:, |$)`)
	reSchema = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_.]*): (string|int|float|bool|datetime|\[uid\])( @index\([a-z]+(?:, [a-z]+)*\))?( @upsert)?( @reverse)?( @count)? \.$`)
)

// parseNQuads parses an N-Quads export the way Dgraph's RDF rules read it,
// failing on any line that breaks them.
func parseNQuads(t *testing.T, data string) []quad {
	t.Helper()
	var out []quad
	for i, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		m := reQuad.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("line %d is not a valid N-Quad: %s", i+1, line)
		}
		q := quad{subject: m[1], predicate: m[2]}
		if m[3] != "" {
			q.object, q.isNode = m[3], true
		} else {
			v, err := strconv.Unquote(strings.ReplaceAll(m[4], `\'`, `'`))
			if err != nil {
				t.Fatalf("line %d: bad literal %s: %v", i+1, m[4], err)
			}
			q.object = v
			q.datatype = strings.TrimSuffix(strings.TrimPrefix(m[5], "^^<xs:"), ">")
			if q.datatype != "" {
				checkTyped(t, map[string]string{"int": "int", "double": "double", "boolean": "boolean"}[q.datatype], v, fmt.Sprintf("line %d", i+1))
			}
		}
		if f := m[6]; f != "" {
			if !q.isNode {
				t.Fatalf("line %d: facets on a literal", i+1)
			}
			q.facets = map[string]string{}
			for f != "" {
				fm := reFacet.FindStringSubmatch(f)
				if fm == nil {
					t.Fatalf("line %d: bad facets %q", i+1, m[6])
				}
				q.facets[fm[1]] = fm[2]
				f = f[len(fm[0]):]
			}
		}
		out = append(out, q)
	}
	return out
}

// TestNQuadsDgraph checks the N-Quads export against Dgraph's RDF rules
// line by line, checks the schema's syntax and coverage, and runs the
// equivalent of a DQL trace (mandates with a <mentions> edge to the
// convention, by summit) over the quads, which must give the GraphQL
// trace's mandates.
func TestNQuadsDgraph(t *testing.T) {
	s := seedStore(t)
	out, sum := exportString(t, s, "nquads", export.Options{})
	quads := parseNQuads(t, out)
	xid := map[string]string{}
	preds := map[string]bool{}
	edgePreds := map[string]bool{}
	for _, q := range quads {
		preds[q.predicate] = true
		if q.predicate == "xid" {
			xid[q.subject] = q.object
		}
		if q.isNode {
			edgePreds[q.predicate] = true
		}
	}
	st := stats(t, s)
	if len(xid) != st.Nodes() {
		t.Errorf("%d xids, %d nodes", len(xid), st.Nodes())
	}
	for _, q := range quads {
		if q.isNode {
			if xid[q.subject] == "" || xid[q.object] == "" {
				t.Fatalf("edge between nodes without xid: %+v", q)
			}
			if q.predicate == "mentions" && (q.facets["surface"] == "" || q.facets["method"] == "" || q.facets["confidence"] == "") {
				t.Errorf("mention without its evidence as facets: %+v", q)
			}
		}
	}

	// Schema: syntax, and every predicate declared; every edge predicate
	// with @reverse.
	var schema bytes.Buffer
	export.Schema(&schema, sum.EdgeTypes)
	declared := map[string]string{}
	inType := false
	for i, line := range strings.Split(schema.String(), "\n") {
		switch {
		case line == "":
		case strings.HasPrefix(line, "type ") && strings.HasSuffix(line, " {"):
			inType = true
		case line == "}":
			inType = false
		case inType:
			if !regexp.MustCompile(`^  [A-Za-z_][A-Za-z0-9_.]*$`).MatchString(line) {
				t.Errorf("schema line %d: bad type field %q", i+1, line)
			}
		default:
			m := reSchema.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("schema line %d is not Dgraph schema syntax: %q", i+1, line)
			}
			declared[m[1]] = line
		}
	}
	for p := range preds {
		if p == "dgraph.type" {
			continue
		}
		if declared[p] == "" {
			t.Errorf("predicate %s is not in the schema", p)
		}
		if edgePreds[p] && !strings.Contains(declared[p], "[uid] @reverse") {
			t.Errorf("edge predicate %s lacks @reverse: %s", p, declared[p])
		}
	}

	// The DQL trace, computed over the quads.
	const iacac = "convention/inter-american-convention-against-corruption"
	summitOf := map[string]string{}
	for _, q := range quads {
		if q.predicate == "summit" && !q.isNode {
			summitOf[xid[q.subject]] = q.object
		}
	}
	var fromQuads []string
	for _, q := range quads {
		if q.predicate == "mentions" && xid[q.object] == iacac && summitOf[xid[q.subject]] != "" {
			fromQuads = append(fromQuads, summitOf[xid[q.subject]]+" "+xid[q.subject])
		}
	}
	_, steps, err := s.Trace(context.Background(), iacac)
	if err != nil {
		t.Fatal(err)
	}
	var fromTrace []string
	for _, st := range steps {
		for _, m := range st.Mandates {
			fromTrace = append(fromTrace, st.Summit.ID+" "+m)
		}
	}
	sort.Strings(fromQuads)
	sort.Strings(fromTrace)
	if len(fromTrace) != 4 || strings.Join(fromQuads, "\n") != strings.Join(fromTrace, "\n") {
		t.Errorf("trace over the quads:\n%s\nGraphQL trace:\n%s", strings.Join(fromQuads, "\n"), strings.Join(fromTrace, "\n"))
	}
}

func TestBlankNode(t *testing.T) {
	tests := map[string]string{
		"mandate/2022-los-angeles/3fa9c01b2e": "_:mandate.2022-los-angeles.3fa9c01b2e",
		"institution/oas":                     "_:institution.oas",
		"theme/x.":                            "_:theme.x._",
		"institution/café":                    "_:institution.caf_xE9",
	}
	for id, want := range tests {
		if got := export.BlankNode(id); got != want {
			t.Errorf("BlankNode(%q) = %q, want %q", id, got, want)
		}
		if !regexp.MustCompile(`^` + reBlank + `$`).MatchString(export.BlankNode(id)) {
			t.Errorf("%q is not a valid label", export.BlankNode(id))
		}
	}
}

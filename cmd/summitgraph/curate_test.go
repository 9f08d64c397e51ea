package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitgraph/graph"
)

const testSecret = "0123456789abcdef-test"

// gqlResp is a GraphQL response.
type gqlResp struct {
	Data   map[string]json.RawMessage
	Errors []struct {
		Message    string
		Extensions struct{ Code string }
	}
}

func (s *server) gql(t *testing.T, token, query string, vars map[string]any) gqlResp {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	h := map[string]string{}
	if token != "" {
		h["Authorization"] = "Bearer " + token
	}
	_, out := s.post(t, string(body), h)
	var r gqlResp
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	return r
}

func (r gqlResp) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Extensions.Code
}

const newPage = `Organization of American States Summits of the Americas
Follow-up and Implementation: Mandates

ENERGY: Access to Energy
MANDATES

  1. Strengthen the Energy and Climate Partnership of the Americas and support the work of the Organization of American States on rural electrification. (Plan of Action Santiago, 1998).
`

func TestCuration(t *testing.T) {
	store := t.TempDir()
	s := startServer(t, store, "--token", "alice="+testSecret)
	ingest := `mutation($n: String!, $t: String!) { ingestDocument(name: $n, text: $t) { file unchanged replaced mandates items summits { summit { id } count } warnings { line message } } }`
	vars := map[string]any{"n": "energy.txt", "t": newPage}

	// Refused without the token, or with a wrong one.
	for _, tok := range []string{"", "wrong-token-0123456789"} {
		if r := s.gql(t, tok, ingest, vars); r.code() != graph.EUNAUTHORIZED {
			t.Errorf("token %q: %+v", tok, r.Errors)
		}
	}
	r := s.gql(t, testSecret, ingest, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("ingestDocument: %+v", r.Errors)
	}
	var rep struct {
		File      string
		Unchanged bool
		Mandates  int
		Summits   []struct {
			Summit struct{ ID string }
			Count  int
		}
	}
	json.Unmarshal(r.Data["ingestDocument"], &rep)
	if rep.Mandates != 1 || len(rep.Summits) != 1 || rep.Summits[0].Summit.ID != "summit/1998-santiago" {
		t.Errorf("report %+v", rep)
	}
	// Queryable at once.
	r = s.gql(t, "", `{ search(text: "Energy and Climate Partnership rural electrification", first: 1) { node { id ... on Mandate { source { file } mentions { entity { id } method } } } } }`, nil)
	var hits []struct {
		Node struct {
			ID       string
			Source   struct{ File string }
			Mentions []struct {
				Entity struct{ ID string }
				Method string
			}
		}
	}
	json.Unmarshal(r.Data["search"], &hits)
	if len(hits) != 1 || hits[0].Node.Source.File != "energy.txt" {
		t.Fatalf("the new mandate is not found: %s", r.Data["search"])
	}
	mandate := hits[0].Node.ID
	hasMention := func(entity string) (bool, string) {
		r := s.gql(t, "", `query($id: ID!) { node(id: $id) { ... on Mandate { mentions { entity { id } method } } } }`, map[string]any{"id": mandate})
		var n struct {
			Mentions []struct {
				Entity struct{ ID string }
				Method string
			}
		}
		json.Unmarshal(r.Data["node"], &n)
		for _, m := range n.Mentions {
			if m.Entity.ID == entity {
				return true, m.Method
			}
		}
		return false, ""
	}
	if ok, _ := hasMention("institution/oas"); !ok {
		t.Fatal("the page's mention of the OAS is not linked")
	}

	// addAlias: resolve finds the new name at once; a name of another
	// entity is refused.
	r = s.gql(t, testSecret, `mutation { addAlias(entity: "institution/oas", alias: "the Inter-American Organization") { id aliases } }`, nil)
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data["addAlias"]), "the Inter-American Organization") {
		t.Fatalf("addAlias: %+v %s", r.Errors, r.Data["addAlias"])
	}
	r = s.gql(t, "", `{ resolve(name: "The InterAmerican organization") { id } }`, nil)
	if !strings.Contains(string(r.Data["resolve"]), "institution/oas") {
		t.Errorf("resolve after addAlias: %s", r.Data["resolve"])
	}
	if r = s.gql(t, testSecret, `mutation { addAlias(entity: "institution/oas", alias: "MESICIC") { id } }`, nil); r.code() != graph.ECONFLICT {
		t.Errorf("an alias of another entity: %+v", r.Errors)
	}
	// Texts ingested from now on are matched with it, method curated.
	page := "ENERGY: Access\n\n  1. Ask the Inter-American Organization to report on energy access. (Plan of Action Santiago, 1998).\n"
	if r := s.gql(t, testSecret, ingest, map[string]any{"n": "curated.txt", "t": page}); len(r.Errors) > 0 {
		t.Fatalf("ingest curated.txt: %+v", r.Errors)
	}
	r = s.gql(t, "", `{ mandates(filter: {mentions: "institution/oas", summit: "summit/1998-santiago"}, first: 10) { edges { node { source { file } mentions(kind: INSTITUTION) { surface method confidence } } } } }`, nil)
	if !strings.Contains(string(r.Data["mandates"]), `{"surface":"the Inter-American Organization","method":"curated","confidence":0.99}`) {
		t.Errorf("a curated alias in a new text: %s", r.Data["mandates"])
	}

	// rejectMention holds when the file comes again.
	r = s.gql(t, testSecret, `mutation($m: ID!) { rejectMention(mandate: $m, entity: "institution/oas") { id } }`, map[string]any{"m": mandate})
	if len(r.Errors) > 0 {
		t.Fatalf("rejectMention: %+v", r.Errors)
	}
	if ok, _ := hasMention("institution/oas"); ok {
		t.Error("the rejected mention is still there")
	}
	if r := s.gql(t, testSecret, ingest, vars); len(r.Errors) > 0 {
		t.Fatalf("ingest again: %+v", r.Errors)
	}
	if ok, _ := hasMention("institution/oas"); ok {
		t.Error("ingesting the file again brought the rejected mention back")
	}

	// mergeEntities: the mentions move, with method curated; the merged
	// entity is gone, and stays merged when the file comes again.
	r = s.gql(t, "", `{ resolve(name: "Energy and Climate Partnership of the Americas") { id } }`, nil)
	var found []struct{ ID string }
	json.Unmarshal(r.Data["resolve"], &found)
	if len(found) == 0 {
		t.Fatalf("ECPA is not known: %s", r.Data["resolve"])
	}
	from := found[0].ID
	r = s.gql(t, testSecret, `mutation($f: ID!) { mergeEntities(into: "institution/ogp", from: $f) { id aliases } }`, map[string]any{"f": from})
	if len(r.Errors) > 0 {
		t.Fatalf("mergeEntities: %+v", r.Errors)
	}
	if ok, method := hasMention("institution/ogp"); !ok || method != "curated" {
		t.Errorf("merged mention: %v %q; want it on the survivor with method curated", ok, method)
	}
	if r := s.gql(t, "", `query($f: ID!) { node(id: $f) { id } }`, map[string]any{"f": from}); r.code() != graph.ENOTFOUND {
		t.Errorf("the merged entity still exists: %+v", r)
	}
	vars["t"] = newPage + "\n  1. Support the Energy and Climate Partnership of the Americas. (Plan of Action Santiago, 1998).\n"
	if r := s.gql(t, testSecret, ingest, vars); len(r.Errors) > 0 {
		t.Fatalf("ingest a new version: %+v", r.Errors)
	}
	if r := s.gql(t, "", `query($f: ID!) { node(id: $f) { id } }`, map[string]any{"f": from}); r.code() != graph.ENOTFOUND {
		t.Errorf("re-ingesting resurrected the merged entity")
	}

	// The audit log says what, when and by whom (to a curator).
	r = s.gql(t, testSecret, `{ audit(first: 10) { at by action target detail } }`, nil)
	var audit []struct{ At, By, Action, Target string }
	json.Unmarshal(r.Data["audit"], &audit)
	actions := []string{}
	for _, a := range audit {
		actions = append(actions, a.Action)
		if a.By != "alice" || a.At == "" {
			t.Errorf("audit entry %+v", a)
		}
	}
	// The second ingest of the same text is not "unchanged": curation
	// changed, so the page was extracted again.
	if strings.Join(actions, ",") != "ingestDocument,mergeEntities,ingestDocument,rejectMention,ingestDocument,addAlias,ingestDocument" {
		t.Errorf("audit actions (newest first) = %v", actions)
	}

	// A server without a token is read-only.
	s.stop()
	ro := startServer(t, store)
	if r := ro.gql(t, testSecret, ingest, vars); r.code() != graph.EREADONLY {
		t.Errorf("read-only server: %+v", r.Errors)
	}
}

func TestHeldStoreAndBackup(t *testing.T) {
	store := t.TempDir()
	s := startServer(t, store, "--token", "ops="+testSecret)
	code, _, errs := run(t, "--store", store, "ingest", seedFile(t))
	if code != 1 || !strings.Contains(errs, "is held by a running summitgraph server (pid ") || !strings.Contains(errs, "ingestDocument") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("ingest into a held store: exit %d, %q", code, errs)
	}
	// A backup while serving goes through the server.
	backup := filepath.Join(t.TempDir(), "seed.backup")
	t.Setenv("SUMMITGRAPH_TOKEN", "ops="+testSecret)
	code, _, errs = run(t, "--store", store, "backup", "--out", backup)
	if code != 0 || !strings.Contains(errs, "through the server") {
		t.Fatalf("backup while serving: exit %d %s", code, errs)
	}
	// From this machine no token is needed; a wrong one is refused.
	for token, want := range map[string]int{"": http.StatusOK, "wrong-token-0123456789": http.StatusUnauthorized} {
		req, _ := http.NewRequest(http.MethodGet, s.base+"/backup", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET /backup with token %q: %d, want %d", token, res.StatusCode, want)
		}
	}
	s.stop()

	restored := t.TempDir()
	code, out, errs := run(t, "--store", restored, "restore", backup)
	if code != 0 || !strings.Contains(out, "1 file, 73 mandates") {
		t.Fatalf("restore: exit %d %s %s", code, out, errs)
	}
	if dump(t, store) != dump(t, restored) {
		t.Error("the restored store differs from the original")
	}
	code, _, errs = run(t, "--store", restored, "restore", backup)
	if code != 1 || !strings.Contains(errs, "restore goes into an empty store") {
		t.Errorf("restore into a full store: exit %d %q", code, errs)
	}
	// Without a server, the backup is taken directly, and it round-trips.
	direct := filepath.Join(t.TempDir(), "direct.backup")
	if code, _, errs := run(t, "--store", restored, "backup", "--out", direct); code != 0 {
		t.Fatal(errs)
	}
	again := t.TempDir()
	if code, _, errs := run(t, "--store", again, "restore", direct); code != 0 {
		t.Fatal(errs)
	}
	if dump(t, again) != dump(t, restored) {
		t.Error("direct backup does not round-trip")
	}
	// A backup cut short fails, and leaves the store empty: the whole
	// backup then restores into it.
	whole, err := os.ReadFile(direct)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.backup")
	os.WriteFile(cut, whole[:len(whole)*3/4], 0o644)
	partial := t.TempDir()
	if code, _, errs := run(t, "--store", partial, "restore", cut); code != 1 || !strings.Contains(errs, "damaged") {
		t.Errorf("restore of a cut backup: exit %d %q", code, errs)
	}
	if code, _, errs := run(t, "--store", partial, "restore", direct); code != 0 {
		t.Errorf("restore after a failed one: exit %d %q", code, errs)
	} else if dump(t, partial) != dump(t, restored) {
		t.Error("restore after a failed one differs from the original")
	}
	bad := filepath.Join(t.TempDir(), "bad.backup")
	os.WriteFile(bad, []byte("not a backup"), 0o644)
	if code, _, errs := run(t, "--store", t.TempDir(), "restore", bad); code != 1 || !strings.Contains(errs, "not a summitgraph backup") {
		t.Errorf("restore of garbage: exit %d %q", code, errs)
	}
}

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"summitgraph/graph/store"
	"summitgraph/seeds"
)

// run runs the CLI in process and returns its exit status and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runSet(t, settings{}, args...)
}

// runSet is run with settings.
func runSet(t *testing.T, set settings, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = runWith(context.Background(), args, &out, &errb, set)
	return code, out.String(), errb.String()
}

func seedFile(t *testing.T) string {
	t.Helper()
	data, err := seeds.FS().(interface{ ReadFile(string) ([]byte, error) }).ReadFile("democracy-good-governance.txt")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "democracy-good-governance.txt")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// dump lists every key and value of a closed store, to compare stores.
func dump(t *testing.T, dir string) string {
	t.Helper()
	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var b strings.Builder
	if err := st.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "usage: summitgraph"},
		{[]string{"help"}, 0, "Commands:"},
		{[]string{"nope"}, 2, `unknown command "nope"`},
		{[]string{"--nope", "serve"}, 2, "flag provided but not defined"},
		{[]string{"ingest"}, 2, "give one or more files"},
		{[]string{"query"}, 2, "give exactly one GraphQL document"},
		{[]string{"query", "--vars", "[1]", "{ stats { files } }"}, 2, "--vars is not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := run(t, append([]string{"--store", t.TempDir()}, tt.args...)...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Errorf("exit %d, output %q; want %d and %q", code, out+errs, tt.code, tt.want)
			}
		})
	}
}

func TestIngestSeedTwice(t *testing.T) {
	store := t.TempDir()
	seed := seedFile(t)
	code, out, errs := run(t, "--store", store, "ingest", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"48 mandates, 25 items", "Los Angeles 2022: 43", "Miami 1994: 6", "ingested 1 file (0 unchanged, 0 failed): 48 mandates, 25 items"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	before := dump(t, store)
	code, out, _ = run(t, "--store", store, "ingest", seed)
	if code != 0 || !strings.Contains(out, "unchanged") {
		t.Fatalf("second ingest: exit %d\n%s", code, out)
	}
	if after := dump(t, store); after != before {
		t.Error("ingesting the same file twice changed the store")
	}
}

func TestIngestBadInput(t *testing.T) {
	store := t.TempDir()
	if code, _, errs := run(t, "--store", store, "ingest", seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	before := dump(t, store)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		want string
	}{
		{"binary", write("image.txt", []byte("  1. Fine text.\n\x00\x01\x02PNG")), "image.txt:2 (byte 16): binary data"},
		// Not UTF-8, and not text of the four languages in Windows-1252
		// either (¤¶Þ), which is read with a warning (TestIngestFormats).
		{"not UTF-8", write("mojibake.txt", []byte("  1. Fine text.\n  2. caf\xe9 \xa4\xb6\xde\n")), "mojibake.txt:2 (byte 24): not valid UTF-8"},
		{"missing", filepath.Join(dir, "nope.txt"), "nope.txt: no such file or directory"},
		{"a dangling link in a folder", func() string {
			os.MkdirAll(filepath.Join(dir, "folder"), 0o755)
			os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "folder", "inner.txt"))
			return filepath.Join(dir, "folder")
		}(), "inner.txt: no such file or directory"},
	}
	if os.Geteuid() != 0 { // root reads any folder
		locked := filepath.Join(dir, "locked")
		os.MkdirAll(filepath.Join(locked, "sub"), 0o755)
		os.Chmod(filepath.Join(locked, "sub"), 0)
		t.Cleanup(func() { os.Chmod(filepath.Join(locked, "sub"), 0o755) })
		tests = append(tests, struct{ name, path, want string }{"unreadable folder", locked, "sub: permission denied"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(t, "--store", store, "ingest", tt.path)
			if code != 1 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errs, tt.want)
			}
			if after := dump(t, store); after != before {
				t.Error("a failed file changed the store")
			}
		})
	}
}

// TestIngestBadPathsBesideGoodOnes: each bad path (missing, not a
// folder, unreadable when not root) is reported, the good file is written
// all the same, and the exit status is 1.
func TestIngestBadPathsBesideGoodOnes(t *testing.T) {
	store := t.TempDir()
	good := seedFile(t)
	dir := t.TempDir()
	args := []string{"--store", store, "ingest", filepath.Join(dir, "nope.txt"), good, filepath.Join(good, "sub")}
	wants := []string{"FAILED " + filepath.Join(dir, "nope.txt") + ": no such file or directory", "FAILED " + filepath.Join(good, "sub") + ": not a directory"}
	if os.Geteuid() != 0 { // root reads any folder
		locked := filepath.Join(dir, "locked")
		os.MkdirAll(locked, 0o755)
		os.Chmod(locked, 0)
		t.Cleanup(func() { os.Chmod(locked, 0o755) })
		args = append(args, locked)
		wants = append(wants, "FAILED "+locked+": permission denied")
	}
	code, out, errs := run(t, args...)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, w := range wants {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if want := fmt.Sprintf("ingested 1 file (0 unchanged, %d failed)", len(wants)); !strings.Contains(out, want) {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
	code, out, _ = run(t, "--store", store, "query", `{ stats { files } }`)
	if code != 0 || !strings.Contains(out, `"files": 1`) {
		t.Errorf("the good file was not written: %s", out)
	}
}

func TestIngestKeepsGoodFilesAndWarns(t *testing.T) {
	store := t.TempDir()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte{0xff, 0xfe, 0}, 0o644)
	os.WriteFile(filepath.Join(dir, "cut.txt"), []byte("ENERGY: Access\n\n  1. Increase access of rural inhabitants to energy services. (Plan of Action Santiago, 1998).\n\n  1. Promote rural electrification in accordance with nat"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not a page"), 0o644)
	code, out, errs := run(t, "--store", store, "ingest", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (one file failed)", code)
	}
	if !strings.Contains(errs, "bad.txt") || strings.Contains(out+errs, "notes.md") {
		t.Errorf("stderr %q", errs)
	}
	for _, want := range []string{"empty.txt: 0 mandates", "warning: empty.txt: no mandates found", "cut.txt: 2 mandates", "warning: cut.txt:5: mandate 1 is cut off and has no citation; kept without a summit", "Santiago 1998: 1", "unattributed: 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "--store", store, "query", `{ stats { mandates files } }`)
	if code != 0 || !strings.Contains(out, `"mandates": 2`) || !strings.Contains(out, `"files": 2`) {
		t.Errorf("after ingest: %s", out)
	}
}

func TestQueryAndTrace(t *testing.T) {
	store := t.TempDir()
	if code, _, errs := run(t, "--store", store, "ingest", seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	code, out, _ := run(t, "--store", store, "query", "--vars", `{"n":"MESICIC"}`, `query($n: String!) { resolve(name: $n) { id name } }`)
	if code != 0 || !strings.Contains(out, `"id": "institution/mesicic"`) {
		t.Errorf("query: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "--store", store, "query", `{ node(id: "nope/1") { id } }`)
	if code != 1 || !strings.Contains(out, `"code": "NOT_FOUND"`) {
		t.Errorf("query of an unknown id: exit %d\n%s", code, out)
	}
	code, out, errs := run(t, "--store", store, "trace", "CICC")
	if code != 0 {
		t.Fatalf("trace: exit %d: %s", code, errs)
	}
	lines := regexp.MustCompile(`(?m)^(Santiago 1998|Québec City 2001|Los Angeles 2022)\s+(\d{4})\s+(\d+)`).FindAllStringSubmatch(out, -1)
	if len(lines) != 3 || lines[0][1] != "Santiago 1998" || lines[2][1] != "Los Angeles 2022" {
		t.Errorf("trace table:\n%s", out)
	}
	// The 2022 mandate names the Convention inside the MESICIC's name.
	if !strings.Contains(out, "\n4 mandates at 3 summits\n") || lines[2][3] != "2" {
		t.Errorf("trace counts:\n%s", out)
	}
	if !strings.HasPrefix(out, "Inter-American Convention against Corruption (convention,") {
		t.Errorf("trace header:\n%s", out)
	}
	// A misspelled name: did you mean, and the nearest one's trace.
	code, out, errs = run(t, "--store", store, "trace", "MESCIC")
	if code != 0 || !strings.HasPrefix(out, `no convention, institution or theme is called "MESCIC"; did you mean MESICIC (Follow-up Mechanism for the Implementation of the Inter-American Convention against Corruption, score 0.86)? Its trace:`) ||
		!strings.Contains(out, "(institution, institution/mesicic)\n") || !strings.Contains(out, "Los Angeles 2022") || !strings.HasSuffix(out, "\n1 mandate at 1 summit\n") {
		t.Errorf("trace MESCIC: exit %d\n%s%s", code, out, errs)
	}
	// Nearest names with nothing between them: asked, not guessed.
	code, out, errs = run(t, "--store", store, "trace", "OEAS")
	if code != 1 || out != "" || !strings.Contains(errs, `did you mean OECS (Organisation of Eastern Caribbean States, score 0.75), or OAS (Organization of American States, score 0.75)`) {
		t.Errorf("trace OEAS: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = run(t, "--store", store, "trace", "No Such Thing")
	if code != 1 || !strings.Contains(errs, `no convention, institution or theme is called "No Such Thing"`) {
		t.Errorf("trace of an unknown name: exit %d %q", code, errs)
	}
}

// TestServe starts the real server on an empty store: it seeds it, answers
// GraphQL and health checks, stops on cancel, and the store reopens.
func TestServe(t *testing.T) {
	store := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"--store", store, "serve", "--addr", "127.0.0.1:0"}, pw, &errb)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no start line: %v (%s)", err, errb.String())
	}
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`http://([0-9.:]+)/graphql`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("start line %q", line)
	}
	base := "http://" + m[1]
	res, err := http.Get(base + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", res, err)
	}
	res.Body.Close()
	res, err = http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ stats { mandates files } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Data struct{ Stats struct{ Mandates, Files int } }
	}
	json.NewDecoder(res.Body).Decode(&body)
	res.Body.Close()
	if body.Data.Stats.Mandates != 73 || body.Data.Stats.Files != 1 {
		t.Errorf("served stats %+v; want the seed (73 mandates and items, 1 file)", body.Data.Stats)
	}
	for path, want := range map[string]int{"/export/graphml": 200, "/export/nquads?kind=CONVENTION": 200, "/export/schema": 200, "/export/svg": 400, "/export/gexf?around=nope/1": 404} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s: %d %s; want %d", path, res.StatusCode, body, want)
		}
		if path == "/export/graphml" && (!strings.HasPrefix(res.Header.Get("Content-Type"), "application/graphml+xml") || !strings.HasSuffix(string(body), "</graphml>\n")) {
			t.Errorf("GET %s: %s, %d bytes", path, res.Header.Get("Content-Type"), len(body))
		}
	}
	// GraphiQL is served from the binary's bundle: its page names only
	// assets of this server, never another host.
	res, err = http.Get(base + "/graphiql")
	if err != nil || res.StatusCode != 200 {
		t.Errorf("graphiql: %v %v", res, err)
	} else {
		page, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if strings.Contains(string(page), "//cdn") || strings.Contains(string(page), "https://") || !strings.Contains(string(page), "/assets/") {
			t.Errorf("graphiql page does not come from the bundle: %.300s", page)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d: %s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	// The store is closed cleanly and reopens with the seed in it.
	code, out, _ := run(t, "--store", store, "query", `{ stats { files } }`)
	if code != 0 || !strings.Contains(out, `"files": 1`) {
		t.Errorf("reopen: exit %d %s", code, out)
	}
}

func TestExport(t *testing.T) {
	store := t.TempDir()
	if code, _, errs := run(t, "--store", store, "ingest", seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "seed.nq")
	code, _, errs := run(t, "--store", store, "export", "--format", "nquads", "--out", out)
	if code != 0 || !strings.Contains(errs, "dgraph live --format=rdf -f "+out+" -s "+out+".schema --upsertPredicate bnode") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, p := range []string{out, out + ".schema"} {
		if info, err := os.Stat(p); err != nil || info.Size() == 0 {
			t.Errorf("%s not written: %v", p, err)
		}
	}
	code, stdout, _ := run(t, "--store", store, "export", "--format", "cytoscape", "--kind", "institution", "--kind", "CONVENTION")
	if code != 0 || !strings.HasPrefix(stdout, `{"elements": {"nodes": [`) || strings.Contains(stdout, `"kind":"MANDATE"`) {
		t.Errorf("cytoscape to stdout: exit %d, %.80s", code, stdout)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown format", []string{"--format", "svg"}, 1, `unknown export format "svg" (use graphml, gexf, cytoscape, nquads)`},
		{"unknown kind", []string{"--format", "gexf", "--kind", "person"}, 2, `unknown kind "person"`},
		{"unknown node", []string{"--format", "graphml", "--around", "institution/nope", "--out", filepath.Join(dir, "x.graphml")}, 1, `no node with id "institution/nope"`},
		{"unwritable path", []string{"--format", "graphml", "--out", filepath.Join(dir, "no", "such", "dir", "x.graphml")}, 1, "cannot write"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(t, append([]string{"--store", store, "export"}, tt.args...)...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.want)
			}
			if lines := strings.Count(strings.TrimSpace(errs), "\n") + 1; tt.code == 1 && lines != 1 {
				t.Errorf("%d lines of error, want one: %q", lines, errs)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || e.Name() == "x.graphml" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestCount: counts in the CLI's output are singular for 1 only.
func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		many []string
		want string
	}{
		{0, nil, "0 mandates"}, {1, nil, "1 mandate"}, {2, nil, "2 mandates"},
		{1, []string{"entries"}, "1 mandate"}, {3, []string{"entries"}, "3 entries"},
	} {
		if got := count(tc.n, "mandate", tc.many...); got != tc.want {
			t.Errorf("count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	// One file that fails: "1 of 1 file failed and was not written".
	bad := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(bad, []byte("\x00\x01\x02 not a page"), 0o644)
	code, out, errs := run(t, "--store", t.TempDir(), "ingest", bad)
	if code != 1 || !strings.Contains(out, "ingested 0 files (0 unchanged, 1 failed): 0 mandates, 0 items") || !strings.Contains(errs, "1 of 1 file failed and was not written") {
		t.Errorf("ingest of one bad file: exit %d\n%s%s", code, out, errs)
	}
}

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	promdto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"summitgraph/graph/store"
)

// TestMain lets the test binary stand in for the summitgraph binary: run
// with SUMMITGRAPH_TEST_MAIN=1 it is main(), so that tests can signal and
// kill a real process without building one.
func TestMain(m *testing.M) {
	if os.Getenv("SUMMITGRAPH_TEST_MAIN") == "1" {
		// Small memtables make a small ingest spread its tables as a
		// large one does (TestKillDuringCompaction).
		var set settings
		if mb, err := strconv.Atoi(os.Getenv("SUMMITGRAPH_TEST_MEMTABLE_MB")); err == nil {
			set.ingest.MemTableMB = mb
		}
		if mb, err := strconv.Atoi(os.Getenv("SUMMITGRAPH_TEST_MIN_FREE_MB")); err == nil {
			set.ingest.MinFreeMB = mb
		}
		os.Exit(mainWith(set))
	}
	os.Exit(m.Run())
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// server is a `summitgraph serve` running in process.
type server struct {
	base   string
	stderr *syncBuffer
	stop   func() int // cancels and waits; returns the exit status
}

func startServer(t *testing.T, store string, args ...string) *server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	errb := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, append([]string{"--store", store, "serve", "--addr", "127.0.0.1:0"}, args...), pw, errb)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("no start line: %v (%s)", err, errb.String())
	}
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`http://([0-9.:]+)/graphql`).FindStringSubmatch(line)
	if m == nil {
		cancel()
		t.Fatalf("start line %q", line)
	}
	var once sync.Once
	code := 0
	s := &server{base: "http://" + m[1], stderr: errb, stop: func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(20 * time.Second):
				t.Error("serve did not stop")
				code = -1
			}
		})
		return code
	}}
	t.Cleanup(func() { s.stop() })
	return s
}

func (s *server) post(t *testing.T, body string, headers map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.base+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

func TestRequestLogs(t *testing.T) {
	s := startServer(t, t.TempDir(), "--log-format", "json")
	res, _ := s.post(t, `{"operationName":"Counts","query":"query Counts($x: String!) { resolve(name: $x) { id } stats { mandates } }","variables":{"x":"SECRET-VARIABLE"}}`,
		map[string]string{"Authorization": "Bearer SECRET-TOKEN-0123456789"})
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	s.post(t, `{"query":"{ node(id: \"nope/1\") { id } }"}`, nil)
	s.stop()
	logs := s.stderr.String()
	if strings.Contains(logs, "SECRET") {
		t.Errorf("a variable or token reached the logs:\n%s", logs)
	}
	var found, foundErr bool
	for _, line := range strings.Split(strings.TrimSpace(logs), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("not a JSON log line: %q", line)
		}
		if rec["msg"] != "request" || rec["path"] != "/graphql" {
			continue
		}
		for _, k := range []string{"method", "status", "duration", "bytes", "operation"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("request log lacks %s: %s", k, line)
			}
		}
		if rec["operation"] == "Counts" && rec["status"] == float64(200) && rec["method"] == "POST" {
			found = true
		}
		if rec["code"] == "NOT_FOUND" {
			foundErr = true
		}
	}
	if !found || !foundErr {
		t.Errorf("no request line for the Counts operation (%v) or with the error code (%v):\n%s", found, foundErr, logs)
	}
	if !strings.Contains(logs, `"msg":"ingested"`) || !strings.Contains(logs, `"file":"democracy-good-governance.txt"`) {
		t.Errorf("ingest is not logged per file:\n%s", logs)
	}
}

func scrape(t *testing.T, base string) map[string]*dto {
	t.Helper()
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(res.Body)
	if err != nil {
		t.Fatalf("/metrics does not parse: %v", err)
	}
	out := map[string]*dto{}
	for name, f := range fams {
		out[name] = &dto{f}
	}
	return out
}

func TestMetrics(t *testing.T) {
	s := startServer(t, t.TempDir())
	count := func() float64 {
		fams := scrape(t, s.base)
		return fams["summitgraph_requests_total"].sum(map[string]string{"route": "graphql", "operation": "Counts", "outcome": "ok"})
	}
	before := count()
	s.post(t, `{"query":"query Counts { stats { mandates } }"}`, nil)
	if after := count(); after != before+1 {
		t.Errorf("request counter went from %v to %v, want +1", before, after)
	}
	fams := scrape(t, s.base)
	for _, name := range []string{"summitgraph_request_duration_seconds", "summitgraph_graphql_complexity", "summitgraph_store_objects", "summitgraph_ingested_files_total", "go_goroutines", "process_resident_memory_bytes"} {
		if fams[name] == nil {
			t.Errorf("/metrics lacks %s", name)
		}
	}
	if got := fams["summitgraph_store_objects"].sum(map[string]string{"object": "mandates"}); got != 73 {
		t.Errorf("store mandates gauge = %v, want 73", got)
	}
	if got := fams["summitgraph_ingested_files_total"].sum(map[string]string{"outcome": "written"}); got != 1 {
		t.Errorf("ingested files = %v, want 1", got)
	}
}

func TestConfigRefused(t *testing.T) {
	tests := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"SUMMITGRAPH_MAX_FIRST": "lots"}, nil, `invalid $SUMMITGRAPH_MAX_FIRST="lots"`},
		{map[string]string{"SUMMITGRAPH_LOG_FORMAT": "xml"}, nil, `--log-format must be text or json, not "xml"`},
		{nil, []string{"--max-depth", "1"}, "--max-depth must be at least 2"},
		{nil, []string{"--cors-origins", "localhost:5173"}, `"localhost:5173" is not an origin`},
		{nil, []string{"--token", "short"}, "at least 16 characters"},
		{nil, []string{"--timeout", "soon"}, `invalid value "soon" for flag -timeout`},
		{nil, []string{"--max-query", "100"}, "--max-query must be at least 4096 bytes"},
		{nil, []string{"--query-cache", "10"}, "--query-cache must be at least 1048576 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			code, _, errs := run(t, append([]string{"--store", t.TempDir(), "serve"}, tt.args...)...)
			if code != 2 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tt.want)
			}
		})
	}
	// Every setting is documented by --help, with its variable in the text.
	_, _, errs := run(t, "serve", "-h")
	for _, f := range []string{"-addr", "-token", "-log-format", "-max-first", "-max-depth", "-max-complexity", "-max-body", "-max-query", "-max-tokens", "-max-selections", "-max-overlaps", "-max-aliases", "-max-expensive", "-query-cache", "-cors-origins", "-read-only", "-debug-addr", "-timeout", "-introspection", "SUMMITGRAPH_"} {
		if !strings.Contains(errs, f) {
			t.Errorf("serve -h does not document %s", f)
		}
	}
	// An environment variable sets a flag; the command line wins.
	t.Setenv("SUMMITGRAPH_MAX_FIRST", "3")
	s := startServer(t, t.TempDir())
	_, body := s.post(t, `{"query":"{ mandates(first: 4) { totalCount } }"}`, nil)
	if !strings.Contains(body, "first must be between 0 and 3") {
		t.Errorf("SUMMITGRAPH_MAX_FIRST=3 not applied: %s", body)
	}
	// The request limits of gql reach the server from its flags.
	s = startServer(t, t.TempDir(), "--max-aliases", "1", "--max-expensive", "1")
	_, body = s.post(t, `{"query":"{ a: stats { files } b: stats { files } }"}`, nil)
	if !strings.Contains(body, "ALIAS_LIMIT_EXCEEDED") {
		t.Errorf("--max-aliases 1 not applied: %s", body)
	}
	_, body = s.post(t, `{"query":"{ search(text: \"oas\") { score } trace(entity: \"institution/oas\") { steps { count } } }"}`, nil)
	if !strings.Contains(body, "EXPENSIVE_FIELD_LIMIT_EXCEEDED") {
		t.Errorf("--max-expensive 1 not applied: %s", body)
	}
}

func TestCORS(t *testing.T) {
	s := startServer(t, t.TempDir(), "--cors-origins", "http://localhost:5173")
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest(http.MethodOptions, s.base+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	res := preflight("http://localhost:5173")
	if res.StatusCode/100 != 2 || res.Header.Get("Access-Control-Allow-Origin") != "http://localhost:5173" ||
		!strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "POST") ||
		!strings.Contains(strings.ToLower(res.Header.Get("Access-Control-Allow-Headers")), "content-type") {
		t.Errorf("preflight from the allowed origin: %d %v", res.StatusCode, res.Header)
	}
	post, _ := s.post(t, `{"query":"{ stats { files } }"}`, map[string]string{"Origin": "http://localhost:5173"})
	if post.Header.Get("Access-Control-Allow-Origin") != "http://localhost:5173" || post.Header.Get("Access-Control-Allow-Credentials") != "true" {
		t.Errorf("POST from the allowed origin: %v", post.Header)
	}
	res = preflight("http://evil.example")
	if res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("an origin not on the list got CORS headers: %v", res.Header)
	}
	post, _ = s.post(t, `{"query":"{ stats { files } }"}`, map[string]string{"Origin": "http://evil.example"})
	if post.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("POST from another origin got CORS headers: %v", post.Header)
	}
	s.stop()

	w := startServer(t, t.TempDir(), "--cors-origins", "*")
	post, _ = w.post(t, `{"query":"{ stats { files } }"}`, map[string]string{"Origin": "http://anywhere.example"})
	if post.Header.Get("Access-Control-Allow-Origin") != "*" || post.Header.Get("Access-Control-Allow-Credentials") != "" {
		t.Errorf("wildcard: %v (credentials must never go with *)", post.Header)
	}
}

func TestHealthReadyDebugVersion(t *testing.T) {
	s := startServer(t, t.TempDir(), "--debug-addr", "127.0.0.1:0")
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready"} {
		res, err := http.Get(s.base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || strings.TrimSpace(string(body)) != want {
			t.Errorf("%s: %d %q", path, res.StatusCode, body)
		}
	}
	m := regexp.MustCompile(`msg="pprof listening" addr=([0-9.:]+)`).FindStringSubmatch(s.stderr.String())
	if m == nil {
		t.Fatalf("no pprof address in the logs:\n%s", s.stderr.String())
	}
	res, err := http.Get("http://" + m[1] + "/debug/pprof/cmdline")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("pprof: %v %v", res, err)
	}
	res.Body.Close()
	res, _ = http.Get(s.base + "/debug/pprof/cmdline")
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if strings.Contains(string(body), "serve") && !strings.Contains(string(body), "<") {
		t.Error("pprof is served on the public address")
	}
	code, out, _ := run(t, "version")
	if code != 0 || !regexp.MustCompile(`^summitgraph \S+ commit \S+.* go1\.\d+`).MatchString(out) {
		t.Errorf("version: %d %q", code, out)
	}
}

// TestShutdownDuringSlowRequest sends SIGTERM to a real server process
// while a request is still arriving: the request is answered, the process
// exits 0, and the store reopens without replaying anything.
func TestShutdownDuringSlowRequest(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "--store", dir, "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "SUMMITGRAPH_TEST_MAIN=1")
	stdout, _ := cmd.StdoutPipe()
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("no start line: %v\n%s", err, stderr.String())
	}
	addr := regexp.MustCompile(`http://([0-9.:]+)/graphql`).FindStringSubmatch(line)[1]

	body := `{"query":"{ stats { mandates files } }"}`
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	head := "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + itoa(len(body)) + "\r\n\r\n"
	conn.Write([]byte(head + body[:10])) // the request has begun...
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	conn.Write([]byte(body[10:])) // ...and ends after the signal
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no response to the request in flight: %v\n%s", err, stderr.String())
	}
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(got), `"mandates":73`) {
		t.Errorf("response: %d %s", resp.StatusCode, got)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "store closed") {
		t.Errorf("the store was not closed cleanly:\n%s", stderr.String())
	}
	// A clean close flushes the memtables: no write-ahead log (*.mem) is
	// left for the next open to replay.
	if wal, _ := filepath.Glob(filepath.Join(dir, "*.mem")); len(wal) > 0 {
		t.Errorf("write-ahead logs left to replay: %v", wal)
	}
	st, err := store.Open(store.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if stt, _ := st.Stats(context.Background()); stt.Mandates != 73 {
		t.Errorf("reopened store: %+v", stt)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// dto wraps a metric family to sum its samples by label.
type dto struct{ f *promdto.MetricFamily }

// sum adds the values of the samples carrying all the given labels
// (counters, gauges, and histograms' counts).
func (d *dto) sum(labels map[string]string) float64 {
	if d == nil {
		return 0
	}
	total := 0.0
	for _, m := range d.f.GetMetric() {
		have := map[string]string{}
		for _, l := range m.GetLabel() {
			have[l.GetName()] = l.GetValue()
		}
		ok := true
		for k, v := range labels {
			if have[k] != v {
				ok = false
			}
		}
		if !ok {
			continue
		}
		switch {
		case m.Counter != nil:
			total += m.GetCounter().GetValue()
		case m.Gauge != nil:
			total += m.GetGauge().GetValue()
		case m.Histogram != nil:
			total += float64(m.GetHistogram().GetSampleCount())
		case m.Untyped != nil:
			total += m.GetUntyped().GetValue()
		}
	}
	return total
}

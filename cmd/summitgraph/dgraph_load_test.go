//go:build load

// TestVersusDgraph measures the trace query of summitgraph and of Dgraph
// side by side, in one run, on the same synthetic corpus (issue #16). It
// uses only the summitgraph binary and HTTP, so it keeps working whatever
// the package's internals become:
//
//	go test -tags load -run VersusDgraph -v -timeout 60m ./cmd/summitgraph
//	DGRAPH=/path/to/dgraph go test -tags load -run VersusDgraph -v -timeout 60m ./cmd/summitgraph
//
// It builds the binary (or takes $SUMMITGRAPH_BIN), generates
// $SUMMITGRAPH_BENCH_MANDATES mandates (15,000), ingests them, exports the
// N-Quads and serves the store on loopback. When $DGRAPH names a Dgraph
// binary it also starts Dgraph zero and alpha on loopback ports in a temp
// dir (no telemetry), live-loads the export with upserts on the blank
// nodes (the reload that does not double the graph), checks that a reload
// leaves the node count as it was, and checks that both answer every
// measured trace with the same mandates. Then, for each size, it sends the
// same rotating load to both, one after the other: $SUMMITGRAPH_BENCH_CONNS
// connections (8) for $SUMMITGRAPH_BENCH_SECONDS (15) after a 2 s warm-up,
// each request tracing the next of six entities of about 240 mandates, or
// of three of about 3,400, as a GraphQL trace and the equivalent DQL query.
// It prints a table of requests/s, p50, p99, errors and peak RSS, with the
// ratios. Without $DGRAPH only the summitgraph half runs. A live load that
// takes longer than $SUMMITGRAPH_BENCH_LIVE_TIMEOUT (10m) is stopped and
// reported, and the Dgraph half skipped. Everything it starts is stopped at
// the end.
package main_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// traceQuery is the GraphQL trace measured; dqlTrace is its DQL
// equivalent on the N-Quads export: the summits whose documents hold the
// entity's mandates, oldest first, each with its mandates by document.
const (
	traceQuery = `query Trace($e: ID!) { trace(entity: $e) { entity { name } steps { summit { label year } mandates { id year text } } } }`
	dqlTrace   = `query trace($x: string) {
  var(func: eq(xid, $x)) { M as ~mentions }
  var(func: uid(M)) { from { S as issued_at } }
  entity(func: eq(xid, $x)) { xid name }
  steps(func: uid(S), orderasc: startDate) {
    xid label year
    documents: ~issued_at { mandates: ~from @filter(uid(M)) { xid year text } }
  }
}`
)

// upsertPredicate is the predicate `dgraph live --upsertPredicate` keeps
// each blank node's label in, so that a reload finds the node it made
// before. It cannot be xid: the loader would store "_:institution.oas"
// there and the export's own <xid> "institution/oas" would overwrite it,
// so every reload would make new nodes.
const upsertPredicate = "bnode"

func benchEnv(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// proc is a child process with its output in a file.
type proc struct {
	name string
	cmd  *exec.Cmd
	log  string
}

// start runs bin with args in dir, its output going to dir/name.log, and
// stops it (SIGTERM, then SIGKILL after 20 s) when the test ends.
func start(t *testing.T, name, dir, bin string, args ...string) *proc {
	t.Helper()
	logPath := filepath.Join(dir, name+".log")
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, f, f
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	p := &proc{name: name, cmd: cmd, log: logPath}
	t.Cleanup(func() {
		p.stop()
		f.Close()
	})
	return p
}

func (p *proc) stop() {
	if p.cmd.ProcessState != nil {
		return
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		p.cmd.Process.Kill()
		<-done
	}
}

// tail is the end of the process's output, for error messages.
func (p *proc) tail() string {
	b, _ := os.ReadFile(p.log)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

var vmRSS = regexp.MustCompile(`VmRSS:\s+(\d+) kB`)

// procSum sums what value reads from /proc/PID/file of each process (a
// process that has gone counts nothing).
func procSum(pids []int, file string, value func([]byte) float64) float64 {
	total := 0.0
	for _, pid := range pids {
		if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/%s", pid, file)); err == nil {
			total += value(b)
		}
	}
	return total
}

// rssMiB is the summed resident memory of the processes.
func rssMiB(pids ...int) float64 {
	return procSum(pids, "status", func(b []byte) float64 {
		m := vmRSS.FindSubmatch(b)
		if m == nil {
			return 0
		}
		kb, _ := strconv.Atoi(string(m[1]))
		return float64(kb) / 1024
	})
}

// cpuTicks is the summed user and system CPU time of the processes, in
// clock ticks.
func cpuTicks(pids ...int) float64 {
	return procSum(pids, "stat", func(b []byte) float64 {
		// The fields after the command name (which may hold spaces).
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(f) <= 12 {
			return 0
		}
		u, _ := strconv.Atoi(f[11])
		s, _ := strconv.Atoi(f[12])
		return float64(u + s)
	})
}

// settle waits until the processes use less than a tenth of a core for
// three seconds running (Dgraph rolls up and compacts after a load), at
// most limit; it returns how long it waited.
func settle(limit time.Duration, pids ...int) time.Duration {
	began := time.Now()
	quiet := 0
	last := cpuTicks(pids...)
	for quiet < 3 && time.Since(began) < limit {
		time.Sleep(time.Second)
		now := cpuTicks(pids...)
		if now-last < 10 { // ticks are 1/100 s
			quiet++
		} else {
			quiet = 0
		}
		last = now
	}
	return time.Since(began)
}

func pids(ps ...*proc) []int {
	out := make([]int, len(ps))
	for i, p := range ps {
		out[i] = p.cmd.Process.Pid
	}
	return out
}

// sgRun runs the summitgraph binary to completion.
func sgRun(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("summitgraph %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// serve starts `summitgraph serve` on a free loopback port and waits for
// its first answer.
func serve(t *testing.T, bin, store string) (base string, p *proc) {
	t.Helper()
	cmd := exec.Command(bin, "--store", store, "serve", "--addr", "127.0.0.1:0", "--log-level", "warn", "--max-complexity", "1000000")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p = &proc{name: "summitgraph", cmd: cmd}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	r := bufio.NewReader(out)
	line, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("serve: %v", err)
	}
	go io.Copy(io.Discard, r)
	m := regexp.MustCompile(`http://([0-9.:]+)/graphql`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("serve printed no address: %q", line)
	}
	base = "http://" + m[1]
	for deadline := time.Now().Add(time.Minute); ; {
		res, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ stats { mandates } }"}`))
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return base, p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("summitgraph did not answer within a minute: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// postJSON posts body and decodes the answer into v.
func postJSON(url string, body any, v any) error {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode != 200 {
		return fmt.Errorf("%s: %s: %.300s", url, res.Status, data)
	}
	var errs struct{ Errors []struct{ Message string } }
	if json.Unmarshal(data, &errs) == nil && len(errs.Errors) > 0 {
		return fmt.Errorf("%s: %s", url, errs.Errors[0].Message)
	}
	return json.Unmarshal(data, v)
}

// mentionCounts reads an N-Quads export: the id of every node and the
// number of mandates mentioning each entity.
func mentionCounts(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xid := map[string]string{}
	pairs := map[[2]string]bool{}
	r := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := r.ReadString('\n')
		if f := strings.SplitN(line, " ", 4); len(f) == 4 {
			switch f[1] {
			case "<xid>":
				if id, err := strconv.Unquote(strings.TrimSuffix(strings.TrimSpace(f[2]+" "+f[3]), " .")); err == nil {
					xid[f[0]] = id
				}
			case "<mentions>":
				pairs[[2]string{f[0], f[2]}] = true
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	counts := map[string]int{}
	for p := range pairs {
		counts[xid[p[1]]]++
	}
	return counts
}

// closest picks the n entities whose mandate counts are nearest target.
func closest(counts map[string]int, target, n int) []string {
	ids := make([]string, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	dist := func(id string) int { return int(math.Abs(float64(counts[id] - target))) }
	sort.Slice(ids, func(i, j int) bool {
		if dist(ids[i]) != dist(ids[j]) {
			return dist(ids[i]) < dist(ids[j])
		}
		return ids[i] < ids[j]
	})
	return ids[:min(n, len(ids))]
}

// dgraph is a Dgraph zero and alpha on loopback ports.
type dgraph struct {
	bin, dir   string
	offset     int
	zero, alph *proc
}

func (d *dgraph) grpc() string  { return fmt.Sprintf("127.0.0.1:%d", 9080+d.offset) }
func (d *dgraph) api() string   { return fmt.Sprintf("http://127.0.0.1:%d", 8080+d.offset) }
func (d *dgraph) pids() []int   { return pids(d.zero, d.alph) }
func (d *dgraph) query() string { return d.api() + "/query" }

// freeOffset finds a port offset at which Dgraph's five ports (zero 5080
// and 6080, alpha 7080, 8080 and 9080, plus the offset) are free on
// loopback, keeping clear of 8080 and of the ephemeral range.
func freeOffset() (int, error) {
	for try := 0; try < 50; try++ {
		off := 100 + rand.IntN(22000)
		free := true
		for _, base := range []int{5080, 6080, 7080, 8080, 9080} {
			ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", base+off))
			if err != nil {
				free = false
				break
			}
			ln.Close()
		}
		if free {
			return off, nil
		}
	}
	return 0, errors.New("no free port offset for Dgraph")
}

// startDgraph starts zero and alpha bound to loopback, telemetry off,
// admin only from loopback, and waits for alpha to be healthy.
func startDgraph(t *testing.T, bin string) *dgraph {
	t.Helper()
	off, err := freeOffset()
	if err != nil {
		t.Fatal(err)
	}
	d := &dgraph{bin: bin, dir: t.TempDir(), offset: off}
	for _, sub := range []string{"zero", "alpha", "live"} {
		os.MkdirAll(filepath.Join(d.dir, sub), 0o755)
	}
	common := []string{"--bindall=false", "--telemetry", "reports=false; sentry=false;", "--port_offset", strconv.Itoa(off), "--log_dir", d.dir}
	d.zero = start(t, "zero", filepath.Join(d.dir, "zero"), bin, append([]string{"zero",
		"--my", fmt.Sprintf("127.0.0.1:%d", 5080+off)}, common...)...)
	d.alph = start(t, "alpha", filepath.Join(d.dir, "alpha"), bin, append([]string{"alpha",
		"--my", fmt.Sprintf("127.0.0.1:%d", 7080+off),
		"--zero", fmt.Sprintf("127.0.0.1:%d", 5080+off),
		"--security", "whitelist=127.0.0.1"}, common...)...)
	for deadline := time.Now().Add(2 * time.Minute); ; {
		res, err := http.Get(d.api() + "/health")
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == 200 && bytes.Contains(b, []byte(`"healthy"`)) {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("Dgraph alpha not healthy after 2 minutes:\n%s", d.alph.tail())
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("Dgraph %s: zero and alpha on 127.0.0.1, ports +%d (alpha HTTP %s, gRPC %s), in %s", bin, off, d.api(), d.grpc(), d.dir)
	return d
}

// live runs `dgraph live` with upserts on the blank nodes, at most limit.
func (d *dgraph) live(data, schema string, limit time.Duration) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, d.bin, "live", "--format=rdf", "-f", data, "-s", schema,
		"--upsertPredicate", upsertPredicate, "--alpha", d.grpc(), "--http", "127.0.0.1:0", "--tmp", filepath.Join(d.dir, "live"))
	cmd.Dir = filepath.Join(d.dir, "live")
	began := time.Now()
	out, err := cmd.CombinedOutput()
	took := time.Since(began)
	if ctx.Err() != nil {
		return took, fmt.Errorf("dgraph live did not finish in %s", limit)
	}
	if err != nil || bytes.Contains(out, []byte("Error while processing")) {
		if len(out) > 2000 {
			out = out[len(out)-2000:]
		}
		return took, fmt.Errorf("dgraph live: %v\n%s", err, out)
	}
	return took, nil
}

// dql runs a DQL query with variables on alpha.
func (d *dgraph) dql(query string, vars map[string]string, v any) error {
	return postJSON(d.query(), map[string]any{"query": query, "variables": vars}, v)
}

// nodes counts the nodes with an xid, and those with the given xid.
func (d *dgraph) nodes(id string) (all, withID int, err error) {
	var r struct {
		Data struct {
			All []struct{ Count int } `json:"all"`
			ID  []struct{ Count int } `json:"id"`
		}
	}
	err = d.dql(`query n($x: string) { all(func: has(xid)) { count(uid) } id(func: eq(xid, $x)) { count(uid) } }`, map[string]string{"$x": id}, &r)
	if err == nil && len(r.Data.All) == 1 && len(r.Data.ID) == 1 {
		all, withID = r.Data.All[0].Count, r.Data.ID[0].Count
	}
	return all, withID, err
}

// schemaWithUpsert copies the export's schema, adding the upsert
// predicate when the export does not declare it.
func schemaWithUpsert(t *testing.T, schema string) string {
	t.Helper()
	b, err := os.ReadFile(schema)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("xid: string @index(exact) @upsert .")) {
		t.Errorf("%s does not declare xid: string @index(exact) @upsert .", schema)
	}
	if !regexp.MustCompile(`(?m)^` + upsertPredicate + `: string @index\(exact\) @upsert \.`).Match(b) {
		b = append(b, []byte("\n"+upsertPredicate+": string @index(exact) @upsert .\n")...)
		t.Logf("the export's schema has no %s predicate: added %q for the upserts", upsertPredicate, upsertPredicate+": string @index(exact) @upsert .")
	}
	out := schema + ".upsert"
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// traced is a trace's mandate ids by summit label.
type traced map[string][]string

func sgTrace(base, entity string) (traced, error) {
	var r struct {
		Data struct {
			Trace struct {
				Steps []struct {
					Summit   struct{ Label string }
					Mandates []struct{ ID string }
				}
			}
		}
	}
	if err := postJSON(base+"/graphql", map[string]any{"query": traceQuery, "variables": map[string]string{"e": entity}}, &r); err != nil {
		return nil, err
	}
	out := traced{}
	for _, s := range r.Data.Trace.Steps {
		for _, m := range s.Mandates {
			out[s.Summit.Label] = append(out[s.Summit.Label], m.ID)
		}
	}
	return out, nil
}

func dgTrace(d *dgraph, entity string) (traced, error) {
	var r struct {
		Data struct {
			Steps []struct {
				Label     string
				Documents []struct {
					Mandates []struct{ Xid string }
				}
			}
		}
	}
	if err := d.dql(dqlTrace, map[string]string{"$x": entity}, &r); err != nil {
		return nil, err
	}
	out := traced{}
	for _, s := range r.Data.Steps {
		for _, doc := range s.Documents {
			for _, m := range doc.Mandates {
				out[s.Label] = append(out[s.Label], m.Xid)
			}
		}
	}
	return out, nil
}

func (tr traced) count() int {
	n := 0
	for _, ids := range tr {
		n += len(ids)
	}
	return n
}

// same reports whether two traces hold the same mandates at each summit.
func (tr traced) same(o traced) bool {
	if len(tr) != len(o) {
		return false
	}
	for s, ids := range tr {
		a, b := append([]string(nil), ids...), append([]string(nil), o[s]...)
		sort.Strings(a)
		sort.Strings(b)
		if strings.Join(a, " ") != strings.Join(b, " ") {
			return false
		}
	}
	return true
}

// measured is one closed-loop run.
type measured struct {
	rps, p50, p99 float64
	requests      uint64
	errors        int
	peakRSS       float64
	load          string // the 1-, 5- and 15-minute load averages at the end (the machine is shared)
}

// hammer keeps conns connections busy with targets in turn for d, sampling
// the RSS of pids every 200 ms. A request fails on a transport error, a
// status other than 200 or an "errors" member in the answer.
func hammer(targets []vegeta.Target, conns int, d time.Duration, pids []int) measured {
	a := vegeta.NewAttacker(vegeta.Workers(uint64(conns)), vegeta.MaxWorkers(uint64(conns)),
		vegeta.Connections(conns), vegeta.MaxConnections(conns), vegeta.Timeout(30*time.Second), vegeta.KeepAlive(true))
	var (
		peak float64
		mu   sync.Mutex
		stop = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				r := rssMiB(pids...)
				mu.Lock()
				peak = math.Max(peak, r)
				mu.Unlock()
			}
		}
	}()
	var m vegeta.Metrics
	bad := 0
	for r := range a.Attack(vegeta.NewStaticTargeter(targets...), vegeta.ConstantPacer{}, d, "trace") {
		m.Add(r)
		if r.Code != 200 || r.Error != "" || bytes.Contains(r.Body, []byte(`"errors":[`)) {
			bad++
		}
	}
	m.Close()
	close(stop)
	wg.Wait()
	return measured{
		rps: float64(m.Requests) / m.Duration.Seconds(), requests: m.Requests, errors: bad,
		p50: float64(m.Latencies.P50.Microseconds()) / 1000, p99: float64(m.Latencies.P99.Microseconds()) / 1000,
		peakRSS: math.Max(peak, rssMiB(pids...)), load: loadAverage(),
	}
}

// loadAverage is the first three fields of /proc/loadavg, "" elsewhere.
func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

// post is a vegeta target posting a JSON body, asking for an unencoded
// answer (Dgraph would gzip it for Go's client otherwise, and summitgraph
// does not compress: both are measured sending the same bytes).
func post(url string, body any) vegeta.Target {
	b, _ := json.Marshal(body)
	return vegeta.Target{Method: "POST", URL: url, Body: b, Header: http.Header{
		"Content-Type": {"application/json"}, "Accept-Encoding": {"identity"}}}
}

// size is a set of entities traced in turn.
type size struct {
	label    string
	target   int
	entities []string
}

func TestVersusDgraph(t *testing.T) {
	n := benchEnv("SUMMITGRAPH_BENCH_MANDATES", 15000)
	secs := time.Duration(benchEnv("SUMMITGRAPH_BENCH_SECONDS", 15)) * time.Second
	conns := benchEnv("SUMMITGRAPH_BENCH_CONNS", 8)
	liveLimit := 10 * time.Minute
	if v, err := time.ParseDuration(os.Getenv("SUMMITGRAPH_BENCH_LIVE_TIMEOUT")); err == nil && v > 0 {
		liveLimit = v
	}
	dir := t.TempDir()

	bin := os.Getenv("SUMMITGRAPH_BIN")
	if bin == "" {
		bin = filepath.Join(dir, "summitgraph")
		if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
	}
	corpus, store, nq := filepath.Join(dir, "corpus"), filepath.Join(dir, "store"), filepath.Join(dir, "graph.nq")
	sgRun(t, bin, "gen", "--mandates", strconv.Itoa(n), "--out", corpus)
	began := time.Now()
	sgRun(t, bin, "--store", store, "ingest", "-q", corpus)
	ingest := time.Since(began)
	sgRun(t, bin, "--store", store, "export", "--format", "nquads", "--out", nq)
	t.Logf("%d mandates: summitgraph ingest (parse, extract, index, write) %s", n, ingest.Round(time.Millisecond))

	counts := mentionCounts(t, nq)
	sizes := []size{{label: "~240 mandates", target: 240}, {label: "~3,400 mandates", target: 3400}}
	sizes[0].entities = closest(counts, 240, 6)
	sizes[1].entities = closest(counts, 3400, 3)

	base, sg := serve(t, bin, store)
	sgStartRSS := rssMiB(sg.cmd.Process.Pid)

	var dg *dgraph
	var liveTook time.Duration
	var dgLoadRSS float64
	if bin := os.Getenv("DGRAPH"); bin != "" {
		dg = startDgraph(t, bin)
		schema := schemaWithUpsert(t, nq+".schema")
		var err error
		liveTook, err = dg.live(nq, schema, liveLimit)
		if err != nil {
			t.Logf("%v: the Dgraph half is skipped", err)
			dg.alph.stop()
			dg.zero.stop()
			dg = nil
		} else {
			dgLoadRSS = rssMiB(dg.pids()...)
			t.Logf("dgraph live --format=rdf --upsertPredicate %s: %s; alpha and zero RSS after it %.0f MiB; quiet after %s more",
				upsertPredicate, liveTook.Round(100*time.Millisecond), dgLoadRSS, settle(2*time.Minute, dg.pids()...).Round(time.Second))
			reloadCheck(t, dg, base, schema, sizes[0].entities[0], liveLimit)
			settle(2*time.Minute, dg.pids()...)
		}
	}

	// Every measured trace once on each side: the warm-up, and the check
	// that both answer with the same mandates at the same summits.
	for i := range sizes {
		var got []string
		for _, e := range sizes[i].entities {
			a, err := sgTrace(base, e)
			if err != nil {
				t.Fatal(err)
			}
			if a.count() != counts[e] {
				t.Errorf("summitgraph trace of %s: %d mandates, the export has %d", e, a.count(), counts[e])
			}
			if dg != nil {
				b, err := dgTrace(dg, e)
				if err != nil {
					t.Fatal(err)
				}
				if !a.same(b) {
					t.Errorf("trace of %s: summitgraph %d mandates at %d summits, Dgraph %d at %d", e, a.count(), len(a), b.count(), len(b))
				}
			}
			got = append(got, fmt.Sprintf("%s (%d)", e, a.count()))
		}
		t.Logf("%s: %s", sizes[i].label, strings.Join(got, ", "))
	}

	var tb strings.Builder
	fmt.Fprintf(&tb, "\n%d mandates; %d connections, %s a run after a 2 s warm-up, requests rotating among the entities\n\n", n, conns, secs)
	fmt.Fprintf(&tb, "| trace | server | requests/s | p50 ms | p99 ms | requests | errors | peak RSS MiB | load average after |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, s := range sizes {
		var sgT, dgT []vegeta.Target
		for _, e := range s.entities {
			sgT = append(sgT, post(base+"/graphql", map[string]any{"query": traceQuery, "variables": map[string]string{"e": e}}))
			if dg != nil {
				dgT = append(dgT, post(dg.query(), map[string]any{"query": dqlTrace, "variables": map[string]string{"$x": e}}))
			}
		}
		hammer(sgT, conns, 2*time.Second, nil)
		a := hammer(sgT, conns, secs, []int{sg.cmd.Process.Pid})
		row := func(who string, m measured) {
			fmt.Fprintf(&tb, "| %s | %s | %.1f | %.1f | %.1f | %d | %d | %.0f | %s |\n", s.label, who, m.rps, m.p50, m.p99, m.requests, m.errors, m.peakRSS, m.load)
		}
		row("summitgraph", a)
		if a.errors > 0 {
			t.Errorf("summitgraph, %s: %d errors", s.label, a.errors)
		}
		if dg == nil {
			continue
		}
		hammer(dgT, conns, 2*time.Second, nil)
		b := hammer(dgT, conns, secs, dg.pids())
		row("Dgraph", b)
		fmt.Fprintf(&tb, "| %s | ratio | %.2f× | %.2f | %.2f | | | %.3f | |\n", s.label, a.rps/b.rps, a.p50/b.p50, a.p99/b.p99, a.peakRSS/b.peakRSS)
	}
	if dg != nil {
		fmt.Fprintf(&tb, "\n| | summitgraph | Dgraph | ratio |\n|---|---|---|---|\n")
		fmt.Fprintf(&tb, "| load (summitgraph ingest with parsing and NLP; Dgraph live load of the export, upserting) | %.1f s | %.1f s | %.3f |\n", ingest.Seconds(), liveTook.Seconds(), ingest.Seconds()/liveTook.Seconds())
		fmt.Fprintf(&tb, "| RSS before the runs (summitgraph serve; alpha and zero after the load) | %.0f MiB | %.0f MiB | %.3f |\n", sgStartRSS, dgLoadRSS, sgStartRSS/dgLoadRSS)
	} else {
		fmt.Fprintf(&tb, "\nsummitgraph ingest %.1f s; serve RSS before the runs %.0f MiB. no Dgraph half: $DGRAPH is not set, or its live load did not finish.\n", ingest.Seconds(), sgStartRSS)
	}
	t.Log(tb.String())
}

// reloadCheck live-loads part of the graph again (the neighbourhood of
// entity, exported over HTTP) and fails if that made any node twice.
func reloadCheck(t *testing.T, dg *dgraph, base, schema, entity string, limit time.Duration) {
	t.Helper()
	before, one, err := dg.nodes(entity)
	if err != nil || one != 1 {
		t.Fatalf("Dgraph before the reload: %d nodes with xid %s (%v)", one, entity, err)
	}
	part := filepath.Join(dg.dir, "part.nq")
	res, err := http.Get(base + "/export/nquads?around=" + entity + "&depth=1")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(part)
	if err == nil {
		_, err = io.Copy(f, res.Body)
		f.Close()
	}
	res.Body.Close()
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("export around %s: %s %v", entity, res.Status, err)
	}
	took, err := dg.live(part, schema, limit)
	if err != nil {
		t.Fatalf("reload: %v", err)
	}
	after, one, err := dg.nodes(entity)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("reload of the neighbourhood of %s with --upsertPredicate %s (%s): nodes %d before, %d after; %d node(s) with its xid",
		entity, upsertPredicate, took.Round(100*time.Millisecond), before, after, one)
	if after != before || one != 1 {
		t.Errorf("the reload was not idempotent: %d nodes before, %d after, %d with xid %s", before, after, one, entity)
	}
}

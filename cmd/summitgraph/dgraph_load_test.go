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
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
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

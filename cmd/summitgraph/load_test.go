//go:build load

// The load suite: the real server in its own process, under closed-loop
// load from vegeta (a fixed number of connections, each sending its next
// request as soon as the last is answered). Not part of `go test ./...`:
//
//	go test -tags load -run Load -v -timeout 60m ./cmd/summitgraph
//
// SUMMITGRAPH_LOAD_STORE names an existing store to load (else one is
// generated and ingested: SUMMITGRAPH_LOAD_MANDATES, 10,000 by default);
// SUMMITGRAPH_LOAD_SECONDS is the length of each run (10); the soak of
// mixed queries at 64 connections lasts SUMMITGRAPH_SOAK_SECONDS (60).
// SUMMITGRAPH_LOAD_TRACE_FIRST=N pages the trace (each step's first N
// mandates) and traces the entity whose paged answer is nearest 250
// mandates, so that stores of different sizes answer the same size
// (bench/million.sh); SUMMITGRAPH_LOAD_ONLY=trace,search runs only those
// queries.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"summitgraph/graph/store"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// loadStore returns the store to load, generating one if none is given.
func loadStore(t *testing.T) string {
	if dir := os.Getenv("SUMMITGRAPH_LOAD_STORE"); dir != "" {
		return dir
	}
	n := envInt("SUMMITGRAPH_LOAD_MANDATES", 10000)
	corpus, store := t.TempDir(), t.TempDir()
	if code, _, errs := run(t, "gen", "--mandates", strconv.Itoa(n), "--out", corpus); code != 0 {
		t.Fatal(errs)
	}
	start := time.Now()
	if code, _, errs := run(t, "--store", store, "ingest", "-q", corpus); code != 0 {
		t.Fatal(errs)
	}
	t.Logf("ingested %d mandates in %s", n, time.Since(start).Round(time.Millisecond))
	return store
}

// picks are the nodes the queries are about, chosen from the store.
type picks struct {
	traceEntity, traceName string
	traceCount             int
	traceFirst             int // each step's page (0: every mandate)
	traceAnswer            int // the mandates the trace answers
	summit                 string
	from, to               string
}

func choose(t *testing.T, dir string) picks {
	st, err := store.Open(store.Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	counts, err := st.MentionCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var p picks
	best := math.MaxInt
	ids := make([]string, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var insts []string
	for _, id := range ids {
		if strings.HasPrefix(id, "theme/") {
			continue
		}
		if d := abs(counts[id] - 250); d < best {
			best, p.traceEntity, p.traceCount = d, id, counts[id]
		}
		if strings.HasPrefix(id, "institution/") {
			insts = append(insts, id)
		}
	}
	p.traceAnswer = p.traceCount
	if n := envInt("SUMMITGRAPH_LOAD_TRACE_FIRST", 0); n > 0 {
		p.traceFirst, best = n, math.MaxInt
		for _, id := range ids {
			if strings.HasPrefix(id, "theme/") || counts[id] < 250 || counts[id] > 250*n {
				continue
			}
			_, steps, err := st.Trace(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			answer := 0
			for _, s := range steps {
				answer += min(len(s.Mandates), n)
			}
			if d := abs(answer - 250); d < best {
				best, p.traceEntity, p.traceCount, p.traceAnswer = d, id, counts[id], answer
			}
		}
	}
	sort.Slice(insts, func(i, j int) bool { return counts[insts[i]] < counts[insts[j]] })
	p.from, p.to = insts[len(insts)/2], insts[len(insts)/3]
	sums, _ := st.Summits(ctx)
	p.summit = sums[len(sums)-2].ID // the latest summit that met
	return p
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// serverProc is `summitgraph serve` in a child process.
type serverProc struct {
	cmd  *exec.Cmd
	base string
	// ready is how long it took from starting the process to the first
	// answered query.
	ready time.Duration
}

func startProc(t *testing.T, store string) *serverProc {
	started := time.Now()
	cmd := exec.Command(os.Args[0], "--store", store, "serve", "--addr", "127.0.0.1:0", "--log-level", "warn", "--max-complexity", "1000000")
	cmd.Env = append(os.Environ(), "SUMMITGRAPH_TEST_MAIN=1")
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`http://([0-9.:]+)/graphql`).FindStringSubmatch(line)
	p := &serverProc{cmd: cmd, base: "http://" + m[1]}
	for {
		res, err := http.Post(p.base+"/graphql", "application/json", strings.NewReader(`{"query":"{ stats { mandates } }"}`))
		if err == nil && res.StatusCode == 200 {
			res.Body.Close()
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	p.ready = time.Since(started)
	return p
}

// rss reads the process's resident memory in MiB.
func (p *serverProc) rss() float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	m := regexp.MustCompile(`VmRSS:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		return 0
	}
	kb, _ := strconv.Atoi(string(m[1]))
	return float64(kb) / 1024
}

func target(base, query string, vars map[string]any) vegeta.Target {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return vegeta.Target{Method: "POST", URL: base + "/graphql", Body: body, Header: http.Header{"Content-Type": {"application/json"}}}
}

// scenarios are the queries of issue #6.
func scenarios(base string, p picks) map[string]vegeta.Target {
	return map[string]vegeta.Target{
		"trace":                  traceTarget(base, p),
		"mandates with a filter": target(base, `query Mandates($s: ID!) { mandates(filter: {summit: $s, topLevel: true}, first: 50) { totalCount edges { node { id number text summit { label } document { title } } } pageInfo { endCursor } } }`, map[string]any{"s": p.summit}),
		"search":                 target(base, `query Search { search(text: "transparency in public procurement", first: 20) { score snippet node { id label } } }`, nil),
		"neighborhood depth 2":   target(base, `query Hood($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id kind label } edges { from to type } truncated } }`, map[string]any{"id": p.from}),
		"path":                   target(base, `query Path($a: ID!, $b: ID!) { path(from: $a, to: $b, maxDepth: 6) { id } }`, map[string]any{"a": p.from, "b": p.to}),
	}
}

func traceTarget(base string, p picks) vegeta.Target {
	if p.traceFirst > 0 {
		return target(base, `query Trace($e: ID!, $n: Int) { trace(entity: $e) { entity { name } steps { summit { label year } count mandates(first: $n) { id year text } } } }`, map[string]any{"e": p.traceEntity, "n": p.traceFirst})
	}
	return target(base, `query Trace($e: ID!) { trace(entity: $e) { entity { name } steps { summit { label year } mandates { id year text } } } }`, map[string]any{"e": p.traceEntity})
}

type result struct {
	rps, p50, p99 float64
	requests      uint64
	errors        int
}

// attack runs targets round-robin on conns connections for d.
func attack(targets []vegeta.Target, conns int, d time.Duration) result {
	a := vegeta.NewAttacker(vegeta.Workers(uint64(conns)), vegeta.MaxWorkers(uint64(conns)), vegeta.Connections(conns), vegeta.MaxConnections(conns), vegeta.Timeout(30*time.Second), vegeta.KeepAlive(true))
	var m vegeta.Metrics
	errs := 0
	for r := range a.Attack(vegeta.NewStaticTargeter(targets...), vegeta.ConstantPacer{}, d, "load") {
		m.Add(r)
		if r.Code != 200 || r.Error != "" || strings.Contains(string(r.Body), `"errors"`) {
			errs++
		}
	}
	m.Close()
	return result{rps: float64(m.Requests) / m.Duration.Seconds(), p50: ms(m.Latencies.P50), p99: ms(m.Latencies.P99), requests: m.Requests, errors: errs}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// TestLoad measures every query of the contract's heavy paths at 8 and 64
// connections and prints a table for BENCHMARKS.md.
func TestLoad(t *testing.T) {
	store := loadStore(t)
	p := choose(t, store)
	srv := startProc(t, store)
	t.Logf("store %s: first query answered %s after start; RSS %.0f MiB", store, srv.ready.Round(time.Millisecond), srv.rss())
	t.Logf("trace of %s (%d mandates, %d answered, page %d); neighborhood and path around %s → %s", p.traceEntity, p.traceCount, p.traceAnswer, p.traceFirst, p.from, p.to)
	d := time.Duration(envInt("SUMMITGRAPH_LOAD_SECONDS", 10)) * time.Second
	sc := scenarios(srv.base, p)
	names := make([]string, 0, len(sc))
	only := os.Getenv("SUMMITGRAPH_LOAD_ONLY")
	for n := range sc {
		if only == "" || slices.Contains(strings.Split(only, ","), n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "\n| query | connections | requests/s | p50 ms | p99 ms | requests | errors |\n|---|---|---|---|---|---|---|\n")
	peak := srv.rss()
	for _, n := range names {
		attack([]vegeta.Target{sc[n]}, 8, 2*time.Second) // warm up
		for _, c := range []int{8, 64} {
			r := attack([]vegeta.Target{sc[n]}, c, d)
			fmt.Fprintf(&b, "| %s | %d | %.0f | %.1f | %.1f | %d | %d |\n", n, c, r.rps, r.p50, r.p99, r.requests, r.errors)
			if r.errors > 0 {
				t.Errorf("%s at %d connections: %d errors", n, c, r.errors)
			}
			peak = math.Max(peak, srv.rss())
		}
	}
	t.Log(b.String())
	t.Logf("server RSS after the runs: %.0f MiB (peak sampled %.0f MiB)", srv.rss(), peak)
}

// TestSoak runs mixed queries at 64 connections for a minute: zero errors,
// and resident memory after the first quarter does not keep growing.
func TestSoak(t *testing.T) {
	store := loadStore(t)
	p := choose(t, store)
	srv := startProc(t, store)
	sc := scenarios(srv.base, p)
	var targets []vegeta.Target
	for _, n := range []string{"trace", "mandates with a filter", "search", "neighborhood depth 2", "path"} {
		targets = append(targets, sc[n])
	}
	total := time.Duration(envInt("SUMMITGRAPH_SOAK_SECONDS", 60)) * time.Second
	var samples []float64
	done := make(chan result)
	go func() { done <- attack(targets, 64, total) }()
	tick := time.NewTicker(total / 12)
	defer tick.Stop()
	var r result
loop:
	for {
		select {
		case <-tick.C:
			samples = append(samples, srv.rss())
		case r = <-done:
			break loop
		}
	}
	t.Logf("mixed queries, 64 connections, %s: %d requests, %.0f/s, p50 %.1f ms, p99 %.1f ms, %d errors", total, r.requests, r.rps, r.p50, r.p99, r.errors)
	t.Logf("RSS samples (MiB): %v", samples)
	if r.errors > 0 {
		t.Errorf("%d errors", r.errors)
	}
	if len(samples) >= 4 {
		warm := samples[len(samples)/4]
		last := samples[len(samples)-1]
		if last > warm*1.25+16 {
			t.Errorf("memory grew from %.0f MiB to %.0f MiB under steady load", warm, last)
		}
	}
	_ = filepath.Join
}

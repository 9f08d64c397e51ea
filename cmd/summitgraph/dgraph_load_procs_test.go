//go:build load

package main_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

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

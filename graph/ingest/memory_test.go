package ingest

import (
	"context"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestMemoryLimit: 512 MiB up to about 100,000 generated mandates (60 MB
// of pages), more as the store and the input grow, so that the collector
// is not left to run all the time on larger corpora.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	if got := MemoryLimit(0, 60_389_348); got < 512*mib || got > 520*mib {
		t.Errorf("100,000 mandates into an empty store: %d MiB, want about 512", got/mib)
	}
	if got := MemoryLimit(0, 120_951_937); got < 750*mib {
		t.Errorf("200,000 mandates into an empty store: %d MiB, want at least 750", got/mib)
	}
	if a, b := MemoryLimit(178_326, 60_389_348), MemoryLimit(0, 60_389_348); a <= b {
		t.Errorf("into a store of 178,326 mandates and items: %d MiB, not more than into an empty one (%d)", a/mib, b/mib)
	}
	if got := MemoryLimit(0, 26_000); got != 512*mib {
		t.Errorf("the seed: %d MiB, want 512", got/mib)
	}
}

// TestRaisedLimit: the limit leaves room above the live heap (half of it,
// 256 MiB at least), and never goes under the rule's.
func TestRaisedLimit(t *testing.T) {
	const mib = 1 << 20
	if got := RaisedLimit(512*mib, 100*mib); got != 512*mib {
		t.Errorf("100 MiB live under a 512 MiB limit: %d MiB, want 512", got/mib)
	}
	if got := RaisedLimit(512*mib, 700*mib); got != 1050*mib {
		t.Errorf("700 MiB live (100,000 mandates with links): %d MiB, want 1050", got/mib)
	}
	if got := RaisedLimit(3000*mib, 7000*mib); got != 10500*mib {
		t.Errorf("7 GiB live: %d MiB, want 10500", got/mib)
	}
	if got := RaisedLimit(512*mib, 400*mib); got != 656*mib {
		t.Errorf("400 MiB live: %d MiB, want 656 (256 MiB of room)", got/mib)
	}
}

// TestWatchLimitRaises: a live heap above the limit raises it, so that
// the collector is not left to run all the time.
func TestWatchLimitRaises(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	const base = 1 << 20
	debug.SetMemoryLimit(base)
	live := make([][]byte, 64)
	for i := range live {
		live[i] = make([]byte, 1<<20) // 64 MiB live, far over 1 MiB
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { watchLimit(ctx, base, time.Millisecond); close(done) }()
	deadline := time.Now().Add(30 * time.Second)
	for debug.SetMemoryLimit(-1) < 64<<20+256<<20 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	if got := debug.SetMemoryLimit(-1); got < 64<<20+256<<20 {
		t.Errorf("limit %d MiB with 64 MiB live, want at least 320", got>>20)
	}
	runtime.KeepAlive(live)
}

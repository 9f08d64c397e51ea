package ingest

import "testing"

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

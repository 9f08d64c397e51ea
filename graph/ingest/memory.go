package ingest

import (
	"context"
	"os"
	"runtime/debug"
)

// MemoryLimit is the soft memory limit of an ingest into a store of stored
// mandates and items, of input bytes of pages. What an ingest keeps live
// is Badger's memtables and table builders (about 250 MiB) and the
// similarity index, which grows with the mandates and items (about 550
// bytes each); a generated page takes about 350 bytes a mandate or item.
// So 256 MiB and 1.5 KiB a mandate, and never under 512 MiB (BENCHMARKS.md,
// Ingest: the figures behind it).
func MemoryLimit(stored, input int64) int64 {
	return max(512<<20, 256<<20+1536*(stored+input/350))
}

// LimitMemory sets the Go runtime's soft memory limit for an ingest of
// srcs into the ingester's store (MemoryLimit), unless GOMEMLIMIT does:
// the collector then works harder rather than let the heap grow past it
// (it is not a hard cap). It is for a process that ingests and then
// ends, such as `summitgraph ingest`.
func (in *Ingester) LimitMemory(ctx context.Context, srcs []Source) {
	st, err := in.store.Stats(ctx)
	if err != nil || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var input int64
	for _, s := range srcs {
		input += s.size()
	}
	debug.SetMemoryLimit(MemoryLimit(int64(st.Mandates), input))
}

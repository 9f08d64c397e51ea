package ingest

import (
	"context"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
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
// ends, such as `summitgraph ingest`. Until ctx ends, the limit is raised
// whenever what the heap keeps live comes near it (RaisedLimit): a limit
// under the live heap makes the collector run without pause, and the
// link index grows faster than MemoryLimit's rule (BENCHMARKS.md,
// "1,000,000 mandates").
func (in *Ingester) LimitMemory(ctx context.Context, srcs []Source) {
	st, err := in.store.Stats(ctx)
	if err != nil || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var input int64
	for _, s := range srcs {
		input += s.size()
	}
	limit := MemoryLimit(int64(st.Mandates), input)
	debug.SetMemoryLimit(limit)
	go watchLimit(ctx, limit, 250*time.Millisecond)
}

// RaisedLimit is the memory limit for a heap that keeps live bytes live,
// at least limit: room for half the live heap again (256 MiB at least)
// before the collector is pressed, as GOGC=50 would give. With less, a
// collection is started for every few megabytes allocated, and each marks
// the whole live heap: at 1,000,000 mandates, most of the ingest's CPU.
func RaisedLimit(limit, live int64) int64 {
	return max(limit, live+max(live/2, 256<<20))
}

// watchLimit raises the memory limit from base as the live heap grows,
// looking every period, until ctx ends.
func watchLimit(ctx context.Context, base int64, every time.Duration) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	t := time.NewTicker(every)
	defer t.Stop()
	cur := base
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if l := RaisedLimit(base, int64(sample[0].Value.Uint64())); l > cur {
			cur = l
			debug.SetMemoryLimit(cur)
		}
	}
}

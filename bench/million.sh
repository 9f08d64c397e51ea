#!/bin/sh
# The 1,000,000-mandate figures of BENCHMARKS.md ("1,000,000 mandates"):
# generates the synthetic corpora of 100,000 and 1,000,000 mandates,
# ingests each into a fresh store under /usr/bin/time -v (wall time, CPU,
# peak RSS), measures the store's size (du -sb), then serves each store in
# turn and measures the trace and search latency with the load suite's
# client (cmd/summitgraph/load_test.go, TestLoad), back to back, with the
# same answer size: each trace step's first PAGE mandates, of the entity
# whose paged answer is nearest 250 mandates in that store.
#
#   bench/million.sh [ingest|serve|all] [SIZES]
#
# (default: all, "100000 1000000"; serve measures the sizes twice,
# alternating).
#
# DIR holds the corpora and stores (default /work/bench/million); a store
# already there is reused by "serve". Hold the measurement lock around it
# on a shared machine: flock /work/measure.lock bench/million.sh
set -eu
what=${1:-all}
sizes=${2:-100000 1000000}
dir=${DIR:-/work/bench/million}
page=${PAGE:-25}
seconds=${SECONDS_PER_RUN:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
(cd "$root" && go build -o "$dir/summitgraph" ./cmd/summitgraph)
sg=$dir/summitgraph

ingest() { # ingest N
	n=$1
	[ -d "$dir/g$n" ] || "$sg" gen --mandates "$n" --out "$dir/g$n" >"$dir/gen$n.log"
	rm -rf "$dir/s$n"
	echo "== ingest $n mandates: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
	/usr/bin/time -v "$sg" --store "$dir/s$n" ingest -q \
		-cpuprofile "$dir/ingest$n.cpu" -memprofile "$dir/ingest$n.mem" "$dir/g$n" \
		>"$dir/ingest$n.out" 2>"$dir/ingest$n.time"
	echo "== done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
	cat "$dir/ingest$n.out"
	grep -E 'Elapsed|User time|System time|Maximum resident|File system outputs' "$dir/ingest$n.time"
	echo "store bytes: $(du -sb "$dir/s$n" | cut -f1)"
}

serve() { # serve N
	n=$1
	echo "== serve $n mandates: $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
	(cd "$root" && SUMMITGRAPH_LOAD_STORE="$dir/s$n" SUMMITGRAPH_LOAD_TRACE_FIRST=$page \
		SUMMITGRAPH_LOAD_ONLY=trace,search SUMMITGRAPH_LOAD_SECONDS=$seconds \
		go test -tags load -run 'TestLoad$' -v -count 1 -timeout 30m ./cmd/summitgraph) |
		grep -E 'trace of|first query|^ *\||RSS|ok|FAIL'
	echo "== done $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

case $what in
ingest | all)
	for n in $sizes; do ingest "$n"; done
	;;
esac
case $what in
serve | all)
	for round in 1 2; do
		for n in $sizes; do serve "$n"; done
	done
	;;
esac

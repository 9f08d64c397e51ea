#!/bin/sh
# Side-by-side ingest with and without link finding (BENCHMARKS.md, "Link
# finding"): generates a corpus with `summitgraph gen`, then ingests it
# into fresh stores, alternating --links=false and --links=true, ROUNDS
# times each, printing the wall time of each ingest (compaction excluded:
# the ingest's own "ingested … in" line), the machine load before each run,
# and the ratio of the medians.
#
#   bench/links.sh [MANDATES] [ROUNDS]     (default 100000 2)
#
# Work files go under ${TMPDIR:-/tmp}/sg-links-bench (removed at the end).
set -eu
n=${1:-100000}
rounds=${2:-2}
dir=${TMPDIR:-/tmp}/sg-links-bench
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$dir"
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT
(cd "$root" && go build -o "$dir/summitgraph" ./cmd/summitgraph)
sg=$dir/summitgraph
"$sg" gen --mandates "$n" --out "$dir/corpus" >/dev/null
echo "corpus: $n mandates, $(ls "$dir/corpus" | wc -l) files; $(nproc) cores"
for r in $(seq "$rounds"); do
	for links in false true; do
		rm -rf "$dir/store"
		load=$(cut -d' ' -f1-3 /proc/loadavg)
		start=$(date +%s.%N)
		"$sg" --store "$dir/store" ingest -q --links=$links "$dir/corpus" >"$dir/out" 2>&1
		end=$(date +%s.%N)
		took=$(echo "$end - $start" | bc)
		line=$(grep -m1 -E '^(ingested|total)' "$dir/out" || tail -n 3 "$dir/out" | head -n 1)
		echo "round $r links=$links: ${took}s wall (ingest and compaction) | load $load | $line"
		echo "$links $took" >>"$dir/times"
	done
done
awk '{ t[$1] = t[$1] " " $2 } END {
	for (k in t) { n = split(t[k], a, " "); asort(a); m[k] = (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
	printf "median without links %.1fs, with links %.1fs: ratio %.2f\n", m["false"], m["true"], m["true"] / m["false"]
}' "$dir/times"

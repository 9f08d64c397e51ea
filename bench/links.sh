#!/bin/sh
# Side-by-side ingest with and without link finding (BENCHMARKS.md, "Link
# finding"): generates a corpus with `summitgraph gen`, then ingests it
# into fresh stores, alternating --links=false and --links=true, ROUNDS
# times each, printing for each run the wall time (ingest and the
# compaction after it), the ingest's own time (its "ingested … in" line,
# compaction excluded) and the machine load before it; then the medians
# and their ratios.
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
		line=$(grep -m1 '^ingested' "$dir/out" || tail -n 1 "$dir/out")
		echo "round $r links=$links: ${took}s wall, ingest and compaction | load $load | $line"
		secs=$(echo "$line" | sed -n 's/.* in \([0-9hms.]*\)$/\1/p' | awk '{ t = 0; s = $1
			if (match(s, /[0-9.]+m/)) { t += 60 * substr(s, RSTART, RLENGTH - 1); s = substr(s, RSTART + RLENGTH) }
			if (match(s, /[0-9.]+s/)) { t += substr(s, RSTART, RLENGTH - 1) }
			print t }')
		echo "$links $took $secs" >>"$dir/times"
	done
done
median() { grep "^$1 " "$dir/times" | cut -d' ' -f"$2" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2 }'; }
for f in 2 3; do
	off=$(median false $f)
	on=$(median true $f)
	what="wall"
	[ $f = 3 ] && what="ingest alone"
	echo "median $what: without links ${off}s, with links ${on}s: ratio $(echo "scale=3; $on / $off" | bc)"
done

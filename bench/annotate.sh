#!/usr/bin/env bash
# Throughput of `sorot annotate` on a real corpus, against `wc -w` on the same file in the same run.
#   bash bench/annotate.sh [CORPUS.jsonl] [RUNS]     (./run bench does the build first)
# Prints the median wall time of RUNS runs of each, MB/s, and the ratio sorot / wc -w.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
corpus=${1:-../shared/corpora/clickid.jsonl}
runs=${2:-5}
[ -f "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 1; }
sorot=target/release/sorot
[ -x "$sorot" ] || cargo build --release --quiet --bin sorot

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
time_ms() { # command... → wall milliseconds, output discarded
  local t0 t1
  t0=$(date +%s%N); "$@" > /dev/null; t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
cat "$corpus" > /dev/null # warm the page cache for both
bytes=$(stat -c %s "$corpus")
mentions=$("$sorot" annotate "$corpus" | wc -l)
sorot_ms=$(for _ in $(seq "$runs"); do time_ms "$sorot" annotate "$corpus"; done | median)
single_ms=$(for _ in $(seq "$runs"); do SOROT_THREADS=1 time_ms "$sorot" annotate "$corpus"; done | median)
threads=$(nproc)
wc_ms=$(for _ in $(seq "$runs"); do time_ms wc -w "$corpus"; done | median)
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')
echo "corpus: $corpus ($mb MB, $(wc -l < "$corpus") documents, $mentions mentions found)"
echo "locale: ${LC_ALL:-${LANG:-C}} (wc -w is slower in a UTF-8 locale)"
awk -v s="$sorot_ms" -v o="$single_ms" -v w="$wc_ms" -v b="$bytes" -v r="$runs" -v t="$threads" 'BEGIN {
  printf "sorot annotate, %d threads : %6d ms  %6.1f MB/s   (median of %d)\n", t, s, b / 1e3 / s, r
  printf "sorot annotate, 1 thread  : %6d ms  %6.1f MB/s   (median of %d)\n", o, b / 1e3 / o, r
  printf "wc -w                     : %6d ms  %6.1f MB/s   (median of %d)\n", w, b / 1e3 / w, r
  printf "speed relative to wc -w   : %.2fx with %d threads, %.2fx with 1 (target: at least 0.33x)\n", w / s, t, w / o
}'

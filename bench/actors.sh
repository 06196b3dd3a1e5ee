#!/usr/bin/env bash
# Benchmark: reading + actor recognition (`dyad actors`) on a corpus of at least one million words,
# on one and on two threads, with peak memory. Writes bench/out/actors-<date>.txt and prints it.
#
# usage: bench/actors.sh [WORDS]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
words=${1:-1000000}
mkdir -p bench/out
cargo build --release -q
corpus=bench/out/corpus-$words.jsonl
[ -f "$corpus" ] || python3 bench/make_corpus.py "$words" "$corpus"
actual_words=$(python3 -c "import json,sys;print(sum(len((d.get('text') or ' '.join(d.get('sentences',[]))).split())+len((d.get('title') or '').split()) for d in map(json.loads,open('$corpus'))))")
report=bench/out/actors-$(date +%Y%m%d-%H%M%S).txt
{
  echo "dyad actors benchmark  $(date -u +%FT%TZ)  $(nproc) cores"
  echo "corpus: $corpus  words: $actual_words  documents: $(wc -l < "$corpus")"
  # Start-up (loading and compiling the dictionaries) is timed on its own, so throughput is the steady state.
  /usr/bin/time -f "%e" -o bench/out/time.txt ./target/release/dyad dict check > /dev/null
  startup=$(cat bench/out/time.txt)
  echo "startup (dictionaries compiled): ${startup}s"
  base=""
  for t in 1 2; do
    /usr/bin/time -f "%e %M" -o bench/out/time.txt ./target/release/dyad actors --threads "$t" "$corpus" > bench/out/mentions-$t.jsonl
    read -r secs kb < bench/out/time.txt
    n=$(wc -l < bench/out/mentions-$t.jsonl)
    wps=$(python3 -c "print(f'{$actual_words/max($secs,0.001):,.0f}')")
    steady=$(python3 -c "print(f'{$actual_words/max($secs-$startup,0.001):,.0f}')")
    echo "threads=$t  seconds=$secs  words/s=$wps (excluding start-up: $steady)  mentions=$n  peak_rss_mib=$((kb/1024))"
    if [ -z "$base" ]; then base=$secs; else python3 -c "print(f'speed-up 2 threads vs 1: {$base/max($secs,0.001):.2f}x')"; fi
  done
  # The mention count is also a correctness check: both runs must agree byte for byte.
  cmp -s bench/out/mentions-1.jsonl bench/out/mentions-2.jsonl && echo "outputs identical across thread counts" || { echo "OUTPUTS DIFFER"; exit 1; }
} | tee "$report"

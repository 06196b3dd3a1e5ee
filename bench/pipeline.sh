#!/usr/bin/env bash
# Whole-pipeline benchmark: `dyad code` (read -> actors -> events -> JSON Lines) or `dyad actors` on a corpus of at
# least WORDS words built from the sample corpus, on one and on two threads, with peak memory.
# Writes bench/out/<command>-<date>.txt and prints it. The output count is a correctness check: both thread
# counts must give byte-identical output.
#
# usage: bench/pipeline.sh [code|actors] [WORDS]      (defaults: code 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:-code}
words=${2:-1000000}
mkdir -p bench/out
cargo build --release -q
corpus=bench/out/corpus-$words.jsonl
[ -f "$corpus" ] || python3 bench/make_corpus.py "$words" "$corpus"
actual_words=$(python3 -c "import json,sys;print(sum(len((d.get('text') or ' '.join(d.get('sentences',[]))).split())+len((d.get('title') or '').split()) for d in map(json.loads,open('$corpus'))))")
report=bench/out/$cmd-$words-$(date +%Y%m%d-%H%M%S).txt
{
  echo "dyad $cmd benchmark  $(date -u +%FT%TZ)  $(nproc) cores"
  echo "corpus: $corpus  words: $actual_words  documents: $(wc -l < "$corpus")"
  # Start-up (loading and compiling the dictionaries) is timed on its own, so throughput is the steady state.
  /usr/bin/time -f "%e" -o bench/out/time.txt ./target/release/dyad dict check > /dev/null
  startup=$(cat bench/out/time.txt)
  echo "startup (dictionaries compiled): ${startup}s"
  base=""
  for t in 1 2; do
    stats=""; [ "$cmd" = code ] && stats="--stats"
    /usr/bin/time -f "%e %M" -o bench/out/time.txt ./target/release/dyad "$cmd" $stats --threads "$t" "$corpus" > bench/out/out-$t.jsonl 2> bench/out/stats-$t.txt
    [ -s bench/out/stats-$t.txt ] && sed 's/^/  /' bench/out/stats-$t.txt
    read -r secs kb < bench/out/time.txt
    n=$(wc -l < bench/out/out-$t.jsonl)
    wps=$(python3 -c "print(f'{$actual_words/max($secs,0.001):,.0f}')")
    steady=$(python3 -c "print(f'{$actual_words/max($secs-$startup,0.001):,.0f}')")
    echo "threads=$t  seconds=$secs  words/s=$wps (excluding start-up: $steady)  output_lines=$n  peak_rss_mib=$((kb/1024))"
    if [ -z "$base" ]; then base=$secs; else python3 -c "print(f'speed-up 2 threads vs 1: {$base/max($secs,0.001):.2f}x')"; fi
  done
    cmp -s bench/out/out-1.jsonl bench/out/out-2.jsonl && echo "outputs identical across thread counts" || { echo "OUTPUTS DIFFER"; exit 1; }
} | tee "$report"

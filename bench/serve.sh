#!/usr/bin/env bash
# HTTP API benchmark: `dyad serve` on a large generated store. Builds a corpus of at least WORDS words from the
# sample corpus (bench/make_corpus.py), spreads its copies over 2010-2025 (each copy of an article on its own day, so
# timelines have thousands of days), ingests it, then reports the latency of every endpoint on its own (computed, then cached)
# and the load test of crates/dyad-cli/tests/serve.rs (64 connections, REQUESTS each over a mix of endpoints, no
# errors allowed; its parameters vary, so part of the answers are computed and part come from the server's cache)
# against the running server. Writes bench/out/serve-<words>-<date>.txt and prints it.
#
# usage: bench/serve.sh [WORDS] [REQUESTS]      (defaults: 30000000 words, about a million events; 50 requests)
set -euo pipefail
cd "$(dirname "$0")/.."
words=${1:-30000000}
requests=${2:-50}
mkdir -p bench/out
cargo build --release -q
corpus=bench/out/serve-corpus-$words.jsonl
if [ ! -f "$corpus" ]; then
  python3 bench/make_corpus.py "$words" "$corpus.tmp"
  python3 - "$corpus.tmp" "$corpus" <<'PY'
import datetime, json, sys
start, days = datetime.date(2010, 1, 1), 16 * 365
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for n, line in enumerate(src):
        d = json.loads(line)
        d["date"] = (start + datetime.timedelta(days=(n * 7919) % days)).isoformat()
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
  rm "$corpus.tmp"
fi
db=bench/out/serve-$words.db
if [ ! -f "$db" ]; then
  ./target/release/dyad ingest --db "$db" "$corpus" 2> bench/out/serve-ingest.txt || { cat bench/out/serve-ingest.txt; exit 1; }
fi
report=bench/out/serve-$words-$(date +%Y%m%d-%H%M%S).txt
./target/release/dyad serve --db "$db" --addr 127.0.0.1:0 > bench/out/serve-addr.txt 2> /dev/null &
server=$!
trap 'kill $server 2> /dev/null' EXIT
for _ in $(seq 100); do [ -s bench/out/serve-addr.txt ] && break; sleep 0.1; done
base=$(sed 's/.* at //; s#/$##' bench/out/serve-addr.txt)
{
  echo "dyad serve benchmark  $(date -u +%FT%TZ)  $(nproc) cores"
  tail -1 bench/out/serve-ingest.txt 2> /dev/null || true
  echo "store: $db, $(du -m "$db" | cut -f1) MiB; $(curl -s "$base/healthz")"
  echo "latency of each endpoint alone: the first request computes the answer, the next 4 (median) read the cache:"
  top=$(curl -s "$base/v1/dyads?limit=1" | python3 -c "import json,sys;d=json.load(sys.stdin)['dyads'][0];print(d['a'],d['b'])")
  read -r a b <<< "$top"
  doc=$(curl -s "$base/v1/events?limit=1" | python3 -c "import json,sys,urllib.parse;print(urllib.parse.quote(json.load(sys.stdin)['events'][0]['doc'],safe=''))")
  for path in /healthz "/v1/events?limit=100" "/v1/events?actor=$a&limit=20&offset=20" "/v1/events?dyad=$a-$b&code=04" \
      "/v1/events?limit=100&offset=100000" "/v1/timeline?period=month" "/v1/timeline?period=day" \
      "/v1/timeline?period=week&actor=$a" "/v1/timeline?period=month&actor=${a}GOV" "/v1/dyads/$a/$b/timeline?period=week" \
      "/v1/dyads?limit=20" "/v1/dyads?from=2020-01-01&to=2020-12-31" "/v1/actors?limit=20" "/v1/network?min_count=2&limit=200" \
      "/v1/documents/$doc" "/v1/search?q=talks&limit=20" "/v1/search?q=%22foreign%20minister%22&limit=20"; do
    python3 - "$base$path" <<'PY'
import statistics, sys, time, urllib.request
url, runs = sys.argv[1], []
for _ in range(5):
    t = time.perf_counter()
    with urllib.request.urlopen(url) as r:
        body = r.read()
    runs.append(time.perf_counter() - t)
print(f"  {runs[0]*1000:8.1f} ms computed, {statistics.median(runs[1:])*1000:6.1f} ms cached  {url.split('/', 3)[3]}  ({len(body):,} bytes)")
PY
  done
  DYAD_LOAD_BASE=$base DYAD_LOAD_REQUESTS=$requests cargo test --release -q -p dyad-cli --test serve load_of_64 -- --nocapture 2>&1 \
    | grep -E "^(load:|  /)"
} | tee "$report"

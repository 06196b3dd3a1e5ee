#!/usr/bin/env bash
# Store benchmark: ingest throughput (documents and events per second), database size per million events, and the
# latency of a dyad timeline (`query --dyad X-Y --summary month`) and of a full-text search, on a store generated
# to hold at least EVENTS events. Writes bench/out/store-<events>-<date>.txt and prints it.
#
# usage: bench/store.sh [EVENTS]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
mkdir -p bench/out
cargo build --release -q
corpus=bench/out/store-corpus-$events.jsonl
[ -f "$corpus" ] || python3 - "$events" "$corpus" <<'PY'
import json, random, sys
want, out = int(sys.argv[1]), sys.argv[2]
random.seed(7)
states = ["China", "Russia", "Belarus", "Ukraine", "Poland", "Japan", "India", "Iran", "Israel", "Turkey", "Brazil",
          "Germany", "France", "Egypt", "Pakistan", "Kenya", "Mexico", "Canada", "Australia", "Vietnam"]
templates = ["{a} and {b} signed an agreement on trade.", "{a} expelled 12 diplomats from {b}.",
             "{a} accused {b} of violating the ceasefire.", "{a} praised {b} for its support.",
             "{a} imposed sanctions on {b}.", "{a} held talks with {b} on energy.",
             "{a}n forces shelled positions in {b}.", "{a} sent humanitarian aid to {b}.",
             "{a} condemned {b} over the arrests.", "{a} threatened to cut gas supplies to {b}."]
n = events = 0
with open(out, "w") as f:
    while events < want:
        sents = []
        for _ in range(10):
            a, b = random.sample(states, 2)
            t = random.choice(templates)
            sents.append(t.format(a=a, b=b).replace("Chinan", "Chinese").replace("Russian", "Russian"))
        y, m, d = random.randint(2010, 2025), random.randint(1, 12), random.randint(1, 28)
        f.write(json.dumps({"id": f"s{n}", "date": f"{y}-{m:02}-{d:02}", "sentences": sents}) + "\n")
        n += 1
        events += 11  # about 1.1 events a sentence (agreements and talks go both ways)
print(f"{out}: {n} documents")
PY
db=bench/out/store-$events.db
rm -f "$db" "$db-wal" "$db-shm"
report=bench/out/store-$events-$(date +%Y%m%d-%H%M%S).txt
{
  echo "dyad store benchmark  $(date -u +%FT%TZ)  $(nproc) cores"
  docs=$(wc -l < "$corpus")
  /usr/bin/time -f "%e %M" -o bench/out/time.txt ./target/release/dyad ingest --db "$db" "$corpus" 2> bench/out/ingest.txt
  read -r secs kb < bench/out/time.txt
  tail -1 bench/out/ingest.txt
  stored=$(python3 -c "import sqlite3;print(sqlite3.connect('$db').execute('select count(*) from events').fetchone()[0])")
  size=$(stat -c %s "$db")
  python3 -c "print(f'ingest: {$docs} documents, {$stored} events in {$secs}s: {$docs/$secs:,.0f} documents/s, {$stored/$secs:,.0f} events/s, peak RSS {$kb//1024} MiB')"
  python3 -c "print(f'database: {$size/2**20:,.0f} MiB, {$size/2**20/($stored/1e6):,.0f} MiB per million events')"
  for q in "query --dyad CHN-RUS --summary month" "search sanctions --limit 20" "query --dyad CHN-RUS --code 19"; do
    python3 - "$db" "$q" <<'PY'
import statistics, subprocess, sys, time
db, q = sys.argv[1], sys.argv[2].split()
runs = []
for _ in range(5):
    t = time.perf_counter()
    out = subprocess.run(["./target/release/dyad", q[0], "--db", db] + q[1:], capture_output=True, check=True).stdout
    runs.append(time.perf_counter() - t)
lines = out.count(b"\n")
cmd = " ".join(q)
print(f"latency of `dyad {cmd}`: median {statistics.median(runs)*1000:,.0f} ms over 5 runs ({lines} lines)")
PY
  done
} | tee "$report"

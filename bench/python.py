#!/usr/bin/env python3
"""Throughput of dyad from Python and on Spark against the CLI, on one generated corpus (documents per second).

    .venv/bin/python bench/python.py [DOCUMENTS] [THREADS]      (defaults: 50000 2; run by bench/python.sh)

Runs, on the same JSON Lines corpus (crates/dyad-py/tests/gen_corpus.py, seed 7):
  1. the CLI: `dyad code --threads THREADS corpus.jsonl` (wall time, process start and dictionaries included);
  2. `Coder.code_many(dicts, threads=THREADS)`: lines parsed with json.loads in Python, every event dict consumed;
  3. `Coder.code_many(dyad.read(corpus), threads=THREADS)`: the same, read by the Rust reader;
  4. `dyad.spark.code` on Spark local[THREADS]: read the JSON Lines, code, write to Spark's no-op sink (session
     start-up excluded, coder construction per worker included).
Each runs three times (interleaved, so a busy moment of a shared machine hits them alike) and the best time counts.
Every run must count the same events as the CLI (a correctness check as well as a speed figure). The report goes to
bench/out/python-<documents>-<time>.txt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROUNDS = 3
sys.path.insert(0, str(REPO / "crates" / "dyad-py" / "tests"))

from gen_corpus import generate, write_jsonl  # noqa: E402

import dyad  # noqa: E402
import dyad.spark  # noqa: E402  (imports pyspark only when used)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    out = REPO / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    corpus = out / f"generated-{n}.jsonl"
    if not corpus.exists():
        write_jsonl(generate(n, 7), str(corpus))
    words = sum(len(line.split()) for line in corpus.open(encoding="utf-8"))  # approximate: JSON keys included
    lines = [f"dyad Python/Spark benchmark  {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}  "
             f"{os.cpu_count()} cores  threads={threads}",
             f"corpus: {corpus.relative_to(REPO)}  documents: {n}  (~{words} words)"]
    print(lines[0])
    print(lines[1])
    results = {}

    def report(name: str, seconds: float, events: int) -> None:
        results[name] = (seconds, events)
        line = f"{name:<34} {seconds:8.2f}s {n / seconds:10.0f} docs/s  events={events}"
        lines.append(line)
        print(line, flush=True)

    # The machine may be shared: each of 1-3 runs ROUNDS times, interleaved, and the best time counts.
    binary = REPO / "target" / "release" / "dyad"

    def cli() -> int:
        proc = subprocess.run([str(binary), "code", "--threads", str(threads), str(corpus)], capture_output=True,
                              check=True)
        return proc.stdout.count(b"\n")

    def from_dicts() -> int:
        coder = dyad.Coder()
        with corpus.open(encoding="utf-8") as f:
            return sum(1 for _ in coder.code_many((json.loads(line) for line in f), threads=threads))

    def from_reader() -> int:
        return sum(1 for _ in dyad.Coder().code_many(dyad.read(corpus), threads=threads))

    runs = [("CLI dyad code", cli), ("code_many (json.loads dicts)", from_dicts),
            ("code_many (dyad.read)", from_reader)]
    best = {}
    for _ in range(ROUNDS):
        for name, run in runs:
            t = time.perf_counter()
            count = run()
            seconds = time.perf_counter() - t
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, count)
    for name, _ in runs:
        report(name, *best[name])
    cli_events = results["CLI dyad code"][1]

    # 4. Spark local[threads].
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    t0 = time.perf_counter()
    spark = (SparkSession.builder.master(f"local[{threads}]").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - t0
    docs = spark.read.schema("id string, date string, title string, text string").json(str(corpus))
    docs = docs.repartition(threads * 2).cache()
    docs.count()  # read and split before timing: the figure is the coding job
    events = dyad.spark.code(docs)
    seconds = float("inf")
    for _ in range(ROUNDS):
        t = time.perf_counter()
        events.write.format("noop").mode("overwrite").save()
        seconds = min(seconds, time.perf_counter() - t)
    count = events.count()
    report(f"Spark local[{threads}] dyad.spark.code", seconds, count)
    lines.append(f"(Spark session start-up, not counted: {startup:.1f}s; partitions: {docs.rdd.getNumPartitions()})")
    spark.stop()

    cli = results["CLI dyad code"][0]
    for name, (seconds, events) in results.items():
        if events != cli_events:
            lines.append(f"EVENT COUNT DIFFERS: {name} {events} != {cli_events}")
        if name != "CLI dyad code":
            lines.append(f"ratio {name} / CLI: {cli / seconds:.2f}x the CLI's documents/s")
    text = "\n".join(lines)
    print("\n".join(lines[len(results) + 2:]))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out / f"python-{n}-{stamp}.txt").write_text(text + "\n")
    if any(e != cli_events for _, e in results.values()):
        sys.exit(1)


main()

#!/usr/bin/env bash
# Documents per second of dyad from Python (Coder.code_many) and on Spark local[2] against the CLI, on one generated
# corpus; every run must count the CLI's events. Uses the virtual environment that scripts/test.sh sets up (.venv,
# with the dyad wheel installed). Writes bench/out/python-<documents>-<time>.txt and prints it.
#
# usage: bench/python.sh [DOCUMENTS] [THREADS]      (defaults: 50000 2)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || { echo "bench/python.sh: run scripts/test.sh first (it creates .venv with dyad installed)" >&2; exit 2; }
cargo build --release -q -p dyad-cli
export PYSPARK_PYTHON="$PWD/.venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
.venv/bin/python bench/python.py "${1:-50000}" "${2:-2}"

#!/usr/bin/env bash
# The tests (README command 2, run by CI): the Rust workspace, then the Python module and Spark.
#   1. cargo fmt --check (where rustfmt is installed), cargo test --workspace
#   2. a virtual environment at .venv (created once, reused), with maturin, pytest, mypy (stubtest), pandas, pyarrow, pyspark
#      from PyPI; the dyad wheel built by maturin and installed into it (the README's install command)
#   3. pytest crates/dyad-py/tests (Spark runs local[2] on the machine's Java; the tests compare with the CLI)
# PYTHON names the interpreter for a new .venv (default python3, 3.9 or newer); extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# Formatting first: an unformatted tree fails here, not later in review.
if cargo fmt --version > /dev/null 2>&1; then
  cargo fmt --all -- --check || { echo "scripts/test.sh: run 'cargo fmt --all'" >&2; exit 1; }
else
  echo "scripts/test.sh: rustfmt is not installed; the formatting check is skipped" >&2
fi
cargo test --workspace
# The Python tests compare with the CLI's output: make sure the release binary is current.
cargo build --release -p dyad-cli
command -v java > /dev/null || { echo "scripts/test.sh: the Spark tests need Java 17 or newer (java on PATH)" >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  "${PYTHON:-python3}" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check maturin pytest mypy 'pandas<3' pyarrow pyspark
rm -f target/wheels/dyad-*.whl
.venv/bin/maturin build --release -m crates/dyad-py/Cargo.toml
.venv/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/dyad-*.whl
export PYSPARK_PYTHON="$PWD/.venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
# From the tests' folder, so that `import dyad` is the installed wheel and not the sources beside it.
cd crates/dyad-py/tests && ../../../.venv/bin/python -m pytest -q -p no:cacheprovider "$@" .

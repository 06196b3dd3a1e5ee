"""Fixtures shared by the Python tests: the repository, the `dyad` CLI (to compare with), the shared seed, and one
Spark session for every Spark test (start-up is slow)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

REPO = Path(__file__).resolve().parents[3]


def dyad_binary() -> Path:
    path = Path(os.environ.get("DYAD_BIN", REPO / "target" / "release" / "dyad"))
    if not path.exists():
        pytest.fail(f"the dyad CLI is not built at {path}: run `cargo build --release` (scripts/test.sh does)")
    return path


def cli_code(*args: str) -> List[Dict[str, Any]]:
    """The events `dyad code ARGS` prints, parsed from its JSON Lines."""
    out = subprocess.run([str(dyad_binary()), "code", *args], capture_output=True, check=False)
    assert out.returncode == 0, out.stderr.decode()
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def coder():
    import dyad

    return dyad.Coder()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The workplace's shared folder (the seed article and its gold); CI has it beside the repository."""
    path = REPO.parent / "shared"
    if not (path / "seed" / "article-610.txt").exists():
        pytest.skip("../shared is absent (the seed article lives there)")
    return path


@pytest.fixture(scope="session")
def spark():
    """One local[2] Spark session, bound to the loopback address, running this interpreter's dyad."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("dyad-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()

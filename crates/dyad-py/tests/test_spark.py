"""dyad.spark on a local[2] Spark session: 10,000 generated documents coded by Spark equal the CLI's events; the
example script under spark-submit equals the CLI on the sample wire stories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import dyad.spark
from conftest import cli_code
from gen_corpus import generate, write_jsonl

N_DOCS = 10_000


def rows_as_dicts(df):
    return [row.asDict(recursive=True) for row in df.collect()]


def test_spark_codes_ten_thousand_documents_like_the_cli(spark, tmp_path):
    docs = generate(N_DOCS, seed=2026)
    path = tmp_path / "generated.jsonl"
    write_jsonl(docs, str(path))
    expected = cli_code(str(path))
    assert len(expected) > 3 * N_DOCS, "the generated corpus codes into many events"

    df = spark.createDataFrame([(d["id"], d["date"], d["title"], d["text"]) for d in docs],
                               "id string, date string, title string, text string")
    assert df.rdd.getNumPartitions() == 2
    events = dyad.spark.code(df)
    assert events.schema == dyad.spark.EVENT_SCHEMA
    got = rows_as_dicts(events)
    # Same events, same order (partitions are collected in order, and each keeps its input order).
    assert len(got) == len(expected)
    assert got == expected
    assert {e["doc"] for e in got} <= {d["id"] for d in docs}


def test_spark_columns_dates_and_bad_rows(spark):
    import datetime

    rows = [(1, datetime.date(2016, 5, 1), "Japan condemned North Korea."),
            (2, None, "President Xi Jinping had a phone conversation with Belarusian President Alexander Lukashenko.")]
    df = spark.createDataFrame(rows, "num long, day date, body string")
    events = rows_as_dicts(dyad.spark.code(df, text="body", id="num", date="day"))
    assert [(e["doc"], e["code"], e["date"]) for e in events] == [
        ("1", "111", "2016-05-01"), ("2", "041", None), ("2", "041", None)]
    with pytest.raises(ValueError, match="no column 'txt'"):
        dyad.spark.code(df, text="txt", id="num")
    # A bad row fails the job with the DyadError's message, or is skipped.
    bad = spark.createDataFrame([("1", "2021-02-30", "Japan condemned North Korea."),
                                 ("2", None, "Japan condemned North Korea.")], "id string, date string, text string")
    with pytest.raises(Exception, match=r"field \\?\"date\\?\".*invalid_field"):
        dyad.spark.code(bad).collect()
    assert [e["doc"] for e in rows_as_dicts(dyad.spark.code(bad, errors="skip"))] == ["2"]


def test_spark_with_a_user_dictionary_folder(spark, tmp_path):
    (tmp_path / "countries.dict").write_text("XQZ Freedonia\n    adjectives: Freedonian\n    capitals: Fredville\n")
    df = spark.createDataFrame([("f1", "Freedonian troops shelled Fredville's suburbs.", "Freedonia condemned Japan.")],
                               "id string, title string, text string")
    events = rows_as_dicts(dyad.spark.code(df, dictionaries=str(tmp_path)))
    assert [(e["in_title"], e["source"]["code"], e["code"], e["target"]["code"]) for e in events] == [
        (True, "XQZMIL", "194", "XQZ"), (False, "XQZ", "111", "JPN")]
    assert events == dyad.Coder(tmp_path).code({"id": "f1", "title": "Freedonian troops shelled Fredville's suburbs.",
                                                "text": "Freedonia condemned Japan."})


def test_example_script_under_spark_submit(repo, tmp_path):
    wire = repo / "testdata" / "sample" / "wire.jsonl"
    out = tmp_path / "events"
    submit = Path(sys.executable).parent / "spark-submit"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable,
               SPARK_LOCAL_IP="127.0.0.1")
    run = subprocess.run(
        [str(submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.log.level=WARN",
         str(repo / "examples" / "spark_code.py"), str(wire), str(out), "--partitions", "2"],
        capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    expected = cli_code(str(wire))
    assert f"14 documents, {len(expected)} events" in run.stdout
    got = [json.loads(line) for part in sorted(out.glob("part-*.json")) for line in part.read_text().splitlines()]
    key = lambda e: json.dumps(e, sort_keys=True)  # noqa: E731 (repartitioned: compare as multisets)
    assert sorted(got, key=key) == sorted(expected, key=key)

"""dyad on Apache Spark: code a DataFrame of documents into a DataFrame of events.

    from pyspark.sql import SparkSession
    import dyad.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    docs = spark.createDataFrame([("1", "2023-03-01", "Japan condemned North Korea's missile launch.")],
                                 ["id", "date", "text"])
    events = dyad.spark.code(docs)          # a DataFrame with the schema dyad.spark.EVENT_SCHEMA
    events.select("doc", "source.code", "code", "target.code").show()

Each partition is coded by one :class:`dyad.Coder` (built once per Python worker process and reused by its later
tasks), fed through Arrow batches (``mapInArrow``): rows become documents exactly as JSON Lines objects do in
``dyad code`` (``id``, ``text``, optional ``date`` and ``title``); the coder writes each batch's events as the CLI's
JSON Lines, which Arrow's JSON reader turns into nested columns of the declared schema (no Python object per
event). Spark parallelises over partitions, so each coder runs on one thread by default; the job scales out unchanged
from ``local[2]`` to a cluster whose executors have the ``dyad`` wheel installed (see the README, "Python and
Spark").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, Optional, Tuple

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    from pyspark.sql import DataFrame

# EVENT_SCHEMA (event_schema()) is also an attribute, made on first use by __getattr__ below.
__all__ = ["code", "event_schema", "arrow_schema"]


def event_schema():
    """The Spark schema of an event: the ``dyad code`` JSON object as nested columns, in the same order."""
    from pyspark.sql.types import (BooleanType, DoubleType, IntegerType, LongType, StringType, StructField,
                                   StructType)

    def actor() -> StructType:
        return StructType([
            StructField("code", StringType(), False),
            StructField("country", StringType(), True),
            StructField("agent", StringType(), True),
            StructField("name", StringType(), False),
            StructField("text", StringType(), False),
            StructField("start", LongType(), False),
            StructField("end", LongType(), False),
            StructField("via", StringType(), False),
        ])

    return StructType([
        StructField("doc", StringType(), False),
        StructField("sentence", LongType(), True),
        StructField("in_title", BooleanType(), False),
        StructField("source", actor(), False),
        StructField("target", actor(), False),
        StructField("code", StringType(), False),
        StructField("root", StringType(), False),
        StructField("quad", IntegerType(), False),
        StructField("goldstein", DoubleType(), False),
        StructField("plover", StringType(), True),
        StructField("plover_mode", StringType(), True),
        StructField("name", StringType(), False),
        StructField("mode", StringType(), False),
        StructField("date", StringType(), True),
        StructField("evidence", StructType([
            StructField("text", StringType(), False),
            StructField("start", LongType(), False),
            StructField("end", LongType(), False),
        ]), False),
        StructField("rule", StringType(), False),
        StructField("version", StructType([
            StructField("coder", StringType(), False),
            StructField("dictionaries", StringType(), False),
        ]), False),
    ])


def arrow_schema() -> "pyarrow.Schema":
    """The Arrow schema of an event, matching :func:`event_schema` (what each partition's batches hold)."""
    import pyarrow as pa

    def actor() -> "pyarrow.DataType":
        return pa.struct([
            pa.field("code", pa.string(), False), pa.field("country", pa.string()), pa.field("agent", pa.string()),
            pa.field("name", pa.string(), False), pa.field("text", pa.string(), False),
            pa.field("start", pa.int64(), False), pa.field("end", pa.int64(), False),
            pa.field("via", pa.string(), False),
        ])

    return pa.schema([
        pa.field("doc", pa.string(), False),
        pa.field("sentence", pa.int64()),
        pa.field("in_title", pa.bool_(), False),
        pa.field("source", actor(), False),
        pa.field("target", actor(), False),
        pa.field("code", pa.string(), False),
        pa.field("root", pa.string(), False),
        pa.field("quad", pa.int32(), False),
        pa.field("goldstein", pa.float64(), False),
        pa.field("plover", pa.string()),
        pa.field("plover_mode", pa.string()),
        pa.field("name", pa.string(), False),
        pa.field("mode", pa.string(), False),
        pa.field("date", pa.string()),
        pa.field("evidence", pa.struct([
            pa.field("text", pa.string(), False), pa.field("start", pa.int64(), False),
            pa.field("end", pa.int64(), False),
        ]), False),
        pa.field("rule", pa.string(), False),
        pa.field("version", pa.struct([
            pa.field("coder", pa.string(), False), pa.field("dictionaries", pa.string(), False),
        ]), False),
    ])


def __getattr__(name: str) -> Any:
    # EVENT_SCHEMA is built on first use, so that importing dyad.spark does not import pyspark.
    if name == "EVENT_SCHEMA":
        return event_schema()
    raise AttributeError(f"module 'dyad.spark' has no attribute {name!r}")


# One coder per Python worker process and configuration: Spark reuses its Python workers across tasks, so the
# dictionaries are compiled once per worker, not once per partition.
_CODERS: Dict[Tuple[Optional[str], bool], Any] = {}


def _coder(dictionaries: Optional[str], hypothetical: bool):
    import dyad

    key = (dictionaries, hypothetical)
    if key not in _CODERS:
        _CODERS[key] = dyad.Coder(dictionaries, hypothetical=hypothetical)
    return _CODERS[key]


def _code_partition(batches: Iterator["pyarrow.RecordBatch"], dictionaries: Optional[str], hypothetical: bool,
                    threads: int, batch_size: int, errors: str) -> Iterator["pyarrow.RecordBatch"]:
    """Codes one partition: rows become documents (dicts, as JSON Lines objects), each batch of documents is coded
    into JSON Lines bytes by the Rust coder (no Python object per event), and Arrow's JSON reader turns those into a
    record batch of the declared schema."""
    import io

    import pyarrow.json as pajson

    schema = arrow_schema()
    options = pajson.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    coder = _coder(dictionaries, hypothetical)

    def documents() -> Iterator[Dict[str, Any]]:
        for batch in batches:
            columns = batch.to_pydict()
            names = list(columns)
            for row in zip(*(columns[n] for n in names)):
                yield {n: v for n, v in zip(names, row) if v is not None}

    for chunk in coder.code_many_jsonl(documents(), threads=threads, batch_size=batch_size, errors=errors):
        table = pajson.read_json(io.BytesIO(chunk), parse_options=options).select(schema.names).cast(schema)
        yield from table.to_batches()


def code(df: "DataFrame", text: str = "text", id: str = "id", date: Optional[str] = "date",
         title: Optional[str] = "title", *, dictionaries: Optional[str] = None, hypothetical: bool = False,
         threads: int = 1, batch_size: int = 256, errors: str = "raise") -> "DataFrame":
    """A DataFrame of the events of the documents in ``df``, with the schema :data:`EVENT_SCHEMA` (the ``dyad code``
    JSON object as nested columns; ``doc`` is the document's id as a string).

    ``text`` and ``id`` name the columns holding each document's text and id (a string or an integer). ``date``
    names a column of dates (a ``YYYY-MM-DD`` string, a date or a timestamp; null when unknown); when it is the
    default ``"date"`` and ``df`` has no such column, documents carry no date. ``title`` names a column of titles
    (coded like the CLI codes a JSON ``title``), used when present under the default name ``"title"``.
    ``dictionaries`` is a folder of your own dictionaries (it must exist at that path on every executor).
    ``errors="raise"`` fails the task on a bad row (a missing id, a bad date), naming it; ``"skip"`` drops such rows.
    ``threads`` are the coding threads per task (Spark already runs one task per core).
    """
    from pyspark.sql import functions as F

    columns = df.columns
    for role, name in (("text", text), ("id", id)):
        if name not in columns:
            raise ValueError(f"dyad.spark.code: no column {name!r} for the {role} (columns: {columns})")
    if title is not None and title not in columns:
        if title != "title":
            raise ValueError(f"dyad.spark.code: no column {title!r} for the title (columns: {columns})")
        title = None
    if date is not None and date not in columns:
        if date != "date":
            raise ValueError(f"dyad.spark.code: no column {date!r} for the date (columns: {columns})")
        date = None
    if errors not in ("raise", "skip"):
        raise ValueError(f"dyad.spark.code: errors must be 'raise' or 'skip', not {errors!r}")
    id_type = dict(df.dtypes)[id]
    selected = [
        (F.col(id) if id_type in ("int", "bigint", "smallint", "tinyint") else F.col(id).cast("string")).alias("id"),
        F.col(text).cast("string").alias("text"),
    ]
    if date is not None:
        selected.append(F.col(date).cast("string").alias("date"))
    if title is not None:
        selected.append(F.col(title).cast("string").alias("title"))
    if dictionaries is not None:
        dictionaries = str(dictionaries)

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        return _code_partition(batches, dictionaries, hypothetical, threads, batch_size, errors)

    return df.select(*selected).mapInArrow(run, event_schema())

"""Code a corpus with dyad on Apache Spark.

    spark-submit --master 'local[2]' examples/spark_code.py INPUT OUTPUT [--partitions N]

INPUT is JSON Lines (one document an object: `id`, `text`, optional `date` and `title`, as `dyad code` reads it; a
folder of such files or a glob works too). OUTPUT is a folder that receives the events as JSON Lines (Spark's
part files), one object per event with the schema and field order of `dyad code`, nulls kept, so that
`cat OUTPUT/part-*.json` can be compared with `dyad code INPUT`. It prints the numbers of documents and events and
the events per CAMEO root.

The same script runs on a cluster unchanged (`--master yarn` or `spark://...`), once the executors can import
`dyad` (see the README, "Python and Spark").
"""

from __future__ import annotations

import argparse
import time

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType

import dyad.spark


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines documents (a file, a folder or a glob)")
    parser.add_argument("output", help="a folder for the events (JSON Lines part files); replaced if it exists")
    parser.add_argument("--partitions", type=int, default=0, help="repartition the documents first (0: keep)")
    parser.add_argument("--dict", default=None, help="a folder of your own dictionaries (present on every executor)")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("dyad-code").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    started = time.time()
    # Read every field as a string: ids may be numbers or strings, as in `dyad code`.
    schema = StructType([StructField(name, StringType()) for name in ("id", "date", "title", "text")])
    docs = spark.read.schema(schema).json(args.input)
    if args.partitions:
        docs = docs.repartition(args.partitions)
    events = dyad.spark.code(docs, text="text", id="id", date="date", title="title", dictionaries=args.dict)
    events.write.mode("overwrite").option("ignoreNullFields", "false").json(args.output)
    seconds = time.time() - started

    written = spark.read.schema(dyad.spark.event_schema()).json(args.output)
    n_docs, n_events = docs.count(), written.count()
    print(f"dyad on Spark ({spark.sparkContext.master}): {n_docs} documents, {n_events} events in {seconds:.1f}s "
          f"({n_docs / seconds:.0f} documents/s) -> {args.output}")
    for row in written.groupBy("root").agg(F.count("*").alias("events")).orderBy("root").collect():
        print(f"  root {row['root']}: {row['events']}")
    spark.stop()


if __name__ == "__main__":
    main()

"""dyad: political event data from news text, in Python.

>>> import dyad
>>> coder = dyad.Coder()
>>> events = coder.code("President Xi Jinping had a phone conversation with Belarusian President "
...                     "Alexander Lukashenko on Tuesday.", date="2023-03-01")
>>> [(e["source"]["code"], e["code"], e["target"]["code"]) for e in events]
[('CHNGOV', '041', 'BLRGOV'), ('BLRGOV', '041', 'CHNGOV')]

Every event is a dict with the schema of a ``dyad code`` JSON line. ``Coder.code_many`` streams the events of many
documents (texts, dicts with ``id``/``text``/``date``/``title``, or documents from :func:`read`), coding batches in
parallel with the GIL released; :func:`to_pandas` makes a table of them; :mod:`dyad.spark` codes a Spark DataFrame.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List

from ._dyad import CODER_VERSION, Coder, Document, DocumentReader, EventStream, read, __version__
from ._errors import (
    ERRORS,
    BinaryInputError,
    DictionaryError,
    DyadError,
    DyadIOError,
    EmptyInputError,
    InvalidFieldError,
    InvalidJsonError,
    InvalidUtf8Error,
    LineTooLongError,
    MissingFieldError,
    StoreError,
    UsageError,
)

__all__ = [
    "CODER_VERSION", "Coder", "Document", "DocumentReader", "EventStream", "read", "to_pandas", "EVENT_COLUMNS",
    "__version__", "ERRORS", "DyadError", "DyadIOError", "InvalidUtf8Error", "InvalidJsonError", "MissingFieldError",
    "InvalidFieldError", "BinaryInputError", "EmptyInputError", "LineTooLongError", "DictionaryError", "UsageError",
    "StoreError",
]

#: The columns of :func:`to_pandas`: the event schema flattened, nested keys joined with ``_``
#: (``source_code``, ``evidence_text``, ``version_dictionaries``).
EVENT_COLUMNS: List[str] = [
    "doc", "sentence", "in_title",
    *(f"source_{k}" for k in ("code", "country", "agent", "name", "text", "start", "end", "via")),
    *(f"target_{k}" for k in ("code", "country", "agent", "name", "text", "start", "end", "via")),
    "code", "root", "quad", "goldstein", "plover", "plover_mode", "name", "mode", "date",
    "evidence_text", "evidence_start", "evidence_end", "rule", "version_coder", "version_dictionaries",
]


def _flat(event: Dict[str, Any]) -> Dict[str, Any]:
    row: Dict[str, Any] = {}
    for key, value in event.items():
        if isinstance(value, dict):
            for k, v in value.items():
                row[f"{key}_{k}"] = v
        else:
            row[key] = value
    return row


def to_pandas(events: Iterable[Dict[str, Any]]) -> "pandas.DataFrame":  # noqa: F821
    """A pandas DataFrame of events (a list, or the stream of ``code_many``), one row per event, with the columns
    :data:`EVENT_COLUMNS`: the nested ``source``, ``target``, ``evidence`` and ``version`` objects are flattened
    (``source_code``), ``date`` is a datetime64 column (NaT when unknown), ``sentence`` a nullable integer (``<NA>``
    for the title)."""
    import pandas as pd

    df = pd.DataFrame([_flat(e) for e in events], columns=EVENT_COLUMNS)
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    for col in ("sentence",):
        df[col] = df[col].astype("Int64")
    for col in ("source_start", "source_end", "target_start", "target_end", "evidence_start", "evidence_end", "quad"):
        df[col] = df[col].astype("int64")
    df["goldstein"] = df["goldstein"].astype("float64")
    df["in_title"] = df["in_title"].astype("bool")
    return df

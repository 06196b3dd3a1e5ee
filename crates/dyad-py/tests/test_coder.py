"""dyad.Coder through Python: the seed's events, the `dyad code` schema, code_many against the CLI, streaming, the
GIL, user dictionaries and to_pandas."""

from __future__ import annotations

import itertools
import json
import subprocess
import threading
import time

import pytest

import dyad
from conftest import cli_code, dyad_binary

XI = "President Xi Jinping had a phone conversation with Belarusian President Alexander Lukashenko."


def country_root_match(event, gold) -> bool:
    """The `dyad eval` country+root level: actors on their first three letters, codes on their root or an alt."""
    codes = [c[:2] for c in [gold["code"], *gold.get("alt", [])]]
    return (
        event["sentence"] == gold["s"]
        and event["source"]["code"][:3] == gold["source"][:3]
        and event["target"]["code"][:3] == gold["target"][:3]
        and event["code"][:2] in codes
    )


def test_seed_required_events_from_python(coder, shared):
    gold = json.loads((shared / "seed" / "article-610.gold.json").read_text(encoding="utf-8"))
    required = [g for g in gold["events"] if not g.get("optional")]
    assert required, "the seed's gold lists required events"
    # The seed file read by dyad.read (the CLI's reader) and the gold's own sentences given as a dict.
    (doc,) = list(dyad.read(shared / "seed" / "article-610.txt"))
    from_file = coder.code(doc)
    from_dict = coder.code({"id": gold["id"], "title": gold["title"], "sentences": gold["sentences"]})
    for events in (from_file, from_dict):
        for g in required:
            assert any(country_root_match(e, g) for e in events), f"required gold event not found: {g}"
        for e in events:
            assert e["sentence"] not in (2, 4, 5, 12), f"event in a sentence that reports none: {e}"
    # Identical to the CLI on the same file.
    assert from_file == cli_code(str(shared / "seed" / "article-610.txt"))


def test_event_schema_and_offsets(coder):
    events = coder.code(XI + " They spoke on Tuesday.", date="2022-01-05", doc_id="d1")
    triples = {(e["source"]["code"], e["code"], e["target"]["code"]) for e in events}
    assert ("CHNGOV", "041", "BLRGOV") in triples and ("BLRGOV", "041", "CHNGOV") in triples
    e = events[0]
    assert list(e) == ["doc", "sentence", "in_title", "source", "target", "code", "root", "quad", "goldstein",
                       "plover", "plover_mode", "name", "mode", "date", "evidence", "rule", "version"]
    assert e["doc"] == "d1" and e["sentence"] == 0 and e["in_title"] is False
    assert e["date"] == "2022-01-05"
    # Offsets are characters in the sentence: they slice the words back out.
    for part in (e["source"], e["target"], e["evidence"]):
        assert XI[part["start"]:part["end"]] == part["text"]
    assert e["version"] == {"coder": dyad.CODER_VERSION, "dictionaries": coder.dictionaries_version}


def test_non_ascii_offsets_are_characters(coder):
    text = "Après la crise, Japan’s Prime Minister condemned North Korea’s «\u00a0provocation\u00a0» on Tuesday."
    (e, *_) = coder.code(text)
    for part in (e["source"], e["target"], e["evidence"]):
        assert text[part["start"]:part["end"]] == part["text"]


def test_date_argument_is_the_default_date(coder):
    import datetime

    assert coder.code(XI, date=datetime.date(2016, 5, 1))[0]["date"] == "2016-05-01"
    # A dict's own date wins over the default, as `--date` does in the CLI.
    doc = {"id": "x", "date": "2019-02-03", "text": XI}
    assert coder.code(doc, date="2016-05-01")[0]["date"] == "2019-02-03"
    assert coder.code(XI)[0]["date"] is None


def test_actors(coder):
    mentions = coder.actors(XI, doc_id="a")
    assert [(m["code"], m["text"]) for m in mentions] == [
        ("CHNGOV", "President Xi Jinping"), ("BLRGOV", "Belarusian President Alexander Lukashenko")]
    assert list(mentions[0]) == ["doc", "sentence", "in_title", "start", "end", "text", "code", "country", "agent",
                                 "name", "kind", "entry", "via"]
    assert mentions[0]["doc"] == "a"


def test_code_many_equals_the_cli_on_the_sample_corpus(coder, repo):
    sample = repo / "testdata" / "sample"
    expected = cli_code(str(sample))
    assert len(expected) > 50
    # Documents read by dyad.read, coded on 2 threads in small batches (several batches, order kept).
    assert list(coder.code_many(dyad.read(sample), threads=2, batch_size=5)) == expected
    # The same from the default (all cores) and from one thread.
    assert list(coder.code_many(dyad.read(sample))) == expected
    assert list(coder.code_many(dyad.read(sample), threads=1)) == expected


def test_code_many_jsonl_is_byte_identical_to_the_cli(coder, repo):
    sample = repo / "testdata" / "sample"
    out = subprocess.run([str(dyad_binary()), "code", str(sample)], capture_output=True, check=True).stdout
    chunks = list(coder.code_many_jsonl(dyad.read(sample), threads=2, batch_size=4))
    assert len(chunks) > 1 and all(isinstance(c, bytes) for c in chunks)
    assert b"".join(chunks) == out


def test_hypothetical_coder_equals_the_cli_flag(repo, tmp_path):
    doc = {"id": "h1", "text": "Japan could impose new sanctions on North Korea. If Russia shelled Ukraine, France "
                               "would condemn Russia. China met Belarus."}
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps(doc) + "\n")
    coder = dyad.Coder(hypothetical=True)
    assert coder.hypothetical
    events = list(coder.code_many([doc]))
    assert events == cli_code("--hypothetical", str(path))
    assert [e["mode"] for e in events].count("hypothetical") >= 2
    assert dyad.Coder().code(doc) == cli_code(str(path))
    assert all(e["mode"] != "hypothetical" for e in dyad.Coder().code(doc))


def test_code_many_from_dicts_and_texts_equals_the_cli(coder, repo):
    sample = repo / "testdata" / "sample"
    wire = sample / "wire.jsonl"
    dicts = [json.loads(line) for line in wire.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert list(coder.code_many(iter(dicts), threads=2)) == cli_code(str(wire))
    # A plain-text file is one document named after the file: the same as a dict with that id and text.
    briefs = sorted(sample.glob("brief-*.txt"))
    docs = ({"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in briefs)
    assert list(coder.code_many(docs)) == cli_code(*map(str, briefs))
    # Texts without ids are named by their position.
    events = list(coder.code_many(["Nothing happened.", XI]))
    assert {e["doc"] for e in events} == {"1"}


def test_code_many_streams(coder):
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield {"id": f"n{i}", "text": XI}

    stream = coder.code_many(endless(), threads=2, batch_size=8)
    first = list(itertools.islice(stream, 5))
    assert [e["doc"] for e in first] == ["n0", "n0", "n1", "n1", "n2"]
    # One batch is being consumed and the next one coded meanwhile: two batches pulled, no more.
    assert pulled == 16, pulled
    assert stream.documents == 8
    list(itertools.islice(stream, 20))  # up to event 24, of document 12: the second batch, the third in flight
    assert pulled == 24, pulled
    assert stream.documents == 16


def test_gil_is_released_while_coding(coder):
    text = (XI + " ") * 20000  # about 1.8 MB: long enough to measure
    done = threading.Event()
    result = {}

    def work():
        t = time.perf_counter()
        result["events"] = coder.code(text)
        result["seconds"] = time.perf_counter() - t
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    ticks = 0
    while not done.is_set():
        ticks += 1
    worker.join()
    assert len(result["events"]) == 40000
    # The main thread ran Python bytecode the whole time: with the GIL held it would have been frozen for the call.
    assert result["seconds"] > 0.05
    assert ticks / result["seconds"] > 200_000, (ticks, result["seconds"])


def test_user_dictionary_folder(tmp_path):
    (tmp_path / "countries.dict").write_text("XQZ Freedonia\n    adjectives: Freedonian\n    capitals: Fredville\n")
    (tmp_path / "mine.dict").write_text(
        "Rufus T. Firefly\n    names: Firefly\n    gender: m\n    office: XQZGOV | President | 1933-01-01 |\n")
    mine = dyad.Coder(tmp_path)
    assert mine.dictionaries == str(tmp_path)
    assert mine.dictionaries_version != dyad.Coder().dictionaries_version
    events = mine.code("Freedonian President Rufus T. Firefly condemned Japan.")
    assert [(e["source"]["code"], e["code"], e["target"]["code"]) for e in events] == [("XQZGOV", "111", "JPN")]
    (tmp_path / "countries.dict").write_text("XQZ Freedonia\n    capital: Fredville\n")
    with pytest.raises(dyad.DictionaryError) as err:
        dyad.Coder(tmp_path)
    assert err.value.code == "dictionary" and "countries.dict:2" in str(err.value)


def test_to_pandas(coder):
    events = coder.code({"id": "p", "date": "2021-06-08", "title": "Japan condemns North Korea", "text": XI})
    df = dyad.to_pandas(events)
    assert list(df.columns) == dyad.EVENT_COLUMNS
    assert len(df) == len(events) == 3
    assert df["sentence"].isna().tolist() == [True, False, False]  # the title's event first
    assert str(df["date"].dtype).startswith("datetime64")
    assert df.loc[1, "source_code"] == "CHNGOV" and df.loc[1, "evidence_text"] == "had a phone conversation with"
    empty = dyad.to_pandas(iter([]))
    assert list(empty.columns) == dyad.EVENT_COLUMNS and len(empty) == 0


def test_the_module_docstring_runs():
    import doctest

    failed, attempted = doctest.testmod(dyad, verbose=False)
    assert attempted > 0 and failed == 0

"""Bad input raises a DyadError carrying the CLI's stable code; the interpreter goes on."""

from __future__ import annotations

import subprocess
import sys

import pytest

import dyad


@pytest.mark.parametrize(
    "bad, cls, code, words",
    [
        (None, dyad.InvalidFieldError, "invalid_field", "found None"),
        (b"China met Belarus.", dyad.InvalidFieldError, "invalid_field", "decode them first"),
        (42, dyad.InvalidFieldError, "invalid_field", "found int"),
        ("China met \udcff Belarus.", dyad.InvalidUtf8Error, "invalid_utf8", "not valid UTF-8"),
        ("", dyad.EmptyInputError, "empty_input", "no text"),
        ("  \n ", dyad.EmptyInputError, "empty_input", "no text"),
        ("China\x00Belarus", dyad.BinaryInputError, "binary_input", "NUL"),
        ({"text": "China met Belarus."}, dyad.MissingFieldError, "missing_field", '"id"'),
        ({"id": "1"}, dyad.MissingFieldError, "missing_field", '"text"'),
        ({"id": "1", "text": 5}, dyad.InvalidFieldError, "invalid_field", '"text" must be a string'),
        ({"id": "1", "text": "x", "date": "2021-02-30"}, dyad.InvalidFieldError, "invalid_field", '"date"'),
        ({"id": "1", "text": "x", "title": "a\udc80"}, dyad.InvalidUtf8Error, "invalid_utf8", "field \"title\""),
        ({"id": [1], "text": "x"}, dyad.InvalidFieldError, "invalid_field", '"id" must be'),
    ],
)
def test_bad_documents(coder, bad, cls, code, words):
    with pytest.raises(cls) as err:
        coder.code(bad)
    assert isinstance(err.value, dyad.DyadError)
    assert err.value.code == code
    assert words in str(err.value) and f"[{code}]" in str(err.value)
    with pytest.raises(cls):
        coder.actors(bad)


def test_error_classes_are_standard_exceptions_too(coder):
    with pytest.raises(TypeError):
        coder.code(None)
    with pytest.raises(ValueError):
        coder.code("")
    assert set(dyad.ERRORS) == {"io", "invalid_utf8", "invalid_json", "missing_field", "invalid_field",
                                "binary_input", "empty_input", "line_too_long", "dictionary", "usage", "store"}


def test_huge_text_is_refused_with_the_readers_bounds(coder):
    # Over 64 MiB (the CLI's bound for one document): line_too_long, nothing coded.
    huge = "China met Belarus. " * (64 * 1024 * 1024 // 19 + 1)
    with pytest.raises(dyad.LineTooLongError) as err:
        coder.code(huge)
    assert err.value.code == "line_too_long" and "64 MiB" in str(err.value)
    del huge
    # One line over 8 MiB (the CLI's line bound) in a smaller text.
    long_line = "word " * (9 * 1024 * 1024 // 5)
    with pytest.raises(dyad.LineTooLongError, match="line 2 is longer than 8 MiB"):
        coder.code("China met Belarus.\n" + long_line)
    with pytest.raises(dyad.LineTooLongError, match='field "text"'):
        coder.code({"id": "1", "text": "x" * (65 * 1024 * 1024)})
    # A big text within the bounds is coded.
    big = "President Xi Jinping had a phone conversation with Belarusian President Alexander Lukashenko.\n" * 10000
    assert len(coder.code(big)) == 20000


def test_bad_arguments(coder):
    for date in ("2021-13-01", "yesterday", 20210101):
        with pytest.raises(dyad.UsageError) as err:
            coder.code("China met Belarus.", date=date)
        assert err.value.code == "usage"
    with pytest.raises(dyad.UsageError):
        coder.code_many(["x"], threads=0)
    with pytest.raises(dyad.UsageError):
        coder.code_many(["x"], errors="ignore")
    with pytest.raises(dyad.InvalidFieldError, match="not one document"):
        coder.code_many("China met Belarus.")
    with pytest.raises(TypeError):
        coder.code_many(5)
    with pytest.raises(dyad.UsageError):
        dyad.read("x", input_format="xml")


def test_code_many_raises_where_the_bad_document_is(coder):
    docs = ["President Xi Jinping had a phone conversation with Belarusian President Alexander Lukashenko.", None,
            "Japan condemned North Korea."]
    stream = coder.code_many(docs, batch_size=2)
    first = [next(stream), next(stream)]
    assert {e["doc"] for e in first} == {"0"}
    with pytest.raises(dyad.InvalidFieldError, match="document 1 of the input: expected a str"):
        next(stream)
    assert list(stream) == []
    # errors="skip": the bad document is left out and its error kept.
    stream = coder.code_many(docs, errors="skip")
    assert [e["doc"] for e in stream] == ["0", "0", "2"]
    assert [e.code for e in stream.errors] == ["invalid_field"]
    # A document with an id is named by it too.
    stream = coder.code_many([{"id": "ok", "text": "Japan condemned North Korea."},
                              {"id": "late", "text": "x", "date": "2021-02-30"}])
    with pytest.raises(dyad.InvalidFieldError, match=r'document 1 \(id "late"\) of the input: field "date"'):
        list(stream)


def test_an_exception_from_the_iterable_propagates(coder):
    def broken():
        yield "Japan condemned North Korea."
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        list(coder.code_many(broken(), batch_size=10))


def test_read_errors_carry_file_and_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": "1", "text": "Japan condemned North Korea."}\n{broken\n{"id": "3", "text": "\xff"}\n')
    with pytest.raises(dyad.InvalidJsonError) as err:
        list(dyad.read(path))
    assert (err.value.code, err.value.file, err.value.line) == ("invalid_json", str(path), 2)
    reader = dyad.read([path], errors="skip")
    assert [d.id for d in reader] == ["1"]
    assert [(e.code, e.line) for e in reader.errors] == [("invalid_json", 2), ("invalid_utf8", 3)]
    with pytest.raises(dyad.DyadIOError) as err:
        list(dyad.read(tmp_path / "missing.txt"))
    assert err.value.code == "io" and isinstance(err.value, OSError)


def test_the_interpreter_survives_every_bad_input():
    # In a fresh interpreter: each bad input raises, and the process ends normally afterwards.
    script = (
        "import dyad\n"
        "c = dyad.Coder()\n"
        "n = 0\n"
        "for bad in (None, b'x', 'a\\udcff', '', 'x' * (65 << 20), {'id': None, 'text': 'x'}):\n"
        "    try:\n"
        "        c.code(bad)\n"
        "    except dyad.DyadError as e:\n"
        "        n += 1\n"
        "print(n, len(c.code('Japan condemned North Korea.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["6", "1"]

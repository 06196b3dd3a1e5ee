"""dyad's exceptions. Every error is a :class:`DyadError` whose ``code`` is the library's stable code, the one the
``dyad`` CLI prints in brackets (``dyad: FILE:LINE: problem [code]``)."""

from __future__ import annotations

from typing import Dict, Optional, Type


class DyadError(Exception):
    """An error from dyad. ``code`` is stable (``invalid_field``, ``empty_input``, ...); ``message`` is the problem
    without file and line; ``file`` and ``line`` say where, when the input was a file."""

    code: str = "dyad"

    def __init__(self, text: str, code: Optional[str] = None, message: Optional[str] = None,
                 file: Optional[str] = None, line: Optional[int] = None) -> None:
        super().__init__(text)
        if code is not None:
            self.code = code
        self.message = message if message is not None else text
        self.file = file
        self.line = line


class DyadIOError(DyadError, OSError):
    """A file could not be opened or read (``io``)."""
    code = "io"


class InvalidUtf8Error(DyadError, ValueError):
    """The text is not valid UTF-8: bytes in a file, or a str holding lone surrogates (``invalid_utf8``)."""
    code = "invalid_utf8"


class InvalidJsonError(DyadError, ValueError):
    """A JSON line or file does not parse (``invalid_json``)."""
    code = "invalid_json"


class MissingFieldError(DyadError, ValueError):
    """A required field such as ``id`` or ``text`` is missing (``missing_field``)."""
    code = "missing_field"


class InvalidFieldError(DyadError, ValueError, TypeError):
    """A field or argument has the wrong type or value: ``None`` or bytes for a text, a bad date (``invalid_field``).
    It is also a ``TypeError`` and a ``ValueError``, so either ``except`` catches it."""
    code = "invalid_field"


class BinaryInputError(DyadError, ValueError):
    """The input is binary (NUL characters), not text (``binary_input``)."""
    code = "binary_input"


class EmptyInputError(DyadError, ValueError):
    """The input holds no text (``empty_input``)."""
    code = "empty_input"


class LineTooLongError(DyadError, ValueError):
    """A text over 64 MiB, or a line over 8 MiB: the CLI reader's bounds (``line_too_long``)."""
    code = "line_too_long"


class DictionaryError(DyadError, ValueError):
    """A dictionary file does not follow the format (``dictionary``)."""
    code = "dictionary"


class UsageError(DyadError, ValueError):
    """A bad argument: a malformed ``date``, ``threads=0``, an unknown ``input_format`` (``usage``)."""
    code = "usage"


class StoreError(DyadError):
    """The store (database) failed (``store``)."""
    code = "store"


ERRORS: Dict[str, Type[DyadError]] = {cls.code: cls for cls in (
    DyadIOError, InvalidUtf8Error, InvalidJsonError, MissingFieldError, InvalidFieldError, BinaryInputError,
    EmptyInputError, LineTooLongError, DictionaryError, UsageError, StoreError)}


def _from_code(code: str, text: str, message: str, file: Optional[str], line: Optional[int]) -> DyadError:
    """Called by the native module to build the exception for a library error."""
    cls = ERRORS.get(code, DyadError)
    return cls(text, code, message, file, line)

"""Type stubs of dyad's native module (``crates/dyad-py/src/lib.rs``)."""

import datetime
import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Tuple, TypedDict, Union, final

__version__: str
CODER_VERSION: str

class ActorJson(TypedDict):
    code: str
    country: Optional[str]
    agent: Optional[str]
    name: str
    text: str
    start: int
    end: int
    via: str

class SpanJson(TypedDict):
    text: str
    start: int
    end: int

class VersionJson(TypedDict):
    coder: str
    dictionaries: str

class EventJson(TypedDict):
    """One event: the schema of a ``dyad code`` JSON line (offsets are characters in the sentence or title)."""
    doc: str
    sentence: Optional[int]
    in_title: bool
    source: ActorJson
    target: ActorJson
    code: str
    root: str
    quad: int
    goldstein: float
    plover: Optional[str]
    plover_mode: Optional[str]
    name: str
    mode: str
    date: Optional[str]
    evidence: SpanJson
    rule: str
    version: VersionJson

class MentionJson(TypedDict):
    """One actor mention: the schema of a ``dyad actors`` JSON line."""
    doc: str
    sentence: Optional[int]
    in_title: bool
    start: int
    end: int
    text: str
    code: str
    country: Optional[str]
    agent: Optional[str]
    name: str
    kind: str
    entry: str
    via: str

DateLike = Union[str, datetime.date, None]
#: A document: running text (str), a JSON Lines object (dict with ``id`` and ``text`` or ``sentences``, optional
#: ``date``, ``title``, ``url``, ``publisher``), or a document read by :func:`read`.
DocumentLike = Union[str, Dict[str, Any], "Document"]

@final
class Document:
    """A document as dyad reads it."""
    @property
    def id(self) -> str: ...
    @property
    def date(self) -> Optional[str]: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def sentences(self) -> List[str]: ...
    @property
    def url(self) -> Optional[str]: ...
    @property
    def publisher(self) -> Optional[str]: ...
    @property
    def origin(self) -> Optional[Tuple[str, int]]: ...

@final
class EventStream(Iterator[Any]):
    """The events of ``Coder.code_many``, in input order; raises the ``DyadError`` of a bad document where it
    occurs (``errors="raise"``) or records it in ``errors`` (``errors="skip"``)."""
    def __iter__(self) -> "EventStream": ...
    def __next__(self) -> Any:
        """An event dict (``code_many``), or a batch's events as JSON Lines ``bytes`` (``code_many_jsonl``)."""
    @property
    def documents(self) -> int: ...
    @property
    def errors(self) -> List[Exception]: ...

@final
class DocumentReader(Iterator[Document]):
    def __iter__(self) -> "DocumentReader": ...
    def __next__(self) -> Document: ...
    @property
    def errors(self) -> List[Exception]: ...

@final
class Coder:
    """dyad's event coder: the built-in dictionaries, plus a folder of your own (``dictionaries``)."""
    def __new__(
        cls, dictionaries: Union[str, os.PathLike[str], None] = None, *, hypothetical: bool = False
    ) -> "Coder": ...
    @property
    def dictionaries_version(self) -> str: ...
    @property
    def coder_version(self) -> str: ...
    @property
    def dictionaries(self) -> Optional[str]: ...
    @property
    def hypothetical(self) -> bool: ...
    def code(self, text: DocumentLike, date: DateLike = None, doc_id: Optional[str] = None) -> List[EventJson]:
        """The events of one document. ``date`` is used when the document has none; ``doc_id`` names it (a text
        without one is document ``"0"``)."""
    def actors(self, text: DocumentLike, date: DateLike = None, doc_id: Optional[str] = None) -> List[MentionJson]:
        """The actor mentions of one document."""
    def code_many(
        self,
        documents: Iterable[DocumentLike],
        threads: Optional[int] = None,
        date: DateLike = None,
        batch_size: int = 256,
        errors: Literal["raise", "skip"] = "raise",
    ) -> EventStream:
        """The events of many documents (each an :class:`EventJson`), streamed in input order. A text without an id
        is named by its 0-based position in the iterable. ``threads`` defaults to all cores."""
    def code_many_jsonl(
        self,
        documents: Iterable[DocumentLike],
        threads: Optional[int] = None,
        date: DateLike = None,
        batch_size: int = 256,
        errors: Literal["raise", "skip"] = "raise",
    ) -> EventStream:
        """Like ``code_many``, but yields each batch's events as one ``bytes`` of JSON Lines, byte for byte what
        ``dyad code`` prints."""

def read(
    paths: Union[str, os.PathLike[str], Iterable[Union[str, os.PathLike[str]]]],
    input_format: Literal["auto", "seed", "jsonl", "json", "text"] = "auto",
    date: DateLike = None,
    errors: Literal["raise", "skip"] = "raise",
) -> DocumentReader:
    """Documents from files and directories, read exactly as ``dyad code`` reads them."""

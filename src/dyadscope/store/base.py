"""The store: one interface over the database that holds every record dyadscope produces (DESIGN §1–2).

This docstring is the contract other parts of dyadscope (analyze, report, serve, export) code against.

Opening
-------
``open_store(path, read_only=False)`` (in :mod:`dyadscope.store`) returns a :class:`Store`. DuckDB is the
default backend: a single file (``dyadscope.duckdb`` by default). DuckDB lets **one process** open a file for
writing, or several processes open it read-only, never both at once; a second opener gets a
:class:`~dyadscope.errors.StoreError` that says the store is in use by another process. Readers (``events``,
``report``, ``serve``) should open with ``read_only=True``; ``build`` is the only writer. A read-only open of a
file that does not exist, or whose schema is older than this dyadscope, raises ``StoreError`` with a hint to
run ``dyadscope build --db FILE`` (which migrates). Use a store as a context manager or call :meth:`close`.

Records
-------
Every method returns and accepts the records of :mod:`dyadscope.records` unchanged: what goes in comes back
equal (round-trip property tests pin this, including fields added to the records later: fields the schema has
no column for are kept in a JSON ``extra`` column). Sentence texts are not duplicated on disk; they come back
as ``document.text[start:end]``.

Documents are immutable: a document is its cleaned text (``doc_id`` = sha256 of it). Adding a document whose
``doc_id`` is stored does nothing. When a file at the same path comes back with different content, the new
text is a new document and the old one is kept but marked *superseded* (``superseded_by`` = the new doc_id);
reads leave superseded documents and their records out unless asked (``current_only=False``).

Writes
------
- :meth:`add_analysis` writes one document and everything derived from it (sentences, timexes, mentions,
  events, periods, facts) in **one transaction**: all or nothing, so a build killed midway never leaves a
  half-written document behind. :meth:`add_analyses` does the same for a small batch of whole documents
  (``build`` writes batches: a kill loses at most the batch being written, which the next run redoes).
- :meth:`replace_analysis` recodes a stored document (new stages or language data): everything derived from
  it is replaced in one transaction; the document itself never changes. :meth:`stale_documents` lists the
  documents coded by another pipeline (``build --recode`` uses both).
- :meth:`replace_stories` and :meth:`replace_contradictions` replace the cross-document results wholesale
  (one transaction each); they take iterables and stream them, so a large corpus need not fit in memory.

Reads that may be large (:meth:`events`, :meth:`events_with_stories`, :meth:`documents`) are iterators that
stream from the database; the others return lists.

Dates in filters
----------------
``since`` and ``until`` are partial ISO dates (``"1991"``, ``"2000-06"``, ``"2000-06-15"``) applied to an
event's ``date_start``: an event is kept when the interval its ``date_start`` denotes ends on or after the
first day ``since`` denotes, and starts on or before the last day ``until`` denotes (``"1993"`` is kept by
``until="1993-03"``). Undated events are left out whenever ``since`` or ``until`` is given. ``dyad`` is
``("AZE", "RUS")`` or ``"AZE-RUS"`` and matches either direction. ``issue`` matches one issue code.

Meta
----
:meth:`meta` holds ``schema_version`` and the rule-set versions the stored records were coded with
(``rules.<ruleset>`` → ``"v1"`` from the records' rule ids, ``data.<file>`` → version of each language-data
file), plus ``intensity_table`` (the id of the intensity table behind ``Event.intensity``) and ``stages``
(the stages of the last build). :meth:`rulesets` reads the rule-set versions straight from the records.
"""

from __future__ import annotations

import abc
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from ..pipeline import Analysis
from ..records import (
    Contradiction,
    Document,
    Event,
    Fact,
    Mention,
    Period,
    Sentence,
    Story,
    Timex,
)

#: ``("AZE", "RUS")`` or ``"AZE-RUS"``
DyadArg = tuple[str, str] | str | None


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document without its text: what listings and summaries need."""

    doc_id: str
    doc: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    path: str | None
    language: str | None
    n_sentences: int
    n_events: int
    added: str                        # ISO timestamp of the write
    superseded_by: str | None = None


#: (size in bytes, modification time in ns) of a file when it was read
FileStamp = tuple[int, int]


@dataclass(frozen=True, slots=True)
class KnownFile:
    """What the store knows of the file a current document came from."""

    doc_id: str
    doc: str
    stamp: FileStamp | None
    pipeline_key: str


@dataclass(frozen=True, slots=True)
class Run:
    """One ``build`` run: when, over what, and what it did (kept in the ``runs`` table)."""

    run_id: str
    started: str
    finished: str | None
    status: str                       # running | done | failed (a run killed midway stays "running")
    paths: tuple[str, ...]
    stages: tuple[str, ...]
    counts: dict[str, int]


class Store(abc.ABC):
    """The interface every backend implements (see the module docstring for the contract)."""

    # --- lifecycle -------------------------------------------------------------------------------------
    @abc.abstractmethod
    def close(self) -> None:
        """Release the database (idempotent)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    @abc.abstractmethod
    def location(self) -> str:
        """Where the store lives (file path or URL), for messages."""

    @abc.abstractmethod
    def schema_version(self) -> int:
        """The number of the last migration applied."""

    @abc.abstractmethod
    def meta(self) -> dict[str, str]:
        """Key/value facts about the store: ``schema_version``, ``rules.*``, ``data.*``, ``intensity_table``."""

    @abc.abstractmethod
    def set_meta(self, items: Mapping[str, str]) -> None:
        """Add or overwrite meta keys (one transaction)."""

    # --- documents -------------------------------------------------------------------------------------
    @abc.abstractmethod
    def has_document(self, doc_id: str) -> bool:
        """Is a document with this id stored (superseded or not)?"""

    @abc.abstractmethod
    def document_ids(self) -> frozenset[str]:
        """Ids of every stored document (superseded included) — for skipping work before coding."""

    @abc.abstractmethod
    def add_analysis(self, analysis: Analysis, *, run_id: str | None = None, pipeline_key: str = "",
                     stamp: FileStamp | None = None) -> bool:
        """Store a document and its records in one transaction; False (and no change) when already stored.

        Events without an ``event_id`` get one (``Event.with_id``). A stored document with the same ``path``
        and another ``doc_id`` is marked superseded by this one. ``stamp`` is the file's (size, mtime in ns)
        when it was read, for :meth:`known_files`.
        """

    @abc.abstractmethod
    def replace_analysis(self, analysis: Analysis, *, run_id: str | None = None, pipeline_key: str = "") -> bool:
        """Recode a stored document: replace everything derived from it (sentences … facts) in one
        transaction, keeping the document itself. False (and no change) when the document is not stored."""

    @abc.abstractmethod
    def stale_documents(self, pipeline_key: str) -> list[str]:
        """Ids of current documents coded by other stages or language data than ``pipeline_key`` names."""

    @abc.abstractmethod
    def add_analyses(self, analyses: Sequence[Analysis], *, run_id: str | None = None, pipeline_key: str = "",
                     stamps: Sequence[FileStamp | None] | None = None) -> list[bool]:
        """:meth:`add_analysis` for several documents in **one** transaction (far fewer statements: what
        ``build`` uses). All of them are written or none; returns, per analysis, whether it was added (False when
        its document was stored before or earlier in the same list)."""

    @abc.abstractmethod
    def known_files(self) -> dict[str, KnownFile]:
        """Current documents by the absolute path they were read from, with the file's stamp then and the
        pipeline key that coded them: lets ``build`` skip unchanged files without reading them."""

    @abc.abstractmethod
    def mark_current(self, doc_id: str, path: str | None, stamp: FileStamp | None = None) -> bool:
        """The file at ``path`` (read with ``stamp``) holds ``doc_id`` now: un-supersede it, supersede other
        documents from that path, record the stamp. True when something changed."""

    @abc.abstractmethod
    def documents(self, *, current_only: bool = True) -> Iterator[Document]:
        """Every stored document (full records, with text), in the order they were added."""

    @abc.abstractmethod
    def document_infos(self, *, current_only: bool = True) -> list[DocumentInfo]:
        """Every stored document without its text, with counts, in the order they were added."""

    @abc.abstractmethod
    def document(self, doc_id: str) -> Document | None:
        """One document, or None."""

    @abc.abstractmethod
    def sentences(self, doc_id: str) -> list[Sentence]:
        """The sentences of one document, in order."""

    @abc.abstractmethod
    def timexes(self, doc_id: str | None = None) -> list[Timex]:
        """Time expressions of one document (or all current ones), in text order."""

    @abc.abstractmethod
    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        """Actor mentions of one document (or all current ones), in text order."""

    # --- events, periods, facts ------------------------------------------------------------------------
    @abc.abstractmethod
    def events(self, dyad: DyadArg = None, since: str | None = None, until: str | None = None,
               issue: str | None = None, happened_only: bool = True, *, doc_id: str | None = None,
               current_only: bool = True) -> Iterator[Event]:
        """Events matching the filters, ordered by date (undated last), then document and offset.

        ``happened_only`` keeps modality ``asserted``/``reported`` (DESIGN §5). Streams: wrap in ``list()``.
        """

    @abc.abstractmethod
    def events_with_stories(self, dyad: DyadArg = None, since: str | None = None, until: str | None = None,
                            issue: str | None = None, happened_only: bool = True
                            ) -> Iterator[tuple[Event, Story | None]]:
        """Like :meth:`events`, each paired with the story it belongs to (None when in none)."""

    @abc.abstractmethod
    def count_events(self, dyad: DyadArg = None, since: str | None = None, until: str | None = None,
                     issue: str | None = None, happened_only: bool = True) -> int:
        """How many events :meth:`events` would yield."""

    @abc.abstractmethod
    def periods(self, *, doc_id: str | None = None, current_only: bool = True) -> list[Period]:
        """Stated periodisations, by document and offset."""

    @abc.abstractmethod
    def facts(self, *, doc_id: str | None = None, current_only: bool = True) -> list[Fact]:
        """Checkable quantity and date claims, by document and offset."""

    # --- cross-document results ------------------------------------------------------------------------
    @abc.abstractmethod
    def stories(self) -> list[Story]:
        """Every story, ordered by date (undated last), then story_id."""

    @abc.abstractmethod
    def story(self, story_id: str) -> Story | None:
        """One story, or None."""

    @abc.abstractmethod
    def story_events(self, story_id: str) -> list[Event]:
        """The events (mentions) of one story."""

    @abc.abstractmethod
    def events_of_stories(self, story_ids: Iterable[str]) -> dict[str, list[Event]]:
        """The events of several stories at once (one query), by story id, each list in story order."""

    @abc.abstractmethod
    def replace_stories(self, stories: Iterable[Story]) -> int:
        """Replace every story (and the story_events links) in one transaction; returns how many."""

    @abc.abstractmethod
    def contradictions(self) -> list[Contradiction]:
        """Every stored contradiction (facts and story dates), in the order stored."""

    @abc.abstractmethod
    def replace_contradictions(self, contradictions: Iterable[Contradiction]) -> int:
        """Replace every contradiction in one transaction; returns how many."""

    # --- runs and statistics ---------------------------------------------------------------------------
    @abc.abstractmethod
    def begin_run(self, paths: Iterable[str], stages: Iterable[str]) -> str:
        """Record the start of a build run; returns its id."""

    @abc.abstractmethod
    def end_run(self, run_id: str, counts: Mapping[str, int], status: str = "done") -> None:
        """Record the end of a run with its counts."""

    @abc.abstractmethod
    def runs(self) -> list[Run]:
        """Every run, oldest first."""

    @abc.abstractmethod
    def rulesets(self) -> dict[str, str]:
        """``{"time.rules": "v1", ...}`` from the rule ids of the stored records ("v1,v2" when mixed)."""

    @abc.abstractmethod
    def stats(self) -> dict[str, int]:
        """Counts: documents, superseded, sentences, timexes, mentions, events, happened_events, periods,
        facts, stories, story_events, contradictions, runs, schema_version."""


def source_key(path: str | None) -> str | None:
    """What identifies "the same file" across runs: its absolute path (URLs as given)."""
    if not path:
        return None
    return path if "://" in path else os.path.abspath(path)


def parse_dyad(dyad: DyadArg) -> tuple[str, str] | None:
    """``"AZE-RUS"`` or ``("AZE", "RUS")`` → ``("AZE", "RUS")`` (upper case); None stays None."""
    from ..errors import UsageError

    if dyad is None:
        return None
    parts: Any = dyad.upper().replace("–", "-").split("-") if isinstance(dyad, str) else [d.upper() for d in dyad]
    if len(parts) != 2 or not all(parts):
        raise UsageError(f"bad dyad {dyad!r}", hint="write it as two actor codes joined by '-', e.g. AZE-RUS")
    return parts[0].strip(), parts[1].strip()

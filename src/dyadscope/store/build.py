"""``build``: ingest and code documents into the store, then resolve stories and contradictions (DESIGN §6).

Incremental and resumable:

- a document is its cleaned text; one whose ``doc_id`` is stored is not coded again, so re-running over the
  same folder adds nothing. A file whose size and modification time are those recorded when its current
  document was stored (by the same stages and language data) is not even read; any other file is loaded, since
  only its cleaned text tells its id;
- a file whose content changed is a new document; the old one is kept (documents are immutable) and marked
  superseded by the new one when it came from the same path (see :mod:`dyadscope.store.base`);
- documents are written whole, a small batch per transaction, so killing a build at any moment leaves only
  whole documents (at most one batch of coded work is lost); re-running completes the work with no
  duplicates.

After the per-document phase comes the cross-document step: stories (:mod:`dyadscope.resolve.stories`) from
the stored events, then contradictions (``dyadscope.resolve.contradictions.find_contradictions(facts,
stories)`` when that module is installed) together with the stories' date conflicts. Both are recomputed from
the whole store on every run, streaming events in date order.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import inspect
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import __version__
from ..batch import BatchSummary, ProgressFn
from ..errors import DyadscopeError, IngestError, UsageError
from ..ingest import Skipped, Source, discover
from ..lexicon import version_of
from ..options import Options
from ..pipeline import DEFAULT_STAGES, Analysis, plan, registered
from ..records import Contradiction, Fact, Story
from ..resolve.stories import resolve
from ..scale import Coded, Failed, Known, Outcome, code_documents
from .base import FileStamp, Store, source_key

#: called once per document as it is settled: ("added" | "stored" | "failed", document or file name)
DocumentFn = Callable[[str, str], None]


def available_stages() -> tuple[str, ...]:
    """The default stages that exist in this installation, in order, each with its requirements met."""
    names = registered()
    chosen: list[str] = []
    for name in DEFAULT_STAGES:
        if name not in names:
            continue
        try:
            plan((*chosen, name))
        except UsageError:  # needs a field no available stage assigns: leave it out
            continue
        chosen.append(name)
    return tuple(chosen)


@cache
def data_versions() -> dict[str, int]:
    """``{"events/triggers.yaml": 1, ...}``: the version of every YAML language-data file."""
    root = resources.files("dyadscope").joinpath("data")
    out: dict[str, int] = {}

    def walk(node: Any, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, name + "/")
            elif name.endswith((".yaml", ".yml")):
                try:
                    out[name] = version_of(name)
                except DyadscopeError:
                    out[name] = 0
    walk(root, "")
    return out


def intensity_table() -> str:
    """The id of the intensity table behind ``Event.intensity`` (``"events/intensity.v1"``), or ""."""
    for name, version in data_versions().items():
        stem = name.rsplit(".", 1)[0]
        if "intensity" in stem or "goldstein" in stem:
            return f"{stem}.v{version}"
    return ""


@cache
def data_digest() -> str:
    """A digest of every language-data file's bytes (any edit changes it, bumped version or not)."""
    root = resources.files("dyadscope").joinpath("data")
    h = hashlib.sha1()

    def walk(node: Any, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, name + "/")
            else:
                h.update(name.encode() + b"\0" + child.read_bytes() + b"\0")
    walk(root, "")
    return h.hexdigest()


def pipeline_key(stages: Sequence[str]) -> str:
    """A short id of what codes a document: dyadscope's version, the stages and the language data's bytes."""
    text = f"{__version__}|{'|'.join(stages)}|{data_digest()}"
    return hashlib.sha1(text.encode()).hexdigest()[:12]


@dataclass
class BuildReport:
    """What one build did, for the closing summary."""

    summary: BatchSummary
    run_id: str
    stages: tuple[str, ...]
    added: int = 0
    already_stored: int = 0
    superseded: int = 0
    events: int = 0
    stories: int = 0
    contradictions: int = 0
    recoded: int = 0
    stale: int = 0            # stored documents coded by other rules, left as they are (see --recode)

    def counts(self) -> dict[str, int]:
        return {"read": self.summary.read, "added": self.added, "already_stored": self.already_stored,
                "failed": len(self.summary.failed), "skipped": len(self.summary.skipped),
                "superseded": self.superseded, "events": self.events, "stories": self.stories,
                "contradictions": self.contradictions, "recoded": self.recoded, "stale": self.stale}


def _sources(paths: Sequence[Path], options: Options, summary: BatchSummary) -> list[Source]:
    sources: list[Source] = []
    for found in discover(paths, options):
        if isinstance(found, Source):
            sources.append(found)
        elif isinstance(found, Skipped):
            summary.skipped.append(found)
        elif isinstance(found, IngestError):
            summary.failed.append(found)
    return sources


def build(paths: Sequence[Path], store: Store, options: Options, *, workers: int = 1, backend: str = "process",
          stages: Sequence[str] | None = None, progress: ProgressFn | None = None,
          on_document: DocumentFn | None = None, recode: bool = False) -> BuildReport:
    """Ingest and code ``paths`` into ``store`` (see the module docstring); fail soft per document.

    With ``recode``, stored documents coded by other stages or language data are coded again from their
    stored text (no files needed), each replaced in one transaction; without it they are counted
    (``BuildReport.stale``).
    """
    names = tuple(stages) if stages is not None else available_stages()
    key = pipeline_key(names)
    summary = BatchSummary()
    report = BuildReport(summary=summary, run_id=store.begin_run([str(p) for p in paths], names), stages=names)
    status = "failed"
    coded: Generator[Outcome, None, None] | None = None
    writer: _Writer | None = None
    try:
        sources = _sources(paths, options, summary)
        total = len(sources)
        before = store.stats()["superseded"]
        stamps = {i: _stamp(s) for i, s in enumerate(sources)}
        files = store.known_files()
        unchanged: dict[int, Known] = {}
        for i, s in enumerate(sources):
            known = files.get(source_key(str(s.path)) or "")
            if known is not None and known.stamp is not None and known.stamp == stamps[i] \
                    and known.pipeline_key == key:
                unchanged[i] = Known(known.doc_id, known.doc, str(s.path))
        todo = [s for i, s in enumerate(sources) if i not in unchanged]
        writer = _Writer(store, report, key, on_document)
        coded = code_documents(todo, options, names, store.document_ids(), workers=workers,
                               backend=backend)
        for i, source in enumerate(sources):
            outcome = unchanged.get(i) or next(coded)
            if progress:
                progress(i, total, source.doc)
            summary.read += 1
            if isinstance(outcome, Failed):
                summary.failed.append(outcome.error)
                _tell(on_document, "failed", source.doc)
                continue
            summary.processed += 1
            if isinstance(outcome, Known):
                report.already_stored += 1
                if i not in unchanged:
                    store.mark_current(outcome.doc_id, outcome.path, stamps[i])
                _tell(on_document, "stored", source.doc)
                continue
            assert isinstance(outcome, Coded)
            summary.removed_kinds.update(r.kind for r in outcome.analysis.document.removed)
            writer.add(outcome.analysis, source.doc, stamps[i])
        writer.flush()
        if progress:
            progress(total, total, "")
        coded.close()
        stale = store.stale_documents(key)
        if recode and stale:
            report.recoded = _recode(store, stale, options, names, key, report, workers, backend, progress,
                                     on_document)
        else:
            report.stale = len(stale)
        report.superseded = max(0, store.stats()["superseded"] - before)
        report.stories, report.contradictions = resolve_corpus(store)
        record_versions(store, names)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        if writer is not None:
            writer.flush()  # what was coded is whole: keep it
        raise
    finally:
        if coded is not None:
            coded.close()  # shuts the worker pool down even when the loop stopped early
        store.end_run(report.run_id, report.counts(), status)
    return report


#: documents written per transaction by build (a kill loses at most these, which the next run redoes)
WRITE_BATCH = 16
#: ... or fewer, when their records add up to this many rows
WRITE_ROWS = 20_000


class _Writer:
    """Collects coded documents and writes them in batches (one transaction each: far fewer statements)."""

    def __init__(self, store: Store, report: BuildReport, key: str, on_document: DocumentFn | None) -> None:
        self.store, self.report, self.key, self.on_document = store, report, key, on_document
        self.pending: list[tuple[Analysis, str, FileStamp | None]] = []
        self.rows = 0

    def add(self, analysis: Analysis, name: str, stamp: FileStamp | None) -> None:
        self.pending.append((analysis, name, stamp))
        self.rows += sum(len(x) for x in (analysis.sentences, analysis.timexes, analysis.mentions, analysis.events,
                                          analysis.periods, analysis.facts))
        if len(self.pending) >= WRITE_BATCH or self.rows >= WRITE_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending, self.rows = self.pending, [], 0
        added = self.store.add_analyses([a for a, _, _ in batch], run_id=self.report.run_id, pipeline_key=self.key,
                                        stamps=[st for _, _, st in batch])
        for (analysis, name, stamp), ok in zip(batch, added, strict=True):
            if ok:
                self.report.added += 1
                self.report.events += len(analysis.events)
                _tell(self.on_document, "added", name)
            else:  # the same text twice in one run
                self.report.already_stored += 1
                self.store.mark_current(analysis.document.doc_id, analysis.document.path, stamp)
                _tell(self.on_document, "stored", name)


def _recode(store: Store, doc_ids: list[str], options: Options, names: tuple[str, ...], key: str,
            report: BuildReport, workers: int, backend: str, progress: ProgressFn | None,
            on_document: DocumentFn | None) -> int:
    """Code stored documents again from their text; returns how many were replaced."""
    docs = (d for d in (store.document(i) for i in doc_ids) if d is not None)
    done = 0
    outcomes = code_documents(docs, options, names, workers=workers, backend=backend)
    try:
        for i, outcome in enumerate(outcomes):
            if progress:
                progress(i, len(doc_ids), "recoding")
            if isinstance(outcome, Failed):
                report.summary.failed.append(outcome.error)
                _tell(on_document, "failed", outcome.path)
            elif isinstance(outcome, Coded) and store.replace_analysis(outcome.analysis, run_id=report.run_id,
                                                                         pipeline_key=key):
                done += 1
                report.events += len(outcome.analysis.events)
                _tell(on_document, "recoded", outcome.analysis.document.doc)
        if progress:
            progress(len(doc_ids), len(doc_ids), "")
    finally:
        outcomes.close()
    return done


def _stamp(source: Source) -> FileStamp | None:
    try:
        st = os.stat(source.path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _tell(fn: DocumentFn | None, what: str, name: str) -> None:
    if fn is not None:
        fn(what, name)


def record_versions(store: Store, stages: Sequence[str]) -> None:
    """Write the rule-set and data versions the stored records were coded with into the store's meta."""
    items = {f"rules.{k}": v for k, v in store.rulesets().items()}
    items.update({f"data.{k}": str(v) for k, v in data_versions().items()})
    items["intensity_table"] = intensity_table()
    items["stages"] = ",".join(stages)
    store.set_meta(items)


def _find_contradictions() -> Callable[..., Iterable[Contradiction]] | None:
    try:
        module = importlib.import_module("dyadscope.resolve.contradictions")
    except ModuleNotFoundError as exc:
        if exc.name == "dyadscope.resolve.contradictions":
            return None
        raise
    fn = getattr(module, "find_contradictions", None)
    return fn if callable(fn) else None


#: events (mentions) handed to the contradiction finder at once, whole stories at a time (bounds memory)
EVENT_CHUNK = 20_000
#: contradictions kept per disagreement (same kind, subject and pair of values); the last notes how many more
MAX_PER_CLAIM = 3
#: fields that say where a fact was found, not what it claims
_WHERE = frozenset({"doc", "doc_id", "sentence", "start", "end", "quote", "rule", "confidence"})


def distinct_claims(facts: Iterable[Fact], keep: int = 1) -> list[Fact]:
    """The first ``keep`` facts of each claim, in order: facts that differ only in where they were found (the
    same figure repeated by many documents) are compared through a few of them, never pairwise by the thousand.
    A fact found twice (under two events of one sentence) counts once."""
    names = [f.name for f in dataclasses.fields(Fact) if f.name not in _WHERE]
    seen: dict[tuple[Any, ...], list[Fact]] = {}
    out: list[Fact] = []
    for fact in facts:
        group = seen.setdefault(tuple(getattr(fact, n) for n in names), [])
        if len(group) < keep and all(f is not fact and f.doc_id != fact.doc_id for f in group):
            group.append(fact)
            out.append(fact)
    return out


def cap_repeats(found: Iterable[Contradiction], limit: int = MAX_PER_CLAIM) -> list[Contradiction]:
    """Drop exact repeats, and keep ``limit`` contradictions per disagreement (kind, subject, the two values):
    a wrong date copied by a thousand documents is one disagreement, not a thousand."""
    kept: dict[tuple[str, ...], list[Contradiction]] = {}
    extra: dict[tuple[str, ...], int] = {}
    seen: set[tuple[str, ...]] = set()
    for c in found:
        exact = (c.kind, c.subject, c.a_doc, c.a_value, c.b_doc, c.b_value)
        if exact in seen:
            continue
        seen.add(exact)
        key = (c.kind, c.subject, *sorted((c.a_value, c.b_value)))
        group = kept.setdefault(key, [])
        if len(group) < limit:
            group.append(c)
        else:
            extra[key] = extra.get(key, 0) + 1
    out = []
    for key, group in kept.items():
        if key in extra:
            last = group[-1]
            group[-1] = dataclasses.replace(last, note=f"{last.note} (and {extra[key]} more like it)".strip())
        out.extend(group)
    return out


def _story_chunks(stories: Iterable[Story], limit: int = EVENT_CHUNK) -> Iterator[list[Story]]:
    chunk: list[Story] = []
    size = 0
    for story in stories:
        if chunk and size + story.num_mentions > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(story)
        size += story.num_mentions
    if chunk:
        yield chunk


def resolve_corpus(store: Store) -> tuple[int, int]:
    """Recompute stories and contradictions from the whole store; returns (stories, contradictions).

    Stories come from :func:`dyadscope.resolve.stories.resolve` over the stored events in date order. When
    ``dyadscope.resolve.contradictions.find_contradictions(facts, stories, events=...)`` is installed, it
    finds the contradictions — between facts once (one fact per distinct claim), then story by story in chunks
    (only stories with two or more sources can disagree; about ``EVENT_CHUNK`` mentions at a time) with the events of those stories and the facts stated
    in their sentences. Without it, the stories' own date conflicts are stored. Repeats are capped
    (:func:`cap_repeats`).
    """
    result = resolve(store.events(happened_only=True), ordered=True)
    n_stories = store.replace_stories(result.stories)
    finder = _find_contradictions()
    found: list[Contradiction] = []
    if finder is None:
        found = list(result.contradictions)
    else:
        facts = store.facts()
        found = list(finder(distinct_claims(facts), []))
        takes_events = "events" in inspect.signature(finder).parameters
        by_sentence: dict[tuple[str, int], list[Fact]] = {}
        for f in facts:
            by_sentence.setdefault((f.doc_id, f.start), []).append(f)
        for chunk in _story_chunks(s for s in result.stories if s.num_sources >= 2):
            if not takes_events:
                found.extend(c for c in finder([], chunk) if c.kind != "fact")
                continue
            events = [e for evs in store.events_of_stories(s.story_id for s in chunk).values() for e in evs]
            # a few facts per distinct claim (one per document): a figure copied by a thousand documents
            # is not compared pairwise a million times
            near = distinct_claims((f for e in events for f in by_sentence.get((e.doc_id, e.start), ())),
                                   keep=MAX_PER_CLAIM)
            found.extend(c for c in finder(near, chunk, events=events) if c.kind != "fact")
    return n_stories, store.replace_contradictions(cap_repeats(found))

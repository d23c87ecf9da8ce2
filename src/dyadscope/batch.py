"""Batches over many files: discover, ingest and analyse, failing soft per document (STYLE 8).

The functions here are library code (no printing); the CLI passes a ``progress`` callback and renders the
:class:`BatchSummary` at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DyadscopeError, IngestError
from .ingest import Skipped, Source, discover, load
from .options import Options
from .pipeline import DEFAULT_STAGES, Analysis, plan, run
from .records import Document

ProgressFn = Callable[[int, int, str], None]  # (done, total, current file name)


@dataclass
class BatchSummary:
    """What a batch did: counts and the named failures, for the closing summary."""

    read: int = 0
    processed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    removed_kinds: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _items(paths: Sequence[Path], options: Options, summary: BatchSummary) -> list[Source]:
    sources: list[Source] = []
    for item in discover(paths, options):
        if isinstance(item, Source):
            sources.append(item)
        elif isinstance(item, Skipped):
            summary.skipped.append(item)
        else:
            summary.failed.append(item)
    return sources


def documents(paths: Sequence[Path], options: Options, summary: BatchSummary,
              progress: ProgressFn | None = None) -> Iterator[Document]:
    """Cleaned documents of every readable file under ``paths``; failures go to ``summary``."""
    sources = _items(paths, options, summary)
    total = len(sources)
    for i, source in enumerate(sources):
        if progress:
            progress(i, total, source.doc)
        summary.read += 1
        try:
            doc = load(source, options)
        except IngestError as exc:
            summary.failed.append(exc)
            continue
        except DyadscopeError as exc:  # a data or usage problem surfaced while loading: keep the batch going
            summary.failed.append(IngestError(source.path, str(exc)))
            continue
        summary.processed += 1
        summary.removed_kinds.update(r.kind for r in doc.removed)
        yield doc
    if progress:
        progress(total, total, "")


def analyses(paths: Sequence[Path], options: Options, summary: BatchSummary,
             stages: Sequence[str] = DEFAULT_STAGES, progress: ProgressFn | None = None) -> Iterator[Analysis]:
    """Every document under ``paths`` run through ``stages`` (planned once)."""
    planned = plan(stages)
    for doc in documents(paths, options, summary, progress):
        yield run(doc, planned, options)

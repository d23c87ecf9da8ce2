"""Coding many documents in parallel, feeding one writer (DESIGN §1: a map over documents).

:func:`code_documents` loads and codes every source and yields one :class:`Outcome` per source, **in the order
the sources came**, so a run is reproducible whatever the number of workers. Work is handed out in a bounded
window (a few tasks per worker), so memory does not grow with the corpus: a slow writer slows the workers
down instead of letting finished analyses pile up.

Backends: ``"process"`` (default; ``workers=1`` runs in this process, more uses a pool of processes) and
``"dask"`` (``pip install 'dyadscope[scale]'``; a local Dask process scheduler, window by window).

Documents whose id is in ``known`` (already stored) are loaded — the id is the hash of the cleaned text, so
only loading can tell — but not coded: they come back as :class:`Known`.
"""

from __future__ import annotations

import importlib
import os
import tempfile
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path

from ..errors import DyadscopeError, IngestError, UsageError
from ..ingest import Source, load
from ..options import Options
from ..pipeline import Analysis, Stage, plan
from ..records import Document


@dataclass(frozen=True, slots=True)
class Coded:
    """A document loaded and run through the stages."""

    analysis: Analysis


@dataclass(frozen=True, slots=True)
class Known:
    """A document whose id was already stored: loaded to learn its id, not coded."""

    doc_id: str
    doc: str
    path: str | None


@dataclass(frozen=True, slots=True)
class Failed:
    """A source that could not be loaded or coded, with the reason.

    Carried as plain fields (exceptions with their own constructors do not survive pickling between
    processes); :attr:`error` rebuilds the typed error.
    """

    error_class: str                  # "module:ClassName" of an IngestError subclass
    path: str
    message: str
    hint: str | None = None

    @classmethod
    def of(cls, exc: IngestError) -> Failed:
        prefix = f"{exc.path}: "
        message = exc.message.removeprefix(prefix)
        return cls(f"{type(exc).__module__}:{type(exc).__qualname__}", exc.path, message, exc.hint)

    @property
    def error(self) -> IngestError:
        module, _, name = self.error_class.partition(":")
        try:
            err_cls = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            err_cls = IngestError
        if not (isinstance(err_cls, type) and issubclass(err_cls, IngestError)):
            err_cls = IngestError
        return err_cls(self.path, self.message, hint=self.hint)


Outcome = Coded | Known | Failed


class StageFailedError(IngestError):
    code = "stage_failed"
    default_hint = "this is a bug in dyadscope: report it with the file; the rest of the batch goes on"


@lru_cache(maxsize=8)
def _planned(stages: tuple[str, ...]) -> tuple[Stage, ...]:
    return plan(stages)


@lru_cache(maxsize=4)
def _known_ids(path: str | None) -> frozenset[str]:
    if path is None:
        return frozenset()
    return frozenset(Path(path).read_text(encoding="ascii").split())


def code_one(source: Source | Document, options: Options, stages: tuple[str, ...], known_file: str | None = None,
             known: frozenset[str] = frozenset()) -> Outcome:
    """Load ``source`` (or take a stored document as it is) and run ``stages`` over it, failing soft.

    Documents whose id is in ``known`` or listed in ``known_file`` (one id a line; read once per process) are
    not coded.
    """
    where = str(source.path) if isinstance(source, Source) else (source.path or source.doc)
    if isinstance(source, Document):
        doc = source
    else:
        try:
            doc = load(source, options)
        except IngestError as exc:
            return Failed.of(exc)
        except DyadscopeError as exc:
            return Failed.of(IngestError(source.path, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a bug in a loader must not stop the batch (STYLE 8)
            return Failed.of(StageFailedError(source.path, f"loading failed: {type(exc).__name__}: {exc}"))
    if doc.doc_id in known or doc.doc_id in _known_ids(known_file):
        return Known(doc.doc_id, doc.doc, doc.path)
    analysis = Analysis(document=doc)
    for st in _planned(stages):
        try:
            analysis = st.func(analysis, options)
        except DyadscopeError as exc:
            return Failed.of(IngestError(where, f"stage {st.name!r}: {exc}"))
        except Exception as exc:  # noqa: BLE001 - a bug in one stage must not stop the batch (STYLE 8)
            return Failed.of(StageFailedError(where, f"stage {st.name!r} failed: {type(exc).__name__}: {exc}"))
    analysis.cache.clear()  # stage caches (spaCy docs) are large and never leave the worker
    return Coded(analysis)


def _alive(pid: int) -> bool:
    """Is the process running (a zombie — dead, not yet reaped — counts as gone)?"""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):  # gone, or the pid now belongs to someone else
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):  # no /proc: trust the signal check
        return True


def _watch_parent(parent: int, interval: float = 1.0) -> None:
    """Worker initializer: exit when the process that started the pool is gone, so a killed build leaves no
    workers behind (they would hold its output pipes open and wait forever for work)."""

    def watch() -> None:
        while _alive(parent):
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="dyadscope-parent-watch", daemon=True).start()


def _window(workers: int) -> int:
    return max(2, 3 * workers)


def code_documents(sources: Iterable[Source | Document], options: Options, stages: Sequence[str],
                   known: Iterable[str] = (), *, workers: int = 1, backend: str = "process"
                   ) -> Generator[Outcome, None, None]:
    """Load and code ``sources`` with ``workers`` processes; one outcome per source, in source order.

    A source may also be a stored :class:`~dyadscope.records.Document` (recoding): it is coded as it is.
    """
    if workers < 1:
        raise UsageError(f"--workers must be at least 1 (got {workers})")
    stage_names = tuple(stages)
    _planned(stage_names)  # a bad stage list fails here, before any work starts
    known_set = frozenset(known)
    if backend == "dask":
        from .dask_backend import code_documents_dask

        yield from code_documents_dask(sources, options, stage_names, known_set, workers=workers,
                                       window=_window(workers))
        return
    if backend != "process":
        raise UsageError(f"unknown backend {backend!r}", hint="use 'process' or 'dask'")
    if workers == 1:
        for source in sources:
            yield code_one(source, options, stage_names, known=known_set)
        return
    with tempfile.TemporaryDirectory(prefix="dyadscope-") as tmp:
        known_file = os.path.join(tmp, "known.txt")
        Path(known_file).write_text("\n".join(sorted(known_set)), encoding="ascii")
        yield from _pooled(sources, options, stage_names, known_file, workers)


def _pooled(sources: Iterable[Source | Document], options: Options, stages: tuple[str, ...], known_file: str,
            workers: int) -> Iterator[Outcome]:
    window = _window(workers)
    pending: deque[Future[Outcome]] = deque()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("forkserver"),
                                 initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
            try:
                for source in sources:
                    pending.append(pool.submit(code_one, source, options, stages, known_file))
                    if len(pending) >= window:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:
                for fut in pending:
                    fut.cancel()
    except BrokenProcessPool as exc:
        raise DyadscopeError("a worker process died (out of memory, or killed)",
                             hint="what was stored so far is kept; re-run build (with fewer --workers) to go on"
                             ) from exc

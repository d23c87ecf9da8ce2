"""What the web app knows besides the store: where it is, which dyad it shows, and results worth keeping.

A :class:`Site` opens the store **read-only for each request** and closes it at once, so a ``build`` can write
the file between requests (DuckDB lets one writer or several readers open a file, never both: while a build
writes, pages answer 503 and say so). Results that need the whole store — the report's context, the map of
event ids to their documents and stories — are kept in a :class:`Snapshots` cache until the store file
changes (its size or modification time, or those of its write-ahead log). Nothing here imports FastAPI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

from ...analyze.stages import DetectedStages
from ...records import Story
from ...store import Store, open_store
from ..context import ReportContext, build_context
from .events import EventLocation, event_index
from .stories import detected_stages

__all__ = ["Site", "Snapshots"]

T = TypeVar("T")
Stamp = tuple[tuple[int, int] | None, ...]


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class Snapshots:
    """Values computed from a store file, dropped as soon as the file (or its WAL) changes. Thread-safe."""

    def __init__(self, path: Path) -> None:
        self._files = (path, path.with_name(path.name + ".wal"))
        self._lock = threading.Lock()
        self._stamp: Stamp | None = None
        self._values: dict[str, Any] = {}

    def stamp(self) -> Stamp:
        return tuple(_stat(p) for p in self._files)

    def peek(self, key: str) -> Any:
        """The value kept under ``key`` for the file as it is now, or None."""
        stamp = self.stamp()
        with self._lock:
            return self._values.get(key) if stamp == self._stamp else None

    def get(self, key: str, compute: Callable[[], T]) -> T:
        """The value kept under ``key`` for the file as it is now, computed (once per change) when missing."""
        stamp = self.stamp()
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._values = stamp, {}
            if key in self._values:
                return cast(T, self._values[key])
        value = compute()
        with self._lock:
            if self._stamp == stamp:
                self._values[key] = value
        return value


class Site:
    """The store a server shows, the dyad of its report and analyses, and the cache over it."""

    def __init__(self, db: str | Path, *, dyad: tuple[str, str] = ("AZE", "RUS"), title: str | None = None) -> None:
        self.db = Path(db)
        self.dyad = dyad
        self.title = title
        self.snapshots = Snapshots(self.db)

    def open(self) -> Store:
        """The store, opened read-only (StoreError when it is missing, not a store, or being written)."""
        return open_store(self.db, read_only=True)

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = self.open()
        try:
            yield store
        finally:
            store.close()

    def report(self, store: Store) -> ReportContext:
        """The report's context of the store as it is now (kept until the store changes)."""
        return self.snapshots.get("report", lambda: build_context(store, dyad=self.dyad, title=self.title))

    def stages(self, store: Store) -> DetectedStages:
        """The stages detected from the relationship index: the report's when it is built, else computed alone
        (the same function on the same events, so the same result)."""
        report = self.snapshots.peek("report")
        if isinstance(report, ReportContext):
            return report.stages
        return self.snapshots.get("stages", lambda: detected_stages(list(store.events()), self.stories(store),
                                                                      self.dyad))

    def stories(self, store: Store) -> list[Story]:
        """Every story of the store (kept until the store changes)."""
        return self.snapshots.get("stories", store.stories)

    def locate(self, store: Store, event_id: str) -> EventLocation | None:
        """The document and story of an event id, or None when no stored event has it. The first call after
        the store changed reads every event once."""
        index = self.snapshots.get("event-index", lambda: event_index(store, stories=self.stories(store)))
        return index.get(event_id)

    def stories_by_event(self, store: Store) -> dict[str, Story]:
        """Event id → the story it belongs to (for the NumMentions/NumSources columns of exports)."""
        return self.snapshots.get("stories-by-event",
                                  lambda: {eid: s for s in self.stories(store) for eid in s.event_ids})

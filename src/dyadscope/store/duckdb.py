"""The DuckDB store: one file, one writing process (see :mod:`dyadscope.store.base` for the contract)."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import StoreError
from ..pipeline import Analysis
from ..records import (
    HAPPENED,
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
from ..resolve.intervals import interval
from . import codec
from .base import DocumentInfo, DyadArg, FileStamp, KnownFile, Run, Store, source_key
from .connection import Database, connect
from .filters import EVENT_ORDER, current, event_where
from .migrations import MIGRATIONS, SCHEMA_VERSION, migrate, pending

_DERIVED_TABLES = ("sentences", "timexes", "mentions", "events", "periods", "facts")
_CHUNK = 2000


def _now(timespec: str = "seconds") -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec=timespec)


class DuckDBStore(Store):
    """A store in one DuckDB file. ``read_only`` opens share the file with other readers, never a writer."""

    def __init__(self, path: str | Path, *, read_only: bool = False, memory_limit: str = "512MB",
                 threads: int | None = None) -> None:
        self._path = str(path)
        self._read_only = read_only
        self._db = Database(connect(self._path, read_only=read_only, memory_limit=memory_limit, threads=threads),
                            self._path)
        self._closed = False
        try:
            todo = pending(self._db.con)
            if todo and read_only:
                raise StoreError(
                    f"the store {self._path} has schema version {SCHEMA_VERSION - len(todo)}, older than this "
                    f"dyadscope's {SCHEMA_VERSION}",
                    hint=f"migrate it by opening it for writing once: dyadscope build --db {self._path}")
            if todo:
                migrate(self._db.con)
                self.set_meta({"schema_version": str(SCHEMA_VERSION)})
            self._db.load_columns()
        except BaseException:
            self.close()
            raise

    def _writable(self) -> None:
        if self._read_only:
            raise StoreError(f"the store {self._path} is open read-only", hint="open it with read_only=False")

    # --- lifecycle -------------------------------------------------------------------------------------
    def close(self) -> None:
        if not getattr(self, "_closed", True):
            self._db.close()
            self._closed = True

    @property
    def location(self) -> str:
        return self._path

    def schema_version(self) -> int:
        return int(self._db.one("SELECT count(*) FROM migrations"))

    def meta(self) -> dict[str, str]:
        out = {str(k): str(v) for k, v in self._db.con.execute("SELECT key, value FROM meta ORDER BY key").fetchall()}
        out["schema_version"] = str(self.schema_version())
        return out

    def set_meta(self, items: Mapping[str, str]) -> None:
        self._writable()
        with self._db.transaction("cannot write meta") as con:
            for key, value in items.items():
                con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, str(value)])

    # --- documents -------------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self._db.one("SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]))

    def document_ids(self) -> frozenset[str]:
        return frozenset(r[0] for r in self._db.con.execute("SELECT doc_id FROM documents").fetchall())

    def add_analysis(self, analysis: Analysis, *, run_id: str | None = None, pipeline_key: str = "",
                     stamp: FileStamp | None = None) -> bool:
        return self.add_analyses([analysis], run_id=run_id, pipeline_key=pipeline_key, stamps=[stamp])[0]

    def add_analyses(self, analyses: Sequence[Analysis], *, run_id: str | None = None, pipeline_key: str = "",
                     stamps: Sequence[FileStamp | None] | None = None) -> list[bool]:
        self._writable()
        if not analyses:
            return []
        stamps = list(stamps) if stamps is not None else [None] * len(analyses)
        names = ", ".join(a.document.doc for a in analyses[:3]) + (" …" if len(analyses) > 3 else "")
        with self._db.transaction(f"could not store {names}",
                                  hint="nothing of these documents was written; re-run build to retry them") as con:
            wanted = list(dict.fromkeys(a.document.doc_id for a in analyses))
            stored = self._stored_ids(wanted)
            added: list[bool] = []
            docs: list[dict[str, Any]] = []
            new: list[Analysis] = []
            seq = int(self._db.one("SELECT coalesce(max(seq), 0) FROM documents"))
            for analysis, stamp in zip(analyses, stamps, strict=True):
                doc = analysis.document
                if doc.doc_id in stored:
                    added.append(False)
                    continue
                stored.add(doc.doc_id)
                seq += 1
                docs.append(self._db.encode(
                    doc, "documents", seq=seq, source_key=source_key(doc.path), run_id=run_id,
                    pipeline_key=pipeline_key, added=_now(), superseded_by=None,
                    file_size=stamp[0] if stamp else None, file_mtime_ns=stamp[1] if stamp else None))
                new.append(analysis)
                added.append(True)
            self._db.insert("documents", docs)
            self._insert_derived(new)
            for row in docs:
                if row["source_key"] is not None:
                    con.execute("UPDATE documents SET superseded_by = ? WHERE source_key = ? AND doc_id <> ? "
                                "AND superseded_by IS NULL", [row["doc_id"], row["source_key"], row["doc_id"]])
        return added

    def _stored_ids(self, doc_ids: list[str]) -> set[str]:
        view = "_wanted_docs"
        self._db.con.register(view, pa.table({"doc_id": pa.array(doc_ids, type=pa.string())}))
        try:
            return {r[0] for r in self._db.con.execute(
                f"SELECT d.doc_id FROM documents d JOIN {view} w USING (doc_id)").fetchall()}
        finally:
            self._db.con.unregister(view)

    def _insert_derived(self, analyses: Sequence[Analysis]) -> None:
        db = self._db
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in _DERIVED_TABLES}
        for a in analyses:
            doc = a.document
            rows["sentences"] += [self._sentence_row(doc, s) for s in a.sentences]
            rows["timexes"] += [db.encode(t, "timexes", seq=i) for i, t in enumerate(a.timexes)]
            rows["mentions"] += [db.encode(m, "mentions", seq=i) for i, m in enumerate(a.mentions)]
            rows["events"] += [self._event_row(e, i) for i, e in enumerate(codec.with_unique_ids(a.events))]
            rows["periods"] += [db.encode(p, "periods", seq=i) for i, p in enumerate(a.periods)]
            rows["facts"] += [db.encode(f, "facts", seq=i) for i, f in enumerate(a.facts)]
        for table in _DERIVED_TABLES:
            db.insert(table, rows[table])

    def _sentence_row(self, doc: Document, s: Sentence) -> dict[str, Any]:
        row = self._db.encode(s, "sentences")
        if s.text == doc.text[s.start:s.end]:
            row["text"] = None  # not stored twice: read back from the document's text
        return row

    def _event_row(self, e: Event, seq: int) -> dict[str, Any]:
        iv = interval(e.date_start, e.date_precision)
        return self._db.encode(e, "events", seq=seq, start_lo=iv[0] if iv else None,
                               start_hi=iv[1] if iv else None)

    def replace_analysis(self, analysis: Analysis, *, run_id: str | None = None, pipeline_key: str = "") -> bool:
        self._writable()
        doc = analysis.document
        with self._db.transaction(f"could not recode {doc.doc}", hint="the document keeps its earlier records; "
                                  "re-run build --recode to retry") as con:
            if not self.has_document(doc.doc_id):
                return False
            for table in _DERIVED_TABLES:
                con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc.doc_id])
            self._insert_derived([analysis])
            con.execute("UPDATE documents SET pipeline_key = ?, run_id = ? WHERE doc_id = ?",
                        [pipeline_key, run_id, doc.doc_id])
        return True

    def stale_documents(self, pipeline_key: str) -> list[str]:
        return [r[0] for r in self._db.con.execute(
            "SELECT doc_id FROM documents WHERE superseded_by IS NULL AND pipeline_key IS DISTINCT FROM ? "
            "ORDER BY seq", [pipeline_key]).fetchall()]

    def known_files(self) -> dict[str, KnownFile]:
        out = {}
        for key, doc_id, doc, size, mtime, pkey in self._db.con.execute(
                "SELECT source_key, doc_id, doc, file_size, file_mtime_ns, pipeline_key FROM documents "
                "WHERE superseded_by IS NULL AND source_key IS NOT NULL ORDER BY seq").fetchall():
            out[key] = KnownFile(doc_id, doc, (size, mtime) if size is not None and mtime is not None else None,
                                 pkey or "")
        return out

    def mark_current(self, doc_id: str, path: str | None, stamp: FileStamp | None = None) -> bool:
        self._writable()
        key = source_key(path)
        if key is None:
            return False
        changed = self._db.one("SELECT count(*) FROM documents WHERE (source_key = ? AND doc_id <> ? AND "
                               "superseded_by IS NULL) OR (doc_id = ? AND superseded_by IS NOT NULL)",
                               [key, doc_id, doc_id])
        restamp = stamp is not None and self._db.one(
            "SELECT count(*) FROM documents WHERE doc_id = ? AND source_key = ? AND (file_size IS DISTINCT FROM ? "
            "OR file_mtime_ns IS DISTINCT FROM ?)", [doc_id, key, stamp[0], stamp[1]])
        if not changed and not restamp:
            return False
        with self._db.transaction(f"could not update {path}") as con:
            if changed:
                con.execute("UPDATE documents SET superseded_by = NULL WHERE doc_id = ?", [doc_id])
                con.execute("UPDATE documents SET superseded_by = ? WHERE source_key = ? AND doc_id <> ?",
                            [doc_id, key, doc_id])
            if restamp and stamp is not None:
                con.execute("UPDATE documents SET file_size = ?, file_mtime_ns = ? WHERE doc_id = ? "
                            "AND source_key = ?", [stamp[0], stamp[1], doc_id, key])
        return True

    def documents(self, *, current_only: bool = True) -> Iterator[Document]:
        where = "superseded_by IS NULL" if current_only else "TRUE"
        yield from self._db.records(Document, "documents", f"SELECT * FROM documents WHERE {where} ORDER BY seq",
                                    stream=True)

    def document_infos(self, *, current_only: bool = True) -> list[DocumentInfo]:
        where = "d.superseded_by IS NULL" if current_only else "TRUE"
        sql = f"""
            SELECT d.doc_id, d.doc, d.title, d.outlet, d.published, d.url, d.path, d.language, d.added,
                   d.superseded_by,
                   (SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id) AS n_sentences,
                   (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS n_events
            FROM documents d WHERE {where} ORDER BY d.seq"""
        return [DocumentInfo(**row) for row in self._db.rows(sql)]

    def document(self, doc_id: str) -> Document | None:
        found = list(self._db.records(Document, "documents", "SELECT * FROM documents WHERE doc_id = ?", [doc_id]))
        return found[0] if found else None

    def sentences(self, doc_id: str) -> list[Sentence]:
        text = self._db.one("SELECT text FROM documents WHERE doc_id = ?", [doc_id]) or ""
        cols = self._db.columns["sentences"]
        out = []
        for row in self._db.rows('SELECT * FROM sentences WHERE doc_id = ? ORDER BY "index"', [doc_id]):
            if row["text"] is None:
                row["text"] = text[row["start"]:row["end"]]
            out.append(codec.decode(Sentence, row, cols))
        return out

    def timexes(self, doc_id: str | None = None) -> list[Timex]:
        where, params = ("doc_id = ?", [doc_id]) if doc_id else (current("t", True), [])
        return list(self._db.records(Timex, "timexes",
                                     f"SELECT * FROM timexes t WHERE {where} ORDER BY doc_id, seq", params))

    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        where, params = ("doc_id = ?", [doc_id]) if doc_id else (current("m", True), [])
        return list(self._db.records(Mention, "mentions",
                                     f"SELECT * FROM mentions m WHERE {where} ORDER BY doc_id, seq", params))

    # --- events, periods, facts ------------------------------------------------------------------------
    def events(self, dyad: DyadArg = None, since: str | None = None, until: str | None = None,
               issue: str | None = None, happened_only: bool = True, *, doc_id: str | None = None,
               current_only: bool = True) -> Iterator[Event]:
        where, params = event_where(dyad, since, until, issue, happened_only, doc_id, current_only)
        yield from self._db.records(Event, "events", f"SELECT e.* FROM events e WHERE {where} {EVENT_ORDER}",
                                    params, stream=True)

    def count_events(self, dyad: DyadArg = None, since: str | None = None, until: str | None = None,
                     issue: str | None = None, happened_only: bool = True) -> int:
        where, params = event_where(dyad, since, until, issue, happened_only)
        return int(self._db.one(f"SELECT count(*) FROM events e WHERE {where}", params))

    def events_with_stories(self, dyad: DyadArg = None, since: str | None = None, until: str | None = None,
                            issue: str | None = None, happened_only: bool = True
                            ) -> Iterator[tuple[Event, Story | None]]:
        stories = {s.story_id: s for s in self.stories()}
        where, params = event_where(dyad, since, until, issue, happened_only)
        sql = (f"SELECT e.*, se.story_id AS _story FROM events e LEFT JOIN story_events se "
               f"ON se.event_id = e.event_id WHERE {where} {EVENT_ORDER}")
        cols = self._db.columns["events"]
        for row in self._db.rows(sql, params, stream=True):
            story_id = row.pop("_story")
            yield codec.decode(Event, row, cols), stories.get(story_id) if story_id else None

    def periods(self, *, doc_id: str | None = None, current_only: bool = True) -> list[Period]:
        where, params = ("p.doc_id = ?", [doc_id]) if doc_id else (current("p", current_only), [])
        return list(self._db.records(Period, "periods",
                                     f"SELECT p.* FROM periods p WHERE {where} ORDER BY p.doc_id, p.seq", params))

    def facts(self, *, doc_id: str | None = None, current_only: bool = True) -> list[Fact]:
        where, params = ("f.doc_id = ?", [doc_id]) if doc_id else (current("f", current_only), [])
        return list(self._db.records(Fact, "facts",
                                     f"SELECT f.* FROM facts f WHERE {where} ORDER BY f.doc_id, f.seq", params))

    # --- stories and contradictions --------------------------------------------------------------------
    def _story_list(self, where: str, params: list[Any]) -> list[Story]:
        links: dict[str, list[str]] = {}
        for sid, eid in self._db.con.execute(
                f"SELECT se.story_id, se.event_id FROM story_events se JOIN stories s USING (story_id) "
                f"WHERE {where} ORDER BY se.story_id, se.position", params).fetchall():
            links.setdefault(sid, []).append(eid)
        cols = {**self._db.columns["stories"], "event_ids": "VARCHAR[]"}
        out = []
        for row in self._db.rows(f"SELECT s.* FROM stories s WHERE {where} ORDER BY s.seq", params):
            row["event_ids"] = links.get(row["story_id"], [])
            out.append(codec.decode(Story, row, cols))
        return out

    def stories(self) -> list[Story]:
        return self._story_list("TRUE", [])

    def story(self, story_id: str) -> Story | None:
        found = self._story_list("s.story_id = ?", [story_id])
        return found[0] if found else None

    def story_events(self, story_id: str) -> list[Event]:
        sql = ("SELECT e.* FROM story_events se JOIN events e ON e.event_id = se.event_id "
               "WHERE se.story_id = ? ORDER BY se.position")
        return list(self._db.records(Event, "events", sql, [story_id]))

    def events_of_stories(self, story_ids: Iterable[str]) -> dict[str, list[Event]]:
        ids = list(dict.fromkeys(story_ids))
        out: dict[str, list[Event]] = {i: [] for i in ids}
        if not ids:
            return out
        cols = self._db.columns["events"]
        view = "_wanted_stories"
        self._db.con.register(view, pa.table({"story_id": pa.array(ids, type=pa.string())}))
        try:
            rows = list(self._db.rows(
                f"SELECT se.story_id AS _story, e.* FROM {view} w JOIN story_events se USING (story_id) "
                "JOIN events e ON e.event_id = se.event_id ORDER BY se.story_id, se.position"))
        finally:
            self._db.con.unregister(view)
        for row in rows:
            out[row.pop("_story")].append(codec.decode(Event, row, cols))
        return out

    def replace_stories(self, stories: Iterable[Story]) -> int:
        self._writable()
        n = 0
        with self._db.transaction("could not write stories",
                                  hint="the previous stories are kept; re-run build to retry") as con:
            con.execute("DELETE FROM story_events")
            con.execute("DELETE FROM stories")
            batch: list[Story] = []
            for story in stories:
                batch.append(story)
                if len(batch) >= _CHUNK:
                    n = self._insert_stories(batch, n)
                    batch = []
            n = self._insert_stories(batch, n)
        return n

    def _insert_stories(self, batch: list[Story], n: int) -> int:
        cols = {**self._db.columns["stories"], "event_ids": "VARCHAR[]"}
        rows, links = [], []
        for i, s in enumerate(batch, start=n):
            row = codec.encode(s, cols)
            row.pop("event_ids")
            row["seq"] = i
            rows.append(row)
            links += [{"story_id": s.story_id, "event_id": e, "position": j} for j, e in enumerate(s.event_ids)]
        self._db.insert("stories", rows)
        self._db.insert("story_events", links)
        return n + len(batch)

    def contradictions(self) -> list[Contradiction]:
        return list(self._db.records(Contradiction, "contradictions", "SELECT * FROM contradictions ORDER BY seq"))

    def replace_contradictions(self, contradictions: Iterable[Contradiction]) -> int:
        self._writable()
        with self._db.transaction("could not write contradictions") as con:
            con.execute("DELETE FROM contradictions")
            rows = [self._db.encode(c, "contradictions", seq=i) for i, c in enumerate(contradictions)]
            self._db.insert("contradictions", rows)
        return len(rows)

    # --- runs and statistics ---------------------------------------------------------------------------
    def begin_run(self, paths: Iterable[str], stages: Iterable[str]) -> str:
        self._writable()
        run_id = uuid.uuid4().hex[:12]
        self._db.con.execute("INSERT INTO runs VALUES (?, ?, NULL, 'running', ?, ?, '{}')",
                             [run_id, _now("microseconds"), list(paths), list(stages)])
        return run_id

    def end_run(self, run_id: str, counts: Mapping[str, int], status: str = "done") -> None:
        self._writable()
        self._db.con.execute("UPDATE runs SET finished = ?, status = ?, counts = ? WHERE run_id = ?",
                             [_now(), status, json.dumps(dict(counts)), run_id])

    def runs(self) -> list[Run]:
        out = []
        for row in self._db.rows("SELECT * FROM runs ORDER BY started, run_id"):
            out.append(Run(run_id=row["run_id"], started=row["started"], finished=row["finished"],
                           status=row["status"], paths=tuple(row["paths"] or ()), stages=tuple(row["stages"] or ()),
                           counts={k: int(v) for k, v in json.loads(row["counts"] or "{}").items()}))
        return out

    def rulesets(self) -> dict[str, str]:
        parts = " UNION ".join(f"SELECT DISTINCT split_part(rule, ':', 1) AS r FROM {t} WHERE rule <> ''"
                               for t in ("timexes", "mentions", "events", "periods", "facts"))
        found: dict[str, set[str]] = {}
        for (prefix,) in self._db.con.execute(parts).fetchall():
            m = re.match(r"^(.*)\.(v\d+)$", prefix or "")
            if m:
                found.setdefault(m.group(1), set()).add(m.group(2))
        return {k: ",".join(sorted(v, key=lambda s: int(s[1:]))) for k, v in sorted(found.items())}

    def stats(self) -> dict[str, int]:
        one = self._db.one
        out: dict[str, int] = {}
        out["documents"] = int(one("SELECT count(*) FROM documents WHERE superseded_by IS NULL"))
        out["superseded"] = int(one("SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL"))
        for table in (*_DERIVED_TABLES, "stories", "story_events", "contradictions", "runs"):
            out[table] = int(one(f"SELECT count(*) FROM {table}"))
        out["happened_events"] = int(one(
            "SELECT count(*) FROM events WHERE modality IN (" + ", ".join("?" for _ in HAPPENED) + ")",
            sorted(HAPPENED)))
        out["schema_version"] = self.schema_version()
        return out


__all__ = ["MIGRATIONS", "DuckDBStore"]

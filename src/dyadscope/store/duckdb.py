"""The DuckDB store: one file, one writing process (see :mod:`dyadscope.store.base` for the contract)."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from ..errors import StoreError, UsageError
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
from .base import DocumentInfo, DyadArg, FileStamp, KnownFile, Run, Store, parse_dyad, source_key
from .migrations import MIGRATIONS, SCHEMA_VERSION, migrate, pending

R = TypeVar("R")

_ARROW = {
    "VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "VARCHAR[]": pa.list_(pa.string()),
}
_DERIVED_TABLES = ("sentences", "timexes", "mentions", "events", "periods", "facts")
_CHUNK = 2000


def _now(timespec: str = "seconds") -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec=timespec)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _in_use_message(exc: Exception) -> str:
    pid = re.search(r"PID (\d+)", str(exc))
    return f" (process {pid.group(1)})" if pid else ""


class DuckDBStore(Store):
    """A store in one DuckDB file. ``read_only`` opens share the file with other readers, never a writer."""

    def __init__(self, path: str | Path, *, read_only: bool = False, memory_limit: str = "512MB",
                 threads: int | None = None) -> None:
        self._path = str(path)
        self._read_only = read_only
        if read_only and not Path(self._path).exists():
            raise StoreError(f"there is no store at {self._path}",
                             hint=f"build one first: dyadscope build PATH... --db {self._path}")
        if not read_only:
            Path(self._path).parent.mkdir(parents=True, exist_ok=True)
        config: dict[str, Any] = {"memory_limit": memory_limit}
        if threads:
            config["threads"] = threads
        try:
            self._con = duckdb.connect(self._path, read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(f"the store {self._path} is in use by another process{_in_use_message(exc)}",
                                 hint="wait for it to finish, or use another --db") from exc
            raise StoreError(f"cannot open the store {self._path}: {exc}",
                             hint="check the path and that the file is a dyadscope DuckDB store") from exc
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store {self._path}: {exc}",
                             hint="check that the file is a dyadscope DuckDB store, or use another --db") from exc
        self._closed = False
        try:
            todo = pending(self._con)
            if todo and read_only:
                raise StoreError(
                    f"the store {self._path} has schema version {SCHEMA_VERSION - len(todo)}, older than this "
                    f"dyadscope's {SCHEMA_VERSION}",
                    hint=f"migrate it by opening it for writing once: dyadscope build --db {self._path}")
            if todo:
                migrate(self._con)
                self.set_meta({"schema_version": str(SCHEMA_VERSION)})
            self._cols = self._columns()
        except BaseException:
            self.close()
            raise

    # --- plumbing --------------------------------------------------------------------------------------
    def _columns(self) -> dict[str, dict[str, str]]:
        rows = self._con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position").fetchall()
        out: dict[str, dict[str, str]] = {}
        for table, column, dtype in rows:
            out.setdefault(table, {})[column] = dtype
        return out

    def _insert(self, con: Any, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        cols = self._cols[table]
        names = [c for c in cols if c in rows[0]]
        data = pa.table({c: pa.array([r.get(c) for r in rows], type=_ARROW.get(cols[c], pa.string()))
                         for c in names})
        view = f"_in_{table}"
        con.register(view, data)
        try:
            col_sql = ", ".join(_q(c) for c in names)
            con.execute(f"INSERT INTO {_q(table)} ({col_sql}) SELECT {col_sql} FROM {view}")
        finally:
            con.unregister(view)

    def _rows(self, sql: str, params: list[Any] | None = None, *, stream: bool = False) -> Iterator[dict[str, Any]]:
        cur = self._con.cursor() if stream else self._con
        try:
            result = cur.execute(sql, params or [])
            names = [d[0] for d in result.description]
            while True:
                batch = result.fetchmany(_CHUNK)
                if not batch:
                    break
                for row in batch:
                    yield dict(zip(names, row))
        finally:
            if stream:
                cur.close()

    def _records(self, cls: type[R], table: str, sql: str, params: list[Any] | None = None,
                 *, stream: bool = False) -> Iterator[R]:
        cols = self._cols[table]
        for row in self._rows(sql, params, stream=stream):
            yield codec.decode(cls, row, cols)

    def _encode(self, record: Any, table: str, **extra: Any) -> dict[str, Any]:
        row = codec.encode(record, self._cols[table])
        row.update(extra)
        return row

    def _writable(self) -> None:
        if self._read_only:
            raise StoreError(f"the store {self._path} is open read-only", hint="open it with read_only=False")

    def _one(self, sql: str, params: list[Any] | None = None) -> Any:
        rows = self._con.execute(sql, params or []).fetchall()
        return rows[0][0] if rows else None

    # --- lifecycle -------------------------------------------------------------------------------------
    def close(self) -> None:
        if not getattr(self, "_closed", True):
            self._con.close()
            self._closed = True

    @property
    def location(self) -> str:
        return self._path

    def schema_version(self) -> int:
        return int(self._one("SELECT count(*) FROM migrations"))

    def meta(self) -> dict[str, str]:
        out = {str(k): str(v) for k, v in self._con.execute("SELECT key, value FROM meta ORDER BY key").fetchall()}
        out["schema_version"] = str(self.schema_version())
        return out

    def set_meta(self, items: Mapping[str, str]) -> None:
        self._writable()
        self._con.begin()
        try:
            for key, value in items.items():
                self._con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, str(value)])
            self._con.commit()
        except duckdb.Error as exc:
            self._con.rollback()
            raise StoreError(f"cannot write meta to {self._path}: {exc}") from exc

    # --- documents -------------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self._one("SELECT count(*) FROM documents WHERE doc_id = ?", [doc_id]))

    def document_ids(self) -> frozenset[str]:
        return frozenset(r[0] for r in self._con.execute("SELECT doc_id FROM documents").fetchall())

    def add_analysis(self, analysis: Analysis, *, run_id: str | None = None, pipeline_key: str = "",
                     stamp: FileStamp | None = None) -> bool:
        self._writable()
        doc = analysis.document
        con = self._con
        con.begin()
        try:
            if self._one("SELECT count(*) FROM documents WHERE doc_id = ?", [doc.doc_id]):
                con.rollback()
                return False
            seq = int(self._one("SELECT coalesce(max(seq), 0) + 1 FROM documents"))
            key = source_key(doc.path)
            self._insert(con, "documents", [self._encode(
                doc, "documents", seq=seq, source_key=key, run_id=run_id, pipeline_key=pipeline_key,
                added=_now(), superseded_by=None, file_size=stamp[0] if stamp else None,
                file_mtime_ns=stamp[1] if stamp else None)])
            self._insert_derived(con, analysis)
            if key is not None:
                con.execute("UPDATE documents SET superseded_by = ? WHERE source_key = ? AND doc_id <> ? "
                            "AND superseded_by IS NULL", [doc.doc_id, key, doc.doc_id])
            con.commit()
        except (duckdb.Error, pa.ArrowException, OverflowError) as exc:
            con.rollback()
            raise StoreError(f"could not store {doc.doc} in {self._path}: {exc}",
                             hint="nothing of this document was written; re-run build to retry it") from exc
        except BaseException:
            con.rollback()
            raise
        return True

    def _insert_derived(self, con: Any, analysis: Analysis) -> None:
        doc = analysis.document
        self._insert(con, "sentences", [self._sentence_row(doc, s) for s in analysis.sentences])
        self._insert(con, "timexes", [self._encode(t, "timexes", seq=i) for i, t in enumerate(analysis.timexes)])
        self._insert(con, "mentions", [self._encode(m, "mentions", seq=i) for i, m in enumerate(analysis.mentions)])
        self._insert(con, "events", [self._event_row(e, i) for i, e in enumerate(_unique_ids(analysis.events))])
        self._insert(con, "periods", [self._encode(p, "periods", seq=i) for i, p in enumerate(analysis.periods)])
        self._insert(con, "facts", [self._encode(f, "facts", seq=i) for i, f in enumerate(analysis.facts)])

    def replace_analysis(self, analysis: Analysis, *, run_id: str | None = None, pipeline_key: str = "") -> bool:
        self._writable()
        doc = analysis.document
        con = self._con
        con.begin()
        try:
            if not self._one("SELECT count(*) FROM documents WHERE doc_id = ?", [doc.doc_id]):
                con.rollback()
                return False
            for table in _DERIVED_TABLES:
                con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc.doc_id])
            self._insert_derived(con, analysis)
            con.execute("UPDATE documents SET pipeline_key = ?, run_id = ? WHERE doc_id = ?",
                        [pipeline_key, run_id, doc.doc_id])
            con.commit()
        except (duckdb.Error, pa.ArrowException, OverflowError) as exc:
            con.rollback()
            raise StoreError(f"could not recode {doc.doc} in {self._path}: {exc}",
                             hint="the document keeps its earlier records; re-run build --recode to retry") from exc
        except BaseException:
            con.rollback()
            raise
        return True

    def stale_documents(self, pipeline_key: str) -> list[str]:
        return [r[0] for r in self._con.execute(
            "SELECT doc_id FROM documents WHERE superseded_by IS NULL AND pipeline_key IS DISTINCT FROM ? "
            "ORDER BY seq", [pipeline_key]).fetchall()]

    def known_files(self) -> dict[str, KnownFile]:
        out = {}
        for key, doc_id, doc, size, mtime, pkey in self._con.execute(
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
        changed = self._one("SELECT count(*) FROM documents WHERE (source_key = ? AND doc_id <> ? AND "
                            "superseded_by IS NULL) OR (doc_id = ? AND superseded_by IS NOT NULL)",
                            [key, doc_id, doc_id])
        restamp = stamp is not None and self._one(
            "SELECT count(*) FROM documents WHERE doc_id = ? AND source_key = ? AND (file_size IS DISTINCT FROM ? "
            "OR file_mtime_ns IS DISTINCT FROM ?)", [doc_id, key, stamp[0], stamp[1]])
        if not changed and not restamp:
            return False
        self._con.begin()
        try:
            if changed:
                self._con.execute("UPDATE documents SET superseded_by = NULL WHERE doc_id = ?", [doc_id])
                self._con.execute("UPDATE documents SET superseded_by = ? WHERE source_key = ? AND doc_id <> ?",
                                  [doc_id, key, doc_id])
            if restamp and stamp is not None:
                self._con.execute("UPDATE documents SET file_size = ?, file_mtime_ns = ? WHERE doc_id = ? "
                                  "AND source_key = ?", [stamp[0], stamp[1], doc_id, key])
            self._con.commit()
        except duckdb.Error as exc:
            self._con.rollback()
            raise StoreError(f"could not update {path} in {self._path}: {exc}") from exc
        return True

    def _sentence_row(self, doc: Document, s: Sentence) -> dict[str, Any]:
        row = self._encode(s, "sentences")
        if s.text == doc.text[s.start:s.end]:
            row["text"] = None
        return row

    def _event_row(self, e: Event, seq: int) -> dict[str, Any]:
        iv = interval(e.date_start, e.date_precision)
        return self._encode(e, "events", seq=seq, start_lo=iv[0] if iv else None, start_hi=iv[1] if iv else None)

    def _current(self, alias: str, current_only: bool) -> str:
        if not current_only:
            return "TRUE"
        return f"{alias}.doc_id IN (SELECT doc_id FROM documents WHERE superseded_by IS NULL)"

    def documents(self, *, current_only: bool = True) -> Iterator[Document]:
        where = "superseded_by IS NULL" if current_only else "TRUE"
        yield from self._records(Document, "documents", f"SELECT * FROM documents WHERE {where} ORDER BY seq",
                                 stream=True)

    def document_infos(self, *, current_only: bool = True) -> list[DocumentInfo]:
        where = "d.superseded_by IS NULL" if current_only else "TRUE"
        sql = f"""
            SELECT d.doc_id, d.doc, d.title, d.outlet, d.published, d.url, d.path, d.language, d.added,
                   d.superseded_by,
                   (SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id) AS n_sentences,
                   (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS n_events
            FROM documents d WHERE {where} ORDER BY d.seq"""
        return [DocumentInfo(**row) for row in self._rows(sql)]

    def document(self, doc_id: str) -> Document | None:
        found = list(self._records(Document, "documents", "SELECT * FROM documents WHERE doc_id = ?", [doc_id]))
        return found[0] if found else None

    def sentences(self, doc_id: str) -> list[Sentence]:
        text = self._one("SELECT text FROM documents WHERE doc_id = ?", [doc_id]) or ""
        cols = self._cols["sentences"]
        out = []
        for row in self._rows('SELECT * FROM sentences WHERE doc_id = ? ORDER BY "index"', [doc_id]):
            if row["text"] is None:
                row["text"] = text[row["start"]:row["end"]]
            out.append(codec.decode(Sentence, row, cols))
        return out

    def timexes(self, doc_id: str | None = None) -> list[Timex]:
        where, params = ("doc_id = ?", [doc_id]) if doc_id else (self._current("t", True), [])
        return list(self._records(Timex, "timexes", f"SELECT * FROM timexes t WHERE {where} ORDER BY doc_id, seq",
                                  params))

    def mentions(self, doc_id: str | None = None) -> list[Mention]:
        where, params = ("doc_id = ?", [doc_id]) if doc_id else (self._current("m", True), [])
        return list(self._records(Mention, "mentions",
                                  f"SELECT * FROM mentions m WHERE {where} ORDER BY doc_id, seq", params))

    # --- events ----------------------------------------------------------------------------------------
    def _event_where(self, dyad: DyadArg, since: str | None, until: str | None, issue: str | None,
                     happened_only: bool, doc_id: str | None, current_only: bool) -> tuple[str, list[Any]]:
        clauses = [self._current("e", current_only)]
        params: list[Any] = []
        pair = parse_dyad(dyad)
        if pair:
            clauses.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
            params += [pair[0], pair[1], pair[1], pair[0]]
        if since:
            clauses.append("e.start_hi >= ?")
            params.append(_bound(since, "--since")[0])
        if until:
            clauses.append("e.start_lo <= ?")
            params.append(_bound(until, "--until")[1])
        if issue:
            clauses.append("list_contains(e.issues, ?)")
            params.append(issue.upper())
        if happened_only:
            clauses.append("e.modality IN (" + ", ".join("?" for _ in HAPPENED) + ")")
            params += sorted(HAPPENED)
        if doc_id:
            clauses.append("e.doc_id = ?")
            params.append(doc_id)
        return " AND ".join(clauses), params

    _EVENT_ORDER = "ORDER BY e.start_lo NULLS LAST, e.start_hi, e.doc_id, e.seq"

    def events(self, dyad: DyadArg = None, since: str | None = None, until: str | None = None,
               issue: str | None = None, happened_only: bool = True, *, doc_id: str | None = None,
               current_only: bool = True) -> Iterator[Event]:
        where, params = self._event_where(dyad, since, until, issue, happened_only, doc_id, current_only)
        yield from self._records(Event, "events", f"SELECT e.* FROM events e WHERE {where} {self._EVENT_ORDER}",
                                 params, stream=True)

    def count_events(self, dyad: DyadArg = None, since: str | None = None, until: str | None = None,
                     issue: str | None = None, happened_only: bool = True) -> int:
        where, params = self._event_where(dyad, since, until, issue, happened_only, None, True)
        return int(self._one(f"SELECT count(*) FROM events e WHERE {where}", params))

    def events_with_stories(self, dyad: DyadArg = None, since: str | None = None, until: str | None = None,
                            issue: str | None = None, happened_only: bool = True
                            ) -> Iterator[tuple[Event, Story | None]]:
        stories = {s.story_id: s for s in self.stories()}
        where, params = self._event_where(dyad, since, until, issue, happened_only, None, True)
        sql = (f"SELECT e.*, se.story_id AS _story FROM events e LEFT JOIN story_events se "
               f"ON se.event_id = e.event_id WHERE {where} {self._EVENT_ORDER}")
        cols = self._cols["events"]
        for row in self._rows(sql, params, stream=True):
            story_id = row.pop("_story")
            yield codec.decode(Event, row, cols), stories.get(story_id) if story_id else None

    def periods(self, *, doc_id: str | None = None, current_only: bool = True) -> list[Period]:
        where, params = ("p.doc_id = ?", [doc_id]) if doc_id else (self._current("p", current_only), [])
        return list(self._records(Period, "periods", f"SELECT p.* FROM periods p WHERE {where} "
                                  "ORDER BY p.doc_id, p.seq", params))

    def facts(self, *, doc_id: str | None = None, current_only: bool = True) -> list[Fact]:
        where, params = ("f.doc_id = ?", [doc_id]) if doc_id else (self._current("f", current_only), [])
        return list(self._records(Fact, "facts", f"SELECT f.* FROM facts f WHERE {where} ORDER BY f.doc_id, f.seq",
                                  params))

    # --- stories and contradictions --------------------------------------------------------------------
    def _story_list(self, where: str, params: list[Any]) -> list[Story]:
        links: dict[str, list[str]] = {}
        for sid, eid in self._con.execute(
                f"SELECT se.story_id, se.event_id FROM story_events se JOIN stories s USING (story_id) "
                f"WHERE {where} ORDER BY se.story_id, se.position", params).fetchall():
            links.setdefault(sid, []).append(eid)
        cols = self._cols["stories"]
        out = []
        for row in self._rows(f"SELECT s.* FROM stories s WHERE {where} ORDER BY s.seq", params):
            row["event_ids"] = links.get(row["story_id"], [])
            out.append(codec.decode(Story, row, {**cols, "event_ids": "VARCHAR[]"}))
        return out

    def stories(self) -> list[Story]:
        return self._story_list("TRUE", [])

    def story(self, story_id: str) -> Story | None:
        found = self._story_list("s.story_id = ?", [story_id])
        return found[0] if found else None

    def story_events(self, story_id: str) -> list[Event]:
        sql = ("SELECT e.* FROM story_events se JOIN events e ON e.event_id = se.event_id "
               "WHERE se.story_id = ? ORDER BY se.position")
        return list(self._records(Event, "events", sql, [story_id]))

    def events_of_stories(self, story_ids: Iterable[str]) -> dict[str, list[Event]]:
        ids = list(dict.fromkeys(story_ids))
        out: dict[str, list[Event]] = {i: [] for i in ids}
        if not ids:
            return out
        cols = self._cols["events"]
        view = "_wanted_stories"
        self._con.register(view, pa.table({"story_id": pa.array(ids, type=pa.string())}))
        try:
            rows = list(self._rows(
                f"SELECT se.story_id AS _story, e.* FROM {view} w JOIN story_events se USING (story_id) "
                "JOIN events e ON e.event_id = se.event_id ORDER BY se.story_id, se.position"))
        finally:
            self._con.unregister(view)
        for row in rows:
            out[row.pop("_story")].append(codec.decode(Event, row, cols))
        return out

    def replace_stories(self, stories: Iterable[Story]) -> int:
        self._writable()
        con = self._con
        con.begin()
        n = 0
        try:
            con.execute("DELETE FROM story_events")
            con.execute("DELETE FROM stories")
            batch: list[Story] = []
            for story in stories:
                batch.append(story)
                if len(batch) >= _CHUNK:
                    n = self._insert_stories(con, batch, n)
                    batch = []
            n = self._insert_stories(con, batch, n)
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"could not write stories to {self._path}: {exc}",
                             hint="the previous stories are kept; re-run build to retry") from exc
        except BaseException:
            con.rollback()
            raise
        return n

    def _insert_stories(self, con: Any, batch: list[Story], n: int) -> int:
        cols = {k: v for k, v in self._cols["stories"].items()}
        rows, links = [], []
        for i, s in enumerate(batch, start=n):
            row = codec.encode(s, {**cols, "event_ids": "VARCHAR[]"})
            row.pop("event_ids")
            row["seq"] = i
            rows.append(row)
            links += [{"story_id": s.story_id, "event_id": e, "position": j} for j, e in enumerate(s.event_ids)]
        self._insert(con, "stories", rows)
        self._insert(con, "story_events", links)
        return n + len(batch)

    def contradictions(self) -> list[Contradiction]:
        return list(self._records(Contradiction, "contradictions", "SELECT * FROM contradictions ORDER BY seq"))

    def replace_contradictions(self, contradictions: Iterable[Contradiction]) -> int:
        self._writable()
        con = self._con
        con.begin()
        try:
            con.execute("DELETE FROM contradictions")
            rows = [self._encode(c, "contradictions", seq=i) for i, c in enumerate(contradictions)]
            self._insert(con, "contradictions", rows)
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"could not write contradictions to {self._path}: {exc}") from exc
        except BaseException:
            con.rollback()
            raise
        return len(rows)

    # --- runs and statistics ---------------------------------------------------------------------------
    def begin_run(self, paths: Iterable[str], stages: Iterable[str]) -> str:
        self._writable()
        run_id = uuid.uuid4().hex[:12]
        self._con.execute("INSERT INTO runs VALUES (?, ?, NULL, 'running', ?, ?, '{}')",
                          [run_id, _now("microseconds"), list(paths), list(stages)])
        return run_id

    def end_run(self, run_id: str, counts: Mapping[str, int], status: str = "done") -> None:
        self._writable()
        self._con.execute("UPDATE runs SET finished = ?, status = ?, counts = ? WHERE run_id = ?",
                          [_now(), status, json.dumps(dict(counts)), run_id])

    def runs(self) -> list[Run]:
        out = []
        for row in self._rows("SELECT * FROM runs ORDER BY started, run_id"):
            out.append(Run(run_id=row["run_id"], started=row["started"], finished=row["finished"],
                           status=row["status"], paths=tuple(row["paths"] or ()), stages=tuple(row["stages"] or ()),
                           counts={k: int(v) for k, v in json.loads(row["counts"] or "{}").items()}))
        return out

    def rulesets(self) -> dict[str, str]:
        """``{"time.rules": "v1", ...}`` from the rule ids of the stored records (several versions: "v1,v2")."""
        parts = " UNION ".join(f"SELECT DISTINCT split_part(rule, ':', 1) AS r FROM {t} WHERE rule <> ''"
                               for t in ("timexes", "mentions", "events", "periods", "facts"))
        found: dict[str, set[str]] = {}
        for (prefix,) in self._con.execute(parts).fetchall():
            m = re.match(r"^(.*)\.(v\d+)$", prefix or "")
            if m:
                found.setdefault(m.group(1), set()).add(m.group(2))
        return {k: ",".join(sorted(v, key=lambda s: int(s[1:]))) for k, v in sorted(found.items())}

    def stats(self) -> dict[str, int]:
        out: dict[str, int] = {}
        out["documents"] = int(self._one("SELECT count(*) FROM documents WHERE superseded_by IS NULL"))
        out["superseded"] = int(self._one("SELECT count(*) FROM documents WHERE superseded_by IS NOT NULL"))
        for table in (*_DERIVED_TABLES, "stories", "story_events", "contradictions", "runs"):
            out[table] = int(self._one(f"SELECT count(*) FROM {table}"))
        out["happened_events"] = int(self._one(
            "SELECT count(*) FROM events WHERE modality IN (" + ", ".join("?" for _ in HAPPENED) + ")",
            sorted(HAPPENED)))
        out["schema_version"] = self.schema_version()
        return out


def _bound(value: str, flag: str) -> tuple[dt.date, dt.date]:
    iv = interval(value)
    if iv is None:
        raise UsageError(f"{flag} {value!r} is not a date", hint="write it as 1991, 1991-06 or 1991-06-15")
    return iv


def _unique_ids(events: Iterable[Event]) -> list[Event]:
    """Events with an ``event_id`` each, unique within the document (a repeat gets a ``-2`` suffix)."""
    import dataclasses

    seen: dict[str, int] = {}
    out = []
    for e in events:
        if not e.event_id:
            e = e.with_id()
        if e.event_id in seen:
            seen[e.event_id] += 1
            e = dataclasses.replace(e, event_id=f"{e.event_id}-{seen[e.event_id]}")
        else:
            seen[e.event_id] = 1
        out.append(e)
    return out


__all__ = ["MIGRATIONS", "DuckDBStore"]

"""One DuckDB database file: opening it (with errors that say what to do), transactions, rows in and out.

Rows go in through Arrow tables (one ``INSERT … SELECT`` per table and document, far faster than row by row)
and come out in chunks, so reading a large table never holds it whole.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from ..errors import StoreError
from . import codec

R = TypeVar("R")

_ARROW = {
    "VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "VARCHAR[]": pa.list_(pa.string()),
}
#: rows fetched at a time when reading
CHUNK = 2000
#: what a failed write may raise before it reaches the database
WRITE_ERRORS = (duckdb.Error, pa.ArrowException, OverflowError)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def connect(path: str, *, read_only: bool, memory_limit: str, threads: int | None) -> Any:
    """A DuckDB connection, or a StoreError saying why not (missing, in use, not a store)."""
    if read_only and not Path(path).exists():
        raise StoreError(f"there is no store at {path}", hint=f"build one first: dyadscope build PATH... --db {path}")
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    config: dict[str, Any] = {"memory_limit": memory_limit}
    if threads:
        config["threads"] = threads
    try:
        return duckdb.connect(path, read_only=read_only, config=config)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            pid = re.search(r"PID (\d+)", str(exc))
            who = f" (process {pid.group(1)})" if pid else ""
            raise StoreError(f"the store {path} is in use by another process{who}",
                             hint="wait for it to finish, or use another --db") from exc
        raise StoreError(f"cannot open the store {path}: {exc}",
                         hint="check the path and that the file is a dyadscope DuckDB store") from exc
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the store {path}: {exc}",
                         hint="check that the file is a dyadscope DuckDB store, or use another --db") from exc


class Database:
    """A connection with the table layout it found, and the few operations the store is made of."""

    def __init__(self, con: Any, path: str) -> None:
        self.con = con
        self.path = path
        self.columns: dict[str, dict[str, str]] = {}

    def load_columns(self) -> None:
        """Read each table's columns and types (after migrations)."""
        rows = self.con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position").fetchall()
        out: dict[str, dict[str, str]] = {}
        for table, column, dtype in rows:
            out.setdefault(table, {})[column] = dtype
        self.columns = out

    @contextlib.contextmanager
    def transaction(self, what: str, hint: str | None = None) -> Iterator[Any]:
        """All or nothing: commit at the end, roll back on any error (database errors become StoreError)."""
        self.con.begin()
        try:
            yield self.con
            self.con.commit()
        except WRITE_ERRORS as exc:
            self.con.rollback()
            raise StoreError(f"{what} in {self.path}: {exc}", hint=hint) from exc
        except BaseException:
            self.con.rollback()
            raise

    def insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows (dicts keyed by column) into ``table`` in one statement."""
        if not rows:
            return
        cols = self.columns[table]
        names = [c for c in cols if c in rows[0]]
        data = pa.table({c: pa.array([r.get(c) for r in rows], type=_ARROW.get(cols[c], pa.string()))
                         for c in names})
        view = f"_in_{table}"
        self.con.register(view, data)
        try:
            col_sql = ", ".join(quote(c) for c in names)
            self.con.execute(f"INSERT INTO {quote(table)} ({col_sql}) SELECT {col_sql} FROM {view}")
        finally:
            self.con.unregister(view)

    def rows(self, sql: str, params: list[Any] | None = None, *, stream: bool = False) -> Iterator[dict[str, Any]]:
        """Result rows as dicts. ``stream`` reads through a cursor of its own, so the caller may run other
        statements while iterating."""
        cur = self.con.cursor() if stream else self.con
        try:
            result = cur.execute(sql, params or [])
            names = [d[0] for d in result.description]
            while True:
                batch = result.fetchmany(CHUNK)
                if not batch:
                    break
                for row in batch:
                    yield dict(zip(names, row))
        finally:
            if stream:
                cur.close()

    def records(self, cls: type[R], table: str, sql: str, params: list[Any] | None = None,
                *, stream: bool = False) -> Iterator[R]:
        cols = self.columns[table]
        for row in self.rows(sql, params, stream=stream):
            yield codec.decode(cls, row, cols)

    def encode(self, record: Any, table: str, **extra: Any) -> dict[str, Any]:
        row = codec.encode(record, self.columns[table])
        row.update(extra)
        return row

    def one(self, sql: str, params: list[Any] | None = None) -> Any:
        """The first column of the first row (None when there is none)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0][0] if rows else None

    def close(self) -> None:
        self.con.close()

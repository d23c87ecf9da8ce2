"""The store: every record dyadscope produces, in one database behind one interface.

Open one with :func:`open_store`; the contract is in :mod:`dyadscope.store.base`.

    with open_store("dyadscope.duckdb", read_only=True) as store:
        for event in store.events(dyad="AZE-RUS", since="1991", issue="KARABAKH"):
            ...
"""

from __future__ import annotations

from pathlib import Path

from .base import DocumentInfo, FileStamp, KnownFile, Run, Store, parse_dyad
from .migrations import MIGRATIONS, SCHEMA_VERSION

#: the store ``build``, ``events``, ``report`` and ``serve`` use when no --db is given
DEFAULT_DB = "dyadscope.duckdb"


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False, memory_limit: str = "512MB") -> Store:
    """Open (creating and migrating when writable) the DuckDB store at ``path``.

    Raises :class:`~dyadscope.errors.StoreError` when the file is in use by another process, is not a
    store, does not exist (read-only), or has an older schema (read-only).
    """
    from .duckdb import DuckDBStore

    return DuckDBStore(path, read_only=read_only, memory_limit=memory_limit)


__all__ = ["DEFAULT_DB", "MIGRATIONS", "SCHEMA_VERSION", "DocumentInfo", "FileStamp", "KnownFile", "Run", "Store",
           "open_store", "parse_dyad"]

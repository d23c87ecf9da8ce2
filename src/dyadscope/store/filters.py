"""The SQL of the event filters shared by every read of events (see the contract in :mod:`.base`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import UsageError
from ..records import HAPPENED
from ..resolve.intervals import interval
from .base import DyadArg, parse_dyad

#: date order, undated last, then document and position (``e`` is the events table)
EVENT_ORDER = "ORDER BY e.start_lo NULLS LAST, e.start_hi, e.doc_id, e.seq"


def bound(value: str, flag: str) -> tuple[dt.date, dt.date]:
    """The days a partial ISO date given to ``flag`` denotes, or a UsageError that shows how to write one."""
    iv = interval(value)
    if iv is None:
        raise UsageError(f"{flag} {value!r} is not a date", hint="write it as 1991, 1991-06 or 1991-06-15")
    return iv


def current(alias: str, current_only: bool) -> str:
    """A condition keeping rows of documents that are not superseded."""
    if not current_only:
        return "TRUE"
    return f"{alias}.doc_id IN (SELECT doc_id FROM documents WHERE superseded_by IS NULL)"


def event_where(dyad: DyadArg, since: str | None, until: str | None, issue: str | None, happened_only: bool,
                doc_id: str | None = None, current_only: bool = True) -> tuple[str, list[Any]]:
    """``WHERE`` conditions (joined with AND) and their parameters for the events table aliased ``e``."""
    clauses = [current("e", current_only)]
    params: list[Any] = []
    pair = parse_dyad(dyad)
    if pair:
        clauses.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
        params += [pair[0], pair[1], pair[1], pair[0]]
    if since:
        clauses.append("e.start_hi >= ?")
        params.append(bound(since, "--since")[0])
    if until:
        clauses.append("e.start_lo <= ?")
        params.append(bound(until, "--until")[1])
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

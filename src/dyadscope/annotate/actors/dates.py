"""Dates as intervals, for resolving roles and offices by time.

A date of any precision is read as the interval it covers: ``"1993"`` is 1993-01-01..1993-12-31,
``"1993-06"`` the month, ``"1993-06-15"`` the day, ``"199X"`` the decade, ``"19XX"`` the century.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DECADE = re.compile(r"^\s*(\d{3})X")
_CENTURY = re.compile(r"^\s*(\d{2})XX")


def parse_interval(text: str) -> tuple[date, date]:
    """(first day, last day) of the period ``text`` names; ValueError when it names none."""
    m = _DATE.match(text)
    if m:
        year = int(m.group(1))
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            month = int(m.group(2))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    m = _DECADE.match(text)
    if m:
        start = int(m.group(1)) * 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    m = _CENTURY.match(text)
    if m:
        start = int(m.group(1)) * 100
        return date(start, 1, 1), date(start + 99, 12, 31)
    raise ValueError(f"not a date: {text!r}")


def when_interval(start: str | None, end: str | None = None) -> tuple[date, date] | None:
    """The interval from ``start`` to ``end`` (either may be None); None when neither is a date."""
    try:
        a = parse_interval(start) if start else None
    except ValueError:
        a = None
    try:
        b = parse_interval(end) if end else None
    except ValueError:
        b = None
    if a and b:
        return (min(a[0], b[0]), max(a[1], b[1]))
    return a or b


def overlap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days two intervals share (0 when disjoint; a one-day overlap counts 1)."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (hi - lo).days + 1 if hi >= lo else 0


def distance_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two disjoint intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0

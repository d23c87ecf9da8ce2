"""Partial ISO dates as day intervals (pure functions).

Events, filters and stories speak of dates at several precisions: ``"1993"`` (a year), ``"1993-09"`` (a month),
``"1993-09-20"`` (a day). Each denotes the interval of days it covers. A coarser ``precision`` than the string
shows widens it (``"1990"`` at ``decade`` is 1990–1999; ``"1993-06"`` at ``season`` or ``quarter`` is three
months from June). Anything else (``"199X"``, ``"PRESENT_REF"``, ``None``) has no interval.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

#: precision names from finest to coarsest
ORDER: tuple[str, ...] = ("day", "month", "season", "quarter", "year", "decade", "century")

Interval = tuple[dt.date, dt.date]


def rank(precision: str | None) -> int:
    """Position of a precision from finest (0) to coarsest; unknown or None ranks coarsest."""
    return ORDER.index(precision) if precision in ORDER else len(ORDER)


def shown_precision(value: str) -> str | None:
    """The precision the string itself shows: ``"1993"`` year, ``"1993-09"`` month, ``"1993-09-20"`` day."""
    m = _ISO.match(value.strip())
    if not m:
        return None
    return "day" if m.group(3) else "month" if m.group(2) else "year"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def interval(value: str | None, precision: str | None = None) -> Interval | None:
    """The days ``value`` denotes at ``precision`` (None when it is not a partial ISO date)."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    try:
        if precision == "century":
            lo_y = year - year % 100
            return dt.date(max(lo_y, 1), 1, 1), dt.date(lo_y + 99, 12, 31)
        if precision == "decade":
            lo_y = year - year % 10
            return dt.date(max(lo_y, 1), 1, 1), dt.date(lo_y + 9, 12, 31)
        if month is None or precision == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if precision in ("season", "quarter"):
            end_y, end_m = _add_months(year, month, 2)
            return dt.date(year, month, 1), dt.date(end_y, end_m, calendar.monthrange(end_y, end_m)[1])
        if day is None or precision == "month":
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        d = dt.date(year, month, day)
        return d, d
    except ValueError:  # month 13, day 31 of a 30-day month, year 0
        return None


def span(start: str | None, end: str | None, precision: str | None = None) -> Interval | None:
    """The interval from the first day of ``start`` to the last day of ``end`` (``end`` may be None)."""
    first = interval(start, precision)
    if first is None:
        return None
    last = interval(end, precision) if end else None
    if last is None or last[1] < first[0]:
        return first
    return first[0], last[1]


def coarsen(value: str, precision: str) -> str:
    """``value`` cut to ``precision``: ``coarsen("1993-09-20", "year") == "1993"``."""
    m = _ISO.match(value.strip())
    if not m:
        return value
    if rank(precision) >= rank("year"):
        return m.group(1)
    if rank(precision) >= rank("month") and m.group(2):
        return f"{m.group(1)}-{m.group(2)}"
    return value


def overlaps(a: Interval | None, b: Interval | None) -> bool:
    """Do two intervals share at least one day? (False when either is None.)"""
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals (0 when they overlap)."""
    if overlaps(a, b):
        return 0
    return (b[0] - a[1]).days if a[1] < b[0] else (a[0] - b[1]).days

"""Calendar arithmetic and the link between TIMEX3 values and our intervals.

:class:`Point` is a date known to the year, month or day. :func:`interval` turns a TIMEX3 value (``2003-02``,
``199``, ``2008-SU``, ``1998-W09``…) into the interval form every Timex carries: ``date_start``,
``date_end`` (ISO strings) and ``precision`` (day, month, season, quarter, year, decade, century).

Choices (documented in the README's ``dyadscope timex`` section):

- a decade ``199`` spans 1990–1999, a century ``19`` spans 1900–1999 (the 20th century; TIMEX3 style);
- a season spans its months (``2008-SU`` → 2008-06..2008-08; winter ``WI`` is January–February of its year),
  a quarter or half its months, a week (``2003-W09``) its Monday..Sunday at day precision;
- a part of a year (TIMEX3 mod START/MID/END on a year) narrows to months (late 2009 → 2009-10..2009-12,
  precision season); a part of a month, decade or century keeps the whole unit (the end of February 2003 →
  2003-02, month): precision is never invented.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO_RE = re.compile(r"^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T ].*)?$")
_VALUE_RE = re.compile(
    r"^(?:FY)?(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T.*)?)?|(?P<season>SP|SU|FA|WI)|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|W(?P<w>\d{2})(?P<we>-WE)?))?$|^(?P<dec>\d{3})$|^(?P<cent>\d{2})$"
)


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


def parse_point(text: str | dt.date | None) -> Point | None:
    """A Point from an ISO-like date ("2003-03-12", "2003-03", "2003", "20030312", "2003-03-12T10:00"; a
    season or quarter gives its year) or a ``datetime.date``; None when it is none of these."""
    if isinstance(text, dt.date):
        return Point(text.year, text.month, text.day)
    if not text:
        return None
    m = _ISO_RE.match(text.strip())
    if not m:
        year = re.match(r"^(\d{4})(?:-(?:SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}))", text.strip())
        return Point(int(year.group(1))) if year else None   # "2008-SU", "1998-Q3": the year is known
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    month = int(mo) if mo else None
    day = int(d) if d else None
    if month is not None and not 1 <= month <= 12:
        return Point(y)
    if month and day and not valid_day(y, month, day):
        return Point(y, month)
    return Point(y, month, day)


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def from_date(d: dt.date) -> Point:
    return Point(d.year, d.month, d.day)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def shift(point: Point, unit: str, n: int) -> Point:
    """``point`` moved by ``n`` units (year, month, week, day, quarter, decade, century); keeps its precision
    where it can (a year-precision point moved by months stays a year)."""
    if unit in ("year", "decade", "century", "millennium"):
        step = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}[unit]
        return Point(point.year + n * step, point.month, point.day)
    if unit in ("month", "quarter"):
        if point.month is None:
            return Point(point.year + (n * (3 if unit == "quarter" else 1)) // 12)
        y, m = add_months(point.year, point.month, n * (3 if unit == "quarter" else 1))
        day = point.day
        if day is not None:
            while not valid_day(y, m, day):
                day -= 1
        return Point(y, m, day)
    if unit in ("week", "day", "weekend"):
        if point.day is None:
            return point
        days = n * (7 if unit in ("week", "weekend") else 1)
        return from_date(point.date() + dt.timedelta(days=days))
    return point


def week_value(point: Point) -> str:
    iso = point.date().isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def interval(value: str, mod: str | None = None,
             season_months: dict[str, tuple[int, int]] | None = None,
             year_months: dict[str, tuple[int, int]] | None = None) -> tuple[str, str, str] | None:
    """(date_start, date_end, precision) of a TIMEX3 date value; None for durations, references and values
    with unknown digits (``XXXX-02``)."""
    m = _VALUE_RE.match(value)
    if not m:
        return None
    if m.group("dec"):
        dec = int(m.group("dec"))
        return f"{dec * 10:04d}", f"{dec * 10 + 9:04d}", "decade"
    if m.group("cent"):
        cent = int(m.group("cent"))
        return f"{cent * 100:04d}", f"{cent * 100 + 99:04d}", "century"
    y = int(m.group("y"))
    if m.group("d"):
        day = f"{y:04d}-{m.group('m')}-{m.group('d')}"
        return day, day, "day"
    if m.group("m"):
        month = f"{y:04d}-{m.group('m')}"
        return month, month, "month"
    if m.group("season"):
        first, last = (season_months or {}).get(m.group("season"), (1, 12))
        end_year = y + 1 if last < first else y
        return _month_end(y, first), _month_end(end_year, last), "season"
    if m.group("q"):
        q = int(m.group("q"))
        return _month_end(y, 3 * q - 2), _month_end(y, 3 * q), "quarter"
    if m.group("h"):
        h = int(m.group("h"))
        return _month_end(y, 6 * h - 5), _month_end(y, 6 * h), "quarter"
    if m.group("w"):
        try:
            monday = dt.date.fromisocalendar(y, int(m.group("w")), 1)
        except ValueError:
            return None
        first_day = monday + dt.timedelta(days=5) if m.group("we") else monday
        sunday = monday + dt.timedelta(days=6)
        return first_day.isoformat(), sunday.isoformat(), "day"
    if mod in ("START", "MID", "END") and year_months and mod in year_months:
        first, last = year_months[mod]
        return _month_end(y, first), _month_end(y, last), "season"
    return f"{y:04d}", f"{y:04d}", "year"

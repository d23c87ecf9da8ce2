"""Handlers for dates written out: calendar dates, all-digit dates, decades, centuries, quarters, holidays.

A date without its year takes it from the year written earlier in its sentence (its paragraph, in documents
not dated to the day), else from the publication date and the clause's tense (see :func:`.base._year_for`).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .base import (
    Context,
    Fields,
    Resolved,
    _anchor_label,
    _at_unit,
    _day,
    _mod,
    _month,
    _norm,
    _two_digit_year,
    _year,
    _year_for,
    handler,
)
from .calendar import Point, quarter_of, shift, valid_day
from .grammar import context_words
from .words import Holiday, lookup


@lru_cache(maxsize=1)
def _year_ago() -> re.Pattern[str]:
    return re.compile(str(context_words()["year_ago"]), re.IGNORECASE)


@handler("date")
def date_handler(f: Fields, ctx: Context) -> Resolved | None:
    year = _year(f, ctx)
    month = _month(f, ctx)
    day = _day(f.get("day"))
    mod = _mod(f, ctx)
    season = lookup(ctx.words.seasons, ctx.lang, f["season"]) if f.get("season") else None
    half = lookup(ctx.words.halves, ctx.lang, f["half"]) if f.get("half") else None
    kind = "absolute"
    anchor = None
    if year is None:
        if month is None and season is None:
            return None
        first = month or ctx.words.season_months.get(season or "", (1, 1))[0]
        if ctx.local is not None:
            year = ctx.local.year
            kind, anchor = "narrative", _anchor_label("narrative", ctx.local)
        else:
            year = _year_for(first, day, ctx)
            kind, anchor = "relative", _anchor_label("publication", ctx.publication)
        if year is None:
            if month:
                return Resolved(f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""), kind=kind, mod=mod)
            return Resolved(f"XXXX-{season}", kind=kind, mod=mod)
    if month and day and valid_day(year, month, day):
        return Resolved(f"{year:04d}-{month:02d}-{day:02d}", kind=kind, anchor=anchor, mod=mod)
    if month:
        return Resolved(f"{year:04d}-{month:02d}", kind=kind, anchor=anchor, mod=mod)
    if season:
        return Resolved(f"{year:04d}-{season}", kind=kind, anchor=anchor, mod=mod)
    if half:
        return Resolved(f"{year:04d}-H{half}", kind=kind, anchor=anchor)
    return Resolved(f"{year:04d}", kind=kind, anchor=anchor, mod=mod)


@handler("numeric")
def numeric_handler(f: Fields, ctx: Context) -> Resolved | None:
    year, month, day = int(f["year"]), int(f["mm"]), int(f["dd"])
    if not valid_day(year, month, day):
        return Resolved(f"{year:04d}-{month:02d}")
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if f.get("hour"):
        return Resolved(f"{value}T{f['hour']}:{f['minute']}", type="TIME")
    return Resolved(value)


@handler("slash")
def slash_handler(f: Fields, ctx: Context) -> Resolved | None:
    a, b, y = int(f["a"]), int(f["b"]), f["y2"]
    year = int(y) if len(y) == 4 else _two_digit_year(int(y), ctx)
    readings = []
    if 1 <= a <= 12 and valid_day(year, a, b):
        readings.append(("us", Point(year, a, b)))
    if 1 <= b <= 12 and valid_day(year, b, a):
        readings.append(("eu", Point(year, b, a)))
    if not readings:
        return None
    if len(readings) == 1 or a == b:
        return Resolved(readings[0][1].iso())
    if ctx.us_dates is not None:
        chosen = readings[0] if ctx.us_dates else readings[1]
        return Resolved(chosen[1].iso())
    for _, point in readings:
        if ctx.publication and point == ctx.publication:
            return Resolved(point.iso())
    return Resolved(f"{year:04d}")   # ambiguous day and month: only the year is known


@handler("year_span")
def year_span_handler(f: Fields, ctx: Context) -> Resolved | None:
    start = int(f["year"])
    end = start // 100 * 100 + int(f["yy2"])
    if end <= start:
        end += 100
    if end - start > 30:
        return None
    return Resolved(f"{start:04d}", span=(f"{start:04d}", f"{end:04d}", "year"))


@handler("decade")
def decade_handler(f: Fields, ctx: Context) -> Resolved | None:
    mod = _mod(f, ctx)
    if f.get("decade"):
        full = int(f["decade"])
        if full % 100 == 0 and full < 2000:
            return Resolved(f"{full // 100:02d}", mod=mod)
        return Resolved(f"{full // 10:03d}", mod=mod)
    if f.get("dec2"):
        d = int(f["dec2"])
        ref = ctx.publication.year if ctx.publication else 2030
        century = 20 if 2000 + d <= ref - 5 and d <= 20 else 19
        return Resolved(f"{century}{d // 10}", mod=mod)
    if f.get("decade_word"):
        digit = lookup(ctx.words.decade_words, ctx.lang, f["decade_word"])
        return Resolved(f"19{digit}", mod=mod) if digit is not None else None
    return None


@handler("century")
def century_handler(f: Fields, ctx: Context) -> Resolved | None:
    n = None
    if f.get("ordinal"):
        o = f["ordinal"]
        n = _day(o) if o[:1].isdigit() else lookup(ctx.words.ordinals, ctx.lang, o)
    elif f.get("roman"):
        n = ctx.words.roman.get(f["roman"].upper())
    if not n or n > 21:
        return None
    return Resolved(f"{n - 1:02d}", mod=_mod(f, ctx))


@handler("quarter")
def quarter_handler(f: Fields, ctx: Context) -> Resolved | None:
    q: int | None = None
    if f.get("ordinal"):
        o = f["ordinal"]
        q = _day(o) if o[:1].isdigit() else lookup(ctx.words.ordinals, ctx.lang, o)
    q = q or _day(f.get("q") or f.get("q2"))
    if q is None and "_text" in f and not f.get("ordinal"):
        return _the_quarter(f, ctx)
    if not q or not 1 <= q <= 4:
        return None
    year = _year(f, ctx)
    if year is not None:
        return Resolved(f"{year:04d}-Q{q}")
    pub = ctx.publication
    back = 1 if _year_ago().search(f.get("_text", "")) else 0   # "the year-earlier third quarter"
    if ctx.local is not None and not f.get("deictic"):
        return Resolved(f"{ctx.local.year - back:04d}-Q{q}", kind="narrative",
                        anchor=_anchor_label("narrative", ctx.local))
    if pub is None:
        return Resolved(f"XXXX-Q{q}", kind="relative")
    if f.get("deictic"):
        year = pub.year + (lookup(ctx.words.deictic, ctx.lang, f["deictic"]) or 0)
    elif pub.month is None:
        year = pub.year
    else:
        current = quarter_of(pub.month)
        year = pub.year - 1 if q > current and ctx.tense != "future" else pub.year
    return Resolved(f"{year - back:04d}-Q{q}", kind="relative", anchor=_anchor_label("publication", pub))


def _the_quarter(f: Fields, ctx: Context) -> Resolved | None:
    """"the quarter": the one the document reports on, else the last one reported (the one before the
    publication's); "the current quarter": the publication's; "the year-ago quarter": that one a year back."""
    pub = ctx.publication
    if pub is None or pub.month is None:
        return Resolved("XXXX-QX", kind="relative")
    text = _norm(f.get("_text", ""))
    latest = _norm(f.get("latest") or "")
    if latest in ("current", "this"):
        point = Point(pub.year, pub.month)
    elif ctx.quarter is not None:
        point = ctx.quarter
    else:
        point = shift(Point(pub.year, pub.month), "quarter", -1)
    if _year_ago().search(text):
        point = shift(point, "year", -1)
    year = _year(f, ctx)
    if year is not None:   # "the 1988 period": that year's quarter of the report
        if ctx.quarter is None:
            return Resolved(f"{year:04d}")
        point = Point(year, ctx.quarter.month)
        return Resolved(_at_unit(point, "quarter") or f"{year:04d}-QX", kind="narrative",
                        anchor=_anchor_label("narrative", ctx.quarter))
    return Resolved(_at_unit(point, "quarter") or "XXXX-QX", kind="relative", anchor=_anchor_label("publication", pub))


def _holiday_date(year: int, when: Holiday) -> dt.date | None:
    if when.date:
        month, day = (int(x) for x in when.date.split("-"))
        return dt.date(year, month, day)
    if when.rule == "easter":   # the anonymous Gregorian algorithm
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        leap = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 19 * leap) // 433
        month = (h + leap - 7 * m + 90) // 25
        return dt.date(year, month, (h + leap - 7 * m + 33 * month + 19) % 32)
    if when.rule == "nth_weekday" and len(when.args) == 3:
        month, weekday, n = when.args
        if n > 0:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    if when.rule == "after_first_monday" and when.args:
        first = dt.date(year, when.args[0], 1)
        return first + dt.timedelta(days=(1 - first.isoweekday()) % 7 + 1)
    return None


@handler("holiday")
def holiday_handler(f: Fields, ctx: Context) -> Resolved | None:
    name = " ".join((f.get("holiday") or "").split())
    when = next((h for table in ctx.words.holidays.values() for n, h in table.items() if n == name), None)
    if when is None:
        return None
    year = _year(f, ctx)
    kind, anchor = "absolute", None
    if year is None:
        pub = ctx.publication
        if pub is None:
            return Resolved("XXXX-" + (when.date or "XX-XX"), kind="relative")
        step = lookup(ctx.words.deictic, ctx.lang, f["deictic"]) if f.get("deictic") else None
        probe = _holiday_date(pub.year, when)
        if probe is None:
            return None
        if step is not None and step < 0:   # last Christmas: the one before publication
            year = pub.year if probe < pub.date() else pub.year - 1
        elif step is not None and step > 0:
            year = pub.year if probe > pub.date() else pub.year + 1
        else:
            year = _year_for(probe.month, probe.day, ctx) or pub.year
        kind, anchor = "relative", _anchor_label("publication", pub)
    day = _holiday_date(year, when)
    return Resolved(day.isoformat(), kind=kind, anchor=anchor) if day else None

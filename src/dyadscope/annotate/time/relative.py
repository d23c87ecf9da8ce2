"""Handlers for times relative to the publication date or the narrative, durations, sets and references.

"last year", "on Thursday", "two years ago" resolve against the publication date; "a year later", "that day",
"the following month" against the narrative time (the last date before them; "that"/"same" against the last
date written out in full); without an anchor fine enough they get X digits or PAST_REF/FUTURE_REF.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .absolute import date_handler
from .base import (
    Context,
    Fields,
    Resolved,
    _anchor_label,
    _at_unit,
    _day,
    _degrade,
    _mod,
    _month,
    _norm,
    _unit,
    amount_before,
    duration_value,
    handler,
    number,
)
from .calendar import Point, add_months, interval, shift, valid_day, week_value
from .grammar import context_words
from .words import Unit, lookup


@handler("clock")
def clock_handler(f: Fields, ctx: Context) -> Resolved | None:
    if f.get("clockword"):
        hhmm = ctx.words.clock_words.get(_norm(f["clockword"]))
        if hhmm is None:
            return None
    else:
        hour = int(f["hour"])
        minute = int(f.get("minute") or 0)
        ampm = (f.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        hhmm = f"{hour:02d}:{minute:02d}"
    day: Resolved | None = None
    if f.get("weekday_full"):
        day = weekday_handler(f, ctx)
    elif f.get("dayword"):
        day = dayword_handler({"dayword": f["dayword"]}, ctx)
    elif f.get("month") and f.get("day"):
        day = date_handler({"month": f["month"], "day": f["day"]}, ctx)
    elif ctx.narrative and ctx.narrative.day:
        day = Resolved(ctx.narrative.iso(), kind="narrative", anchor=_anchor_label("narrative", ctx.narrative))
    elif ctx.publication and ctx.publication.day:
        day = Resolved(ctx.publication.iso(), kind="relative", anchor=_anchor_label("publication", ctx.publication))
    base = day.value if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day.value) else "XXXX-XX-XX"
    zone = "Z" if _norm(f.get("tz") or "") in ctx.words.utc_zones else ""
    return Resolved(f"{base}T{hhmm}{zone}", type="TIME", kind=day.kind if day else "relative",
                    anchor=day.anchor if day else None, mod=_mod(f, ctx))


@handler("dayword")
def dayword_handler(f: Fields, ctx: Context) -> Resolved | None:
    form = f.get("dayword") or f.get("dayword2")
    word = lookup(ctx.words.day_words, ctx.lang, form)
    if word is None:
        return None
    tod_form = f.get("tod") or f.get("tod2")
    tod = word.tod or (lookup(ctx.words.times_of_day, ctx.lang, tod_form) if tod_form else None)
    pub = ctx.publication
    if pub is None or pub.day is None:
        if word.shift == 0 and not tod:
            return Resolved("PRESENT_REF", kind="relative")
        return Resolved("XXXX-XX-XX" + (f"T{tod}" if tod else ""), type="TIME" if tod else "DATE", kind="relative")
    day = shift(pub, "day", word.shift)
    value = day.iso() + (f"T{tod}" if tod else "")
    return Resolved(value, type="TIME" if tod else "DATE", kind="relative", anchor=_anchor_label("publication", pub))


@handler("weekday")
def weekday_handler(f: Fields, ctx: Context) -> Resolved | None:
    wd = lookup(ctx.words.weekdays, ctx.lang, (f.get("weekday_full") or f.get("weekday") or "").rstrip("."))
    if wd is None:
        return None
    # "Friday night", "Thursday morning": the day, not a part of it. TimeBank's annotators write the part
    # (T NI) a little more often, AQUAINT's the day; measured together the day is right more often.
    suffix = ""
    rtype = "DATE"
    pub = ctx.publication
    if pub is None or pub.day is None:
        return Resolved(f"XXXX-WXX-{wd}{suffix}", type=rtype, kind="relative")
    if f.get("anaph") and ctx.narrative is not None and ctx.narrative.day is not None:
        return _narrative_weekday(wd, lookup(ctx.words.anaphoric, ctx.lang, f["anaph"]) or 0, ctx.narrative)
    today = pub.date()
    step = lookup(ctx.words.deictic, ctx.lang, f["deictic"]) if f.get("deictic") else None
    back = (today.isoweekday() - wd) % 7
    ahead = (wd - today.isoweekday()) % 7
    if step is None:
        delta = ahead if ctx.tense == "future" else -back
    elif step < 0:
        delta = -(back or 7)
    elif step > 0:
        delta = ahead or 7
    else:
        delta = wd - today.isoweekday()
    value = (today + dt.timedelta(days=delta)).isoformat()
    return Resolved(value + suffix, type=rtype, kind="relative", anchor=_anchor_label("publication", pub))


def _narrative_weekday(wd: int, step: int, base: Point) -> Resolved:
    """"the following Monday" (the first one after the narrative day), "the previous Friday" (the last one
    before it), "the same Monday" (the one of its week)."""
    day = base.date()
    if step > 0:
        delta = (wd - day.isoweekday()) % 7 or 7
    elif step < 0:
        delta = -((day.isoweekday() - wd) % 7 or 7)
    else:
        delta = wd - day.isoweekday()
    return Resolved((day + dt.timedelta(days=delta)).isoformat(), kind="narrative",
                    anchor=_anchor_label("narrative", base))


@handler("deictic_name")
def deictic_name_handler(f: Fields, ctx: Context) -> Resolved | None:
    step = lookup(ctx.words.deictic, ctx.lang, f.get("deictic"))
    pub = ctx.publication
    month = _month(f, ctx)
    season = lookup(ctx.words.seasons, ctx.lang, f["season"]) if f.get("season") else None
    if step is None or (month is None and season is None):
        return None
    if pub is None:
        return Resolved(f"XXXX-{month:02d}" if month else f"XXXX-{season}", kind="relative")
    first = month or ctx.words.season_months[season or "SU"][0]
    current = pub.month or 6
    if step == 0 or _norm(f.get("_text", "")).endswith("year"):
        year = pub.year + step
    elif step < 0:
        year = pub.year if first < current else pub.year - 1
    else:
        year = pub.year if first > current else pub.year + 1
    value = f"{year:04d}-{month:02d}" if month else f"{year:04d}-{season}"
    day = _day(f.get("day"))
    if month and day and valid_day(year, month, day):
        value += f"-{day:02d}"
    return Resolved(value, kind="relative", anchor=_anchor_label("publication", pub))


@handler("deictic_unit")
def deictic_unit_handler(f: Fields, ctx: Context) -> Resolved | None:
    unit = _unit(f, ctx)
    word = f.get("deictic") or f.get("det") or ""
    if unit is None and _norm(f.get("_text", "")).endswith(("year", "week")):   # "for the year", "the week's"
        unit = ctx.words.units.get("en", {}).get(_norm(f.get("_text", "")).split()[-1])
        word = "this"
    if unit is None or unit.name == "weekend":   # "the weekend", "this weekend", "over the weekend"
        return _weekend(_norm(f.get("_text", "")).split()[0], ctx)
    if f.get("that") or word.lower() == "that":   # "earlier that day", "the end of that year": the narrative time
        return _narrative(0, unit, ctx, mod=_mod(f, ctx))
    if word.lower() == "the":   # "the end of the year": the current one
        word = "this"
    step = lookup(ctx.words.deictic, ctx.lang, word)
    if step is None:
        step = 0
    if (f.get("unit") or "").lower().endswith(("s", "и", "ы")) and unit.name in ctx.words.units.get("en", {}) and \
            (f.get("unit") or "").lower() != unit.name and not f.get("pm"):
        return Resolved("PRESENT_REF" if step == 0 else "PAST_REF" if step < 0 else "FUTURE_REF", kind="relative")
    if f.get("the") and word.lower() == "next" and ctx.tense != "future" and not (f.get("unit") or "").lower().endswith("s"):
        return _narrative(1, unit, ctx)   # "the next day" in a story told in the past: after the narrative time
    if f.get("the") and word.lower() in ctx.words.duration_with_article:
        if word.lower() == "next" and unit.name == "day":
            return _narrative(1, unit, ctx)
        return Resolved(duration_value(1.0, unit.code), type="DURATION", kind="duration")
    pub = ctx.publication
    if unit.name in ("hour", "minute", "second"):
        return Resolved(duration_value(1.0, unit.code), type="DURATION", kind="duration")
    if pub is None:
        return Resolved("PRESENT_REF" if step == 0 else "PAST_REF" if step < 0 else "FUTURE_REF", kind="relative")
    value = _at_unit(shift(pub, unit.name, step), unit.name)
    if value is None:
        return Resolved("PRESENT_REF" if step == 0 else "PAST_REF" if step < 0 else "FUTURE_REF", kind="relative")
    return Resolved(value, kind="relative", anchor=_anchor_label("publication", pub), mod=_mod(f, ctx))


@handler("deictic_half")
def deictic_half_handler(f: Fields, ctx: Context) -> Resolved | None:
    """"the second half of the year", "the first half of last year": YYYY-H1 / YYYY-H2."""
    half = lookup(ctx.words.halves, ctx.lang, f.get("half"))
    year = deictic_unit_handler({"det": f.get("det", "the"), "unit": "year", "_text": "the year"}, ctx)
    if half is None or year is None or not year.value.isdigit():
        return year
    return Resolved(f"{year.value}-H{half}", kind=year.kind, anchor=year.anchor)


@handler("year_end")
def year_end_handler(f: Fields, ctx: Context) -> Resolved | None:
    """"by year-end", "since year's end": the end of the publication year (of the year before when the clause
    looks back), TIMEX3 mod END."""
    pub = ctx.publication
    if pub is None:
        return Resolved("XXXX", kind="relative", mod="END")
    year = pub.year - 1 if ctx.tense == "past" else pub.year
    return Resolved(f"{year:04d}", kind="relative", anchor=_anchor_label("publication", pub), mod="END")


def _weekend(word: str, ctx: Context) -> Resolved:
    pub = ctx.publication
    if pub is None or pub.day is None:
        return Resolved("XXXX-WXX-WE", kind="relative")
    step = lookup(ctx.words.deictic, ctx.lang, word) or 0
    today = pub.date()
    if step == 0 and ctx.tense != "future" and today.isoweekday() < 6:
        step = -1
    point = shift(pub, "week", step)
    return Resolved(week_value(point) + "-WE", kind="relative", anchor=_anchor_label("publication", pub))


def _narrative(step: int, unit: Unit, ctx: Context, n: float = 1.0, mod: str | None = None) -> Resolved:
    anchor = (ctx.absolute or ctx.narrative) if step == 0 else ctx.narrative
    base = anchor or ctx.publication
    role = "narrative" if anchor else "publication"
    if base is None:
        return Resolved("PAST_REF" if step < 0 else "FUTURE_REF" if step > 0 else "PRESENT_REF", kind="narrative")
    moved = _shift_by(base, unit, step * n)
    return Resolved(_degrade(moved, unit.name), kind="narrative", anchor=_anchor_label(role, base), mod=mod)


def _shift_by(point: Point, unit: Unit, amount: float) -> Point:
    if float(amount).is_integer():
        return shift(point, unit.name, int(amount))
    if unit.name == "year" and point.month:
        y, m = add_months(point.year, point.month, round(amount * 12))
        return Point(y, m, point.day if point.day and valid_day(y, m, point.day) else None)
    return shift(point, unit.name, round(amount))


@handler("anaphoric_unit")
def anaphoric_unit_handler(f: Fields, ctx: Context) -> Resolved | None:
    unit = _unit(f, ctx)
    if unit is None:
        return None
    if f.get("dir"):
        step = -1 if f["dir"].lower() in ("before", "earlier") else 1
    else:
        word = f.get("anaphoric") or ""
        if f.get("the") and f["the"].lower() == "that" and word.lower() == "same":
            word = "that same"
        step = lookup(ctx.words.anaphoric, ctx.lang, word)
        if step is None:
            return None
    if unit.name in ("hour", "minute", "second"):
        return None
    return _narrative(step, unit, ctx)


@handler("offset")
def offset_handler(f: Fields, ctx: Context) -> Resolved | None:
    unit = _unit(f, ctx)
    n = number(f.get("num"), ctx)
    direction = lookup(ctx.words.directions, ctx.lang, f.get("direction"))
    if unit is None or n is None or direction is None:
        return None
    mod = _mod(f, ctx)
    if n == "X":
        value = "PAST_REF" if direction.step < 0 else "FUTURE_REF"
        return Resolved(value, kind="relative" if direction.anchor == "publication" else "narrative", mod=mod)
    assert isinstance(n, float)
    if unit.name == "year" and n == 1.0 and ctx.quarter is not None:
        # "a year ago" / "a year earlier" beside a quarter's figures: the same quarter a year before
        value = _at_unit(shift(ctx.quarter, "year", direction.step), "quarter") or ""
        return Resolved(value, kind="narrative", anchor=_anchor_label("narrative", ctx.quarter), mod=mod)
    if direction.anchor == "narrative":
        return _narrative(direction.step, unit, ctx, n, mod)
    pub = ctx.publication
    if pub is None:
        return Resolved("PAST_REF" if direction.step < 0 else "FUTURE_REF", kind="relative", mod=mod)
    moved = _at_unit(_shift_by(pub, unit, direction.step * n), unit.name)
    if moved is None:
        return Resolved("PAST_REF" if direction.step < 0 else "FUTURE_REF", kind="relative", mod=mod)
    span = None
    if mod == "MORE_THAN" and n.is_integer():
        # "more than 30 years ago": before 1994 (TIMEX3 value 1994, mod BEFORE), dated to the nearest such
        # unit, 31 years ago
        mod = "BEFORE" if direction.step < 0 else "AFTER"
        beyond = _at_unit(_shift_by(pub, unit, direction.step * (n + 1)), unit.name)
        words = ctx.words
        span = interval(beyond, None, words.season_months, words.year_months) if beyond else None
    return Resolved(moved, kind="relative", anchor=_anchor_label("publication", pub), mod=mod, span=span)


@handler("duration")
def duration_handler(f: Fields, ctx: Context) -> Resolved | None:
    mod = _mod(f, ctx)
    if f.get("plural"):
        unit = lookup(ctx.words.units, ctx.lang, f["plural"])
        if unit is None:
            return None
        return Resolved(duration_value("X", unit.code), type="DURATION", kind="duration", mod=mod)
    unit = _unit(f, ctx)
    n = number(f.get("num"), ctx)
    if unit is None or n is None:
        return None
    if isinstance(n, float) and "and a half" in _norm(f.get("_text", "")):
        n += 0.5
    article = (f.get("num") or "").lower() in ("a", "an") or (f.get("the") or "").lower() in ("a", "an")
    if article and not mod and not f.get("span") and amount_before().search(ctx.before):
        return Resolved(duration_value(1.0, unit.code), type="SET", kind="set")
    return Resolved(duration_value(n, unit.code), type="DURATION", kind="duration", mod=mod)


def _cut(point: Point, precision: str) -> str:
    """``point`` written at ``precision`` (day, month or year)."""
    if precision == "day" and point.day is not None:
        return point.iso()
    if precision in ("day", "month") and point.month is not None:
        return f"{point.year:04d}-{point.month:02d}"
    return f"{point.year:04d}"


@handler("duration_of")
def duration_of_handler(f: Fields, ctx: Context) -> Resolved | None:
    """"the year ended March 31": the length of the named unit (TimeML writes it P1Y)."""
    text = _norm(f.get("_text", ""))
    for form, unit in ctx.words.units.get(ctx.lang, ctx.words.units.get("en", {})).items():
        if text.endswith(" " + form):
            return Resolved(duration_value(1.0, unit.code), type="DURATION", kind="duration")
    return None


@handler("set")
def set_handler(f: Fields, ctx: Context) -> Resolved | None:
    if f.get("setword"):
        value = lookup(ctx.words.sets, ctx.lang, f["setword"])
        return Resolved(value, type="SET", kind="set") if value else None
    n = number(f.get("num"), ctx) if f.get("num") and f["num"].lower() != "other" else None
    if f.get("num") and f["num"].lower() == "other":
        n = 2.0
    if f.get("weekday_full"):
        wd = lookup(ctx.words.weekdays, ctx.lang, f["weekday_full"])
        return Resolved(f"XXXX-WXX-{wd}", type="SET", kind="set")
    if f.get("month"):
        return Resolved(f"XXXX-{_month(f, ctx):02d}", type="SET", kind="set")
    unit = _unit(f, ctx)
    if unit is None:
        return None
    return Resolved(duration_value(n if isinstance(n, float) else 1.0, unit.code), type="SET", kind="set")


@handler("ref")
def ref_handler(f: Fields, ctx: Context) -> Resolved | None:
    value = lookup(ctx.words.references, ctx.lang, f.get("ref"))
    if not value:
        return None
    pub = ctx.publication
    if pub is not None and _norm(f.get("ref") or "") in _recent_words(ctx.lang):
        # "recently", "a recent statement": the publication's month (the value stays PAST_REF)
        when = _cut(pub, "month")
        return Resolved(value, kind="relative", anchor=_anchor_label("publication", pub),
                        span=(when, when, "month" if pub.month is not None else "year"))
    return Resolved(value, kind="relative")


@lru_cache(maxsize=8)
def _recent_words(lang: str) -> frozenset[str]:
    table = context_words()["recent_references"]
    return frozenset(_norm(str(w)) for w in list(table.get(lang, [])) + list(table.get("en", [])))

"""Handlers: from the named groups of a rule match to a TIMEX3 value (TempEval-3 conventions).

Each handler is a pure function ``(fields, ctx) -> Resolved | None`` registered under the name a rule gives
in ``data/time/rules.yaml``. ``ctx`` holds the anchors: the publication date (for "last year", "on Thursday",
"in February") and the narrative time (the last date before the expression, for "a year later", "that
day"), plus the tense of the clause, which decides whether a year-less date lies before or after the
publication date (past is the default).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .calendar import Point, add_months, quarter_of, shift, valid_day, week_value
from .words import Holiday, TimeWords, Unit, lookup

Fields = dict[str, str]


@dataclass(frozen=True, slots=True)
class Context:
    lang: str
    words: TimeWords
    publication: Point | None
    narrative: Point | None
    local: Point | None             # the last year-bearing date of the same sentence (or paragraph)
    absolute: Point | None          # the last date written out in full before the expression
    tense: str                      # "past" | "future"
    us_dates: bool | None           # month-first numeric dates, from evidence in the document
    before: str                     # the text just before the expression (for "a year" after an amount)
    quarter: Point | None = None    # the last quarter named in the paragraph (its first month), if any


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str
    type: str = "DATE"              # DATE | TIME | DURATION | SET
    kind: str = "absolute"          # absolute | relative | narrative | duration | set
    mod: str | None = None
    anchor: str | None = None       # "publication:2003-03-12" | "narrative:1993"
    span: tuple[str, str, str] | None = None   # an interval other than the value's own (date_start, date_end, prec)


Handler = Callable[[Fields, Context], Resolved | None]
HANDLERS: dict[str, Handler] = {}

_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|dollars?|euros?|percent|cents?|times|"
                            r"barrels|tons|tonnes)|%)\S*\s+$", re.IGNORECASE)
_WS = re.compile(r"\s+")


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[name] = func
        return func
    return register


# ---------------------------------------------------------------------------------------------- helpers

def _norm(text: str) -> str:
    return _WS.sub(" ", text.strip().lower())


def _anchor_label(role: str, point: Point | None) -> str | None:
    return f"{role}:{point.iso()}" if point else None


def _month(f: Fields, ctx: Context, key: str = "month") -> int | None:
    form = f.get(key)
    if not form:
        return None
    return lookup(ctx.words.months, ctx.lang, form.rstrip("."))


def _day(text: str | None) -> int | None:
    if not text:
        return None
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else None


def _two_digit_year(yy: int, ctx: Context) -> int:
    ref = ctx.publication.year if ctx.publication else 2030
    return 2000 + yy if 2000 + yy <= ref + 5 else 1900 + yy


def _year(f: Fields, ctx: Context) -> int | None:
    for key in ("year", "year2"):
        if f.get(key):
            return int(f[key])
    if f.get("yy"):
        return _two_digit_year(int(f["yy"]), ctx)
    return None


def _mod(f: Fields, ctx: Context) -> str | None:
    if f.get("part"):
        return lookup(ctx.words.parts, ctx.lang, f["part"].rstrip("-").strip())
    if f.get("half"):
        half = lookup(ctx.words.halves, ctx.lang, f["half"])
        return ctx.words.half_mods.get(half) if half else None
    if f.get("mod"):
        return lookup(ctx.words.modifiers, ctx.lang, f["mod"])
    return None


def number(text: str | None, ctx: Context) -> float | str | None:
    """A count written in digits or words ("14", "twenty-four", "a few" -> "X", "2 1/2")."""
    if not text:
        return None
    t = _norm(text).replace("-", " ")
    m = re.fullmatch(r"(\d+)(?:[.,](\d+))?(?:\s+(\d)/(\d))?", t)
    if m:
        value = float(f"{m.group(1)}.{m.group(2)}" if m.group(2) else m.group(1))
        if m.group(3):
            value += int(m.group(3)) / int(m.group(4))
        return value
    parts = t.split()
    if len(parts) == 2 and parts[0] in ctx.words.tens and parts[1] in ctx.words.ones:
        return float(ctx.words.tens[parts[0]] + ctx.words.ones[parts[1]])
    found = lookup(ctx.words.cardinals, ctx.lang, t)
    return found if found is not None else None


def _unit(f: Fields, ctx: Context, key: str = "unit") -> Unit | None:
    form = f.get(key)
    return lookup(ctx.words.units, ctx.lang, form) if form else None


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


_SMALLER = {"Y": (12, "M"), "M": (4, "W"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"), "E": (10, "Y"),
            "C": (100, "Y")}


_IN_YEARS = {"E": 10, "C": 100, "L": 1000}


def duration_value(n: float | str, code: str) -> str:
    """TIMEX3 duration: P14Y, PT3H, PXD; decades and centuries are counted in years (P30Y), as TimeML
    annotators mostly do, unless the count is unknown (PXE)."""
    if code in _IN_YEARS and n != "X":
        assert isinstance(n, float)
        return duration_value(n * _IN_YEARS[code], "Y")
    if n == "X":
        return f"PT X{code[1:]}".replace(" ", "") if code.startswith("T") else f"PX{code}"
    assert isinstance(n, float)
    if not n.is_integer() and code in _SMALLER:
        factor, smaller = _SMALLER[code]
        whole, frac = int(n), n - int(n)
        rest = frac * factor
        if rest.is_integer():
            if whole == 0:
                return duration_value(float(rest), smaller)
            if not code.startswith("T") and not smaller.startswith("T"):
                return f"P{whole}{code}{int(rest)}{smaller}"
    if code.startswith("T"):
        return f"PT{_fmt_number(n)}{code[1:]}"
    return f"P{_fmt_number(n)}{code}"


def _at_unit(point: Point, unit: str) -> str | None:
    """The TIMEX3 value of ``point`` at the granularity of ``unit``; None when ``point`` is too coarse."""
    if unit in ("year", "millennium"):
        return f"{point.year:04d}"
    if unit == "decade":
        return f"{point.year // 10:03d}"
    if unit == "century":
        return f"{point.year // 100:02d}"
    if unit == "month":
        return point.iso()[:7] if point.month else None
    if unit == "quarter":
        return f"{point.year:04d}-Q{quarter_of(point.month)}" if point.month else None
    if unit == "week":
        return week_value(point) if point.day else None
    if unit == "weekend":
        return week_value(point) + "-WE" if point.day else None
    if unit in ("day", "hour", "minute", "second"):
        return point.iso() if point.day else None
    return None


def _degrade(point: Point, unit: str) -> str:
    """The value of ``point`` at ``unit`` or, when it is too coarse for it, at its own precision."""
    return _at_unit(point, unit) or point.iso()


def _year_for(month: int, day: int | None, ctx: Context) -> int | None:
    """The year of a year-less month (and day): after the publication date when the clause speaks of the
    future, before it when it speaks of the past, else the nearest one."""
    pub = ctx.publication
    if pub is None:
        return None
    if pub.month is None:
        return pub.year
    ref = pub.month * 31 + (pub.day or 15 if day else 0)
    key = month * 31 + (day or 0 if day else 0)
    if day is None:
        ref = pub.month * 31
    if ctx.tense == "future":
        return pub.year + 1 if key < ref else pub.year
    if ctx.tense == "past":
        return pub.year - 1 if key > ref else pub.year
    options = [(abs((y - pub.year) * 372 + key - ref), y) for y in (pub.year - 1, pub.year, pub.year + 1)]
    return min(options)[1]


# ------------------------------------------------------------------------------------------ handlers

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
    if ctx.local is not None and not f.get("deictic"):
        return Resolved(f"{ctx.local.year:04d}-Q{q}", kind="narrative", anchor=_anchor_label("narrative", ctx.local))
    if pub is None:
        return Resolved(f"XXXX-Q{q}", kind="relative")
    if f.get("deictic"):
        year = pub.year + (lookup(ctx.words.deictic, ctx.lang, f["deictic"]) or 0)
    elif pub.month is None:
        year = pub.year
    else:
        current = quarter_of(pub.month)
        year = pub.year - 1 if q > current and ctx.tense != "future" else pub.year
    return Resolved(f"{year:04d}-Q{q}", kind="relative", anchor=_anchor_label("publication", pub))


def _the_quarter(f: Fields, ctx: Context) -> Resolved | None:
    """"the quarter": the one the paragraph is about, else the last one reported (the one before the
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
    if re.search(r"year[\s-]+(?:ago|earlier)", text):
        point = shift(point, "year", -1)
    return Resolved(_at_unit(point, "quarter") or "XXXX-QX", kind="relative", anchor=_anchor_label("publication", pub))


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
    return Resolved(f"{base}T{hhmm}", type="TIME", kind=day.kind if day else "relative",
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
    # "Friday night", "Thursday morning": the day (as news annotators mostly normalise it), not a part of it
    suffix = ""
    rtype = "DATE"
    pub = ctx.publication
    if pub is None or pub.day is None:
        return Resolved(f"XXXX-WXX-{wd}{suffix}", type=rtype, kind="relative")
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
    if unit is None and _norm(f.get("_text", "")).endswith("year"):   # "for the year", "the full year"
        unit = ctx.words.units.get("en", {}).get("year")
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
    return Resolved(moved, kind="relative", anchor=_anchor_label("publication", pub), mod=mod)


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
    if article and not mod and not f.get("span") and _AMOUNT_BEFORE.search(ctx.before):
        return Resolved(duration_value(1.0, unit.code), type="SET", kind="set")
    return Resolved(duration_value(n, unit.code), type="DURATION", kind="duration", mod=mod)


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
    return Resolved(value, kind="relative") if value else None


def resolve(handler_name: str, fields: Fields, ctx: Context) -> Resolved | None:
    """Run the handler a rule names; an unknown name is a data error caught by the grammar test."""
    func = HANDLERS.get(handler_name)
    return func(fields, ctx) if func else None

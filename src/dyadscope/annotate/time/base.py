"""What the resolvers share: the context of an expression, its resolved value, the handler registry and
calendar helpers.

Handlers (in :mod:`.absolute` and :mod:`.relative`) turn the named groups of a rule match into a TIMEX3 value
(TempEval-3 conventions).

Each handler is a pure function ``(fields, ctx) -> Resolved | None`` registered under the name a rule gives
in ``data/time/rules.yaml``. ``ctx`` holds the anchors: the publication date (for "last year", "on Thursday",
"in February") and the narrative time (the last date before the expression, for "a year later", "that
day"), plus the tense of the clause, which decides whether a year-less date lies before or after the
publication date (without a cue, the nearest one is taken).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .calendar import Point, quarter_of, week_value
from .grammar import context_words
from .patterns import alt
from .words import TimeWords, Unit, lookup

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
    quarter: Point | None = None    # the first quarter named in the document (its first month): the period a
                                    # report is about, which "a year earlier" and "the quarter" refer to


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

@lru_cache(maxsize=1)
def _future_weight() -> float:
    return float(context_words()["tense"]["future_weight"])


@lru_cache(maxsize=1)
def amount_before() -> re.Pattern[str]:
    """An amount right before "a year", "a week" that makes it a rate ("$5 a year", "twice a week"): a SET."""
    words = alt([str(w) for w in context_words()["rate_after"]])
    return re.compile(rf"(?:\d|\b(?:{words}))\S*\s+$", re.IGNORECASE)


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
    # without a cue the nearest one, a coming month counting twice as far as a past one: news reports
    # mostly what has happened ("rose to a high in June from $29.75 in March", written in October)
    options = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        offset = (y - pub.year) * 372 + key - ref
        options.append((offset * _future_weight() if offset > 0 else -offset, y))
    return min(options)[1]


# ------------------------------------------------------------------------------------------ handlers

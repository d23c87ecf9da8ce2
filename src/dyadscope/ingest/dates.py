"""Publication dates from date strings already found (a dateline, a manifest cell, a journal line).

:func:`parse_date` reads the parts itself from the word lists of ``data/ingest/dates.yaml`` (day, month
name or number, season, year) so the precision is exactly what the string states: "5 June 2019" is a
day, "March 2003" a month, "Fall 2011" a season, "Spring & Summer 2016" and "2016" a year. Strings it cannot
take apart are handed to dateparser (never to search a text, only to parse a string already found).

ISO values: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a season keeps the year as its value (``2011``) with
precision ``season`` and the season code (SP, SU, FA, WI) in :attr:`ParsedDate.season`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lexicon import load_yaml, words_pattern

_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$")
_NUMERIC_RE = re.compile(r"(?<![\d.])(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?![\d])")
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DAY_RE = re.compile(r"(?<![\d:])([0-3]?\d)(?:st|nd|rd|th|-?(?:го|е|ci|cı|cu|cü|inci|ıncı|nci))?(?![\d:])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    value: str
    precision: str
    season: str | None = None
    #: an all-numeric date whose day and month could be swapped (both ≤ 12, e.g. 4/5/2004)
    ambiguous: bool = False
    #: the other reading of an ambiguous date
    alternative: str | None = None


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return dict(load_yaml("ingest/dates.yaml"))


def word_key(word: str) -> str:
    """How date words are compared: lower case, without the combining dot of a lower-cased Turkish İ."""
    return word.lower().replace("\u0307", "")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month word (see :func:`word_key`) → month number."""
    return {word_key(str(w)): int(m) for m, words in _data()["months"].items() for w in words}


@lru_cache(maxsize=1)
def season_codes() -> dict[str, str]:
    return {word_key(str(w)): str(code) for code, words in _data()["seasons"].items() for w in words}


def _words(key: str) -> list[str]:
    return [str(w) for group in _data()[key].values() for w in group]


@lru_cache(maxsize=1)
def weekday_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data()["weekdays"])


@lru_cache(maxsize=1)
def placeholders() -> dict[str, str]:
    """Regex fragments for the ``<<…>>`` placeholders of metadata rules (each case-insensitive)."""
    d = _data()
    return {
        "month": f"(?i:{words_pattern(_words('months'))}\\.?)",
        "weekday": f"(?i:{words_pattern(weekday_words())})",
        "season": f"(?i:{words_pattern(_words('seasons'))})",
        "day": r"(?:[0-2]?\d|3[01])(?i:st|nd|rd|th)?",
        "year": r"(?:1[89]\d\d|20\d\d)",
        "time": r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?i:[ap]\.?m\.?))?(?:\s*\(?[A-Z]{2,5}\)?)?)",
        "yearsuffix": f"(?i:{words_pattern(d['year_suffixes'], boundary=False)})",
    }


def _valid(year: int, month: int = 1, day: int = 1) -> bool:
    if not int(_data()["min_year"]) <= year <= dt.date.today().year + 1:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _numeric(m: re.Match[str], order: str | None) -> ParsedDate | None:
    a, sep, b, c = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
    order = order or str(_data()["numeric_orders"].get(sep, "DMY"))
    if len(m.group(1)) == 4:
        order = "YMD"
    parts = dict(zip(order, (a, b, c)))
    year, month, day = parts["Y"], parts["M"], parts["D"]
    if year < 100 or not _valid(year, month, day):
        if order != "YMD" and _valid(year, day, month):  # the day is above 12: the order was the other one
            return ParsedDate(_iso(year, day, month), "day")
        return None
    ambiguous = (order != "YMD" and sep in _data()["ambiguous_separators"] and month != day
                 and day <= 12 and _valid(year, day, month))
    alternative = _iso(year, day, month) if ambiguous else None
    return ParsedDate(_iso(year, month, day), "day", ambiguous=ambiguous, alternative=alternative)


def parse_date(text: str, *, order: str | None = None, languages: tuple[str, ...] = ("en",)) -> ParsedDate | None:
    """The date ``text`` states, at the precision it states, or None.

    ``order`` (``"DMY"``, ``"MDY"``, ``"YMD"``) sets how an all-numeric date is read; by default it follows
    the separator (dates.yaml). Dates before ``min_year`` or after next year are refused.
    """
    s = " ".join(text.split())
    if not s:
        return None
    iso = _ISO_RE.match(s)
    if iso:
        year = int(iso.group(1))
        month = int(iso.group(2)) if iso.group(2) else None
        day = int(iso.group(3)) if iso.group(3) else None
        if _valid(year, month or 1, day or 1):
            return ParsedDate(_iso(year, month, day), "day" if day else "month" if month else "year")
        return None
    numeric = _NUMERIC_RE.search(s)
    if numeric:
        return _numeric(numeric, order)
    return _from_words(s) or _with_dateparser(s, languages)


def _from_words(s: str) -> ParsedDate | None:
    s = _TIME_RE.sub(" ", s)
    years = sorted({int(y) for y in _YEAR_RE.findall(s)})
    if len(years) != 1:
        return None
    year = years[0]
    rest = _YEAR_RE.sub(" ", s)
    months: list[int] = []
    seasons: list[str] = []
    names, codes = month_numbers(), season_codes()
    for word in re.findall(r"[^\W\d_]+", word_key(rest)):
        if word in names:
            months.append(names[word])
        elif word in codes:
            seasons.append(codes[word])
    days = [int(d) for d in _DAY_RE.findall(rest)]
    if len(set(months)) > 1 or len(set(seasons)) > 1 or (months and seasons):
        return ParsedDate(_iso(year), "year") if _valid(year) else None
    if months:
        month = months[0]
        if len(days) == 1 and _valid(year, month, days[0]):
            return ParsedDate(_iso(year, month, days[0]), "day")
        if not days and _valid(year, month):
            return ParsedDate(_iso(year, month), "month")
        return None
    if seasons and not days:
        return ParsedDate(_iso(year), "season", season=seasons[0]) if _valid(year) else None
    if not days and not re.search(r"[^\W\d_]", rest):
        return ParsedDate(_iso(year), "year") if _valid(year) else None
    return None


@lru_cache(maxsize=8)
def _parser(languages: tuple[str, ...]) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(languages), settings={
        "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"], "PARSERS": ["absolute-time"]})


def _with_dateparser(s: str, languages: tuple[str, ...]) -> ParsedDate | None:
    try:
        data = _parser(tuple(languages))
        found = data.get_date_data(s)
    except (ValueError, TypeError, OverflowError):
        return None
    if found is None or found.date_obj is None:
        return None
    d = found.date_obj
    period = found.period or "day"
    if not _valid(d.year, d.month, d.day):
        return None
    if period == "year":
        return ParsedDate(_iso(d.year), "year")
    if period == "month":
        return ParsedDate(_iso(d.year, d.month), "month")
    return ParsedDate(_iso(d.year, d.month, d.day), "day")

"""The word tables of the temporal tagger, read once from ``data/time/*.yaml`` (STYLE 2).

:func:`time_words` returns one immutable :class:`TimeWords` with every lookup the rules and resolvers need:
surface form (lower-cased) → meaning. Nothing here matches text; :mod:`.grammar` turns the tables into
regular expressions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ...errors import DataFileError
from ...lexicon import load_yaml, version_of

CALENDAR = "time/calendar.yaml"
NUMBERS = "time/numbers.yaml"
RELATIVE = "time/relative.yaml"
CONTEXT = "time/context.yaml"
NEGATIVE = "time/negative.yaml"
RULES = "time/rules.yaml"

Number = float | str  # a count, or "X" for an unspecified one


@dataclass(frozen=True, slots=True)
class Unit:
    name: str          # year, month, week, day, weekend, quarter, decade, century, millennium, hour, ...
    code: str          # TIMEX3 duration letter(s): Y, M, W, D, WE, Q, E, C, L, TH, TM, TS
    precision: str     # the precision of a date at this unit


@dataclass(frozen=True, slots=True)
class Direction:
    step: int
    anchor: str        # "publication" | "narrative"


@dataclass(frozen=True, slots=True)
class DayWord:
    shift: int
    tod: str | None


@dataclass(frozen=True, slots=True)
class Holiday:
    date: str | None               # "12-25" for a fixed day
    rule: str | None               # easter | nth_weekday | after_first_monday
    args: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeWords:
    """Every word table, keyed by language code where the data is per language."""

    months: dict[str, dict[str, int]]          # lang -> form (lower case) -> month number
    written: dict[str, dict[str, tuple[str, ...]]]   # "months"/"weekdays" -> lang -> forms as written
    abbreviations: frozenset[str]              # month and weekday forms after the first of their entry
    ambiguous_months: frozenset[str]
    weekdays: dict[str, dict[str, int]]        # lang -> form -> ISO weekday (1 = Monday)
    ambiguous_weekdays: frozenset[str]
    seasons: dict[str, dict[str, str]]         # lang -> form -> SP/SU/FA/WI
    season_months: dict[str, tuple[int, int]]
    parts: dict[str, dict[str, str]]           # lang -> phrase -> START/MID/END
    halves: dict[str, dict[str, int]]          # lang -> phrase -> 1/2
    half_mods: dict[int, str]
    year_months: dict[str, tuple[int, int]]
    times_of_day: dict[str, dict[str, str]]    # lang -> form -> MO/AF/EV/NI/DT
    clock_words: dict[str, str]
    utc_zones: frozenset[str]                  # zone names (lower case) whose clock times end in "Z"
    cardinals: dict[str, dict[str, Number]]
    tens: dict[str, int]
    ones: dict[str, int]
    year_centuries: dict[str, int]             # "nineteen" -> 19 (years in words: "nineteen ninety-six")
    year_thousands: dict[str, int]             # "two thousand" -> 2000
    ordinals: dict[str, dict[str, int]]
    roman: dict[str, int]
    units: dict[str, dict[str, Unit]]          # lang -> form -> unit
    decade_words: dict[str, dict[str, int]]
    deictic: dict[str, dict[str, int]]
    duration_with_article: frozenset[str]
    anaphoric: dict[str, dict[str, int]]
    directions: dict[str, dict[str, Direction]]
    day_words: dict[str, dict[str, DayWord]]
    references: dict[str, dict[str, str]]      # lang -> phrase -> PRESENT_REF/PAST_REF/FUTURE_REF
    sets: dict[str, dict[str, str]]
    set_quantifiers: dict[str, frozenset[str]]
    modifiers: dict[str, dict[str, str]]       # lang -> phrase -> TIMEX3 mod
    holidays: dict[str, dict[str, Holiday]]    # lang -> name as written -> when
    version: int


def _lower_map(table: dict[Any, Any], value: Any = None) -> dict[str, Any]:
    return {str(k).lower(): (v if value is None else value) for k, v in table.items()}


def _per_lang(table: dict[Any, Any], name: str) -> dict[str, dict[str, int]]:
    """{lang: {key: [forms]}} -> {lang: {form.lower(): int(key)}}"""
    out: dict[str, dict[str, int]] = {}
    for lang, entries in table.items():
        forms: dict[str, int] = {}
        for key, words in entries.items():
            if not isinstance(words, list):
                raise DataFileError(f"data/{name}: {lang}.{key} should be a list of words")
            for w in words:
                forms[str(w).lower()] = int(key)
        out[str(lang)] = forms
    return out


def _coded(table: dict[str, Any], skip: tuple[str, ...] = ()) -> dict[str, dict[str, str]]:
    """{CODE: {lang: [forms], ...}} -> {lang: {form.lower(): CODE}}"""
    out: dict[str, dict[str, str]] = {}
    for code, langs in table.items():
        for lang, words in langs.items():
            if lang in skip:
                continue
            for w in words:
                out.setdefault(str(lang), {})[str(w).lower()] = str(code)
    return out


@cache
def time_words() -> TimeWords:
    """The word tables (cached)."""
    cal = load_yaml(CALENDAR)
    num = load_yaml(NUMBERS)
    rel = load_yaml(RELATIVE)
    try:
        units: dict[str, dict[str, Unit]] = {}
        for name, spec in num["units"].items():
            unit = Unit(name=str(name), code=str(spec["code"]), precision=str(spec["precision"]))
            for lang in ("en", "ru"):
                for w in spec.get(lang, []):
                    units.setdefault(lang, {})[str(w).lower()] = unit
        halves: dict[str, dict[str, int]] = {}
        half_mods: dict[int, str] = {}
        for key, spec in cal["halves"].items():
            half_mods[int(key)] = str(spec["mod"])
            for lang in ("en", "ru"):
                for w in spec.get(lang, []):
                    halves.setdefault(lang, {})[str(w).lower()] = int(key)
        parts: dict[str, dict[str, str]] = {}
        for mod, langs in cal["parts"].items():
            for lang, words in langs.items():
                for w in words:
                    parts.setdefault(str(lang), {})[str(w).lower()] = str(mod)
        written = {key: {str(lang): tuple(str(w) for ws in table.values() for w in ws)
                         for lang, table in cal[key].items()} for key in ("months", "weekdays")}
        abbreviations = frozenset(str(w).lower() for key in ("months", "weekdays")
                                  for table in cal[key].values() for ws in table.values() for w in ws[1:])
        return TimeWords(
            months=_per_lang(cal["months"], CALENDAR),
            written=written,
            abbreviations=abbreviations,
            ambiguous_months=frozenset(str(w) for ws in cal["ambiguous_months"].values() for w in ws),
            weekdays=_per_lang(cal["weekdays"], CALENDAR),
            ambiguous_weekdays=frozenset(str(w) for ws in cal["ambiguous_weekdays"].values() for w in ws),
            seasons=_coded({k: {lg: v[lg] for lg in v if lg != "months"} for k, v in cal["seasons"].items()}),
            season_months={str(k): (int(v["months"][0]), int(v["months"][1])) for k, v in cal["seasons"].items()},
            parts=parts,
            halves=halves,
            half_mods=half_mods,
            year_months={str(k): (int(v[0]), int(v[1])) for k, v in cal["year_months"].items()},
            times_of_day=_coded(cal["times_of_day"]),
            clock_words={str(k).lower(): str(v) for k, v in cal["clock_words"].items()},
            utc_zones=frozenset(str(z).lower() for z in cal.get("utc_zones", ())),
            cardinals={lang: {str(k).lower(): (v if v == "X" else float(v)) for k, v in t.items()}
                       for lang, t in num["cardinals"].items()},
            tens=_lower_map(num["tens_units"]["en"]),
            ones=_lower_map(num["tens_units"]["units"]),
            year_centuries=_lower_map(num["spelled_years"]["centuries"]),
            year_thousands=_lower_map(num["spelled_years"]["thousands"]),
            ordinals={lang: _lower_map(t) for lang, t in num["ordinals"].items()},
            roman={str(k): int(v) for k, v in num["roman"].items()},
            units=units,
            decade_words={lang: _lower_map(t) for lang, t in num["decade_words"].items()},
            deictic={lang: _lower_map(t) for lang, t in rel["deictic"].items()},
            duration_with_article=frozenset(str(w).lower() for w in rel["duration_with_article"]),
            anaphoric={lang: _lower_map(t) for lang, t in rel["anaphoric"].items()},
            directions={lang: {str(k).lower(): Direction(int(v["step"]), str(v["anchor"])) for k, v in t.items()}
                        for lang, t in rel["directions"].items()},
            day_words={lang: {str(k).lower(): DayWord(int(v["shift"]), v.get("tod")) for k, v in t.items()}
                       for lang, t in rel["day_words"].items()},
            references=_coded(rel["references"]),
            sets={lang: _lower_map(t) for lang, t in rel["sets"].items()},
            set_quantifiers={lang: frozenset(str(w).lower() for w in ws) for lang, ws in rel["set_quantifiers"].items()},
            modifiers={lang: _lower_map(t) for lang, t in rel["modifiers"].items()},
            holidays={lang: {str(name): Holiday(date=spec.get("date"), rule=spec.get("rule"),
                                                args=tuple(int(a) for a in spec.get("args", ())))
                             for name, spec in table.items()} for lang, table in cal["holidays"].items()},
            version=version_of(RULES),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(f"a time data file under data/time/ is malformed: {exc!r}",
                            hint="compare it with the layout described at the top of the file") from exc


def spelled_year(text: str, words: TimeWords) -> int | None:
    """The year a year written in words stands for ("nineteen ninety-six" -> 1996, "two thousand and one" ->
    2001); None when ``text`` is not one."""
    parts = " ".join(text.lower().replace("-", " ").split()).split()
    for phrase, base in words.year_thousands.items():
        head = phrase.split()
        if parts[:len(head)] == head:
            rest = [w for w in parts[len(head):] if w != "and"]
            if not rest:
                return base
            n = _small_number(rest, words)
            return base + n if n is not None else None
    if len(parts) >= 2 and parts[0] in words.year_centuries:
        n = _small_number(parts[1:], words)
        if n is not None and 10 <= n <= 99:
            return words.year_centuries[parts[0]] * 100 + n
    return None


def _small_number(parts: list[str], words: TimeWords) -> int | None:
    """A number under a hundred written as one or two words ("ninety six", "twelve")."""
    if len(parts) == 2 and parts[0] in words.tens and parts[1] in words.ones:
        return words.tens[parts[0]] + words.ones[parts[1]]
    if len(parts) == 1:
        value = words.cardinals.get("en", {}).get(parts[0])
        if isinstance(value, float) and value.is_integer() and value < 100:
            return int(value)
    return None


def lookup(table: dict[str, dict[str, Any]], lang: str, form: str | None) -> Any:
    """The meaning of ``form`` in ``table`` for ``lang``, falling back to any language; None if unknown."""
    if form is None:
        return None
    key = " ".join(form.lower().replace("-", " ").split()) if " " in form or "-" in form else form.lower()
    for candidate in (form.lower(), key):
        if lang in table and candidate in table[lang]:
            return table[lang][candidate]
        for other in table.values():
            if candidate in other:
                return other[candidate]
    return None

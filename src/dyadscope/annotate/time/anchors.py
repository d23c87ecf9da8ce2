"""Anchors the narrative gives to time expressions that the sentence alone cannot date.

- :func:`in_passage` — a year-less date ("On 20 September", "in August") in a passage that has been talking
  about an earlier year takes that year, not the publication's;
- :func:`year_anchor` — whether an expression can give its year to such a date (written with its year, not the
  start of an open interval);
- :func:`event_offset` — "three days after the crash", "a day after Moscow recognised …", "the day before the
  vote": the time of the named event, found in an earlier sentence, moved by the offset;
- :func:`event_reference` — "the meeting", "the talks" in a passage without a time (or "during the visit" in a
  sentence whose own time is only a plan or an open period): the time of the nearest earlier sentence that
  names the event.

Both read their word lists from ``data/time/context.yaml`` (``passage_year_rules``, ``event_offsets``,
``event_references``). They
are pure functions over the records of one document; :mod:`.narrative` calls them in reading order.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...records import NarrativeTime, Sentence, Timex
from .calendar import Point, parse_point, shift
from .grammar import context_words, phrase_regex

_YEAR_VALUE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?=$|T)")
_OFFSET_VALUE = re.compile(r"^P(\d+)([DWMY])$")
_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”]")


def _rule_id(t: Timex) -> str:
    return t.rule.rsplit(":", 1)[-1]


@lru_cache(maxsize=1)
def _passage_rules() -> frozenset[str]:
    return frozenset(str(r) for r in context_words()["passage_year_rules"])


# ------------------------------------------------------------------------------------------ passage year

def year_anchor(t: Timex) -> bool:
    """Can ``t`` give its year to a year-less date later in the passage? It must be written with its year
    ("in 1993", "on 5 May 2011"; not "a year ago", "in August") and have both ends (not "since 2004", not
    "until 1998")."""
    if t.date_start is None or t.date_end is None or t.kind != "absolute":
        return False   # "a year ago", "the following year", "in August": their years are guesses of their own
    return parse_point(t.date_start) is not None


def _replace_year(iso: str | None, year: int) -> str | None:
    return f"{year:04d}{iso[4:]}" if iso else iso


def _after(p: Point, publication: Point) -> bool:
    """Does ``p`` lie after the publication date (after its month or year when it is known no finer)?"""
    return (p.year, p.month or 0, p.day or 0) > (publication.year, publication.month or 12, publication.day or 31)


def in_passage(t: Timex, anchor: Timex, publication: Point | None) -> Timex:
    """``t`` with the year of the passage whose time ``anchor`` gives, when ``t`` is a year-less date that took
    its year from the publication date; otherwise ``t`` unchanged.

    The date is put forward from the anchor (within a month before it: the same year) and never after the
    publication date."""
    if t.kind != "relative" or not (t.anchor or "").startswith("publication") or _rule_id(t) not in _passage_rules():
        return t
    m = _YEAR_VALUE.match(t.value)
    point = parse_point(anchor.date_start)
    if m is None or point is None:
        return t
    month, day = int(m.group(2)), int(m.group(3)) if m.group(3) else None
    year = point.year
    if point.month is not None and month < point.month - 1:
        year += 1
    if publication is not None and _after(Point(year, month, day), publication):
        year = point.year
        if _after(Point(year, month, day), publication):
            return t
    if year == int(m.group(1)):
        return t
    return dataclasses.replace(t, value=f"{year:04d}{t.value[4:]}", date_start=_replace_year(t.date_start, year),
                               date_end=_replace_year(t.date_end, year), kind="narrative",
                               anchor=f"narrative:{point.iso()}")


def follow(t: Timex, moved: dict[str, str]) -> Timex:
    """``t`` moved by as many years as the date it was anchored on ("three days later" after "On 25 December",
    when the passage gave that date another year); otherwise ``t`` unchanged."""
    anchor = t.anchor or ""
    if t.kind != "narrative" or not anchor.startswith("narrative:") or anchor[10:] not in moved:
        return t
    before, after = anchor[10:], moved[anchor[10:]]
    delta = int(after[:4]) - int(before[:4])
    m = re.match(r"^\d{4}", t.value)
    if m is None or delta == 0:
        return t
    year = int(m.group()) + delta
    return dataclasses.replace(t, value=f"{year:04d}{t.value[4:]}", anchor=f"narrative:{after}",
                               date_start=_shift_year(t.date_start, delta), date_end=_shift_year(t.date_end, delta))


def _shift_year(iso: str | None, delta: int) -> str | None:
    return f"{int(iso[:4]) + delta:04d}{iso[4:]}" if iso else iso


# ----------------------------------------------------------------------------------------- event offsets

@dataclass(frozen=True, slots=True)
class Offset:
    """The date of an offset from an event: the expression, the phrase naming the event, the dated result."""

    timex: Timex
    end: int                  # end of the event phrase
    date_start: str
    date_end: str
    precision: str


@dataclass(frozen=True, slots=True)
class _OffsetWords:
    signals: re.Pattern[str]
    steps: dict[str, int]
    stop: frozenset[str]
    stem: int
    min_length: int
    max_words: int
    look_back: int
    rules: frozenset[str]


@lru_cache(maxsize=8)
def _offset_words(lang: str) -> _OffsetWords:
    spec = context_words()["event_offsets"]
    steps = {str(k).lower(): int(v) for k, v in (spec["signals"].get(lang) or {}).items()}
    signals = re.compile(r"\s+(" + phrase_regex(steps or ["(?!x)x"]).pattern + r")\s+", re.IGNORECASE)
    return _OffsetWords(signals=signals, steps=steps,
                        stop=frozenset(str(w).lower() for w in context_words()["topic"]["stopwords"]),
                        stem=int(spec["stem_length"]), min_length=int(spec["min_length"]),
                        max_words=int(spec["max_words"]), look_back=int(spec["look_back"]),
                        rules=frozenset(str(r) for r in spec["rules"]))


def _stems(text: str, start: int, end: int, w: _OffsetWords) -> list[tuple[str, int]]:
    """(stem, offset) of the content words of text[start:end]: lower-case words, not stop words."""
    out = []
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if not word[0].islower() or len(word) < w.min_length or word in w.stop:
            continue
        out.append((word[: w.stem], m.start()))
    return out


def _dated(t: Timex) -> bool:
    return t.kind not in ("duration", "set") and t.date_start is not None


def _event_time(stems: set[str], text: str, history: Sequence[tuple[Sentence, Sequence[Timex], NarrativeTime]],
                w: _OffsetWords) -> tuple[str, str, str] | None:
    """(date_start, date_end, precision) of the nearest earlier sentence naming the event: its expression
    nearest the shared word, else its narrative time."""
    for sentence, timexes, nt in list(history)[::-1][: w.look_back]:
        hits = [pos for stem, pos in _stems(text, sentence.start, sentence.end, w) if stem in stems]
        if not hits:
            continue
        dated = [t for t in timexes if _dated(t)]
        if dated:
            best = min(dated, key=lambda t: min(abs(t.start - pos) for pos in hits))
            assert best.date_start is not None
            return best.date_start, best.date_end or best.date_start, best.precision or "year"
        if nt.date_start is not None:
            return nt.date_start, nt.date_end or nt.date_start, nt.precision or "year"
    return None


def _amount(t: Timex) -> tuple[int, str] | None:
    """(count, unit name) of an offset expression: "three days" (P3D), "the day [after]"."""
    m = _OFFSET_VALUE.match(t.value)
    if m:
        return int(m.group(1)), _UNITS[m.group(2)]
    if _rule_id(t) == "unit_before_after":
        word = t.text.lower().split()[-1]
        for unit in _UNITS.values():
            if word == unit:
                return 1, unit
    return None   # "PXD", "the weeks before": no count to move by


def event_offset(sentence: Sentence, timexes: Sequence[Timex], text: str,
                 history: Sequence[tuple[Sentence, Sequence[Timex], NarrativeTime]],
                 carried: NarrativeTime | None, lang: str = "en") -> Offset | None:
    """The first offset from an event in ``sentence`` ("three days after the crash"), dated by the time of the
    event (see :func:`_event_time`) or, when no earlier sentence names it, by the carried narrative time."""
    w = _offset_words(lang)
    if not w.steps or any(_dated(t) and _rule_id(t) not in w.rules for t in timexes):
        return None   # a date written in the sentence ("Nov. 3, the day before ...") is its anchor
    for t in timexes:
        if _rule_id(t) not in w.rules:
            continue
        amount = _amount(t)
        signal = w.signals.match(text, t.end, sentence.end)
        if amount is None or signal is None:
            continue
        stop = _CLAUSE_END.search(text, signal.end(), sentence.end)
        end = stop.start() if stop else sentence.end
        words = list(_WORD.finditer(text, signal.end(), end))[: w.max_words]
        if not words:
            continue
        end = words[-1].end()
        if any(_dated(o) and signal.end() <= o.start < end for o in timexes):
            return None   # "three days after 25 December": the date is written out
        step = w.steps[" ".join(signal.group(1).lower().split())]
        found = _event_time({s for s, _ in _stems(text, signal.end(), end, w)}, text, history, w)
        if found is None and carried is not None and carried.date_start is not None:
            found = carried.date_start, carried.date_end or carried.date_start, carried.precision or "year"
        if found is None:
            return None
        base = parse_point(found[1] if step > 0 else found[0])
        if base is None:
            return None
        moved = shift(base, amount[1], step * amount[0])
        return Offset(timex=t, end=end, date_start=moved.iso(), date_end=moved.iso(), precision=moved.precision)
    return None


@lru_cache(maxsize=16)
def _reference_pattern(lang: str, temporal: bool = False) -> tuple[re.Pattern[str], int]:
    spec = context_words()["event_references"]
    nouns = [str(w) for w in list(spec.get(lang) or []) + (list(spec.get("en") or []) if lang != "en" else [])]
    determiners = phrase_regex([str(w) for w in spec["determiners"]]).pattern
    lead = rf"{phrase_regex([str(w) for w in spec.get('temporal') or []]).pattern}\s+" if temporal else ""
    return (re.compile(rf"{lead}{determiners}\s+(?:[^\W\d_][\w'’-]*\s+)?{phrase_regex(nouns).pattern}",
                       re.IGNORECASE),
            int(spec["look_back"]))


def event_reference(sentence: Sentence, text: str,
                    history: Sequence[tuple[Sentence, Sequence[Timex], NarrativeTime]],
                    lang: str = "en", temporal: bool = False) -> tuple[str, str, str, int, int] | None:
    """(date_start, date_end, precision, start, end of the phrase) of the first definite reference to an event
    named earlier ("came to the meeting" after "a meeting in Kazan on 24 June 2011"), dated by the nearest
    earlier sentence that names it (see :func:`_event_time`); None when there is none. ``temporal``: only a
    reference after a temporal preposition ("during the visit", ``event_references.temporal``)."""
    pattern, look_back = _reference_pattern(lang, temporal)
    w = _offset_words(lang)
    w = dataclasses.replace(w, look_back=look_back, min_length=min(w.min_length, 4))
    for m in pattern.finditer(text, sentence.start, sentence.end):
        noun = m.group().split()[-1]
        found = _event_time({noun.lower()[: w.stem]}, text, history, w)
        if found is not None:
            return found[0], found[1], found[2], m.start(), m.end()
    return None

"""The temporal tagger: time expressions of a text, normalised against the publication date.

:func:`tag` works on any text; :func:`tag_sentences` on the sentences of a document (the ``time`` stage).
Steps, per sentence: a word pre-filter; one scan with the union of the rules (:mod:`.candidates`); day
lists, ranges and open intervals (:mod:`.ranges`); then, in reading order, each candidate is resolved
(:mod:`.resolve`) against the publication date and the narrative time — the last date before it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...records import PRECISIONS, Sentence, Timex
from ...text.segment import paragraphs
from .calendar import Point, interval, parse_point
from .candidates import Candidate, attributive, find
from .grammar import RULESET, context_words, grammar
from .patterns import alt
from .ranges import day_lists, link_ranges, opens_interval
from .resolve import Context, Resolved, resolve
from .words import time_words

_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?![\d/])")
_POINT_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_TENSE_BEFORE = 80
_TENSE_AFTER = 40
_TENSE_AFTER_FRONTED = 90   # a time phrase opening its sentence: the main clause after it holds the cue
_LEAD_WORDS = re.compile(r"\w+")
#: handlers of dates whose year may be left out ("the December crash", "the Victory Day parade")
_ATTRIBUTIVE_HANDLERS = frozenset({"date", "holiday"})
#: handlers that read the clause's tense (and "date" when the expression has no year)
_TENSE_HANDLERS = frozenset({"weekday", "quarter", "holiday", "year_end", "deictic_unit", "deictic_half", "clock"})
_YEAR_FIELDS = frozenset({"year", "year2", "yy"})


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    index: int          # sentence index (-1 when unknown)
    paragraph: int


@lru_cache(maxsize=1)
def _tense_regex() -> re.Pattern[str]:
    tense = context_words()["tense"]
    future = alt([str(w) for w in tense["future"]])
    past = alt([str(w) for w in tense["past"]])
    return re.compile(rf"(?<![\w'])(?:(?P<future>{future})|(?P<past>{past}))(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _clause_break() -> re.Pattern[str]:
    return re.compile(str(context_words()["tense"]["clause_break"]), re.IGNORECASE)


@lru_cache(maxsize=1)
def _reporting_regex() -> re.Pattern[str]:
    verbs = alt([str(w) for w in context_words()["tense"]["reporting"]])
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:on|late|early|in)\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _past_after() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    tense = context_words()["tense"]
    return (re.compile(str(tense["past_after"])), frozenset(str(w).lower() for w in tense["not_past"]),
            frozenset(str(w).lower() for w in tense["past_after_not_after"]))


_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")


@lru_cache(maxsize=1)
def _earlier_blockers() -> tuple[re.Pattern[str], frozenset[str]]:
    tense = context_words()["tense"]
    return (re.compile(str(tense["past_earlier_blocked_by"]), re.IGNORECASE),
            frozenset(str(w).lower() for w in tense["reporting"]))


def _past_earlier_in_clause(text: str, a: int, start: int, plans: frozenset[str]) -> bool:
    """A verb in a past form earlier in the expression's clause ("who stepped down as chairman in March"),
    not a plan or a report ("agreed to buy it in February", "said the deal would close by May")."""
    begin = a
    for m in _clause_break().finditer(text, a, start):
        begin = m.end()
    blocked, reporting = _earlier_blockers()
    if blocked.search(text, begin, start):
        return False
    return past_after(text, begin, start, plans | reporting) is not None


@lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    return frozenset(str(w).lower() for w in context_words()["noun_modifier"]["determiners"]) | {"a", "an"}


@lru_cache(maxsize=1)
def _past_within() -> int:
    return int(context_words()["tense"]["past_after_within"])


def past_after(text: str, start: int, end: int, skip: frozenset[str] = frozenset()) -> int | None:
    """Where the first verb in a past form in text[start:end] begins ("the two sides agreed", "Putin told"),
    leaving out adjectives and passives to come ("the planned visit", "will be signed") and the words of
    ``skip`` (plans: "planned", "extended"); None if none."""
    regex, not_past, not_after = _past_after()
    for m in regex.finditer(text, start, end):
        if m.group() in not_past or m.group() in skip:
            continue
        before = _WORD_BEFORE.search(text, max(start, m.start() - 30), m.start())
        if before is not None and before.group(1).lower() in not_after:
            continue
        return m.start()
    return None


@lru_cache(maxsize=1)
def _verb_regexes() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str]]:
    tense = context_words()["tense"]
    return (re.compile(str(tense["past_before"]), re.IGNORECASE), re.compile(str(tense["future_before"]), re.IGNORECASE),
            frozenset(str(w).lower() for w in tense["plan_words"]), re.compile(str(tense["future_aux"]), re.IGNORECASE))


def clause_tense(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """"past" right after a reporting verb ("said on Thursday"); else the kind of the tense cue nearest to
    text[start:end] in its sentence ("will", "plans to": "future"; "was", "had": "past"); else "none"."""
    if _reporting_regex().search(text, max(lo, start - 30), start):
        return "past"
    past_before, future_before, plans, future_aux = _verb_regexes()
    window = text[max(lo, start - 50):start]
    m = past_before.search(window)
    if m:
        plan = m.group().split()[0].lower() in plans or future_aux.search(window, 0, m.start())
        return "future" if plan else "past"
    if future_before.search(window):
        return "future"
    fronted = len(_LEAD_WORDS.findall(text, lo, start)) <= 3   # "On Tuesday, the league plans to ..."
    a, b = max(lo, start - _TENSE_BEFORE), min(hi, end + (_TENSE_AFTER_FRONTED if fronted else _TENSE_AFTER))
    boundary = _clause_break().search(text, end, b)   # "said Thursday that it would": not this clause's cue
    if boundary is not None and boundary.start() == end and fronted:
        boundary = _clause_break().search(text, boundary.end(), b)   # "In May, the sides agreed": fronted
    if boundary is not None:
        b = boundary.start()
    best: tuple[int, str] | None = None
    for m in _tense_regex().finditer(text, a, b):
        if start <= m.start() < end:
            continue
        if m.group("future"):   # "the planned visit", "an upcoming summit": an adjective, no cue
            word = _WORD_BEFORE.search(text, max(a, m.start() - 12), m.start())
            if word is not None and word.group(1).lower() in _determiners():
                continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        if best is None or dist < best[0]:
            best = (dist, "future" if m.group("future") else "past")
    verb = past_after(text, end, min(b, end + _past_within()), plans)   # "In May the sides agreed"
    if verb is not None and (best is None or verb - end < best[0]):
        return "past"
    if best is None and _past_earlier_in_clause(text, a, start, plans):   # "who stepped down ... in March"
        return "past"
    return best[1] if best else "none"


@lru_cache(maxsize=1)
def _future_regex() -> re.Pattern[str]:
    future = alt([str(w) for w in context_words()["tense"]["future"]])
    return re.compile(rf"(?<![\w'])(?:{future})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _sentence_future_regex() -> re.Pattern[str]:
    tense = context_words()["tense"]
    skip = {str(w).lower() for w in tense["not_sentence_future"]}
    future = alt([str(w) for w in tense["future"] if str(w).lower() not in skip])
    return re.compile(rf"(?<![\w'])(?:{future})(?!\w)", re.IGNORECASE)


def future_cue(text: str, sentence: bool = False) -> bool:
    """Does ``text`` hold a future cue ("will", "plans to", "is to")? With ``sentence``, only the cues that
    make a whole sentence a plan or forecast (not "until", "would")."""
    return (_sentence_future_regex() if sentence else _future_regex()).search(text) is not None


def numeric_style(text: str) -> bool | None:
    """True if the text writes numeric dates month first (3/12/2003), False if day first, None if unknown."""
    if "/" not in text:
        return None
    us = eu = False
    for m in _SLASH_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            eu = True
        elif b > 12 >= a:
            us = True
    if us == eu:
        return None
    return us


def point_of(value: str) -> Point | None:
    """The date a TIMEX3 value names, when it names a year, month or day (else None)."""
    m = _POINT_VALUE.match(value)
    if not m:
        season = re.match(r"^(\d{4})-(?:SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2})", value)
        return Point(int(season.group(1))) if season else None
    return Point(int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)


def _coarser(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b


def _timex(doc_id: str, text: str, c: Candidate, r: Resolved) -> Timex:
    words = time_words()
    span = r.span or interval(r.value, r.mod, words.season_months, words.year_months)
    start, end, precision = span if span else (None, None, None)
    if c.open_side == "start" and start is not None:
        end = None
    elif c.open_side == "end" and end is not None:
        start = None
    rule = c.rule_id
    return Timex(doc_id=doc_id, sentence=c.sentence, start=c.start, end=c.end, text=text[c.start:c.end],
                 value=r.value, date_start=start, date_end=end, precision=precision, kind=r.kind, type=r.type,
                 anchor=r.anchor, rule=rule, mod=r.mod, range_start=c.range_start, range_end=c.range_end)


def _join_groups(timexes: list[Timex], groups: list[str | None]) -> list[Timex]:
    """Give every end of a range the interval of the whole range (first end's start .. last end's end)."""

    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        if g is not None:
            members.setdefault(g, []).append(i)
    out = list(timexes)
    for idx in members.values():
        if len(idx) < 2:
            for i in idx:
                out[i] = dataclasses.replace(out[i], range_start=None, range_end=None)
            continue
        first, last = out[idx[0]], out[idx[-1]]
        start, end = first.date_start, last.date_end
        if start is None or end is None or end[: len(start)] < start[: len(end)]:
            for i in idx:
                out[i] = dataclasses.replace(out[i], range_start=None, range_end=None)
            continue
        precision = None
        for i in idx:
            precision = _coarser(precision, out[i].precision)
        for i in idx:
            out[i] = dataclasses.replace(out[i], date_start=start, date_end=end, precision=precision)
    return out


def _tag(text: str, spans: Sequence[_Span], published: str | dt.date | None, lang: str, doc_id: str) -> list[Timex]:
    g = grammar(lang or "en")
    words = time_words()
    publication = parse_point(published)
    us_dates = numeric_style(text)
    day_rule = f"{RULESET}.v{words.version}:day_list"
    found: list[tuple[_Span, list[Candidate]]] = []
    lowered: str | None = text.lower()
    if lowered is not None and len(lowered) != len(text):   # a letter whose lower case is longer
        lowered = None
    for span in spans:
        cands = find(text, span.start, span.end, span.index, g, words.ambiguous_months, lowered)
        if not cands:
            continue
        cands = day_lists(text, cands, span.start, span.end, day_rule)
        link_ranges(text, cands, span.start, lang)
        found.append((span, [c for c in cands if not c.weak]))
    narrative: Point | None = None
    absolute: Point | None = None
    quarter: Point | None = None
    local: Point | None = None
    local_key: tuple[int, int] | None = None
    paragraph_local = publication is None or publication.day is None
    timexes: list[Timex] = []
    groups: list[str | None] = []
    for span, cands in found:
        key = (span.paragraph, -1 if paragraph_local else span.index)
        if key != local_key:
            local, local_key = None, key
        main: Point | None = None   # the last date of the sentence outside a relative clause
        before_sentence, seen_background = narrative, False
        for c in cands:
            tense = "none"
            if c.handler in _TENSE_HANDLERS or (c.handler == "date" and not _YEAR_FIELDS & c.fields.keys()):
                tense = clause_tense(text, c.start, c.end, span.start, span.end)
                if tense != "future" and c.handler in _ATTRIBUTIVE_HANDLERS and \
                        attributive(text, c.start, c.end, span.start):
                    tense = "past"   # "the December crash": a known event, the most recent such month
            ctx = Context(lang=lang, words=words, publication=publication, narrative=narrative, local=local,
                          absolute=absolute, quarter=quarter, tense=tense, us_dates=us_dates,
                          before=text[max(span.start, c.start - 30):c.start])
            r = resolve(c.handler, c.fields, ctx)
            if r is None:
                continue
            timexes.append(_timex(doc_id, text, c, r))
            groups.append(f"{c.sentence}:{c.extra['group']}" if "group" in c.extra else None)
            q = _QUARTER_VALUE.match(r.value)
            if q and quarter is None and "year" not in c.fields.get("_text", "").lower():   # not "the year-ago quarter" itself
                quarter = Point(int(q.group(1)), 3 * int(q.group(2)) - 2)
            if r.kind not in ("duration", "set"):
                p = point_of(r.value)
                if p is not None:
                    narrative = p
                    background = in_relative_clause(text, span.start, c.start)
                    seen_background = seen_background or background
                    if c.open_side != "end" and not background:
                        main = p
                    if r.kind == "absolute" and not background:
                        absolute = p
                        if not opens_interval(text, c, span.start, lang):   # not "since the 1994 ceasefire"
                            local = p
        # "On 30 June police searched the office, whose licence had been revoked in February. The next day ...":
        # the next day is 1 July; a sentence with background dates only leaves the narrative time as it was
        narrative = main if main is not None else (before_sentence if seen_background else narrative)
    return _join_groups(timexes, groups)


@lru_cache(maxsize=1)
def _relative_pronouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in context_words()["tense"]["relative_pronouns"])


def in_relative_clause(text: str, lo: int, start: int) -> bool:
    """Does the clause of an expression at ``start`` open with a relative pronoun ("whose licence had been
    revoked in February", "which began in 1988")? Such a date is background: the sentence's narrative is
    elsewhere."""
    last = None
    for m in _clause_break().finditer(text, max(lo, start - 120), start):
        last = m
    if last is None:
        return False
    word = last.group().strip().lower()
    if word == "that":   # "a treaty that Yeltsin concluded" - not "told the Ambassador that ..."
        return _reporting_before().search(text, max(lo, last.start() - 40), last.start() + 1) is None
    return word in _relative_pronouns()


@lru_cache(maxsize=1)
def _reporting_before() -> re.Pattern[str]:
    verbs = alt([str(w) for w in context_words()["tense"]["reporting"]])
    return re.compile(rf"\b(?:{verbs})\b(?:\s+[\w'’-]+){{0,4}}?\s$", re.IGNORECASE)


def tag(text: str, *, published: str | dt.date | None = None, lang: str = "en") -> list[Timex]:
    """Time expressions of ``text`` in reading order (``sentence`` is -1, ``doc_id`` empty).

    ``published`` is the publication date ("2003-03-12", "2003-03", "2003", a ``datetime.date``, or None) that relative
    expressions resolve against. Paragraphs (blank-line separated) bound ranges and the narrative time.
    """
    spans = [_Span(s, e, -1, i) for i, (s, e) in enumerate(paragraphs(text))]
    return _tag(text, spans, published, lang, "")


def tag_sentences(doc_id: str, text: str, sentences: Sequence[Sentence], *, published: str | None = None,
                  lang: str = "en") -> list[Timex]:
    """Time expressions of a document, sentence by sentence (offsets into ``text``), in reading order."""
    spans = [_Span(s.start, s.end, s.index, s.paragraph) for s in sentences]
    return _tag(text, spans, published, lang, doc_id)

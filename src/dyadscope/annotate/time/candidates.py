"""Finding candidate time expressions in a stretch of text, and rejecting the ones that are not times.

A candidate is a rule match with its named groups. It is rejected by the negative contexts of
``data/time/negative.yaml`` (page and volume numbers, model designations, money, counts), by the inline
citation pattern, and — for rules that need one — when no temporal word comes before it ("in May" is a month,
"Theresa May" is not). When a match is rejected the other rules are tried at the same position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .grammar import (
    APOSTROPHE,
    DIGIT,
    Grammar,
    Rule,
    clause_words,
    context_words,
    negatives_for,
    phrase_regex,
)
from .words import spelled_year, time_words

_BEFORE_WINDOW = 60


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    sentence: int
    rule_id: str                  # versioned rule id
    handler: str
    fields: dict[str, str]
    weak: bool = False            # needs a temporal word before it and has none (kept only inside a range)
    range_start: int | None = None
    range_end: int | None = None
    partner: Candidate | None = None   # the other end of a range (set on the first end)
    role: str | None = None       # "start" | "end" of a range
    open_side: str | None = None  # "start" (since 2004: end open) | "end" (until 1998: start open)
    extra: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=8)
def _openers(lang: str) -> re.Pattern[str]:
    ctx = context_words()["month_openers"]
    words = list(ctx.get(lang, [])) + (list(ctx.get("en", [])) if lang != "en" else [])
    return phrase_regex(words, at_end=True)


@lru_cache(maxsize=1)
def _citation() -> tuple[re.Pattern[str], re.Pattern[str]]:
    c = context_words()["citation"]
    return re.compile(c["before"]), re.compile(c["after"])


def rejected_by(text: str, start: int, end: int, kind: str, lo: int = 0, hi: int | None = None) -> str | None:
    """The id of the negative context that rules the candidate out, or None."""
    hi = len(text) if hi is None else hi
    before = text[max(lo, start - _BEFORE_WINDOW):start]
    after = text[end:min(hi, end + _BEFORE_WINDOW)]
    for neg in negatives_for(kind):
        if neg.rules_out(before, text[start:end], after):
            return neg.id
    if kind == "year":
        cite_before, cite_after = _citation()
        if cite_before.search(before) and cite_after.match(after):
            return "citation"
    return None


@lru_cache(maxsize=1)
def _noun_modifier() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = context_words()["noun_modifier"]
    determiner = re.compile(phrase_regex(spec["determiners"]).pattern + r"\s+", re.IGNORECASE)
    return determiner, re.compile(str(spec["shape"]), re.IGNORECASE)


_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")


def modifier_start(text: str, start: int, end: int) -> int:
    """Where an expression that modifies a noun begins: after its determiner ("the [eight-year] war")."""
    determiner, shape = _noun_modifier()
    m = determiner.match(text, start, end)
    if m is None or not shape.fullmatch(text, m.end(), end):
        return start
    after = _NEXT_WORD.match(text, end)
    return m.end() if after is not None and after.group(1) not in clause_words() else start


def _year_number(value: str) -> int | None:
    return int(value) if value.isdigit() else spelled_year(value, time_words())


def _year_digits(fields: dict[str, str]) -> None:
    """Years written in words become digits ("nineteen ninety-six" -> "1996"), so every handler reads digits."""
    for key in ("year", "year2"):
        value = fields.get(key)
        if value is not None and not value.isdigit():
            year = _year_number(value)
            if year is not None:
                fields[key] = str(year)


def _fields(match: re.Match[str], names: tuple[tuple[str, str], ...]) -> dict[str, str]:
    out = {}
    for full, short in names:
        value = match.group(full)
        if value is not None:
            out[short] = value
    return out


def _needs_opener(rule: Rule, fields: dict[str, str], ambiguous: frozenset[str]) -> bool:
    if rule.needs != "opener":
        return False
    month = fields.get("month")
    if rule.id in ("month_bare",) and month is not None:
        return month.rstrip(".") in ambiguous or month.endswith(".") or len(month.rstrip(".")) <= 4
    return True


@lru_cache(maxsize=1)
def _attributive() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = context_words()["tense"]["attributive"]
    return re.compile(str(spec["before"]), re.IGNORECASE), re.compile(str(spec["after"]))


def attributive(text: str, start: int, end: int, lo: int) -> bool:
    """Is text[start:end] a noun's modifier after "the" ("the December crash", "the Aug. 7 blasts")?"""
    before, after = _attributive()
    if not before.search(text, max(lo, start - 8), start):
        return False
    m = after.match(text, end)
    return m is not None and m.group().split()[0] not in clause_words()


def _accept(rule: Rule, fields: dict[str, str], text: str, start: int, end: int, lo: int, hi: int,
            lang: str, ambiguous: frozenset[str]) -> tuple[bool, bool]:
    """(accepted, weak) for a match of ``rule``."""
    if rejected_by(text, start, end, rule.kind, lo, hi):
        return False, False
    before = text[max(lo, start - _BEFORE_WINDOW):start]
    if rule.requires_before is not None and not rule.requires_before.search(before):
        return (True, True) if rule.needs == "opener" else (False, False)
    if rule.kind == "year" and "year" in fields and (_year_number(fields["year"]) or 0) < 1800 and \
            not _openers(lang).search(before):
        return False, False
    if _needs_opener(rule, fields, ambiguous) and not _openers(lang).search(before) and \
            not attributive(text, start, end, lo):   # "the March elections"
        return True, True
    return True, False


_WINDOW = 40   # an expression begins at most this many characters before the first trigger it holds
#: words, digit runs and apostrophes before digits: where rules can begin and the triggers they hold
_SCANNER = re.compile(r"(?P<w>[^\W\d_]+)|(?P<d>[0-9]+)|(?P<q>['’‘])(?=[0-9])")


def start_positions(text: str, lo: int, hi: int, g: Grammar,
                    lowered: str | None = None) -> list[tuple[int, tuple[int, ...]]]:
    """Where an expression can begin, in order, with the rules that can begin there: a digit or a word some
    rule begins with, at or at most ``_WINDOW`` characters before a digit or trigger word (every expression
    holds one). ``lowered`` is ``text.lower()`` when it has the same length (it saves lower-casing each word)."""
    scan = lowered if lowered is not None else text
    table, articles = g.words, g.articles
    tokens: list[tuple[int, tuple[int, ...], bool]] = []   # (position, rules that can begin there, trigger)
    article: tuple[int, tuple[int, ...], bool] | None = None
    for m in _SCANNER.finditer(scan, lo, hi):
        kind = m.lastgroup
        if kind == "w":
            word = m.group() if lowered is not None else m.group().lower()
            info = table.get(word)
            if article is not None:   # "the" goes on only before a word rules know
                if info is not None or word in g.bridges:
                    tokens.append(article)
                article = None
            if info is None:
                continue
            if word in articles:
                article = (m.start(), info[0], info[1])
            else:
                tokens.append((m.start(), info[0], info[1]))
            continue
        if article is not None:
            tokens.append(article)
            article = None
        at = m.start()
        if kind == "d":
            glued = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
            tokens.append((at, () if glued else g.dispatch.get(DIGIT, ()), True))
        else:
            tokens.append((at, g.dispatch.get(APOSTROPHE, ()), False))
    out: list[tuple[int, tuple[int, ...]]] = []
    trigger_at = -1
    for pos, rules, trigger in reversed(tokens):
        if trigger:
            trigger_at = pos
        if rules and trigger_at >= 0 and trigger_at - pos <= _WINDOW:
            out.append((pos, rules))
    out.reverse()
    return out


def find(text: str, lo: int, hi: int, sentence: int, g: Grammar, ambiguous: frozenset[str],
         lowered: str | None = None) -> list[Candidate]:
    """Candidates in ``text[lo:hi]``, left to right, not overlapping (``lowered``: see :func:`start_positions`)."""
    out: list[Candidate] = []
    pos = lo
    rules = g.rules
    for start, members in start_positions(text, lo, hi, g, lowered):
        if start < pos:
            continue
        m = g.unions[members].match(text, start, hi)
        if m is None:
            continue
        name = m.lastgroup
        index = int(name[1:]) if name else 0
        fields = _fields(m, g.group_names[index])
        end = m.end()
        ok, weak = _accept(rules[index], fields, text, start, end, lo, hi, g.lang, ambiguous)
        chosen = index
        if not ok:   # try the rules after it at the same position
            for j in members:
                if j <= index:
                    continue
                mj = rules[j].regex.match(text, start, hi)
                if mj is None:
                    continue
                fj = {k: v for k, v in mj.groupdict().items() if v is not None}
                okj, weakj = _accept(rules[j], fj, text, start, mj.end(), lo, hi, g.lang, ambiguous)
                if okj:
                    ok, weak, fields, end, chosen = True, weakj, fj, mj.end(), j
                    break
        if not ok:
            continue
        rule = rules[chosen]
        _year_digits(fields)
        start = modifier_start(text, start, end)
        fields["_text"] = text[start:end]
        out.append(Candidate(start=start, end=end, sentence=sentence, rule_id=rule.rule, handler=rule.handler,
                             fields=fields, weak=weak))
        pos = end
    return out

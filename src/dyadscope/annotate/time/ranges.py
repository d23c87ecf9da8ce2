"""Ranges, lists and open intervals built from the candidates of one sentence.

- day lists: "February 26 and 27", "26-27 February", "3, 4 and 5 May" — the bare day numbers become their own
  expressions (rule ``day_list``) with the month and year of their neighbour;
- ranges: two date expressions joined by a connector of ``context.yaml`` ("from 1992 to 2000", "1992–1997",
  "(August 1991-March 1992)", "between 2004 and 2009", "с 1992 по 2000 год") form one group; a year-less first
  end borrows the year of the second ("Summer & Fall 2008", "March to May 1992");
- open intervals: "since 2004" (the end stays open), "until 1998" (the start stays open).

Each end keeps its own TIMEX3 value (as TimeML annotates ranges); the group gives both ends' interval.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from .candidates import Candidate, rejected_by
from .grammar import clause_words, context_words, phrase_regex

#: handlers whose expressions can be the ends of a range
RANGE_HANDLERS = frozenset({"date", "numeric", "slash", "decade", "century", "quarter", "year_span"})
_DAY = r"(?P<d>0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?(?![\w])"


@dataclass(frozen=True, slots=True)
class Connector:
    id: str
    between: re.Pattern[str]
    opener: re.Pattern[str] | None
    borrow_only: bool


@lru_cache(maxsize=1)
def connectors() -> tuple[Connector, ...]:
    out = []
    for c in context_words()["ranges"]["connectors"]:
        out.append(Connector(id=str(c["id"]), between=re.compile(str(c["between"]), re.IGNORECASE),
                             opener=re.compile(str(c["opener"])) if c.get("opener") else None,
                             borrow_only=bool(c.get("borrow_only", False))))
    return tuple(out)


@lru_cache(maxsize=1)
def _day_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    conn = context_words()["ranges"]["day_list"]
    forward = re.compile(rf"(?:{conn}){_DAY}(?!\s*[:.]?\d)", re.IGNORECASE)
    backward = re.compile(rf"{_DAY}(?:{conn})$", re.IGNORECASE)
    return forward, backward


@lru_cache(maxsize=8)
def _signals(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = context_words()["open_intervals"]
    start = list(data["start"].get(lang, [])) + list(data["start"].get("en", []))
    end = list(data["end"].get(lang, [])) + list(data["end"].get("en", []))
    tail = r"(?:\s+the)?\s*$"
    return (re.compile(phrase_regex(start).pattern + tail, re.IGNORECASE),
            re.compile(phrase_regex(end).pattern + tail, re.IGNORECASE))


def _has_day_and_month(c: Candidate) -> bool:
    return c.handler == "date" and "day" in c.fields and "month" in c.fields


def _synthetic(c: Candidate, start: int, end: int, day: str, rule_id: str) -> Candidate:
    fields = {k: v for k, v in c.fields.items() if k in ("month", "year", "yy", "year2")}
    fields["day"] = day
    return Candidate(start=start, end=end, sentence=c.sentence, rule_id=rule_id, handler="date", fields=fields)


def day_lists(text: str, cands: list[Candidate], lo: int, hi: int, rule_id: str) -> list[Candidate]:
    """Add the bare day numbers listed beside a day-and-month expression."""
    forward, backward = _day_patterns()
    out: list[Candidate] = []
    taken = {(c.start, c.end) for c in cands}
    i = 0
    while i < len(cands):
        c = cands[i]
        if not _has_day_and_month(c):
            out.append(c)
            i += 1
            continue
        # backward: "26 and 27 February"
        before: list[Candidate] = []
        pos = c.start
        while True:
            m = backward.search(text, max(lo, pos - 12), pos)
            if m is None or (out and m.start() < out[-1].end) or \
                    rejected_by(text, m.start("d"), m.end("d"), "day", lo, hi):
                break
            day_end = m.start("d") + len(m.group("d"))
            before.insert(0, _synthetic(c, m.start("d"), day_end, m.group("d"), rule_id))
            pos = m.start("d")
        out.extend(before)
        out.append(c)
        group = [*before, c]
        # forward: "February 26 and 27"
        pos = c.end
        nxt = cands[i + 1].start if i + 1 < len(cands) else hi
        while True:
            m = forward.match(text, pos, hi)
            if m is None or m.end() > nxt or (m.start("d"), m.end()) in taken:
                break
            if rejected_by(text, m.start("d"), m.end("d"), "day", lo, hi):
                break
            item = _synthetic(c, m.start("d"), m.end(), m.group("d"), rule_id)
            out.append(item)
            group.append(item)
            pos = m.end()
        # "February 26 and 27, 2003": the year after the list belongs to every day in it
        if len(group) > 1 and i + 1 < len(cands):
            y = cands[i + 1]
            if y.handler == "date" and set(y.fields) <= {"year", "_text"} and \
                    re.fullmatch(r",?\s*", text[group[-1].end:y.start]):
                for g in group:
                    g.fields.setdefault("year", y.fields["year"])
                group[-1].end = y.end
                i += 1
        if len(group) > 1:
            for g in group:
                g.extra["group"] = f"{group[0].start}"
                g.range_start, g.range_end = group[0].start, group[-1].end
        i += 1
    return out


def _year_of(c: Candidate) -> str | None:
    for key in ("year", "year2"):
        if key in c.fields:
            return c.fields[key]
    return None


def _borrow_year(a: Candidate, b: Candidate) -> bool:
    """Give the year-less first end of a range the year of the second end; True if it did."""
    if a.handler != "date" or _year_of(a) is not None or "yy" in a.fields:
        return False
    year = _year_of(b)
    if year is None or not (("month" in a.fields) or ("season" in a.fields)):
        return False
    a.fields["year"] = year
    a.extra["borrowed_year"] = year
    return True


_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")


def _modifies_noun(text: str, c: Candidate) -> bool:
    """A bare year directly followed by a lower-case content word modifies a noun ("the 1993 cease-fire")."""
    if set(c.fields) - {"year", "_text"}:
        return False
    m = _NEXT_WORD.match(text, c.end)
    return m is not None and m.group(1) not in clause_words()


def link_ranges(text: str, cands: list[Candidate], lo: int, lang: str) -> None:
    """Group the candidates joined by range connectors (in place) and mark open intervals."""
    for a, b in itertools.pairwise(cands):
        if a.handler not in RANGE_HANDLERS or b.handler not in RANGE_HANDLERS or "group" in b.extra:
            continue
        between = text[a.end:b.start]
        if len(between) > 12:
            continue
        for conn in connectors():
            if not conn.between.fullmatch(between):
                continue
            if conn.opener is not None and not conn.opener.search(text[max(lo, a.start - 20):a.start]):
                continue
            borrowed = _borrow_year(a, b)
            if conn.borrow_only and not borrowed:
                continue
            group = a.extra.get("group", str(a.start))
            start = a.range_start if a.range_start is not None else a.start
            for c in (a, b):
                c.extra["group"] = group
                c.weak = False
            for c in cands:
                if c.extra.get("group") == group:
                    c.range_start, c.range_end = start, b.end
            break
    start_re, end_re = _signals(lang)
    for c in cands:
        if "group" in c.extra or c.handler not in RANGE_HANDLERS or _modifies_noun(text, c):
            continue
        before = text[max(lo, c.start - 25):c.start]
        if start_re.search(before):
            c.open_side = "start"
        elif end_re.search(before):
            c.open_side = "end"


def opens_interval(text: str, c: Candidate, lo: int, lang: str) -> bool:
    """Is ``c`` the start of an open interval ("since 2004", "since the 1994 ceasefire")? Such a start is no
    anchor for the year-less months that follow: the text speaks of the whole interval up to its own time."""
    if c.open_side == "start":
        return True
    start_re, _ = _signals(lang)
    return bool(start_re.search(text, max(lo, c.start - 25), c.start))

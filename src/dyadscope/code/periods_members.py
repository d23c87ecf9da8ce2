"""The stages the periodisation finder (:mod:`dyadscope.code.periods`) builds — a member of a scheme and the
scheme itself — and how a member is anchored in time from the time expressions of its words."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Sentence, Timex
from .periods_cues import Cues

__all__ = ["TIME_KINDS", "Member", "Scheme", "anchor", "anchor_closed", "fill_implied", "restate", "scope_of",
           "spans_months", "year_of"]

TIME_KINDS = frozenset({"absolute", "relative", "narrative"})


@dataclass(slots=True)
class Member:
    sentence: Sentence
    start: int                       # offsets (document) of the words that describe this member
    end: int
    ordinal: int
    noun: str
    rule: str
    name: str | None = None
    surface: str | None = None       # the words that name it outside a scheme ("a new stage")
    scope: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    start_basis: str = "none"
    end_basis: str = "none"
    gist: str | None = None          # what the sentence says of it, when not the words after its name


@dataclass(slots=True)
class Scheme:
    sentence_index: int
    count: int                       # 0 when the announcement leaves it open ("several stages")
    noun: str
    cited: bool
    scope: str
    members: list[Member] = field(default_factory=list)
    focus: int = -1                  # the member the text spoke of last (added or restated)

    def has(self, ordinal: int) -> bool:
        return any(m.ordinal == ordinal for m in self.members)


def year_of(t: Timex, end: bool = False) -> str | None:
    value = t.date_end if end and t.date_end else t.date_start
    return value[:7] if value else None


def spans_months(t: Timex) -> bool:
    """Is one time expression a span of months or years ("1991-1996", "August 1991-March 1992")? A span of
    days ("9-10 January 2001") dates an event, not a stage; nor is a season ("late 2019") a span."""
    return bool(t.date_start and t.date_end and t.date_start[:7] != t.date_end[:7]
                and t.precision not in ("day", "season"))


def scope_of(text_after_noun: str, cues: Cues) -> str | None:
    """What a stage is a stage *of*, from the words after its noun: relationship, policy, ignore or None."""
    m = re.match(r"\s*(?:of|in|for)\s+(.{0,80})", text_after_noun)
    if not m:
        return None
    comp = m.group(1)
    comp = re.split(r"[,;:(]|\s(?:which|that|when|who|is|was|began|begins|lasted|and\s+\w+ed)\b", comp)[0]
    if cues.relationship.search(comp):
        return "relationship"
    if cues.policy.search(comp):
        return "policy"
    if cues.ignore.search(comp):
        return "ignore"
    return "issue_specific"


def anchor(member: Member, text: str, tx: Sequence[Timex], prev_tx: Sequence[Timex], cues: Cues) -> None:
    """Fill a member's start and end from the time expressions of its words (``text`` = its words)."""
    base = member.start
    usable = [t for t in tx if (t.date_start or t.date_end) and t.kind in TIME_KINDS
              and base <= t.start and t.end <= member.end]  # "until 1998" has an end only
    if any(t.kind == "absolute" for t in usable):  # "the years after the 2015 deal": the stated year, not the story's
        usable = [t for t in usable if t.kind != "narrative"]
    ev = cues.begins_with_event.search(text)
    if ev:  # "begins with the end of the war": only years after the event phrase can be its date
        usable = [t for t in usable if t.start - base >= ev.end()]
    for a, b in itertools.pairwise(usable):
        between = text[a.end - base:b.start - base]
        if a.date_start and cues.range_link.match(between) \
                and a.date_start[:7] != (b.date_end or b.date_start or "")[:7]:
            member.date_start, member.date_end = year_of(a), year_of(b, end=True)
            member.start_basis = member.end_basis = "stated"
            return
    if len(usable) == 1 and spans_months(usable[0]) and not cues.end_link.search(text[:usable[0].start - base]):
        t = usable[0]
        member.date_start, member.date_end = year_of(t), year_of(t, end=True)
        member.start_basis = member.end_basis = "stated"
        return
    for t in usable:
        before = text[:t.start - base]
        # "began with … of 1999 and ended with … in November 2003": an end verb after the last begin verb
        end_at = [v.start() for v in cues.end_verb.finditer(before)]
        begin_at = [v.start() for v in cues.begin_or_span.finditer(before)]
        closed = bool(end_at) and (not begin_at or end_at[-1] > begin_at[-1])
        ends = (cues.end_link.search(before) or closed) and (closed or not cues.start_link.search(before[-12:]))
        if t.date_start is None or ends:
            if member.date_end is None:
                member.date_end, member.end_basis = year_of(t, end=True), "stated"
        elif member.date_start is None:
            member.date_start, member.start_basis = year_of(t), "stated"
    if member.date_start is None and not ev and cues.anaphora.search(text) and prev_tx:
        member.date_start, member.start_basis = year_of(prev_tx[-1]), "anaphora"


def fill_implied(members: list[Member]) -> None:
    for a, b in itertools.pairwise(members):
        if b.ordinal != a.ordinal + 1:
            continue  # a stage the text does not name lies between them
        if a.date_end is None and b.date_start is not None:
            a.date_end, a.end_basis = b.date_start, "implied"
        if b.date_start is None and a.date_end is not None and a.end_basis != "implied":
            b.date_start, b.start_basis = a.date_end, "implied"


def anchor_closed(m: Member, at: int, tx: Sequence[Timex], cues: Cues) -> None:
    """A stage named as the object of a verb that ends it (``at``: where its name begins in the sentence):
    the time before its name is its end; the words after it may still give its start."""
    start = m.start
    m.start = start + at
    anchor(m, m.sentence.text[at:], tx, (), cues)
    m.start = start
    before = [t for t in tx if t.date_start and t.kind in TIME_KINDS and t.end <= start + at]
    if before and m.date_end is None:
        m.date_end, m.end_basis = year_of(before[-1], end=True), "stated"


def restate(scheme: Scheme, ordinal: int, m: Member) -> None:
    """A sentence that speaks again of a member: it may only fill years the member lacks."""
    for i, old in enumerate(scheme.members):
        if old.ordinal == ordinal:
            scheme.focus = i
            if old.date_start is None and m.date_start:
                old.date_start, old.start_basis = m.date_start, "restated"
            if old.date_end is None and m.date_end:
                old.date_end, old.end_basis = m.date_end, "restated"

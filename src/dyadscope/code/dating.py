"""Dating an event (DESIGN §4): explicit, narrative, publication, or none.

1. **explicit**: a time expression in the trigger's sentence — the nearest one in the trigger's clause (a
   time phrase opening the sentence counts for the clause after it), else the nearest in the sentence — that
   has a date (durations and sets do not), is not in another clause's relative clause nor in a that-clause
   after the trigger ("told us that the gas will flow from 2010": the content's time), and does not
   follow a word of ``not_governing_after`` ("an agreement for 2003"). Ranges keep both ends; after "since" the end is
   open. Two kinds of expression date the event only when no other one does: a date in another clause opened
   by a word of ``bounding_clauses`` ("After Baku took the region in September 2023, the contingent was
   withdrawn": the withdrawal came later), which gives only its year (or, after "since", an open period), and
   a loose reference ("recently", "a recent statement": the publication month), see ``loose_values``.
2. **narrative**: the narrative time of the sentence (carried from the passage by the time stage); when the
   sentence's own expressions were all rejected in step 1, the narrative time of the sentence before it in
   the same paragraph.
3. **publication**: only in short documents dated to the day (by a date of writing, not a "last edited" line), for a past-tense trigger (or a verbal act in
   the present: "Baku denies …") in a paragraph with no other date, and not in a sentence about a span before
   the report ("in recent years", "in recent months": ``publication.not_with_values``).
4. **none**: no date; ``date_start`` is null. Precision is never invented: it is the expression's own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from ..lexicon import load_yaml, version_of
from ..records import Document, NarrativeTime, Timex
from .chunks import Chunks
from .triggers import Hit

DATING_FILE = "events/dating.yaml"
#: verbal acts whose present tense in a news report is the report's own time ("Baku denies …")
_STATEMENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"})


@dataclass(frozen=True, slots=True)
class DateChoice:
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    text: str | None = None
    basis: str = "none"
    how: str = ""                # the rule within the basis, when it is not the plain one ("later_clause")

    @property
    def rule(self) -> str:
        return f"dating.v{version_of(DATING_FILE)}:{self.how or self.basis}"


NO_DATE = DateChoice()


@dataclass(frozen=True, slots=True)
class _Settings:
    not_governing: tuple[tuple[str, ...], ...]
    open_ended: tuple[tuple[str, ...], ...]
    max_sentences: int
    precisions: frozenset[str]
    not_basis: frozenset[str]
    bounding: tuple[tuple[str, tuple[str, ...]], ...]   # (kind, opener words)
    degree: frozenset[str]
    loose: frozenset[str]
    not_with_values: frozenset[str]
    stay_before: tuple[tuple[str, ...], ...]
    stay_nouns: frozenset[str]
    stay_max: int


_DAYS = re.compile(r"^P(\d+)D$")


@cache
def _settings() -> _Settings:
    data = load_yaml(DATING_FILE)
    pub = data.get("publication") or {}
    return _Settings(
        not_governing=tuple(tuple(str(w).lower().split()) for w in data.get("not_governing_after", [])),
        open_ended=tuple(tuple(str(w).lower().split()) for w in data.get("open_ended_after", [])),
        max_sentences=int(pub.get("max_sentences", 60)),
        precisions=frozenset(str(p) for p in pub.get("precision", ["day"])),
        not_basis=frozenset(str(b) for b in pub.get("not_basis", [])),
        bounding=tuple((kind, tuple(str(w).lower().split()))
                       for kind in ("later", "earlier", "from_then")
                       for w in (data.get("bounding_clauses") or {}).get(kind, [])),
        degree=frozenset(str(w).lower() for w in (data.get("bounding_clauses") or {}).get("degree", [])),
        loose=frozenset(str(v) for v in data.get("loose_values", [])),
        not_with_values=frozenset(str(v) for v in pub.get("not_with_values", [])),
        stay_before=tuple(tuple(str(w).lower().split()) for w in (data.get("stays") or {}).get("before", [])),
        stay_nouns=frozenset(str(w).lower() for w in (data.get("stays") or {}).get("nouns", [])),
        stay_max=int((data.get("stays") or {}).get("max_days", 14)),
    )


def _preceded_by(chunks: Chunks, tok: int, phrases: Sequence[tuple[str, ...]]) -> bool:
    return any(tok >= len(p) and tuple(chunks.words[tok - len(p):tok]) == p for p in phrases)


def _first_token(chunks: Chunks, t: Timex) -> int:
    for i, s in enumerate(chunks.starts):
        if chunks.ends[i] > t.start:
            return i
    return len(chunks.starts) - 1


def _opens_sentence(chunks: Chunks, tok: int, head: int) -> bool:
    """A time phrase opening the sentence ("In December 1994, … Russia closed …") governs the clause after it."""
    first = chunks.clause[0]
    if chunks.clause[tok] != first or chunks.clause[head] == first:
        return False
    start, end = chunks.clause_span(tok)
    return start == 0 and end - start <= 8 and head >= end


def _bounding(chunks: Chunks, tok: int, head: int) -> str | None:
    """The kind (``later``, ``earlier``, ``from_then``) of the clause opener before the expression at ``tok``
    when that clause is not the trigger's ("After Baku took the region in 2023, …"); else None."""
    if chunks.same_clause(tok, head):
        return None
    s = _settings()
    i = chunks.clause_span(tok)[0]
    while i < tok and not chunks.words[i][:1].isalnum():
        i += 1                                     # the comma or dash that opened the clause
    for _ in range(2):
        if i < tok and chunks.words[i] in s.degree:
            i += 1                                 # "shortly after", "long before"
    for kind, words in s.bounding:
        if tuple(chunks.words[i:i + len(words)]) == words and i + len(words) <= tok:
            return kind
    return None


def _bounded(t: Timex, kind: str) -> DateChoice:
    """The date an expression of a bounding clause gives the event of another clause: the year only (the event
    came later or earlier), or after "since" an open period from the date."""
    start = t.date_start or ""
    if kind == "from_then":
        return DateChoice(start=start, end=None, precision=t.precision, text=t.text, basis="explicit",
                          how="since_clause")
    year = (start if kind == "later" else (t.date_end or start))[:4]
    if len(start) < 4 or t.precision in ("year", "decade", "century"):
        return DateChoice(start=start, end=t.date_end or start, precision=t.precision, text=t.text,
                          basis="explicit", how=f"{kind}_clause")
    return DateChoice(start=year, end=year, precision="year", text=t.text, basis="explicit", how=f"{kind}_clause")


def _stay(chunks: Chunks, hit: Hit, choice: DateChoice, timexes: Sequence[Timex]) -> DateChoice:
    """A day date followed in the trigger's clause by "for a three-day stay" spans the stay: its end moves on by
    the days less one. Otherwise ``choice`` unchanged."""
    s = _settings()
    if choice.precision != "day" or not choice.start or choice.end != choice.start:
        return choice
    for t in timexes:
        m = _DAYS.match(t.value)
        if m is None or not 1 < int(m.group(1)) <= s.stay_max:
            continue
        tok = _first_token(chunks, t)
        after = next((i for i, st in enumerate(chunks.starts) if st >= t.end), len(chunks.starts))
        if not chunks.same_clause(tok, hit.head) or not _preceded_by(chunks, tok, s.stay_before) or \
                not s.stay_nouns & set(chunks.words[after:after + 3]):
            continue
        try:
            end = dt.date.fromisoformat(choice.start) + dt.timedelta(days=int(m.group(1)) - 1)
        except ValueError:
            return choice
        return replace(choice, end=end.isoformat(), how=choice.how or "stay")
    return choice


def usable(t: Timex) -> bool:
    """A time expression that places an event: it has a start date and is not a duration or a set."""
    return bool(t.date_start) and t.kind not in ("duration", "set") and t.type not in ("DURATION", "SET")


def explicit(chunks: Chunks, hit: Hit, timexes: Sequence[Timex]) -> tuple[DateChoice | None, bool]:
    """The governing expression of the trigger's sentence, and whether the sentence had any usable one."""
    s = _settings()
    best: tuple[int, int, Timex, int, str | None] | None = None
    had_any = False
    for t in timexes:
        if not usable(t):
            continue
        tok = _first_token(chunks, t)
        had_any = True
        if _preceded_by(chunks, tok, s.not_governing):
            continue
        clause = chunks.clause[tok]
        if clause != chunks.clause[hit.head] and chunks.kinds[clause] == "relative":
            continue                      # "…, which began on 27 September": the relative clause's own time
        if clause != chunks.clause[hit.head] and chunks.kinds[clause] == "sub" and tok > hit.end and \
                chunks.words[chunks.clause_span(tok)[0]] == "that":
            continue                      # "told us that the gas will flow from January 2010": the content's time
        bound = _bounding(chunks, tok, hit.head)
        if bound is not None or t.value in s.loose:
            rank = 2                      # only when no other expression dates the event
        else:
            rank = 0 if chunks.same_clause(tok, hit.head) or _opens_sentence(chunks, tok, hit.head) else 1
        dist = abs(tok - hit.head)
        if best is None or (rank, dist) < (best[0], best[1]):
            best = (rank, dist, t, tok, bound)
    if best is None:
        return None, had_any
    t, tok, bound = best[2], best[3], best[4]
    if bound is not None:
        return _bounded(t, bound), had_any
    end = None if _preceded_by(chunks, tok, s.open_ended) else (t.date_end or t.date_start)
    how = "loose" if t.value in s.loose else ""
    return DateChoice(start=t.date_start, end=end, precision=t.precision, text=t.text, basis="explicit",
                      how=how), had_any


def narrative(here: NarrativeTime | None, before: NarrativeTime | None, rejected_own: bool) -> DateChoice | None:
    """The narrative time of the sentence (or of the one before, when its own expressions were rejected)."""
    cand = here
    if cand is not None and (cand.basis == "explicit" and rejected_own):
        cand = before
    if cand is None or not cand.date_start or cand.basis in ("none", "publication", "reset"):
        return None
    return DateChoice(start=cand.date_start, end=cand.date_end, precision=cand.precision, text=cand.text,
                      basis="narrative")


def news_like(document: Document, n_sentences: int) -> bool:
    """Short and dated to the day: the publication date may date the events it reports."""
    s = _settings()
    return bool(document.published) and (document.published_precision or "day") in s.precisions \
        and n_sentences <= s.max_sentences and document.published_basis not in s.not_basis


def publication(document: Document, hit: Hit, paragraph_dated: bool) -> DateChoice | None:
    """The publication date, for a trigger in an undated paragraph of a news report: in the past tense, a noun,
    or a statement in the present ("Moscow alleges …", "Baku denies …": said as the report was written)."""
    if paragraph_dated or not document.published:
        return None
    if hit.head_kind == "verb" and not (hit.forms & {"past", "participle"}) and \
            hit.entry.plover not in _STATEMENTS:
        return None
    return DateChoice(start=document.published, end=document.published,
                      precision=document.published_precision or "day", text=None, basis="publication")


def after_publication(choice: DateChoice, document: Document) -> bool:
    """Does the date begin after the document was published (at the coarser of the two precisions)? An act
    that happened cannot: "signed a contract to sell gas from January 2010" in a cable of July 2009."""
    if not choice.start or not document.published:
        return False
    n = min(len(choice.start), len(document.published))
    return choice.start[:n] > document.published[:n]


def choose(chunks: Chunks, hit: Hit, timexes: Sequence[Timex], here: NarrativeTime | None,
           before: NarrativeTime | None, document: Document, allow_publication: bool,
           paragraph_dated: bool, happened: bool = False) -> DateChoice:
    """The event's date by the order of DESIGN §4; for an act that ``happened`` (asserted or reported) a date
    after the publication date is passed over."""
    found, had_any = explicit(chunks, hit, timexes)
    if found is not None and not (happened and after_publication(found, document)):
        return _stay(chunks, hit, found, timexes)
    carried = narrative(here, before, rejected_own=had_any)
    if carried is not None and not (happened and after_publication(carried, document)):
        return carried
    if allow_publication and not any(t.value in _settings().not_with_values for t in timexes):
        pub = publication(document, hit, paragraph_dated)
        if pub is not None:
            return pub
    return NO_DATE

"""Where sources disagree: contradictions between documents' facts, and between a document and the
better-supported story (DESIGN §1–2).

Two facts contradict when they come from different documents, share a subject key (``Fact.subject``) and
their values cannot both be true:

- **dated happenings** (``kind="happening"``): their years differ by more than the larger of the two
  facts' tolerances — or, both being stated exactly, their dates differ at the precision both give (22 and 24
  February 2022 differ; February 2022 and 2022 do not). A year the sentence states has tolerance 0; one carried
  from the sentence before
  ("That coincides with Putin's coming to power") or resolved from a relative expression is looser
  (``Fact.tolerance``), so "1999 (carried)" and "2000 (stated)" agree while "2000" and "2001" do not.
- **quantities** (``kind="quantity"``): same unit, same year, and their intervals (``Fact.low``/``high``:
  the rounding of each figure, widened or opened by "about", "over", "nearly") do not overlap — "over 1
  billion" and "1.2 billion" agree, "about 100 million" and "150 million" do not, nor do an exact 38 and an
  exact 39. Figures without a year are not compared (a stock or a flow changes over time), nor are subjects
  whose actors are unknown — except figures keyed to one particular thing (``"casualties@crash"``,
  ``"rent@lease"``), which are compared unless both are dated more than a year apart.
- **votes**: different counts for the same vote.

Facts are about "the same thing" when their subject keys agree — except that a signed document
(``signed_document:<kind>_<words>``) is the same document when its kind agrees and the words of one name are
among the other's (a one-word name being the other's head word): "the Treaty on the State Border"
(``treaty_state_border``) and "the 2011 border treaty" (``treaty_border``) are one treaty, and so are "the
Treaty on Eternal Friendship" and "the Treaty on Eternal Friendship and Alliance"; "the Declaration on Mutual
Security" and "the Declaration on Allied Interaction" are two, and so are agreements on "military-technical
cooperation" and on "humanitarian cooperation".

With the events of the stories at hand, two more kinds: ``story_date`` — an event dated in a year its
story's agreed date (the better-supported one, from more sources) does not allow; and ``fact_vs_story`` —
a dated happening stated in the sentence of an event whose story agrees on another year.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..code.facts_lex import lexicon
from ..records import Contradiction, Event, Fact, Story

__all__ = ["RULESET", "compatible", "find_contradictions", "same_thing"]

RULESET = "contradictions.rules.v2"
_COMPARABLE = frozenset({"happening", "quantity", "vote"})


def _year(value: str | None) -> int | None:
    try:
        return int(value[:4]) if value else None
    except ValueError:
        return None


def _dating(f: Fact) -> str:
    if f.date_basis == "explicit":
        return "stated"
    return f"{f.date_basis}, ±{f.tolerance:g} year" if f.tolerance else f.date_basis


def compatible(a: Fact, b: Fact) -> tuple[bool, str]:
    """Can both facts be true? Returns (answer, why) — ``why`` explains a ``False``."""
    if a.kind == "happening" or b.kind == "happening":
        ya, yb = _year(a.date), _year(b.date)
        if ya is None or yb is None:
            return True, ""
        tolerance = max(a.tolerance, b.tolerance)
        common = min(len(a.date or ""), len(b.date or ""))
        if abs(ya - yb) <= tolerance and (tolerance or (a.date or "")[:common] == (b.date or "")[:common]):
            return True, ""
        return False, f"{a.date} ({_dating(a)}) vs {b.date} ({_dating(b)})"
    if a.kind == "vote":
        return a.value == b.value, f"{a.value} vs {b.value}"
    if a.unit != b.unit or a.low is None or a.high is None or b.low is None or b.high is None:
        return True, ""
    ya, yb = _year(a.date), _year(b.date)
    if "@" in a.subject:  # one particular thing (a crash's dead, a lease's rent): dates matter only if far apart
        if ya is not None and yb is not None and abs(ya - yb) > 1:
            return True, ""
    elif ya is None or yb is None or ya != yb:
        return True, ""
    if a.high <= b.low or b.high <= a.low:
        when = f", {ya}" if ya is not None and ya == yb else ""
        return False, f"{a.quote} vs {b.quote} ({a.unit}{when}): the ranges they allow do not overlap"
    return True, ""


def _comparable(f: Fact) -> bool:
    if f.kind not in _COMPARABLE or not f.subject:
        return False
    if "@" in f.subject:
        return f.kind == "quantity"
    head, _, tail = f.subject.partition(":")
    return "any" not in (head, tail) and not (f.kind == "quantity" and not f.actors)


def _contradiction(kind: str, subject: str, a: Fact | Event, a_value: str, b: Fact | Event, b_value: str,
                   note: str) -> Contradiction:
    return Contradiction(
        kind=kind, subject=subject, a_doc=a.doc, a_value=a_value, a_quote=a.sentence, b_doc=b.doc,
        b_value=b_value, b_quote=b.sentence, note=note, a_start=a.start, a_end=a.end, b_start=b.start,
        b_end=b.end, a_doc_id=a.doc_id, b_doc_id=b.doc_id, rule=f"{RULESET}:{kind}")


def same_thing(subject: str) -> str:
    """The key under which facts are grouped for comparison: the subject key, a signed document by its kind
    (``"signed_document:treaty_state_border"`` → ``"signed_document:treaty~"``); :func:`_named_alike` then
    tells the documents of one kind apart by their names."""
    head, _, tail = subject.partition(":")
    if head == "signed_document" and "_" in tail:
        return f"{head}:{tail.split('_')[0]}~"
    return subject


def document_qualifiers() -> frozenset[str]:
    """Words of a document's name that only qualify it and are left out when names are compared."""
    return lexicon().document_qualifiers


def _named_alike(a: str, b: str) -> bool:
    """Do two subject keys of one group name the same thing? For documents, the content words of one name
    must all be in the other's, compared by their first six letters ("delimiting" and "delimitation") and
    leaving out words that only qualify ("state" in "the state border", ``document_qualifiers`` in
    ``data/facts/happenings.yaml``): "border" and "delimitation_state_border", "border_delimitation" and
    "state_border", "eternal_friendship" and "eternal_friendship_alliance" are one document;
    "humanitarian_cooperation" and "military_technical_cooperation" are two."""
    if a == b or not a.startswith("signed_document:"):
        return True
    loose = document_qualifiers()
    na, nb = ([w[:6] for w in key.partition(":")[2].split("_")[1:] if w not in loose] for key in (a, b))
    short, long_ = sorted((na, nb), key=len)
    if not short:
        return not long_
    return set(short) <= set(long_)


def _fact_pairs(facts: Sequence[Fact]) -> list[Contradiction]:
    groups: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if _comparable(f):
            groups[same_thing(f.subject)].append(f)
    out = []
    seen: set[tuple[str, tuple[str, str], tuple[str, str]]] = set()
    for subject, group in sorted(groups.items()):
        for a, b in itertools.combinations(group, 2):
            if a.doc_id == b.doc_id or not _named_alike(a.subject, b.subject):
                continue
            ok, why = compatible(a, b)
            first, second = sorted([(a.doc_id, a.value), (b.doc_id, b.value)])
            if ok or (subject, first, second) in seen:
                continue
            seen.add((subject, first, second))
            out.append(_contradiction("fact", a.subject, a, a.value, b, b.value, why))
    return out


def _story_dates(stories: Sequence[Story], events: Sequence[Event]) -> list[Contradiction]:
    by_id = {e.event_id: e for e in events if e.event_id}
    out = []
    told: set[tuple[str, int, str]] = set()  # one sentence against one agreed date is one disagreement
    for st in stories:
        agreed = _year(st.date_start)
        members = [by_id[i] for i in st.event_ids if i in by_id]
        if agreed is None or st.num_sources < 2 or len({e.doc_id for e in members}) < 2:
            continue
        backing = [e for e in members if _year(e.date_start) == agreed]
        if not backing:
            continue
        for e in members:
            year = _year(e.date_start)
            if year is None or year == agreed or e.doc_id in {b.doc_id for b in backing} \
                    or (e.doc_id, e.start, st.date_start or "") in told:
                continue
            told.add((e.doc_id, e.start, st.date_start or ""))
            out.append(_contradiction(
                "story_date", f"story:{st.story_id}", e, e.date_start or "", backing[0], st.date_start or "",
                f"{e.doc} dates it {e.date_start}; {len({b.doc_id for b in backing})} of {st.num_sources} "
                f"sources agree on {st.date_start}"))
    return out


def _facts_vs_stories(facts: Sequence[Fact], stories: Sequence[Story], events: Sequence[Event]) -> list[Contradiction]:
    by_id = {e.event_id: e for e in events if e.event_id}
    story_of: dict[str, Story] = {i: st for st in stories for i in st.event_ids}
    by_sentence: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for e in events:
        by_sentence[(e.doc_id, e.start)].append(e)
    out = []
    for f in facts:
        if f.kind != "happening" or _year(f.date) is None:
            continue
        for e in by_sentence.get((f.doc_id, f.start), ()):
            st = story_of.get(e.event_id)
            if st is None or st.num_sources < 2 or _year(st.date_start) is None:
                continue
            others = [by_id[i] for i in st.event_ids if i in by_id and by_id[i].doc_id != f.doc_id
                      and _year(by_id[i].date_start) == _year(st.date_start)]
            if not others or abs((_year(f.date) or 0) - (_year(st.date_start) or 0)) <= f.tolerance:
                continue
            out.append(_contradiction("fact_vs_story", f.subject, f, f.value, others[0], st.date_start or "",
                                      f"{f.doc} says {f.date}; the story agreed by {st.num_sources} sources "
                                      f"is dated {st.date_start}"))
            break
    return out


def find_contradictions(facts: Sequence[Fact], stories: Sequence[Story] = (), *,
                        events: Iterable[Event] = ()) -> list[Contradiction]:
    """Every contradiction between documents: facts that cannot both be true, and — when the stories'
    events are given — datings that the better-supported story contradicts."""
    evs = list(events)
    out = _fact_pairs(facts)
    if stories and evs:
        out += _story_dates(stories, evs) + _facts_vs_stories(facts, stories, evs)
    return out

"""The narrative time of every sentence: the time it talks about (DESIGN §4), which event dating reads.

For each sentence, in order:

1. ``explicit`` — the sentence has a dated time expression of its own that governs it: the first one
   introduced by a temporal word ("in 1993", "on February 26 and 27", "since 2004") or standing for a time
   on its own ("yesterday", "two years ago", "the following year"). Durations, sets, undated references
   ("now", "recently") and a wire dateline's date never govern. A dated expression with no such word ("the
   1993 cease-fire", "an agreement for 2003") governs only when nothing is carried. An offset from an event
   ("three days after the crash") is explicit too: the time of the event, found in an earlier sentence that
   names it (:func:`.anchors.event_offset`), moved by the offset.
2. ``carried`` — otherwise the time the sentence before passed on: its latest governing-word expression
   ("The protocol, signed in 2010, was ratified on 5 May 2011" passes on 5 May 2011), unless it is a plan or
   forecast; after a dated statement that reports an earlier date of the same year ("told the Chargé on July 9
   that the visit on June 29 had gone well") the reported time, which the events told next share. A sentence
   whose own time is only an open period or a plan after publication and that refers to an event named before
   after a temporal preposition ("signed a contract during the visit to sell gas from January 2010") takes
   the time of that event. A passage ends at a paragraph break unless the new paragraph opens with a continuation ("Later",
   "That day", "He ..." — see ``continuation_openers`` and ``continuation_pronouns`` in
   ``data/time/context.yaml``) or goes on with its topic; in news layout (``news_layout``: paragraphs of one
   or two sentences) it goes on across paragraph breaks. Headings (a paragraph of one short sentence without
   closing punctuation) end it. A sentence with no time carried that refers back to an event named before
   ("came to the meeting") takes the time of the nearest earlier sentence naming it
   (:func:`.anchors.event_reference`).
3. ``none`` — no time. The publication date is not used here: whether a sentence reports recent news is the
   event dater's decision.

The narrative also dates expressions: a year-less date in a passage about an earlier year takes the
passage's year (:func:`.anchors.in_passage`; in news layout only from the same paragraph), and what was
anchored on such a date moves with it. Ranges keep both ends (``date_start``/``date_end`` of the governing
expression); open intervals keep their open end as None.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...records import PRECISIONS, NarrativeTime, Sentence, Timex
from .anchors import event_offset, event_reference, follow, in_passage, year_anchor
from .calendar import Point, parse_point
from .grammar import context_words, phrase_regex
from .tagger import future_cue, in_relative_clause

_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _lead_conjunctions() -> frozenset[str]:
    return frozenset(str(w).lower() for w in context_words()["lead_conjunctions"])


@lru_cache(maxsize=8)
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    ctx = context_words()

    def words(key: str) -> list[str]:
        table = ctx[key]
        return list(table.get(lang, [])) + (list(table.get("en", [])) if lang != "en" else [])

    governing = re.compile(phrase_regex(words("governing_openers")).pattern + r"(?:\s+the)?\s*$", re.IGNORECASE)
    lead = phrase_regex(ctx["lead_conjunctions"]).pattern
    reaction = phrase_regex(words("continuation_reactions")).pattern
    opening = re.compile(rf"^\W*(?:{lead}\s+)?"
                         + phrase_regex(words("continuation_openers") + words("continuation_pronouns")).pattern
                         + rf"|^\W*(?:[\w'’-]+\s+){{0,4}}?{reaction}", re.IGNORECASE)
    return governing, opening


@lru_cache(maxsize=1)
def _topic() -> tuple[int, int, float, frozenset[str]]:
    spec = context_words()["topic"]
    return (int(spec["min_shared"]), int(spec["min_length"]), float(spec["max_share"]),
            frozenset(str(w).lower() for w in spec["stopwords"]))


@lru_cache(maxsize=8)
def _long_words(min_length: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])[^\W\d_]{{{min_length},}}(?![\w])")


def _content_words(text: str, min_length: int, stop: frozenset[str]) -> set[str]:
    """The words of ``text`` (lower case, all letters, ``min_length`` or longer) that are not stop words."""
    return set(_long_words(min_length).findall(text.lower())) - stop


class _Topics:
    """Which paragraphs go on with the topic of the paragraph before (shared uncommon content words)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.min_shared, min_length, max_share, stop = _topic()
        self.words: dict[int, set[str]] = {}
        self.first: dict[int, set[str]] = {}
        for s in sentences:
            words = _content_words(s.text, min_length, stop)
            self.words.setdefault(s.paragraph, set()).update(words)
            self.first.setdefault(s.paragraph, words)
        df: dict[str, int] = {}
        for words in self.words.values():
            for w in words:
                df[w] = df.get(w, 0) + 1
        limit = max(2, int(max_share * len(self.words)))
        self.common = {w for w, n in df.items() if n > limit}

    def continues(self, previous: int, paragraph: int) -> bool:
        shared = (self.first.get(paragraph, set()) & self.words.get(previous, set())) - self.common
        return len(shared) >= self.min_shared


_REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def _dated(t: Timex) -> bool:
    return t.kind not in ("duration", "set") and t.value not in _REFERENCES and \
        (t.date_start is not None or t.date_end is not None)


def _strong(t: Timex, sentence: Sentence, text: str, governing: re.Pattern[str]) -> bool:
    if in_relative_clause(text, sentence.start, t.start):   # "a treaty that Yeltsin concluded in 1992"
        return False
    if t.kind in ("relative", "narrative"):
        return True
    before = text[max(sentence.start, t.start - 30):t.start]
    if governing.search(before):
        return True
    lead = _WORDS.findall(text[sentence.start:t.start].lower())
    return all(w in _lead_conjunctions() for w in lead)


def _future(text: str) -> bool:
    return future_cue(text, sentence=True)


@lru_cache(maxsize=1)
def _dateline() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = context_words()["dateline"]
    return re.compile(str(spec["before"])), re.compile(str(spec["after"]))


def is_dateline(t: Timex, sentence: Sentence, text: str) -> bool:
    """Is ``t`` the date of a wire dateline ("DUSHANBE, Oct 10 (Caspian Newswire) -")?"""
    before, after = _dateline()
    return t.start - sentence.start <= 48 and before.search(text[sentence.start:t.start]) is not None and \
        after.match(text, t.end) is not None


def is_heading(sentence: Sentence, sentences_in_paragraph: int) -> bool:
    """A paragraph of one short sentence without closing punctuation."""
    spec = context_words()["heading"]
    body = sentence.text.strip()
    return (sentences_in_paragraph == 1 and bool(body) and body[-1] not in str(spec["final_punctuation"])
            and len(_WORDS.findall(body)) <= int(spec["max_words"]))


def governing_timex(sentence: Sentence, timexes: Sequence[Timex], text: str, lang: str = "en",
                    carried: bool = False) -> Timex | None:
    """The expression that dates ``sentence``, if one does (see the module docstring)."""
    governing, _ = _patterns(lang)
    dated = [t for t in timexes if _dated(t) and not is_dateline(t, sentence, text)]
    for t in dated:
        if _strong(t, sentence, text, governing):
            return t
    if not carried:   # a date of a relative clause ("the declaration, which they signed on 22 February") is
        return next((t for t in dated if not _after_relative_pronoun(text, sentence.start, t.start)), None)
    return None


@lru_cache(maxsize=1)
def _relative_breaks() -> tuple[re.Pattern[str], frozenset[str]]:
    tense = context_words()["tense"]
    return (re.compile(str(tense["clause_break"]), re.IGNORECASE),
            frozenset(str(w).lower() for w in tense["relative_pronouns"]))


def _after_relative_pronoun(text: str, lo: int, start: int) -> bool:
    """Is the expression at ``start`` in a clause opened by a relative pronoun ("which", "whose", "которую"; not
    "that", which is as often a determiner: "from that time of 1993")? Such a date is background."""
    breaks, pronouns = _relative_breaks()
    last = None
    for m in breaks.finditer(text, max(lo, start - 120), start):
        last = m
    return last is not None and last.group().strip().lower() in pronouns


@lru_cache(maxsize=1)
def _statement_patterns() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    spec = context_words()["statements"]
    verbs = phrase_regex([str(w) for w in context_words()["tense"]["reporting"]]).pattern
    said_at = re.compile(rf"{verbs}(?:\s+[\w'’-]+){{0,{int(spec['words_between'])}}}?\s+(?:on\s+|in\s+)?$",
                         re.IGNORECASE)
    return said_at, re.compile(verbs, re.IGNORECASE), int(spec["opening_words"])


def _said_at(t: Timex, sentence: Sentence, text: str) -> bool:
    """Does ``t`` date a statement ("Aliyev said on Sunday", "told reporters on Friday")?"""
    said_at, _, _ = _statement_patterns()
    return said_at.search(text, max(sentence.start, t.start - 40), t.start) is not None


def _reported(own: Timex, timexes: Sequence[Timex], sentence: Sentence, text: str,
              governing: re.Pattern[str]) -> Timex | None:
    """The time of what a dated statement reports ("told the Chargé on July 9 that the visit to Baku on June 29
    had gone well": June 29), when the report names one: a governing expression after the statement's date, in
    the same year and before it. The passage goes on with the events reported, not with the telling."""
    if not own.date_start or not _said_at(own, sentence, text):
        return None
    for t in timexes:
        if t.start <= own.end or not _dated(t) or not t.date_start or is_dateline(t, sentence, text):
            continue
        governed = t.kind in ("relative", "narrative") or \
            governing.search(text, max(sentence.start, t.start - 30), t.start) is not None   # not _strong: the
        if governed and t.date_start[:4] == own.date_start[:4] and \
                t.date_start < own.date_start[:len(t.date_start)]:                          # content is a that-clause
            return t
    return None


def _weak(own: Timex, publication: Point | None) -> bool:
    """Is a sentence's own time only an open period or a plan after the publication date ("a contract to sell
    gas from January 2010" in a report of July 2009)? An event named before may then date the sentence."""
    if own.date_end is None:
        return True
    point = parse_point(own.date_start)
    return publication is not None and point is not None and \
        (point.year, point.month or 0, point.day or 0) > (publication.year, publication.month or 12, publication.day or 31)


def _reports(text: str) -> bool:
    """Does a paragraph's first sentence go on reporting what was said ("Aliyev said", "He added")?"""
    _, verb, opening_words = _statement_patterns()
    head = " ".join(_WORDS.findall(text)[:opening_words])
    return verb.search(head) is not None


def news_layout(sentences: Sequence[Sentence], per_paragraph: dict[int, int]) -> bool:
    """Is the document laid out as news: many paragraphs of one or two sentences (headings left out)?"""
    spec = context_words()["news_layout"]
    first: dict[int, Sentence] = {}
    for s in sentences:
        first.setdefault(s.paragraph, s)
    body = [p for p, s in first.items() if not is_heading(s, per_paragraph[p])]
    if len(body) < int(spec["min_paragraphs"]):
        return False
    short = sum(1 for p in body if per_paragraph[p] <= int(spec["max_sentences"]))
    return short >= float(spec["min_share"]) * len(body)


@dataclass(frozen=True, slots=True)
class _Carry:
    time: NarrativeTime          # the time the next sentences of the passage carry
    year: Timex | None           # the expression that gives year-less dates their year, if it can


def _finer_or_later(a: Timex, b: Timex) -> bool:
    """Does ``b`` lie later than ``a`` (or name the same time more precisely)?"""
    sa, sb = a.date_start or "", b.date_start or ""
    return sb > sa or (sb == sa and PRECISIONS.index(b.precision or "century") < PRECISIONS.index(a.precision or "century"))


def _carried_out(own: Timex, timexes: Sequence[Timex], sentence: Sentence, text: str,
                 governing: re.Pattern[str]) -> Timex:
    """The time a sentence passes on: the latest of its governing expression and its other governing-word
    expressions ("The protocol, signed in 2010, was ratified on 5 May 2011" passes on 5 May 2011). Open-ended
    ones ("until 2030") and those of a relative clause ("Russia, which recognised them in 2008, ...") are left
    out."""
    best = own
    for t in timexes:
        if t is own or not _dated(t) or t.date_start is None or not _strong(t, sentence, text, governing) or \
                is_dateline(t, sentence, text):
            continue
        if _finer_or_later(best, t):
            best = t
    return best


def _as_narrative(s: Sentence, t: Timex, basis: str) -> NarrativeTime:
    return NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=t.date_start, date_end=t.date_end,
                         precision=t.precision, basis=basis, timex_start=t.start, text=t.text)


def _carried(s: Sentence, carry: NarrativeTime) -> NarrativeTime:
    return NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=carry.date_start, date_end=carry.date_end,
                         precision=carry.precision, basis="carried", timex_start=carry.timex_start, text=carry.text)


def narrate(sentences: Sequence[Sentence], timexes: Sequence[Timex], text: str, lang: str = "en",
            published: str | None = None, report: bool = False) -> tuple[list[Timex], list[NarrativeTime]]:
    """The narrative time of every sentence (in the order of ``sentences``), and ``timexes`` with the dates
    the narrative gives them: year-less dates in a passage about an earlier year (:func:`.anchors.in_passage`)
    and offsets from an event ("the day after the vote", :func:`.anchors.event_offset`).

    ``report``: the document is one report in numbered paragraphs (a diplomatic cable: "In a February 3
    meeting, the minister protested ... / 2. The minister said ..."), so the time goes on across paragraph
    breaks as in news layout."""
    governing, opening = _patterns(lang)
    by_sentence: dict[int, list[Timex]] = {}
    for t in timexes:
        by_sentence.setdefault(t.sentence, []).append(t)
    per_paragraph: dict[int, int] = {}
    for s in sentences:
        per_paragraph[s.paragraph] = per_paragraph.get(s.paragraph, 0) + 1
    topics = _Topics(sentences)
    news = report or news_layout(sentences, per_paragraph)
    publication = parse_point(published)
    out: list[NarrativeTime] = []
    history: list[tuple[Sentence, Sequence[Timex], NarrativeTime]] = []
    carry: _Carry | None = None
    paragraph: int | None = None
    moved: dict[str, str] = {}   # value before -> after, of the dates given the passage's year
    statement: NarrativeTime | None = None   # the time of the last dated statement ("Aliyev said on Sunday")
    for s in sentences:
        if s.paragraph != paragraph:
            if paragraph is not None and not news and not opening.search(s.text) and \
                    not topics.continues(paragraph, s.paragraph):
                # a paragraph that goes on reporting what was said ("Aliyev said ...", "He added ...") keeps
                # the time of the statement; any other starts without a time
                carry = _Carry(statement, None) if statement is not None and _reports(s.text) else None
            elif news and carry is not None:   # news goes on, but background years stay in their paragraph
                carry = _Carry(carry.time, None)
            paragraph = s.paragraph
        heading = is_heading(s, per_paragraph[s.paragraph])
        if heading and news and carry is not None:   # a subhead, pull quote or link line inside a news story:
            out.append(_carried(s, carry.time))      # the story goes on past it, and it passes on no time
            history.append((s, by_sentence.get(s.index, []), out[-1]))
            continue
        future = _future(s.text)
        own_timexes = by_sentence.get(s.index, [])
        if own_timexes and moved:   # anchored on a date the passage moved to its year: move them along
            followed = [follow(t, moved) for t in own_timexes]
            moved.update((t.value, f.value) for t, f in zip(own_timexes, followed) if f is not t)
            own_timexes = followed
        if carry is not None and carry.year is not None and not heading and not future and own_timexes:
            placed = [in_passage(t, carry.year, publication) for t in own_timexes]
            moved.update((t.value, p.value) for t, p in zip(own_timexes, placed) if p is not t)
            own_timexes = placed
        offset = event_offset(s, own_timexes, text, history, carry.time if carry else None, lang)
        if offset is not None and offset.timex.kind not in ("duration", "set"):   # "the day after the vote"
            anchored = dataclasses.replace(offset.timex, date_start=offset.date_start, date_end=offset.date_end,
                                           value=offset.date_start, precision=offset.precision, kind="narrative",
                                           anchor=f"event:{offset.date_start}")
            own_timexes = [anchored if t is offset.timex else t for t in own_timexes]
            offset = None
        by_sentence[s.index] = own_timexes
        own = governing_timex(s, own_timexes, text, lang, carried=carry is not None)
        nt: NarrativeTime
        if own is not None:
            nt = _as_narrative(s, own, "explicit")
            if _said_at(own, s, text):
                statement = _as_narrative(s, own, "carried")
            passed = _reported(own, own_timexes, s, text, governing) or \
                _carried_out(own, own_timexes, s, text, governing)
            ref = None if heading or not _weak(own, publication) else \
                event_reference(s, text, history, lang, temporal=True)
            if ref is not None:
                # "signed a contract during the visit to sell gas from January 2010": the visit's time
                nt = NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=ref[0], date_end=ref[1],
                                   precision=ref[2], basis="carried", timex_start=None, text=text[ref[3]:ref[4]])
                if not future:
                    carry = _Carry(nt, None)
            elif heading:
                carry = None
            elif not future and not (carry is not None and passed.date_end is None):
                # a plan or forecast does not move the passage's time, nor does a state since a date ("where
                # peacekeepers have been deployed since 2020") when the passage has a time of its own
                carry = _Carry(_as_narrative(s, passed, "carried"),
                               passed if year_anchor(passed) and _strong(passed, s, text, governing) else None)
        elif offset is not None:   # "Three days after the crash, ...": the event's time moved by the offset
            nt = NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=offset.date_start,
                               date_end=offset.date_end, precision=offset.precision, basis="explicit",
                               timex_start=offset.timex.start, text=text[offset.timex.start:offset.end])
            if not future and not heading:
                carry = _Carry(nt, None)
        elif carry is not None and not heading:
            nt = _carried(s, carry.time)
        elif not heading and not own_timexes and (ref := event_reference(s, text, history, lang)) is not None:
            # a passage without a time that goes on about an event named before ("came to the meeting")
            nt = NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=ref[0], date_end=ref[1],
                               precision=ref[2], basis="carried", timex_start=None, text=text[ref[3]:ref[4]])
            if not future:
                carry = _Carry(nt, None)
        else:
            nt = NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=None, date_end=None, precision=None,
                               basis="none")
            if heading:
                carry = None
        out.append(nt)
        history.append((s, own_timexes, nt))
    fixed = [t for s in sentences for t in by_sentence.get(s.index, ())]
    listed = {s.index for s in sentences}
    fixed.extend(t for t in timexes if t.sentence not in listed)
    fixed.sort(key=lambda t: t.start)
    return fixed, out


def narrative_times(sentences: Sequence[Sentence], timexes: Sequence[Timex], text: str,
                    lang: str = "en", published: str | None = None) -> list[NarrativeTime]:
    """One NarrativeTime per sentence, in the order of ``sentences`` (see :func:`narrate`)."""
    return narrate(sentences, timexes, text, lang, published)[1]

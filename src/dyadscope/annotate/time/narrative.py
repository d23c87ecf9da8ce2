"""The narrative time of every sentence: the time it talks about (DESIGN §4), which event dating reads.

For each sentence, in order:

1. ``explicit`` — the sentence has a dated time expression of its own that governs it: the first one
   introduced by a temporal word ("in 1993", "on February 26 and 27", "since 2004") or standing for a time
   on its own ("yesterday", "two years ago", "the following year"). Durations, sets and undated references
   ("now", "recently") never govern. A dated expression with no such word ("the 1993 cease-fire", "an
   agreement for 2003") governs only when nothing is carried.
2. ``carried`` — otherwise the time of the sentence before it in the same passage. A passage ends at a
   paragraph break unless the new paragraph opens with a continuation ("Later", "That day", "He ..." — see
   ``continuation_openers`` and ``continuation_pronouns`` in ``data/time/context.yaml``); headings (a
   paragraph of one short sentence without closing punctuation) end it too.
3. ``none`` — no time. The publication date is not used here: whether a sentence reports recent news is the
   event dater's decision.

Ranges keep both ends (``date_start``/``date_end`` of the governing expression); open intervals keep their
open end as None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ...records import NarrativeTime, Sentence, Timex
from .grammar import context_words, phrase_regex
from .tagger import future_cue

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
    opening = re.compile(rf"^\W*(?:{lead}\s+)?"
                         + phrase_regex(words("continuation_openers") + words("continuation_pronouns")).pattern,
                         re.IGNORECASE)
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


def _dated(t: Timex) -> bool:
    return t.kind not in ("duration", "set") and (t.date_start is not None or t.date_end is not None)


def _strong(t: Timex, sentence: Sentence, text: str, governing: re.Pattern[str]) -> bool:
    if t.kind in ("relative", "narrative"):
        return True
    before = text[max(sentence.start, t.start - 30):t.start]
    if governing.search(before):
        return True
    lead = _WORDS.findall(text[sentence.start:t.start].lower())
    return all(w in _lead_conjunctions() for w in lead)


def _future(text: str) -> bool:
    return future_cue(text)


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
    dated = [t for t in timexes if _dated(t)]
    for t in dated:
        if _strong(t, sentence, text, governing):
            return t
    if dated and not carried:
        return dated[0]
    return None


def narrative_times(sentences: Sequence[Sentence], timexes: Sequence[Timex], text: str,
                    lang: str = "en") -> list[NarrativeTime]:
    """One NarrativeTime per sentence, in the order of ``sentences``."""
    _, opening = _patterns(lang)
    by_sentence: dict[int, list[Timex]] = {}
    for t in timexes:
        by_sentence.setdefault(t.sentence, []).append(t)
    per_paragraph: dict[int, int] = {}
    for s in sentences:
        per_paragraph[s.paragraph] = per_paragraph.get(s.paragraph, 0) + 1
    topics = _Topics(sentences)
    out: list[NarrativeTime] = []
    carry: NarrativeTime | None = None
    paragraph: int | None = None
    for s in sentences:
        if s.paragraph != paragraph:
            if paragraph is not None and not opening.search(s.text) and not topics.continues(paragraph, s.paragraph):
                carry = None
            paragraph = s.paragraph
        heading = is_heading(s, per_paragraph[s.paragraph])
        own = governing_timex(s, by_sentence.get(s.index, ()), text, lang, carried=carry is not None)
        if own is not None:
            nt = NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=own.date_start, date_end=own.date_end,
                               precision=own.precision, basis="explicit", timex_start=own.start, text=own.text)
            if heading:
                carry = None
            elif not _future(s.text):   # a plan or forecast does not move the passage's time
                carry = nt
        elif carry is not None and not heading:
            nt = NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=carry.date_start,
                               date_end=carry.date_end, precision=carry.precision, basis="carried",
                               timex_start=carry.timex_start, text=carry.text)
        else:
            nt = NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=None, date_end=None, precision=None,
                               basis="none")
            if heading:
                carry = None
        out.append(nt)
    return out

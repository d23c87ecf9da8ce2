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

_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    ctx = context_words()

    def words(key: str) -> list[str]:
        table = ctx[key]
        return list(table.get(lang, [])) + (list(table.get("en", [])) if lang != "en" else [])

    governing = re.compile(phrase_regex(words("governing_openers")).pattern + r"(?:\s+the)?\s*$", re.IGNORECASE)
    opening = re.compile(r"^\W*(?:(?:and|but|so|yet|then|и|но|а)\s+)?"
                         + phrase_regex(words("continuation_openers") + words("continuation_pronouns")).pattern,
                         re.IGNORECASE)
    return governing, opening


def _dated(t: Timex) -> bool:
    return t.kind not in ("duration", "set") and (t.date_start is not None or t.date_end is not None)


def _strong(t: Timex, sentence: Sentence, text: str, governing: re.Pattern[str]) -> bool:
    if t.kind in ("relative", "narrative"):
        return True
    before = text[max(sentence.start, t.start - 30):t.start]
    if governing.search(before):
        return True
    lead = text[sentence.start:t.start]
    return len(_WORDS.findall(lead)) <= 1 and not lead.strip().lower().startswith("the")


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
    out: list[NarrativeTime] = []
    carry: NarrativeTime | None = None
    paragraph: int | None = None
    for s in sentences:
        if s.paragraph != paragraph:
            if paragraph is not None and not opening.search(s.text):
                carry = None
            paragraph = s.paragraph
        heading = is_heading(s, per_paragraph[s.paragraph])
        own = governing_timex(s, by_sentence.get(s.index, ()), text, lang, carried=carry is not None)
        if own is not None:
            nt = NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=own.date_start, date_end=own.date_end,
                               precision=own.precision, basis="explicit", timex_start=own.start, text=own.text)
            carry = None if heading else nt
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

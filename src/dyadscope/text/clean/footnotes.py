"""Step ``footnote_markers``: note numbers glued to the text ("them.1", "November 1993.14", "views”19").

A footnote marker is a one- to three-digit number glued right after a word's closing punctuation or a
closing quote. Markers count up through a text, so the sequence is the main signal:

- **strong** candidates — glued after a letter plus ``. , ; : ! ?`` ("Baku.68"), after a closing quote
  or bracket ("civilization.”10", "views”19"), or superscript digits — are taken unless the word before
  is an abbreviation that takes a number ("Vol.7", "No.2", "p.82") or a single letter ("A.1");
- **weak** candidates — a year or a page number followed by a glued number ("1993.14 By", "82-83.2 The"), digits glued to a word ending
  in a lower-case letter ("soon59)", "Moscow3"), or a number standing alone after a sentence end ("unchanged.” 62 According") — are
  taken only when they fit the sequence of strong markers around them (bigger than the one before, by at
  most three, and smaller than the one after); one strong marker is enough to start a sequence, and without
  any, three weak ones counting up from 1 make one.

Bracketed reference and editing marks glued to a word ("signed in 1997.[3]", "History[edit]",
"[citation needed]"; ``data/clean/layout.yaml``) always go.

Decimals ("3.71 billion"), times ("10.32.15"), page ranges ("p. 82-83"), "Vol. 7" and numbers followed
by a lower-case word are never candidates.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .base import Edit, StepContext, StepResult, finish
from .data import layout_words, rule_id

_DIGITS_RE = re.compile(r"\d+")
_SUPERSCRIPT_RE = re.compile(r"[¹²³⁰⁴⁵⁶⁷⁸⁹]+")
_NUMBER_BEFORE_RE = re.compile(r"(?<![\d.])\d+(?:[-–]\d+)?\.\Z")
_CAPITAL_NEXT_RE = re.compile(r"\s+[\"“‘(\[]?[A-ZА-ЯЁ]")
_LINE_END_RE = re.compile(r"[ \t]*(?:\n|\Z)")
_PUNCT = ".,;:!?…"
_QUOTES = "”’»\")]"
_SUPER = str.maketrans("¹²³⁰⁴⁵⁶⁷⁸⁹", "1230456789")
_MAX_STEP = 3


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int          # span to delete
    end: int
    value: int
    rule: str


def _word_before(text: str, pos: int) -> str:
    j = pos
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[j:pos].rstrip(".").lower()


def _in_url(text: str, pos: int) -> bool:
    j = text.rfind(" ", 0, pos)
    token = text[j + 1:pos]
    return "/" in token or "@" in token or token.lower().startswith("www")


def _ends_marker(text: str, e: int) -> bool:
    """Can a note number end at ``e``: space, a closing bracket, punctuation before a space, the end?"""
    if e >= len(text):
        return True
    c = text[e]
    if c.isspace() or c in ")]":
        return True
    return c in ",;:." and (e + 1 >= len(text) or text[e + 1].isspace())


def _next_starts_sentence(text: str, e: int) -> bool:
    return bool(_CAPITAL_NEXT_RE.match(text, e) or _LINE_END_RE.match(text, e))


def _candidates(text: str) -> tuple[list[_Candidate], list[_Candidate]]:
    """Strong and weak note-number candidates, from one pass over the digit runs of the text."""
    strong: list[_Candidate] = []
    weak: list[_Candidate] = []
    abbreviations = layout_words().number_abbreviations
    for m in _DIGITS_RE.finditer(text):
        s, e = m.span()
        if e - s > 3 or s < 2 or not _ends_marker(text, e):
            continue
        value = int(m.group())
        p1, p2 = text[s - 1], text[s - 2]
        if p1 in _PUNCT and (p2.isalpha() or p2 in _QUOTES):
            word = _word_before(text, s - 1)
            j = s - 1 - len(word)
            lone_letter = len(word) == 1 and (j <= 0 or not text[j - 1].isalnum())     # "Section A.1"
            if p2.isalpha() and (word in abbreviations or lone_letter or _in_url(text, s)):
                continue
            strong.append(_Candidate(s, e, value, "after_punctuation"))
        elif p1 in _QUOTES and not p2.isspace() and not p2.isdigit():
            strong.append(_Candidate(s, e, value, "after_quote"))
        elif p1 == "." and p2.isdigit():
            if _NUMBER_BEFORE_RE.search(text, max(0, s - 12), s) and _next_starts_sentence(text, e):
                weak.append(_Candidate(s, e, value, "after_number"))
        elif p1.islower():
            word = _word_before(text, s)
            j = s - len(word)
            if len(word) >= 3 and word.isalpha() and (j == 0 or not text[j - 1].isalnum()):
                weak.append(_Candidate(s, e, value, "glued_to_word"))
        elif p1 == " " and s >= 3:
            after_quote = p2 in _QUOTES and text[s - 3] in ".!?" and _next_starts_sentence(text, e)
            at_line_end = p2 in ".!?" and bool(_LINE_END_RE.match(text, e))
            if after_quote or at_line_end:
                weak.append(_Candidate(s - 1, e, value, "standalone"))
    if "[" in text:
        for m in layout_words().bracket_marks.finditer(text):
            if m.start() > 0 and not text[m.start() - 1].isspace():
                strong.append(_Candidate(m.start(), m.end(), 0, "bracketed"))
    for m in _SUPERSCRIPT_RE.finditer(text):
        if m.start() == 0 or text[m.start() - 1].isdigit():
            continue
        if not text[m.start() - 1].isspace():
            strong.append(_Candidate(m.start(), m.end(), int(m.group().translate(_SUPER)), "superscript"))
        elif m.start() >= 2 and text[m.start() - 2] in _PUNCT + _QUOTES and text[m.start() - 1] in " \t":
            strong.append(_Candidate(m.start() - 1, m.end(), int(m.group().translate(_SUPER)), "superscript"))
    strong.sort(key=lambda c: c.start)
    return strong, weak


def _fits(value: int, before: int | None, after: int | None) -> bool:
    if before is None:
        return after is not None and 0 < after - value <= _MAX_STEP and value >= 1
    if not before < value <= before + _MAX_STEP:
        return False
    return after is None or value < after


def remove_footnote_markers(text: str, ctx: StepContext) -> StepResult:
    """Delete glued note numbers; weak candidates only where they continue the sequence."""
    strong, weak = _candidates(text)
    edits: list[Edit] = []
    for c in strong:
        edits.append(Edit(c.start, c.end, "", "footnote_marker", rule_id("notes", 1, c.rule)))
    strong = [c for c in strong if c.rule != "bracketed"]
    if strong:
        positions = [c.start for c in strong]
        taken = set(positions)
        for c in weak:
            if c.start in taken:
                continue
            k = bisect.bisect_left(positions, c.start)
            before = strong[k - 1].value if k > 0 else None
            after = strong[k].value if k < len(strong) else None
            if _fits(c.value, before, after):
                edits.append(Edit(c.start, c.end, "", "footnote_marker", rule_id("notes", 1, c.rule)))
                taken.add(c.start)
    if not strong:
        edits.extend(_weak_chain(weak))
    return finish(text, edits)


_MIN_CHAIN = 3


def _weak_chain(weak: list[_Candidate]) -> list[Edit]:
    """Without any strong marker: weak candidates that count up from 1 through the text (1, 2, 3 …, steps of at
    most three), at least three of them, are note numbers ("in 2016.1 Officials …", "in 2017.2 The …")."""
    chain: list[_Candidate] = []
    for c in sorted(weak, key=lambda c: c.start):
        last = chain[-1].value if chain else 0
        if last < c.value <= last + (_MAX_STEP if chain else 1):
            chain.append(c)
    if len(chain) < _MIN_CHAIN:
        return []
    return [Edit(c.start, c.end, "", "footnote_marker", rule_id("notes", 1, f"{c.rule}_in_sequence")) for c in chain]

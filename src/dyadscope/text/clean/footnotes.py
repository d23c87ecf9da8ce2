"""Step ``footnote_markers``: note numbers glued to the text ("them.1", "November 1993.14", "views”19").

A footnote marker is a one- to three-digit number glued right after a word's closing punctuation or a
closing quote. Markers count up through a text, so the sequence is the main signal:

- **strong** candidates — glued after a letter plus ``. , ; : ! ?`` ("Baku.68"), after a closing quote
  or bracket ("civilization.”10", "views”19"), or superscript digits — are taken unless the word before
  is an abbreviation that takes a number ("Vol.7", "No.2", "p.82");
- **weak** candidates — a year or a page number followed by a glued number ("1993.14 By", "82-83.2 The"), digits glued to a lower-case
  word ("soon59)"), or a number standing alone after a sentence end ("unchanged.” 62 According") — are
  taken only when they fit the sequence of strong markers around them (bigger than the one before, by at
  most three, and smaller than the one after).

Decimals ("3.71 billion"), times ("10.32.15"), page ranges ("p. 82-83"), "Vol. 7" and numbers followed
by a lower-case word are never candidates.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ...lexicon import load_yaml
from .base import Edit, StepContext, StepResult, finish
from .data import rule_id

_END = r"(?=[\s)\]]|[,;:.](?:\s|$)|$)"
_STRONG_PUNCT_RE = re.compile(rf"(?:(?<=[^\W\d_])|(?<=[)\]”’\"»]))([.,;:!?…])(\d{{1,3}}){_END}")
_STRONG_QUOTE_RE = re.compile(rf"(?<=[^\s\d])([”’»\"\)\]])(\d{{1,3}}){_END}")
_SUPERSCRIPT_RE = re.compile(r"(?<=[^\s\d])([¹²³⁰⁴⁵⁶⁷⁸⁹]+)")
_NUMBER_RE = re.compile(r"(?<![\d.])(\d+(?:[-–]\d+)?)\.(\d{1,3})(?=\s+[\"“‘(\[]?[A-ZА-ЯЁ]|[ \t]*$)", re.MULTILINE)
_WORD_DIGITS_RE = re.compile(rf"(?<![^\W\d_])([a-zа-яё]{{3,}})(\d{{1,3}}){_END}")
_ALONE_RE = re.compile(r"(?<=[.!?][”’»\"\)])( )(\d{1,3})(?=\s+[\"“‘(]?[A-ZА-ЯЁ]|\s*$)|(?<=[.!?])( )(\d{1,3})(?=[ \t]*$)",
                       re.MULTILINE)
_SUPER = str.maketrans("¹²³⁰⁴⁵⁶⁷⁸⁹", "1230456789")
_MAX_STEP = 3


@cache
def _abbreviations() -> frozenset[str]:
    data = load_yaml("text/abbreviations.yaml")
    return frozenset(str(a).lower() for a in data.get("always", []))


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


def _strong(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    abbreviations = _abbreviations()
    for m in _STRONG_PUNCT_RE.finditer(text):
        if _word_before(text, m.start(1)) in abbreviations or _in_url(text, m.start()):
            continue
        out.append(_Candidate(m.start(2), m.end(2), int(m.group(2)), "after_punctuation"))
    for m in _STRONG_QUOTE_RE.finditer(text):
        if m.group(1) == ")" and text[m.start(1) - 1].isdigit():
            continue
        out.append(_Candidate(m.start(2), m.end(2), int(m.group(2)), "after_quote"))
    for m in _SUPERSCRIPT_RE.finditer(text):
        out.append(_Candidate(m.start(1), m.end(1), int(m.group(1).translate(_SUPER)), "superscript"))
    return sorted(out, key=lambda c: c.start)


def _weak(text: str) -> list[_Candidate]:
    out = [_Candidate(m.start(2), m.end(2), int(m.group(2)), "after_number") for m in _NUMBER_RE.finditer(text)]
    out += [_Candidate(m.start(2), m.end(2), int(m.group(2)), "glued_to_word") for m in _WORD_DIGITS_RE.finditer(text)]
    for m in _ALONE_RE.finditer(text):
        g = 1 if m.group(2) is not None else 3
        out.append(_Candidate(m.start(g), m.end(g + 1), int(m.group(g + 1)), "standalone"))
    return out


def _fits(value: int, before: int | None, after: int | None) -> bool:
    if before is None:
        return after is not None and 0 < after - value <= _MAX_STEP and value >= 1
    if not before < value <= before + _MAX_STEP:
        return False
    return after is None or value < after


def remove_footnote_markers(text: str, ctx: StepContext) -> StepResult:
    """Delete glued note numbers; weak candidates only where they continue the sequence."""
    strong = _strong(text)
    edits: list[Edit] = []
    for c in strong:
        edits.append(Edit(c.start, c.end, "", "footnote_marker", rule_id("notes", 1, c.rule)))
    if len(strong) >= 3:
        positions = [c.start for c in strong]
        taken = set(positions)
        for c in sorted(_weak(text), key=lambda c: c.start):
            if c.start in taken:
                continue
            k = bisect.bisect_left(positions, c.start)
            before = strong[k - 1].value if k > 0 else None
            after = strong[k].value if k < len(strong) else None
            if _fits(c.value, before, after):
                edits.append(Edit(c.start, c.end, "", "footnote_marker", rule_id("notes", 1, c.rule)))
                taken.add(c.start)
    return finish(text, edits)

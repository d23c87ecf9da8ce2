"""Step ``unicode``: characters first — line ends, odd spaces, invisible characters, ligatures, NFC.

The character table is ``data/clean/unicode.yaml``. Curly quotes and dashes are left as printed. A soft
hyphen at the end of a line joins the two halves of the word (the discretionary break was never a hyphen).
Form feeds stay: they mark page boundaries for the running-header step.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

from .base import Edit, StepContext, StepResult, finish
from .data import char_map, rule_id

_NEWLINE_RE = re.compile(r"\r\n?")
_SOFT_BREAK_RE = re.compile(r"\u00ad[ \t\u00a0]*\r?\n[ \t\u00a0]*")
_WORD_RE = re.compile(r"\S+")


class _Taken:
    """Sorted, non-overlapping spans already claimed by an edit (logarithmic overlap test)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.ends, start + 1)
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def normalise_unicode(text: str, ctx: StepContext) -> StepResult:
    """Map the characters of ``data/clean/unicode.yaml``, unify line ends, compose to NFC."""
    cmap = char_map()
    edits: list[Edit] = []
    taken = _Taken()
    for m in _SOFT_BREAK_RE.finditer(text):
        edits.append(Edit(m.start(), m.end(), "", "hyphenation", rule_id("unicode", 1, "soft_hyphen_break")))
        taken.add(m.start(), m.end())
    for m in _NEWLINE_RE.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            edits.append(Edit(m.start(), m.end(), "\n", "whitespace", rule_id("unicode", 1, "line_end")))
    for m in cmap.regex.finditer(text):
        pos = m.start()
        for _, group in itertools.groupby(m.group(), key=lambda c: cmap.kinds[c]):
            run = "".join(group)
            start, end = pos, pos + len(run)
            pos = end
            if taken.overlaps(start, end):
                continue
            kind, rule = cmap.kinds[run[0]]
            edits.append(Edit(start, end, run.translate(cmap.table), kind, rule))
    if not unicodedata.is_normalized("NFC", text):
        claimed = _Taken()
        for e in edits:
            claimed.add(e.start, e.end)
        for m in _WORD_RE.finditer(text):
            word = m.group()
            if not unicodedata.is_normalized("NFC", word) and not claimed.overlaps(m.start(), m.end()):
                edits.append(Edit(m.start(), m.end(), unicodedata.normalize("NFC", word), "unicode",
                                  rule_id("unicode", 1, "nfc")))
    return finish(text, edits)

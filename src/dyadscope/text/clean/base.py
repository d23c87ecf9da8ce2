"""Shared pieces of the cleaning steps: edits and step results, lines, page layout and text predicates.

A step never rewrites text in place: it returns :class:`Edit` records (span of its input, replacement,
kind, rule) and :func:`finish` applies them, producing the new text and the
:class:`~dyadscope.records.Removal` records that explain every change. Offsets in those records point into
the step's input text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...options import Options
from ...records import Removal


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; recorded as a Removal of ``kind`` by ``rule``."""

    start: int
    end: int
    replacement: str
    kind: str
    rule: str


@dataclass(frozen=True, slots=True)
class StepResult:
    """What one step produced: the new text and its explanation."""

    text: str
    removed: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StepContext:
    """Read-only facts a step may use besides the text."""

    fmt: str = "txt"
    options: Options | None = None


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, tuple[Removal, ...]]:
    """Apply non-overlapping edits (an edit overlapping an earlier one is dropped); no-op edits vanish."""
    out: list[str] = []
    removed: list[Removal] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or e.end < e.start or e.end > len(text):
            continue
        old = text[e.start:e.end]
        if old == e.replacement:
            continue
        out.append(text[pos:e.start])
        out.append(e.replacement)
        removed.append(Removal(kind=e.kind, text=old, rule=e.rule, start=e.start, end=e.end,
                               replacement=e.replacement))
        pos = e.end
    if not removed:
        return text, ()
    out.append(text[pos:])
    return "".join(out), tuple(removed)


def finish(text: str, edits: Sequence[Edit], warnings: Sequence[str] = (), notes: Sequence[str] = ()) -> StepResult:
    new, removed = apply_edits(text, edits)
    return StepResult(new, removed, tuple(warnings), tuple(notes))


# --- lines -------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``start``/``end`` exclude the newline; ``cstart``/``cend`` bound its content."""

    index: int
    start: int
    end: int
    cstart: int
    cend: int
    content: str

    @property
    def blank(self) -> bool:
        return not self.content

    @property
    def indented(self) -> bool:
        return self.cstart > self.start


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its offsets (a form feed counts as whitespace inside a line)."""
    return list(_lines_of(text))


@lru_cache(maxsize=1)
def _lines_of(text: str) -> tuple[Line, ...]:
    """The lines of a text, kept for the next cleaning steps (most leave the text as it was)."""
    lines: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            cstart = pos + lead
            cend = cstart + len(stripped)
        else:
            cstart = cend = pos
        lines.append(Line(i, pos, pos + len(raw), cstart, cend, stripped))
        pos += len(raw) + 1
    return tuple(lines)


def collapse(s: str) -> str:
    """Inner whitespace collapsed to single spaces (for matching whole lines)."""
    return " ".join(s.split())


# --- text predicates ---------------------------------------------------------------------------------

_CLOSERS = "\"'”’»)]"
_NOTE_AFTER_END_RE = re.compile(r"[^\W\d_][.!?…][\"'”’»)\]]*\d{1,3}\Z")
_SENT_PUNCT_RE = re.compile(r"[.!?…](?<=\w.)(?:\[[^\W_]{1,8}(?: \d{1,3})?\])*[\"'”’»)\]]*[\d¹²³⁴⁵⁶⁷⁸⁹⁰]{0,3}(?:\s|$)")
_ALPHA_WORD_RE = re.compile(r"[^\W\d_][^\W_]*(?:[-'’][^\W\d_]+)*")
_FIRST_LETTER_RE = re.compile(r"[^\W\d_]")
_DATE_RE = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")


def ends_sentence(s: str) -> bool:
    """Does the (stripped) text end with sentence-final punctuation, closing quotes allowed, and a note number
    glued after it ("… was finished.13", not yet removed by the footnote step)?"""
    t = s.rstrip(_CLOSERS)
    if t[-1:].isdigit():
        return bool(_NOTE_AFTER_END_RE.search(t, max(0, len(t) - 8)))
    return t[-1:] in (".", "!", "?", "…")


def starts_lower(s: str) -> bool:
    """Is the first letter of ``s`` (after quotes, brackets and digits) lower-case?"""
    m = _FIRST_LETTER_RE.search(s[:12])
    if m is None:
        return False
    return m.group().islower() and not s[: m.start()].strip("\"'“‘«([ ")


def alpha_words(s: str) -> list[str]:
    return _ALPHA_WORD_RE.findall(s)


def lower_ratio(s: str) -> float:
    words = alpha_words(s)
    if not words:
        return 0.0
    return sum(map(str.islower, "".join(w[0] for w in words))) / len(words)


def title_ratio(s: str) -> float:
    """Share of words of four or more letters that are capitalised (names, titles, menu items)."""
    words = [w for w in alpha_words(s) if len(w) >= 4]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def has_year(s: str) -> bool:
    return bool(_DATE_RE.search(s))


def is_prose(s: str, caps: bool = False) -> bool:
    """A line of running text: enough words, sentence punctuation, mostly lower-case words."""
    n = len(s.split())
    if n < 8:
        return False
    if caps:
        return bool(_SENT_PUNCT_RE.search(s))
    ratio = lower_ratio(s)
    if n >= 40 and ratio >= 0.3:
        return True
    return ratio >= 0.4 and bool(_SENT_PUNCT_RE.search(s))


def is_list_item(s: str) -> bool:
    """A line of a list of links or publications: names and titles, dates or commas, not prose."""
    n = len(s.split())
    if n < 2 or n > 60 or is_prose(s):
        return False
    link = any(c in s for c in "|»›") or "http" in s or "www." in s
    return (has_year(s) or s.count(",") >= 2 or link) and title_ratio(s) >= 0.5


_NUMBER_CELL_RE = re.compile(r"[-+]?[$€£₽]?\d[\d.,\s%]*")


def table_row(s: str) -> bool:
    """A row of a table as loaders write it: cells split by tabs or " | ", one of them a figure."""
    cells = [c.strip() for c in re.split(r"\t| \| ", s)]
    return len(cells) >= 2 and (" | " in s or "\t" in s) and any(_NUMBER_CELL_RE.fullmatch(c) for c in cells)


# --- layout of the whole text ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Layout:
    """How a text is laid out: hard-wrapped printed lines or one paragraph per line."""

    wrapped: bool = False          # lines were broken at a fixed width (PDF, e-mail, typescript)
    double_spaced: bool = False    # a blank line follows every printed line, not only paragraphs
    width: int = 0                 # length of a full printed line
    caps: bool = False             # the text is mostly upper case (old cables)

    @property
    def line_gap(self) -> str:
        """What separates two printed lines of one paragraph."""
        return "\n\n" if self.double_spaced else "\n"

    def full(self, s: str) -> bool:
        return self.wrapped and len(s) >= 0.75 * self.width


@lru_cache(maxsize=1)
def text_layout(text: str) -> Layout:
    """The layout of a text (``layout_of`` its lines), kept for the next cleaning steps."""
    return layout_of(_lines_of(text))


def layout_of(lines: Sequence[Line]) -> Layout:
    """Measure the layout: the 90th percentile of line lengths, and how lines and blank lines alternate."""
    body = [ln for ln in lines if not ln.blank and len(ln.content.split()) >= 4]
    sample = "".join(ln.content for ln in body[:100])[:6000]
    upper = sum(map(str.isupper, sample))
    lower = sum(map(str.islower, sample))
    caps = upper > 2 * max(lower, 1)
    if len(body) < 3:
        return Layout(caps=caps)
    lengths = sorted(len(ln.content) for ln in body)
    width = lengths[int(len(lengths) * 0.9)]
    near_full = sum(1 for n in lengths if n >= 0.6 * width) / len(lengths)
    open_lines = [ln for ln in body if not ends_sentence(ln.content)]
    wrapped = width <= 160 and near_full >= 0.6 and len(open_lines) >= 0.3 * len(body)
    if not wrapped:
        return Layout(width=width, caps=caps)
    one_blank = adjacent = 0
    n = len(lines)
    for ln in open_lines:
        i = ln.index
        if i + 1 < n and not lines[i + 1].blank:
            adjacent += 1
        elif i + 2 < n and lines[i + 1].blank and not lines[i + 2].blank:
            one_blank += 1
    double = one_blank > 2 * adjacent and one_blank >= 3
    return Layout(wrapped=True, double_spaced=double, width=width, caps=caps)


def excise(lines: Sequence[Line], first: int, last: int, text: str, layout: Layout) -> tuple[int, int, str]:
    """The span to replace when lines ``first..last`` are taken out of the flow, and what replaces it.

    If the text before them stops mid-sentence, the blank lines around them go too and the two sides
    are joined by an ordinary line gap, so the sentence can be rebuilt; otherwise the lines go with
    their line ends, and the blank lines around them stay as they were.
    """
    before = first - 1
    while before >= 0 and lines[before].blank:
        before -= 1
    after = last + 1
    while after < len(lines) and lines[after].blank:
        after += 1
    if before >= 0 and after < len(lines) and not ends_sentence(lines[before].content):
        return lines[before].end, lines[after].start, layout.line_gap
    end = lines[last].end + 1 if last + 1 < len(lines) else lines[last].end
    return lines[first].start, end, ""

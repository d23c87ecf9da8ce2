"""Step ``notes``: end-notes, reference lists and footnote texts leave the body for ``Cleaned.notes``.

- **Reference list**: the run of numbered items at the end of the text ("1. Name, “Title”, Journal,
  Vol. 4, 1999, p. 82."), or whatever follows a "Notes" / "References" heading there. Items must be
  numbered in increasing order and most of them must read as citations (``data/clean/notes.yaml``:
  quoted titles, volume and page marks, publishers, a year, an author list, a URL). A numbered list of
  sentences in the body is not a reference list and stays.
- **Inline footnote**: a line in the middle of the body starting with a footnote number and a citation,
  with a URL on it or on the next line, or whose number was glued to a word before it ("analyst.1").
  When it splits a sentence, the two halves are joined again.
- **Author note**: a line starting with ``*`` or ``†`` when a name earlier carries the same mark.
- **About the author**: a short section under an "About the author" heading past the first 40 % of the
  text (before the reference list), with what follows it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from .base import (
    Edit,
    Layout,
    Line,
    StepContext,
    StepResult,
    collapse,
    ends_sentence,
    excise,
    finish,
    is_prose,
    split_lines,
    text_layout,
)
from .data import notes_data, rule_id, unmarked

_ITEM_RE = re.compile(r"\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)]?|([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})|\^)\s+\S")
_SUPER = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_MAX_TAIL_LINES = 4
_FOOTNOTE_LINE_RE = re.compile(r"(\d{1,3})\s+[\"“«‘A-ZА-ЯЁ]")
_URL_ONLY_RE = re.compile(r"(?:https?://|www\.)\S+\Z")
_NOTE_HYPHEN_RE = re.compile(r"([^\W\d_])- ([a-zа-яё])")
_AUTHOR_NOTE_RE = re.compile(r"(\*|†|‡)(?![*†‡])\s*[A-ZА-ЯЁ]")


def citation_signals(s: str) -> int:
    """How many signs of a bibliographic citation the text shows (each kind counts once)."""
    return sum(1 for _, rx in notes_data().signals if rx.search(s))


def _item_number(content: str) -> int | None:
    m = _ITEM_RE.match(content)
    if not m:
        return None
    return int(m.group(1) or m.group(2) or (m.group(3) or "0").translate(_SUPER))


def _cited(lines: Sequence[Line], idx: Sequence[int]) -> int:
    """How many of these lines read as citations (short enough, and with enough signals)."""
    nd = notes_data()
    return sum(1 for j in idx if len(lines[j].content.split()) <= 60
               and citation_signals(lines[j].content) >= nd.min_signals)


def _numbered_list(lines: Sequence[Line], items: list[int]) -> bool:
    """Numbered items in increasing order, most of them citations."""
    if len(items) < 2:
        return False
    numbers = [_item_number(collapse(lines[j].content)) or 0 for j in items]
    if any(b <= a for a, b in itertools.pairwise(numbers)):
        return False
    return _cited(lines, items) >= 0.6 * len(items)


def _end_block(lines: Sequence[Line], layout: Layout) -> int | None:
    """First line of the notes and references closing the text, if there are any.

    Walking up from the end: the last section under a notes heading ("References", "Notes" ...) is taken
    when its lines include a citation, and the notes sections right above it with it; a run of numbered
    citations without a heading is taken when its numbers increase and most items read as citations. A few
    lines of prose closing the text under the notes (a note on the author, a disclaimer) go with them.
    """
    found = _end_walk(lines, layout, len(lines) - 1)
    if found is not None:
        return found
    tail = [ln.index for ln in reversed(lines) if not ln.blank][:_MAX_TAIL_LINES + 1]
    for k in range(1, len(tail)):
        above = _end_walk(lines, layout, tail[k])
        if above is not None and notes_data().heading.match(unmarked(collapse(lines[above].content))):
            return above
    return None


def _end_walk(lines: Sequence[Line], layout: Layout, last: int) -> int | None:
    nd = notes_data()
    start: int | None = None
    segment: list[int] = []          # non-blank lines seen since the last accepted section
    items: list[int] = []            # numbered items among them
    i = last
    while i >= 0:
        ln = lines[i]
        i -= 1
        if ln.blank:
            continue
        c = collapse(ln.content)
        if nd.heading.match(unmarked(c)):
            if not segment or (start is None and _cited(lines, segment) == 0):
                break
            start, segment, items = ln.index, [], []
            continue
        if _item_number(c) is not None:
            items.append(ln.index)
        elif not (_URL_ONLY_RE.match(c) or (len(c.split()) <= 40 and not is_prose(c, layout.caps)
                                            and not (layout.wrapped and len(c.split()) >= 8))):
            break
        segment.append(ln.index)
    items.reverse()
    if _numbered_list(lines, items):
        return items[0]
    return start


def _marker_before(text: str, pos: int, n: int) -> bool:
    window = text[max(0, pos - 30000):pos]
    rx = re.compile(rf"(?:[^\W\d_][.,;:!?]?[\"”’»)]?|[.!?][\"”’»]?\s){n}(?![\d%])")
    return bool(rx.search(window))


def _footnote_blocks(lines: Sequence[Line], text: str, stop: int) -> list[tuple[int, int]]:
    """Candidate footnote texts: a line opening with a note number, with its continuation lines.

    A continuation is a URL alone on its line, or a short line carrying on a note line that stops
    mid-word or mid-sentence; a page break (form feed) or a blank line ends the note.
    """
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < stop:
        if lines[i].blank or not _FOOTNOTE_LINE_RE.match(lines[i].content):
            i += 1
            continue
        last = i
        j = i + 1
        while j < stop and j - i <= 4 and not lines[j].blank and "\f" not in text[lines[last].end:lines[j].cstart]:
            c = lines[j].content
            prev = lines[last].content
            if _FOOTNOTE_LINE_RE.match(c):
                break
            if _URL_ONLY_RE.match(c) or ((prev.endswith("-") or not ends_sentence(prev))
                                          and len(c.split()) <= 12 and not is_prose(c)):
                last = j
                j += 1
            else:
                break
        blocks.append((i, last))
        i = last + 1
    return blocks


def _page_bottom(lines: Sequence[Line], text: str, last: int, starts: set[int]) -> bool:
    """Is nothing but other notes between line ``last`` and the next page break (or the end)?"""
    k = last + 1
    while k < len(lines) and lines[k].blank and "\f" not in text[lines[k].start:lines[k].end + 1]:
        k += 1
    if k >= len(lines):
        return True
    return "\f" in text[lines[last].end:lines[k].cstart] or k in starts


def _inline_footnotes(lines: Sequence[Line], text: str, stop: int) -> list[tuple[int, int]]:
    nd = notes_data()
    blocks = _footnote_blocks(lines, text, stop)
    starts = {first for first, _ in blocks}
    found: list[tuple[int, int]] = []
    for first, last in blocks:
        block = " ".join(lines[k].content for k in range(first, last + 1))
        number = int(_FOOTNOTE_LINE_RE.match(lines[first].content).group(1))  # type: ignore[union-attr]
        signals = citation_signals(block)
        with_url = bool(re.search(r"https?://|www\.", block)) and signals >= 1
        if with_url or ((signals >= nd.min_signals or _page_bottom(lines, text, last, starts))
                        and _marker_before(text, lines[first].start, number)):
            found.append((first, last))
    return found


def _author_notes(lines: Sequence[Line], stop: int) -> list[int]:
    """Lines opening with a single note mark (``*``, ``†``) that a short line before carries glued to a name."""
    first_glued: dict[str, int] = {}
    for ln in lines[:stop]:
        c = ln.content
        if c and c[-1] in "*†‡" and len(c) >= 2 and c[-2].isalpha() and len(c.split()) <= 8:
            first_glued.setdefault(c[-1], ln.index)
    found = []
    for ln in lines[:stop]:
        m = _AUTHOR_NOTE_RE.match(ln.content)
        if not m or len(ln.content.split()) > 80 or ln.content.rstrip().endswith(m.group(1)):
            continue
        if first_glued.get(m.group(1), len(lines)) < ln.index:
            found.append(ln.index)
    return found


def _about_block(lines: Sequence[Line], stop: int, taken: set[int]) -> tuple[int, int] | None:
    """First line of a short note on the author or the publication ("About the author" and what follows it)
    past the first 40 % of the text's lines, and the line where it ends: the reference list (``stop``), a notes
    heading, or a footnote text already taken (``taken``)."""
    nd = notes_data()
    content = [ln for ln in lines[:stop] if not ln.blank]
    for k in range(len(content) - 1, max(int(0.4 * len(content)), 1) - 1, -1):
        if not nd.about.match(unmarked(collapse(content[k].content))):
            continue
        rest = []
        end = stop
        for x in content[k + 1:]:
            if x.index in taken or nd.heading.match(unmarked(collapse(x.content))):
                end = x.index
                break
            rest.append(x)
        if rest and len(rest) <= nd.about_max_lines and sum(len(x.content.split()) for x in rest) <= nd.about_max_words:
            return content[k].index, end
        return None
    return None


def _joined(parts: Iterable[str]) -> str:
    """Lines of one note joined; a word broken by a hyphen before a lower-case line is mended."""
    return _NOTE_HYPHEN_RE.sub(r"\1\2", " ".join(parts))


def separate_notes(text: str, ctx: StepContext) -> StepResult:
    """Move the closing reference list, inline footnote texts and author notes out of the body."""
    lines = split_lines(text)
    layout = text_layout(text)
    v = notes_data().version
    edits: list[Edit] = []
    notes: list[tuple[int, str]] = []
    end = _end_block(lines, layout)
    stop = end if end is not None else len(lines)
    for i in _author_notes(lines, stop):
        start, stop_, gap = excise(lines, i, i, text, layout)
        edits.append(Edit(start, stop_, gap, "author_footnote", rule_id("notes", v, "author_note")))
        notes.append((lines[i].start, lines[i].content))
    taken = {e.start for e in edits}
    footnote_lines: set[int] = set()
    for first, last in _inline_footnotes(lines, text, stop):
        footnote_lines.update(range(first, last + 1))
        start, stop_, gap = excise(lines, first, last, text, layout)
        if start in taken:
            continue
        edits.append(Edit(start, stop_, gap, "footnote_inline", rule_id("notes", v, "inline_footnote")))
        notes.append((lines[first].start, _joined(lines[k].content for k in range(first, last + 1))))
    found = _about_block(lines, stop, footnote_lines)
    if found is not None:
        about, until = found
        start, stop_ = lines[about].start, lines[until].start if until < len(lines) else len(text)
        edits.append(Edit(start, stop_, "", "author_bio", rule_id("notes", v, "about_the_author")))
        notes.append((start, "\n".join(collapse(ln.content) for ln in lines[about:until] if not ln.blank)))
    if end is not None:
        first = end
        start = lines[first].start
        edits.append(Edit(start, len(text), "", "reference_list", rule_id("notes", v, "end_list")))
        body = [collapse(ln.content) for ln in lines[first:] if not ln.blank]
        notes.append((start, "\n".join(body)))
    notes.sort()
    return finish(text, edits, notes=[n for _, n in notes])

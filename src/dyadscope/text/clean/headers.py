"""Step ``running_headers``: page headers, footers and page numbers of printed texts.

Three signals, strongest first:

1. pages (form feeds in the text, or the ``pages`` a PDF loader gives): a line among the first or last
   three of a page whose shape (digits masked) recurs on other pages' edges;
2. lines of a hard-wrapped text that recur (digits masked) three times or more, or twice with different
   numbers, and do not read as prose;
3. a single line shaped like a journal header — title, volume, year and a page number set off by a run
   of spaces (``data/clean/pdf.yaml``) — which can land anywhere, even between two halves of a sentence;
4. a short line between the two halves of a sentence (the line above runs on, the line below goes on in
   lower case) that looks printed in a margin: a page number set off by spaces, a separator, capitals
   throughout, or a title ending in a year.

When a header sits inside a sentence, it is cut out together with the blank lines around it and the two
halves are joined by an ordinary line gap, so the paragraph step rebuilds the sentence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .base import (
    Edit,
    Layout,
    Line,
    StepContext,
    StepResult,
    ends_sentence,
    excise,
    finish,
    is_prose,
    split_lines,
    text_layout,
    title_ratio,
)
from .data import header_patterns, layout_words, rule_id

_DIGITS_RE = re.compile(r"\d+")
_EDGE_MASK_RE = re.compile(r"^# |(?<=\S) #$")
_EDGE_NUMBER_RE = re.compile(r"^\d{1,4}\s|\s\d{1,4}$")
_YEAR_RE = re.compile(r"(?:1[5-9]|20)\d{2}")
_YEAR_END_RE = re.compile(r"\b(?:19|20)\d{2}\)?\Z")
_PAGE_WORD_RE = re.compile(r"(?i)\b(?:page|стр|с)\.?\s*\d|\d\s+(?:of|из)\s+\d")
_EDGE_LINES = 3


def _key(content: str) -> str:
    """A line's shape: lower case, digits masked, a page number at either end left out (headers on left and
    right pages carry it on different sides)."""
    return _EDGE_MASK_RE.sub("", " ".join(_DIGITS_RE.sub("#", content.lower()).split()))


def _pattern_rule(content: str) -> str | None:
    if not (_EDGE_NUMBER_RE.search(content) or _PAGE_WORD_RE.search(content) or _YEAR_END_RE.search(content)):
        return None
    hp = header_patterns()
    for pid, rx in hp.running:
        if rx.match(content):
            return rule_id("pdf", hp.version, pid)
    return None


def _page_number_rule(content: str) -> str | None:
    if len(content) > 16:
        return None
    hp = header_patterns()
    if _YEAR_RE.fullmatch(content.strip("-–— ")):
        return None
    for pid, rx in hp.page_number:
        if rx.match(content):
            return rule_id("pdf", hp.version, pid)
    return None


def _page_edges(lines: Sequence[Line], text: str) -> dict[int, list[int]]:
    """Line indexes at the top and bottom of each page, pages being split by form feeds."""
    pages: dict[int, list[int]] = defaultdict(list)
    page = 0
    for ln in lines:
        page += text.count("\f", ln.start, ln.end)
        if not ln.blank:
            pages[page].append(ln.index)
    edges: dict[int, list[int]] = {}
    for p, idx in pages.items():
        edges[p] = sorted(set(idx[:_EDGE_LINES] + idx[-_EDGE_LINES:]))
    return edges


def _by_pages(lines: Sequence[Line], text: str) -> dict[int, str]:
    edges = _page_edges(lines, text)
    if len(edges) < 2:
        return {}
    hp = header_patterns()
    pages_with: Counter[str] = Counter()
    for idx in edges.values():
        for key in {_key(lines[i].content) for i in idx}:
            pages_with[key] += 1
    need = max(2, int(0.3 * len(edges) + 0.5))
    found: dict[int, str] = {}
    for idx in edges.values():
        for i in idx:
            content = lines[i].content
            if pages_with[_key(content)] >= need and not is_prose(content):
                found[i] = rule_id("pdf", hp.version, "repeated_on_pages")
            elif (rule := _page_number_rule(content)) is not None:
                found[i] = rule
    return found


def _header_shaped(content: str, layout: Layout) -> bool:
    """Could this line be a running header: no sentence end, no dangling word, a title or a number?"""
    if is_prose(content, layout.caps) and not _EDGE_NUMBER_RE.search(content):
        return False
    words = content.split()
    if ends_sentence(content) or content.endswith((",", ";", ":")) or not words:
        return False
    if words[-1].lower() in layout_words().continuation:
        return False
    return title_ratio(content) >= 0.5 or any(c.isdigit() for c in content)


def _by_repetition(lines: Sequence[Line], layout: Layout) -> dict[int, str]:
    hp = header_patterns()
    groups: dict[str, list[int]] = defaultdict(list)
    for ln in lines:
        if not ln.blank and 12 <= len(ln.content) <= 150:
            groups[_key(ln.content)].append(ln.index)
    found: dict[int, str] = {}
    for idx in groups.values():
        if len(idx) < 2:
            continue
        sample = lines[idx[0]].content
        if not _header_shaped(sample, layout):
            continue
        numbers = {tuple(_DIGITS_RE.findall(lines[i].content)) for i in idx}
        if len(idx) >= 3 or (len(numbers) == len(idx) and _EDGE_NUMBER_RE.search(sample)):
            for i in idx:
                found[i] = rule_id("pdf", hp.version, "repeated_line")
    for ln in lines:
        if ln.blank or ln.index in found:
            continue
        rule = _page_number_rule(ln.content)
        if rule is not None:
            prev_num = ln.index > 0 and _page_number_rule(lines[ln.index - 1].content or "x") is not None
            next_num = ln.index + 1 < len(lines) and _page_number_rule(lines[ln.index + 1].content or "x") is not None
            if not prev_num and not next_num:
                found[ln.index] = rule
    return found


_SPACED_NUMBER_RE = re.compile(r"\s{2,}\d{1,4}\Z|\A\d{1,4}\s{2,}")
_SEPARATOR_RE = re.compile(r"\s[·•|]\s")


def _header_evidence(content: str) -> bool:
    """Does a short line look printed in a page's margin: a page number set off by spaces, a separator, capitals
    throughout, or a title with a year at its end?"""
    words = content.split()
    if not 2 <= len(words) <= 14 or ends_sentence(content) or content.endswith((",", ";", ":")):
        return False
    letters = [ch for ch in content if ch.isalpha()]
    caps = len(letters) >= 6 and sum(ch.isupper() for ch in letters) >= 0.85 * len(letters)
    titled = title_ratio(content) >= 0.5 and bool(_YEAR_END_RE.search(content))
    return bool(_SPACED_NUMBER_RE.search(content) or _SEPARATOR_RE.search(content)) or caps or titled


def _inside_sentence(lines: Sequence[Line], found: dict[int, str], layout: Layout) -> dict[int, str]:
    """A margin line that fell between the two halves of a sentence: the line above runs on (no sentence end),
    the line below goes on in lower case, and the line itself shows header evidence (``_header_evidence``)."""
    rule = rule_id("pdf", header_patterns().version, "header_inside_sentence")
    content = [ln for ln in lines if not ln.blank]
    out: dict[int, str] = {}
    if layout.caps:
        return out
    for a, b, c in zip(content, content[1:], content[2:]):
        head = b.content[:1]
        if head.islower() or b.index in found or len(b.content) > 200 or not c.content[:1].islower():
            continue
        if ends_sentence(a.content) or len(a.content.split()) < 6:
            continue
        if _header_evidence(b.content):
            out[b.index] = rule
    return out


def remove_running_headers(text: str, ctx: StepContext) -> StepResult:
    """Drop running headers, footers and page numbers; rejoin a sentence they split.

    Form feeds stay (the notes step uses page ends); the paragraph step turns them into line gaps.
    """
    lines = split_lines(text)
    layout = text_layout(text)
    found: dict[int, str] = {}
    has_pages = "\f" in text
    if has_pages:
        found.update(_by_pages(lines, text))
    if layout.wrapped or has_pages:
        for i, rule in _by_repetition(lines, layout).items():
            found.setdefault(i, rule)
    for ln in lines:
        if not ln.blank and ln.index not in found and len(ln.content) <= 220:
            pattern_rule = _pattern_rule(ln.content)
            if pattern_rule is not None:
                found[ln.index] = pattern_rule
    found.update(_inside_sentence(lines, found, layout))
    edits: list[Edit] = []
    runs: list[list[int]] = []
    for i in sorted(found):
        if runs and all(lines[j].blank for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        start, end, gap = excise(lines, run[0], run[-1], text, layout)
        edits.append(Edit(start, end, gap, "running_header", found[run[0]]))
    return finish(text, edits)

"""Step ``paragraphs``: printed lines back into paragraphs, words broken across lines back into words.

The output has one paragraph per block, paragraphs separated by exactly one blank line. Whether two
consecutive lines belong to one paragraph is decided from signals of the line pair and of the document
(:func:`joins`):

- a line that stops mid-sentence — on a comma, on a word that cannot end a sentence ("of", "the",
  "and"), or followed by a lower-case continuation — goes on in the next line, even across a blank line
  or a page break; in a text too short to measure, so does a line of prose of printed length (40–160
  characters) that stops without a full stop right above a line no longer than it;
- a short line ending a sentence ends a paragraph; a line as long as the text's full printed lines
  that ends a sentence is just a line (hard-wrapped texts);
- a blank line separates paragraphs, except in double-spaced texts where every printed line is followed
  by one (detected per document, :func:`~dyadscope.text.clean.base.layout_of`);
- headings (short, capitalised, numbered "II.", "B.") stand alone; a bullet starts a new paragraph, and so does
  a numbered item ("2. …") after a line ending a sentence or a clause (";", ":"); so does a
  line opening with a cable's classification mark ("2. (C) …"). In a text set in capitals only a short line
  can be a heading, and no line with a sentence end inside it is one.

A hyphen at a line end is resolved by :func:`~dyadscope.text.clean.vocab.keep_hyphen` against the
document's own vocabulary.
"""

from __future__ import annotations

import itertools
import re

from .base import (
    Edit,
    Layout,
    Line,
    StepContext,
    StepResult,
    ends_sentence,
    finish,
    lower_ratio,
    split_lines,
    starts_lower,
    text_layout,
    title_ratio,
)
from .cable import opens_with_mark
from .data import layout_words, rule_id
from .vocab import Vocabulary, keep_hyphen

_NUMBERED_HEADING_RE = re.compile(r"(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[A-H])[.)]\s+[\"“‘«]?[A-ZА-ЯЁ]")
_BULLET_RE = re.compile(r"(?:[•▪◦‣·●○■□➢►]|[-–—*]\s)")
_MD_BLOCK_RE = re.compile(r"(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\||```)")
_LEFT_WORD_RE = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)-\Z")
_RIGHT_WORD_RE = re.compile(r"[^\W\d_]+")
_GLUED_DASH_RE = re.compile(r"\w[–—]\Z")
_CONTINUING_PUNCT = (",", ";", "(", "/", "&", "+", "=")
_MIN_BROKEN, _MAX_BROKEN = 40, 160
_LIST_ITEM_RE = re.compile(r"\d{1,2}[.)]\s+\S")
_CLOSERS = "\"'”’»)]"
_INNER_SENTENCE_END_RE = re.compile(r"[^\W\d_]{3,}[.!?][\"”’)]?\s+\S")


def numbered_heading(s: str) -> bool:
    return bool(_NUMBERED_HEADING_RE.match(s)) and not ends_sentence(s) and len(s.split()) <= 18


def heading_like(s: str, layout: Layout) -> bool:
    """A short line that names a section: few words, no sentence end, capitalised or numbered."""
    words = s.split()
    if not words or len(words) > 12 or ends_sentence(s) or s.endswith(_CONTINUING_PUNCT):
        return False
    if words[-1].lower() in layout_words().continuation:
        return False
    if s.count("(") > s.count(")") or _INNER_SENTENCE_END_RE.search(s):
        return False
    if numbered_heading(s):
        return True
    if layout.caps:         # in a text set in capitals, capitals say nothing: only a short line stands alone
        return len(words) <= 6 and not layout.full(s)
    if s.isupper():
        return True
    if layout.full(s):
        return title_ratio(s) >= 0.6
    return title_ratio(s) >= 0.5 or words[0].lower().strip(":.") in layout_words().heading_words


def _continues(a: str, layout: Layout) -> bool:
    if a.endswith(_CONTINUING_PUNCT) or (layout.wrapped and a.endswith(":")) or a.count("(") > a.count(")"):
        return True
    words = a.split()
    return bool(words) and words[-1].lower().strip("\"“‘«(") in layout_words().continuation


def _cells(s: str) -> bool:
    """A line split into cells (tabs, or two " | " or more): a table row, never part of a paragraph."""
    return "\t" in s or s.count(" | ") >= 2


def _heading_tail(b: str, layout: Layout) -> bool:
    short = len(b) < 0.6 * layout.width if layout.wrapped else len(b.split()) <= 6
    return short and not ends_sentence(b) and (title_ratio(b) >= 0.5 or b.isupper())


def _broken_line(a: str, b: str, layout: Layout) -> bool:
    """In a text too short to measure its layout: is ``a`` a printed line broken mid-sentence, running on in
    ``b``? A line of prose of printed length, at least as long as the line under it."""
    return (_MIN_BROKEN <= len(a) <= _MAX_BROKEN and len(a) >= 0.8 * len(b) and len(a.split()) >= 6
            and (layout.caps or lower_ratio(a) >= 0.5))


def joins(a: str, b: str, gap: int, layout: Layout, *, b_indented: bool = False, a_continued: bool = False,
          fmt: str = "txt") -> bool:
    """Does line ``b`` continue the paragraph of line ``a``, ``gap`` blank lines after it?

    ``a_continued`` says that ``a`` itself continues the line before it (then it is no heading).
    """
    if fmt == "md" and (_MD_BLOCK_RE.match(a) or _MD_BLOCK_RE.match(b)):
        return False
    if _BULLET_RE.match(b) or _cells(a) or _cells(b) or opens_with_mark(b):
        return False
    a_end = ends_sentence(a)
    para_gap = gap >= (2 if layout.double_spaced else 1)
    a_heading = not a_continued and heading_like(a, layout)
    if numbered_heading(b) and (a_end or a_heading):
        return False
    if _LIST_ITEM_RE.match(b) and a.rstrip(_CLOSERS).endswith((".", "!", "?", ";", ":")):
        return False
    if not a_end:
        if _continues(a, layout) or starts_lower(b):
            return True
        if a_heading:     # a heading goes on only with a short, capitalised line right under it
            return (gap == 0 or (numbered_heading(a) and not para_gap)) and _heading_tail(b, layout)
        if layout.wrapped:
            return not para_gap or layout.full(a)
        return gap == 0 and _broken_line(a, b, layout)
    if para_gap:
        return False
    if not layout.wrapped:
        return gap == 0 and starts_lower(b)
    if starts_lower(b):
        return True
    return layout.full(a) and not b_indented


def rebuild_paragraphs(text: str, ctx: StepContext) -> StepResult:
    """Join the lines of each paragraph with single spaces (or nothing, across a resolved hyphen)."""
    lines = split_lines(text)
    content = [ln for ln in lines if not ln.blank]
    v = layout_words().version
    if not content:
        return finish(text, [Edit(0, len(text), "", "whitespace", rule_id("layout", v, "empty"))] if text else [])
    layout = text_layout(text)
    vocab: Vocabulary | None = None
    edits: list[Edit] = []
    if content[0].cstart > 0:
        edits.append(Edit(0, content[0].cstart, "", "whitespace", rule_id("layout", v, "leading_space")))
    a_continued = False
    heading = heading_like(content[0].content, layout)
    for a, b in itertools.pairwise(content):
        gap = b.index - a.index - 1
        if not joins(a.content, b.content, gap, layout, b_indented=b.indented, a_continued=a_continued,
                     fmt=ctx.fmt):
            edits.append(Edit(a.cend, b.cstart, "\n\n", "whitespace", rule_id("layout", v, "paragraph_break")))
            a_continued = False
            heading = heading_like(b.content, layout)
            continue
        heading = heading and heading_like(b.content, layout)
        a_continued = not heading
        dash = a.content.endswith(("-", "–", "—"))
        left = _LEFT_WORD_RE.search(a.content, max(0, len(a.content) - 60)) if dash else None
        if left and a.content.endswith("-") and b.content[:1].isalpha():
            if vocab is None:
                vocab = Vocabulary(text)
            right = _RIGHT_WORD_RE.match(b.content)
            keep, why = keep_hyphen(left.group(1), right.group() if right else "", vocab)
            start = a.cend if keep else a.cend - 1
            edits.append(Edit(start, b.cstart, "", "hyphenation", rule_id("layout", v, why)))
        elif dash and (_GLUED_DASH_RE.search(a.content, len(a.content) - 2) or not a.content.endswith(" -")):
            edits.append(Edit(a.cend, b.cstart, "", "line_break", rule_id("layout", v, "dash_at_line_end")))
        else:
            edits.append(Edit(a.cend, b.cstart, " ", "line_break", rule_id("layout", v, _join_rule(a, b, gap))))
    if content[-1].cend < len(text):
        edits.append(Edit(content[-1].cend, len(text), "", "whitespace", rule_id("layout", v, "trailing_space")))
    return finish(text, edits)


def _join_rule(a: Line, b: Line, gap: int) -> str:
    if gap == 0:
        return "line_joined"
    return "line_joined_across_blank"

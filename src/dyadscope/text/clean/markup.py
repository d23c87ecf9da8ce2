"""Step ``markup``: Markdown syntax out of Markdown sources (``fmt="md"`` only), text kept.

Heading marks (``## ``), setext underlines and horizontal rules (``===``, ``---``, ``***``), emphasis
marks around text (``**bold**``, ``*italic*``, ``__x__``, ``_x_``), links (``[text](url)`` keeps the
text) and images (``![alt](url)`` goes). A heading stays as a line of its own, so the paragraph step
keeps it apart from the text under it. Other formats are returned unchanged.
"""

from __future__ import annotations

import re

from .base import Edit, StepContext, StepResult, finish
from .data import rule_id

_HEADING_RE = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?=\S)", re.MULTILINE)
_CLOSING_HASHES_RE = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
_RULE_LINE_RE = re.compile(r"^[ \t]{0,3}(?:[=]{3,}|[-]{3,}|[*]{3,}|[_]{3,})[ \t]*$", re.MULTILINE)
_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\((?:[^)\n]*)\)")
_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_EM_RE = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^\n*_]+?)(?<=[^\s*_])\1(?![\w*])")
_VERSION = 1


def _rule(name: str) -> str:
    return rule_id("markup", _VERSION, name)


def strip_markup(text: str, ctx: StepContext) -> StepResult:
    """Remove Markdown marks, keeping the words they mark."""
    if ctx.fmt != "md":
        return StepResult(text)
    edits: list[Edit] = []
    for m in _HEADING_RE.finditer(text):
        edits.append(Edit(m.start(1), m.end(), "", "markup", _rule("heading_mark")))
    for m in _CLOSING_HASHES_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _HEADING_RE.match(text, line_start):
            edits.append(Edit(m.start(), m.end(), "", "markup", _rule("heading_mark")))
    for m in _RULE_LINE_RE.finditer(text):
        edits.append(Edit(m.start(), m.end(), "", "markup", _rule("rule_line")))
    for m in _IMAGE_RE.finditer(text):
        edits.append(Edit(m.start(), m.end(), "", "markup", _rule("image")))
    for m in _LINK_RE.finditer(text):
        if m.start() == 0 or text[m.start() - 1] != "!":
            edits.append(Edit(m.start(), m.end(), m.group(1), "markup", _rule("link")))
    for rx, name in ((_STRONG_RE, "strong"), (_EM_RE, "emphasis")):
        for m in rx.finditer(text):
            mark = m.group(1)
            edits.append(Edit(m.start(), m.start() + len(mark), "", "markup", _rule(name)))
            edits.append(Edit(m.end() - len(mark), m.end(), "", "markup", _rule(name)))
    return finish(text, edits)

"""Lines of a document's decoded text as metadata rules see them: stripped, with their offsets.

Markdown decoration is taken off a line before rules read it (``# Title`` → ``Title``, ``*By …*`` → ``By …``,
``> quote`` → ``quote``); underlines (``=====``) and rules (``---``) are not lines. Offsets always point into
the text itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_MD_LEAD_RE = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]*)+")
_RULE_LINE_RE = re.compile(r"^(?:={3,}|-{3,}|\*{3,}|_{3,})$")


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line, stripped of white space and Markdown decoration (``# ``, ``> ``, ``*…*``), with the
    offsets of what is left; ``after_blank`` when an empty line (or the start of the text) comes before it."""

    start: int
    end: int
    text: str
    after_blank: bool = False
    #: the level of a Markdown ATX heading (``# Title`` → 1), 0 for other lines
    heading: int = 0


def _line(text: str, start: int, end: int, after_blank: bool = False) -> Line | None:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped or _RULE_LINE_RE.match(stripped):
        return None
    lead = len(raw) - len(raw.lstrip())
    md = _MD_LEAD_RE.match(stripped)
    heading = 0
    if md and md.end() < len(stripped):
        heading = len(stripped) - len(stripped.lstrip("#")) if stripped.startswith("#") else 0
        lead += md.end()
        stripped = stripped[md.end():]
    for mark in ("**", "__", "*", "_"):
        n = len(mark)
        if (len(stripped) > 2 * n and stripped.startswith(mark) and stripped.endswith(mark)
                and not stripped[n].isspace() and not stripped[-n - 1].isspace()):
            lead += n
            stripped = stripped[n:-n].strip()
            break
    return Line(start + lead, start + lead + len(stripped), stripped, after_blank, heading)


def head_lines(text: str, n: int) -> list[Line]:
    """The first ``n`` non-empty lines (stripped), with offsets."""
    out: list[Line] = []
    pos = 0
    blank = True
    while len(out) < n and pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = _line(text, pos, end, blank)
        if line:
            out.append(line)
            blank = False
        elif not text[pos:end].strip():
            blank = True
        pos = end + 1
    return out


def tail_lines(text: str, n: int) -> list[Line]:
    """The last ``n`` non-empty lines, in text order."""
    out: list[Line] = []
    end = len(text)
    while len(out) < n and end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = _line(text, start, end)
        if line:
            out.append(line)
        end = start - 1
    return out[::-1]


def needle_lines(text: str, needles: tuple[str, ...], limit: int) -> Iterator[Line]:
    """Each line holding one of ``needles`` (at most ``limit`` lines), in text order."""
    seen: set[int] = set()
    pattern = _needles_regex(needles)
    for m in pattern.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if start in seen:
            continue
        seen.add(start)
        if len(seen) > limit:
            return
        end = text.find("\n", m.end())
        line = _line(text, start, len(text) if end == -1 else end)
        if line:
            yield line


@lru_cache(maxsize=256)
def _needles_regex(needles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in needles))

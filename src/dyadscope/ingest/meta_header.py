"""Metadata rules that read more than one line of a document's header: titles and bare name lines.

- ``title_markdown_heading``: a Markdown ``# Title`` on the first line;
- ``title_lines``: a block of title-like lines at the very top that ends where the header begins (a byline,
  dateline, label or name line): "GAS, GRAIN AND GRIEVANCES: / THE NORTHERN BORDER / Nigar Hasanova*";
- ``title_under_menu``: when no other rule gives a title, the same block under a site menu or breadcrumb that
  is no title ("Home / World / Caucasus", a blank line, the headline, the dateline);
- ``title_after_issue_line``: the title-like lines between a journal's issue line at the top ("No. 3 · Spring
  2019", under the journal's name or alone) and the byline or author's name under them;
- ``title_above_byline``: the title-like lines right above a byline, when page furniture comes first
  (a site menu, a dateline, a rating widget, then the headline and "By …");
- ``title_first_line``: a lone first line followed by a blank line and the body or a wire dateline, or
  directly by a paragraph written on one line (an encyclopedia article copied without its site lines);
- ``name_marker``: a line that is only a person's name with a footnote marker ("Nigar Hasanova*");
- ``name_affiliation``: a line that is only a person's name, followed by a line naming a position or an
  institution ("Senior Research Fellow at …").

A title line must be mostly words, must not end with a full stop, must not be a numbered or generic section
heading ("I. Introduction", "Abstract"), a site menu ("Home | News | About") or a section label
("Published in …", "Filed under: …"). Titles written in capitals are put in Title Case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from ..lexicon import load_yaml, version_of
from .dates import placeholders
from .items import MetaValue
from .lines import Line
from .names import display_name, has_affiliation, is_person_name, strip_marker, title_case

_NUMBERED_HEADING_RE = re.compile(r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[A-Z])[.)]\s")
_PLACEHOLDER_RE = re.compile(r"<<(\w+)>>")
_LONG_PARAGRAPH = 20        # words of a line that can only be a paragraph (one paragraph a line), never a title

ValuesOf = Callable[[Line], list[MetaValue]]


@lru_cache(maxsize=1)
def _meta() -> dict[str, Any]:
    return dict(load_yaml("ingest/metadata.yaml"))


def _rule(name: str) -> str:
    return f"ingest.meta.v{version_of('ingest/metadata.yaml')}:{name}"


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern[str], ...]:
    frags = placeholders()
    return tuple(re.compile(_PLACEHOLDER_RE.sub(lambda m: frags[m.group(1)], str(p))) for p in _meta()["header_markers"])


@lru_cache(maxsize=1)
def _headings() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _meta()["heading_words"])


def section_label(text: str) -> bool:
    low = text.lower()
    return any(low.startswith(str(label)) for label in _meta()["section_labels"])


def _title_like(text: str) -> bool:
    wordish = sum(1 for ch in text if ch.isalnum() or ch.isspace())
    if wordish < 0.8 * len(text) or text.endswith(".") or text.lower().strip(" .:") in _headings():
        return False
    if _NUMBERED_HEADING_RE.match(text) or section_label(text):
        return False
    if sum(text.count(str(sep)) for sep in _meta()["menu_separators"]) >= 2:
        return False
    return text[:1].isalpha() or text[:1] in "\"“«'‘"


def _name_line(line: Line) -> bool:
    return is_person_name(strip_marker(line.text)[0])


def _title(block: Sequence[Line], rule: str) -> MetaValue | None:
    meta = _meta()
    if not 1 <= len(block) <= int(meta["title_max_lines"]):
        return None
    if sum(len(x.text.split()) for x in block) > int(meta["title_max_words"]):
        return None
    if not all(_title_like(x.text) for x in block):
        return None
    title = re.sub(str(meta["title_prefix"]), "", " ".join(x.text for x in block))
    if title.isupper():
        title = title_case(title)
    return MetaValue("title", title, "title_lines", _rule(rule), " / ".join(x.text for x in block),
                     block[0].start, block[-1].end)


def _titles(lines: list[Line], values: list[list[MetaValue]]) -> list[MetaValue]:
    out: list[MetaValue] = []
    header = [bool(v) or _name_line(x) or any(p.match(x.text) for p in _markers())
              for x, v in zip(lines, values)]
    if lines and lines[0].heading == 1:
        found = _title(lines[:1], "title_markdown_heading")
        if found:
            out.append(found)
    limit = int(_meta()["title_max_lines"]) + 1
    first = next((i for i, h in enumerate(header[:limit]) if h), None)
    if first is not None and first <= 1 and any(m.basis == "journal_line" for m in values[first]):
        after = next((i for i in range(first + 1, min(len(lines), first + limit + 1)) if header[i]), None)
        found = _title(lines[first + 1:after], "title_after_issue_line") if after else None
        if found:
            out.append(found)
    if first:
        found = _title(lines[:first], "title_lines")
        if found:
            out.append(found)
    byline = next((i for i, v in enumerate(values) if any(m.basis == "byline" for m in v)), None)
    if byline:
        start = byline
        while start > 0 and byline - start < 3 and not header[start - 1] and _title_like(lines[start - 1].text):
            start -= 1
            if lines[start].after_blank:
                break
        if start < byline and (start == 0 or lines[start].after_blank):
            found = _title(lines[start:byline], "title_above_byline")
            if found:
                out.append(found)
    long_next = len(lines) > 1 and len(lines[1].text.split()) >= _LONG_PARAGRAPH
    lone = len(lines) > 1 and not header[0] and (lines[1].after_blank or long_next) and 2 <= len(lines[0].text.split()) <= 20
    if lone and (header[1] or long_next):
        found = _title(lines[:1], "title_first_line")
        if found:
            out.append(found)
    if not out and first:       # menus or breadcrumbs over the title: the title-like block right above the header
        found = _title_under_menu(lines, first)
        if found:
            out.append(found)
    return out


def _title_under_menu(lines: list[Line], first: int) -> MetaValue | None:
    start = first - 1
    while start > 0 and _title_like(lines[start - 1].text) and not lines[start].after_blank:
        start -= 1
    if 0 < start < first and lines[start].after_blank and not _title_like(lines[start - 1].text) \
            and _title_like(lines[start].text):
        return _title(lines[start:first], "title_under_menu")
    return None


def _names(lines: list[Line]) -> list[MetaValue]:
    out: list[MetaValue] = []
    for i, line in enumerate(lines):
        name, marked = strip_marker(line.text)
        if not is_person_name(name):
            continue
        following = [x for x in lines[i + 1:i + 3] if not _name_line(x)]
        if marked:
            out.append(MetaValue("author", display_name(name), "name_marker", _rule("name_marker"), line.text,
                                 line.start, line.start + len(name)))
        elif following and has_affiliation(following[0].text) and len(following[0].text.split()) <= 25:
            out.append(MetaValue("author", display_name(name), "name_affiliation", _rule("name_affiliation"),
                                 f"{line.text} / {following[0].text}", line.start, line.start + len(name)))
    return out


def header_values(lines: list[Line], values_of: ValuesOf) -> list[MetaValue]:
    """Titles and authors from the first lines; ``values_of`` gives what the one-line rules find in a line."""
    values = [values_of(x) for x in lines]
    return _titles(lines, values) + _names(lines)

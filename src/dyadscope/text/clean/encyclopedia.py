"""Step ``encyclopedia``: the furniture of an encyclopedia article as users copy or export it.

A text is read as an encyclopedia page when it shows one strong signal ("From Wikipedia, the free
encyclopedia", a heading marked "[edit]", "This page was last edited on …", the licence footer, "Jump to
navigation", a navbox's "v t e") or two weak ones (a "Contents" list, "Main article:", "Categories:", reference
lines opening with "^"); ``data/clean/encyclopedia.yaml``. Then:

- site lines go wherever they stand: the "free encyclopedia" line, "Jump to …", hatnotes ("This article is
  about …"), "Main article: …", "See also: …", "Further information: …", maintenance banners, navbox toggles,
  categories, the "last edited" line (read as metadata before cleaning), the licence and site footers;
- the table of contents goes: a "Contents" line and the items under it (numbered, or naming a heading found
  further down); a numbered list elsewhere in the body stays;
- an infobox goes: the lines between the title and the lead that are not prose ("Signed 3 September
  2010", "Azerbaijan | Russia", a repeated title);
- the closing sections go to the notes: from the first "See also", "References", "Notes", "Further reading",
  "External links" or "Bibliography" heading after which no paragraph of body prose follows, to the end;
- a navigation box goes: its "v t e" line and the rows under it;
- reference and editing marks after a space ("in 1998 [4]") go (glued ones go in the footnote step);
- a heading marked "[edit]" loses the mark and stands as a paragraph of its own (headings reset the
  narrative time of the passage under them, so they must not be glued to its first sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...errors import DataFileError
from ...lexicon import load_yaml, version_of
from .base import Edit, Line, StepContext, StepResult, collapse, ends_sentence, finish, is_prose, split_lines
from .data import layout_words, rule_id, unmarked
from .notes import citation_signals

_NAME = "clean/encyclopedia.yaml"
_EDIT_MARK_RE = re.compile(r"\s*\[\s*edit(?:\s*[|·]\s*edit\s+source|\s+source)?\s*\]\s*\Z", re.IGNORECASE)
_STRONG_WORDS = ("encyclopedia", "[edit", "[ edit", "last edited", "last modified", "Creative Commons", "Jump to",
                 "jump to", "Retrieved from", "v t e", "v · t · e", "vte")
_WEAK_WORDS = (("Categor", "CATEGOR"), ("Main article", "Further information", "main article"),
               ("Contents", "CONTENTS"), ("^",), ("See also", "External links", "References", "Further reading"))
_REFERENCE_MARK_RE = re.compile(r"[^\W\d_][.,;:”\"]?\[\d{1,3}\]")
_BULLET_RE = re.compile(r"^[•▪◦·*–-]\s+")
_LIST_MARK_RE = re.compile(r"(?:[-*•▪◦·]\s|\d{1,3}\.?\s+\^|[a-z]{1,2}\.?\s+\^|\^)")


@dataclass(frozen=True, slots=True)
class EncPattern:
    id: str
    kind: str
    strong: bool
    marked: bool
    regex: re.Pattern[str]
    rule: str


@dataclass(frozen=True, slots=True)
class EncyclopediaData:
    signals: tuple[EncPattern, ...]
    lines: tuple[EncPattern, ...]
    contents_heading: re.Pattern[str]
    contents_item: re.Pattern[str]
    contents_inline: re.Pattern[str]
    closing: frozenset[str]
    max_infobox_lines: int
    max_navbox_lines: int
    min_weak: int
    min_reference_marks: int
    sidebar: re.Pattern[str]
    max_sidebar_lines: int
    max_caption_words: int
    min_infobox_after_lead: int
    version: int


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(rf"(?:{pattern})\Z", re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"data/{_NAME}: {where} has a bad pattern: {exc}",
                            hint="fix the regular expression there") from exc


@cache
def encyclopedia_data() -> EncyclopediaData:
    """The compiled patterns of ``data/clean/encyclopedia.yaml``."""
    data = load_yaml(_NAME)
    v = version_of(_NAME)

    def patterns(key: str) -> tuple[EncPattern, ...]:
        return tuple(EncPattern(str(e["id"]), str(e.get("kind", "signal")), e.get("strength") == "strong",
                                bool(e.get("marked", False)), _compile(str(e["pattern"]), f"{key} {e['id']}"),
                                rule_id("encyclopedia", v, str(e["id"]))) for e in data[key])

    return EncyclopediaData(
        patterns("signals"), patterns("lines"), _compile(str(data["contents_heading"]), "contents_heading"),
        _compile(str(data["contents_item"]), "contents_item"), _compile(str(data["contents_inline"]), "contents_inline"),
        frozenset(str(h).lower() for h in data["closing_headings"]), int(data["max_infobox_lines"]),
        int(data["max_navbox_lines"]), int(data["min_weak"]), int(data["min_reference_marks"]),
        _compile(str(data["sidebar"]), "sidebar"), int(data["max_sidebar_lines"]), int(data["max_caption_words"]),
        int(data["min_infobox_after_lead"]), v)


def _plain(content: str) -> str:
    return collapse(unmarked(content))


def _match(patterns: tuple[EncPattern, ...], content: str) -> EncPattern | None:
    if len(content) > 600:
        return None
    plain, full = _plain(content), collapse(content)
    return next((p for p in patterns if p.regex.match(full if p.marked else plain)), None)


def _may_be_encyclopedia(text: str) -> bool:
    """A cheap test before reading lines: a word of a strong signal, or words of two weak ones."""
    if any(q in text for q in _STRONG_WORDS):
        return True
    need = encyclopedia_data().min_weak
    weak = sum(1 for words in _WEAK_WORDS if any(w in text for w in words))
    if weak == need - 1 and "[" in text and _REFERENCE_MARK_RE.search(text):
        weak += 1
    return weak >= need


def is_encyclopedia(text: str, lines: list[Line]) -> bool:
    """One strong signal, or enough weak ones (each kind counted once)."""
    d = encyclopedia_data()
    weak: set[str] = set()
    if "[" in text and len(_REFERENCE_MARK_RE.findall(text)) >= d.min_reference_marks:
        weak.add("reference_marks")
    for ln in lines:
        if ln.blank:
            continue
        p = _match(d.signals, ln.content)
        if p is None:
            continue
        if p.strong:
            return True
        weak.add(p.id)
        if len(weak) >= d.min_weak:
            return True
    return False


def _headings(lines: list[Line]) -> set[str]:
    """Texts of lines that stand alone as headings (short, no sentence end), for telling contents items."""
    return {_plain(ln.content).lower() for ln in lines
            if not ln.blank and len(ln.content.split()) <= 12 and not ends_sentence(ln.content)}


def _contents(lines: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    d = encyclopedia_data()
    rule = rule_id("encyclopedia", d.version, "contents")
    heads = _headings(lines)
    for ln in lines:
        if ln.blank or ln.index in marks:
            continue
        c = _plain(ln.content)
        if d.contents_inline.match(c):
            marks[ln.index] = ("contents", rule)
            continue
        if not d.contents_heading.match(c):
            continue
        items = []
        for nxt in lines[ln.index + 1:]:
            if nxt.blank:
                continue
            t = _BULLET_RE.sub("", _plain(nxt.content))
            numbered = bool(d.contents_item.match(t))
            later = t.lower() in heads and any(_plain(x.content).lower() == t.lower() for x in lines[nxt.index + 1:])
            closing = t.lower().strip(" :.") in d.closing
            if len(t.split()) > 14 or ends_sentence(t) or not (numbered or later or closing):
                break
            items.append(nxt.index)
        if len(items) >= 2:
            marks[ln.index] = ("contents", rule)
            for i in items:
                marks.setdefault(i, ("contents", rule))
        return


def _infobox(lines: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    d = encyclopedia_data()
    rule = rule_id("encyclopedia", d.version, "infobox")
    content = [ln for ln in lines if not ln.blank and ln.index not in marks]
    if not content:
        return
    first = content[0]
    title = (len(first.content.split()) <= 12 and not ends_sentence(first.content) and "\t" not in first.content
             and " | " not in first.content)
    block: list[int] = []
    for ln in content[1:] if title else content:
        plain = _plain(ln.content)
        words = len(plain.split())
        if words > 25 or words >= 8 and (is_prose(plain) or ends_sentence(plain)):     # the lead
            break
        if len(block) >= d.max_infobox_lines:
            return
        block.append(ln.index)
    else:
        return
    for i in block:
        marks[i] = ("infobox", rule)


def _infobox_after_lead(lines: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    """An infobox under the lead's first paragraph: a run of short lines that are not prose between two
    paragraphs of prose, before the first heading or contents."""
    d = encyclopedia_data()
    rule = rule_id("encyclopedia", d.version, "infobox_after_lead")
    content = [ln for ln in lines if not ln.blank and ln.index not in marks]
    lead = next((k for k, ln in enumerate(content) if _body_prose(ln.content)), None)
    if lead is None or content[lead].content.rstrip().endswith(":"):
        return
    run: list[int] = []
    for ln in content[lead + 1:]:
        plain = _plain(ln.content)
        if _EDIT_MARK_RE.search(ln.content) or d.contents_heading.match(plain):
            return
        if _body_prose(ln.content) or ends_sentence(plain) or len(plain.split()) > 14:
            break
        if len(run) >= d.max_infobox_lines:
            return
        run.append(ln.index)
    else:
        return
    fields = any("\t" in lines[i].content or any(ch.isdigit() for ch in lines[i].content) for i in run)
    if len(run) >= d.min_infobox_after_lead and fields and _body_prose(lines[_after(lines, run[-1])].content):
        for i in run:
            marks.setdefault(i, ("infobox", rule))


def _after(lines: list[Line], i: int) -> int:
    j = i + 1
    while j < len(lines) - 1 and lines[j].blank:
        j += 1
    return min(j, len(lines) - 1)


def _split_navbox_toggles(lines: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    """A navbox's "v", "t", "e" links copied one a line."""
    rule = rule_id("encyclopedia", encyclopedia_data().version, "navbox_toggle_lines")
    content = [ln for ln in lines if not ln.blank]
    for a, b, c in zip(content, content[1:], content[2:]):
        if (a.content.lower(), b.content.lower(), c.content.lower()) == ("v", "t", "e"):
            for ln in (a, b, c):
                marks[ln.index] = ("navbox", rule)


def _navboxes(lines: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    """The rows of a navigation box: the lines under its "v t e" line that are not prose, up to a blank line."""
    d = encyclopedia_data()
    rule = rule_id("encyclopedia", d.version, "navbox_rows")
    for i in [i for i, (kind, _) in marks.items() if kind == "navbox"]:
        for ln in lines[i + 1:i + 1 + d.max_navbox_lines]:
            if ln.blank or _body_prose(ln.content):
                break
            marks.setdefault(ln.index, ("navbox", rule))


def _sidebars(lines: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    """A sidebar ("Part of a series on the / History of … / Antiquity / …"): its opening line and the short lines
    under it, up to prose, a heading marked "[edit]" or a blank line after the first row."""
    d = encyclopedia_data()
    rule = rule_id("encyclopedia", d.version, "sidebar")
    for ln in lines:
        if ln.blank or ln.index in marks or not d.sidebar.match(_plain(ln.content)):
            continue
        marks[ln.index] = ("navbox", rule)
        for nxt in lines[ln.index + 1:ln.index + 1 + d.max_sidebar_lines]:
            c = nxt.content
            if nxt.blank or _EDIT_MARK_RE.search(c) or ends_sentence(_plain(c)) or len(c.split()) > 8:
                break
            marks.setdefault(nxt.index, ("navbox", rule))


def _captions(lines: list[Line], marks: dict[int, tuple[str, str]], closed: int | None) -> None:
    """Lone short lines in the body of a page with headings marked "[edit]", right above prose: captions."""
    d = encyclopedia_data()
    headings = [ln.index for ln in lines if not ln.blank and _EDIT_MARK_RE.search(ln.content)]
    if len(headings) < 2:
        return
    rule = rule_id("encyclopedia", d.version, "caption")
    end = closed if closed is not None else len(lines)
    content = [ln for ln in lines[headings[0] + 1:end] if not ln.blank]
    for prev, ln, nxt in zip(content, content[1:], content[2:]):
        c = _plain(ln.content)
        if ln.index in marks or _EDIT_MARK_RE.search(ln.content) or ends_sentence(c):
            continue
        if not 3 <= len(c.split()) <= d.max_caption_words or c.endswith((":", ",", ";")):
            continue
        short_prev = not ends_sentence(_plain(prev.content)) and prev.index not in marks and \
            not _EDIT_MARK_RE.search(prev.content)
        if short_prev or not _body_prose(nxt.content) or nxt.index in marks:
            continue
        marks[ln.index] = ("caption", rule)


def _spaced_marks(text: str, lines: list[Line], marks: dict[int, tuple[str, str]]) -> list[Edit]:
    """Reference and editing marks standing after a space ("ratified in 1998 [4]", "[citation needed]"): in an
    encyclopedia page they are marks too (marks glued to a word go in the footnote step)."""
    rule = rule_id("encyclopedia", encyclopedia_data().version, "spaced_reference_mark")
    rx = layout_words().bracket_marks
    edits = []
    for ln in lines:
        if ln.blank or ln.index in marks or "[" not in ln.content:
            continue
        for m in rx.finditer(text, ln.cstart, ln.cend):
            if m.start() > ln.cstart and text[m.start() - 1] in " \t":
                edits.append(Edit(m.start() - 1, m.end(), "", "footnote_marker", rule))
    return edits


def _body_prose(content: str) -> bool:
    words = len(content.split())
    return (words >= 12 and is_prose(content) and citation_signals(content) < 2
            and not _LIST_MARK_RE.match(content))


def _closing_by_marks(lines: list[Line], marks: dict[int, tuple[str, str]]) -> int | None:
    """In a page whose headings are marked "[edit]": the first closing heading after which no other heading
    follows (the closing sections' entries may read like prose: "Official site of …, with the treaties.")."""
    d = encyclopedia_data()
    start: int | None = None
    prev: Line | None = None
    for ln in lines:
        if ln.blank:
            continue
        m = _EDIT_MARK_RE.search(ln.content)
        head = ln if m is not None and m.start() > 0 else prev if m is not None else None
        prev = ln
        if head is None:
            continue
        name = _plain(_EDIT_MARK_RE.sub("", head.content)).lower().strip(" :.")
        if name in d.closing:
            start = head.index if start is None else start
        else:
            start = None
    return start


def _closing(lines: list[Line], marks: dict[int, tuple[str, str]]) -> int | None:
    """The first closing section heading after which no body prose follows (no other heading, when the page's
    headings are marked "[edit]")."""
    d = encyclopedia_data()
    if sum(1 for ln in lines if not ln.blank and _EDIT_MARK_RE.search(ln.content)) >= 2:
        return _closing_by_marks(lines, marks)
    start: int | None = None
    for ln in lines:
        if ln.blank or ln.index in marks:
            continue
        plain = _plain(ln.content).lower().strip(" :.")
        if start is None and plain in d.closing and len(plain.split()) <= 5:
            start = ln.index
        elif start is not None and _body_prose(ln.content):
            start = None
    return start


def _closing_edits(text: str, lines: list[Line], start: int,
                   marks: dict[int, tuple[str, str]]) -> tuple[list[Edit], list[str]]:
    """The lines from ``start`` to the end (except marked ones) out of the body, in runs, and their text."""
    rule = rule_id("encyclopedia", encyclopedia_data().version, "closing_sections")
    edits, notes = [], []
    runs: list[list[int]] = []
    for ln in lines[start:]:
        if ln.index in marks:
            runs.append([])
        elif not ln.blank:
            if not runs:
                runs.append([])
            runs[-1].append(ln.index)
    for run in (r for r in runs if r):
        first, last = lines[run[0]], lines[run[-1]]
        end = last.end + 1 if last.end < len(text) else last.end
        edits.append(Edit(first.start, end, "", "back_matter", rule))
        notes.append("\n".join(_plain(lines[i].content) for i in run))
    return edits, notes


def _lone_mark_edits(text: str, lines: list[Line], i: int, marks: dict[int, tuple[str, str]]) -> list[Edit]:
    """An "[edit]" mark on a line of its own: it goes, and the heading above it stands apart."""
    v = encyclopedia_data().version
    ln = lines[i]
    head = i - 1
    if head < 0 or lines[head].blank or head in marks:
        end = ln.end + 1 if ln.end < len(text) else ln.end
        return [Edit(ln.start, end, "", "edit_mark", rule_id("encyclopedia", v, "edit_mark"))]
    end = ln.end + 1 if ln.end < len(text) else ln.end
    edits = [Edit(lines[head].end, end, "\n\n" if end > ln.end else "", "edit_mark",
                  rule_id("encyclopedia", v, "edit_mark"))]
    if head >= 1 and not lines[head - 1].blank and head - 1 not in marks:
        edits.append(Edit(lines[head - 1].end, lines[head - 1].end + 1, "\n\n", "whitespace",
                          rule_id("encyclopedia", v, "heading_apart")))
    return edits


def _heading_edits(text: str, lines: list[Line], marks: dict[int, tuple[str, str]]) -> list[Edit]:
    """A heading marked "[edit]": the mark goes, and blank lines keep it apart from the text around it."""
    v = encyclopedia_data().version
    edits = []
    for ln in lines:
        if ln.blank or ln.index in marks:
            continue
        m = _EDIT_MARK_RE.search(ln.content)
        if m is None:
            continue
        if m.start() == 0:          # the mark alone on the line under its heading
            edits.extend(_lone_mark_edits(text, lines, ln.index, marks))
            continue
        edits.append(Edit(ln.cstart + m.start(), ln.cend, "", "edit_mark", rule_id("encyclopedia", v, "edit_mark")))
        gap = rule_id("encyclopedia", v, "heading_apart")
        for k in (ln.index - 1, ln.index):
            if 0 <= k and k + 1 < len(lines) and not lines[k].blank and not lines[k + 1].blank \
                    and k not in marks and k + 1 not in marks:
                edits.append(Edit(lines[k].end, lines[k].end + 1, "\n\n", "whitespace", gap))
    return edits


def remove_encyclopedia_furniture(text: str, ctx: StepContext) -> StepResult:
    """Remove an encyclopedia page's site lines, contents and infobox; its closing sections go to the notes."""
    if not _may_be_encyclopedia(text):
        return StepResult(text)
    lines = split_lines(text)
    if not is_encyclopedia(text, lines):
        return StepResult(text)
    d = encyclopedia_data()
    marks: dict[int, tuple[str, str]] = {}
    for ln in lines:
        if not ln.blank and (p := _match(d.lines, ln.content)) is not None:
            marks[ln.index] = (p.kind, p.rule)
    _split_navbox_toggles(lines, marks)
    _navboxes(lines, marks)
    _contents(lines, marks)
    _infobox(lines, marks)
    _infobox_after_lead(lines, marks)
    _sidebars(lines, marks)
    edits: list[Edit] = []
    notes: list[str] = []
    start = _closing(lines, marks)
    _captions(lines, marks, start)
    if start is not None:
        edits, notes = _closing_edits(text, lines, start, marks)
    closed = set(range(start, len(lines))) if start is not None else set()
    for i, (kind, rule) in marks.items():
        end = lines[i].end + 1 if i + 1 < len(lines) else lines[i].end
        edits.append(Edit(lines[i].start, end, "", kind, rule))
    edits.extend(_heading_edits(text, lines, {**marks, **{i: ("", "") for i in closed}}))
    edits.extend(_spaced_marks(text, lines, {**marks, **{i: ("", "") for i in closed}}))
    return finish(text, edits, notes=["\n".join(notes)] if notes else [])

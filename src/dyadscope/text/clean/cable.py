"""Steps ``cable`` and ``cable_marks``: the furniture of a diplomatic cable, leaving its paragraphs of text.

A text is read as a cable when its first lines show several cable signals (routing lines, a date-time group,
``FM AMEMBASSY …``, a classification banner, ``E.O. 12958:``, ``TAGS:``, ``SUBJECT:``, ``Classified By:``) or
when at least two paragraphs open with a classification mark ("1. (C)"). Then (``data/clean/cable.yaml``):

- the header at the top goes: routing lines (``cable_routing``), the banner and handling words
  (``classification_mark``), the E.O./TAGS/SUBJECT/REF/"Classified By" lines with the lines that carry them on,
  and other short lines in capitals among them (``cable_header``), up to the first line of the body;
- page marks and repeated banners inside the body go (``cable_page_mark``); when one splits a sentence, the
  two halves are joined again;
- the trailer goes: the signer's surname, ``BT``, ``NNNN`` (``cable_signature``, ``cable_routing``);
- in a cable whose paragraphs are numbered 1, 2, 3 … without classification marks the numbers go
  (``cable_paragraph_number``) and each such paragraph is kept apart from the one before it;
- "END SUMMARY.", "End comment.", "END NOTE." where a sentence could start go, and a "Summary:" label opening
  a paragraph (``cable_marker``).

Step ``cable_marks`` runs after the paragraphs are rebuilt: the number and classification mark opening a
paragraph go, with a "Summary:" label after them (``classification_mark``). The paragraph step never joins a
line that opens with such a mark to the line before it, so a paragraph that ends without a full stop stays
apart from the next one.

:func:`read_cable` tells where the header, page marks and trailer lie without changing the text; the
metadata reader (:mod:`dyadscope.ingest.meta_cable`) uses it to find the date-time group, the sender, the
subject and the signer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...errors import DataFileError
from ...lexicon import load_yaml, version_of, words_pattern
from .base import (
    Edit,
    Line,
    StepContext,
    StepResult,
    collapse,
    ends_sentence,
    excise,
    finish,
    layout_of,
    split_lines,
)
from .data import rule_id

_NAME = "clean/cable.yaml"
_NUMBER_RE = re.compile(r"(?:¶\s*)?(\d{1,2})\.\s+")
_MAX_CARRIED = 6
_SENTENCE_END = ".!?\"”’):"
_SUBJECT_RE = re.compile(r"SUBJ(?:ECT)?\s*:", re.IGNORECASE)
_INNER_END_RE = re.compile(r"[A-Za-z]{2,}[.!?]\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class CablePattern:
    id: str
    kind: str
    regex: re.Pattern[str]
    continues: bool
    rule: str
    weak: bool = False


@dataclass(frozen=True, slots=True)
class CableData:
    signals: tuple[CablePattern, ...]
    header: tuple[CablePattern, ...]
    page_marks: tuple[CablePattern, ...]
    trailer: tuple[CablePattern, ...]
    paragraph_mark: re.Pattern[str]
    numbered: re.Pattern[str]
    label: re.Pattern[str]
    inline: re.Pattern[str]
    min_signals: int
    signal_lines: int
    min_marked: int
    version: int


@dataclass(frozen=True, slots=True)
class CableLayout:
    """Where the parts of a cable lie: line index → the pattern that matched it."""

    header: dict[int, CablePattern]
    pages: dict[int, CablePattern]
    trailer: dict[int, CablePattern]
    signals: frozenset[str]


def _patterns(data: dict[str, object], key: str, version: int, fill: dict[str, str]) -> tuple[CablePattern, ...]:
    out = []
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise DataFileError(f"data/{_NAME}: {key} is not a list", hint="write it as a list of entries")
    for e in entries:
        body = str(e["pattern"])
        for k, v in fill.items():
            body = body.replace("{" + k + "}", v)
        flags = 0 if e.get("case") else re.IGNORECASE
        try:
            regex = re.compile(rf"(?:{body})\Z", flags)
        except re.error as exc:
            raise DataFileError(f"data/{_NAME}: entry {e['id']} of {key} has a bad pattern: {exc}",
                                hint="fix the regular expression in that entry") from exc
        out.append(CablePattern(str(e["id"]), str(e.get("kind", "signal")), regex, bool(e.get("continues", False)),
                                rule_id("cable", version, str(e["id"])), bool(e.get("weak", False))))
    return tuple(out)


@cache
def cable_data() -> CableData:
    """The compiled patterns of ``data/clean/cable.yaml``."""
    data = load_yaml(_NAME)
    version = version_of(_NAME)
    marks = "|".join(str(m) for m in data["marks"])
    fill = {"month": "|".join(str(m) for m in data["months"]), "mark": marks}
    labels = words_pattern((str(w) for w in data["paragraph_labels"]), boundary=False)
    label = rf"(?:(?i:{labels})\s*[:.–—-]+\s*)?"
    paragraph_mark = re.compile(rf"(?:(?:--|[-–—•])\s*)?(?P<cut>(?:¶\s*)?(?:(?:\d{{1,2}}|[A-Z])\.\s*)?"
                                rf"\((?:{marks})\)\s*{label})(?=[^\W\d_]|[\"“‘(])")
    numbered = re.compile(rf"(?P<cut>(?:¶\s*)?\d{{1,2}}\.\s+{label})(?=[A-Z\"“(])")
    markers = "|".join(r"\s+".join(re.escape(w) for w in str(m).split())
                       for m in sorted(data["inline_markers"], key=len, reverse=True))
    inline = re.compile(rf"(?i:(?P<marker>{markers})\b\s*[.:]?)(?=\s|\)|\Z)")
    return CableData(
        _patterns(data, "signals", version, fill), _patterns(data, "header", version, fill),
        _patterns(data, "page_marks", version, fill), _patterns(data, "trailer", version, fill),
        paragraph_mark, numbered, re.compile(rf"(?i:{labels})\s*[:.–—-]+\s+(?=\S)"), inline, int(data["min_signals"]), int(data["signal_lines"]),
        int(data["min_marked_paragraphs"]), version)


def _match(patterns: tuple[CablePattern, ...], content: str) -> CablePattern | None:
    text = collapse(content)
    if len(text) > 240:
        return None
    return next((p for p in patterns if p.regex.match(text)), None)


def _signals(lines: list[Line]) -> frozenset[str]:
    d = cable_data()
    found: set[str] = set()
    seen = 0
    for ln in lines:
        if ln.blank:
            continue
        seen += 1
        if seen > d.signal_lines:
            break
        p = _match(d.signals, ln.content)
        if p is not None:
            found.add(p.id)
    return frozenset(found)


def _marked(lines: list[Line]) -> list[int]:
    rx = cable_data().paragraph_mark
    return [ln.index for ln in lines if not ln.blank and "(" in ln.content[:12] and rx.match(ln.content)]


def _quick_reject(text: str) -> bool:
    """No cable can be here: none of the words every cable signal needs (cheap test before splitting lines)."""
    head = text[:6000]
    return not any(w in head for w in ("(C)", "(U)", "(S)", "(SBU)", "SUBJ", "TAGS", "E.O", "AMEMBASSY", "VZCZC",
                                       "RUEH", "Classified", "CLASSIFIED", "(S/NF)", "(C/NF)", "SIPDIS"))


def _continuation(content: str, prev: str) -> bool:
    """Does a line right under a header field carry its value on (a SUBJECT or REF wrapped over lines)? Not a
    line opening with a label of its own ("SUMMARY: …"), holding a sentence end, or opening a paragraph."""
    words = content.split()
    d = cable_data()
    if not words or len(words) > 16 or d.paragraph_mark.match(content) or d.label.match(content):
        return False
    if _INNER_END_RE.search(content):
        return False
    letters = [ch for ch in content if ch.isalpha()]
    caps = bool(letters) and sum(ch.isupper() for ch in letters) >= 0.85 * len(letters)
    return caps or not ends_sentence(prev)


def _header(lines: list[Line]) -> dict[int, CablePattern]:
    d = cable_data()
    found: dict[int, CablePattern] = {}
    last: CablePattern | None = None
    prev = ""
    after_blank = False
    carried_lines = 0
    subject = False           # the last header field was the SUBJECT: a routing-like line under it carries it on
    for ln in lines:
        if ln.blank:
            after_blank = True
            continue
        if ln.index > 200:
            break
        p = _match(d.header, ln.content)
        carried = (last is not None and last.continues and not after_blank and carried_lines < _MAX_CARRIED
                   and _continuation(ln.content, prev))
        if last is not None and carried and (p is None or p.weak or (subject and p.kind == "cable_routing")):
            found[ln.index], prev = last, ln.content
            carried_lines += 1
            continue
        carried_lines = 0
        if p is not None:
            found[ln.index], last, prev, after_blank = p, p, ln.content, False
            subject = bool(_SUBJECT_RE.match(ln.content))
            continue
        if _header_like(ln.content) and _known_below(lines, ln.index):   # an unnamed line inside the header
            found[ln.index], last, prev, after_blank = _unknown_header(), None, ln.content, False
            continue
        break
    return found


@cache
def _unknown_header() -> CablePattern:
    return CablePattern("header_line", "cable_header", re.compile(r"(?!x)x"), False,
                        rule_id("cable", cable_data().version, "header_line"))


def _known_below(lines: list[Line], i: int) -> bool:
    """Is one of the next three non-empty lines a header line a pattern names?"""
    d = cable_data()
    below = [ln for ln in lines[i + 1:i + 12] if not ln.blank][:3]
    return any((p := _match(d.header, ln.content)) is not None and not p.weak for ln in below)


def _header_like(content: str) -> bool:
    """A line of a cable's header that no pattern names ("EUR/CARC FOR BRYZA"): at most 14 words, almost all
    capitals, no sentence inside, no paragraph mark."""
    words = content.split()
    letters = [ch for ch in content if ch.isalpha()]
    if not words or len(words) > 14 or len(letters) < 2 or cable_data().paragraph_mark.match(content):
        return False
    if sum(ch.isupper() for ch in letters) < 0.9 * len(letters):
        return False
    return not re.search(r"[A-Za-z]{2,}[.!?]\s+[A-Z]", content) and not content.rstrip().endswith((".", "!", "?"))


def _trailer(lines: list[Line], taken: set[int]) -> dict[int, CablePattern]:
    d = cable_data()
    found: dict[int, CablePattern] = {}
    content = [ln for ln in lines if not ln.blank and ln.index not in taken]
    for k in range(len(content) - 1, max(len(content) - 7, 0), -1):
        ln = content[k]
        p = _match(d.trailer, ln.content)
        above = content[k - 1].content
        if p is None or len(ln.content.split()) > 4 or not (ends_sentence(above) or content[k - 1].index in found
                                                             or _match(d.trailer, above) is not None):
            break
        found[ln.index] = p
    return found


def read_cable(text: str) -> tuple[list[Line], CableLayout] | None:
    """The lines of ``text`` and where a cable's header, page marks and trailer lie; None if it is no cable."""
    if _quick_reject(text):
        return None
    lines = split_lines(text)
    d = cable_data()
    signals = _signals(lines)
    if len(signals) < d.min_signals and len(_marked(lines)) < d.min_marked:
        return None
    header = _header(lines)
    pages = {ln.index: p for ln in lines if not ln.blank and ln.index not in header
             and (p := _match(d.page_marks, ln.content)) is not None}
    trailer = _trailer(lines, set(header) | set(pages))
    return lines, CableLayout(header, pages, trailer, signals)


def is_cable(text: str) -> bool:
    return read_cable(text) is not None


def _number_edits(lines: list[Line], removed: set[int]) -> list[Edit]:
    """In a cable numbered 1, 2, 3 … without classification marks: the paragraph numbers, each paragraph kept
    apart from the one before it."""
    d = cable_data()
    rule = rule_id("cable", d.version, "paragraph_number")
    edits = []
    expected = 1
    for ln in lines:
        if ln.blank or ln.index in removed or d.paragraph_mark.match(ln.content):
            continue
        m = d.numbered.match(ln.content)
        number = _NUMBER_RE.match(ln.content)
        if m is None or number is None or int(number.group(1)) != expected:
            continue
        expected += 1
        prev = lines[ln.index - 1] if ln.index > 0 else None
        end = ln.cstart + m.end("cut")
        if prev is not None and not prev.blank and prev.index not in removed:
            edits.append(Edit(prev.end, end, "\n\n", "cable_paragraph_number", rule))
        else:
            edits.append(Edit(ln.cstart, end, "", "cable_paragraph_number", rule))
    return edits if expected > 2 else []


def _label_edits(lines: list[Line], removed: set[int]) -> list[Edit]:
    """A "Summary:" label opening the first line of a paragraph (after the header or a blank line)."""
    d = cable_data()
    rule = rule_id("cable", d.version, "paragraph_label")
    edits = []
    for ln in lines:
        if ln.blank or ln.index in removed:
            continue
        m = d.label.match(ln.content)
        prev = lines[ln.index - 1] if ln.index > 0 else None
        if m is not None and (prev is None or prev.blank or prev.index in removed):
            edits.append(Edit(ln.cstart, ln.cstart + m.end(), "", "cable_marker", rule))
    return edits


def _inline_edits(text: str, lines: list[Line], removed: set[int]) -> list[Edit]:
    """Markers such as "END SUMMARY." where a sentence could start (they may be wrapped over two lines)."""
    d = cable_data()
    rule = rule_id("cable", d.version, "inline_marker")
    gone = [(lines[i].start, lines[i].end) for i in removed]
    edits = []
    for m in d.inline.finditer(text):
        start, end = m.start(), m.end()
        if not m.group("marker")[:1].isupper() or any(s <= start < e for s, e in gone):
            continue
        before = text[:start].rstrip()
        if before and before[-1] not in _SENTENCE_END:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        if not text[line_start:start].strip() and not text[end:line_end].strip():   # the whole line
            start, end = line_start, min(line_end + 1, len(text))
            if text[line_start - 2:line_start] != "\n\n" and text[end:end + 1] not in ("\n", ""):
                edits.append(Edit(start, end, "\n", "cable_marker", rule))           # it ended a section
                continue
        elif not text[line_start:start].strip():                                     # it opens the line
            while end < line_end and text[end] in " \t":
                end += 1
        else:                                                                          # after a sentence
            while start > line_start and text[start - 1] in " \t":
                start -= 1
        edits.append(Edit(start, end, "", "cable_marker", rule))
    return edits


_RULE_LINE_RE = re.compile(r"[ \t]*[-=_*~]{3,}[ \t]*")


@cache
def _inline_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A page mark inside a line, a subheading between dashes, a paragraph mark after a sentence inside a line."""
    data = load_yaml(_NAME)
    marks = "|".join(str(m) for m in data["marks"])
    mid_mark = re.compile(rf"(?<=[.!?\"”])[ \t]+(?:¶\s*)?\d{{1,2}}\.\s*\((?:{marks})\)[ \t]*(?=\S)")
    return (re.compile(str(data["inline_page_mark"])), re.compile(r"(?m)" + str(data["dashed_heading"])), mid_mark)


def _inside_line_edits(text: str, lines: list[Line], removed: set[int]) -> list[Edit]:
    """Page marks inside a line, the dashes around a subheading, and a paragraph mark after a sentence inside a
    line (the two paragraphs run on as one)."""
    v = cable_data().version
    page, dashed, mid_mark = _inline_patterns()
    edits: list[Edit] = []
    for ln in lines:
        if ln.blank or ln.index in removed:
            continue
        if _RULE_LINE_RE.fullmatch(ln.content):             # a rule of dashes over or under a subheading
            end = ln.end + 1 if ln.end < len(text) else ln.end
            edits.append(Edit(ln.start, end, "", "cable_marker", rule_id("cable", v, "rule_line")))
            continue
        for m in page.finditer(text, ln.cstart, ln.cend):
            if m.start() > ln.cstart and m.end() < ln.cend:
                edits.append(Edit(m.start(), m.end(), "", "cable_page_mark", rule_id("cable", v, "page_mark_in_line")))
        d = dashed.search(text, ln.cstart, ln.cend)
        if d is not None and not text[ln.cstart:d.start()].strip(" \t¶0123456789.()/ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
            rule = rule_id("cable", v, "dashed_heading")
            edits.append(Edit(d.start("left"), d.end("left"), "", "cable_marker", rule))
            edits.append(Edit(d.start("right"), d.end(), "", "cable_marker", rule))
        for m in mid_mark.finditer(text, ln.cstart, ln.cend):
            edits.append(Edit(m.start(), m.end(), " ", "classification_mark", rule_id("cable", v, "mark_inside_line")))
    return edits


def remove_cable_furniture(text: str, ctx: StepContext) -> StepResult:
    """Remove a cable's header, page marks, trailer, paragraph marks and summary markers."""
    found = read_cable(text)
    if found is None:
        return StepResult(text)
    lines, cable = found
    layout = layout_of(lines)
    edits: list[Edit] = []
    for idx in (cable.header, cable.trailer):
        for i, p in idx.items():
            end = lines[i].end + 1 if i + 1 < len(lines) else lines[i].end
            edits.append(Edit(lines[i].start, end, "", p.kind, p.rule))
    runs: list[list[int]] = []
    for i in sorted(cable.pages):
        if runs and all(lines[j].blank or j in cable.pages for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        start, end, gap = excise(lines, run[0], run[-1], text, layout)
        p = cable.pages[run[0]]
        edits.append(Edit(start, end, gap, p.kind, p.rule))
    removed = set(cable.header) | set(cable.trailer) | set(cable.pages)
    if len(cable.signals) >= cable_data().min_signals:
        edits.extend(_number_edits(lines, removed))
        edits.extend(_label_edits(lines, removed))
    edits.extend(_inline_edits(text, lines, removed))
    edits.extend(_inside_line_edits(text, lines, removed))
    return finish(text, edits)


def opens_with_mark(line: str) -> bool:
    """Does a (stripped) line open with a cable paragraph's classification mark ("2. (C) …", "(SBU) …")?"""
    return "(" in line[:12] and cable_data().paragraph_mark.match(line) is not None


def remove_paragraph_marks(text: str, ctx: StepContext) -> StepResult:
    """Step ``cable_marks``: the number and classification mark opening a paragraph ("1. (C) Summary: "), once
    the paragraphs are rebuilt (a mark always opens a paragraph, so the paragraph step never joins across one).
    A numbered mark always goes; bare marks ("(C) …") go when two paragraphs or more open with one."""
    if "(" not in text:
        return StepResult(text)
    d = cable_data()
    rule = rule_id("cable", d.version, "paragraph_mark")
    found = list(_line_marks().finditer(text))
    bare_ok = len(found) >= 2
    edits = [Edit(m.start("cut"), m.end("cut"), "", "classification_mark", rule)
             for m in found if bare_ok or m.group("cut")[:1].isdigit()]
    return finish(text, edits)


@cache
def _line_marks() -> re.Pattern[str]:
    """The paragraph mark at the start of any line of a text."""
    return re.compile(r"(?m)^[ \t]*" + cable_data().paragraph_mark.pattern)

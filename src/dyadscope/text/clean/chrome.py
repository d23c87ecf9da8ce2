"""Steps ``chrome`` and ``front_back_matter``: web page furniture that survives in plain text.

``chrome`` removes lines that are widgets wherever they stand — a whole line matching an ``anywhere``
pattern of ``data/clean/chrome.yaml`` (rating widgets, share links, view counters, newsletter sign-ups,
language switches, copyright lines, tag lists) — and the blocks such a line opens: a poll with its options and
vote counts, a "visit also" list with its items, the readers' comments under an article (from their header to
the end, when it stands in the second half of the text).

``front_back_matter`` then walks in from both ends of the text until it meets running prose, removing
what sits before the body and after it: datelines, bylines (a "By …" line, or a name line with its
affiliation), section labels, a title set in capitals, footer navigation, publisher boilerplate, lists
of links or publications (names, titles and dates without sentences) and short lines repeated in the
text. Ambiguous patterns (``margin``, ``top``, ``bottom``) only act there, so a body line that looks
like a menu item survives.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from .base import (
    Edit,
    Layout,
    Line,
    StepContext,
    StepResult,
    alpha_words,
    collapse,
    ends_sentence,
    finish,
    has_year,
    is_list_item,
    is_prose,
    lower_ratio,
    split_lines,
    table_row,
    text_layout,
)
from .data import LinePattern, chrome_patterns, layout_words, notes_data, rule_id, unmarked
from .notes import citation_signals

_BULLET_RE = re.compile(r"(?:[-–—*•▪◦‣·●]\s|\d{1,2}[.)]\s)")
_MAX_CHECK_WORDS = 60
_MAX_MARGIN_WORDS = 150
_WALK_LIMIT = 60


@cache
def _combined(wheres: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, LinePattern]]:
    """One alternation of the patterns allowed in ``wheres`` that need no keyword (one regex call a line)."""
    by_group: dict[str, LinePattern] = {}
    alts = []
    for i, p in enumerate(chrome_patterns()):
        if p.where in wheres and not p.keywords:
            group = f"g{i}"
            by_group[group] = p
            flags = "i" if p.regex.flags & re.IGNORECASE else ""
            body = p.regex.pattern
            alts.append(f"(?P<{group}>(?{flags}:{body}))" if flags else f"(?P<{group}>{body})")
    return re.compile("|".join(alts) if alts else r"(?!x)x"), by_group


@cache
def _keyed(wheres: tuple[str, ...]) -> tuple[tuple[LinePattern, ...], tuple[str, ...]]:
    """The patterns allowed in ``wheres`` that are tried only when the line has one of their keywords."""
    keyed = tuple(p for p in chrome_patterns() if p.where in wheres and p.keywords)
    return keyed, tuple(sorted({k for p in keyed for k in p.keywords}))


def match_line(content: str, wheres: tuple[str, ...], max_words: int = _MAX_CHECK_WORDS) -> LinePattern | None:
    """The chrome pattern a whole line matches, among those allowed in ``wheres``."""
    text = collapse(unmarked(content))
    n = text.count(" ") + 1
    if not text or n > max_words:
        return None
    rx, by_group = _combined(wheres)
    m = rx.match(text)
    if m is not None and m.lastgroup is not None:
        pattern = by_group[m.lastgroup]
        if n <= pattern.max_words:
            return pattern
    keyed, keywords = _keyed(wheres)
    low = text.lower()
    if any(k in low for k in keywords):
        for p in keyed:
            if n <= p.max_words and any(k in low for k in p.keywords) and p.regex.match(text):
                return p
    return None


def _next_content(lines: Sequence[Line], i: int, step: int = 1) -> int | None:
    j = i + step
    while 0 <= j < len(lines):
        if not lines[j].blank:
            return j
        j += step
    return None


# --- step: chrome anywhere ------------------------------------------------------------------------

def _poll_block(lines: Sequence[Line], i: int, marks: dict[int, LinePattern]) -> list[int]:
    """Options, questions and vote counts after a poll header; empty when no vote count follows."""
    tally = _tally_pattern()
    block: list[int] = []
    j = _next_content(lines, i)
    seen_tally = False
    while j is not None and j - i < 80:
        c = collapse(lines[j].content)
        is_tally = tally is not None and bool(tally.regex.match(c))
        nxt = _next_content(lines, j)
        nxt2 = _next_content(lines, nxt) if nxt is not None else None
        option = (len(c.split()) <= 30 and any(
            k is not None and tally is not None and bool(tally.regex.match(collapse(lines[k].content)))
            for k in (nxt, nxt2)))
        question = c.endswith("?") and len(c.split()) <= 40
        if not (is_tally or option or question or (j in marks and marks[j].kind == "poll")):
            break
        seen_tally = seen_tally or is_tally
        block.append(j)
        j = nxt
    return block if seen_tally else []


@cache
def _tally_pattern() -> LinePattern | None:
    return next((p for p in chrome_patterns() if p.id == "vote_tally"), None)


def _list_block(lines: Sequence[Line], i: int, layout: Layout) -> list[int]:
    out = []
    j = _next_content(lines, i)
    while j is not None and j - i < _WALK_LIMIT:
        c = collapse(lines[j].content)
        if notes_data().heading.match(unmarked(c)) or notes_data().about.match(unmarked(c)):
            break                                        # the notes step takes what follows
        words = len(c.split())
        question = c.endswith("?") and words <= 14
        headline = words <= 25 and not is_prose(c, layout.caps) and (has_year(c) or question or not ends_sentence(c))
        bullet = bool(_BULLET_RE.match(c)) and words <= 30
        if not (is_list_item(c) or bullet or headline):
            break
        out.append(j)
        j = _next_content(lines, j)
    return out


_ITEM_NUMBER_RE = re.compile(r"^(?:[-–—*•▪◦‣·●]\s*|(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[A-H])[.)]?\s+)")


def _contents_block(lines: Sequence[Line], i: int, layout: Layout) -> list[int]:
    """The items of a table of contents: list lines up to the first one that repeats an item (the first heading
    of the body) or the first paragraph of prose."""
    seen: set[str] = set()
    out = []
    for j in _list_block(lines, i, layout):
        key = _ITEM_NUMBER_RE.sub("", collapse(lines[j].content)).lower()
        if key in seen:
            break
        seen.add(key)
        out.append(j)
    return out


def _comments_block(lines: Sequence[Line], i: int) -> list[int]:
    """Everything after a comments header, when the header stands in the second half of the text (by lines, or
    by characters, as readers' comments come in short lines)."""
    content = [ln.index for ln in lines if not ln.blank]
    if content.index(i) < len(content) // 2 and lines[i].start < 0.5 * lines[-1].end:
        return []
    return [j for j in content if j > i]


def remove_chrome(text: str, ctx: StepContext) -> StepResult:
    """Remove widget lines (``anywhere`` patterns) and the poll or link-list blocks they open."""
    lines = split_lines(text)
    layout = text_layout(text)
    found: dict[int, LinePattern] = {}
    for ln in lines:
        if not ln.blank:
            p = match_line(ln.content, ("anywhere",))
            if p is not None:
                found[ln.index] = p
    marks: dict[int, tuple[str, str]] = {}
    for i in sorted(found):
        p = found[i]
        if p.block == "poll":
            block = _poll_block(lines, i, found)
            if not block:
                continue
            for j in block:
                marks.setdefault(j, (p.kind, f"{p.rule}.block"))
        elif p.block == "list":
            for j in _list_block(lines, i, layout):
                marks.setdefault(j, (p.kind, f"{p.rule}.block"))
        elif p.block == "next":         # a label whose text is the next line ("Image caption," + caption)
            label = collapse(lines[i].content)
            if label.endswith((",", ":")) and i + 1 < len(lines) and not lines[i + 1].blank \
                    and len(lines[i + 1].content.split()) <= 40:
                marks.setdefault(i + 1, (p.kind, f"{p.rule}.next"))
        elif p.block == "tags":         # the tags under their label, up to a blank line
            prev = i
            for j in _list_block(lines, i, layout):
                if any(ln.blank for ln in lines[prev + 1:j]) or len(lines[j].content.split()) > 6 and "," not in \
                        lines[j].content:
                    break
                marks.setdefault(j, (p.kind, f"{p.rule}.block"))
                prev = j
        elif p.block == "contents":
            if any(is_prose(ln.content, layout.caps) for ln in lines[:i] if not ln.blank):
                continue             # a "Contents" line in the body
            block = _contents_block(lines, i, layout)
            if len(block) < 2:
                continue
            for j in block:
                marks.setdefault(j, (p.kind, f"{p.rule}.block"))
        elif p.block == "comments":
            block = _comments_block(lines, i)
            if not block and not any(ch.isdigit() for ch in lines[i].content):
                continue             # a heading "Comments" in the body
            for j in block:
                marks.setdefault(j, (p.kind, f"{p.rule}.block"))
        marks[i] = (p.kind, p.rule)
    for i, p in found.items():
        if p.block is None:
            marks[i] = (p.kind, p.rule)
    edits = [Edit(lines[i].start, lines[i].end, "", kind, rule) for i, (kind, rule) in marks.items()]
    return finish(text, edits)


# --- step: front and back matter ------------------------------------------------------------------

def _name_line(c: str) -> bool:
    """A person's name alone on a line: two to four capitalised words (particles allowed), no digits."""
    core = c.rstrip("*†‡ ").strip()
    tokens = core.split()
    if not 2 <= len(tokens) <= 4 or any(ch.isdigit() for ch in core):
        return False
    particles = layout_words().particles
    for t in tokens:
        if t.lower() in particles:
            continue
        letters = t.replace(".", "").replace("-", "").replace("’", "").replace("'", "")
        if not letters.isalpha() or not t[0].isupper():
            return False
        if len(letters) > 1 and letters.isupper():
            return False
    return True


def _affiliation_line(c: str) -> bool:
    return (len(c.split()) <= 25 and not ends_sentence(c) or len(c.split()) <= 12) and bool(
        layout_words().affiliation.search(c)) and lower_ratio(c) < 0.5


def _caps_title(c: str) -> bool:
    letters = [ch for ch in c if ch.isalpha()]
    return len(letters) >= 4 and len(c.split()) <= 14 and sum(ch.isupper() for ch in letters) >= 0.85 * len(letters)


def _running(lines: Sequence[Line], i: int, layout: Layout) -> bool:
    """Is line ``i`` running text: prose, or in a wrapped text a line that flows on into the next one?"""
    c = lines[i].content
    if is_prose(c, layout.caps):
        return True
    if not (layout.wrapped and len(c.split()) >= 8 and lower_ratio(c) >= 0.5):
        return False
    flows_on = i + 1 < len(lines) and not lines[i + 1].blank
    return flows_on or layout.full(c)


def _repeated_in_margins(c: str, repeated: tuple[Counter[str], Counter[str]]) -> bool:
    """Is the line there twice or more, every time before the first or after the last running line?"""
    total, in_margins = repeated
    return total[c] >= 2 and in_margins[c] == total[c]


def _front(lines: Sequence[Line], layout: Layout,
           repeated: tuple[Counter[str], Counter[str]]) -> dict[int, tuple[str, str]]:
    marks: dict[int, tuple[str, str]] = {}
    v = layout_words().version
    i = _next_content(lines, -1)
    while i is not None and i < _WALK_LIMIT:
        c = lines[i].content
        p = match_line(c, ("margin", "top"), _MAX_MARGIN_WORDS)
        nxt = _next_content(lines, i)
        if p is not None:
            marks[i] = (p.kind, p.rule)
            if p.block == "next" and nxt is not None and len(lines[nxt].content.split()) <= 8 \
                    and not is_prose(lines[nxt].content):
                marks[nxt] = (p.kind, f"{p.rule}.next")
                nxt = _next_content(lines, nxt)
            if p.kind == "byline" and nxt is not None and _affiliation_line(lines[nxt].content):
                marks[nxt] = ("byline", rule_id("front", v, "affiliation_line"))
                nxt = _next_content(lines, nxt)
        elif _running(lines, i, layout):
            break
        elif _caps_title(c) and not layout.caps:
            marks[i] = ("title", rule_id("front", v, "caps_title"))
        elif _name_line(c) and (c.rstrip().endswith(("*", "†", "‡")) or (
                nxt is not None and _affiliation_line(lines[nxt].content))):
            marks[i] = ("byline", rule_id("front", v, "name_line"))
            if nxt is not None and _affiliation_line(lines[nxt].content):
                marks[nxt] = ("byline", rule_id("front", v, "affiliation_line"))
                nxt = _next_content(lines, nxt)
        elif _repeated_in_margins(collapse(c), repeated) and len(c.split()) <= 8 and not ends_sentence(c):
            marks[i] = ("repeated_line", rule_id("front", v, "repeated_short_line"))
        i = nxt
    return marks


def _back(lines: Sequence[Line], layout: Layout, repeated: tuple[Counter[str], Counter[str]],
          done: set[int]) -> dict[int, tuple[str, str]]:
    marks: dict[int, tuple[str, str]] = {}
    v = layout_words().version
    i = _next_content(lines, len(lines), -1)
    steps = 0
    while i is not None and steps < _WALK_LIMIT:
        steps += 1
        c = lines[i].content
        if i in done:
            i = _next_content(lines, i, -1)
            continue
        p = match_line(c, ("margin", "bottom"), _MAX_MARGIN_WORDS)
        cc = collapse(c)
        words = cc.split()
        if p is not None:
            marks[i] = (p.kind, p.rule)
        elif (citation_signals(cc) >= 2 and re.match(r"\[?\d{1,3}[.)\]]?\s", cc)) or table_row(cc):
            break
        elif is_list_item(cc):
            marks[i] = ("related_list", rule_id("front", v, "link_or_publication_list"))
        elif _running(lines, i, layout):
            break
        elif _repeated_in_margins(cc, repeated) and len(words) <= 8 and not ends_sentence(cc):
            marks[i] = ("repeated_line", rule_id("front", v, "repeated_short_line"))
        elif len(words) <= 3 and cc.isupper() and not layout.caps:
            marks[i] = ("sign_off", rule_id("front", v, "signature_in_capitals"))
        elif len(words) <= 5 and not ends_sentence(cc) and not any(ch.isdigit() for ch in cc) and alpha_words(cc):
            marks[i] = ("footer_navigation", rule_id("front", v, "short_menu_line"))
        else:
            break
        i = _next_content(lines, i, -1)
    lists = [i for i, (kind, rule) in marks.items() if rule.endswith(":link_or_publication_list")]
    if len(lists) == 1:         # one name-and-date line closing a text is more likely a signature, or prose:
        for i in [k for k in marks if k <= lists[0]]:      # the walk stops there
            del marks[i]
    return marks


def remove_front_back_matter(text: str, ctx: StepContext) -> StepResult:
    """Walk in from both ends, removing furniture until running prose starts (or ends)."""
    lines = split_lines(text)
    if not any(not ln.blank for ln in lines):
        return StepResult(text)
    layout = text_layout(text)
    first = next((ln.index for ln in lines if not ln.blank and _running(lines, ln.index, layout)), None)
    if first is None:
        return StepResult(text, warnings=("no running prose found; front and back matter left as they are",))
    last = next(ln.index for ln in reversed(lines) if not ln.blank and _running(lines, ln.index, layout))
    short = [ln for ln in lines if not ln.blank and len(ln.content) <= 80]
    total = Counter(collapse(ln.content) for ln in short)
    in_margins = Counter(collapse(ln.content) for ln in short if ln.index < first or ln.index > last)
    repeated = (total, in_margins)
    front = _front(lines, layout, repeated)
    back = _back(lines, layout, repeated, set(front))
    edits = [Edit(lines[i].start, lines[i].end, "", kind, rule) for i, (kind, rule) in {**front, **back}.items()]
    return finish(text, edits)

"""Steps ``drop_caps`` and ``spacing``: small repairs of the rebuilt paragraphs.

``drop_caps``: a decorated initial printed apart is lost in extraction (" ne can divide" for "One can
divide"). At the start of the body, or after a heading, a paragraph whose first word is lower case and
not a word of the document or of the fallback list is repaired when exactly one capital letter in front
of it makes a known word (or one such word is far more frequent in the document than any other); when
none does, the paragraph is left alone and a warning says so.

``spacing``: a missing space after a comma between two words ("and,to"), a dash glued to the next word
after a space ("space -along"), runs of spaces, and stray blank lines.
"""

from __future__ import annotations

import re
from functools import cache

from ...lexicon import load_yaml
from .base import Edit, Layout, StepContext, StepResult, ends_sentence, finish
from .data import rule_id
from .paragraphs import heading_like
from .vocab import Vocabulary

_PARA_RE = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
_FIRST_WORD_RE = re.compile(r"([a-zа-яё]{1,12})\b(?![-'’])")
_LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CYRILLIC = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"
_BODY_START = 4
_COMMA_RE = re.compile(r",(?<=[a-zа-яё][a-zа-яё],)(?=[A-Za-zА-Яа-яЁё][a-zа-яё]+\b)")
_DASH_RE = re.compile(r" (?<=[a-zа-яё,] )([-–—])(?=[a-zа-яё]{2,})")
_SEMICOLON_RE = re.compile(r";(?<=[a-zа-яё]{2};)(?=[a-zа-яё]{2,}\b)")
_STOP_RE = re.compile(r"\.(?<=[a-zа-яё]{3}\.)(?=[A-ZА-ЯЁ][a-zа-яё]{2,}\b)")
_SPACES_RE = re.compile(r"[ \t]{2,}")
_FORM_FEED_RE = re.compile(r"[ \t]*\f[ \t\f]*")
_BLANKS_RE = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_WIRE_DATELINE_RE = re.compile(
    r"(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+(?:[ /][A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+){0,3})"
    r"(?P<date>,\s*[^-—–\n()]{2,30}?)?(?P<agency>\s*\([^)\n]{1,30}\))?"
    r"\s*(?P<dash>--|—|–|-)\s+(?=[\"“«]?[A-ZА-ЯЁ0-9])")
_VERSION = 1
_WIRE_TAG_PARAGRAPHS = 4


def repair_drop_caps(text: str, ctx: StepContext) -> StepResult:
    """Put back a lost drop cap when the document's vocabulary says which letter it was."""
    spans = [(m.start(), m.end()) for m in _PARA_RE.finditer(text) if m.group().strip()]
    vocab: Vocabulary | None = None
    edits: list[Edit] = []
    warnings: list[str] = []
    plain = Layout()
    for k, (s, e) in enumerate(spans):
        prev = text[spans[k - 1][0]:spans[k - 1][1]] if k else ""
        after_heading = bool(prev) and heading_like(prev, plain)
        if not (k < _BODY_START or after_heading) or (prev and not (ends_sentence(prev) or after_heading)):
            continue
        m = _FIRST_WORD_RE.match(text, s)
        if not m or e - s < 40:
            continue
        if vocab is None:
            vocab = Vocabulary(text)
        word = m.group(1)
        if vocab.known(word, min_count=2):
            continue
        letters = _CYRILLIC if word[0] in "абвгдеёжзийклмнопрстуфхцчшщэюя" else _LATIN
        scored = sorted(((vocab.count(c + word) + (1 if vocab.known(c + word) else 0), c) for c in letters),
                        reverse=True)
        best, second = scored[0], scored[1]
        if best[0] > 0 and (second[0] == 0 or best[0] >= 2 * second[0]):
            fixed = best[1] + word
            edits.append(Edit(m.start(1), m.end(1), fixed, "drop_cap", rule_id("repairs", _VERSION, "drop_cap")))
        else:
            warnings.append(f"paragraph {k + 1} starts with {word!r}, which is not a word: a lost drop cap? "
                            "(left as it is)")
    return finish(text, edits, warnings)


@cache
def wire_tag_pattern() -> re.Pattern[str]:
    """A wire-service tag opening a headline ("UPDATE 2-", "EXCLUSIVE-"; ``wire_tags`` of clean/chrome.yaml)."""
    tags = "|".join(re.escape(str(t)) for t in sorted(load_yaml("clean/chrome.yaml")["wire_tags"], key=len, reverse=True))
    return re.compile(rf"(?:{tags})(?:\s+\d{{1,2}})?\s*[-–—:]\s*(?=[\"“‘«]?[A-ZА-ЯЁ0-9])")


@cache
def place_date_pattern() -> re.Pattern[str]:
    """A place in title case and a day and month opening a paragraph, closed by a full stop or a dash, with an
    agency or not: "Moscow, 22 February. The …", "Baku, March 3 (Agency) – …" (``months`` of clean/chrome.yaml)."""
    months = "|".join(re.escape(str(m)) for m in sorted(load_yaml("clean/chrome.yaml")["months"], key=len, reverse=True))
    return re.compile(
        rf"(?P<place>[A-ZА-ЯЁ][a-zа-яёə'’-]{{2,}}(?:[ -][A-ZА-ЯЁ][a-zа-яёə'’-]{{2,}})?),\s*"
        rf"(?P<date>(?:\d{{1,2}}\s+(?i:{months})|(?i:{months})\.?\s+\d{{1,2}})(?:,?\s+\d{{4}})?)"
        rf"(?P<agency>\s*(?:\([^)\n]{{1,30}}\)|/[^/\n]{{1,30}}/))?"
        rf"\s*(?:\.|--|—|–|-)\s+(?=[\"“«]?[A-ZА-ЯЁ])")


def remove_wire_datelines(text: str, ctx: StepContext) -> StepResult:
    """Cut a news agency dateline from the start of a paragraph: a place in capitals, then a date, an
    agency in brackets or a double hyphen, then a dash ("BAKU, Dec. 28 (Agency) --", "MOSCOW --"), or a place in
    title case with a day and month, then a full stop or a dash ("Moscow, 22 February. The …"); and a
    wire-service tag opening a headline in the first paragraphs ("UPDATE 2-Russia and Azerbaijan sign …").

    The loaders read the dateline as metadata before cleaning; the sentence after it stays whole.
    """
    edits: list[Edit] = []
    for m in _PARA_RE.finditer(text):
        d = _WIRE_DATELINE_RE.match(text, m.start())
        if d is None:
            p = place_date_pattern().match(text, m.start())
            if p is not None and p.end() < m.end():
                edits.append(Edit(p.start(), p.end(), "", "dateline", rule_id("repairs", _VERSION, "place_date")))
            continue
        if d.end() >= m.end():
            continue
        dated = d.group("date") is not None or d.group("agency") is not None
        if not dated and d.group("dash") != "--":
            continue
        if len(d.group("place").replace("/", "").replace(".", "")) < 3:
            continue
        edits.append(Edit(d.start(), d.end(), "", "dateline", rule_id("repairs", _VERSION, "wire_dateline")))
    tag = wire_tag_pattern()
    for k, m in enumerate(_PARA_RE.finditer(text)):
        if k >= _WIRE_TAG_PARAGRAPHS:
            break
        t = tag.match(text, m.start())
        if t is not None and t.end() < m.end():
            edits.append(Edit(t.start(), t.end(), "", "wire_tag", rule_id("repairs", _VERSION, "wire_tag")))
    return finish(text, edits)


def repair_spacing(text: str, ctx: StepContext) -> StepResult:
    """Missing spaces after commas, semicolons and full stops and before glued dashes (typos, OCR slips such as
    "mid-l990s", stay as printed); runs of spaces; extra blank lines."""
    edits: list[Edit] = []
    for m in _COMMA_RE.finditer(text):
        edits.append(Edit(m.start(), m.end(), ", ", "whitespace", rule_id("repairs", _VERSION, "space_after_comma")))
    for rx, rule in ((_SEMICOLON_RE, "space_after_semicolon"), (_STOP_RE, "space_after_full_stop")):
        for m in rx.finditer(text):
            j = text.rfind(" ", 0, m.start()) + 1
            if not any(ch in text[j:m.start()] for ch in "/@") and not text[j:m.start()].lower().startswith("www"):
                edits.append(Edit(m.start(), m.end(), m.group() + " ", "whitespace", rule_id("repairs", _VERSION, rule)))
    for m in _DASH_RE.finditer(text):
        edits.append(Edit(m.start(), m.end(), f" {m.group(1)} ", "whitespace",
                          rule_id("repairs", _VERSION, "space_after_dash")))
    runs = list(_FORM_FEED_RE.finditer(text)) if "\f" in text else []
    feeds = [(m.start(), m.end()) for m in runs]
    runs += [m for m in _SPACES_RE.finditer(text) if not any(s <= m.start() < e for s, e in feeds)]
    for m in runs:
        edits.append(Edit(m.start(), m.end(), " ", "whitespace", rule_id("repairs", _VERSION, "space_run")))
    for m in _BLANKS_RE.finditer(text):
        edits.append(Edit(m.start(), m.end(), "\n\n", "whitespace", rule_id("repairs", _VERSION, "blank_lines")))
    stripped = text.strip()
    if stripped and stripped != text:
        lead = len(text) - len(text.lstrip())
        if lead:
            edits.append(Edit(0, lead, "", "whitespace", rule_id("repairs", _VERSION, "text_ends")))
        tail = len(text.rstrip())
        if tail < len(text):
            edits.append(Edit(tail, len(text), "", "whitespace", rule_id("repairs", _VERSION, "text_ends")))
    return finish(text, edits)

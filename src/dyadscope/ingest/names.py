"""Checks on the strings metadata rules capture: person names, organisation names, titles.

Word lists come from ``data/ingest/metadata.yaml`` (stop words, name particles, organisation words,
affiliation words, small words and acronyms for title case) and ``dates.yaml`` (month and weekday names,
which are never part of a name).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..lexicon import load_yaml, words_pattern
from .dates import month_numbers, weekday_words, word_key

_INITIAL_RE = re.compile(r"^(?:[^\W\d_]\.){1,3}$")
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bи\b|\bve\b|\bvə\b)\s*", re.IGNORECASE)
_MARKERS = "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰"


@lru_cache(maxsize=1)
def _meta() -> dict[str, Any]:
    return dict(load_yaml("ingest/metadata.yaml"))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    words = {word_key(str(w)) for w in _meta()["name_stopwords"]}
    words |= {word_key(str(w)) for w in _meta()["org_words"]}
    words |= {word_key(str(w)) for w in _meta()["title_small_words"]}
    words |= set(month_numbers()) | set(weekday_words())
    return frozenset(words)


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(word_key(str(w)) for w in _meta()["name_particles"])


@lru_cache(maxsize=1)
def _affiliation_re() -> re.Pattern[str]:
    return re.compile(words_pattern(str(w) for w in _meta()["affiliation_words"]), re.IGNORECASE)


@lru_cache(maxsize=1)
def _org_re() -> re.Pattern[str]:
    return re.compile(words_pattern(str(w) for w in _meta()["org_words"]), re.IGNORECASE)


def has_affiliation(text: str) -> bool:
    """Whether ``text`` names a position or institution ("Assistant Professor at …")."""
    return bool(_affiliation_re().search(text))


def has_org_word(text: str) -> bool:
    """Whether ``text`` looks like an organisation's name ("Caspian News Agency")."""
    return bool(_org_re().search(text))


def is_org_name(text: str) -> bool:
    """Whether ``text`` reads as an organisation's or outlet's name: up to ten words, starting with a capital,
    every word Capitalised, in capitals, a number or a small joining word ("Institute for War and Peace")."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 10 or not tokens[0][:1].isupper():
        return False
    small = {str(w).lower() for w in _meta()["title_small_words"]} | {"&", "-", "–"}
    return all(t[:1].isupper() or t[:1].isdigit() or t.lower() in small for t in tokens)


def strip_marker(text: str) -> tuple[str, bool]:
    """``text`` without a trailing footnote marker (``*``, ``†``, superscript digits), and whether it had one."""
    stripped = text.rstrip().rstrip(_MARKERS).rstrip()
    return stripped, stripped != text.rstrip()


def is_person_name(text: str) -> bool:
    """Whether ``text`` reads as one person's name: 2–5 words, each Capitalised (or 2–4 words all in capitals),
    initials and particles allowed, no digits, no stop words (months, places, interface words, the small
    words of titles)."""
    tokens = text.split()
    all_caps = all(t.isupper() for t in tokens if any(ch.isalpha() for ch in t))
    if not 2 <= len(tokens) <= (4 if all_caps else 5):
        return False
    core = initials = 0
    for i, tok in enumerate(tokens):
        key = word_key(tok)
        if 0 < i < len(tokens) - 1 and key in _particles():
            continue
        if _INITIAL_RE.match(tok) and tok[0].isupper():
            initials += 1
            continue
        word = tok.strip("'’")
        if not word or not word[0].isupper() or not all(ch.isalpha() or ch in "-'’" for ch in word):
            return False
        if not all_caps and word.isupper() and len(word) > 1:
            return False
        if not all_caps and any(part[:1].islower() for part in word.split("-") if part):
            return False
        if word_key(word) in _stopwords():
            return False
        core += 1
    return core >= 2 or (core == 1 and initials >= 1)


def split_names(text: str) -> list[str] | None:
    """The person names in a byline ("A. Smith and Leyla Karimova"), or None if any part is not a name."""
    text, _ = strip_marker(text.strip().rstrip(".,;:"))
    parts = [p.strip() for p in _NAME_SPLIT_RE.split(text) if p and p.strip()]
    if not parts or not all(is_person_name(p) for p in parts):
        return None
    return [display_name(p) for p in parts]


def desk_author(text: str) -> tuple[str, str | None] | None:
    """An organisation's staff as a byline's author, and the organisation when the staff word is written in
    lower case: "Transcaucasus Wire Service staff" → (that, "Transcaucasus Wire Service"); "the Caspian Desk"
    → ("Caspian Desk", None). None when ``text`` is not an organisation-like name ending in a ``staff_words``
    word."""
    text = re.sub(r"^(?:the)\s+", "", " ".join(text.split()).strip(" .,;:"), flags=re.IGNORECASE)
    staff = {str(w).lower() for w in _meta()["staff_words"]}
    words = text.split()
    for n in (2, 1):
        if len(words) > n and " ".join(words[-n:]).lower() in staff:
            org = " ".join(words[:-n])
            if is_org_name(org):
                return text, (org if words[-n][:1].islower() else None)
    return None


def display_name(name: str) -> str:
    """A name as shown: single spaces; a name written in capitals is put in Title Case."""
    name = " ".join(name.split())
    if name.isupper():
        return "-".join(part.capitalize() for part in name.split("-")).title()
    return name


def clean_outlet(text: str) -> str:
    """An outlet name without a leading article or trailing punctuation."""
    text = " ".join(text.split()).strip(" .,;:|–—-")
    return re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)


def title_case(text: str) -> str:
    """Title Case for a title written in capitals: small words lower case except first and after a colon;
    listed acronyms kept in capitals; each part of a hyphenated word capitalised."""
    small = {str(w).lower() for w in _meta()["title_small_words"]}
    acronyms = {str(w).upper(): str(w) for w in _meta()["title_acronyms"]}
    out: list[str] = []
    start = True
    for word in text.split():
        m = re.match(r"^(\W*)(.*?)(\W*)$", word)
        lead, core, trail = (m.group(1), m.group(2), m.group(3)) if m else ("", word, "")
        parts = []
        for j, part in enumerate(core.split("-")):
            if part.upper() in acronyms:
                parts.append(acronyms[part.upper()])
            elif part.lower() in small and not (start and j == 0):
                parts.append(part.lower())
            else:
                parts.append(part[:1].upper() + part[1:].lower())
        out.append(lead + "-".join(parts) + trail)
        start = trail.endswith((":", "—", "–", "?", "!")) or (not core and bool(lead))
    return " ".join(out)


def junk_property(value: str) -> bool:
    """Whether a PDF/DOCX Title or Author property is a tool's default rather than the document's."""
    return any(re.search(p, value.strip(), re.IGNORECASE) for p in _meta()["pdf_junk_properties"])

"""Spelling variants of names, generated from the tables in ``data/actors/translit.yaml``.

Dictionaries list one or a few spellings per name; this module adds the rest systematically:

- :func:`person_variants` applies the transliteration alternations (Aliyev/Aliev, Heydar/Haydar/Geydar,
  Huseynov/Guseinov) to every word of a person's name, then folds national letters to ASCII
  (Əliyev -> Aliyev, Davutoğlu -> Davutoglu);
- :func:`russian_forms` declines a Cyrillic name or adjective (Россия -> России, Россию; Путин -> Путина);
- :func:`turkic_forms` glues Azerbaijani and Turkish case endings to a name (Azərbaycanın, Bakıda);
- :func:`folded` gives the ASCII-folded spellings of any name.

All functions are pure; the tables are read once through :mod:`dyadscope.lexicon`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...errors import DataFileError
from ...lexicon import load_yaml

TRANSLIT_FILE = "actors/translit.yaml"
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@dataclass(frozen=True, slots=True)
class Alternation:
    """One optional spelling change: ``a`` <-> ``b`` (anchored with ^ or $ when written so)."""

    rule_id: str
    a: str
    b: str
    anchor: str            # "start" | "end" | "any"
    where: re.Pattern[str] | None
    states: frozenset[str]
    oneway: bool


def _anchor(text: str) -> tuple[str, str]:
    if text.startswith("^"):
        return text[1:], "start"
    if text.endswith("$"):
        return text[:-1], "end"
    return text, "any"


@cache
def _tables() -> dict[str, Any]:
    data = load_yaml(TRANSLIT_FILE)
    if not isinstance(data, dict):
        raise DataFileError(f"data/{TRANSLIT_FILE} is not a mapping", hint="restore the file from the repository")
    alternations = []
    for i, row in enumerate(data.get("alternations") or ()):
        try:
            a, anchor_a = _anchor(str(row["a"]))
            b, anchor_b = _anchor(str(row["b"]))
        except (KeyError, TypeError) as exc:
            raise DataFileError(f"data/{TRANSLIT_FILE}: alternation {i + 1} needs 'a' and 'b'") from exc
        if anchor_a != anchor_b:
            raise DataFileError(f"data/{TRANSLIT_FILE}: alternation {row.get('id')} anchors 'a' and 'b' differently",
                                hint="write both sides with the same ^ or $")
        where = re.compile(str(row["where"])) if row.get("where") else None
        alternations.append(Alternation(str(row.get("id", i)), a, b, anchor_a, where,
                                        frozenset(row.get("states") or ()), bool(row.get("oneway", False))))
    declension = sorted(((str(r["ending"]), int(r.get("strip", 0)), tuple(r.get("suffixes") or ()))
                         for r in data.get("ru_declension") or ()), key=lambda r: -len(r[0]))
    return {
        "alternations": tuple(alternations),
        "max": int(data.get("max_variants_per_word", 24)),
        "fold": {str(k): tuple(str(x) for x in v) for k, v in (data.get("fold") or {}).items()},
        "declension": tuple(declension),
        "adjective_endings": tuple(str(x) for x in data.get("ru_adjective_endings") or ()),
        "turkic": tuple(dict.fromkeys(str(x) for x in data.get("turkic_suffixes") or ())),
    }


def _apply(word: str, src: str, dst: str, anchor: str) -> str | None:
    if anchor == "start":
        return dst + word[len(src):] if word.startswith(src) else None
    if anchor == "end":
        return word[: len(word) - len(src)] + dst if word.endswith(src) and src else None
    return word.replace(src, dst) if src in word else None


def word_variants(word: str, state: str | None = None) -> tuple[str, ...]:
    """Spellings of one name word under the alternations (the word itself first)."""
    tables = _tables()
    out = [word]
    for alt in tables["alternations"]:
        if alt.states and state not in alt.states:
            continue
        new = []
        for w in out:
            if alt.where is not None and not alt.where.search(w):
                continue
            for src, dst in ((alt.a, alt.b),) if alt.oneway else ((alt.a, alt.b), (alt.b, alt.a)):
                v = _apply(w, src, dst, alt.anchor)
                if v and v != w and v not in out and v not in new:
                    new.append(v)
        out.extend(new)
        if len(out) >= tables["max"]:
            break
    return tuple(out[: tables["max"]])


def folded(name: str) -> tuple[str, ...]:
    """ASCII-folded spellings of ``name`` (empty when it has no letter to fold)."""
    fold = _tables()["fold"]
    if not any(ch in fold for ch in name):
        return ()
    options = [fold.get(ch, (ch,)) for ch in name]
    firsts = "".join(o[0] for o in options)
    lasts = "".join(o[-1] for o in options)
    return tuple(dict.fromkeys(v for v in (firsts, lasts) if v != name))


def person_variants(name: str, state: str | None = None, limit: int = 64) -> tuple[str, ...]:
    """Spellings of a person's full name: each word's variants combined, then folded to ASCII."""
    words = name.split()
    if not words or _CYRILLIC.search(name):
        return (name,)
    per_word = [word_variants(w, state) if w[:1].isupper() and len(w) > 2 else (w,) for w in words]
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*per_word), limit):
        out.append(" ".join(combo))
    for v in list(out):
        out.extend(folded(v))
    return tuple(dict.fromkeys(out))


def _decline_word(word: str, adjective: bool) -> tuple[str, ...]:
    tables = _tables()
    if word.isupper() or not _CYRILLIC.search(word):
        return (word,)
    low = word.lower()
    if adjective and low.endswith("ий"):
        stem = word[:-2]
        return tuple(dict.fromkeys([word, *(stem + e for e in tables["adjective_endings"])]))
    for ending, strip, suffixes in tables["declension"]:
        if low.endswith(ending):
            stem = word[: len(word) - strip] if strip else word
            return tuple(dict.fromkeys([word, *(stem + s for s in suffixes)]))
    return (word,)


def russian_forms(name: str, *, adjective: bool = False, limit: int = 32) -> tuple[str, ...]:
    """Case forms of a Cyrillic name or adjective (the name itself first); other names come back as they are."""
    words = name.split()
    if not words or not _CYRILLIC.search(name):
        return (name,)
    per_word = [_decline_word(w, adjective or (len(words) > 1 and i < len(words) - 1)) for i, w in enumerate(words)]
    return tuple(" ".join(c) for c in itertools.islice(itertools.product(*per_word), limit))


def turkic_forms(name: str) -> tuple[str, ...]:
    """``name`` with Azerbaijani/Turkish case endings glued to its last word (the name itself not included)."""
    if not name or _CYRILLIC.search(name) or name.isupper():
        return ()
    return tuple(name + s for s in _tables()["turkic"])

"""Regular expressions built from the word tables: tries of word lists and the macros of the rule templates.

A rule's pattern in ``data/time/rules.yaml`` is a template with macros in braces (``{month}``, ``{num}``...).
:func:`macros` gives, for the languages of a rule, each macro's regular expression and the words it is
written with (:func:`macro_forms`, from which the grammar learns the words a rule can begin with).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .words import TimeWords

#: macros that are written with digits only
DIGIT_MACROS = frozenset({"yy", "day"})
#: macros that are written with digits or with words
MIXED_MACROS = frozenset({"num", "ordinal", "year"})


def case_forms(words: Iterable[str]) -> list[str]:
    """A word as written, capitalised and in capitals ("May", "MAY"; "мая", "Мая", "МАЯ") - never lower-cased."""
    out: set[str] = set()
    for w in words:
        out.update({w, w[:1].upper() + w[1:], w.upper()})
    return sorted(out, key=len, reverse=True)


def _tokens(word: str, dotted: bool, flexible_space: bool) -> list[str]:
    """Regex tokens of a word; ``dotted``: it is an abbreviation and may be followed by a full stop."""
    out = []
    for ch in word:
        if flexible_space and ch == " ":
            out.append(r"\s+")
        elif flexible_space and ch == "-":
            out.append(r"[\s-]*")
        else:
            out.append(re.escape(ch))
    if dotted:
        out.append(r"\.?")
    return out


def _trie_regex(node: dict[str, Any]) -> str:
    """Regex of a trie node: children as an alternation (optional tokens last), optional if a word ends here."""
    children = sorted(node.items(), key=lambda kv: (kv[0] == "", kv[0].endswith("?"), kv[0]))
    alts = [tok + _trie_regex(child) for tok, child in children if tok != ""]
    ends = "" in node
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"
    return body + "?" if ends else body


def alt(words: Iterable[str], *, dotted: frozenset[str] = frozenset(), flexible_space: bool = True) -> str:
    """Alternation of words as a trie (so a mismatch fails on its first letters); spaces match any whitespace,
    hyphens a hyphen or a space, and abbreviations (``dotted``) may take a full stop."""
    root: dict[str, Any] = {}
    for w in {w for w in words if w}:
        node = root
        for tok in _tokens(w, w.lower() in dotted, flexible_space):
            node = node.setdefault(tok, {})
        node[""] = {}
    if not root:
        return r"(?!x)x"
    return _trie_regex(root)


def langs_of(table: dict[str, Any], langs: tuple[str, ...]) -> list[str]:
    """The entries of a per-language table for ``langs`` ("*": every language)."""
    keys = list(table) if "*" in langs else [lg for lg in langs if lg in table]
    return [w for lg in keys for w in table[lg]]


def macro_forms(words: TimeWords, langs: tuple[str, ...]) -> dict[str, list[str]]:
    """The words each word-based macro is written with, for ``langs``."""
    return {
        "month": langs_of(words.written["months"], langs),
        "weekday": langs_of(words.written["weekdays"], langs),
        "weekday_full": langs_of(words.written["weekdays"], langs),
        "season": langs_of(words.seasons, langs),
        "part": langs_of(words.parts, langs),
        "half": langs_of(words.halves, langs),
        "num": langs_of(words.cardinals, langs) + list(words.tens),
        "ordinal": langs_of(words.ordinals, langs),
        "year": [*words.year_centuries, *words.year_thousands],
        "roman": list(words.roman),
        "unit": langs_of(words.units, langs),
        "deictic": langs_of(words.deictic, langs),
        "anaphoric": langs_of(words.anaphoric, langs),
        "direction": langs_of(words.directions, langs),
        "dayword": langs_of(words.day_words, langs),
        "tod": langs_of(words.times_of_day, langs),
        "ref": langs_of(words.references, langs),
        "setword": langs_of(words.sets, langs),
        "quant": langs_of(words.set_quantifiers, langs),
        "mod": langs_of(words.modifiers, langs),
        "decade_word": langs_of(words.decade_words, langs),
        "clockword": list(words.clock_words),
        "holiday": langs_of(words.holidays, langs),
    }


def macros(words: TimeWords, langs: tuple[str, ...]) -> dict[str, Callable[[], str]]:
    """The regular expression of each macro for ``langs`` (built when asked for)."""
    forms = macro_forms(words, langs)

    def cased(key: str, exclude: frozenset[str] = frozenset()) -> str:
        out: list[str] = []
        for form in forms[key]:
            out.extend(f for f in case_forms([form]) if f not in exclude)
        return r"(?-i:" + alt(out, dotted=words.abbreviations) + r")(?![^\W\d_])"

    def plain(key: str) -> str:
        return "(?:" + alt(forms[key]) + r")(?![^\W\d_])"

    full_weekdays = frozenset(words.ambiguous_weekdays) | {w.upper() for w in words.ambiguous_weekdays} | {
        w.lower() for w in words.ambiguous_weekdays}
    cardinal_words = alt(langs_of(words.cardinals, langs))
    tens = alt(words.tens)
    ones = alt(words.ones)
    number = (rf"(?:[0-9]+(?:[.,][0-9]+)?(?:\s+[0-9]/[0-9])?|(?:{tens})[\s-](?:{ones})|{cardinal_words})"
              r"(?![^\W\d_])")
    ordinal = rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)|{alt(forms['ordinal'])})(?![^\W\d_])"
    roman = r"(?-i:" + "|".join(sorted(words.roman, key=len, reverse=True)) + r")(?![\w])"
    teens = [w for w, v in words.cardinals.get("en", {}).items() if isinstance(v, float) and 10 <= v <= 19]
    two_digits = rf"(?:{alt(teens)}|(?:{tens})(?:[\s-](?:{ones}))?)(?![^\W\d_])"
    spelled = (rf"(?:{alt(words.year_centuries)})[\s-]+{two_digits}"
               rf"|(?:(?<=year\s)|(?<=in\s)|(?<=by\s))(?:{alt(words.year_thousands)})"
               rf"(?:\s+(?:and\s+)?(?:{ones}|{alt(teens)}))?(?![^\W\d_])")
    year = rf"(?:(?:1[0-9]|20)[0-9]{{2}}(?![0-9])|{spelled})"
    return {
        "year": lambda: year,
        "yy": lambda: r"[0-9]{2}(?![0-9])",
        "day": lambda: r"(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?(?![\w])",
        "month": lambda: cased("month"),
        "weekday": lambda: cased("weekday"),
        "weekday_full": lambda: cased("weekday", exclude=full_weekdays),
        "season": lambda: plain("season"),
        "part": lambda: "(?:" + alt(forms["part"]) + r")",
        "half": lambda: "(?:" + alt(forms["half"]) + r")",
        "num": lambda: number,
        "ordinal": lambda: ordinal,
        "roman": lambda: roman,
        "unit": lambda: plain("unit"),
        "deictic": lambda: plain("deictic"),
        "anaphoric": lambda: plain("anaphoric"),
        "direction": lambda: plain("direction"),
        "dayword": lambda: plain("dayword"),
        "tod": lambda: plain("tod"),
        "ref": lambda: "(?:" + alt(forms["ref"]) + r")(?![\w-])",
        "setword": lambda: plain("setword"),
        "quant": lambda: plain("quant"),
        "mod": lambda: plain("mod"),
        "decade_word": lambda: plain("decade_word"),
        "clockword": lambda: "(?:" + alt(words.clock_words) + r")(?![^\W\d_])",
        "holiday": lambda: "(?-i:" + alt(forms["holiday"]) + r")(?![^\W\d_])",
    }

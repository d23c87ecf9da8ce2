"""What a regular expression can begin with: its first characters and its first words.

The tagger uses these to try a rule only where it can match: at a digit, or at a word some rule begins with,
and then only the rules that can begin with that character. Both are worked out from the parsed pattern
(the standard library's ``re._parser``); when a pattern is too complex to tell, the answer is None ("could
be anything") and the rule is simply tried everywhere, so the shortcut never changes what is found.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any


def _parse(pattern: str) -> tuple[Any, Any] | None:
    try:
        c = importlib.import_module("re._constants")
        p = importlib.import_module("re._parser")
        return c, p.parse(pattern, re.IGNORECASE)
    except (ImportError, AttributeError, re.error):  # pragma: no cover - the private module changed
        return None


def first_chars(pattern: str) -> frozenset[str] | None:
    """The lower-cased characters a match of ``pattern`` can begin with; None when any (or unknown)."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    c, tree = parsed

    def seq(items: Any) -> tuple[set[str] | None, bool]:
        acc: set[str] = set()
        for op, av in items:
            first, nullable = item(op, av)
            if first is None:
                return None, False
            acc |= first
            if not nullable:
                return acc, False
        return acc, True

    def item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
        if op is c.LITERAL:
            return {chr(av).lower()}, False
        if op is c.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    out.add(chr(iav).lower())
                elif iop is c.RANGE and iav[1] - iav[0] < 300:
                    out.update(chr(x).lower() for x in range(iav[0], iav[1] + 1))
                elif iop is c.CATEGORY and iav in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT):
                    out.update("0123456789")
                else:
                    return None, False
            return out, False
        if op is c.BRANCH:
            acc: set[str] = set()
            nullable = False
            for branch in av[1]:
                first, null = seq(branch)
                if first is None:
                    return None, False
                acc |= first
                nullable = nullable or null
            return acc, nullable
        if op is c.SUBPATTERN:
            return seq(av[-1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            first, null = seq(av[2])
            return first, null or av[0] == 0
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True
        return None, False

    first, nullable = seq(tree.data)
    if first is None or nullable:
        return None
    return frozenset(first)


def first_words(patterns: Iterable[str], budget: int = 20000) -> set[str] | None:
    """The lower-cased words matches of ``patterns`` can begin with (a start at a digit or an apostrophe is
    left to the caller); None when a pattern's first word cannot be worked out."""
    out: set[str] = set()
    for pattern in patterns:
        words = _pattern_first_words(pattern, budget)
        if words is None:
            return None
        out |= words
    return out


def _letter_start(c: Any, items: Any) -> bool:
    """Can ``items`` begin with a letter? (False only for a leading class of digits or punctuation.)"""
    if not items:
        return True
    op, av = items[0]
    if op is c.IN:
        for iop, iav in av:
            if iop is c.LITERAL and chr(iav).isalpha():
                return True
            if iop is c.RANGE and any(chr(x).isalpha() for x in range(iav[0], min(iav[1], iav[0] + 300) + 1)):
                return True
            if iop is c.CATEGORY and iav not in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT, c.CATEGORY_SPACE,
                                                 c.CATEGORY_UNI_SPACE):
                return True
        return False
    if op is c.LITERAL:
        return chr(av).isalpha()
    return True


def _pattern_first_words(pattern: str, budget: int) -> set[str] | None:
    parsed = _parse(pattern)
    if parsed is None:
        return None
    c, tree = parsed
    done: set[str] = set()

    def finish(prefixes: set[str]) -> set[str]:
        done.update(x for x in prefixes if x)
        return set()

    def seq(items: Any, prefixes: set[str]) -> set[str] | None:
        """Carry the unfinished word prefixes through ``items``; finished words go to ``done``."""
        for op, av in items:
            if not prefixes:
                return prefixes
            nxt = item(op, av, prefixes)
            if nxt is None or len(nxt) + len(done) > budget:
                return None
            prefixes = nxt
        return prefixes

    def item(op: Any, av: Any, prefixes: set[str]) -> set[str] | None:
        if op is c.LITERAL:
            ch = chr(av)
            if ch.isalpha():
                return {x + ch.lower() for x in prefixes}
            if "" in prefixes and not (ch.isdigit() or ch in "'’‘"):
                return None
            return finish(prefixes - {""})
        if op is c.IN:
            chars = {chr(iav).lower() for iop, iav in av if iop is c.LITERAL}
            if len(chars) and all(iop is c.LITERAL for iop, _ in av) and all(ch.isalpha() for ch in chars):
                return {x + ch for x in prefixes for ch in chars}
            return finish(prefixes - {""})   # a class at the very start: digits are found apart
        if op is c.BRANCH:
            acc: set[str] = set()
            for branch in av[1]:
                got = seq(branch, set(prefixes))
                if got is None:
                    return None
                acc |= got
            return acc
        if op is c.SUBPATTERN:
            return seq(av[-1], prefixes)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, body = av
            if high == 1:
                once = seq(body, set(prefixes))
                if once is None:
                    return None
                return once | (prefixes if low == 0 else set())
            if "" in prefixes:
                if not _letter_start(c, body):   # "[0-9]{1,2}": a digit start, found apart
                    return finish(prefixes - {""})
                return None
            return finish(prefixes)
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return prefixes
        return None

    rest = seq(tree.data, {""})
    if rest is None:
        return None
    finish(rest)
    return done

"""Tokens and a token trie for dictionary lookup.

Text is cut into words (letters, with an inner apostrophe kept: "Russia's", "Rusya'nın"), numbers and
single punctuation marks. Dictionary names are cut the same way, so "Nagorno-Karabakh" is the three keys
``Nagorno - Karabakh`` in both. Keys are normalised: curly apostrophes become ``'`` and every dash ``-``.

:func:`longest` walks the trie from a token and returns the longest name that ends there; a word carrying
a possessive or case ending after an apostrophe ("Russia's", "Moscow’s", "Rusya'nın") matches by its part
before the apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\w\s]")
_NORM = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-", "−": "-", "‒": "-"})
#: the key under which a trie node keeps the payloads of names ending there
END = ""

Trie = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of one text: normalised keys, their lower-case forms and character offsets."""

    keys: tuple[str, ...]
    lower: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.keys)

    def glued(self, i: int) -> bool:
        """Is token ``i`` written right after token ``i - 1`` (no space between)?"""
        return 0 < i < len(self.keys) and self.starts[i] == self.ends[i - 1]


def tokenize(text: str) -> Tokens:
    norm = text.translate(_NORM)              # one character for one: offsets stay valid
    matches = list(TOKEN.finditer(norm))      # list comprehensions: about a third faster than generators
    keys = tuple([m.group() for m in matches])
    starts = tuple([m.start() for m in matches])
    ends = tuple([m.end() for m in matches])
    low = norm.lower()
    lower = tuple([low[a:b] for a, b in zip(starts, ends)]) if len(low) == len(norm) else \
        tuple([k.lower() for k in keys])
    return Tokens(keys, lower, starts, ends)


def name_keys(name: str, *, lower: bool = False) -> tuple[str, ...]:
    """The keys of a dictionary name, as :func:`tokenize` would give them."""
    keys = tuple(m.group().translate(_NORM) for m in TOKEN.finditer(name))
    return tuple(k.lower() for k in keys) if lower else keys


def build(items: Iterable[tuple[tuple[str, ...], Any]]) -> Trie:
    """A trie of key sequences; each end node holds the list of payloads of the names ending there."""
    root: Trie = {}
    for keys, payload in items:
        if not keys:
            continue
        node = root
        for k in keys:
            node = node.setdefault(k, {})
        bucket = node.setdefault(END, [])
        if payload not in bucket:
            bucket.append(payload)
    return root


@dataclass(frozen=True, slots=True)
class Hit:
    """A name found at tokens [start, end); ``cut`` is the characters kept of the last token when only its
    part before an apostrophe matched (None when the whole token did)."""

    start: int
    end: int
    payloads: tuple[Any, ...]
    cut: int | None = None


def longest(trie: Trie, keys: tuple[str, ...], i: int) -> Hit | None:
    """The longest name in ``trie`` starting at token ``i``."""
    node = trie.get(keys[i]) if i < len(keys) else None
    best: Hit | None = None
    j = i
    if node is None:
        cut = keys[i].find("'") if i < len(keys) else -1
        if cut > 0:
            part = trie.get(keys[i][:cut])
            if part is not None and END in part:
                return Hit(i, i + 1, tuple(part[END]), cut)
        return None
    n = len(keys)
    while True:
        j += 1
        if END in node:
            best = Hit(i, j, tuple(node[END]))
        if j >= n:
            return best
        nxt = node.get(keys[j])
        if nxt is None:
            cut = keys[j].find("'")
            if cut > 0:
                part = node.get(keys[j][:cut])
                if part is not None and END in part:
                    return Hit(i, j + 1, tuple(part[END]), cut)
            return best
        node = nxt

"""A document's own vocabulary, with the general-English fallback of ``data/clean/words.yaml``.

Used to decide whether a word broken across lines is one word ("Kara-/bakh": "Karabakh" occurs in the
document) or a compound ("re-/domination": "re-domination" occurs, "redomination" does not), and whether
a paragraph lost its drop cap (" ne can" -> "One can": "one" is a word, "ne" is not).
"""

from __future__ import annotations

import re
from collections import Counter

from .data import fallback_words, layout_words

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_BREAK_RE = re.compile(r"-[ \t]*\n\s*(?=[^\W\d_])")
_LAST_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\Z")

# inflectional endings and what to put back to reach the base form ("accusing" -> "accus" + "e")
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("",)), ("s", ("",)),
    ("ly", ("",)), ("ers", ("", "e")), ("er", ("", "e")), ("ments", ("",)), ("ment", ("",)),
    ("ions", ("", "e")), ("ion", ("", "e")), ("ness", ("",)), ("ity", ("", "e")), ("al", ("",)),
)


class Vocabulary:
    """Word counts of one text (lower-cased; hyphenated compounds counted whole and by their parts)."""

    __slots__ = ("counts", "fallback")

    def __init__(self, text: str) -> None:
        low = text.lower()
        counts: Counter[str] = Counter(_WORD_RE.findall(low))
        for m in _BREAK_RE.finditer(low):       # the halves of a word broken at a line end are no words
            if m.start() == 0 or not low[m.start() - 1].isalpha():
                continue
            left = _LAST_WORD_RE.search(low, max(0, m.start() - 40), m.start())
            right = _WORD_RE.match(low, m.end())
            for half in (left, right):
                if half is not None and counts.get(half.group(), 0) > 0:
                    counts[half.group()] -= 1
        for word, n in list(counts.items()):
            if "-" in word:
                for part in word.split("-"):
                    counts[part] += n
        self.counts = counts
        self.fallback = fallback_words()

    def count(self, word: str) -> int:
        return self.counts.get(word.lower(), 0)

    def known(self, word: str, min_count: int = 1) -> bool:
        """Is ``word`` a word: seen ``min_count`` times here, in the fallback list, or an inflection of one?"""
        w = word.lower()
        if len(w) < 2:
            return w in ("a", "i")
        if self.counts.get(w, 0) >= min_count or w in self.fallback:
            return True
        for base in _bases(w):
            if self.counts.get(base, 0) >= 1 or base in self.fallback:
                return True
        return False


def _bases(w: str) -> list[str]:
    out: list[str] = []
    for suffix, restores in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            out.extend(stem + r for r in restores)
            if len(stem) >= 4 and stem[-1] == stem[-2]:      # "stopped" -> "stop"
                out.append(stem[:-1])
    return out


def keep_hyphen(left: str, right: str, vocab: Vocabulary) -> tuple[bool, str]:
    """Should "left-⏎right" keep its hyphen? Returns the decision and the reason (a rule id suffix).

    A capitalised second part is a compound of names ("Russian-Azerbaijani"). Otherwise the document
    decides: the form it uses more often wins. When it uses neither, a known joined word wins
    ("throughout"); a known prefix or a second part that is itself a word keeps the hyphen
    ("re-domination", "one-seventh"); two non-words are a split syllable and are joined ("ac-cusing").
    """
    if not right or not left:
        return True, "hyphen_kept_not_a_word"
    if right[0].isupper() or right[0].isdigit() or left[-1].isdigit():
        return True, "hyphen_kept_compound"
    joined = (left + right).lower()
    hyphened = f"{left}-{right}".lower()
    cj, ch = vocab.counts.get(joined, 0), vocab.counts.get(hyphened, 0)
    if cj > ch:
        return False, "hyphen_joined_by_document"
    if ch > cj:
        return True, "hyphen_kept_by_document"
    if vocab.known(joined):
        return False, "hyphen_joined_known_word"
    head = left.lower().rsplit("-", 1)[-1]
    if head in layout_words().keep_prefixes:
        return True, "hyphen_kept_prefix"
    if len(right) >= 3 and vocab.known(right) and vocab.known(head):
        return True, "hyphen_kept_compound"
    return False, "hyphen_joined_syllable"

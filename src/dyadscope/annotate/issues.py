"""Issues of a passage (DESIGN §3): which questions of the relationship a sentence is about.

The lexicon is data (``data/issues/issues.yaml``): per issue code, terms with weights. :func:`issue_hits`
gives every term found, with its offsets, as evidence; :func:`issues_in` sums the weights per issue and
returns the issues that pass the lexicon's threshold, most salient first. OTHER (relations in general)
counts only when no other issue is found; a text with no issue term at all gives ``()``, so a caller can
fall back to the surrounding paragraph.

Text and terms are compared word by word (runs of letters and digits), so spaces, line breaks, dashes and
apostrophes between words do not matter ("North-South" matches "North–South" and "North South"). Matching
ignores case except for terms written all in capitals (acronyms: "BTC", "CIS", "TAP"); a word ending in
``*`` matches any word it begins ("pipeline*": pipelines).
Rule set ``issues.v<version>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from ..errors import DataFileError
from ..lexicon import load_entries, load_yaml, version_of

ISSUES_FILE = "issues/issues.yaml"
WEIGHTS = {"strong": 2.0, "terms": 1.0, "weak": 0.5}
LANGUAGES = ("ru", "az", "tr")
ISSUE_CODES: tuple[str, ...] = (
    "KARABAKH", "CASPIAN", "ENERGY", "PIPELINES", "SECURITY_ALIGNMENT", "ARMS", "NORTH_CAUCASUS", "MIGRATION",
    "TRADE", "TRANSPORT_CORRIDORS", "DOMESTIC_POLITICS", "GABALA", "CULTURE_EDUCATION", "AVIATION", "MEDIA", "OTHER",
)
_WORD = re.compile(r"\w+")
_END = "end"


class IssueHit(NamedTuple):
    """One issue term found: the issue code, its span in the text and the term as written in the lexicon."""

    code: str
    start: int
    end: int
    term: str


@dataclass(frozen=True, slots=True)
class _Term:
    code: str
    term: str
    weight: float
    exact_case: tuple[str, ...] | None   # the words as written, for acronyms that match only in capitals
    lang: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    trie: dict[str, Any]
    terms: tuple[_Term, ...]
    threshold: float
    relative: float
    limit: int
    fallback: str
    rule: str


def _exact_case(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _node() -> dict[str, Any]:
    return {"w": {}, "p": {}}


def _add(root: dict[str, Any], words: list[str], term: _Term) -> None:
    """Add a term's words to the trie; a word ending in * is a stem that matches any word it begins."""
    node = root
    for w in words:
        if w.endswith("*") and len(w) > 1:
            stem = w[:-1]
            bucket = node["p"].setdefault(stem[:3], [])
            for st, child in bucket:
                if st == stem:
                    node = child
                    break
            else:
                child = _node()
                bucket.append((stem, child))
                node = child
        else:
            node = node["w"].setdefault(w, _node())
    node.setdefault(_END, []).append(term)


@lru_cache(maxsize=4)
def lexicon(lang: str = "en") -> Lexicon:
    """The compiled issue lexicon for text in ``lang`` (cached)."""
    data = load_yaml(ISSUES_FILE)
    if not isinstance(data, dict):
        raise DataFileError(f"data/{ISSUES_FILE} is not a mapping", hint="restore the file from the repository")
    terms: list[_Term] = []
    root = _node()
    for entry in load_entries(ISSUES_FILE):
        code = entry["id"].split(":", 1)[1]
        if code not in ISSUE_CODES:
            raise DataFileError(f"data/{ISSUES_FILE}: unknown issue code {code!r}",
                                hint=f"use one of {', '.join(ISSUE_CODES)}")
        for key, weight in (*WEIGHTS.items(), *((lg, 1.0) for lg in LANGUAGES)):
            if key in LANGUAGES and key not in (lang, "ru"):
                continue
            for raw in entry.get(key) or ():
                term = str(raw).strip()
                words = [m.group() + ("*" if term[m.end():m.end() + 1] == "*" else "") for m in _WORD.finditer(term)]
                if not words:
                    raise DataFileError(f"data/{ISSUES_FILE}: {code} has a term without words: {raw!r}")
                exact = tuple(w.rstrip("*") for w in words) if _exact_case(term) else None
                t = _Term(code, term, weight, exact, key if key in LANGUAGES else None)
                terms.append(t)
                _add(root, [w.lower() for w in words], t)
    fallback = str(data.get("fallback", "OTHER"))
    return Lexicon(root, tuple(terms), float(data.get("threshold", 1.0)), float(data.get("relative", 0.0)),
                   int(data.get("limit", 3)), fallback, f"issues.v{version_of(ISSUES_FILE)}")


def _walk(node: dict[str, Any], low: list[str], raw: list[str], i: int, found: list[tuple[int, _Term]]) -> None:
    """Collect (end word index, term) for every term matching the words from ``i`` on."""
    if i >= len(low):
        return
    word = low[i]
    nexts = []
    child = node["w"].get(word)
    if child is not None:
        nexts.append(child)
    for stem, pchild in node["p"].get(word[:3], ()):
        if word.startswith(stem):
            nexts.append(pchild)
    for nxt in nexts:
        for term in nxt.get(_END, ()):
            if term.exact_case is None or tuple(raw[i + 1 - len(term.exact_case):i + 1]) == term.exact_case:
                found.append((i + 1, term))
        _walk(nxt, low, raw, i + 1, found)


def _hits(text: str, lex: Lexicon) -> Iterable[tuple[_Term, int, int]]:
    matches = list(_WORD.finditer(text))
    raw = [m.group() for m in matches]
    low = [w.lower() for w in raw]
    root = lex.trie
    words, prefixes = root["w"], root["p"]
    # the words some term starts with (most start none): found in one pass before walking the trie
    starts = [i for i, w in enumerate(low) if w in words or w[:3] in prefixes]
    reached = 0
    for i in starts:
        if i < reached:
            continue                      # inside a term already found
        found: list[tuple[int, _Term]] = []
        _walk(root, low, raw, i, found)
        if not found:
            continue
        end = max(e for e, _ in found)
        for e, term in found:
            if e == end:
                yield term, matches[i].start(), matches[end - 1].end()
                break
        reached = end


def issue_hits(text: str, *, lang: str = "en") -> list[IssueHit]:
    """Every issue term in ``text``: ``(code, start, end, term)``, in reading order."""
    lex = lexicon(lang if lang in ("en", *LANGUAGES) else "en")
    return [IssueHit(t.code, s, e, t.term) for t, s, e in _hits(text, lex)]


def issue_scores(text: str, *, lang: str = "en") -> dict[str, float]:
    """Summed term weights per issue code in ``text`` (OTHER included)."""
    lex = lexicon(lang if lang in ("en", *LANGUAGES) else "en")
    scores: dict[str, float] = {}
    for term, _, _ in _hits(text, lex):
        scores[term.code] = scores.get(term.code, 0.0) + term.weight
    return scores


def issues_in(text: str, *, lang: str = "en") -> tuple[str, ...]:
    """Issue codes of ``text``, most salient first; OTHER only when no other issue is found; ``()`` when the
    text has no issue term at all."""
    lex = lexicon(lang if lang in ("en", *LANGUAGES) else "en")
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    for term, start, _ in _hits(text, lex):
        scores[term.code] = scores.get(term.code, 0.0) + term.weight
        first.setdefault(term.code, start)
    return rank(scores, first, lex)


def rank(scores: dict[str, float], first: dict[str, int], lex: Lexicon | None = None) -> tuple[str, ...]:
    """Issues passing the threshold, by weight then first occurrence, OTHER only when alone."""
    lex = lex or lexicon()
    main = {c: s for c, s in scores.items() if c != lex.fallback and s >= lex.threshold}
    if not main:
        other = scores.get(lex.fallback, 0.0)
        return (lex.fallback,) if other >= lex.threshold else ()
    top = max(main.values())
    kept = [c for c, s in main.items() if s >= lex.relative * top]
    kept.sort(key=lambda c: (-main[c], first.get(c, 0)))
    return tuple(kept[: lex.limit])


def describe() -> dict[str, Any]:
    """The lexicon's rule id and size, for reports and ``--explain`` output."""
    lex = lexicon()
    return {"rule": lex.rule, "terms": len(lex.terms), "codes": sorted({t.code for t in lex.terms})}


__all__ = ["ISSUE_CODES", "IssueHit", "describe", "issue_hits", "issue_scores", "issues_in", "lexicon", "rank"]

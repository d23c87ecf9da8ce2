"""Issues of a passage (DESIGN §3): which questions of the relationship a sentence is about.

The lexicon is data (``data/issues/issues.yaml``): per issue code, terms with weights. :func:`issue_hits`
gives every term found, with its offsets, as evidence; :func:`issues_in` sums the weights per issue and
returns the issues that pass the lexicon's threshold, most salient first. OTHER (relations in general)
counts only when no other issue is found; a text with no issue term at all gives ``()``, so a caller can
fall back to the surrounding paragraph.

Matching ignores case except for terms written all in capitals (acronyms: "BTC", "CIS", "TAP"); a trailing
``*`` matches any ending; spaces and hyphens in a term match any run of spaces, line breaks or dashes.
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
_DASHES = r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2212]"


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
    exact_case: bool
    lang: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    pattern: re.Pattern[str]
    terms: tuple[_Term, ...]        # terms[k] belongs to regex group k + 1
    threshold: float
    relative: float
    limit: int
    fallback: str
    rule: str


def _term_regex(term: str) -> str:
    prefix = term.endswith("*")
    body = term[:-1] if prefix else term
    out = []
    for ch in body:
        if ch == " ":
            out.append(_DASHES + "+")
        elif ch == "-":
            out.append(_DASHES + "?")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    core = "".join(out)
    return rf"(?<!\w)({core}\w*)" if prefix else rf"(?<!\w)({core})(?!\w)"


def _exact_case(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@lru_cache(maxsize=4)
def lexicon(lang: str = "en") -> Lexicon:
    """The compiled issue lexicon for text in ``lang`` (cached)."""
    data = load_yaml(ISSUES_FILE)
    if not isinstance(data, dict):
        raise DataFileError(f"data/{ISSUES_FILE} is not a mapping", hint="restore the file from the repository")
    terms: list[_Term] = []
    for entry in load_entries(ISSUES_FILE):
        code = entry["id"].split(":", 1)[1]
        if code not in ISSUE_CODES:
            raise DataFileError(f"data/{ISSUES_FILE}: unknown issue code {code!r}",
                                hint=f"use one of {', '.join(ISSUE_CODES)}")
        for key, weight in (*WEIGHTS.items(), *((lg, 1.0) for lg in LANGUAGES)):
            if key in LANGUAGES and key != lang and lang != "all" and key != "ru":
                continue
            for raw in entry.get(key) or ():
                term = str(raw).strip()
                if term:
                    terms.append(_Term(code, term, weight, _exact_case(term), key if key in LANGUAGES else None))
    terms.sort(key=lambda t: -len(t.term.rstrip("*")))
    pattern = re.compile("|".join(_term_regex(t.term) for t in terms), re.IGNORECASE)
    fallback = str(data.get("fallback", "OTHER"))
    return Lexicon(pattern, tuple(terms), float(data.get("threshold", 1.0)), float(data.get("relative", 0.0)),
                   int(data.get("limit", 3)), fallback, f"issues.v{version_of(ISSUES_FILE)}")


def _hits(text: str, lex: Lexicon) -> Iterable[tuple[_Term, int, int]]:
    for m in lex.pattern.finditer(text):
        k = m.lastindex
        if k is None:
            continue
        term = lex.terms[k - 1]
        if term.exact_case and m.group(k) != term.term.rstrip("*") and not term.term.endswith("*"):
            continue
        yield term, m.start(k), m.end(k)


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

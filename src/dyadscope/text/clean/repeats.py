"""Step ``repeats``: paragraphs and lead sentences that a page shows twice; the first occurrence stays.

Runs on the rebuilt paragraphs (one blank line between them):

- **exact repeats**: a paragraph of six words or more whose normalised text (case, punctuation and
  spacing ignored) was seen before;
- **near repeats**: paragraphs of 15 words or more whose word-trigram sets overlap by 70% or more
  (paragraphs sharing two of their six smallest trigram hashes go into a datasketch MinHash LSH index;
  its candidates are confirmed by the exact Jaccard of the two sets);
- **lead sentences**: a short paragraph (one or two sentences) that opens one of the next two
  paragraphs — the standalone lead is dropped and the body paragraph stays whole;
- **pull quotes**: a short paragraph all of whose sentences also stand inside a longer paragraph, or whose
  words (eight to forty) stand in the same order inside a paragraph at least twice as long, or a short
  paragraph in quotation marks (three words or more, perhaps cut with an ellipsis and signed with a dash)
  whose pieces stand in order inside a paragraph at least twice as long.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .base import Edit, StepContext, StepResult, finish
from .data import rule_id

_PARA_RE = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
_TOKEN_RE = re.compile(r"[^\W_]+")
_SENT_RE = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"“‘«(\[]?[A-ZА-ЯЁ0-9])")
_MIN_EXACT_WORDS = 6
_MIN_NEAR_WORDS = 15
_MIN_QUOTE_WORDS = 8
_MAX_EXCERPT_WORDS = 40
_LSH_THRESHOLD = 0.6
_THRESHOLD = 0.7
_NUM_PERM = 64
_ANCHORS = 6
_VERSION = 1


@dataclass(frozen=True, slots=True)
class _Para:
    start: int
    end: int
    norm: str
    words: int


def _norm(s: str) -> str:
    return " ".join(_TOKEN_RE.findall(s.lower()))


def _key(s: str) -> bytes:
    return hashlib.blake2b(s.encode("utf-8"), digest_size=12).digest()


def _sentences(raw: str) -> list[str]:
    return [_norm(s) for s in _SENT_RE.split(raw) if s.strip()]


def _shingles(norm: str) -> set[bytes]:
    toks = norm.split()
    return {f"{a} {b} {c}".encode() for a, b, c in zip(toks, toks[1:], toks[2:])}


@cache
def _lsh_params() -> tuple[int, int]:
    """Bands and rows for the LSH index, tuned once for recall (a miss costs more than a check)."""
    from datasketch import MinHashLSH

    probe = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_NUM_PERM, weights=(0.2, 0.8))
    return probe.b, probe.r


@cache
def _permutations() -> tuple[Any, Any]:
    """The MinHash permutations and hashing scheme, drawn once (datasketch's default seed)."""
    from datasketch import MinHash

    template = MinHash(num_perm=_NUM_PERM)
    return template.permutations, template.scheme


def _anchors(shingles: set[bytes]) -> list[int]:
    """The few smallest shingle hashes: paragraphs that share none of them cannot be near repeats."""
    return sorted(map(zlib.crc32, shingles))[:_ANCHORS]


def _candidates(idx: list[int], shingles: dict[int, set[bytes]]) -> list[int]:
    """Paragraphs sharing two anchor hashes or more with another one, in text order (a cheap pre-filter)."""
    owners: dict[int, list[int]] = {}
    for i in idx:
        for h in _anchors(shingles[i]):
            owners.setdefault(h, []).append(i)
    pairs: Counter[tuple[int, int]] = Counter()
    for group in owners.values():
        if 1 < len(group) <= 50:
            for a, b in itertools.combinations(group, 2):
                pairs[(a, b)] += 1
    shared = {i for pair, n in pairs.items() if n >= 2 for i in pair}
    return [i for i in idx if i in shared]


def _near_duplicates(paras: Sequence[_Para], dropped: set[int]) -> dict[int, str]:
    """Later paragraphs that nearly repeat an earlier one.

    Paragraphs that share one of their smallest shingle hashes with another are indexed in a datasketch
    MinHash LSH; a candidate it returns is confirmed by the exact Jaccard similarity of the two shingle sets.
    """
    idx = [i for i, p in enumerate(paras) if p.words >= _MIN_NEAR_WORDS and i not in dropped]
    shingles = {i: _shingles(paras[i].norm) for i in idx}
    idx = _candidates([i for i in idx if shingles[i]], shingles)
    if len(idx) < 2:
        return {}
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_NUM_PERM, params=_lsh_params())
    permutations, scheme = _permutations()
    found: dict[int, str] = {}
    for i in idx:
        sh = shingles[i]
        mh = MinHash(num_perm=_NUM_PERM, permutations=permutations, scheme=scheme, hashfunc=zlib.crc32)
        mh.update_batch(sh)
        for cand in lsh.query(mh):
            other = shingles[int(cand)]
            if len(sh & other) / len(sh | other) >= _THRESHOLD:
                found[i] = rule_id("repeats", _VERSION, "near_duplicate_paragraph")
                break
        else:
            lsh.insert(str(i), mh)
    return found


def _excerpts(paras: Sequence[_Para], drop: dict[int, tuple[str, str]]) -> list[int]:
    """Short paragraphs (a pull quote) whose words stand, in the same order, inside a paragraph at least twice
    as long: an excerpt set apart from the body, often in quotation marks."""
    short = [i for i, p in enumerate(paras) if i not in drop and _MIN_QUOTE_WORDS <= p.words <= _MAX_EXCERPT_WORDS]
    long = [j for j, p in enumerate(paras) if j not in drop and p.words >= 2 * _MIN_QUOTE_WORDS]
    if not short or not long:
        return []
    starts, parts, pos = [], [], 0
    for j in long:                   # the long paragraphs in one string, each between spaces
        starts.append(pos)
        part = f" {paras[j].norm} |"
        parts.append(part)
        pos += len(part)
    big = "".join(parts)
    found = []
    for i in short:
        needle = f" {paras[i].norm} "
        at = big.find(needle)
        while at >= 0:
            j = long[bisect.bisect_right(starts, at) - 1]
            if j != i and paras[j].words >= 2 * paras[i].words:
                found.append(i)
                break
            at = big.find(needle, at + 1)
    return found


_OPEN_QUOTES = "\"“«„‘'"
_ATTRIBUTION_RE = re.compile(r"\s*[—–-]{1,2}\s*[^\W\d_][\w .'’-]{2,60}\Z")
_ELLIPSIS_RE = re.compile(r"\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*")
_MIN_QUOTED_WORDS = 3


def _quoted_excerpts(paras: Sequence[_Para], raws: Sequence[str], drop: dict[int, tuple[str, str]]) -> list[int]:
    """Short paragraphs set in quotation marks (a pull quote), perhaps cut with an ellipsis and signed with a
    dash ("“We have turned the page … together” — the president"), whose pieces all stand, in order, in one
    longer paragraph."""
    found = []
    for i, raw in enumerate(raws):
        body = raw.strip()
        if i in drop or not body or body[0] not in _OPEN_QUOTES or paras[i].words > _MAX_EXCERPT_WORDS:
            continue
        body = _ATTRIBUTION_RE.sub("", body)
        pieces = [_norm(piece) for piece in _ELLIPSIS_RE.split(body)]
        pieces = [piece for piece in pieces if piece]
        if not pieces or sum(len(piece.split()) for piece in pieces) < _MIN_QUOTED_WORDS:
            continue
        for j, p in enumerate(paras):
            if j == i or j in drop or p.words < 2 * paras[i].words:
                continue
            hay, at = f" {p.norm} ", 0
            for piece in pieces:
                at = hay.find(f" {piece} ", at)
                if at < 0:
                    break
                at += len(piece)
            else:
                found.append(i)
                break
    return found


def remove_repeats(text: str, ctx: StepContext) -> StepResult:
    """Drop repeated paragraphs, standalone lead sentences and pull quotes, keeping the body whole."""
    paras: list[_Para] = []
    raws: list[str] = []
    for m in _PARA_RE.finditer(text):
        raw = m.group()
        if not raw.strip():
            continue
        norm = _norm(raw)
        paras.append(_Para(m.start(), m.end(), norm, len(norm.split())))
        raws.append(raw)
    drop: dict[int, tuple[str, str]] = {}
    seen: set[bytes] = set()
    for i, p in enumerate(paras):
        key = _key(p.norm)
        if key in seen and p.words >= _MIN_EXACT_WORDS:
            drop[i] = ("repeated_paragraph", rule_id("repeats", _VERSION, "exact_paragraph"))
        seen.add(key)
    for i, rule in _near_duplicates(paras, set(drop)).items():
        drop.setdefault(i, ("repeated_paragraph", rule))
    sentences = [_sentences(raw) for raw in raws]
    for i, p in enumerate(paras):
        if i in drop or p.words < _MIN_EXACT_WORDS or len(sentences[i]) > 2:
            continue
        for j in range(i + 1, min(i + 3, len(paras))):
            if j not in drop and paras[j].words > p.words and paras[j].norm.startswith(p.norm + " "):
                drop[i] = ("repeated_sentence", rule_id("repeats", _VERSION, "lead_sentence"))
                break
    sentence_home: Counter[bytes] = Counter()
    for i, sents in enumerate(sentences):
        if i not in drop and paras[i].words >= 2 * _MIN_QUOTE_WORDS:
            for s in set(sents):
                sentence_home[_key(s)] += 1
    for i, sents in enumerate(sentences):
        p = paras[i]
        if i in drop or p.words < _MIN_QUOTE_WORDS or len(sents) > 3 or p.words >= 2 * _MIN_QUOTE_WORDS:
            continue
        if sents and all(sentence_home[_key(s)] >= 1 for s in sents if s):
            drop[i] = ("repeated_sentence", rule_id("repeats", _VERSION, "pull_quote"))
    for i in _excerpts(paras, drop):
        drop[i] = ("repeated_sentence", rule_id("repeats", _VERSION, "pull_quote_excerpt"))
    for i in _quoted_excerpts(paras, raws, drop):
        drop[i] = ("repeated_sentence", rule_id("repeats", _VERSION, "pull_quote_in_quotes"))
    edits = []
    for i, (kind, rule) in drop.items():
        p = paras[i]
        if text.startswith("\n\n", p.end):
            start, end = p.start, p.end + 2
        elif i > 0 and i - 1 not in drop and text.startswith("\n\n", p.start - 2):
            start, end = p.start - 2, p.end
        else:
            start, end = p.start, p.end
        edits.append(Edit(start, end, "", kind, rule))
    return finish(text, edits)

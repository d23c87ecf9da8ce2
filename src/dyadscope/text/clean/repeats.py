"""Step ``repeats``: paragraphs and lead sentences that a page shows twice; the first occurrence stays.

Runs on the rebuilt paragraphs (one blank line between them):

- **exact repeats**: a paragraph of six words or more whose normalised text (case, punctuation and
  spacing ignored) was seen before;
- **near repeats**: paragraphs of 15 words or more whose word-trigram sets overlap by 70% or more
  (candidates from datasketch MinHash LSH, confirmed by the exact Jaccard of the two sets);
- **lead sentences**: a short paragraph (one or two sentences) that opens one of the next two
  paragraphs — the standalone lead is dropped and the body paragraph stays whole;
- **pull quotes**: a short paragraph all of whose sentences also stand inside a longer paragraph.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .base import Edit, StepContext, StepResult, finish
from .data import rule_id

_PARA_RE = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
_TOKEN_RE = re.compile(r"[^\W_]+")
_SENT_RE = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"“‘«(\[]?[A-ZА-ЯЁ0-9])")
_MIN_EXACT_WORDS = 6
_MIN_NEAR_WORDS = 15
_MIN_QUOTE_WORDS = 8
_LSH_THRESHOLD = 0.6
_THRESHOLD = 0.7
_NUM_PERM = 64
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


def _shingles(norm: str) -> set[str]:
    toks = norm.split()
    return {" ".join(toks[i:i + 3]) for i in range(len(toks) - 2)}


def _near_duplicates(paras: Sequence[_Para], dropped: set[int]) -> dict[int, str]:
    """Later paragraphs that nearly repeat an earlier one (MinHash LSH candidates, exact Jaccard check)."""
    idx = [i for i, p in enumerate(paras) if p.words >= _MIN_NEAR_WORDS and i not in dropped]
    if len(idx) < 2:
        return {}
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_NUM_PERM, weights=(0.2, 0.8))
    sets: dict[int, set[str]] = {}
    found: dict[int, str] = {}
    for i in idx:
        sh = _shingles(paras[i].norm)
        if not sh:
            continue
        mh = MinHash(num_perm=_NUM_PERM)
        mh.update_batch([s.encode("utf-8") for s in sh])
        for cand in lsh.query(mh):
            j = int(cand)
            other = sets[j]
            jac = len(sh & other) / len(sh | other)
            if jac >= _THRESHOLD:
                found[i] = rule_id("repeats", _VERSION, "near_duplicate_paragraph")
                break
        else:
            lsh.insert(str(i), mh)
            sets[i] = sh
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

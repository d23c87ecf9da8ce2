"""Paragraphs and sentences of a cleaned document (stage ``segment``).

Paragraphs are separated by blank lines. Within a paragraph, sentences are cut after ``.``, ``!``, ``?``
or ``…`` (with any closing quotes or brackets) when the next token starts a sentence: an upper-case
letter, an opening quote or bracket (so a text set in capitals is cut like any other). A full stop after an
abbreviation listed in ``data/text/abbreviations.yaml`` (its own list for texts in capitals: "MR. ALIYEV") or
after a single capital (an initial) never ends a sentence. Sentences never cross paragraphs; the end of a
paragraph ends a sentence even without a full stop (a heading, a fragment). Tokenisation is spaCy's blank pipeline for the document language (English rules
for unknown languages), so the boundaries agree with the tokens later stages match on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from ..lexicon import load_yaml
from ..records import Sentence

_PARA_RE = re.compile(r"\n[ \t\u00a0]*\n\s*")
_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]"})
_OPENERS = frozenset({'"', "“", "‘", "«", "(", "[", "'"})


@cache
def _abbreviations() -> frozenset[str]:
    data = load_yaml("text/abbreviations.yaml")
    return frozenset(str(a) for key in ("always", "capitals") for a in data.get(key) or ())


@lru_cache(maxsize=4)
def tokenizer(lang: str = "en") -> Any:
    """A blank spaCy pipeline for ``lang`` (falls back to English), used for tokens only."""
    import spacy

    try:
        return spacy.blank(lang if lang in ("en", "ru", "tr", "az") else "en")
    except (ImportError, OSError, KeyError):  # pragma: no cover - languages ship with spaCy
        return spacy.blank("en")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: runs of text between blank lines, trimmed of surrounding space."""
    pos = 0
    for m in _PARA_RE.finditer(text):
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _starts_sentence(t: str) -> bool:
    return bool(t) and (t[0].isupper() or t[0] in _OPENERS)


def _is_boundary(words: list[str], spaced: list[bool], i: int, abbreviations: frozenset[str]) -> bool:
    """Does token i (a sentence-final punctuation mark, or a word ending in '.') end a sentence?"""
    t = words[i]
    if t in _FINAL:
        if t == "." and i > 0:
            prev = words[i - 1]
            if not spaced[i - 1] and (prev in abbreviations or (len(prev) == 1 and prev.isupper())):
                return False
        return True
    return False


def sentence_spans(text: str, start: int, end: int, lang: str = "en") -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within text[start:end]."""
    nlp = tokenizer(lang)
    para = text[start:end]
    doc = nlp.make_doc(para)
    abbreviations = _abbreviations()
    # one pass over the tokens: spaCy builds a Token object on every access, so read each once
    words: list[str] = []
    spaced: list[bool] = []
    idxs: list[int] = []
    for tok in doc:
        words.append(tok.text)
        spaced.append(bool(tok.whitespace_))
        idxs.append(tok.idx)
    spans: list[tuple[int, int]] = []
    sent_start = 0
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        final = _is_boundary(words, spaced, i, abbreviations)
        if not final and w.endswith(".") and len(w) > 1 and w[:-1] not in abbreviations:
            # a token that swallowed its full stop ("etc.", "U.S."): a boundary only before a clear start
            final = "." not in w[:-1] and len(w) > 3
        if final:
            j = i + 1
            while j < n and words[j] in _CLOSERS:
                j += 1
            if j >= n:
                break
            if _starts_sentence(words[j]) and (spaced[j - 1] or words[j] in _OPENERS):
                spans.append((sent_start, idxs[j - 1] + len(words[j - 1])))
                sent_start = idxs[j]
                i = j
                continue
        i += 1
    spans.append((sent_start, len(para)))
    out = []
    for s, e in spans:
        seg = para[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((start + s + ls, start + s + rs))
    return out


def segment(doc_id: str, text: str, lang: str | None = "en") -> list[Sentence]:
    """All sentences of a cleaned text, with paragraph indexes and offsets."""
    out: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs(text)):
        for s, e in sentence_spans(text, p_start, p_end, lang or "en"):
            out.append(Sentence(doc_id=doc_id, index=len(out), paragraph=p_index, start=s, end=e, text=text[s:e]))
    return out

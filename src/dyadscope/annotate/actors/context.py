"""Mentions the document as a whole makes clear (rule set ``actors.v1``, rules ``named_earlier``,
``cable_embassy`` and ``cable_host``).

The matcher reads one sentence at a time. Two things need the whole document:

- **names introduced by a role**: "Azerbaijani Deputy Foreign Minister Araz Azimov … Azimov said" — a name
  that follows a role mention and is in no dictionary is remembered, and its later occurrences (the surname
  alone) are mentions of the same actor [``named_earlier``];
- **diplomatic cables** (a document whose outlet the ingester read from a cable's origin line, "US Embassy
  Baku"): the embassy's side is named by its staff ("the Ambassador", "the Charge", "the DCM") and "us"
  [``cable_embassy``]; a government role or body with no state word ("Deputy Foreign Minister …", "the MFA",
  "a senior Foreign Ministry official") belongs to the host state, the state of the embassy's city
  [``cable_host``].

The words are data: ``cable_embassy_words`` and ``cable_pronouns`` in ``data/actors/context.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ...records import Document, Mention, Sentence
from .dictionary import dictionary
from .matcher import RULESET, compiled, find
from .trie import longest, tokenize

#: a capitalised name of one to three words right after a role ("Araz Azimov", "Elshad Nasirov")
_NAME_RE = re.compile(r"\s*,?\s*((?:[A-Z][a-z'’\-]+\s+){0,2}[A-Z][a-z'’\-]{2,})")
#: metadata bases that mark a diplomatic cable
_CABLE_BASES = frozenset({"cable_origin", "cable_dtg", "cable_subject", "cable_signature"})
#: role words that stand for either side in a cable (envoys, mediators): never taken as the host's
_NOT_HOST = frozenset({"ambassador", "special_envoy"})
#: words before a role that make it someone else's or several states' ("the two presidents", "his minister")
_NOT_AFTER = frozenset({"two", "three", "four", "both", "his", "her", "its", "their", "other", "whose", "all",
                        "former", "ex", "another", "each"})


@dataclass(frozen=True, slots=True)
class CableSides:
    sender: str | None                # the embassy's state ("US Embassy Baku" -> USA)
    host: str | None                  # the state of the embassy's city (-> AZE)


@cache
def _words() -> tuple[tuple[str, ...], frozenset[str]]:
    ctx = dictionary().context
    embassy = tuple(sorted((str(w) for w in ctx.get("cable_embassy_words") or ()), key=len, reverse=True))
    pronouns = frozenset(str(w) for w in ctx.get("cable_pronouns") or ())
    return embassy, pronouns


def cable_sides(document: Document) -> CableSides | None:
    """The two sides of a cable (from its outlet), or None when the document is not a cable."""
    bases = set(document.metadata_basis.values()) | {document.published_basis}
    if not bases & _CABLE_BASES or not document.outlet:
        return None
    found = [f for f in find(document.outlet) if f.actor or f.kind in ("capital", "place")]
    codes = [f.actor for f in found if f.actor]
    if len(codes) < 2:
        return None
    return CableSides(sender=codes[0], host=codes[-1])


def _covered(mentions: Sequence[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _mention(doc_id: str, s: Sentence, start: int, end: int, actor: str, rule: str, kind: str,
             person: str | None = None, entry_id: str = "") -> Mention:
    return Mention(doc_id=doc_id, sentence=s.index, start=start, end=end, text=s.text[start - s.start:end - s.start],
                   actor=actor, entry_id=entry_id or f"actors/context:{rule}", person=person,
                   detail=None, kind=kind, rule=f"{RULESET}:{rule}")


def _host_roles(s: Sentence, mentions: Sequence[Mention], host: str, doc_id: str) -> list[Mention]:
    """Government role or body words with no state word, in a cable: the host state's."""
    comp = compiled("en")
    tok = tokenize(s.text)
    out: list[Mention] = []
    i = 0
    while i < len(tok):
        hit = longest(comp.heads, tok.lower, i) if tok.lower[i] in comp.heads else None
        if hit is None:
            i += 1
            continue
        head = hit.payloads[0][0]
        start, end = s.start + tok.starts[hit.start], s.start + tok.ends[hit.end - 1]
        before = tok.lower[hit.start - 1] if hit.start > 0 else ""
        if head.kind in ("role", "body") and head.sector not in (None, "MED", "REB", "CVL", "OPP") \
                and head.head_id not in _NOT_HOST and before not in _NOT_AFTER and not before.isdigit() \
                and not _covered(mentions, start, end) and not _covered(out, start, end):
            out.append(_mention(doc_id, s, start, end, host, "cable_host", head.kind))
        i = hit.end
    return out


def _embassy(s: Sentence, mentions: Sequence[Mention], sender: str, doc_id: str) -> list[Mention]:
    embassy, pronouns = _words()
    out: list[Mention] = []
    for phrase in embassy:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", s.text):
            start, end = s.start + m.start(), s.start + m.end()
            if not _covered(mentions, start, end) and not _covered(out, start, end):
                out.append(_mention(doc_id, s, start, end, sender, "cable_embassy", "body"))
    for m in re.finditer(r"\b(\w+)\b", s.text):
        if m.group(1) in pronouns:
            start, end = s.start + m.start(), s.start + m.end()
            if not _covered(mentions, start, end):
                out.append(_mention(doc_id, s, start, end, sender, "cable_embassy", "body"))
    return out


def document_mentions(document: Document, sentences: Sequence[Sentence],
                      mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions that only the whole document makes clear (see the module doc), not overlapping ``mentions``."""
    sides = cable_sides(document)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    known: dict[str, tuple[str, str | None]] = {}        # surname -> (actor, person)
    extra: list[Mention] = []
    for s in sentences:
        here = list(by_sentence.get(s.index, []))
        if sides is not None and sides.sender:
            found = _embassy(s, here, sides.sender, document.doc_id)
            here.extend(found)
            extra.extend(found)
        if sides is not None and sides.host:
            found = _host_roles(s, here, sides.host, document.doc_id)
            here.extend(found)
            extra.extend(found)
        for m in here:                                   # names right after a role: remember them
            if m.kind == "role" and m.actor and m.person is None:
                after = _NAME_RE.match(s.text, m.end - s.start)
                if after:
                    name = after.group(1)
                    surname = name.split()[-1]
                    if not dictionary_name(surname):
                        known[surname] = (m.actor, name)
        for surname, (actor, name) in known.items():
            for hit in re.finditer(rf"\b{re.escape(surname)}\b", s.text):
                start, end = s.start + hit.start(), s.start + hit.end()
                if not _covered(here, start, end):
                    new = _mention(document.doc_id, s, start, end, actor, "named_earlier", "person", person=name)
                    here.append(new)
                    extra.append(new)
    return extra


def dictionary_name(word: str) -> bool:
    """Is ``word`` a name the dictionary knows (then the matcher finds it itself)?"""
    return word in compiled("en").names

"""Source profiles: how each document speaks of the actors, which issues it covers, and its mix of
cooperation and conflict.

**Stance** comes from evaluative words near actor mentions (``data/stance/lexicon.yaml``, where the rules
are documented): each term within ``window`` words of a mention in the same sentence counts for the
nearest mention, signed by its weight, flipped by a negator just before it, scaled by an intensifier or
diminisher; words inside quotation marks, and words ending a hyphenated compound, do not count. Per actor,
the **score** is the sum of the counted terms' weights divided by (terms + ``SMOOTHING``): the mean
evaluation (−3 … +3) shrunk toward zero when it rests on few words; the counts behind it (mentions,
positive and negative terms, the strongest terms) travel with it so thin evidence is visible.

**Issues** are counted from the document's events (``Event.issues``), and weighed over its whole text with the
issues lexicon (``dyadscope.annotate.issues.issue_scores``: summed term weights per issue), so a document
that discusses an issue without reporting events about it still shows it. The **quad mix** is the share of
its happened events (modality asserted or reported) in each quad class.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..annotate.issues import issue_scores
from ..lexicon import load_entries, load_yaml
from ..records import HAPPENED, Document, Event, Mention, Sentence

__all__ = ["SMOOTHING", "ActorStance", "SourceProfile", "profile_document", "stance_terms"]

DATA = "stance/lexicon.yaml"
SMOOTHING = 3.0
_WORD = re.compile(r"[\w'’-]+")
_QUOTED = re.compile(r"[\"“«][^\"”»]{1,80}[\"”»]")


@dataclass(frozen=True, slots=True)
class StanceTerm:
    """One evaluative term counted for one mention."""

    actor: str
    term: str
    entry: str
    weight: float               # after negation and intensifiers
    sentence: int
    start: int                  # offsets of the term in the document text
    end: int


@dataclass(frozen=True, slots=True)
class ActorStance:
    actor: str
    score: float                # sum of weights / (terms + SMOOTHING)
    mentions: int
    positive: int
    negative: int
    total: float                # the plain sum of weights
    top_terms: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class SourceProfile:
    doc: str
    doc_id: str
    title: str | None
    stance: dict[str, ActorStance] = field(default_factory=dict)
    issues: dict[str, int] = field(default_factory=dict)          # happened-or-not events per issue
    issue_terms: dict[str, float] = field(default_factory=dict)   # lexicon weight per issue in the text
    quads: dict[int, int] = field(default_factory=dict)
    happened_events: int = 0

    def quad_shares(self) -> dict[int, float]:
        n = sum(self.quads.values())
        return {q: (self.quads.get(q, 0) / n if n else 0.0) for q in (1, 2, 3, 4)}

    def net_cooperation(self) -> float | None:
        """((q1 + q2) − (q3 + q4)) / n over the document's happened events; None without events."""
        n = sum(self.quads.values())
        if not n:
            return None
        return (self.quads.get(1, 0) + self.quads.get(2, 0) - self.quads.get(3, 0) - self.quads.get(4, 0)) / n


@dataclass(frozen=True, slots=True)
class _Lexicon:
    terms: re.Pattern[str]                      # any term (one non-capturing alternation: fast)
    entries: tuple[tuple[re.Pattern[str], str, float], ...]   # which term it is: (full match, id, weight)
    negators: re.Pattern[str]
    scale: dict[str, float]
    window: int
    reach: int


@cache
def _lexicon() -> _Lexicon:
    data: dict[str, Any] = load_yaml(DATA)
    parts, entries = [], []
    for e in load_entries(DATA, required=("text", "weight")):
        text = str(e["text"])
        body = re.escape(text[:-1]) + r"\w*" if text.endswith("*") else text
        parts.append(body)
        entries.append((re.compile(body, re.IGNORECASE), str(e["id"]), float(e["weight"])))
    negs = "|".join(re.escape(n) for n in sorted(data["negators"], key=len, reverse=True))
    scale = {str(k).lower(): float(v) for k, v in {**data["intensifiers"], **data["diminishers"]}.items()}
    alternation = "|".join(sorted(parts, key=len, reverse=True))
    return _Lexicon(terms=re.compile(rf"\b(?=\w)(?:{alternation})\b", re.IGNORECASE), entries=tuple(entries),
                    negators=re.compile(rf"(?:\b|(?<=\w))(?:{negs})\b", re.IGNORECASE), scale=scale,
                    window=int(data["window"]), reach=int(data["negation_reach"]))


@cache
def _entry(term: str) -> tuple[str, float]:
    """The lexicon entry a found term belongs to (the first whose pattern matches all of it)."""
    for rx, entry, weight in _lexicon().entries:
        if rx.fullmatch(term):
            return entry, weight
    return "", 0.0


def _word_index(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def _position(words: list[tuple[int, int]], offset: int) -> int:
    return bisect.bisect_right([b for _, b in words], offset)


def stance_terms(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[StanceTerm]:
    """Every evaluative term counted for an actor mention, in text order."""
    lex = _lexicon()
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.actor:
            by_sentence.setdefault(m.sentence, []).append(m)
    out = []
    for s in sentences:
        ms = by_sentence.get(s.index)
        if not ms:
            continue
        text = s.text
        words = _word_index(text)
        quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
        spots = [(_position(words, m.start - s.start), m) for m in ms]
        for hit in lex.terms.finditer(text):
            if any(a <= hit.start() < b for a, b in quoted):
                continue
            if any(m.start - s.start <= hit.start() < m.end - s.start for m in ms):
                continue  # the term is part of a name ("Allied Forces")
            if hit.start() > 0 and text[hit.start() - 1] == "-" and "-" not in hit.group(0):
                continue  # the end of a compound ("counter-terrorist")
            entry, weight = _entry(hit.group(0))
            pos = _position(words, hit.start())
            near = min(spots, key=lambda pm: (abs(pm[0] - pos), pm[0] > pos))
            if abs(near[0] - pos) > lex.window:
                continue
            before = [text[a:b].lower() for a, b in words[max(0, pos - lex.reach):pos]]
            if lex.negators.search(" ".join(before)):
                weight = -weight
            if before and before[-1] in lex.scale:
                weight *= lex.scale[before[-1]]
            out.append(StanceTerm(actor=near[1].actor or "", term=hit.group(0), entry=entry, weight=weight,
                                  sentence=s.index, start=s.start + hit.start(), end=s.start + hit.end()))
    return out


def _stance(actor: str, terms: list[StanceTerm], mentions: int) -> ActorStance:
    total = sum(t.weight for t in terms)
    strongest: dict[str, float] = defaultdict(float)
    for t in terms:
        strongest[t.term.lower()] += t.weight
    top = tuple(sorted(strongest.items(), key=lambda kv: -abs(kv[1]))[:6])
    return ActorStance(actor=actor, score=total / (len(terms) + SMOOTHING), mentions=mentions,
                       positive=sum(1 for t in terms if t.weight > 0), negative=sum(1 for t in terms if t.weight < 0),
                       total=total, top_terms=top)


def profile_document(document: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                     events: Iterable[Event] = (), *, actors: Sequence[str] = (), min_mentions: int = 5
                     ) -> SourceProfile:
    """The profile of one document: stance toward ``actors`` (and any actor mentioned ``min_mentions``
    times or more), issue counts and quad mix of its happened events."""
    terms = stance_terms(sentences, mentions)
    counts = Counter(m.actor for m in mentions if m.actor)
    wanted = [a for a in actors] + [a for a, n in counts.most_common() if n >= min_mentions and a not in actors]
    stance = {a: _stance(a, [t for t in terms if t.actor == a], counts.get(a, 0)) for a in wanted}
    evs = list(events)
    issues = Counter(i for e in evs for i in e.issues)
    happened = [e for e in evs if e.modality in HAPPENED and e.quad]
    quads = Counter(int(e.quad) for e in happened if e.quad)
    by_issue = issue_scores(document.text, lang=document.language or "en")
    return SourceProfile(doc=document.doc, doc_id=document.doc_id, title=document.title, stance=stance,
                         issues=dict(issues.most_common()),
                         issue_terms=dict(sorted(by_issue.items(), key=lambda kv: (-kv[1], kv[0]))),
                         quads={q: quads.get(q, 0) for q in (1, 2, 3, 4)},
                         happened_events=len(happened))

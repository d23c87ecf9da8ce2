"""Stories: one real-world event seen in one or more sentences or documents (pure functions).

Mentions (events) become one story when all of these hold:

- **the same dyad**: the same directed (source, target), or either direction when both the story and the
  mention are of a symmetric type (a meeting, an agreement, cooperation, the signing of an agreement) —
  ``data/resolve/compatible.yaml``;
- **compatible types**: the same PLOVER type, or types in one group of the compatibility table;
- **dates**: the mention's date overlaps the date of one of the story's mentions (a day inside a year counts:
  "1993" and "20 September 1993" overlap at the coarser precision), and the words agree enough for that
  precision (``overlap`` in ``data/resolve/similarity.yaml``; same day needs nothing more, same year needs
  more). A mention whose date overlaps none of the story's still joins it when everything else matches
  strongly — same type, another document, dates close, high word agreement — and the story is marked
  ``date_conflict`` (one document says 1993, another 1992 for the same refusal): a contradiction to show, not
  a reason to split;
- **the same agent**: when a mention and the story both name the person acting for the source side, it is
  the same person (Rogozin's visit and Ivanov's visit in one month are two stories);
- **undated mentions** join the single story that matches strongly (same type, high word agreement, clearly
  ahead of any other) or, for a rare act (a coup, an occupation), the only story of that type between the same
  actors that shares an issue, when other documents tell it; otherwise they form stories of their own.

Only events that happened (modality ``asserted`` or ``reported``) form stories. Mentions are blocked by
(type group, unordered actor pair) and compared only within a block, in date order; a story whose dates lie
further back than any later mention could reach leaves the active set, so the work per mention stays small.
A story keeps every mention (``event_ids``); ``num_mentions`` counts them, ``num_sources`` counts distinct
documents, ``docs`` names those documents (file names). Its date is the one most documents support (ties: more
mentions, then the finer precision, then the earlier date).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..errors import DataFileError
from ..lexicon import load_yaml, version_of
from ..records import HAPPENED, PLOVER_TYPES, Contradiction, Event, Story
from .intervals import ORDER, Interval, gap_days, overlaps, rank, span

RULESET = "resolve.stories"

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Config:
    """The story rules, from ``data/resolve/compatible.yaml`` and ``data/resolve/similarity.yaml``."""

    group_of: dict[str, str]
    symmetric: dict[str, tuple[str, ...]]     # type -> trigger stems that make it symmetric (() = always)
    weights: tuple[float, float, float]       # trigger, issues, context
    overlap: dict[str, float]
    conflict_score: float
    conflict_gap_days: int
    undated_score: float
    undated_margin: float
    undated_context: float
    stopwords: frozenset[str]
    suffixes: tuple[str, ...]
    min_stem: int
    rare_types: frozenset[str]
    rare_relief: float
    synonyms: tuple[tuple[str, str], ...]     # (word or stem, group id), longest first
    version: int


def _need(data: Any, key: str, name: str) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise DataFileError(f"data/resolve/{name} lacks '{key}'", hint="restore the file from the repository")
    return data[key]


@cache
def config() -> Config:
    """The story rules (cached)."""
    comp = load_yaml("resolve/compatible.yaml")
    sim = load_yaml("resolve/similarity.yaml")
    group_of: dict[str, str] = {}
    for entry in _need(comp, "compatible", "compatible.yaml"):
        for t in entry["types"]:
            if t not in PLOVER_TYPES:
                raise DataFileError(f"data/resolve/compatible.yaml: {entry['id']} names unknown type {t!r}",
                                    hint=f"use one of {', '.join(PLOVER_TYPES)}")
            if t in group_of:
                raise DataFileError(f"data/resolve/compatible.yaml: {t} is in two groups",
                                    hint="put each type in at most one group")
            group_of[t] = str(entry["id"])
    symmetric = {str(e["type"]): tuple(str(s) for s in e.get("triggers", ()))
                 for e in _need(comp, "symmetric", "compatible.yaml")}
    w = _need(sim, "weights", "similarity.yaml")
    conflict = _need(sim, "conflict", "similarity.yaml")
    undated = _need(sim, "undated", "similarity.yaml")
    return Config(
        group_of=group_of, symmetric=symmetric,
        weights=(float(w["trigger"]), float(w["issues"]), float(w["context"])),
        overlap={str(k): float(v) for k, v in _need(sim, "overlap", "similarity.yaml").items()},
        conflict_score=float(conflict["min_score"]), conflict_gap_days=int(conflict["max_gap_days"]),
        undated_score=float(undated["min_score"]), undated_margin=float(undated["margin"]),
        undated_context=float(undated.get("min_context", 0.0)),
        stopwords=frozenset(str(s) for s in _need(sim, "stopwords", "similarity.yaml")),
        suffixes=tuple(sorted((str(s) for s in _need(sim, "suffixes", "similarity.yaml")), key=len, reverse=True)),
        min_stem=int(sim.get("min_stem", 3)),
        rare_types=frozenset(str(t) for t in sim.get("rare_types", {}).get("types", ())),
        rare_relief=float(sim.get("rare_types", {}).get("relief", 0.0)),
        synonyms=tuple(sorted(((str(w), f"~{g['id']}") for g in sim.get("synonyms", ()) for w in g["words"]),
                              key=lambda p: len(p[0]), reverse=True)),
        version=min(version_of("resolve/compatible.yaml"), version_of("resolve/similarity.yaml")),
    )


def rule_id() -> str:
    """``"resolve.stories.v1"``: the version is that of the two data files."""
    return f"{RULESET}.v{config().version}"


def words(text: str | None, cfg: Config | None = None) -> frozenset[str]:
    """Content-word stems of ``text``: lower case, no stop words, common suffixes stripped."""
    if not text:
        return frozenset()
    cfg = cfg or config()
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in cfg.stopwords or len(w) < 2:
            continue
        raw = w
        for suf in cfg.suffixes:
            if w.endswith(suf) and len(w) - len(suf) >= cfg.min_stem:
                w = w[: -len(suf)]
                break
        for entry, group in cfg.synonyms:
            if w == entry or raw == entry or (len(entry) >= 6 and raw.startswith(entry)):
                w = group
                break
        out.add(w)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Item:
    """One mention reduced to what story identity needs."""

    event_id: str
    doc_id: str
    doc: str
    plover: str
    source: str | None
    target: str | None
    date: tuple[str | None, str | None, str | None]   # date_start, date_end, precision
    when: Interval | None
    trigger: str
    trigger_words: frozenset[str]
    issues: frozenset[str]
    context: frozenset[str]
    symmetric: bool
    sentence: str
    person: str | None = None          # the person acting for the source, when the text names one


def item(event: Event, cfg: Config | None = None) -> Item:
    cfg = cfg or config()
    trig = words(event.trigger, cfg)
    stems = cfg.symmetric.get(event.plover)
    symmetric = stems is not None and (not stems or any(w.startswith(stems) for w in
                                                          _WORD.findall(event.trigger.lower())))
    names = words(" ".join(x for x in (event.source_text, event.target_text, event.source_person,
                                       event.target_person) if x), cfg)
    return Item(event_id=event.event_id or event.with_id().event_id, doc_id=event.doc_id, doc=event.doc,
                plover=event.plover, source=event.source, target=event.target,
                date=(event.date_start, event.date_end, event.date_precision),
                when=span(event.date_start, event.date_end, event.date_precision),
                trigger=event.trigger, trigger_words=trig, issues=frozenset(event.issues),
                context=words(event.sentence, cfg) - names - trig, symmetric=symmetric, sentence=event.sentence,
                person=event.source_person)


def block_key(it: Item, cfg: Config) -> tuple[str, str, str]:
    a, b = it.source or "", it.target or ""
    lo, hi = (a, b) if a <= b else (b, a)
    return cfg.group_of.get(it.plover, it.plover), lo, hi


@dataclass
class _DateGroup:
    when: Interval | None
    precision: str | None
    docs: set[str] = field(default_factory=set)
    mentions: int = 0
    first: tuple[str, str] = ("", "")            # (doc, sentence) of the first mention with this date


@dataclass
class _Cluster:
    """A story being built (local mutable state of one resolution run)."""

    event_ids: list[str] = field(default_factory=list)
    docs: dict[str, str] = field(default_factory=dict)        # doc_id -> doc
    types: Counter[str] = field(default_factory=Counter)
    directions: Counter[tuple[str | None, str | None]] = field(default_factory=Counter)
    triggers: Counter[str] = field(default_factory=Counter)
    symmetric: bool = True
    trigger_words: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    issues: Counter[str] = field(default_factory=Counter)
    dates: dict[tuple[str | None, str | None, str | None], _DateGroup] = field(default_factory=dict)
    hi: Any = None                                            # latest day any dated mention reaches
    persons: dict[str | None, set[str]] = field(default_factory=dict)   # actor code -> persons acting for it

    def add(self, it: Item) -> None:
        self.event_ids.append(it.event_id)
        self.docs.setdefault(it.doc_id, it.doc)
        self.types[it.plover] += 1
        self.directions[(it.source, it.target)] += 1
        self.triggers[it.trigger] += 1
        self.symmetric = self.symmetric and it.symmetric
        self.trigger_words |= it.trigger_words
        self.context |= it.context
        self.issues.update(it.issues)
        if it.person:
            self.persons.setdefault(it.source, set()).add(it.person)
        if it.when is not None:
            group = self.dates.get(it.date)
            if group is None:
                group = self.dates[it.date] = _DateGroup(it.when, it.date[2], first=(it.doc, it.sentence))
            group.docs.add(it.doc_id)
            group.mentions += 1
            self.hi = it.when[1] if self.hi is None or it.when[1] > self.hi else self.hi

    def direction_ok(self, it: Item) -> bool:
        named = self.persons.get(it.source)
        if it.person and named and it.person not in named:
            return False  # another person acting for the same side: another act
        if (it.source, it.target) in self.directions:
            return True
        return it.symmetric and self.symmetric and (it.target, it.source) in self.directions

    def context_share(self, it: Item) -> float:
        """The share of the mention's sentence words that the story's sentences use."""
        return len(it.context & self.context) / len(it.context) if it.context else 0.0

    def score(self, it: Item, cfg: Config) -> float:
        wt, wi, wc = cfg.weights
        trig = len(it.trigger_words & self.trigger_words) / len(it.trigger_words) if it.trigger_words else 0.0
        issues = set(self.issues)
        if not it.issues and not issues:
            iss = 0.5
        else:
            iss = len(it.issues & issues) / len(it.issues | issues)
        ctx = self.context_share(it)
        return wt * trig + wi * iss + wc * ctx

    def main_type(self) -> str:
        return max(self.types, key=lambda t: (self.types[t], -PLOVER_TYPES.index(t) if t in PLOVER_TYPES else -99))


@dataclass(frozen=True, slots=True)
class Resolution:
    """What resolution found: the stories, and a contradiction for every story whose sources disagree on the date."""

    stories: list[Story]
    contradictions: list[Contradiction]


def _order(it: Item) -> tuple[Any, ...]:
    return (it.when is None, it.when[0] if it.when else None, it.when[1] if it.when else None, it.doc_id,
            it.event_id)


class _Block:
    def __init__(self) -> None:
        self.active: list[_Cluster] = []
        self.done: list[_Cluster] = []
        self.by_word: dict[str, list[_Cluster]] | None = None

    def clusters(self) -> Iterator[_Cluster]:
        yield from self.done
        yield from self.active


def _place_dated(block: _Block, it: Item, cfg: Config) -> None:
    assert it.when is not None
    keep = []
    for c in block.active:  # clusters no later mention can reach leave the active set
        if c.hi is not None and (it.when[0] - c.hi).days > cfg.conflict_gap_days:
            block.done.append(c)
        else:
            keep.append(c)
    block.active = keep
    best: tuple[float, _Cluster] | None = None
    conflict: tuple[float, _Cluster] | None = None
    relief = cfg.rare_relief if it.plover in cfg.rare_types else 0.0
    for c in block.active:
        if not c.direction_ok(it):
            continue
        s = c.score(it, cfg)
        fits = [g for g in c.dates.values() if overlaps(g.when, it.when)]
        if fits:
            finest = min(max(rank(g.precision), rank(it.date[2])) for g in fits)
            need = cfg.overlap.get(ORDER[finest] if finest < len(ORDER) else "century", 1.0) - relief
            if s >= need and (best is None or s > best[0]):
                best = (s, c)
        elif (c.dates and c.main_type() == it.plover and it.doc_id not in c.docs and s >= cfg.conflict_score
              and min(gap_days(g.when, it.when) for g in c.dates.values() if g.when) <= cfg.conflict_gap_days
              and (conflict is None or s > conflict[0])):
            conflict = (s, c)
    chosen = best or conflict
    if chosen is not None:
        chosen[1].add(it)
        return
    c = _Cluster()
    c.add(it)
    block.active.append(c)


def _place_undated(block: _Block, it: Item, cfg: Config) -> None:
    if block.by_word is None:
        block.by_word = {}
        for c in block.clusters():
            for w in c.trigger_words:
                block.by_word.setdefault(w, []).append(c)
    rare = it.plover in cfg.rare_types
    pool = block.clusters() if rare else (c for w in it.trigger_words for c in block.by_word.get(w, ()))
    candidates = {id(c): c for c in pool if c.main_type() == it.plover and c.direction_ok(it)}
    scored = sorted(((c.score(it, cfg), n, c) for n, c in enumerate(candidates.values())),
                    key=lambda x: (-x[0], x[1]))
    target: _Cluster | None = None
    if scored:
        best = scored[0][2]
        # the relief for rare acts holds across documents; within one, an author telling two acts apart wins
        relief = cfg.rare_relief if rare and it.doc_id not in best.docs else 0.0
        if scored[0][0] >= cfg.undated_score - relief and best.context_share(it) >= cfg.undated_context and (
                len(scored) == 1 or scored[0][0] - scored[1][0] >= cfg.undated_margin):
            target = best
    if target is None and rare and it.issues:
        # a rare act with the same actors, type and issue as exactly one story told by other documents
        sharing = [c for c in candidates.values() if it.issues & set(c.issues)]
        sharing = [c for c in sharing if it.doc_id not in c.docs] if len(sharing) == 1 else []
        if len(sharing) == 1:
            target = sharing[0]
    if target is None:
        target = _Cluster()
        block.active.append(target)
    target.add(it)
    for w in it.trigger_words:
        lst = block.by_word.setdefault(w, [])
        if target not in lst:
            lst.append(target)


def resolve(events: Iterable[Event], *, ordered: bool = False) -> Resolution:
    """Group the events that happened into stories (see the module docstring).

    ``ordered=True`` says the events already come in date order (undated last) — as
    ``Store.events()`` yields them — so they are streamed rather than sorted in memory.
    """
    cfg = config()
    items: Iterable[Item] = (item(e, cfg) for e in events if e.modality in HAPPENED)
    if not ordered:
        items = sorted(items, key=_order)
    blocks: dict[tuple[str, str, str], _Block] = {}
    last = None
    for it in items:
        key = (it.when is None, it.when[0] if it.when else None)
        if ordered and last is not None and _later(last, key):
            raise ValueError("resolve(ordered=True) got events out of date order; pass ordered=False")
        last = key
        block = blocks.setdefault(block_key(it, cfg), _Block())
        if it.when is not None:
            _place_dated(block, it, cfg)
        else:
            _place_undated(block, it, cfg)
    stories: list[Story] = []
    contradictions: list[Contradiction] = []
    for block in blocks.values():
        for c in block.clusters():
            story, found = _finish(c, cfg)
            stories.append(story)
            contradictions.extend(found)
    stories.sort(key=lambda s: (s.date_start is None, s.date_start or "", s.story_id))
    return Resolution(stories, contradictions)


def _later(a: tuple[bool, Any], b: tuple[bool, Any]) -> bool:
    if a[0] != b[0]:
        return a[0] and not b[0]
    return not a[0] and a[1] > b[1]


def _label(date: tuple[str | None, str | None, str | None]) -> str:
    start, end, _ = date
    return f"{start}/{end}" if end and end != start else str(start)


def _finish(c: _Cluster, cfg: Config) -> tuple[Story, list[Contradiction]]:
    direction = max(c.directions, key=lambda d: c.directions[d])
    plover = c.main_type()
    story_id = "st" + hashlib.sha1(min(c.event_ids).encode()).hexdigest()[:14]
    agreed: tuple[str | None, str | None, str | None] = (None, None, None)
    conflicts: list[tuple[tuple[str | None, str | None, str | None], _DateGroup]] = []
    if c.dates:
        def support(key: tuple[str | None, str | None, str | None]) -> tuple[Any, ...]:
            g = c.dates[key]
            docs = set().union(*(o.docs for o in c.dates.values() if overlaps(o.when, g.when)))
            mentions = sum(o.mentions for o in c.dates.values() if overlaps(o.when, g.when))
            return (len(docs), mentions, -rank(g.precision), -(g.when[0].toordinal() if g.when else 0))

        agreed = max(c.dates, key=support)
        base = c.dates[agreed]
        conflicts = [(k, g) for k, g in c.dates.items() if not overlaps(g.when, base.when)]
    story = Story(
        story_id=story_id, plover=plover, source=direction[0], target=direction[1],
        date_start=agreed[0], date_end=agreed[1], date_precision=agreed[2], event_ids=tuple(c.event_ids),
        docs=tuple(c.docs.values()), issues=tuple(sorted(c.issues, key=lambda i: (-c.issues[i], i))),
        num_mentions=len(c.event_ids), num_sources=len(c.docs), date_conflict=bool(conflicts),
        trigger=max(c.triggers, key=lambda t: c.triggers[t]), rule=f"{RULESET}.v{cfg.version}")
    found = []
    if conflicts:
        base = c.dates[agreed]
        subject = f"{story.source or '-'} {plover} {story.target or '-'}: {story.trigger}"
        for key, g in conflicts:
            found.append(Contradiction(
                kind="story_date", subject=subject, a_doc=base.first[0], a_value=_label(agreed),
                a_quote=base.first[1], b_doc=g.first[0], b_value=_label(key), b_quote=g.first[1],
                note=f"story {story_id}: {len(base.docs)} document(s) date it {_label(agreed)}, "
                     f"{len(g.docs)} date it {_label(key)}"))
    return story, found

"""The typed context the HTML report renders (STYLE 12): everything the page shows, computed from records.

Build it from a store (:func:`build_context`) or from record lists (:func:`context_from_records`, which
the tests and ``make demo``'s in-process checks use); render it with :func:`dyadscope.present.report.render`.
The context holds data only — no HTML — so a test can pin it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..analyze.index import IndexPoint, index_units, relationship_index
from ..analyze.profiles import SourceProfile, profile_document
from ..analyze.stages import DetectedStages, detect_stages
from ..records import HAPPENED, Contradiction, Document, Event, Fact, Mention, Period, Sentence, Story
from ..store.base import Store

__all__ = ["DocumentRow", "EventPoint", "ReportContext", "StoryMention", "StoryRow", "build_context",
           "context_from_records"]

#: the timeline shows at most this many events as points (the index and the counts use them all)
MAX_POINTS = 20_000
#: stories listed with their evidence (most-sourced first)
MAX_STORIES = 300
#: facts listed (dated mentions left out)
MAX_FACTS = 400
#: characters of an evidence sentence shown on hover
HOVER_CHARS = 220


@dataclass(frozen=True, slots=True)
class DocumentRow:
    doc: str
    doc_id: str
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None
    published_basis: str
    language: str | None
    sentences: int
    events: int
    happened: int
    facts: int
    periods: int
    removed: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EventPoint:
    date: str
    x: float                     # decimal year of the event's start (for plotting)
    precision: str | None
    quad: int
    intensity: float
    plover: str
    source: str
    target: str
    doc: str
    sentence: str                # capped at HOVER_CHARS
    rule: str
    trigger: str


@dataclass(frozen=True, slots=True)
class StoryMention:
    doc: str
    sentence: str
    date: str | None
    modality: str


@dataclass(frozen=True, slots=True)
class StoryRow:
    story_id: str
    plover: str
    source: str | None
    target: str | None
    date: str | None
    num_sources: int
    num_mentions: int
    trigger: str
    issues: tuple[str, ...]
    date_conflict: bool
    mentions: tuple[StoryMention, ...]


@dataclass(frozen=True, slots=True)
class ReportContext:
    title: str
    dyad: tuple[str, str]
    generated: str
    documents: tuple[DocumentRow, ...]
    events_total: int
    happened_total: int
    timeline: tuple[EventPoint, ...]
    timeline_note: str
    index_year: tuple[IndexPoint, ...]
    index_month: tuple[IndexPoint, ...]
    stages: DetectedStages
    periods: tuple[Period, ...]                        # stated and cited periodisations
    issues_by_year: dict[str, dict[str, int]]          # issue → year → happened events
    profiles: tuple[SourceProfile, ...]
    contradictions: tuple[Contradiction, ...]
    stories: tuple[StoryRow, ...]
    stories_total: int
    facts: tuple[Fact, ...]
    facts_total: int

    @property
    def doc_titles(self) -> dict[str, str]:
        return {d.doc: (d.title or d.doc) for d in self.documents}


def _decimal_year(date: str) -> float | None:
    try:
        year = int(date[:4])
    except ValueError:
        return None
    month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None
    day = int(date[8:10]) if len(date) >= 10 and date[8:10].isdigit() else None
    if month is None:
        return year + 0.5
    return year + (month - 1) / 12 + ((day or 15) - 1) / 365


def _cap(text: str, n: int = HOVER_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _timeline(events: Sequence[Event], dyad: tuple[str, str], limit: int) -> tuple[tuple[EventPoint, ...], str]:
    dated = [e for e in events if e.modality in HAPPENED and e.date_start and e.quad
             and (e.source in dyad or e.target in dyad)]
    note = ""
    if len(dated) > limit:
        step = len(dated) / limit
        dated = [dated[int(i * step)] for i in range(limit)]
        note = (f"showing {limit:,} of the events, evenly sampled; the index, the issues and the counts use all "
                f"of them")
    points = []
    for e in dated:
        x = _decimal_year(e.date_start or "")
        if x is None:
            continue
        points.append(EventPoint(date=e.date_start or "", x=round(x, 3), precision=e.date_precision,
                                 quad=int(e.quad or 0), intensity=e.intensity, plover=e.plover,
                                 source=e.source or "", target=e.target or "", doc=e.doc,
                                 sentence=_cap(e.sentence), rule=e.rule, trigger=e.trigger))
    return tuple(points), note


def _story_rows(stories: Sequence[Story], events: Sequence[Event], limit: int) -> tuple[StoryRow, ...]:
    by_id = {e.event_id: e for e in events if e.event_id}
    ranked = sorted(stories, key=lambda s: (-s.num_sources, -s.num_mentions, s.date_start or "9999", s.story_id))
    rows = []
    for st in ranked[:limit]:
        mentions = tuple(StoryMention(doc=e.doc, sentence=_cap(e.sentence, 600), date=e.date_start, modality=e.modality)
                         for e in (by_id[i] for i in st.event_ids if i in by_id))
        rows.append(StoryRow(story_id=st.story_id, plover=st.plover, source=st.source, target=st.target,
                             date=st.date_start, num_sources=st.num_sources, num_mentions=st.num_mentions,
                             trigger=st.trigger, issues=st.issues, date_conflict=st.date_conflict, mentions=mentions))
    return tuple(rows)


def context_from_records(
    documents: Sequence[Document], events: Sequence[Event], *, stories: Sequence[Story] = (),
    periods: Sequence[Period] = (), facts: Sequence[Fact] = (), contradictions: Sequence[Contradiction] = (),
    mentions: Sequence[Mention] = (), sentences: Sequence[Sentence] = (), dyad: tuple[str, str] = ("AZE", "RUS"),
    title: str | None = None, generated: str | None = None, max_points: int = MAX_POINTS,
    max_stories: int = MAX_STORIES, bootstrap: int = 100,
) -> ReportContext:
    """The report's context from lists of records (all documents' records together)."""
    by_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for e in events:
        by_doc[e.doc_id]["events"] += 1
        by_doc[e.doc_id]["happened"] += int(e.modality in HAPPENED)
    for f in facts:
        by_doc[f.doc_id]["facts"] += 1
    for p in periods:
        by_doc[p.doc_id]["periods"] += 1
    sent_by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        sent_by_doc[s.doc_id].append(s)
    ment_by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        ment_by_doc[m.doc_id].append(m)
    ev_by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        ev_by_doc[e.doc_id].append(e)
    rows = []
    profiles = []
    for d in documents:
        c = by_doc[d.doc_id]
        rows.append(DocumentRow(
            doc=d.doc, doc_id=d.doc_id, title=d.title, author=d.author, outlet=d.outlet, published=d.published,
            published_basis=d.published_basis, language=d.language, sentences=len(sent_by_doc[d.doc_id]),
            events=c["events"], happened=c["happened"], facts=c["facts"], periods=c["periods"],
            removed=dict(Counter(r.kind for r in d.removed).most_common())))
        profiles.append(profile_document(d, sent_by_doc[d.doc_id], ment_by_doc[d.doc_id], ev_by_doc[d.doc_id],
                                         actors=dyad))
    units = index_units(events, stories, dyad=dyad)
    issues: dict[str, Counter[str]] = defaultdict(Counter)
    for e in events:
        if e.modality in HAPPENED and e.date_start and e.date_start[:4].isdigit():
            for i in e.issues:
                issues[i][e.date_start[:4]] += 1
    timeline, note = _timeline(events, dyad, max_points)
    listed = [f for f in facts if f.kind != "dated_mention"]
    return ReportContext(
        title=title or f"{dyad[0]}–{dyad[1]} relations: evidence report",
        dyad=dyad, generated=generated or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        documents=tuple(rows), events_total=len(events), happened_total=sum(e.modality in HAPPENED for e in events),
        timeline=timeline, timeline_note=note,
        index_year=tuple(relationship_index(by="year", dyad=dyad, units=units)),
        index_month=tuple(relationship_index(by="month", dyad=dyad, units=units)),
        stages=detect_stages(units, bootstrap=bootstrap),
        periods=tuple(p for p in periods if p.kind != "detected"),
        issues_by_year={i: dict(sorted(c.items())) for i, c in sorted(issues.items())},
        profiles=tuple(profiles), contradictions=tuple(contradictions),
        stories=_story_rows(stories, events, max_stories), stories_total=len(stories),
        facts=tuple(listed[:MAX_FACTS]), facts_total=len(listed),
    )


def build_context(store: Store, *, dyad: tuple[str, str] = ("AZE", "RUS"), title: str | None = None,
                  generated: str | None = None) -> ReportContext:
    """The report's context from everything in a store (current documents only)."""
    documents = list(store.documents())
    sentences: list[Sentence] = []
    for d in documents:
        sentences.extend(store.sentences(d.doc_id))
    events = list(store.events(happened_only=False))
    return context_from_records(
        documents, events, stories=store.stories(), periods=store.periods(), facts=store.facts(),
        contradictions=store.contradictions(), mentions=store.mentions(), sentences=sentences, dyad=dyad,
        title=title, generated=generated)

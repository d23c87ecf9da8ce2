"""Typed contexts of the cross-document pages (STYLE 12): stories, one story, contradictions, periods.

A story is one real-world event seen in one or more sentences and documents. Its page lists every mention
with its sentence, document, date and modality, and says which mentions date it otherwise than the story's
agreed date (the better-supported one), with the contradictions the build recorded about it. The periods
page shows the periodisations the authors state and the stages detected from the relationship index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...analyze.index import index_units
from ...analyze.stages import DetectedStages, detect_stages
from ...records import Contradiction, Event, Period, Story
from ...resolve.intervals import interval, overlaps
from ...store.base import Store
from .query import StoryFilter, page_stories

__all__ = ["ContradictionRow", "ContradictionsPage", "PeriodsPage", "StoriesPage", "StoryMention", "StoryPage",
           "contradictions_page", "detected_stages", "periods_page", "stories_page", "story_of", "story_page"]


@dataclass(frozen=True, slots=True)
class StoriesPage:
    filter: StoryFilter
    total: int
    stories: tuple[Story, ...]


@dataclass(frozen=True, slots=True)
class StoryMention:
    event: Event
    doc_title: str | None
    agrees: bool | None             # its date overlaps the story's agreed date (None: one of them undated)


@dataclass(frozen=True, slots=True)
class StoryPage:
    story: Story
    mentions: tuple[StoryMention, ...]
    dates: tuple[tuple[str, int], ...]          # each date the mentions give, with how many give it
    contradictions: tuple[Contradiction, ...]


@dataclass(frozen=True, slots=True)
class ContradictionRow:
    contradiction: Contradiction
    a_doc_id: str | None            # the documents of both evidences (resolved from the names when needed)
    b_doc_id: str | None
    story_id: str | None            # the story a story-date contradiction is about


@dataclass(frozen=True, slots=True)
class ContradictionsPage:
    rows: tuple[ContradictionRow, ...]
    kinds: dict[str, int]


@dataclass(frozen=True, slots=True)
class PeriodsPage:
    dyad: tuple[str, str]
    stated: tuple[Period, ...]                  # stated and cited periodisations, by document
    doc_titles: dict[str, str]                  # doc_id → title or file name
    stages: DetectedStages


def stories_page(store: Store, flt: StoryFilter, *, stories: Sequence[Story] | None = None) -> StoriesPage:
    """One page of the stories ``flt`` keeps, in date order (undated last); ``stories`` is every story of the
    store when already read."""
    kept, total = page_stories(list(store.stories() if stories is None else stories), flt)
    return StoriesPage(filter=flt, total=total, stories=tuple(kept))


def story_of(contradiction: Contradiction) -> str | None:
    """The story a story-date contradiction is about (its subject ``story:<id>`` or note ``story <id>: …``)."""
    if contradiction.kind != "story_date":
        return None
    for text, prefix in ((contradiction.subject, "story:"), (contradiction.note, "story ")):
        if text.startswith(prefix):
            return text[len(prefix):].split(":")[0].split()[0] or None
    return None


def _agrees(event: Event, story: Story) -> bool | None:
    mine = interval(event.date_start, event.date_precision)
    agreed = interval(story.date_start, story.date_precision)
    if mine is None or agreed is None:
        return None
    return overlaps(mine, agreed)


def story_page(store: Store, story_id: str) -> StoryPage | None:
    """One story with every mention (None when no story has this id)."""
    story = store.story(story_id)
    if story is None:
        return None
    events = store.story_events(story_id)
    titles = {i.doc_id: i.title or i.doc for i in store.document_infos(current_only=False)}
    mentions = tuple(StoryMention(event=e, doc_title=titles.get(e.doc_id), agrees=_agrees(e, story)) for e in events)
    counts: dict[str, int] = {}
    for e in events:
        key = e.date_start or "undated"
        counts[key] = counts.get(key, 0) + 1
    about = tuple(c for c in store.contradictions() if story_of(c) == story_id)
    return StoryPage(story=story, mentions=mentions, dates=tuple(sorted(counts.items())), contradictions=about)


def _doc_ids(store: Store) -> dict[str, str]:
    """File name → doc_id of current documents (later ones win)."""
    return {i.doc: i.doc_id for i in store.document_infos()}


def contradictions_page(store: Store, *, kind: str | None = None) -> ContradictionsPage:
    """Every stored contradiction (of one ``kind`` when given), with its documents and story resolved."""
    ids = _doc_ids(store)
    found = store.contradictions()
    kinds: dict[str, int] = {}
    for c in found:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    rows = tuple(ContradictionRow(contradiction=c, a_doc_id=c.a_doc_id or ids.get(c.a_doc),
                                  b_doc_id=c.b_doc_id or ids.get(c.b_doc), story_id=story_of(c))
                 for c in found if kind is None or c.kind == kind)
    return ContradictionsPage(rows=rows, kinds=kinds)


def detected_stages(events: Sequence[Event], stories: Sequence[Story], dyad: tuple[str, str],
                    bootstrap: int = 100) -> DetectedStages:
    """Change points of the relationship index of ``dyad`` (as the report computes them)."""
    return detect_stages(index_units(events, stories, dyad=dyad), bootstrap=bootstrap)


def periods_page(store: Store, *, dyad: tuple[str, str] = ("AZE", "RUS"),
                 stages: DetectedStages | None = None) -> PeriodsPage:
    """The authors' periodisations and the detected stages (``stages`` when already computed, e.g. by the
    report; otherwise from every event of the store)."""
    if stages is None:
        stages = detected_stages(list(store.events()), store.stories(), dyad)
    titles = {i.doc_id: i.title or i.doc for i in store.document_infos(current_only=False)}
    stated = tuple(p for p in store.periods() if p.kind != "detected")
    return PeriodsPage(dyad=dyad, stated=stated, doc_titles=titles, stages=stages)

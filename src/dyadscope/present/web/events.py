"""Typed contexts of the event pages (STYLE 12): the filtered, paged event list, and one event.

One event's page shows its evidence sentence in context (the sentences around it in its paragraph, taken
from the cleaned text), the trigger and the actors, the date with its basis and rule, the modality and what
decided it, the rule that coded it, the other events coded from the same sentence, and the story it belongs
to. The store has no lookup of one event by id, so :func:`event_index` maps every id to its document and
story once; :func:`event_page` takes that location when it is known and otherwise scans the store.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ...annotate.issues import ISSUE_CODES
from ...records import MODALITIES, PLOVER_TYPES, Event, Sentence, Story
from ...store.base import Store
from .query import EventFilter, page_events, resolve_doc

__all__ = ["CONTEXT_SENTENCES", "EventLocation", "EventPage", "EventsPage", "FilterChoices", "event_index",
           "event_page", "events_page", "filter_choices"]

#: sentences of the same paragraph shown before and after an evidence sentence
CONTEXT_SENTENCES = 2

#: where an event lives: (doc_id, story_id or None)
EventLocation = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the filter form offers."""

    issues: tuple[str, ...]
    plover: tuple[str, ...]
    modalities: tuple[str, ...]
    documents: tuple[tuple[str, str], ...]     # (doc_id, title or file name)


@dataclass(frozen=True, slots=True)
class EventsPage:
    filter: EventFilter
    total: int
    events: tuple[Event, ...]
    choices: FilterChoices
    doc_id: str | None = None          # the document ``filter.doc`` names


@dataclass(frozen=True, slots=True)
class EventPage:
    event: Event
    doc_title: str | None
    doc_published: str | None
    superseded: bool
    before: str                    # the text of the paragraph's sentences just before the evidence
    after: str                     # … and just after
    others: tuple[Event, ...]      # other events coded from the same sentence
    story: Story | None


def filter_choices(store: Store) -> FilterChoices:
    docs = tuple((i.doc_id, i.title or i.doc) for i in store.document_infos())
    return FilterChoices(issues=ISSUE_CODES, plover=PLOVER_TYPES, modalities=("happened", "all", *MODALITIES),
                         documents=docs)


def events_page(store: Store, flt: EventFilter) -> EventsPage:
    """One page of the events ``flt`` selects, with the total and the choices of the filter form."""
    events, total = page_events(store, flt)
    return EventsPage(filter=flt, total=total, events=tuple(events), choices=filter_choices(store),
                      doc_id=resolve_doc(store, flt.doc))


def event_index(store: Store, *, stories: Sequence[Story] | None = None) -> dict[str, EventLocation]:
    """Every stored event id (superseded documents included) → its document and story (``stories``: every
    story of the store when already read)."""
    story_of = {eid: s.story_id for s in (store.stories() if stories is None else stories) for eid in s.event_ids}
    return {e.event_id: (e.doc_id, story_of.get(e.event_id))
            for e in store.events(happened_only=False, current_only=False)}


def _context(text: str, sentences: list[Sentence], event: Event) -> tuple[str, str]:
    """The text of up to CONTEXT_SENTENCES sentences of the same paragraph on each side of the evidence."""
    inside = [i for i, s in enumerate(sentences) if s.start <= event.start < s.end]
    if not inside:
        return "", ""
    k = inside[0]
    para = sentences[k].paragraph
    j = k
    while j > 0 and k - j < CONTEXT_SENTENCES and sentences[j - 1].paragraph == para:
        j -= 1
    m = k
    while m + 1 < len(sentences) and m - k < CONTEXT_SENTENCES and sentences[m + 1].paragraph == para:
        m += 1
    start, end = min(sentences[j].start, event.start), max(sentences[m].end, event.end)
    return text[start:event.start], text[event.end:end]


def _find(stream: Iterator[Event], event_id: str) -> Event | None:
    """The event with this id in a stream, which is closed at once (its database cursor released)."""
    try:
        return next((e for e in stream if e.event_id == event_id), None)
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


def event_page(store: Store, event_id: str, *, where: EventLocation | None = None) -> EventPage | None:
    """One event with its context (None when no stored event has this id). ``where`` (from
    :func:`event_index`) saves a scan of every event."""
    event = None
    if where is not None:
        siblings = list(store.events(happened_only=False, doc_id=where[0], current_only=False))
        event = next((e for e in siblings if e.event_id == event_id), None)
    if event is None:
        event = _find(store.events(happened_only=False, current_only=False), event_id)
        if event is None:
            return None
        where = None
        siblings = list(store.events(happened_only=False, doc_id=event.doc_id, current_only=False))
    doc = store.document(event.doc_id)
    before, after = _context(doc.text, store.sentences(event.doc_id), event) if doc else ("", "")
    if where is not None:
        story = store.story(where[1]) if where[1] else None
    else:
        story = next((s for s in store.stories() if event_id in s.event_ids), None)
    info = next((i for i in store.document_infos(current_only=False) if i.doc_id == event.doc_id), None)
    others = tuple(e for e in siblings if e.start == event.start and e.event_id != event_id)
    return EventPage(event=event, doc_title=doc.title if doc else None, doc_published=doc.published if doc else None,
                     superseded=bool(info and info.superseded_by), before=before, after=after, others=others,
                     story=story)

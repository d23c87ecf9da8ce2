"""Typed contexts of the document pages (STYLE 12): the list of stored documents, and one document.

The page of one document shows its cleaned text cut into :class:`TextSegment` pieces, so that every event's
evidence sentence can be highlighted and linked to the event; its metadata with the basis and evidence of each
field; and every span the cleaner removed or changed, grouped by kind — cleaning is auditable. Builders are
pure functions of a store (reads only) and return ``None`` for an unknown id.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...records import HAPPENED, Contradiction, Document, Event, Period, Removal
from ...store.base import DocumentInfo, Store

__all__ = ["METADATA_FIELDS", "DocumentPage", "DocumentsPage", "EventLink", "MetadataRow", "RemovalGroup",
           "TextSegment", "document_page", "documents_page", "segment_text"]

#: the metadata fields shown, in order
METADATA_FIELDS: tuple[str, ...] = ("title", "author", "outlet", "published", "url", "language")


@dataclass(frozen=True, slots=True)
class DocumentsPage:
    documents: tuple[DocumentInfo, ...]
    superseded: int                     # how many superseded documents the store keeps
    show_all: bool                      # superseded documents listed too


@dataclass(frozen=True, slots=True)
class EventLink:
    """An event as the document page lists it (``number`` is its marker in the text, from 1)."""

    number: int
    event_id: str
    plover: str
    quad: int | None
    source: str | None
    target: str | None
    modality: str
    happened: bool
    date: str | None
    trigger: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TextSegment:
    """A piece of the cleaned text: the events whose evidence covers it, those whose evidence ends with it,
    and an anchor (``o<offset>``) where other pages link to this offset."""

    start: int
    end: int
    text: str
    event_ids: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class MetadataRow:
    field: str
    value: str | None
    basis: str | None                   # manifest, dateline, byline, file properties, ... (None: not found)
    rule: str | None
    evidence: str | None                # the text it was read from
    start: int | None                   # offsets of that text before cleaning
    end: int | None


@dataclass(frozen=True, slots=True)
class RemovalGroup:
    kind: str
    removals: tuple[Removal, ...]


@dataclass(frozen=True, slots=True)
class DocumentPage:
    document: Document
    superseded_by: str | None
    metadata: tuple[MetadataRow, ...]
    events: tuple[EventLink, ...]
    segments: tuple[TextSegment, ...]
    removed: tuple[RemovalGroup, ...]
    periods: tuple[Period, ...]
    contradictions: tuple[Contradiction, ...]
    sentences: int


def documents_page(store: Store, *, show_all: bool = False) -> DocumentsPage:
    """Every current document (and the superseded ones with ``show_all``), in the order they were added."""
    infos = store.document_infos(current_only=False)
    superseded = sum(1 for i in infos if i.superseded_by)
    shown = infos if show_all else [i for i in infos if not i.superseded_by]
    return DocumentsPage(documents=tuple(shown), superseded=superseded, show_all=show_all)


def _metadata(doc: Document) -> tuple[MetadataRow, ...]:
    rows = []
    for name in METADATA_FIELDS:
        value = getattr(doc, name)
        basis = doc.metadata_basis.get(name)
        if name == "published":
            basis = doc.published_basis if doc.published_basis != "none" or value else basis
            if value and doc.published_precision:
                value = f"{value} ({doc.published_precision})"
        ev = doc.metadata_evidence.get(name) or {}
        rows.append(MetadataRow(field=name, value=None if value is None else str(value), basis=basis,
                                rule=ev.get("rule"), evidence=ev.get("text"), start=ev.get("start"),
                                end=ev.get("end")))
    return tuple(rows)


def _removed(removals: Sequence[Removal]) -> tuple[RemovalGroup, ...]:
    groups: dict[str, list[Removal]] = {}
    for r in removals:
        groups.setdefault(r.kind, []).append(r)
    return tuple(RemovalGroup(kind, tuple(items)) for kind, items in groups.items())


def _links(events: Sequence[Event]) -> tuple[EventLink, ...]:
    ordered = sorted(events, key=lambda e: (e.start, e.trigger_start, e.event_id))
    return tuple(EventLink(number=i, event_id=e.event_id, plover=e.plover, quad=e.quad, source=e.source,
                           target=e.target, modality=e.modality, happened=e.modality in HAPPENED,
                           date=e.date_start, trigger=e.trigger, start=e.start, end=e.end)
                 for i, e in enumerate(ordered, start=1))


def segment_text(text: str, events: Sequence[EventLink], anchors: Iterable[int] = ()) -> tuple[TextSegment, ...]:
    """``text`` cut at every event's evidence boundary and every anchor offset; each piece says which events
    cover it. The pieces join back to ``text``."""
    n = len(text)
    spans = [(max(0, min(ev.start, n)), max(0, min(ev.end, n)), ev.event_id) for ev in events]
    spans = [s for s in spans if s[0] < s[1]]
    marks = {a for a in anchors if 0 <= a <= n}
    cuts = sorted({0, n, *marks, *(s[0] for s in spans), *(s[1] for s in spans)})
    by_start: dict[int, list[tuple[int, str]]] = {}
    for a, b, eid in spans:
        by_start.setdefault(a, []).append((b, eid))
    active: dict[str, int] = {}
    out = []
    for a, b in itertools.pairwise(cuts):
        for end, eid in by_start.get(a, ()):
            active[eid] = end
        covering = tuple(eid for eid, end in active.items() if end >= b)
        ends = tuple(eid for eid in covering if active[eid] == b)
        out.append(TextSegment(start=a, end=b, text=text[a:b], event_ids=covering, ends=ends,
                               anchor=f"o{a}" if a in marks else None))
        for eid in ends:
            del active[eid]
    return tuple(out)


def _info(store: Store, doc_id: str) -> DocumentInfo | None:
    return next((i for i in store.document_infos(current_only=False) if i.doc_id == doc_id), None)


def document_page(store: Store, doc_id: str) -> DocumentPage | None:
    """One document with its highlighted text, metadata, removals, periods and contradictions (None: unknown)."""
    doc = store.document(doc_id)
    if doc is None:
        return None
    info = _info(store, doc_id)
    events = list(store.events(happened_only=False, doc_id=doc_id, current_only=False))
    links = _links(events)
    periods = tuple(store.periods(doc_id=doc_id, current_only=False))
    contradictions = tuple(c for c in store.contradictions()
                           if doc_id in (c.a_doc_id, c.b_doc_id)
                           or (not c.a_doc_id and c.a_doc == doc.doc) or (not c.b_doc_id and c.b_doc == doc.doc))
    anchors = {ev.start for ev in links} | {p.offset for p in periods if p.offset >= 0}
    for c in contradictions:
        if c.a_start >= 0 and (c.a_doc_id == doc_id or c.a_doc == doc.doc):
            anchors.add(c.a_start)
        if c.b_start >= 0 and (c.b_doc_id == doc_id or c.b_doc == doc.doc):
            anchors.add(c.b_start)
    return DocumentPage(
        document=doc, superseded_by=info.superseded_by if info else None, metadata=_metadata(doc), events=links,
        segments=segment_text(doc.text, links, anchors), removed=_removed(doc.removed), periods=periods,
        contradictions=contradictions, sentences=info.n_sentences if info else len(store.sentences(doc_id)))

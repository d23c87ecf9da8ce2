"""The JSON API under ``/api``: the pages' typed contexts as JSON, and event exports.

``/api/events`` answers with GDELT-style rows (``format=json``, paged), CSV with the same columns
(``format=csv``) or PLOVER records (``format=plover``), built by :mod:`dyadscope.present.export`; CSV and
PLOVER stream every matching event unless ``limit`` is given. The other routes serialise the context of the
page of the same path (``/api/stories/{id}`` is the context of ``/stories/{id}``), so the API and the pages
never disagree. Errors are ``{"error": {"status", "code", "message", "hint"}}``.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import json
import math
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from ...errors import UsageError
from ...records import Event, Story
from ...store.base import Store
from ..export import gdelt_row, plover_record, write_csv
from .documents import document_page, documents_page
from .events import event_page
from .query import (
    EventFilter,
    flag_param,
    only_param,
    page_events,
    parse_event_filter,
    parse_story_filter,
    query_string,
    resolve_doc,
    select_events,
)
from .site import Site
from .stories import contradictions_page, periods_page, stories_page, story_page

__all__ = ["EXPORT_FORMATS", "api_router", "error_json", "jsonable"]

EXPORT_FORMATS: tuple[str, ...] = ("json", "csv", "plover")
_CHUNK = 500


def jsonable(value: Any) -> Any:
    """Records and contexts as JSON values: dataclasses become objects, tuples lists, NaN and ∞ null."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def error_json(status: int, message: str, hint: str | None, code: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message, "hint": hint}},
                        status_code=status)


class _Exporter:
    """What the rows of an export need besides the event: its story, its document's URL, outlet, language."""

    def __init__(self, site: Site, store: Store) -> None:
        self.stories = site.stories_by_event(store)
        self.docs = {i.doc_id: i for i in store.document_infos(current_only=False)}
        self.table = store.meta().get("intensity_table", "")

    def story(self, event: Event) -> Story | None:
        return self.stories.get(event.event_id)

    def gdelt(self, event: Event) -> dict[str, Any]:
        info = self.docs.get(event.doc_id)
        return gdelt_row(event, self.story(event), (info.url or info.path) if info else None, self.table)

    def plover(self, event: Event) -> dict[str, Any]:
        info = self.docs.get(event.doc_id)
        return plover_record(event, self.story(event), publication=info.outlet if info else None,
                             language=info.language if info else None, coded=info.added[:10] if info else None)


def _csv_chunks(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """CSV (header once) in chunks, written by :func:`dyadscope.present.export.write_csv`."""
    first = True
    while True:
        chunk = list(itertools.islice(rows, _CHUNK))
        if not chunk and not first:
            return
        buf = io.StringIO()
        write_csv(chunk, buf)
        text = buf.getvalue()
        yield text if first else text.split("\n", 1)[1]
        first = False


def _plover_chunks(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "["
    for i, record in enumerate(records):
        yield ("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]\n"


def _stream(site: Site, flt: EventFilter, fmt: str) -> StreamingResponse:
    """Every event ``flt`` selects as CSV or PLOVER JSON; the store stays open until the last byte."""
    store = site.open()
    try:
        doc_id = resolve_doc(store, flt.doc)
        exporter = _Exporter(site, store)
    except BaseException:
        store.close()
        raise
    stop = None if flt.limit is None else flt.offset + flt.limit

    def body() -> Iterator[str]:
        try:
            events = itertools.islice(select_events(store, flt, doc_id=doc_id), flt.offset, stop)
            if fmt == "csv":
                yield from _csv_chunks(exporter.gdelt(e) for e in events)
            else:
                yield from _plover_chunks(exporter.plover(e) for e in events)
        finally:
            store.close()

    media, name = ("text/csv; charset=utf-8", "events.csv") if fmt == "csv" else ("application/json", "events.json")
    return StreamingResponse(body(), media_type=media,
                             headers={"Content-Disposition": f'inline; filename="{name}"'})


def api_router(site: Site) -> APIRouter:
    router = APIRouter(tags=["dyadscope"])

    @router.get("/stats", summary="Counts of every kind of record, the schema and rule-set versions")
    def stats() -> dict[str, Any]:
        with site.store() as store:
            return {"store": str(site.db), "stats": store.stats(), "meta": store.meta(), "rulesets": store.rulesets()}

    @router.get("/documents", summary="Stored documents without their text (all=true adds superseded ones)")
    def documents(request: Request,
                  show_all: Annotated[str | None, Query(alias="all", description="true: superseded ones too")] = None
                  ) -> Any:
        with site.store() as store:
            return jsonable(documents_page(store, show_all=flag_param(dict(request.query_params), "all")))

    @router.get("/documents/{doc_id}", summary="One document: text cut at the evidence of its events, "
                "metadata with its basis, removed spans by kind, periods, contradictions")
    def document(doc_id: str) -> Any:
        with site.store() as store:
            ctx = document_page(store, doc_id)
        if ctx is None:
            raise HTTPException(404, f"no document has the id {doc_id!r} in this store")
        return jsonable(ctx)

    @router.get("/events", summary="Events with GDELT-style columns (json, csv) or as PLOVER records")
    def events(
        request: Request,
        dyad: Annotated[str | None, Query(description="Two actor codes, either direction: AZE-RUS")] = None,
        since: Annotated[str | None, Query(description="Dated on or after: 1991, 1991-06, 1991-06-15")] = None,
        until: Annotated[str | None, Query(description="Dated on or before: 2000, 2000-06")] = None,
        issue: Annotated[str | None, Query(description="One issue code: KARABAKH, ENERGY, CASPIAN, ...")] = None,
        plover: Annotated[str | None, Query(description="One PLOVER type: AGREE, CONSULT, ..., ASSAULT, OTHER")] = None,
        quad: Annotated[str | None, Query(description="Quad class 1-4")] = None,
        modality: Annotated[str | None, Query(description="happened (default: asserted and reported), all, or "
                                                          "one modality")] = None,
        doc: Annotated[str | None, Query(description="A doc_id (or its first 8+ hex digits) or a file name")] = None,
        offset: Annotated[str | None, Query(description="Skip this many events (default 0)")] = None,
        limit: Annotated[str | None, Query(description="At most this many (1-1000; default 100 for json, "
                                                       "every event for csv and plover)")] = None,
        fmt_: Annotated[str | None, Query(alias="format", description="json (default), csv or plover")] = None,
    ) -> Any:
        params = dict(request.query_params)
        fmt = (params.pop("format", None) or "json").strip().lower()
        if fmt not in EXPORT_FORMATS:
            raise UsageError(f"format={fmt!r} is not known", hint=f"use one of {', '.join(EXPORT_FORMATS)}")
        flt = parse_event_filter(params, default_limit=100 if fmt == "json" else None)
        if fmt != "json":
            return _stream(site, flt, fmt)
        with site.store() as store:
            items, total = page_events(store, flt)
            exporter = _Exporter(site, store)
            rows = [exporter.gdelt(e) for e in items]
        end = flt.offset + len(rows)
        more = f"/api/events{query_string(flt.params(offset=end))}" if end < total and rows else None
        return {"total": total, "offset": flt.offset, "limit": flt.limit, "filter": flt.params(offset=0),
                "next": more, "events": rows}

    @router.get("/events/{event_id}", summary="One event: the page's context, its GDELT-style row and PLOVER record")
    def event(event_id: str) -> Any:
        with site.store() as store:
            where = site.locate(store, event_id)
            ctx = event_page(store, event_id, where=where) if where else None
            if ctx is None:
                raise HTTPException(404, f"no event has the id {event_id!r} in this store")
            exporter = _Exporter(site, store)
            return {**jsonable(ctx), "gdelt": exporter.gdelt(ctx.event), "plover": exporter.plover(ctx.event)}

    @router.get("/stories", summary="Stories (one real-world event across sentences and documents), paged")
    def stories(
        request: Request,
        dyad: Annotated[str | None, Query(description="Two actor codes, either direction: AZE-RUS")] = None,
        plover: Annotated[str | None, Query(description="One PLOVER type")] = None,
        conflict: Annotated[str | None, Query(description="true: only stories whose sources disagree on the date")
                            ] = None,
        min_sources: Annotated[str | None, Query(description="Seen in at least this many documents")] = None,
        offset: Annotated[str | None, Query(description="Skip this many stories")] = None,
        limit: Annotated[str | None, Query(description="At most this many (1-1000, default 100)")] = None,
    ) -> Any:
        flt = parse_story_filter(dict(request.query_params))
        with site.store() as store:
            return jsonable(stories_page(store, flt, stories=site.stories(store)))

    @router.get("/stories/{story_id}", summary="One story with every mention, the dates they give, contradictions")
    def story(story_id: str) -> Any:
        with site.store() as store:
            ctx = story_page(store, story_id)
        if ctx is None:
            raise HTTPException(404, f"no story has the id {story_id!r} in this store")
        return jsonable(ctx)

    @router.get("/contradictions", summary="Claims from two documents that cannot both be true")
    def contradictions(request: Request,
                       kind: Annotated[str | None, Query(description="fact, story_date or fact_vs_story")] = None
                       ) -> Any:
        chosen = only_param(dict(request.query_params), "kind")
        with site.store() as store:
            return jsonable(contradictions_page(store, kind=chosen))

    @router.get("/periods", summary="Periodisations stated by the authors and stages detected from the events")
    def periods() -> Any:
        with site.store() as store:
            return jsonable(periods_page(store, dyad=site.dyad, stages=site.stages(store)))

    return router

"""The FastAPI application of ``dyadscope serve``: the pages, the JSON API under ``/api``, and error pages.

Every route is thin: it parses its parameters (:mod:`.query`), builds the page's typed context from a store
opened read-only for the request, and renders it (or serialises it, under ``/api``). Errors become pages (or
JSON under ``/api``) that say what happened and what to do: a bad parameter 422, an unknown id or path 404,
a store that is missing or being written 503. Import this module only when FastAPI is installed
(:func:`dyadscope.present.web.serve.require_web` says how to install it).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from ... import __version__
from ...errors import DyadscopeError, StoreError, UsageError
from .api import api_router, error_json
from .documents import document_page, documents_page
from .events import event_page, events_page
from .home import render_home
from .query import flag_param, only_param, parse_event_filter, parse_story_filter
from .render_docs import render_document, render_documents
from .render_events import render_event, render_events
from .render_stories import render_contradictions, render_error, render_periods, render_stories, render_story
from .site import Site
from .stories import contradictions_page, periods_page, stories_page, story_page

__all__ = ["create_app", "html_response"]

#: pages carry no script and fetch nothing but their own links
PAGE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")
#: the report page inlines plotly.js and its figures (no network either)
REPORT_CSP = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
              "img-src 'self' data: blob:; font-src data:; base-uri 'none'; frame-ancestors 'none'")
_FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" '
            'fill="#1f4e79"/><circle cx="5.5" cy="8" r="2.5" fill="#fff"/><circle cx="10.5" cy="8" r="2.5" '
            'fill="#ffcf70"/></svg>')

_DESCRIPTION = """Evidence-grounded events, stories, contradictions and periods of the relationship between two
states, read from a dyadscope store. Every record links back to the sentence it came from. The same data is
browsable as pages at `/`, `/documents`, `/events`, `/stories`, `/contradictions` and `/periods`."""


def html_response(body: str, status_code: int = 200, *, csp: str = PAGE_CSP) -> HTMLResponse:
    return HTMLResponse(body, status_code=status_code, headers={
        "Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"})


def _error(request: Request, status: int, message: str, hint: str | None, code: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return error_json(status, message, hint, code)
    return html_response(render_error(status, message, hint), status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(UsageError)
    async def usage(request: Request, exc: UsageError) -> Response:
        return _error(request, 422, exc.message, exc.hint, exc.code)

    @app.exception_handler(StoreError)
    async def store(request: Request, exc: StoreError) -> Response:
        hint = exc.hint
        if "in use" in exc.message:
            hint = "a build is writing the store; reload this page when it has finished"
        return _error(request, 503, exc.message, hint, exc.code)

    @app.exception_handler(DyadscopeError)
    async def other(request: Request, exc: DyadscopeError) -> Response:
        return _error(request, 500, exc.message, exc.hint, exc.code)

    @app.exception_handler(HTTPException)
    async def http(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail) if exc.status_code != 404 or exc.detail != "Not Found" else \
            f"there is no page at {request.url.path}"
        hint = "see the navigation at the top for the pages, or /docs for the API" if exc.status_code == 404 else None
        return _error(request, exc.status_code, message, hint, "not_found" if exc.status_code == 404 else "http")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = ["{}: {}".format(".".join(str(x) for x in err.get("loc", ())), err.get("msg", ""))
                 for err in exc.errors()]
        return _error(request, 422, "bad request parameters: " + "; ".join(parts), None, "usage")


def _not_found(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"no {what} has the id {key!r} in this store")


def create_app(db: str | Path, *, dyad: tuple[str, str] = ("AZE", "RUS"), title: str | None = None) -> FastAPI:
    """The web app over the store at ``db`` (opened read-only per request; ``dyad`` is the relationship the
    report and the detected stages are about)."""
    site = Site(db, dyad=dyad, title=title)
    app = FastAPI(title="dyadscope", version=__version__, description=_DESCRIPTION, redoc_url=None)
    app.state.site = site
    _install_errors(app)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(_FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    @app.get("/", include_in_schema=False)
    def home() -> HTMLResponse:
        with site.store() as store:
            body = site.snapshots.get("home", lambda: render_home(site.report(store)))
        return html_response(body, csp=REPORT_CSP)

    @app.get("/documents", include_in_schema=False)
    def documents(request: Request) -> HTMLResponse:
        show_all = flag_param(dict(request.query_params), "all")
        with site.store() as store:
            return html_response(render_documents(documents_page(store, show_all=show_all)))

    @app.get("/documents/{doc_id}", include_in_schema=False)
    def document(doc_id: str) -> HTMLResponse:
        with site.store() as store:
            ctx = document_page(store, doc_id)
        if ctx is None:
            raise _not_found("document", doc_id)
        return html_response(render_document(ctx))

    @app.get("/events", include_in_schema=False)
    def events(request: Request) -> HTMLResponse:
        flt = parse_event_filter(dict(request.query_params))
        with site.store() as store:
            return html_response(render_events(events_page(store, flt)))

    @app.get("/events/{event_id}", include_in_schema=False)
    def event(event_id: str) -> HTMLResponse:
        with site.store() as store:
            where = site.locate(store, event_id)
            ctx = event_page(store, event_id, where=where) if where else None
        if ctx is None:
            raise _not_found("event", event_id)
        return html_response(render_event(ctx))

    @app.get("/stories", include_in_schema=False)
    def stories(request: Request) -> HTMLResponse:
        flt = parse_story_filter(dict(request.query_params))
        with site.store() as store:
            return html_response(render_stories(stories_page(store, flt, stories=site.stories(store))))

    @app.get("/stories/{story_id}", include_in_schema=False)
    def story(story_id: str) -> HTMLResponse:
        with site.store() as store:
            ctx = story_page(store, story_id)
        if ctx is None:
            raise _not_found("story", story_id)
        return html_response(render_story(ctx))

    @app.get("/contradictions", include_in_schema=False)
    def contradictions(request: Request) -> HTMLResponse:
        kind = only_param(dict(request.query_params), "kind")
        with site.store() as store:
            return html_response(render_contradictions(contradictions_page(store, kind=kind)))

    @app.get("/periods", include_in_schema=False)
    def periods() -> HTMLResponse:
        with site.store() as store:
            ctx = periods_page(store, dyad=site.dyad, stages=site.stages(store))
        return html_response(render_periods(ctx))

    app.include_router(api_router(site), prefix="/api")
    return app


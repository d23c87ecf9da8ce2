"""The web app of ``dyadscope serve``: the report and every record of a store, browsable, with a JSON API.

Pages (each renders a typed context built by a pure function of a store, so any page can be rendered
without a server — STYLE 12):

=========================  ==========================================  =====================================
path                       context (builder)                           renderer
=========================  ==========================================  =====================================
``/``                      :class:`~dyadscope.present.context.ReportContext`  :func:`.home.render_home`
``/documents``             :class:`.DocumentsPage` (:func:`.documents_page`)   :func:`.render_documents`
``/documents/{doc_id}``    :class:`.DocumentPage` (:func:`.document_page`)     :func:`.render_document`
``/events``                :class:`.EventsPage` (:func:`.events_page`)         :func:`.render_events`
``/events/{event_id}``     :class:`.EventPage` (:func:`.event_page`)           :func:`.render_event`
``/stories``               :class:`.StoriesPage` (:func:`.stories_page`)       :func:`.render_stories`
``/stories/{story_id}``    :class:`.StoryPage` (:func:`.story_page`)           :func:`.render_story`
``/contradictions``        :class:`.ContradictionsPage`                        :func:`.render_contradictions`
``/periods``               :class:`.PeriodsPage` (:func:`.periods_page`)       :func:`.render_periods`
=========================  ==========================================  =====================================

The JSON API under ``/api`` serialises the same contexts (:mod:`.api`); ``/api/events`` exports GDELT-style
rows and PLOVER records through :mod:`dyadscope.present.export`. The FastAPI app itself is
:func:`dyadscope.present.web.app.create_app` (import it only where FastAPI is installed:
``pip install 'dyadscope[web]'``); nothing imported here needs FastAPI.
"""

from __future__ import annotations

from .documents import DocumentPage, DocumentsPage, document_page, documents_page
from .events import EventPage, EventsPage, event_index, event_page, events_page
from .home import render_home
from .query import EventFilter, StoryFilter, parse_event_filter, parse_story_filter
from .render_docs import render_document, render_documents
from .render_events import render_event, render_events
from .render_stories import render_contradictions, render_error, render_periods, render_stories, render_story
from .site import Site
from .stories import (
    ContradictionsPage,
    PeriodsPage,
    StoriesPage,
    StoryPage,
    contradictions_page,
    periods_page,
    stories_page,
    story_page,
)

__all__ = [
    "ContradictionsPage", "DocumentPage", "DocumentsPage", "EventFilter", "EventPage", "EventsPage", "PeriodsPage",
    "Site", "StoriesPage", "StoryFilter", "StoryPage", "contradictions_page", "document_page", "documents_page",
    "event_index", "event_page", "events_page", "parse_event_filter", "parse_story_filter", "periods_page",
    "render_contradictions", "render_document", "render_documents", "render_error", "render_event",
    "render_events", "render_home", "render_periods", "render_stories", "render_story", "stories_page",
    "story_page",
]

"""Every page renders from its context without a server; document text is always shown as text."""

from __future__ import annotations

import re

import pytest
from webkit import HOSTILE, records, records_store

from dyadscope.present.context import build_context
from dyadscope.present.web import (
    contradictions_page,
    document_page,
    documents_page,
    event_page,
    events_page,
    parse_event_filter,
    parse_story_filter,
    periods_page,
    render_contradictions,
    render_document,
    render_documents,
    render_error,
    render_event,
    render_events,
    render_home,
    render_periods,
    render_stories,
    render_story,
    stories_page,
    story_page,
)
from dyadscope.present.web.layout import Mark, highlight, href
from dyadscope.store import open_store

RAW = re.compile(r"<script>window|<img src=x|onerror=\"", re.IGNORECASE)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    r = records()
    with open_store(records_store(tmp_path_factory), read_only=True) as st:
        out = {
            "documents": render_documents(documents_page(st)),
            "document": render_document(document_page(st, r["a"].document.doc_id)),  # type: ignore[arg-type]
            "hostile": render_document(document_page(st, r["h"].document.doc_id)),  # type: ignore[arg-type]
            "events": render_events(events_page(st, parse_event_filter({"modality": "all"}))),
            "event": render_event(event_page(st, "ev-h1")),  # type: ignore[arg-type]
            "stories": render_stories(stories_page(st, parse_story_filter({}))),
            "story": render_story(story_page(st, "st-treaty")),  # type: ignore[arg-type]
            "contradictions": render_contradictions(contradictions_page(st)),
            "periods": render_periods(periods_page(st)),
            "home": render_home(build_context(st, generated="2024-01-01 00:00 UTC")),
            "error": render_error(404, f"no document {HOSTILE}", "look at /documents"),
        }
    return out


NAMES = ("documents", "document", "hostile", "events", "event", "stories", "story", "contradictions", "periods",
         "home", "error")


@pytest.mark.parametrize("name", NAMES)
def test_every_page_is_a_whole_document_with_the_navigation(pages: dict[str, str], name: str) -> None:
    html = pages[name]
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert '<nav class="ds-nav">' in html and 'href="/events"' in html and 'href="/docs"' in html


@pytest.mark.parametrize("name", NAMES)
def test_no_page_lets_markup_from_a_document_through(pages: dict[str, str], name: str) -> None:
    assert RAW.search(pages[name]) is None


@pytest.mark.parametrize("name", ["hostile", "events", "event", "contradictions", "documents", "error"])
def test_hostile_text_is_shown_escaped(pages: dict[str, str], name: str) -> None:
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in pages[name]


def test_the_document_page_marks_each_evidence_and_links_it_to_its_event(pages: dict[str, str]) -> None:
    html = pages["document"]
    assert html.count('<mark class="ev"') == 2 and html.count('<mark class="ev muted"') == 1
    for eid in ("ev-a1", "ev-a2", "ev-a3"):
        assert f'href="/events/{eid}"' in html
    assert "running_header" in html and "hyphenation" in html and "BAKU, 3 May 2004" in html
    assert "dateline" in html and "ingest.meta.v1:dateline" in html


def test_the_event_page_marks_the_trigger_and_links_to_the_evidence_in_its_document(pages: dict[str, str]) -> None:
    r = records()
    html = pages["event"]
    assert '<mark class="trigger" title="trigger · events.rules.v1:test">closed</mark>' in html
    doc_id, start = r["h"].document.doc_id, r["h"].events[0].start
    assert f'href="/documents/{doc_id}#o{start}"' in html
    assert 'href="/events/ev-h2"' in html and "dating.v1:explicit" in html


def test_the_event_list_keeps_its_filters_in_the_form_and_the_export_links(pages: dict[str, str]) -> None:
    html = pages["events"]
    assert '<option value="all" selected>' in html
    assert 'href="/api/events?modality=all&amp;format=csv"' in html
    assert "events 1–8 of 8" in html


def test_the_story_page_flags_the_mention_whose_date_differs(pages: dict[str, str]) -> None:
    html = pages["story"]
    assert html.count('<span class="tag warn">differs</span>') == 1 and "dates disagree" in html
    assert "1997 (1), 1998 (1)" in html


def test_the_home_page_is_the_report_with_the_navigation(pages: dict[str, str]) -> None:
    html = pages["home"]
    assert "AZE–RUS relations: evidence report" in html and 'id="fig-timeline"' in html
    assert html.index('<nav class="ds-nav">') < html.index("<header>")
    assert 'class=on>Report</a>' in html


HIGHLIGHTS = [
    ("Baku & Moscow", [Mark(0, 4, "src", tag="span")], '<span class="src">Baku</span> &amp; Moscow'),
    ("a<b>c", [Mark(1, 4, "trigger")], 'a<mark class="trigger">&lt;b&gt;</mark>c'),
    ("abcdef", [Mark(1, 4, "x"), Mark(2, 5, "y")], 'a<mark class="x">bcd</mark>ef'),   # overlap dropped
    ("abc", [Mark(2, 9, "x"), Mark(-1, 1, "y")], "abc"),                               # outside dropped
    ("abc", [Mark(11, 12, "x", title='"t"')], 'a<mark class="x" title="&quot;t&quot;">b</mark>c'),
]


@pytest.mark.parametrize(("text", "marks", "expected"), HIGHLIGHTS)
def test_highlighting_escapes_the_text_and_wraps_only_marks_that_fit(text: str, marks: list, expected: str) -> None:
    offset = 10 if marks and marks[0].start >= 10 else 0
    assert highlight(text, marks, offset=offset) == expected


def test_links_percent_encode_ids_so_no_id_can_break_out_of_an_attribute() -> None:
    assert href("events", 'x"><script>') == "/events/x%22%3E%3Cscript%3E"
    assert href("documents", "abc", fragment="o12") == "/documents/abc#o12"


def test_the_page_package_exports_its_contexts_and_renderers_and_needs_no_fastapi() -> None:
    import subprocess
    import sys

    from dyadscope.present import web

    assert sorted(web.__all__) == sorted([
        "ContradictionsPage", "DocumentPage", "DocumentsPage", "EventFilter", "EventPage", "EventsPage",
        "PeriodsPage", "Site", "StoriesPage", "StoryFilter", "StoryPage", "contradictions_page", "document_page",
        "documents_page", "event_index", "event_page", "events_page", "parse_event_filter", "parse_story_filter",
        "periods_page", "render_contradictions", "render_document", "render_documents", "render_error",
        "render_event", "render_events", "render_home", "render_periods", "render_stories", "render_story",
        "stories_page", "story_page"])
    code = "import sys, dyadscope.present.web; print('fastapi' in sys.modules, 'uvicorn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]

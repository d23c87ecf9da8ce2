"""The typed contexts of the web pages (STYLE 12), pinned on a store of hand-made records: what each page
shows is computed by a pure function of the store and can be checked without a server."""

from __future__ import annotations

from pathlib import Path

import pytest
from webkit import records, records_store

from dyadscope.errors import UsageError
from dyadscope.present.web.documents import (
    EventLink,
    TextSegment,
    document_page,
    documents_page,
    segment_text,
)
from dyadscope.present.web.events import event_index, event_page, events_page
from dyadscope.present.web.query import EventFilter, parse_event_filter, parse_story_filter
from dyadscope.present.web.stories import contradictions_page, periods_page, stories_page, story_page
from dyadscope.store import Store, open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with open_store(records_store(tmp_path_factory), read_only=True) as st:
        yield st


@pytest.fixture(scope="module")
def ids() -> dict[str, str]:
    r = records()
    return {k: r[k].document.doc_id for k in ("a", "b", "h", "old", "new")}


def _events(store: Store, **params: str) -> tuple[list[str], int]:
    page = events_page(store, parse_event_filter(params))
    return [e.event_id for e in page.events], page.total


# --- the event list and its filters ------------------------------------------------------------------

EVENT_FILTERS = [
    ({}, ["ev-a1", "ev-b1", "ev-a2", "ev-b2", "ev-b3", "ev-h1", "ev-h2"], 7),
    ({"dyad": "AZE-RUS"}, ["ev-a1", "ev-b1", "ev-a2", "ev-b2", "ev-h1", "ev-h2"], 6),
    ({"dyad": "rus-aze"}, ["ev-a1", "ev-b1", "ev-a2", "ev-b2", "ev-h1", "ev-h2"], 6),
    ({"since": "1999"}, ["ev-a2", "ev-b2", "ev-b3", "ev-h1"], 4),
    ({"until": "1998"}, ["ev-a1", "ev-b1"], 2),
    ({"since": "1998", "until": "2003-02"}, ["ev-b1", "ev-a2", "ev-b2"], 3),
    ({"issue": "SECURITY_ALIGNMENT"}, ["ev-a1", "ev-b1"], 2),
    ({"issue": "energy"}, [], 0),
    ({"issue": "energy", "modality": "all"}, ["ev-a3"], 1),
    ({"plover": "SANCTION"}, ["ev-h1"], 1),
    ({"plover": "sanction", "modality": "all"}, ["ev-a3", "ev-h1"], 2),
    ({"quad": "3"}, ["ev-a2", "ev-h2"], 2),
    ({"modality": "reported"}, ["ev-a2"], 1),
    ({"modality": "hypothetical"}, ["ev-a3"], 1),
    ({"modality": "all"}, ["ev-a1", "ev-b1", "ev-a2", "ev-a3", "ev-b2", "ev-b3", "ev-h1", "ev-h2"], 8),
    ({"doc": "b.txt"}, ["ev-b1", "ev-b2", "ev-b3"], 3),
    ({"offset": "2", "limit": "2"}, ["ev-a2", "ev-b2"], 7),
    ({"offset": "6", "limit": "5"}, ["ev-h2"], 7),
    ({"offset": "40"}, [], 7),
    ({"plover": "SUPPORT", "offset": "1", "limit": "1"}, ["ev-b1"], 2),
    ({"dyad": "", "since": " ", "issue": ""}, ["ev-a1", "ev-b1", "ev-a2", "ev-b2", "ev-b3", "ev-h1", "ev-h2"], 7),
]


@pytest.mark.parametrize(("params", "expected", "total"), EVENT_FILTERS)
def test_the_event_list_keeps_what_its_filters_say_and_counts_every_match(store: Store, params: dict, expected: list,
                                                                           total: int) -> None:
    assert _events(store, **params) == (expected, total)


def test_a_document_can_be_named_by_the_start_of_its_id(store: Store, ids: dict[str, str]) -> None:
    assert _events(store, doc=ids["a"][:10]) == (["ev-a1", "ev-a2"], 2)


BAD_EVENT_PARAMS = [
    ({"dyad": "AZE"}, "dyad"),
    ({"since": "yesterday"}, "since"),
    ({"until": "2000-13"}, "until"),
    ({"since": "2005", "until": "2001"}, "after"),
    ({"plover": "FOO"}, "plover"),
    ({"quad": "9"}, "quad"),
    ({"quad": "x"}, "quad"),
    ({"limit": "0"}, "limit"),
    ({"limit": "5000"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"modality": "maybe"}, "modality"),
    ({"issue": "WEATHER"}, "issue"),
    ({"isue": "ENERGY"}, "unknown query parameter"),
]


@pytest.mark.parametrize(("params", "named"), BAD_EVENT_PARAMS)
def test_a_bad_event_parameter_is_refused_with_a_message_that_names_it(params: dict, named: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_event_filter(params)
    assert named in str(info.value)
    assert info.value.hint


def test_a_document_named_by_its_file_is_selected_in_the_filter_form(store: Store, ids: dict[str, str]) -> None:
    from dyadscope.present.web import render_events

    page = events_page(store, parse_event_filter({"doc": "b.txt"}))
    assert page.doc_id == ids["b"]
    assert f'<option value="{ids["b"]}" selected>' in render_events(page)


def test_a_document_filter_that_names_no_document_is_refused(store: Store) -> None:
    with pytest.raises(UsageError, match="doc='nope.txt'"):
        events_page(store, parse_event_filter({"doc": "nope.txt"}))


def test_a_filter_gives_back_the_parameters_that_recreate_it() -> None:
    flt = parse_event_filter({"dyad": "aze-rus", "since": "1991", "quad": "2", "offset": "100"})
    assert flt == EventFilter(dyad=("AZE", "RUS"), since="1991", quad=2, offset=100)
    assert flt.params(offset=200) == {"dyad": "AZE-RUS", "since": "1991", "quad": "2", "offset": "200"}
    assert parse_event_filter(flt.params()) == flt


def test_the_filter_form_offers_every_current_document(store: Store, ids: dict[str, str]) -> None:
    choices = events_page(store, EventFilter()).choices
    assert [d for d, _ in choices.documents] == [ids["a"], ids["b"], ids["h"], ids["new"]]
    assert "SANCTION" in choices.plover and "KARABAKH" in choices.issues and choices.modalities[:2] == (
        "happened", "all")


# --- documents -----------------------------------------------------------------------------------------

def test_the_document_list_holds_current_documents_and_counts_the_superseded(store: Store, ids: dict) -> None:
    page = documents_page(store)
    assert [d.doc for d in page.documents] == ["a.txt", "b.txt", "h.txt", "c.txt"]
    assert [d.n_events for d in page.documents] == [3, 3, 2, 0]
    assert page.superseded == 1 and not page.show_all
    every = documents_page(store, show_all=True)
    assert [d.doc_id for d in every.documents] == [ids["a"], ids["b"], ids["h"], ids["old"], ids["new"]]
    assert every.documents[3].superseded_by == ids["new"]


def test_a_document_page_pins_metadata_with_its_basis_and_removals_by_kind(store: Store, ids: dict) -> None:
    page = document_page(store, ids["a"])
    assert page is not None
    meta = {m.field: (m.value, m.basis, m.rule, m.evidence, m.start, m.end) for m in page.metadata}
    assert meta["published"] == ("2004-05-03 (day)", "dateline", "ingest.meta.v1:dateline", "BAKU, 3 May 2004", 0, 16)
    assert meta["title"] == ("Two stages of a relationship", "manifest", None, None, None, None)
    assert meta["author"] == ("A. Writer", None, None, None, None, None)
    assert meta["url"] == (None, None, None, None, None, None)
    assert [(g.kind, len(g.removals)) for g in page.removed] == [("running_header", 2), ("hyphenation", 1)]
    assert page.removed[1].removals[0].replacement == "relationship"
    assert [(ev.number, ev.event_id, ev.happened) for ev in page.events] == [
        (1, "ev-a1", True), (2, "ev-a2", True), (3, "ev-a3", False)]
    assert [p.label for p in page.periods] == ["First stage (1991–1999)"]
    assert [c.kind for c in page.contradictions] == ["story_date", "fact"]
    assert page.sentences == 5 and page.superseded_by is None


def test_a_document_page_cuts_the_text_at_every_evidence_so_each_is_marked(store: Store, ids: dict) -> None:
    page = document_page(store, ids["a"])
    assert page is not None
    text = page.document.text
    assert "".join(s.text for s in page.segments) == text
    marked = {s.event_ids: s.text for s in page.segments if s.event_ids}
    assert marked == {("ev-a1",): "Azerbaijan signed a friendship treaty with Russia in 1997.",
                      ("ev-a2",): "Moscow accused Baku of helping Chechen fighters in May 1999, officials said.",
                      ("ev-a3",): "Russia might cut gas supplies to Azerbaijan in 2001."}
    anchors = {s.anchor for s in page.segments if s.anchor}
    period_start = text.index("The first stage")
    assert {f"o{period_start}", f"o{text.index('Azerbaijan signed')}", f"o{text.index('Moscow accused')}"} <= anchors


def test_an_unknown_document_has_no_page(store: Store) -> None:
    assert document_page(store, "0" * 64) is None


def _link(eid: str, start: int, end: int) -> EventLink:
    return EventLink(1, eid, "AGREE", 1, "AZE", "RUS", "asserted", True, None, "x", start, end)


SEGMENTS = [
    # overlapping evidences and two anchors
    ("abcdefghij", [("e1", 2, 5), ("e2", 4, 8)], {0, 9},
     [(0, 2, (), (), "o0"), (2, 4, ("e1",), (), None), (4, 5, ("e1", "e2"), ("e1",), None),
      (5, 8, ("e2",), ("e2",), None), (8, 9, (), (), None), (9, 10, (), (), "o9")]),
    # two events from one sentence end together
    ("one. two.", [("e1", 5, 9), ("e2", 5, 9)], set(), [(0, 5, (), (), None), (5, 9, ("e1", "e2"), ("e1", "e2"), None)]),
    # offsets past the end are clipped; empty spans dropped
    ("short", [("e1", 3, 50), ("e2", 4, 4)], {99}, [(0, 3, (), (), None), (3, 5, ("e1",), ("e1",), None)]),
    ("", [("e1", 0, 3)], {0}, []),
]


@pytest.mark.parametrize(("text", "spans", "anchors", "expected"), SEGMENTS)
def test_segments_join_back_to_the_text_and_say_which_evidence_covers_them(text: str, spans: list, anchors: set,
                                                                            expected: list) -> None:
    got = segment_text(text, [_link(*s) for s in spans], anchors)
    assert [(s.start, s.end, s.event_ids, s.ends, s.anchor) for s in got] == expected
    assert "".join(s.text for s in got) == text
    assert all(isinstance(s, TextSegment) for s in got)


# --- one event -----------------------------------------------------------------------------------------

def test_an_event_page_shows_its_sentence_within_its_paragraph(store: Store) -> None:
    page = event_page(store, "ev-a2")
    assert page is not None
    assert page.before == "Azerbaijan signed a friendship treaty with Russia in 1997. "
    assert page.after == " Russia might cut gas supplies to Azerbaijan in 2001."
    assert page.event.sentence[page.event.trigger_start - page.event.start:][:7] == "accused"
    assert page.story is None and page.others == () and page.doc_title == "Two stages of a relationship"


def test_an_event_page_names_its_story_and_the_other_events_of_its_sentence(store: Store) -> None:
    page = event_page(store, "ev-a1")
    assert page is not None and page.story is not None and page.story.story_id == "st-treaty"
    hostile = event_page(store, "ev-h1")
    assert hostile is not None and [o.event_id for o in hostile.others] == ["ev-h2"]
    assert hostile.before == "" and hostile.after == ""


def test_the_event_index_locates_every_event_and_gives_the_same_page_as_a_scan(store: Store, ids: dict) -> None:
    index = event_index(store)
    assert len(index) == 8
    assert index["ev-a1"] == (ids["a"], "st-treaty") and index["ev-h2"] == (ids["h"], None)
    assert event_page(store, "ev-b2", where=index["ev-b2"]) == event_page(store, "ev-b2")


def test_an_unknown_event_has_no_page(store: Store, ids: dict) -> None:
    assert event_page(store, "nope") is None
    assert event_page(store, "nope", where=(ids["a"], None)) is None


# --- stories, contradictions, periods ------------------------------------------------------------------

STORY_FILTERS = [
    ({}, ["st-treaty", "st-bridge"], 2),
    ({"conflict": "true"}, ["st-treaty"], 1),
    ({"min_sources": "2"}, ["st-treaty"], 1),
    ({"plover": "agree"}, ["st-bridge"], 1),
    ({"dyad": "AZE-ARM"}, [], 0),
    ({"limit": "1", "offset": "1"}, ["st-bridge"], 2),
]


@pytest.mark.parametrize(("params", "expected", "total"), STORY_FILTERS)
def test_the_story_list_keeps_what_its_filters_say(store: Store, params: dict, expected: list, total: int) -> None:
    page = stories_page(store, parse_story_filter(params))
    assert ([s.story_id for s in page.stories], page.total) == (expected, total)


@pytest.mark.parametrize("params", [{"conflict": "perhaps"}, {"min_sources": "0"}, {"sources": "2"}])
def test_a_bad_story_parameter_is_refused(params: dict) -> None:
    with pytest.raises(UsageError):
        parse_story_filter(params)


def test_a_story_page_shows_every_mention_and_which_dates_disagree(store: Store) -> None:
    page = story_page(store, "st-treaty")
    assert page is not None
    assert [(m.event.event_id, m.event.doc, m.agrees) for m in page.mentions] == [
        ("ev-a1", "a.txt", True), ("ev-b1", "b.txt", False)]
    assert page.dates == (("1997", 1), ("1998", 1))
    assert [c.kind for c in page.contradictions] == ["story_date"]
    assert story_page(store, "st-nope") is None


def test_contradictions_resolve_their_documents_and_story(store: Store, ids: dict) -> None:
    page = contradictions_page(store)
    assert page.kinds == {"story_date": 1, "fact": 1}
    assert [(r.story_id, r.a_doc_id, r.b_doc_id) for r in page.rows] == [
        ("st-treaty", ids["b"], ids["a"]), (None, ids["a"], ids["h"])]
    assert [r.contradiction.kind for r in contradictions_page(store, kind="fact").rows] == ["fact"]


def test_the_periods_page_lists_stated_stages_with_their_document(store: Store, ids: dict) -> None:
    page = periods_page(store)
    assert [(p.label, p.start, p.end, p.doc_id) for p in page.stated] == [
        ("First stage (1991–1999)", "1991", "1999", ids["a"])]
    assert page.doc_titles[ids["a"]] == "Two stages of a relationship"
    assert page.dyad == ("AZE", "RUS") and page.stages.years  # the dyad's dated events give an index
    assert periods_page(store, stages=page.stages).stages is page.stages


def test_contexts_do_not_depend_on_the_store_file_being_open_later(tmp_path_factory, ids: dict) -> None:
    path: Path = records_store(tmp_path_factory)
    with open_store(path, read_only=True) as st:
        page = document_page(st, ids["b"])
    assert page is not None and page.document.title == "Field report" and len(page.events) == 3


def test_the_site_detects_the_same_stages_as_the_report_and_keeps_results_until_the_store_changes(
        tmp_path: Path) -> None:
    from dyadscope.present.context import build_context
    from dyadscope.present.web.site import Site

    r = records()
    db = tmp_path / "site.duckdb"
    with open_store(db) as st:
        for key in ("a", "b", "h"):
            st.add_analysis(r[key].analysis())
    site = Site(db)
    with site.store() as st:
        alone = site.stages(st)
        assert site.snapshots.peek("report") is None
        report = site.report(st)
        assert alone == report.stages == build_context(st).stages
        assert site.stages(st) is report.stages and site.snapshots.peek("report") is report
        assert site.locate(st, "ev-b2") == (r["b"].document.doc_id, None) and site.locate(st, "nope") is None
    with open_store(db) as st:
        st.add_analysis(r["new"].analysis())
    assert site.snapshots.peek("report") is None  # the store changed: everything is computed again
    with site.store() as st:
        assert len(site.report(st).documents) == 4

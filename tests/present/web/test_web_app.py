"""The web app over HTTP (FastAPI's TestClient): every route, filters, exports, 404, 422, 503 and escaping —
on a store built by the real pipeline from the small corpus in ``corpus/``, and on the hand-made one."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from webkit import HOSTILE, built_store, records, records_store, web_client

from dyadscope.present.export import COLUMNS
from dyadscope.store import open_store


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_store(tmp_path_factory)


@pytest.fixture(scope="module")
def client(built: Path):
    with web_client(built) as c:
        yield c


@pytest.fixture(scope="module")
def hand(tmp_path_factory: pytest.TempPathFactory):
    with web_client(records_store(tmp_path_factory)) as c:
        yield c


@pytest.fixture(scope="module")
def ids(built: Path) -> dict[str, str]:
    """Some ids of the built store: a document, an event, a story (the first of each)."""
    with open_store(built, read_only=True) as st:
        doc = st.document_infos()[0].doc_id
        event = next(st.events()).event_id
        story = st.stories()[0].story_id
    return {"doc": doc, "event": event, "story": story}


PAGES = ["/", "/documents", "/documents?all=true", "/documents/{doc}", "/events", "/events?modality=all&limit=3",
         "/events/{event}", "/stories", "/stories?conflict=true", "/stories/{story}", "/contradictions",
         "/contradictions?kind=fact", "/periods"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_with_html_that_has_the_navigation(client, ids: dict, path: str) -> None:
    r = client.get(path.format(**ids))
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert '<nav class="ds-nav">' in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


API = ["/api/stats", "/api/documents", "/api/documents/{doc}", "/api/events", "/api/events/{event}", "/api/stories",
       "/api/stories/{story}", "/api/contradictions", "/api/periods", "/openapi.json"]


@pytest.mark.parametrize("path", API)
def test_every_api_route_answers_with_json(client, ids: dict, path: str) -> None:
    r = client.get(path.format(**ids))
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"] == "application/json"
    assert isinstance(r.json(), dict)


def test_the_openapi_docs_list_the_api_with_its_filters(client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stats", "/api/stories/{story_id}"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"dyad", "since", "until", "issue", "plover", "quad", "modality", "doc", "offset", "limit", "format"} <= names
    assert "/events" not in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_the_stats_count_what_the_build_stored(client) -> None:
    stats = client.get("/api/stats").json()["stats"]
    assert stats["documents"] == 3 and stats["events"] >= 5 and stats["stories"] >= 1


def test_a_built_document_is_shown_with_its_evidence_marked_and_its_cleaning_listed(client, built: Path) -> None:
    with open_store(built, read_only=True) as st:
        info = next(i for i in st.document_infos() if i.doc == "1994-frontier.txt")
        events = list(st.events(doc_id=info.doc_id, happened_only=False))
    html = client.get(f"/documents/{info.doc_id}").text
    assert events and all(f'href="/events/{e.event_id}"' in html for e in events)
    assert '<mark class="ev' in html
    assert "dateline" in html and "byline" in html   # metadata basis and removed spans by kind


def test_the_hostile_document_is_shown_as_text_everywhere(client, built: Path) -> None:
    with open_store(built, read_only=True) as st:
        info = next(i for i in st.document_infos() if i.doc == "2010-hostile-note.txt")
    for path in (f"/documents/{info.doc_id}", "/documents", "/events", "/"):
        html = client.get(path).text
        assert "<script>window.__pwned" not in html and '<img src=x onerror="window' not in html
    html = client.get(f"/documents/{info.doc_id}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html and "&lt;script&gt;window.__pwned=3" in html


def test_event_filters_over_http_match_the_library(hand) -> None:
    rows = hand.get("/api/events", params={"dyad": "AZE-RUS", "since": "1998", "until": "2003"}).json()
    assert [r["event_id"] for r in rows["events"]] == ["ev-b1", "ev-a2", "ev-b2"] and rows["total"] == 3
    assert rows["filter"] == {"dyad": "AZE-RUS", "since": "1998", "until": "2003"}
    assert [r["event_id"] for r in hand.get("/api/events?issue=ENERGY&modality=all").json()["events"]] == ["ev-a3"]
    page = hand.get("/events?plover=SUPPORT").text
    assert 'href="/events/ev-a1"' in page and 'href="/events/ev-b1"' in page and "ev-b2" not in page


def test_json_events_are_paged_with_a_link_to_the_next_page(hand) -> None:
    first = hand.get("/api/events?limit=3").json()
    assert (first["total"], first["offset"], first["limit"], len(first["events"])) == (7, 0, 3, 3)
    assert first["next"] == "/api/events?offset=3&limit=3"
    last = hand.get("/api/events?offset=6&limit=3").json()
    assert [r["event_id"] for r in last["events"]] == ["ev-h2"] and last["next"] is None
    html = hand.get("/events?limit=3&offset=3").text
    assert 'href="/events?offset=6&amp;limit=3" rel="next"' in html and 'href="/events?limit=3" rel="prev"' in html


def test_json_events_carry_the_gdelt_style_columns_and_the_story(hand) -> None:
    row = hand.get("/api/events?plover=SUPPORT&limit=1").json()["events"][0]
    assert list(row) == list(COLUMNS)
    assert (row["SQLDATE"], row["Actor1Code"], row["Actor2Code"], row["EventCode"], row["QuadClass"]) == (
        19970000, "AZE", "RUS", "SUPPORT", 1)
    assert (row["NumMentions"], row["NumSources"], row["StoryID"]) == (2, 2, "st-treaty")
    assert row["GoldsteinTable"] == "events/intensity.v1" and row["SOURCEURL"] == "/corpus/a.txt"


def test_csv_export_streams_every_matching_event_with_one_header(hand) -> None:
    r = hand.get("/api/events?format=csv&modality=all")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 8 and r.text.count("GLOBALEVENTID") == 1
    assert r.text.splitlines()[0] == ",".join(COLUMNS)
    assert [x["event_id"] for x in rows][:2] == ["ev-a1", "ev-b1"]
    assert len(list(csv.DictReader(io.StringIO(hand.get("/api/events?format=csv&limit=2").text)))) == 2
    assert hand.get("/api/events?format=csv&plover=RETREAT").text.strip() == ",".join(COLUMNS)


def test_plover_export_is_a_json_array_of_plover_records(hand) -> None:
    records_ = json.loads(hand.get("/api/events?format=plover&dyad=AZE-RUS&until=1998").text)
    assert [(r["id"], r["date"], r["event"]) for r in records_] == [("ev-a1", "1997", "SUPPORT"),
                                                                     ("ev-b1", "1998", "SUPPORT")]
    assert records_[0]["source"] == [{"actorText": "Azerbaijan", "code": "AZE"}]
    assert records_[0]["story"]["numSources"] == 2 and records_[0]["textInfo"]["markup"].count("(EVT: signed)") == 1
    assert json.loads(hand.get("/api/events?format=plover&plover=RETREAT").text) == []


def test_one_event_over_the_api_carries_its_page_context_and_exports(hand) -> None:
    got = hand.get("/api/events/ev-a1").json()
    assert got["event"]["event_id"] == "ev-a1" and got["story"]["story_id"] == "st-treaty"
    assert got["gdelt"]["StoryID"] == "st-treaty" and got["plover"]["id"] == "ev-a1"
    assert got["after"].startswith(" Moscow accused Baku")


def test_documents_and_stories_over_the_api_mirror_their_pages(hand) -> None:
    r = records()
    doc = hand.get(f"/api/documents/{r['a'].document.doc_id}").json()
    assert [m["field"] for m in doc["metadata"]][:4] == ["title", "author", "outlet", "published"]
    assert "".join(s["text"] for s in doc["segments"]) == r["a"].document.text
    story = hand.get("/api/stories/st-treaty").json()
    assert [m["agrees"] for m in story["mentions"]] == [True, False]
    assert [s["story_id"] for s in hand.get("/api/stories?conflict=true").json()["stories"]] == ["st-treaty"]
    assert len(hand.get("/api/documents?all=true").json()["documents"]) == 5
    assert hand.get("/api/contradictions?kind=story_date").json()["rows"][0]["story_id"] == "st-treaty"


NOT_FOUND = ["/documents/0000", "/events/nope", "/stories/nope", "/no/such/page", "/api/documents/0000",
             "/api/events/nope", "/api/stories/nope", "/api/nothing"]


@pytest.mark.parametrize("path", NOT_FOUND)
def test_an_unknown_id_or_path_is_a_404_that_says_what_was_not_found(hand, path: str) -> None:
    r = hand.get(path)
    assert r.status_code == 404
    if path.startswith("/api/"):
        err = r.json()["error"]
        assert err["status"] == 404 and err["message"]
    else:
        assert "404 · Not found" in r.text and '<nav class="ds-nav">' in r.text
        assert ("nope" in r.text or "0000" in r.text or "/no/such/page" in r.text)


BAD = [
    ("/events?since=yesterday", "since"), ("/events?quad=7", "quad"), ("/events?dyad=AZE", "dyad"),
    ("/events?limit=100000", "limit"), ("/events?plover=HUG", "plover"), ("/events?colour=red", "colour"),
    ("/events?doc=missing.txt", "doc"), ("/stories?conflict=maybe", "conflict"), ("/documents?all=perhaps", "all"),
    ("/contradictions?sort=x", "sort"), ("/api/events?format=xml", "format"), ("/api/events?until=2000-13", "until"),
    ("/api/events?format=csv&doc=missing.txt", "doc"), ("/api/stories?min_sources=zero", "min_sources"),
]


@pytest.mark.parametrize(("path", "named"), BAD)
def test_a_bad_parameter_is_a_422_that_names_it(hand, path: str, named: str) -> None:
    r = hand.get(path)
    assert r.status_code == 422
    if path.startswith("/api/"):
        err = r.json()["error"]
        assert named in err["message"] and err["hint"] and err["code"] == "usage"
    else:
        assert named in r.text and "422 · Bad request" in r.text


def test_a_missing_store_is_a_503_that_says_how_to_build_one(tmp_path: Path) -> None:
    with web_client(tmp_path / "gone.duckdb") as c:
        r = c.get("/events")
        assert r.status_code == 503 and "gone.duckdb" in r.text and "dyadscope build" in r.text
        assert c.get("/api/stats").json()["error"]["code"] == "store"


def test_a_store_being_written_is_a_503_that_says_to_wait(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    with open_store(db):
        pass
    writer = subprocess.Popen([sys.executable, "-c", ("import sys, time; from dyadscope.store import open_store\n"
                               f"s = open_store({str(db)!r}); print('open', flush=True); time.sleep(30)")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "open"
        with web_client(db) as c:
            r = c.get("/documents")
            assert r.status_code == 503 and "in use by another process" in r.text and "build" in r.text
    finally:
        writer.kill()
        writer.wait()
        if writer.stdout is not None:
            writer.stdout.close()


def test_pages_follow_the_store_when_a_build_adds_to_it(tmp_path: Path) -> None:
    r = records()
    db = tmp_path / "growing.duckdb"
    with open_store(db) as st:
        st.add_analysis(r["a"].analysis())
    with web_client(db) as c:
        assert c.get("/api/stats").json()["stats"]["documents"] == 1
        first = c.get("/").text
        assert "Field report" not in first and c.get("/events/ev-b1").status_code == 404
        time.sleep(0.01)
        with open_store(db) as st:
            st.add_analysis(r["b"].analysis())
        assert "Field report" in c.get("/").text
        assert c.get("/events/ev-b1").status_code == 200


def test_the_favicon_is_served_so_browsers_log_no_error(client) -> None:
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")


def test_the_report_page_may_run_its_own_inline_scripts_but_fetch_nothing(client) -> None:
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'unsafe-inline'" in csp and "default-src 'none'" in csp and "connect-src" not in csp


def test_hostile_text_in_an_error_message_is_escaped(hand) -> None:
    r = hand.get("/events/" + HOSTILE.replace("/", "%2F").replace("#", "%23").replace("?", "%3F"))
    assert r.status_code == 404 and "<script>window" not in r.text

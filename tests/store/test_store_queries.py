"""Reading the store: event filters, superseded documents, stories joined to events, errors that say what to do."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dyadscope.errors import StoreError, UsageError
from dyadscope.pipeline import Analysis
from dyadscope.records import Document, Event, Story, text_id
from dyadscope.store import Store, open_store


def event(doc: Document, n: int, source: str, target: str, plover: str = "CONSULT", date: str | None = None,
          precision: str | None = None, issues: tuple[str, ...] = (), modality: str = "asserted",
          rule: str = "events.rules.v2:meet") -> Event:
    return Event(doc=doc.doc, doc_id=doc.doc_id, sentence=f"sentence {n}", start=n * 10, end=n * 10 + 9,
                 trigger="met", trigger_start=n * 10, trigger_end=n * 10 + 3, source=source, target=target,
                 plover=plover, quad=1, intensity=1.0, modality=modality, date_start=date,
                 date_precision=precision, issues=issues, rule=rule)


def document(text: str, path: str | None = None) -> Document:
    return Document(doc=Path(path).name if path else "doc.txt", doc_id=text_id(text), text=text, path=path)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "q.duckdb")
    d = document("one")
    s.add_analysis(Analysis(document=d, events=(
        event(d, 1, "RUS", "AZE", date="1993-09-20", precision="day", issues=("KARABAKH",)),
        event(d, 2, "AZE", "RUS", date="1993", precision="year"),
        event(d, 3, "RUS", "ARM", date="2000-06", precision="month", issues=("ARMS", "KARABAKH")),
        event(d, 4, "AZE", "RUS", plover="THREATEN", date="1999", precision="year", modality="hypothetical"),
        event(d, 5, "AZE", "RUS", date=None),
        event(d, 6, "AZE", "TUR", date="1990", precision="decade", rule="events.rules.v3:x"),
    )))
    return s


CASES = [
    # (filters, sentence numbers expected, why)
    ({}, [6, 2, 1, 3, 5], "every happened event, by date, undated last"),
    ({"dyad": "AZE-RUS"}, [2, 1, 5], "a dyad matches both directions"),
    ({"dyad": ("rus", "aze")}, [2, 1, 5], "a dyad given as a pair, any case"),
    ({"since": "1993-09"}, [6, 2, 1, 3], "a year-precision 1993 still reaches into September 1993"),
    ({"since": "1994"}, [6, 3], "later dates only (the 1990s reach past 1994); undated left out"),
    ({"until": "1993-03"}, [6, 2], "a 1993 event starts before the end of March 1993; 20 Sept does not"),
    ({"since": "1993-09-21", "until": "2000"}, [6, 2, 3], "both bounds"),
    ({"since": "2001"}, [], "nothing after 2000"),
    ({"issue": "karabakh"}, [1, 3], "an issue code, any case"),
    ({"happened_only": False, "dyad": "AZE-RUS"}, [2, 1, 4, 5], "hypothetical events on request"),
]


@pytest.mark.parametrize(("filters", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_event_filters_select_by_dyad_date_issue_and_modality(store: Store, filters: dict[str, object],
                                                              expected: list[int], why: str) -> None:
    got = [int(e.sentence.split()[-1]) for e in store.events(**filters)]  # type: ignore[arg-type]
    assert got == expected, why
    assert store.count_events(**filters) == len(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["19x1", "1993-13", "last year", "1993-02-30"])
def test_a_date_filter_that_is_not_a_date_is_a_usage_error(store: Store, bad: str) -> None:
    with pytest.raises(UsageError, match="is not a date"):
        list(store.events(since=bad))


@pytest.mark.parametrize("bad", ["AZE", "AZE-RUS-ARM", "-RUS"])
def test_a_malformed_dyad_is_a_usage_error(store: Store, bad: str) -> None:
    with pytest.raises(UsageError, match="bad dyad"):
        list(store.events(dyad=bad))


def test_rulesets_name_every_version_the_stored_records_were_coded_with(store: Store) -> None:
    assert store.rulesets() == {"events.rules": "v2,v3"}


def test_a_changed_file_at_the_same_path_supersedes_the_old_document_which_is_kept(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as s:
        old, new = document("first version", "a/x.txt"), document("second version", "a/x.txt")
        other = document("another file", "a/y.txt")
        for d in (old, other, new):
            assert s.add_analysis(Analysis(document=d, events=(event(d, 1, "RUS", "AZE"),)))
        assert [d.doc_id for d in s.documents()] == [other.doc_id, new.doc_id]
        assert [d.doc_id for d in s.documents(current_only=False)] == [old.doc_id, other.doc_id, new.doc_id]
        assert {e.doc_id for e in s.events()} == {other.doc_id, new.doc_id}
        assert s.stats()["superseded"] == 1
        infos = {i.doc_id: i for i in s.document_infos(current_only=False)}
        assert infos[old.doc_id].superseded_by == new.doc_id and infos[new.doc_id].n_events == 1
        # the file is put back as it was: the old document is current again, nothing new is stored
        assert not s.add_analysis(Analysis(document=old))
        assert s.mark_current(old.doc_id, "a/x.txt")
        assert {d.doc_id for d in s.documents()} == {old.doc_id, other.doc_id}
        assert not s.mark_current(old.doc_id, "a/x.txt")


def test_a_document_that_cannot_be_written_leaves_nothing_behind(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as s:
        d = document("broken")
        bad = dataclasses.replace(event(d, 1, "RUS", "AZE"), start=2**40)  # no INTEGER holds it
        with pytest.raises(StoreError, match="nothing of these documents was written"):
            s.add_analysis(Analysis(document=d, events=(event(d, 2, "RUS", "AZE"), bad)))
        assert not s.has_document(d.doc_id)
        assert s.stats()["events"] == 0
        assert s.add_analysis(Analysis(document=d))  # the store is still usable


def test_events_come_with_the_story_they_belong_to(store: Store) -> None:
    e1, e2 = [e for e in store.events(dyad="AZE-RUS") if e.date_start]
    story = Story(story_id="st1", plover="CONSULT", source="RUS", target="AZE", date_start="1993-09-20",
                  date_end=None, date_precision="day", event_ids=(e1.event_id, e2.event_id), docs=("doc.txt",),
                  num_mentions=2, num_sources=1)
    store.replace_stories([story])
    pairs = {e.event_id: s for e, s in store.events_with_stories()}
    assert pairs[e1.event_id] == story and pairs[e2.event_id] == story
    assert sum(1 for s in pairs.values() if s is None) == 3
    assert [e.event_id for e in store.story_events("st1")] == [e1.event_id, e2.event_id]


def test_runs_are_recorded_with_their_counts(store: Store) -> None:
    run = store.begin_run(["corpus/"], ["segment", "events"])
    assert store.runs()[-1].status == "running"
    store.end_run(run, {"added": 3})
    last = store.runs()[-1]
    assert (last.run_id, last.status, last.counts, last.paths) == (run, "done", {"added": 3}, ("corpus/",))


def test_reading_a_store_that_does_not_exist_says_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="there is no store") as info:
        open_store(tmp_path / "missing.duckdb", read_only=True)
    assert "dyadscope build" in str(info.value)


def test_a_file_that_is_not_a_store_is_refused_with_a_message(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(junk)


def test_a_second_process_opening_the_store_is_told_it_is_in_use(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    code = textwrap.dedent(f"""
        import sys, time
        from dyadscope.store import open_store
        s = open_store({str(db)!r})
        print("open", flush=True)
        sys.stdin.readline()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        for read_only in (False, True):
            with pytest.raises(StoreError, match="in use by another process") as info:
                open_store(db, read_only=read_only)
            assert "wait for it to finish, or use another --db" in str(info.value)
    finally:
        holder.communicate("\n", timeout=30)


def test_recoding_a_document_replaces_its_records_or_keeps_the_old_ones_when_it_fails(tmp_path: Path) -> None:
    with open_store(tmp_path / "r.duckdb") as s:
        d = document("recode me")
        s.add_analysis(Analysis(document=d, events=(event(d, 1, "RUS", "AZE"),)), pipeline_key="old")
        assert s.stale_documents("new") == [d.doc_id] and s.stale_documents("old") == []
        assert s.replace_analysis(Analysis(document=d, events=(event(d, 2, "AZE", "RUS"), event(d, 3, "RUS", "TUR"))),
                                  pipeline_key="new")
        assert [e.sentence for e in s.events(doc_id=d.doc_id)] == ["sentence 2", "sentence 3"]
        assert s.stale_documents("new") == []
        bad = dataclasses.replace(event(d, 4, "RUS", "AZE"), start=2**40)
        with pytest.raises(StoreError, match="keeps its earlier records"):
            s.replace_analysis(Analysis(document=d, events=(bad,)), pipeline_key="newer")
        assert [e.sentence for e in s.events(doc_id=d.doc_id)] == ["sentence 2", "sentence 3"]
        assert not s.replace_analysis(Analysis(document=document("never stored")))


def test_a_batch_of_documents_is_written_together_skipping_those_already_stored(tmp_path: Path) -> None:
    with open_store(tmp_path / "b.duckdb") as s:
        a, b, c = document("first"), document("second"), document("third")
        assert s.add_analysis(Analysis(document=a))
        added = s.add_analyses([Analysis(document=d, events=(event(d, 1, "RUS", "AZE"),)) for d in (a, b, c, b)],
                               stamps=[None, (10, 20), None, None])
        assert added == [False, True, True, False]
        assert [d.doc_id for d in s.documents()] == [a.doc_id, b.doc_id, c.doc_id]
        assert s.stats()["events"] == 2
        bad = dataclasses.replace(event(a, 1, "RUS", "AZE"), start=2**40)
        d, e = document("fourth"), document("fifth")
        with pytest.raises(StoreError, match="nothing of these documents was written"):
            s.add_analyses([Analysis(document=d), Analysis(document=e, events=(dataclasses.replace(bad, doc_id=e.doc_id),))])
        assert not s.has_document(d.doc_id) and not s.has_document(e.doc_id)

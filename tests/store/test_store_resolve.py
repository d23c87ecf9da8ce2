"""The cross-document step of build: stories and contradictions recomputed from the store."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dyadscope.pipeline import Analysis
from dyadscope.records import Contradiction, Document, Event, Fact, text_id
from dyadscope.store import Store, open_store
from dyadscope.store import build as build_module
from dyadscope.store.build import cap_repeats, distinct_claims, resolve_corpus

A = "In 1993 Baku refused to let Russian border guards return to the frontier with Iran."
B = "Azerbaijan refused in 1992 to let Russian border guards return to its frontier with Iran."
C = "In 1993 Baku refused to let Russian border guards back onto the Iranian frontier."


def _add(store: Store, name: str, sentence: str, year: str) -> None:
    doc = Document(doc=name, doc_id=text_id(sentence), text=sentence, path=f"/c/{name}")
    t = sentence.index("refused")
    event = Event(doc=name, doc_id=doc.doc_id, sentence=sentence, start=0, end=len(sentence), trigger="refused",
                  trigger_start=t, trigger_end=t + 7, source="AZE", target="RUS", plover="REJECT", quad=3,
                  intensity=-4.0, date_start=year, date_precision="year", issues=("SECURITY_ALIGNMENT",))
    store.add_analysis(Analysis(document=doc, events=(event,)))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "r.duckdb")
    _add(s, "a.txt", A, "1993")
    _add(s, "b.txt", B, "1992")
    _add(s, "c.txt", C, "1993")
    return s


def test_one_refusal_dated_differently_by_two_documents_is_one_story_and_a_contradiction(store: Store) -> None:
    n_stories, n_contradictions = resolve_corpus(store)
    assert n_stories == 1
    (story,) = store.stories()
    assert (story.num_sources, story.date_start, story.date_conflict) == (3, "1993", True)
    kinds = {c.kind for c in store.contradictions()}
    assert "story_date" in kinds and n_contradictions == len(store.contradictions())
    dated = [c for c in store.contradictions() if c.kind == "story_date"]
    assert {"1992", "1993"} == {dated[0].a_value, dated[0].b_value}
    assert store.events_of_stories([story.story_id])[story.story_id] == store.story_events(story.story_id)


def test_without_the_contradiction_finder_the_stories_own_date_conflicts_are_stored(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "_find_contradictions", lambda: None)
    resolve_corpus(store)
    (c,) = store.contradictions()
    assert c.kind == "story_date" and {c.a_doc, c.b_doc} <= {"a.txt", "b.txt", "c.txt"} and "1992" in (
        c.a_value, c.b_value)


def test_resolving_twice_replaces_rather_than_adds(store: Store) -> None:
    first = resolve_corpus(store)
    assert resolve_corpus(store) == first
    assert store.stats()["stories"] == 1 and store.stats()["story_events"] == 3


def _fact(doc: str, value: str, start: int = 0) -> Fact:
    return Fact(doc=doc, doc_id=f"id-{doc}", subject="AZE-RUS:trade", value=value, unit="USD", date="2010",
                sentence=f"Trade was {value} dollars.", start=start, end=start + 20)


def test_facts_repeated_by_many_documents_are_compared_once_per_claim() -> None:
    facts = [_fact(f"d{i}.txt", "2 billion", i) for i in range(50)] + [_fact("x.txt", "3 billion")]
    claims = distinct_claims(facts)
    assert [(f.doc, f.value) for f in claims] == [("d0.txt", "2 billion"), ("x.txt", "3 billion")]


def test_a_few_facts_of_a_claim_are_kept_one_per_document_and_a_fact_seen_twice_counts_once() -> None:
    same = _fact("d0.txt", "2 billion")
    facts = [same, same, _fact("d0.txt", "2 billion", 40)] + [_fact(f"d{i}.txt", "2 billion", i) for i in range(1, 50)]
    facts.append(_fact("x.txt", "3 billion"))
    claims = distinct_claims(facts, keep=3)
    assert [(f.doc, f.value) for f in claims] == [("d0.txt", "2 billion"), ("d1.txt", "2 billion"),
                                                   ("d2.txt", "2 billion"), ("x.txt", "3 billion")]


def test_a_disagreement_repeated_by_many_documents_is_kept_a_few_times_with_a_count() -> None:
    found = [Contradiction(kind="story_date", subject="s1", a_doc=f"d{i}.txt", a_value="1992", a_quote="q",
                           b_doc="x.txt", b_value="1993", b_quote="r", note="dates differ") for i in range(10)]
    found.append(found[0])  # an exact repeat
    found.append(dataclasses.replace(found[0], b_value="1994"))  # another disagreement
    kept = cap_repeats(found, limit=3)
    assert len(kept) == 4
    assert kept[2].note == "dates differ (and 7 more like it)" and kept[3].b_value == "1994"

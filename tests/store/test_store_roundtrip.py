"""What goes into the store comes back equal (Hypothesis round trips over every record type)."""

from __future__ import annotations

import dataclasses
import itertools
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadscope.pipeline import Analysis
from dyadscope.records import (
    Contradiction,
    Document,
    Event,
    Fact,
    Mention,
    Period,
    Removal,
    Sentence,
    Story,
    Timex,
)
from dyadscope.store import Store, open_store

TEXT = st.text(max_size=40)
INTS = st.integers(min_value=-(2**31), max_value=2**31 - 1)
FLOATS = st.floats(allow_nan=False, allow_infinity=False)


def strategy(hint: Any) -> st.SearchStrategy[Any]:
    """A strategy for any value of the type ``hint`` (as the record classes use them)."""
    if hint is Any:  # free-form metadata: JSON scalars
        return st.one_of(st.none(), st.booleans(), INTS, TEXT)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[strategy(a) for a in typing.get_args(hint)])
    if hint is type(None):
        return st.none()
    if origin is tuple:
        item, _ = typing.get_args(hint)
        return st.lists(strategy(item), max_size=3).map(tuple)
    if origin is dict:
        k, v = typing.get_args(hint)
        return st.dictionaries(strategy(k), strategy(v), max_size=3)
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(hint))
    if dataclasses.is_dataclass(hint):
        return records(hint)
    return {str: TEXT, int: INTS, float: FLOATS, bool: st.booleans()}[hint]


def records(cls: Any, **fixed: Any) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: strategy(hints[f.name]) for f in dataclasses.fields(cls) if f.name not in fixed}
    return st.builds(cls, **fields, **{k: st.just(v) for k, v in fixed.items()})


_ids = itertools.count()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> typing.Iterator[Store]:
    with open_store(tmp_path_factory.mktemp("roundtrip") / "rt.duckdb") as s:
        yield s


def _doc_id() -> str:
    return f"{next(_ids):064x}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=records(Document, doc_id="", path=None), removed=st.lists(records(Removal), max_size=4))
def test_documents_with_arbitrary_unicode_text_and_removals_come_back_equal(store: Store, doc: Document,
                                                                             removed: list[Removal]) -> None:
    doc = dataclasses.replace(doc, doc_id=_doc_id(), removed=tuple(removed))
    assert store.add_analysis(Analysis(document=doc))
    assert store.document(doc.doc_id) == doc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=200), data=st.data())
def test_sentences_come_back_equal_whether_or_not_they_are_slices_of_the_text(store: Store, text: str,
                                                                             data: st.DataObject) -> None:
    doc_id = _doc_id()
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6)))
    sentences = []
    for i, (a, b) in enumerate(itertools.pairwise(cuts)):
        own = data.draw(st.one_of(st.just(text[a:b]), TEXT))  # usually the slice; sometimes not
        sentences.append(Sentence(doc_id=doc_id, index=i, paragraph=0, start=a, end=b, text=own))
    store.add_analysis(Analysis(document=Document(doc="s.txt", doc_id=doc_id, text=text),
                                sentences=tuple(sentences)))
    assert store.sentences(doc_id) == sentences


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(records(Event, doc_id="", event_id=""), min_size=1, max_size=4),
       timexes=st.lists(records(Timex, doc_id=""), max_size=3),
       mentions=st.lists(records(Mention, doc_id=""), max_size=3),
       periods=st.lists(records(Period, doc_id=""), max_size=3),
       facts=st.lists(records(Fact, doc_id=""), max_size=3))
def test_events_and_every_derived_record_with_nullable_fields_and_tuples_come_back_equal(
        store: Store, events: list[Event], timexes: list[Timex], mentions: list[Mention],
        periods: list[Period], facts: list[Fact]) -> None:
    doc_id = _doc_id()

    def own(rs: list[Any]) -> tuple[Any, ...]:
        return tuple(dataclasses.replace(r, doc_id=doc_id) for r in rs)

    evs = tuple(dataclasses.replace(e, doc_id=doc_id, event_id=f"{doc_id[-12:]}{i:04d}")
                for i, e in enumerate(events))
    store.add_analysis(Analysis(document=Document(doc="d.txt", doc_id=doc_id, text="x"), events=evs,
                                timexes=own(timexes), mentions=own(mentions), periods=own(periods),
                                facts=own(facts)))
    assert sorted(store.events(doc_id=doc_id, happened_only=False), key=lambda e: e.event_id) == list(evs)
    assert store.timexes(doc_id) == list(own(timexes))
    assert store.mentions(doc_id) == list(own(mentions))
    assert store.periods(doc_id=doc_id) == list(own(periods))
    assert store.facts(doc_id=doc_id) == list(own(facts))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stories=st.lists(records(Story, story_id=""), max_size=5),
       contradictions=st.lists(records(Contradiction), max_size=5))
def test_stories_and_contradictions_come_back_equal_after_a_replace(
        store: Store, stories: list[Story], contradictions: list[Contradiction]) -> None:
    stories = [dataclasses.replace(s, story_id=f"s{i}", event_ids=tuple(dict.fromkeys(s.event_ids)))
               for i, s in enumerate(stories)]
    assert store.replace_stories(stories) == len(stories)
    assert sorted(store.stories(), key=lambda s: s.story_id) == sorted(stories, key=lambda s: s.story_id)
    for s in stories:
        assert store.story(s.story_id) == s
    assert store.replace_contradictions(contradictions) == len(contradictions)
    assert store.contradictions() == contradictions


def test_a_record_field_the_schema_has_no_column_for_survives_in_the_extra_column(tmp_path: Path) -> None:
    period = Period(doc="p.txt", doc_id="p" * 64, label="thaw", start="1994", end=None, sentence="…",
                    scope="issue_specific", ordinal=2, scheme_size=3, end_offset=17)
    with open_store(tmp_path / "x.duckdb") as s:
        s.add_analysis(Analysis(document=Document(doc="p.txt", doc_id="p" * 64, text="t"), periods=(period,)))
        assert s.periods() == [period]

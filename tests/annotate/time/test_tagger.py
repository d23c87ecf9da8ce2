"""The tagger's interface, its records and the ``time`` stage."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from dyadscope.annotate.time import tag, tag_sentences
from dyadscope.annotate.time.grammar import grammar
from dyadscope.annotate.time.resolve import HANDLERS
from dyadscope.lexicon import load_entries, version_of
from dyadscope.options import Options
from dyadscope.pipeline import analyse, plan, registered
from dyadscope.records import PRECISIONS, Document, text_id
from dyadscope.text.segment import segment

SAMPLE = ("In 1993 the government fell. On 20 September 1993 parliament voted, and a year later a ceasefire "
          "followed. From 1992 to 2000 Moscow backed Yerevan; since 2004 talks have gone on for more than "
          "seven years. Last week the ministers met on Thursday, and they meet every year.")


def test_every_timex_carries_its_offsets_text_and_versioned_rule() -> None:
    version = version_of("time/rules.yaml")
    for t in tag(SAMPLE, published="2011-06-24"):
        assert SAMPLE[t.start:t.end] == t.text
        assert t.rule.startswith(f"time.rules.v{version}:")
        assert t.doc_id == "" and t.sentence == -1


def test_a_publication_date_may_be_given_as_a_date_object() -> None:
    import datetime as dt

    as_text = [(t.text, t.value) for t in tag(SAMPLE, published="2011-06-24")]
    assert [(t.text, t.value) for t in tag(SAMPLE, published=dt.date(2011, 6, 24))] == as_text
    assert ("Last week", "2011-W24") in as_text


def test_timexes_come_in_reading_order_without_overlap() -> None:
    found = tag(SAMPLE, published="2011-06-24")
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_precision_and_kind_take_only_the_documented_values() -> None:
    for t in tag(SAMPLE, published="2011-06-24"):
        assert t.precision is None or t.precision in PRECISIONS
        assert t.kind in ("absolute", "relative", "narrative", "duration", "set")
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.kind in ("duration", "set"):
            assert t.date_start is None and t.date_end is None


def test_an_absolute_timex_replays_to_the_same_value_from_its_own_text() -> None:
    for t in tag(SAMPLE, published="2011-06-24"):
        if t.kind == "absolute" and t.range_start is None:
            again = tag(t.text)
            assert [(x.value, x.date_start, x.date_end, x.rule) for x in again] == \
                [(t.value, t.date_start, t.date_end, t.rule)]


def test_every_rule_names_a_known_handler_and_compiles_for_each_language() -> None:
    for entry in load_entries("time/rules.yaml", required=("pattern", "handler")):
        assert entry["handler"] in HANDLERS, entry["id"]
    for lang in ("en", "ru", "az", "tr", "xx"):
        assert grammar(lang).rules


def test_tag_sentences_gives_sentence_indexes_and_document_offsets() -> None:
    text = "Intro line.\n\nThe war ended in 1994. Talks began in May 1995."
    sentences = segment("doc", text)
    found = tag_sentences("doc", text, sentences)
    assert [(t.text, t.sentence, t.doc_id) for t in found] == [("1994", 1, "doc"), ("May 1995", 2, "doc")]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_the_time_stage_fills_timexes_and_one_narrative_time_per_sentence() -> None:
    text = "Ivanov visited Baku on February 26 and 27. Two agreements were signed."
    doc = Document(doc="x.txt", doc_id=text_id(text), text=text, published="2003-03-12", language="en")
    analysis = analyse(doc, Options(), ("segment", "time"))
    assert [t.value for t in analysis.timexes] == ["2003-02-26", "2003-02-27"]
    assert [(n.basis, n.date_start, n.date_end) for n in analysis.narrative] == [
        ("explicit", "2003-02-26", "2003-02-27"), ("carried", "2003-02-26", "2003-02-27")]
    assert all(t.doc_id == doc.doc_id for t in analysis.timexes)


def test_the_time_stage_is_registered_after_segment() -> None:
    assert "time" in registered()
    stages = plan(("segment", "time"))
    assert stages[1].requires == ("sentences",)
    assert stages[1].assigns == ("timexes", "narrative")


def test_the_publication_precision_limits_what_relative_expressions_can_say() -> None:
    by_year = {t.text: t.value for t in tag("Yesterday and last month the envoy met him.", published="2008")}
    assert by_year == {"Yesterday": "XXXX-XX-XX", "last month": "PAST_REF"}
    by_day = {t.text: t.value for t in tag("Yesterday and last month the envoy met him.", published="2008-05-07")}
    assert by_day == {"Yesterday": "2008-05-06", "last month": "2008-04"}


@pytest.mark.parametrize("lang", ["ru", "az", "tr", "de"])
def test_english_month_names_are_still_read_in_documents_of_other_languages(lang: str) -> None:
    found = tag("Signed on 20 September 2023.", lang=lang)
    assert [t.value for t in found] == ["2023-09-20"]


def test_records_are_frozen() -> None:
    t = tag("in 1993")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.value = "1994"  # type: ignore[misc]


def _values_of(text: str, published: str | None) -> dict[str, str]:
    doc = Document(doc="x.txt", doc_id=text_id(text), text=text, published=published, language="en")
    return {t.text: t.value for t in analyse(doc, Options(), ("segment", "time")).timexes}


def test_without_a_publication_date_relative_years_resolve_against_the_latest_year_the_text_names() -> None:
    text = ("Trade grew in 2009 and again in 2010. This year the two governments signed a new gas deal, "
            "and last year they agreed on the border.")
    values = _values_of(text, None)
    assert values["This year"] == "2010" and values["last year"] == "2009"


def test_a_year_named_in_a_plan_or_forecast_is_no_anchor() -> None:
    text = ("Trade grew in 2010. The pipeline will carry twice as much by 2030. This year the two governments "
            "signed a new gas deal.")
    assert _values_of(text, None)["This year"] == "2010"


def test_a_stated_publication_date_is_kept_and_the_document_metadata_is_not_changed() -> None:
    text = "Trade grew in 2009. This year the two governments signed a new gas deal."
    assert _values_of(text, "2012-05-01")["This year"] == "2012"
    doc = Document(doc="x.txt", doc_id=text_id(text), text=text, published=None, language="en")
    assert analyse(doc, Options(), ("segment", "time")).document.published is None


def test_a_text_that_names_no_year_keeps_relative_years_unresolved() -> None:
    assert _values_of("This year the two governments signed a new gas deal.", None)["This year"] == "PRESENT_REF"

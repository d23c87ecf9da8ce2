"""Narrative time: the time each sentence talks about, explicit or carried, reset at topic breaks."""

from __future__ import annotations

import pytest

from dyadscope.annotate.time import narrative_times, tag_sentences
from dyadscope.records import NarrativeTime
from dyadscope.text.segment import segment


def _narrative(text: str, published: str | None = None) -> list[NarrativeTime]:
    sentences = segment("d", text)
    timexes = tag_sentences("d", text, sentences, published=published)
    return narrative_times(sentences, timexes, text)


def _by_sentence(text: str, published: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(n.basis, n.date_start, n.date_end) for n in _narrative(text, published)]


def test_a_dated_sentence_is_explicit_and_the_next_one_carries_its_time() -> None:
    text = "The minister visited Baku on February 26 and 27. During the visit two agreements were signed."
    assert _by_sentence(text, "2003-03-12") == [
        ("explicit", "2003-02-26", "2003-02-27"),
        ("carried", "2003-02-26", "2003-02-27"),
    ]


def test_a_new_paragraph_on_another_topic_starts_without_a_time() -> None:
    text = ("In 1993 the government was overthrown by a rebel colonel.\n\n"
            "Energy policy rests on three pillars that every cabinet has kept.")
    assert [b for b, _, _ in _by_sentence(text)] == ["explicit", "none"]


def test_a_paragraph_that_opens_with_a_continuation_keeps_the_time() -> None:
    text = ("In 1993 the government was overthrown by a rebel colonel.\n\n"
            "Shortly afterwards the new leaders sought help from Moscow.")
    assert _by_sentence(text)[1] == ("carried", "1993", "1993")


def test_a_paragraph_that_goes_on_with_the_same_topic_keeps_the_time() -> None:
    text = ("The GUAM summit in Batumi in July 2008 urged the members to act on frozen conflicts.\n\n"
            "The invasion of Georgia became the first test for the GUAM members after the summit.")
    assert _by_sentence(text)[1] == ("carried", "2008-07", "2008-07")


def test_a_heading_resets_the_time_and_does_not_pass_it_on() -> None:
    text = "Events of 1999\n\nThe pipeline consortium met again."
    result = _by_sentence(text)
    assert result[0][0] == "explicit"
    assert result[1] == ("none", None, None)


def test_durations_and_references_never_date_a_sentence() -> None:
    text = "For more than 14 years the dispute went on. Now the sides talk again."
    assert [b for b, _, _ in _by_sentence(text, "2011")] == ["none", "none"]


def test_a_year_after_for_does_not_replace_the_carried_time() -> None:
    text = ("The minister visited Baku on February 26 and 27. "
            "An agreement on cooperation for 2003 was signed. The sides also discussed arms sales.")
    assert _by_sentence(text, "2003-03-12")[1:] == [
        ("carried", "2003-02-26", "2003-02-27"),
        ("carried", "2003-02-26", "2003-02-27"),
    ]


def test_a_planned_event_does_not_move_the_time_of_the_passage() -> None:
    text = ("The minister visited Baku on February 26. In April the sides will hold exercises. "
            "At the press conference the minister praised the talks.")
    result = _by_sentence(text, "2003-03-12")
    assert result[1][0] == "explicit"
    assert result[2] == ("carried", "2003-02-26", "2003-02-26")


@pytest.mark.parametrize(("text", "expected"), [
    ("Since 2004 the mediators have drafted new principles.", ("2004", None)),
    ("From 1992 to 2000 Russia backed Armenia.", ("1992", "2000")),
])
def test_open_intervals_and_ranges_keep_both_ends_in_the_narrative_time(
        text: str, expected: tuple[str | None, str | None]) -> None:
    nt = _narrative(text)[0]
    assert (nt.date_start, nt.date_end) == expected
    assert nt.basis == "explicit"


def test_every_sentence_gets_exactly_one_narrative_time_in_order() -> None:
    text = "One. Two in 1999.\n\nThree. Four."
    sentences = segment("d", text)
    result = _narrative(text)
    assert [n.sentence for n in result] == [s.index for s in sentences]


def test_a_new_passage_that_refers_back_to_a_dated_event_takes_its_time() -> None:
    text = ("Six rounds of talks ended in a summit in Astana on 12 May 2016. No paper was signed.\n\n"
            "Many observers blamed the hosts for the stalemate. Reportedly the delegation arrived at the summit "
            "with a list of new demands.")
    result = _by_sentence(text)
    assert result[2] == ("none", None, None)
    assert result[3] == ("carried", "2016-05-12", "2016-05-12")


@pytest.mark.parametrize("second", [
    "Reportedly the delegation arrived at the conference with a list of new demands.",   # another event
    "Reportedly the recent summit brought a list of new demands.",                         # a time of its own
])
def test_a_reference_to_no_dated_event_or_with_its_own_time_takes_no_earlier_time(second: str) -> None:
    text = ("Six rounds of talks ended in a summit in Astana on 12 May 2016. No paper was signed.\n\n"
            "Many observers blamed the hosts for the stalemate. " + second)
    assert _by_sentence(text, "2016-06-01")[3][1] != "2016-05-12"

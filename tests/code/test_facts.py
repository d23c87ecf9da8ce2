"""Checkable facts on hand-written sentences (table-driven, with negative cases).

Time expressions come from a tiny year/month regex and actor mentions are left out, so these tests exercise
the fact rules alone; the seed test runs the whole pipeline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import pytest

from dyadscope.code.facts import RULESET, find_facts, person_key
from dyadscope.records import Fact, Mention, Timex
from dyadscope.text.segment import segment

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def year_timexes(text: str) -> list[Timex]:
    out = []
    for s in segment("d", text):
        for m in re.finditer(rf"\b(?:({MONTHS})\s+)?(1[89]\d\d|20\d\d)\b", s.text):
            value = m.group(2) if not m.group(1) else f"{m.group(2)}-{MONTHS.split('|').index(m.group(1)) + 1:02d}"
            out.append(Timex("d", s.index, s.start + m.start(), s.start + m.end(), m.group(0), value, value, value,
                             "month" if m.group(1) else "year", "absolute"))
    return out


def facts_of(text: str) -> list[Fact]:
    return find_facts("doc.txt", "d", text, segment("d", text), year_timexes(text))


def only(text: str, kind: str) -> Fact:
    found = [f for f in facts_of(text) if f.kind == kind]
    assert len(found) == 1, found
    return found[0]


QUANTITIES = [
    # (sentence, value, unit, qualifier, allowed interval must contain / exclude)
    ("Trade turnover between the two states reached USD 4.4 billion in 2023.", "4400000000", "USD", "exact",
     4.38e9, 4.5e9),
    ("Moscow owes Baku about 100 million dollars for the radar station.", "100000000", "USD", "approx", 95e6, 160e6),
    ("Baku has invested over USD 1 billion in Russian enterprises.", "1000000000", "USD", "above", 1.2e9, 0.9e9),
    ("Exports grew by 23.9% last year.", "23.9", "percent", "exact", 23.9, 25.0),
    ("By then the army had lost one-fifth of its territory.", "20", "percent", "exact", 20.0, 30.0),
    ("Some 84 T-72 tanks were shipped across the border.", "84", "vehicles", "approx", 80.0, 100.0),
    ("The number of joint ventures has exceeded 1,000.", "1000", "companies", "above", 1200.0, 900.0),
    ("Millions of migrants live and work in the larger country.", "2000000", "persons", "above", 3e6, 1.5e6),
    ("The delegation brought nine or ten amendments to the talks.", "9", "items", "exact", 10.0, 12.0),
]


@pytest.mark.parametrize("text,value,unit,qualifier,inside,outside", QUANTITIES, ids=[q[0][:40] for q in QUANTITIES])
def test_quantities_carry_value_unit_qualifier_and_the_interval_they_allow(
        text: str, value: str, unit: str, qualifier: str, inside: float, outside: float) -> None:
    f = only(text, "quantity")
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)
    assert f.low is not None and f.high is not None
    assert f.low <= inside <= f.high
    assert not (f.low <= outside <= f.high)


def test_figures_of_one_particular_thing_are_keyed_by_it_and_rates_are_not_dated_by_the_sentence() -> None:
    text = ("The airliner came down near the coast in 2024. Of the 67 people on board, 38 were killed. "
            "Moscow leased the radar station in 2002 and paid seven million dollars a year.")
    got = {(f.subject, f.value, f.date) for f in facts_of(text) if f.kind == "quantity"}
    # the toll's own sentence gives no time: it takes, loosely, the time of the passage (the crash's year)
    assert ("casualties@crash", "38", "2024") in got
    assert ("rent@lease", "7000000", None) in got
    assert not any(s.startswith("casualties") and v == "67" for s, v, _ in got)


def test_round_figures_allow_their_rounding_but_not_half_their_size() -> None:
    ten = only("The lease brought 10 million dollars.", "quantity")
    assert (ten.low, ten.high) == (9.5e6, 10.5e6)
    many = only("Some 140,000 children learn in Russian.", "quantity")
    assert many.low is not None and many.high is not None and many.low <= 130_000 and many.high >= 150_000


def test_a_vote_count_is_one_fact_with_both_numbers() -> None:
    f = only("The parliament, in a vote of 30 to 13, ratified the treaty in September 1993.", "vote")
    assert (f.value, f.unit, f.date) == ("30-13", "votes", "1993-09")


def test_a_quantity_is_dated_by_the_year_of_its_own_clause() -> None:
    text = "In 2022 trade grew by 23.9% (USD 3.71 billion), and in 2023 it grew by 17.5%."
    got = {(f.value, f.date) for f in facts_of(text) if f.kind == "quantity"}
    assert got == {("23.9", "2022"), ("3710000000", "2022"), ("17.5", "2023")}


HAPPENINGS = [
    # (passage, subject key, year, date basis)
    ("Vladimir Putin came to power in 2000.", "vladimir_putin:took_office", "2000", "explicit"),
    ("Yeltsin was replaced by his Prime Minister Vladimir Putin in 2001.", "vladimir_putin:took_office", "2001",
     "explicit"),
    ("The second stage ran from 2000 till 2008 and covered the two terms of Vladimir Putin's presidency.",
     "vladimir_putin:took_office", "2000", "explicit"),
    ("In 1999 the war resumed. That coincides with Vladimir Putin's coming to power.", "vladimir_putin:took_office",
     "1999", "carried"),
    ("Aliyev became the acting President of the republic in 1993.", "aliyev:took_office", "1993", "explicit"),
    ("The Eurasian Customs Union was founded in 2010.", "founded:customs_union", "2010", "explicit"),
]


@pytest.mark.parametrize("text,subject,year,basis", HAPPENINGS, ids=[h[0][:40] for h in HAPPENINGS])
def test_dated_happenings_get_a_subject_key_that_compares_across_documents(
        text: str, subject: str, year: str, basis: str) -> None:
    found = [f for f in facts_of(text) if f.kind == "happening"]
    assert [(f.subject, f.date, f.date_basis) for f in found] == [(subject, year, basis)]


def test_a_loosely_dated_happening_says_how_loose() -> None:
    carried = only("In 1999 the war resumed. That coincides with Vladimir Putin's coming to power.", "happening")
    stated = only("Vladimir Putin came to power in 2000.", "happening")
    assert carried.tolerance >= 1 and stated.tolerance == 0


NO_HAPPENING = [
    ("a time in office without a stated span", "Putin's presidency in 2005 saw growth."),
    ("a return is another happening than taking office", "Putin returned to the presidency in 2012."),
    ("a year in another clause does not date the happening",
     "After the collapse of the Soviet Union, the republic issued its own money (in 1992)."),
    ("a happening without any date", "Vladimir Putin came to power."),
]


@pytest.mark.parametrize("comment,text", NO_HAPPENING, ids=[n[0] for n in NO_HAPPENING])
def test_sentences_that_do_not_date_a_once_only_happening_give_none(comment: str, text: str) -> None:
    assert [f for f in facts_of(text) if f.kind == "happening"] == []


def test_recurring_happenings_are_kept_as_dated_events_not_compared() -> None:
    f = only("Russia and Azerbaijan signed two agreements in 1997.", "dated_event")
    assert f.subject.startswith("signed:") and f.date == "1997"


def test_signing_a_document_named_by_its_subject_happens_once() -> None:
    active = only("The presidents signed the Treaty on the State Border on 3 September 2010.", "happening")
    passive = only("The 2011 treaty on the state border, signed with much ceremony, was ratified later.", "happening")
    assert active.subject == passive.subject == "signed_document:treaty_state_border"
    assert (active.date, passive.date) == ("2010-09", "2011")


def test_other_explicit_dates_are_kept_as_low_confidence_dated_mentions() -> None:
    f = only("The republic issued its own money in 1992.", "dated_mention")
    assert f.date == "1992" and f.confidence < 0.5


NO_FACTS = [
    "Relations improved considerably after the talks.",
    "The minister spoke for a long time about the pipeline.",
    "Section 3 of the paper discusses the second chapter.",
]


@pytest.mark.parametrize("text", NO_FACTS)
def test_sentences_without_figures_or_dates_give_no_facts(text: str) -> None:
    assert facts_of(text) == []


def test_every_fact_explains_itself() -> None:
    text = "Intro. Trade turnover reached USD 4.4 billion in 2023."
    f = only(text, "quantity")
    assert text[f.start:f.end] == f.sentence
    assert f.quote in f.sentence and f.quote == "USD 4.4 billion"
    assert f.rule.startswith(RULESET + ":")
    assert math.isfinite(f.low or 0)


def test_a_surname_takes_the_first_name_the_document_gives_elsewhere() -> None:
    assert person_key("Putin", {"Putin": "Vladimir"}) == "vladimir_putin"
    assert person_key("Putin's", {}) == "putin"
    assert person_key("Ilham Aliyev", {"Aliyev": "Heydar"}) == "ilham_aliyev"


# --- dates the time stage resolves, more ways to write a figure, keys of clauses and of named documents --------

def timex_at(text: str, words: str, value: str, precision: str, kind: str = "relative", typ: str = "DATE") -> Timex:
    """A time expression as the time stage gives it, for ``words`` (their first occurrence) in ``text``."""
    at = text.index(words)
    sentence = next(s for s in segment("d", text) if s.start <= at < s.end)
    return Timex("d", sentence.index, at, at + len(words), words, value, value, value, precision, kind, type=typ)


def mentions_of(text: str, **codes: str) -> list[Mention]:
    """Actor mentions of the given words (word=code; first occurrence of each), as the actors stage gives them."""
    out = []
    for word, code in codes.items():
        at = text.index(word.replace("_", " "))
        sentence = next(s for s in segment("d", text) if s.start <= at < s.end)
        out.append(Mention("d", sentence.index, at, at + len(word), word.replace("_", " "), code, f"t:{code}"))
    return out


def facts_with(text: str, timexes: list[Timex], mentions: Sequence[Mention] = ()) -> list[Fact]:
    return find_facts("doc.txt", "d", text, segment("d", text), sorted(timexes, key=lambda t: t.start), mentions)


RESOLVED = [
    # (sentence, words of the time expression, its value, precision, dated mention expected)
    ("The minister told the envoy on November 4 that supplies would fall.", "November 4", "2006-11-04", "day", True),
    ("Officials from both sides talked on Tuesday about transit.", "Tuesday", "2007-01-09", "day", True),
    ("Three months ago the pipeline stopped.", "Three months ago", "2006-10", "month", True),
    ("Last year the pipeline stopped.", "Last year", "2006", "year", False),
]


@pytest.mark.parametrize("text,words,value,precision,expected", RESOLVED, ids=[r[1] for r in RESOLVED])
def test_dates_the_time_stage_resolves_from_the_publication_date_are_dated_mentions(
        text: str, words: str, value: str, precision: str, expected: bool) -> None:
    got = [(f.date, f.date_basis) for f in facts_with(text, [timex_at(text, words, value, precision)])
           if f.kind == "dated_mention"]
    assert got == ([(value, "relative")] if expected else [])


def test_a_relative_date_dates_a_happening_with_the_value_the_time_stage_gave_it() -> None:
    text = "The two presidents on Tuesday signed the Declaration on Mutual Security in the capital."
    (f,) = [f for f in facts_with(text, [timex_at(text, "Tuesday", "2019-05-14", "day")]) if f.kind == "happening"]
    assert (f.subject, f.date, f.date_basis, f.tolerance) == (
        "signed_document:declaration_mutual_security", "2019-05-14", "relative", 0.0)


WRITTEN = [
    # (sentence, value, unit, subject ends with)
    ("The mediators tabled a 43-point plan for the enclave.", "43", "items", ":proposals"),
    ("A 2,000-strong contingent stayed behind.", "2000", "persons", ":troops"),
    ("The army keeps two battalions at the base.", "2", "formations", ":troops"),
    ("The treaty divides the flow of the river equally between the two states.", "50", "percent", ":flow_share"),
    ("The consortium shares the output evenly among three partners.", "33.33", "percent", ":stake"),
    ("The prime minister, aged 54, resigned in protest.", "54", "years", ":age"),
    ("The 61-year-old envoy stayed on.", "61", "years", ":age"),
    ("The tenant pays $5 million annually for the facility.", "5000000", "USD", "rent@lease"),
]


@pytest.mark.parametrize("text,value,unit,subject", WRITTEN, ids=[w[0][:40] for w in WRITTEN])
def test_figures_written_in_words_hyphens_and_shares_are_quantities(text: str, value: str, unit: str,
                                                                     subject: str) -> None:
    f = only(text, "quantity")
    assert (f.value, f.unit) == (value, unit)
    assert f.subject.endswith(subject)


def test_a_part_of_a_whole_takes_the_whole_s_unit_and_its_own_predicate() -> None:
    text = "The airliner crashed on landing. 38 of the 67 on board were killed."
    got = {(f.subject, f.value, f.unit) for f in facts_of(text) if f.kind == "quantity"}
    assert got == {("casualties@crash", "38", "persons"), ("on_board@crash", "67", "persons")}


def test_an_age_in_commas_belongs_to_the_person_named_before_it() -> None:
    text = "Ivan Petrov, 58, resigned on the spot."
    mention = Mention("d", 0, 0, 11, "Ivan Petrov", "RUS", "t:RUS", person="Ivan Petrov", kind="person")
    (f,) = [f for f in facts_with(text, [], [mention]) if f.subject.endswith(":age")]
    assert (f.subject, f.value, f.actors) == ("ivan_petrov:age", "58", ("RUS",))


NOT_WRITTEN = [
    ("treating two sides equally divides nothing", "The court treated both sides equally."),
    ("a lease of fifty years is no age", "The base was let on a 50-year lease."),
    ("a bare number with no unit", "Of the options, 3 remained."),
    ("an ordinal hyphen word", "It was the 5-star hotel of the capital."),
]


@pytest.mark.parametrize("comment,text", NOT_WRITTEN, ids=[n[0] for n in NOT_WRITTEN])
def test_words_that_only_look_like_figures_give_no_quantity(comment: str, text: str) -> None:
    assert [f for f in facts_of(text) if f.kind == "quantity"] == []


def test_the_key_takes_the_actors_of_the_figure_s_clause_not_of_a_side_clause() -> None:
    text = ("Trade between Georgia and Turkey reached $2 billion in 2021, two years before Armenia reopened "
            "its border.")
    ms = mentions_of(text, Georgia="GEO", Turkey="TUR", Armenia="ARM")
    (f,) = [f for f in facts_with(text, [timex_at(text, "2021", "2021", "year", "absolute")], ms)
            if f.kind == "quantity"]
    assert f.subject == "GEO-TUR:trade_turnover"
    # with no actor in its own clause, the sentence's actors are the fallback
    text = "It reached $2 billion in 2021 (Armenia's figure)."
    ms = mentions_of(text, Armenia="ARM")
    (f,) = [f for f in facts_with(text, [timex_at(text, "2021", "2021", "year", "absolute")], ms)
            if f.kind == "quantity"]
    assert f.actors == ("ARM",)


DOCUMENTS = [
    # (sentence, subject key of the signing, its date)
    ("The presidents signed the Treaty on the State Border between Georgia and Turkey in 1998.",
     "signed_document:treaty_state_border", "1998"),
    ("The border treaty, signed in 1999, settled the dispute.", "signed_document:treaty_border", "1999"),
    ("In 1998 the two governments signed an agreement on the state border.", "signed_document:treaty_state_border",
     "1998"),
    ("The Declaration on Mutual Security was adopted in March 2004.", "signed_document:declaration_mutual_security",
     "2004-03"),
    ("The 1999 border treaty has held ever since.", "signed_document:treaty_border", "1999"),
    ("The friendship treaty of July 1997 did not end the suspicion.", "signed_document:treaty_friendship", "1997-07"),
]


@pytest.mark.parametrize("text,subject,date", DOCUMENTS, ids=[d[0][:40] for d in DOCUMENTS])
def test_a_named_document_is_keyed_by_its_kind_and_name_and_dated_by_its_signing(text: str, subject: str,
                                                                                 date: str) -> None:
    assert [(f.subject, f.date) for f in facts_of(text) if f.kind == "happening"] == [(subject, date)]


NO_DOCUMENT = [
    ("a document without a name", "The new treaty was signed in 1999."),
    ("an agreement named only by a word before it", "The gas agreement was signed in 2001."),
    ("a refusal to sign", "Baku refused to sign the treaty on the state border in 1999."),
]


@pytest.mark.parametrize("comment,text", NO_DOCUMENT, ids=[n[0] for n in NO_DOCUMENT])
def test_signings_of_documents_without_a_name_are_not_once_only(comment: str, text: str) -> None:
    assert [f for f in facts_of(text) if f.subject.startswith("signed_document:")] == []

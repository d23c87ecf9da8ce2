"""Which clause a fact's date and actors come from: reports, joined objects (table-driven, with negatives).

Time expressions and actor mentions are made by hand for the words named, as the time and actors stages
give them, so these tests exercise the fact rules alone.
"""

from __future__ import annotations

import pytest

from dyadscope.code.facts import find_facts
from dyadscope.records import Fact, Mention, Timex
from dyadscope.text.segment import segment


def timex_at(text: str, words: str, value: str, precision: str) -> Timex:
    at = text.index(words)
    sentence = next(s for s in segment("d", text) if s.start <= at < s.end)
    return Timex("d", sentence.index, at, at + len(words), words, value, value, value, precision, "absolute")


def mention_at(text: str, words: str, code: str) -> Mention:
    at = text.index(words)
    sentence = next(s for s in segment("d", text) if s.start <= at < s.end)
    return Mention("d", sentence.index, at, at + len(words), words, code, f"t:{code}")


def facts_with(text: str, times: dict[str, tuple[str, str]], actors: dict[str, str] | None = None) -> list[Fact]:
    tx = sorted((timex_at(text, w, v, p) for w, (v, p) in times.items()), key=lambda t: t.start)
    ms = [mention_at(text, w, c) for w, c in (actors or {}).items()]
    return find_facts("doc.txt", "d", text, segment("d", text), tx, ms)


REPORTED = [
    # (comment, sentence, times, the figure's date)
    ("a figure reported after 'that' takes the date of its own clause, not the report's",
     "The company told the ministry on March 3 that it would buy only 6 bcm of gas in 2011.",
     {"March 3": ("2011-03-03", "day"), "2011": ("2011", "year")}, "2011"),
    ("with no date in its own clause, the report's date still dates it",
     "The company told the ministry on March 3 that it would buy only 6 bcm of gas.",
     {"March 3": ("2011-03-03", "day")}, "2011-03-03"),
    ("without 'that', the date before the figure in its clause dates it",
     "On March 3 the company bought 6 bcm of gas for delivery in 2011.",
     {"March 3": ("2011-03-03", "day"), "2011": ("2011", "year")}, "2011-03-03"),
]


@pytest.mark.parametrize("comment,text,times,date", REPORTED, ids=[r[0] for r in REPORTED])
def test_a_reported_figure_is_dated_by_its_own_clause(comment: str, text: str, times: dict, date: str) -> None:
    (gas,) = [f for f in facts_with(text, times) if f.unit == "cubic_metres"]
    assert gas.date == date


ADDRESSEES = [
    # (comment, sentence, actors, the figure's actors)
    ("the addressee of a report is no party to the figure",
     "The deputy minister of Kyrgyzstan told the Ambassador of Japan that trade would fall to $300 million.",
     {"Kyrgyzstan": "KGZ", "Japan": "JPN"}, ("KGZ",)),
    ("a state named after 'that' stays a party",
     "The deputy minister told the Ambassador that trade with Kazakhstan would fall to $300 million.",
     {"Kazakhstan": "KAZ"}, ("KAZ",)),
    ("a state that tells is no addressee",
     "Kyrgyzstan told reporters that trade with Kazakhstan would fall to $300 million.",
     {"Kyrgyzstan": "KGZ", "Kazakhstan": "KAZ"}, ("KAZ", "KGZ")),
]


@pytest.mark.parametrize("comment,text,actors,expected", ADDRESSEES, ids=[a[0] for a in ADDRESSEES])
def test_the_addressee_of_a_report_is_not_in_the_figure_s_key(comment: str, text: str, actors: dict,
                                                               expected: tuple) -> None:
    (money,) = [f for f in facts_with(text, {}, actors) if f.unit == "USD"]
    assert money.actors == expected


def test_a_second_document_joined_by_and_to_a_signing_is_signed_too() -> None:
    text = ("The sides signed the Agreement on Strategic Partnership in June 2004 and the Treaty on Allied "
            "Relations in November 2005, the minister said.")
    found = facts_with(text, {"June 2004": ("2004-06", "month"), "November 2005": ("2005-11", "month")})
    docs = sorted((f.subject, f.date) for f in found if f.subject.startswith("signed_document:"))
    assert docs == [("signed_document:treaty_allied_relations", "2005-11"),
                    ("signed_document:treaty_strategic_partnership", "2004-06")]


def test_a_document_merely_named_after_a_signing_is_not_signed() -> None:
    text = ("The sides signed the Agreement on Strategic Partnership in June 2004, citing the Treaty on Allied "
            "Relations of November 2005.")
    found = facts_with(text, {"June 2004": ("2004-06", "month"), "November 2005": ("2005-11", "month")})
    docs = [(f.subject, f.rule.split(":")[-1]) for f in found if f.subject.startswith("signed_document:")]
    assert ("signed_document:treaty_allied_relations", "signed_document") not in docs


CHANGES = [
    # (comment, sentence, times, the dates of the USD figures in text order)
    ("the value a change starts from is not dated by the change",
     "The supplier will raise the price from USD 110 to USD 235 on January 1.",
     {"January 1": ("2007-01-01", "day")}, [None, "2007-01-01"]),
    ("each end of a change with its own year keeps it",
     "Trade grew from $2 billion in 2019 to $3 billion in 2020.",
     {"2019": ("2019", "year"), "2020": ("2020", "year")}, ["2019", "2020"]),
    ("a figure after 'from' that starts no change is dated as usual",
     "In 2007 the supplier earned $300 million from gas sales.", {"2007": ("2007", "year")}, ["2007"]),
]


@pytest.mark.parametrize("comment,text,times,dates", CHANGES, ids=[c[0] for c in CHANGES])
def test_a_change_from_one_value_to_another_dates_only_the_new_value(comment: str, text: str, times: dict,
                                                                      dates: list) -> None:
    assert [f.date for f in facts_with(text, times) if f.unit == "USD"] == dates

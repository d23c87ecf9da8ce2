"""Named documents and rates: how a fact's subject key lets two documents' claims meet (table-driven).

Time expressions come from a tiny year/month regex (as in test_facts.py), so these tests exercise the fact
rules alone; actors are left out, since documents and the rent of a lease are keyed without them.
"""

from __future__ import annotations

import re

import pytest

from dyadscope.code.facts import find_facts
from dyadscope.records import Fact, Timex
from dyadscope.resolve.contradictions import find_contradictions
from dyadscope.text.segment import segment

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def year_timexes(text: str) -> list[Timex]:
    out = []
    for s in segment("d", text):
        for m in re.finditer(rf"\b(?:(\d{{1,2}})\s+)?(?:({MONTHS})\s+)?(1[89]\d\d|20\d\d)\b", s.text):
            day, month, year = m.groups()
            value = year
            if month:
                value += f"-{MONTHS.split('|').index(month) + 1:02d}"
                if day:
                    value += f"-{int(day):02d}"
            precision = "day" if day and month else ("month" if month else "year")
            out.append(Timex("d", s.index, s.start + m.start(), s.start + m.end(), m.group(0), value, value, value,
                             precision, "absolute"))
    return out


def facts_of(text: str, doc: str = "doc.txt") -> list[Fact]:
    return find_facts(doc, f"id-{doc}", text, segment(f"id-{doc}", text), year_timexes(text))


def documents(text: str) -> list[tuple[str, str | None]]:
    return [(f.subject, f.date) for f in facts_of(text) if f.subject.startswith("signed_document:")]


NAMED = [
    # (comment, sentence, [(subject, date)])
    ("a name in capitals goes on after 'and'",
     "The Treaty on Friendship and Mutual Aid was signed in March 1996.",
     [("signed_document:treaty_friendship_mutual_aid", "1996-03")]),
    ("a name in capitals goes on after a comma that a later 'and' shows to be a list",
     "Both leaders signed the Treaty on Friendship, Cooperation and Security in 1995.",
     [("signed_document:treaty_friendship_cooperation_security", "1995")]),
    ("a lower-case 'and' ends the name",
     "In 1999 they signed the treaty on friendship and trade.",
     [("signed_document:treaty_friendship", "1999")]),
    ("a name of five words keeps its head word",
     "The Treaty on the Delimitation of the State Border between the two was signed in 2005.",
     [("signed_document:treaty_delimitation_state_border", "2005")]),
    ("a date after 'of' dates the document and is no part of its name",
     "Ties were sealed by the Declaration on Eternal Partnership and Alliance of 11 November 2013.",
     [("signed_document:declaration_eternal_partnership_alliance", "2013-11-11")]),
    ("a date in brackets after the name dates it",
     "The Declaration on Allied Cooperation (February 2022) raised eyebrows in Kyiv.",
     [("signed_document:declaration_allied_cooperation", "2022-02")]),
    ("a document named by what it does",
     "In 2010 the two signed a treaty delimiting their state border.",
     [("signed_document:treaty_state_border", "2010")]),
    ("a possessive before a document named by the words before its type",
     "The two countries signed their border treaty in 2006.",
     [("signed_document:treaty_border", "2006")]),
    ("two joined predicates of one subject share the first one's date",
     "Their leader visited Moscow in July 1997 and signed the Treaty on Friendship and Security with Russia.",
     [("signed_document:treaty_friendship_security", "1997-07")]),
    ("a new subject after 'and' does not share the date",
     "Their leader visited Moscow in July 1997, and his successor signed the Treaty on Friendship and Security.",
     []),
    ("no name, no once-only document: a mere agreement recurs",
     "The two countries signed an agreement in 2006.", []),
    ("no document at all", "The two countries traded more in 2006.", []),
]


@pytest.mark.parametrize("comment,text,expected", NAMED, ids=[n[0] for n in NAMED])
def test_a_document_named_by_its_subject_is_keyed_by_its_kind_and_name(comment: str, text: str,
                                                                        expected: list[tuple[str, str]]) -> None:
    assert documents(text) == expected


RATES = [
    # (comment, sentence, dated by its sentence)
    ("a figure a year is a rate", "In 2004 Russia paid US$115m a year in rent for the cosmodrome.", False),
    ("an annual rent named before the figure is a rate",
     "In 2004 the annual rent Russia paid for the cosmodrome, $115 million, was renewed.", False),
    ("rent paid annually", "In 2004 the lease set a rent of $115 million, paid annually.", False),
    ("a one-off payment for the lease is dated by its sentence",
     "In 2004 Russia paid $50 million to settle the lease arrears.", True),
]


@pytest.mark.parametrize("comment,text,dated", RATES, ids=[r[0] for r in RATES])
def test_the_rent_of_a_lease_is_a_rate_whichever_side_of_the_figure_says_so(comment: str, text: str,
                                                                            dated: bool) -> None:
    rent = [f for f in facts_of(text) if f.subject == "rent@lease"]
    assert len(rent) == 1, facts_of(text)
    assert (rent[0].date is not None) is dated


def test_annual_trade_is_still_dated_by_its_sentence() -> None:
    trade = [f for f in facts_of("Annual trade between the two reached $2 billion in 2019.") if f.unit == "USD"]
    assert [f.date for f in trade] == ["2019"]


# Three documents of our own about one lease, one treaty and one declaration, told differently in each.
STORIES = {
    "news.txt": ("Moscow will keep paying US$115m a year for the cosmodrome, officials said. "
                 "The two countries signed their border treaty in 2006, an official recalled. "
                 "The Declaration on Eternal Partnership and Alliance was signed in November 2013."),
    "encyclopedia.txt": ("Russia leases the cosmodrome from Kazakhstan for a rent of $125 million per year. "
                         "The Treaty on the Delimitation of the State Border between the two was signed in 2005. "
                         "Ties were sealed by the Declaration on Eternal Partnership and Alliance of 11 November 2013."),
    "analysis.txt": ("Since the 1990s the lease has been cheap. The annual rent Russia pays for the cosmodrome, "
                     "$115 million, is small. The 2005 border treaty settled the last disputes. The declaration "
                     "on eternal partnership that the presidents signed on 13 November 2013 promised much."),
}


def test_claims_told_differently_in_three_documents_meet_and_their_disagreements_are_found() -> None:
    facts = [f for doc, text in STORIES.items() for f in facts_of(text, doc)]
    found = {(c.subject.partition(":")[2].split("_")[0] if ":" in c.subject else c.subject,
              *sorted([c.a_doc, c.b_doc])) for c in find_contradictions(facts)}
    assert found == {
        ("rent@lease", "encyclopedia.txt", "news.txt"), ("rent@lease", "analysis.txt", "encyclopedia.txt"),
        ("treaty", "encyclopedia.txt", "news.txt"), ("treaty", "analysis.txt", "news.txt"),
        ("declaration", "analysis.txt", "encyclopedia.txt"),
    }


BACK = [
    # (comment, passage, [(subject, date)])
    ("'the declaration' is the declaration named in the sentence before",
     "The two leaders agreed on the Declaration on Allied Cooperation. The declaration was signed on 22 February 2022.",
     [("signed_document:declaration_allied_cooperation", "2022-02-22")]),
    ("'the agreement' is the agreement named before it",
     "The Agreement on the Lease of the Radar Station was drafted in 2001. The agreement was signed in January 2002.",
     [("signed_document:treaty_lease_radar_station", "2002-01")]),
    ("a type word with a name of its own is no back reference",
     "The Declaration on Allied Cooperation was praised. The declaration on the Caspian shelf was signed in 2003.",
     [("signed_document:declaration_caspian_shelf", "2003")]),
    ("nothing named before: no document", "The declaration was signed on 22 February 2022.", []),
    ("a declaration named too long before is not the one meant",
     ("The Declaration on Allied Cooperation was praised. Trade rose. Trade fell. Trade rose. Trade fell. "
      "Trade rose. Later the declaration was signed in 2023."), []),
    ("another type word does not refer back",
     "The Declaration on Allied Cooperation was praised. The treaty was signed in 2023.", []),
]


@pytest.mark.parametrize("comment,text,expected", BACK, ids=[b[0] for b in BACK])
def test_a_document_referred_back_to_by_its_type_word_is_the_one_named_before(
        comment: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert documents(text) == expected


PROPOSALS = [
    # (comment, sentence, subject)
    ("a rent asked for is a proposal", "In 2011 Astana was asking as much as $400 million a year for the cosmodrome.",
     "rent_proposed@lease"),
    ("a rent offered is a proposal", "Moscow offered to pay $90 million a year in rent for the cosmodrome.",
     "rent_proposed@lease"),
    ("a rent paid is the rent", "Moscow paid $115 million a year in rent for the cosmodrome.", "rent@lease"),
]


@pytest.mark.parametrize("comment,text,subject", PROPOSALS, ids=[p[0] for p in PROPOSALS])
def test_a_figure_asked_or_offered_is_compared_only_with_other_proposals(comment: str, text: str,
                                                                         subject: str) -> None:
    assert [f.subject for f in facts_of(text) if f.unit == "USD"] == [subject]
    paid = facts_of("Moscow paid $115 million a year in rent for the cosmodrome.", "other.txt")
    assert len(find_contradictions([*facts_of(text), *paid])) == 0


SCALED_UNITS = [
    # (sentence, value)
    ("In 2019 the pipeline carried 1.6 bcm of gas.", "1600000000"),
    ("In 2019 the pipeline carried 1.6 billion cubic metres of gas.", "1600000000"),
    ("In 2019 the pipeline carried 1,600 mcm of gas.", "1600000000"),
    ("In 2019 the pipeline carried 1,600 cubic metres of gas.", "1600"),
]


@pytest.mark.parametrize("text,value", SCALED_UNITS, ids=[s[0] for s in SCALED_UNITS])
def test_unit_words_with_a_scale_of_their_own_compare_with_spelled_out_figures(text: str, value: str) -> None:
    assert [f.value for f in facts_of(text) if f.unit == "cubic_metres"] == [value]

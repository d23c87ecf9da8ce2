"""Stated periodisations, on hand-written passages (table-driven, with negative cases).

The years come from time expressions; these tests make them with a tiny year/month regex so they exercise
the periodisation rules alone (the seed test runs the real time stage when it is installed).
"""

from __future__ import annotations

import re

import pytest

from dyadscope.code.periods import RULESET, find_periods
from dyadscope.records import Period, Timex
from dyadscope.text.segment import segment

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def year_timexes(doc_id: str, text: str) -> list[Timex]:
    """A stand-in for the time stage: bare years and 'Month YYYY'."""
    out = []
    for s in segment(doc_id, text):
        for m in re.finditer(rf"\b(?:({MONTHS})\s+)?(1[89]\d\d|20\d\d)\b", s.text):
            value = m.group(2)
            if m.group(1):
                value = f"{value}-{MONTHS.split('|').index(m.group(1)) + 1:02d}"
            out.append(Timex("d", s.index, s.start + m.start(), s.start + m.end(), m.group(0), value, value, value,
                             "month" if m.group(1) else "year", "absolute"))
    return out


def periods_of(text: str) -> list[Period]:
    return find_periods("doc.txt", "d", text, segment("d", text), year_timexes("d", text))


def spans(periods: list[Period]) -> list[tuple[str | None, str | None]]:
    return [(p.start, p.end) for p in periods]


CASES = [
    # (comment, passage, expected (start, end) of each stage)
    ("an announced scheme whose members give ranges, the last one beginning with an event",
     ("Relations between Georgia and Russia can be divided into three periods. The first period, from 1992 to "
     "2003, was one of uneasy dependence. The second period lasted from 2004 until 2008. The third period "
     "began with the August war and the recognition of the breakaway regions."),
     [("1992", "2003"), ("2004", "2008"), ("2008", None)]),
    ("a scheme enumerated after a colon, each member with its span in brackets",
     ("Observers of Kazakh-Russian ties distinguish three phases: integration (1991-1995), drift (1996-2004) "
     "and partnership (2005-2014)."),
     [("1991", "1995"), ("1996", "2004"), ("2005", "2014")]),
    ("month-precise members keep their months",
     ("Ankara's policy toward Yerevan went through two phases: the opening (April 2009-October 2009), and "
     "the freeze (October 2009-March 2010)."),
     [("2009-04", "2009-10"), ("2009-10", "2010-03")]),
    ("a first member opened by a span of years rather than by the word stage",
     ("The history of the relationship falls into several stages. Between 1994 and 1999 the two capitals "
     "barely spoke. Another stage of relations started in 2000, when trade resumed."),
     [("1994", "1999"), ("2000", None)]),
    ("'from that time' takes the year of the sentence before",
     ("The relationship can be split into two stages. The first stage ended with the election of 2012. "
     "In 2012 a new president was elected in Tbilisi. From that time began another stage of relations."),
     [(None, "2012"), ("2012", None)]),
    ("a stage named after a leader takes the year the text says the leader took office",
     ("Ties with Moscow can be analysed in two periods: under President Harlan, and then under President "
     "Okafor. Harlan ruled a weak state. Okafor took office in 2004 and mended fences."),
     [(None, "2004"), ("2004", None)]),
    ("an announcement without a count still opens a scheme, so the last stage's start ends the one before",
     ("It helps to divide their history since independence into stages. The first stage ran from 1991 to 1999. "
     "The period after 2000 is the second stage. A third stage began in December 2014."),
     [("1991", "1999"), ("2000", "2014-12"), ("2014-12", None)]),
    ("a sentence that closes the latest stage gives it its end",
     ("Relations went through two stages. The first stage began in 1992. The stage ended in June 1995, when the "
     "government fell. The second stage began in 1996."),
     [("1992", "1995-06"), ("1996", None)]),
    ("a stage that began with one dated event and ended with another takes the second's time as its end",
     ("Relations went through two stages. During the first stage, which began with the gas deal of 1997 and "
      "ended with the coup in March 2002, trade grew. The second stage began in 2003."),
     [("1997", "2002-03"), ("2003", None)]),
    ("a sentence about a period named by its year is a stage",
     "The period after 2020 differs from everything before it.", [("2020", None)]),
    ("a stage outside any scheme is kept when it is anchored in time",
     "In 2010 relations between Baku and Ankara entered a new stage of cooperation.",
     [("2010", None)]),
]


@pytest.mark.parametrize("comment,text,expected", CASES, ids=[c[0] for c in CASES])
def test_stated_stages_are_found_with_their_years(comment: str, text: str, expected: list[tuple]) -> None:
    assert spans(periods_of(text)) == expected


NEGATIVE = [
    ("a stage that refers back adds nothing", "During this period, trade between the two states grew."),
    ("generic uses of the noun are not stages", "For a long period of time the border stayed closed, until 1995."),
    ("a stage of a war is not a stage of the relationship",
     "In 1999 began the second stage of the war in the mountains."),
    ("a stage of a construction project is not one either", "The first phase of the pipeline construction ended in 2005."),
    ("a named era without an announced scheme", "The Soviet era ended in 1991 for both republics."),
    ("an unanchored new era outside a scheme", "Both capitals now speak of a new historical era of friendship."),
    ("a time span inside a fact is not a stage",
     "Arms worth about $1 billion were delivered in the period of 1992-1997."),
]


@pytest.mark.parametrize("comment,text", NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_sentences_that_only_look_like_periodisations_give_nothing(comment: str, text: str) -> None:
    assert periods_of(text) == []


def test_a_scheme_attributed_to_a_scholar_is_cited_and_a_policy_scheme_says_so() -> None:
    text = ("Marta Ivanova divides Russian foreign policy after 1991 into two phases: the liberal phase "
            "(1991-1995) and the great-power phase (1996-2004).")
    periods = periods_of(text)
    assert [p.kind for p in periods] == ["cited", "cited"]
    assert {p.scope for p in periods} == {"policy"}
    assert periods[0].label.startswith("First phase (1991–1995)")


def test_the_authors_own_scheme_is_stated_and_about_the_relationship() -> None:
    text = ("One can divide the past twenty years of relations between Minsk and Moscow into two stages. "
            "The first stage, from 1994 to 2010, was marked by subsidised energy. The second stage lasted "
            "from 2011 till 2020.")
    periods = periods_of(text)
    assert [(p.kind, p.scope, p.ordinal, p.scheme_size) for p in periods] == [
        ("stated", "relationship", 1, 2), ("stated", "relationship", 2, 2)]
    assert periods[0].label == "First stage (1994–2010): subsidised energy"


def test_restating_an_ordinal_does_not_add_a_stage_but_may_fill_a_missing_year() -> None:
    text = ("Relations went through two stages. The first stage began with independence. The second stage "
            "started in 2001. Looking back, the first stage lasted until 2000.")
    periods = periods_of(text)
    assert spans(periods) == [(None, "2000"), ("2001", None)]
    assert periods[0].end_basis == "restated"


def test_implied_ends_say_that_they_are_implied() -> None:
    text = ("The relationship can be divided into two periods. The first period started in 1992. "
            "The second period began in 1998.")
    first, second = periods_of(text)
    assert (first.end, first.end_basis) == ("1998", "implied")
    assert (second.start_basis, second.end_basis) == ("stated", "none")


def test_every_period_explains_itself_with_offsets_and_a_versioned_rule() -> None:
    text = "Intro sentence here. Relations can be divided into two stages. The first stage lasted from 1992 to 1995."
    (period,) = periods_of(text)[:1]
    assert text[period.offset:period.end_offset] == period.sentence
    assert period.rule.startswith(RULESET + ":")
    assert re.fullmatch(r"periods\.rules\.v\d+", RULESET)


def test_a_span_of_days_dates_the_event_a_stage_begins_with_not_the_stage() -> None:
    text = ("Relations fell into two stages. The first stage ran from 1991 to 2000. The second stage began with "
            "the president's visit on 9-10 January 2001.")
    sentences = segment("d", text)
    timexes = year_timexes("d", text)[:2]
    k = text.index("9-10 January 2001")
    timexes.append(Timex("d", 2, k, k + 17, "9-10 January 2001", "2001-01-09", "2001-01-09", "2001-01-10", "day",
                         "absolute"))
    periods = find_periods("doc.txt", "d", text, sentences, timexes)
    assert spans(periods) == [("1991", "2000"), ("2001-01", None)]
    # the same days as two time expressions joined by a dash
    timexes[-1:] = [Timex("d", 2, k, k + 1, "9", "2001-01-09", "2001-01-09", "2001-01-09", "day", "absolute"),
                    Timex("d", 2, k + 2, k + 17, "10 January 2001", "2001-01-10", "2001-01-10", "2001-01-10", "day",
                          "absolute")]
    assert spans(find_periods("doc.txt", "d", text, sentences, timexes)) == [("1991", "2000"), ("2001-01", None)]


def test_members_named_without_their_noun_and_numbered_headings_belong_to_the_scheme() -> None:
    text = ("Scholars date the turns differently. I distinguish three stages. The first, from 1991 to 1995, was "
            "one of rivalry. The second, from 1995 to 2004, I call wary accommodation. The third, which began "
            "with a summit in May 2004, is one of partnership.\n\n"
            "Stage one: rivalry (1991–1995)\n\nThe first is the memory of the war. The stage ended in March "
            "1995, when the ceasefire held.\n\nStage three: partnership (since 2004)")
    periods = periods_of(text)
    assert spans(periods) == [("1991", "1995"), ("1995", "2004"), ("2004-05", None)]
    assert [p.rule.split(":")[1] for p in periods] == ["ellipsis", "ellipsis", "ellipsis"]


def test_a_numbered_heading_outside_any_scheme_is_a_stage_when_it_gives_years() -> None:
    assert spans(periods_of("Phase two: the gas years (2007–2015)\n\nThe pipeline opened.")) == [("2007", "2015")]
    assert periods_of("Phase two of the project\n\nThe pipeline opened.") == []


# --- members named by an ordinal alone, stages ended by a clause, schemes told in prose, headings ----------

FIVE = ("Ties between Tbilisi and Ankara can be divided into five stages. The first, from 1992 to 1995, was a time "
        "of caution. Trade and pipelines set the tone of the second, 1996–2003. A quiet alliance marked the third "
        "(2004–2012). In the fourth, from 2013, both governments courted a third capital together. The transit "
        "dispute of 2019 ended the fourth stage. The fifth opened with the blockade crisis of 2020.")

ORDINAL_FORMS = [
    # (comment, passage, expected (ordinal, start, end) of each stage)
    ("ordinals as objects, in brackets and as adjuncts take the years that follow them", FIVE,
     [(1, "1992", "1995"), (2, "1996", "2003"), (3, "2004", "2012"), (4, "2013", "2019"), (5, "2020", None)]),
    ("a stage named as the object of a verb that ends it takes the clause's year as its end",
     ("Relations passed through three stages. The first stage began in 1992. The second stage began in 2001. "
      "The gas war of 2009 closed the second stage."),
     [(1, "1992", "2001"), (2, "2001", "2009")]),
    ("a stage the text skips keeps its neighbours' ordinals and no year is implied across the gap",
     ("Relations can be divided into four phases. The first, from 1991 to 1994, was tense. The second, from "
      "1995 to 2002, was calm. The fourth opened with the border crisis of 2015."),
     [(1, "1991", "1994"), (2, "1995", "2002"), (4, "2015", None)]),
    ("an ordinal object after a clause that counts another plural noun",
     ("Relations can be divided into three phases. The first, from 1991 to 1994, was tense. Diplomats in both "
      "capitals called the second, 1995–2002, a thaw. The third opened with the crisis of 2003."),
     [(1, "1991", "1994"), (2, "1995", "2002"), (3, "2003", None)]),
]


@pytest.mark.parametrize("comment,text,expected", ORDINAL_FORMS, ids=[c[0] for c in ORDINAL_FORMS])
def test_members_named_by_their_ordinal_alone_are_placed_by_that_ordinal(comment: str, text: str,
                                                                         expected: list[tuple]) -> None:
    periods = periods_of(text)
    assert [(p.ordinal, p.start, p.end) for p in periods] == expected
    assert all(p.label.startswith(("First", "Second", "Third", "Fourth", "Fifth")) for p in periods)


def test_a_member_named_by_its_ordinal_is_labelled_by_it_and_by_what_the_sentence_says() -> None:
    fifth = periods_of(FIVE)[-1]
    assert fifth.label.startswith("Fifth stage (2020–)")
    fourth = periods_of(FIVE)[3]
    assert fourth.rule.endswith(":apposition") and "courted a third capital" in fourth.label


CITED = [
    # (comment, sentence, kind of every stage, expected (start, end) per stage)
    ("a possessive account with a year in brackets",
     "In Lee's (2015) account, ties went through two stages: rivalry (1991–1995) and calm (1996–2004).",
     "cited", [("1991", "1995"), ("1996", "2004")]),
    ("'Following' and a name at the start of the sentence",
     "Following Novak, the relationship can be divided into two phases: suspicion (1991–1999) and trust (2000–2012).",
     "cited", [("1991", "1999"), ("2000", "2012")]),
    ("a scholar named after his role, members joined by 'and' before a year",
     "The historian Ivan Orlov identifies three stages: 1991–1996, 1997–2003 and 2004–2012.",
     "cited", [("1991", "1996"), ("1997", "2003"), ("2004", "2012")]),
    ("several authors", "Several authors distinguish two phases: a tense phase until 1996 and a calm phase after it.",
     "cited", [(None, "1996"), ("1996", None)]),
    ("the author's own scheme", "We divide relations into two periods: conflict (1991–1996) and trade (1997–2012).",
     "stated", [("1991", "1996"), ("1997", "2012")]),
    ("'following' an event is no attribution",
     "Following the war, relations can be divided into two phases: tension (1994–1999) and trade (2000–2012).",
     "stated", [("1994", "1999"), ("2000", "2012")]),
]


@pytest.mark.parametrize("comment,text,kind,expected", CITED, ids=[c[0] for c in CITED])
def test_a_scheme_the_author_attributes_to_others_is_cited(comment: str, text: str, kind: str,
                                                          expected: list[tuple]) -> None:
    periods = periods_of(text)
    assert spans(periods) == expected
    assert {p.kind for p in periods} == {kind}


NUMBERED = [
    # (comment, passage, expected (ordinal, start, end) of each stage)
    ("stages named by their noun and a number inside sentences",
     ("Ties since 1991 can be broken down into three phases. Phase one (1991–1996) was tense. In phase two, "
      "1997–2005, trade grew. Phase III, from 2006 to 2014, was calm."),
     [(1, "1991", "1996"), (2, "1997", "2005"), (3, "2006", "2014")]),
    ("a numbered stage outside any scheme is kept when anchored in time",
     "Trade was small. Stage 2 of relations, from 2004 to 2010, saw it double.", [(None, "2004", "2010")]),
]


@pytest.mark.parametrize("comment,text,expected", NUMBERED, ids=[c[0] for c in NUMBERED])
def test_stages_named_by_their_noun_and_a_number_are_members(comment: str, text: str, expected: list[tuple]) -> None:
    assert [(p.ordinal, p.start, p.end) for p in periods_of(text)] == expected


NUMBERED_NEGATIVE = [
    ("the pronoun I after a stage noun", "During that period I lived in Baku, from 1995 to 1999."),
    ("a period one year long", "Trade was cut for a period one year long, from 1995 to 1996."),
    ("a numbered phase of a project", "Phase two of the pipeline project, from 2004 to 2006, was delayed."),
]


@pytest.mark.parametrize("comment,text", NUMBERED_NEGATIVE, ids=[c[0] for c in NUMBERED_NEGATIVE])
def test_a_stage_noun_before_a_number_that_names_no_stage_adds_none(comment: str, text: str) -> None:
    assert [p for p in periods_of(text) if p.rule.endswith(":numbered")] == []


ORDINAL_NEGATIVE = [
    ("an ordinal that belongs to another counted noun",
     ("Relations went through two stages. The first stage ran from 1991 to 2000. Of the two treaties signed "
      "then, the first, in 1997, settled the border."), [("1991", "2000")]),
    ("an ordinal followed by a year outside any scheme",
     "Of all the summits the third, in 2004, went best.", []),
    ("an ordinal that is not followed by a time",
     ("Relations went through two stages. The first stage ran from 1991 to 2000. The second, more important "
     "point is trade."), [("1991", "2000")]),
]


@pytest.mark.parametrize("comment,text,expected", ORDINAL_NEGATIVE, ids=[c[0] for c in ORDINAL_NEGATIVE])
def test_ordinals_that_do_not_name_a_stage_add_none(comment: str, text: str, expected: list[tuple]) -> None:
    assert spans(periods_of(text)) == expected


PROSE = [
    # (comment, sentence, expected (start, end) per stage, kind, scope)
    ("a cited two-phase scheme told in prose, the second phase starting where the first ended",
     ("Marco Bellini, by contrast, sees Turkish policy in the region as having had an idealist phase that "
      "lasted until 1998 and a \"pragmatic\" phase after it."),
     [(None, "1998"), ("1998", None)], "cited", "policy"),
    ("a cited scheme announced with a count, its members told in prose after the colon",
     ("Lena Varga divides the decade after 2010 into two phases: a phase of engagement until 2015 and a phase "
      "of estrangement after it."),
     [("2010", "2015"), ("2015", None)], "cited", "relationship"),
    ("stages named with 'the' after a verb that distinguishes them, by historians in general",
     ("Historians usually distinguish between the tense period of 1992–1996 and the calmer period that "
      "followed it."),
     [("1992", "1996"), ("1996", None)], "cited", "relationship"),
    ("the author's own prose scheme with 'one' for the second noun",
     ("We see in these ties a cold period from 1993 to 2001 and then a warmer one that began in 2002."),
     [("1993", "2001"), ("2002", None)], "stated", "relationship"),
]


@pytest.mark.parametrize("comment,text,expected,kind,scope", PROSE, ids=[c[0] for c in PROSE])
def test_stages_told_in_prose_in_one_sentence_form_a_scheme(comment: str, text: str, expected: list[tuple],
                                                            kind: str, scope: str) -> None:
    periods = periods_of(text)
    assert spans(periods) == expected
    assert {(p.kind, p.scope, p.scheme_size) for p in periods} == {(kind, scope, len(expected))}
    assert all(p.rule.endswith(":prose") for p in periods)


PROSE_NEGATIVE = [
    ("two periods named with 'the' without a verb that distinguishes them",
     "Trade in the period of 1995–1999 and the period after it was small."),
    ("two stages without any time", "The talks saw a hopeful phase and a bitter phase."),
    ("only the second stage has a time", "There was a short spell of calm and a long period of tension in 1995."),
    ("two stages of a war", "It was a bloody phase of the war until 1994 and a quiet phase of the war after it."),
    ("stages not joined to each other", "A new period began in 2004; a similar period is feared by some."),
]


@pytest.mark.parametrize("comment,text", PROSE_NEGATIVE, ids=[c[0] for c in PROSE_NEGATIVE])
def test_indefinite_stage_words_without_a_timed_sequence_are_no_scheme(comment: str, text: str) -> None:
    assert [p for p in periods_of(text) if p.rule.endswith(":prose")] == []


LOOSE = [
    # (comment, sentence, expected (start, end))
    ("a period named by its span, to the end of the range", "The period from 1996 to 2004 was one of calm.",
     ("1996", "2004")),
    ("a span of years that were a period of something", "The years 1996–2004 were a period of calm.",
     ("1996", "2004")),
    ("a span the relationship went through as a phase", "From 1996 to 2004 the two went through a phase of calm.",
     ("1996", "2004")),
    ("a period of something that began and lasted", "A period of calm began in 1996 and lasted until 2004.",
     ("1996", "2004")),
    ("a named era with its years in brackets", "The Karimov era (1996–2004) brought calm to the relationship.",
     ("1996", "2004")),
    ("an era of a leader with its years in brackets", "The era of Islam Karimov (1996–2004) brought calm.",
     ("1996", "2004")),
]


@pytest.mark.parametrize("comment,text,expected", LOOSE, ids=[c[0] for c in LOOSE])
def test_a_stage_outside_any_scheme_named_by_its_years_is_kept(comment: str, text: str, expected: tuple) -> None:
    assert spans(periods_of(f"Trade was small. {text} Visits were rare.")) == [expected]


LOOSE_NEGATIVE = [
    ("a period of something in one year", "The year 1996 was a period of calm."),
    ("a span without a period", "From 1996 to 2004 the two traded little."),
    ("a period of a war", "The years 1992–1994 were a period of the war when fighting raged."),
    ("a period with no time", "A period of calm began after the election."),
]


def test_a_stage_on_its_own_that_repeats_a_scheme_member_s_years_adds_nothing() -> None:
    text = ("Relations fall into two stages. The first stage ran from 1991 to 1999. The second stage began in 2000. "
            "The years 1991–1999 were a period of mistrust.")
    assert spans(periods_of(text)) == [("1991", "1999"), ("2000", None)]


@pytest.mark.parametrize("comment,text", LOOSE_NEGATIVE, ids=[c[0] for c in LOOSE_NEGATIVE])
def test_sentences_that_do_not_name_a_stage_by_its_years_add_none(comment: str, text: str) -> None:
    assert periods_of(f"Trade was small. {text} Visits were rare.") == []


def test_enumerated_members_parted_by_commas_each_take_their_own_years() -> None:
    text = ("Relations have passed through three phases: rivalry in 1991–1995, calm from 1995 to 2004, and "
            "alliance since 2004.")
    periods = periods_of(text)
    assert [(p.ordinal, p.start, p.end) for p in periods] == [(1, "1991", "1995"), (2, "1995", "2004"), (3, "2004", None)]


HEADINGS = [
    # (comment, heading, expected (start, end))
    ("years in brackets after the words", "Relations under the second president (1999–2005)", ("1999", "2005")),
    ("years before a colon", "1994–1999: the pipeline years", ("1994", "1999")),
    ("a numbered section", "3.2 Ties after independence (1991–1996)", ("1991", "1996")),
    ("an open start", "Relations since 2016", ("2016", None)),
    ("a span to the present", "2013–present", ("2013", None)),
    ("a quoted name in the heading", 'The "strategic partnership" (2008–2020)', ("2008", "2020")),
    ("a heading about an issue", "The water issue (2006–2009)", ("2006", "2009")),
    ("a heading about the press", "Press freedom disputes (2014–2016)", ("2014", "2016")),
    ("a heading with a year after 'post-'", "Post-2011 relations", ("2011", None)),
]


def test_an_edit_mark_left_after_a_heading_is_no_part_of_its_label() -> None:
    text = "Uzbekistan and Turkey\n\nThe two states opened embassies.\n\nTies after 1999 (1999–2005) [edit]\n\nVisits multiplied.\n"
    (period,) = periods_of(text)
    assert (period.label, period.start, period.end) == ("Ties after 1999 (1999–2005)", "1999", "2005")


@pytest.mark.parametrize("comment,heading,expected", HEADINGS, ids=[c[0] for c in HEADINGS])
def test_section_headings_that_name_a_span_of_years_are_implicit_stages(comment: str, heading: str,
                                                                        expected: tuple) -> None:
    text = f"Uzbekistan and Turkey\n\nThe two states opened embassies.\n\n{heading}\n\nVisits multiplied.\n"
    (period,) = periods_of(text)
    assert (period.start, period.end) == expected
    assert (period.kind, period.label, period.sentence) == ("implicit", heading, heading)
    assert period.rule.endswith(":heading_years")


GLUED = [
    # (comment, paragraph whose line breaks were joined, the heading, expected (start, end))
    ("years in brackets, then the section's first sentence",
     "Relations under the second president (1999–2005) In his first year trade doubled.",
     "Relations under the second president (1999–2005)", ("1999", "2005")),
    ("years and a colon, then the section's first sentence",
     "1994–1999: the pipeline years The two capitals argued about routes.", "1994–1999: the pipeline years",
     ("1994", "1999")),
    ("a heading in wiki markup glued to what follows it",
     "== Independence and the border, 1991–1999 == The border stayed open.",
     "Independence and the border, 1991–1999", ("1991", "1999")),
    ("years in brackets glued to both the section before and the one after",
     "Trade fell. Relations under the second president (1999–2005) In his first year trade doubled.",
     "Relations under the second president (1999–2005)", ("1999", "2005")),
]


@pytest.mark.parametrize("comment,paragraph,heading,expected", GLUED, ids=[c[0] for c in GLUED])
def test_a_heading_glued_to_the_first_sentence_of_its_section_is_still_a_stage(comment: str, paragraph: str,
                                                                              heading: str, expected: tuple) -> None:
    text = f"Uzbekistan and Turkey\n\nThe two states opened embassies.\n\n{paragraph}\n\nVisits multiplied.\n"
    (period,) = periods_of(text)
    assert (period.kind, period.label, period.start, period.end) == ("implicit", heading, *expected)
    assert paragraph.endswith(period.sentence) and text[period.offset:period.end_offset] == heading


HEADING_NEGATIVE = [
    ("the document's title", "Turkey and Uzbekistan, 1991–2016\n\nThe two states opened embassies."),
    ("a sentence with a full stop", "Intro.\n\nThe states quarrelled from 1994 to 1999.\n\nVisits multiplied."),
    ("a heading with one year", "Intro.\n\nThe 2008 crisis\n\nVisits multiplied."),
    ("a reference", "Intro.\n\nSmith, J. Steppe politics, pp. 4–19 (2001–2002)\n\nVisits multiplied."),
    ("a quoted title in a reference", 'Intro.\n\nLee, K. "Steppe politics". Caspian Review (2001–2002)\n\nVisits multiplied.'),
    ("a university press in a reference", "Intro.\n\nSteppe politics, 1991–2001 (Tashkent University Press)\n\nVisits multiplied."),
    ("years in brackets inside a sentence", "Intro.\n\nRelations under the president (1999–2005) were calm."),
    ("years and a colon that do not open their paragraph",
     "Intro.\n\nVisits multiplied. 1999–2005: the quiet years The two capitals argued."),
    ("years and a colon inside prose", "Intro.\n\n1999–2005: these years saw Visits multiply and trade fall."),
    ("a long line", ("Intro.\n\nWhat the two capitals wanted from each other and what they got in the end "
     "(1991–2016)\n\nVisits multiplied.")),
]


@pytest.mark.parametrize("comment,text", HEADING_NEGATIVE, ids=[c[0] for c in HEADING_NEGATIVE])
def test_lines_that_are_not_section_headings_imply_no_stage(comment: str, text: str) -> None:
    assert [p for p in periods_of(text) if p.kind == "implicit"] == []


def test_a_heading_that_repeats_a_stated_stage_adds_nothing() -> None:
    text = ("Intro.\n\nRelations can be divided into two stages. The first stage ran from 1991 to 1999. The second "
            "stage ran from 2000 to 2010.\n\n1991–1999: rivalry\n\nTrade fell.")
    assert [(p.kind, p.start, p.end) for p in periods_of(text)] == [("stated", "1991", "1999"), ("stated", "2000", "2010")]


def test_a_stage_closed_by_an_event_takes_the_time_the_next_sentences_tell_it_in() -> None:
    text = ("Relations went through two stages. The first stage began in 1992. The second stage opened with the "
            "war of 2008. The stage closed with a dispute. Talks failed in the spring of 2012, and in December 2012 "
            "the station fell silent.\n\nIn 2013 the next chapter began.")
    periods = periods_of(text)
    assert spans(periods) == [("1992", "2008"), ("2008", "2012-12")]
    assert periods[1].end_basis == "narrative"


def test_a_year_the_sentence_states_outweighs_a_time_carried_from_the_story() -> None:
    text = "Relations went through two stages. The first stage began in 1992. The second stage covered the years after the 2015 deal."
    tx = year_timexes("d", text)
    at = text.index("years")
    carried = Timex("d", 2, at, at + 5, "years", "2014", "2014", "2014", "year", "narrative")
    periods = find_periods("doc.txt", "d", text, segment("d", text), sorted([*tx, carried], key=lambda t: t.start))
    assert spans(periods) == [("1992", "2015"), ("2015", None)]

"""Narrative time across passages: news layout, the year of a passage, offsets from an event, what a
sentence passes on. The texts are written for these tests (facts of Azerbaijan-Russia relations)."""

from __future__ import annotations

import pytest

from dyadscope.annotate.time.narrative import narrate, news_layout
from dyadscope.records import NarrativeTime, Timex
from dyadscope.text.segment import segment

WIRE = """RUSSIA ADMITS ITS MISSILES HIT AZERBAIJANI AIRLINER

DUSHANBE, Oct 10 (Caspian Newswire) - Russian President Vladimir Putin on Thursday acknowledged that Russian air defences had brought down the Azerbaijani airliner that crashed in Kazakhstan last December.

Putin made the admission during talks with Ilham Aliyev at a regional summit in the Tajik capital.

He said two missiles aimed at a Ukrainian drone had exploded a few metres from the aircraft.

Aliyev thanked the Russian leader for the explanation.

The December crash killed 38 of the 67 people on board.

Three days after the crash, Putin apologised to Aliyev by telephone but did not accept responsibility.

In June, Russian police detained dozens of Azerbaijanis in Yekaterinburg.

Azerbaijan responded by arresting staff of a Russian news agency in Baku.
"""

BORDER = """MOSCOW, Dec 15 (Transcaucasus Wire) - Russia closed its border with Azerbaijan on Tuesday, citing the fighting in Chechnya.

Border guards stopped all lorries at the Samur crossing.

Azerbaijani officials called the decision unfriendly.

In May the two sides agreed a ceasefire in Karabakh with Russian mediation.

Moscow has since pressed Baku to accept Russian peacekeepers.

A day after the border closed, Azerbaijan's foreign minister summoned the Russian ambassador.
"""


def _run(text: str, published: str | None) -> tuple[list[Timex], list[NarrativeTime], list[str]]:
    sentences = segment("d", text)
    from dyadscope.annotate.time import tag_sentences

    timexes = tag_sentences("d", text, sentences, published=published)
    fixed, narrative = narrate(sentences, timexes, text, "en", published)
    return fixed, narrative, [s.text for s in sentences]


def _time_of(text: str, published: str | None, opening: str) -> NarrativeTime:
    _, narrative, texts = _run(text, published)
    return next(n for n, t in zip(narrative, texts) if t.startswith(opening))


def test_wire_copy_is_news_layout_and_an_essay_is_not() -> None:
    wire = segment("d", WIRE)
    counts: dict[int, int] = {}
    for s in wire:
        counts[s.paragraph] = counts.get(s.paragraph, 0) + 1
    assert news_layout(wire, counts)
    essay = ("In 1991 Azerbaijan became independent. Its first years were hard. The economy shrank. "
             "Oil brought money later.\n\nIn 1994 the contract of the century was signed. Russia objected. "
             "Moscow wanted a share. LUKoil got ten percent.")
    sentences = segment("d", essay)
    counts = {}
    for s in sentences:
        counts[s.paragraph] = counts.get(s.paragraph, 0) + 1
    assert not news_layout(sentences, counts)


@pytest.mark.parametrize(("opening", "basis", "start"), [
    ("Putin made the admission", "carried", "2025-10-09"),
    ("Aliyev thanked", "carried", "2025-10-09"),
    ("The December crash", "explicit", "2024-12"),
    ("Azerbaijan responded", "carried", "2025-06"),
])
def test_news_carries_the_time_across_one_sentence_paragraphs(opening: str, basis: str, start: str) -> None:
    nt = _time_of(WIRE, "2025-10-10", opening)
    assert (nt.basis, nt.date_start) == (basis, start)


def test_an_offset_from_an_event_takes_the_time_of_the_event() -> None:
    nt = _time_of(WIRE, "2025-10-10", "Three days after the crash")
    assert (nt.basis, nt.date_start, nt.precision) == ("explicit", "2024-12", "month")   # "last December"
    nt = _time_of(BORDER, "1994-12-15", "A day after the border closed")
    assert (nt.basis, nt.date_start, nt.precision) == ("explicit", "1994-12-14", "day")   # Tuesday + 1


def test_an_offset_from_an_event_no_sentence_names_falls_back_on_the_narrative_time() -> None:
    text = "The envoy reached Baku on 3 March 2003. Two days after the talks, he flew on to Yerevan."
    nt = _time_of(text, "2003-03-12", "Two days after")
    assert nt.date_start == "2003-03-05"


def test_an_offset_from_a_written_date_is_left_to_that_date() -> None:
    text = "The jet crashed near Aktau. Three days after 25 December 2024, Putin called Aliyev."
    nt = _time_of(text, "2025-01-10", "Three days after")
    assert nt.date_start == "2024-12-25"   # the written date dates the sentence


def test_a_past_clause_in_a_news_report_takes_the_last_such_month() -> None:
    nt = _time_of(BORDER, "1994-12-15", "In May")
    assert nt.date_start == "1994-05"


def test_a_year_less_date_takes_the_year_of_the_passage() -> None:
    text = ("In 2023 Azerbaijan took back all of Karabakh. On 20 September the separatists laid down their "
            "arms, and on 28 September they dissolved their republic.")
    fixed, narrative, _ = _run(text, "2025-01-15")
    assert [(t.text, t.value, t.kind) for t in fixed][1:] == [
        ("20 September", "2023-09-20", "narrative"), ("28 September", "2023-09-28", "narrative")]
    assert narrative[1].date_start == "2023-09-20"


def test_a_year_less_date_goes_forward_from_the_passage_but_not_past_publication() -> None:
    text = "The crisis began in November 2024. In January the envoys met. In December talks failed."
    fixed, _, _ = _run(text, "2025-10-27")
    values = {t.text: t.value for t in fixed}
    assert values["January"] == "2025-01"      # after November 2024
    assert values["December"] == "2024-12"     # December 2025 has not come yet


def test_an_offset_anchored_on_a_moved_date_moves_with_it() -> None:
    text = "A new stage began in December 2024. On 25 December an airliner crashed. Putin apologised three days later."
    fixed, narrative, _ = _run(text, "2025-10-27")
    values = {t.text: t.value for t in fixed}
    assert values["25 December"] == "2024-12-25"
    assert values["three days later"] == "2024-12-28"
    assert narrative[2].date_start == "2024-12-28"


def test_a_background_year_stays_in_its_paragraph_in_news() -> None:
    text = ("HAVANA, Jan 28 (Wire) - Castro spoke for four hours on Friday.\n\n"
            "He said the organiser had fled in June 1998 and came back later that year.\n\n"
            "The late-November trip ended in disaster, Castro said.\n\n"
            "The crowd applauded him.\n\nThe speech was broadcast live.\n")
    fixed, _, _ = _run(text, "2000-01-28")
    assert {t.text: t.value for t in fixed}["late-November"] == "1999-11"


def test_since_does_not_give_its_year_to_the_passage() -> None:
    text = "Russia has leased the station since 2002. In June the lease talks stalled. The sides met again."
    fixed, _, _ = _run(text, "2011-10-05")
    assert {t.text: t.value for t in fixed}["June"] == "2011-06"


def test_a_sentence_passes_on_its_latest_time() -> None:
    text = "The protocol, signed in 2010, was ratified on 5 May 2011. The sides then exchanged notes."
    _, narrative, _ = _run(text, None)
    assert (narrative[0].basis, narrative[0].date_start) == ("explicit", "2010")
    assert (narrative[1].basis, narrative[1].date_start) == ("carried", "2011-05-05")


def test_an_earlier_background_date_is_not_passed_on() -> None:
    text = "On 3 May 2011, two years after talks began in 2009, the sides signed the accord. Both parliaments approved it."
    _, narrative, _ = _run(text, None)
    assert narrative[1].date_start == "2011-05-03"


def test_a_future_date_is_not_passed_on() -> None:
    text = "The treaty, signed on 5 May 2011, runs until 2030. The sides exchanged notes."
    _, narrative, _ = _run(text, None)
    assert narrative[1].date_start == "2011-05-05"


def test_the_next_day_follows_the_main_date_of_the_sentence_before() -> None:
    text = ("On 30 June police searched the office of the agency, whose licence had been revoked in February. "
            "The next day eight more men were arrested.")
    fixed, narrative, _ = _run(text, "2025-07-09")
    assert {t.text: t.value for t in fixed}["The next day"] == "2025-07-01"
    assert narrative[1].date_start == "2025-07-01"


def test_a_subhead_or_link_line_inside_news_neither_ends_the_time_nor_passes_one_on() -> None:
    text = ("BAKU, March 3 (Wire) - The minister arrived on Monday.\n\nHe met the president.\n\n"
            "Read also: Pipeline talks resume in 2004\n\nThe two sides signed a transit accord.\n\n"
            "It covers oil and gas.\n\nTrade grew.\n")
    _, narrative, texts = _run(text, "2003-03-04")
    by_text = dict(zip(texts, narrative))
    assert by_text["The two sides signed a transit accord."].date_start == "2003-03-03"
    assert by_text["Read also: Pipeline talks resume in 2004"].date_start == "2003-03-03"


def test_a_heading_ends_the_time_outside_news() -> None:
    text = ("The minister arrived in Baku on 3 March 2003. He met the president and the speaker. They spoke "
            "for two hours about the pipeline and about the border.\n\nTrade\n\n"
            "The two states signed a transit accord. It covers oil and gas. Volumes grew.\n")
    _, narrative, texts = _run(text, "2003-03-04")
    assert dict(zip(texts, (n.basis for n in narrative)))["The two states signed a transit accord."] == "none"


def test_a_date_in_a_relative_clause_is_not_passed_on() -> None:
    text = "On 12 March 2003 the minister met the envoy, who was dismissed in 2004. They discussed the pipeline."
    _, narrative, _ = _run(text, None)
    assert narrative[1].date_start == "2003-03-12"


def test_a_reported_date_anchors_a_later_offset_in_the_report() -> None:
    text = ("Yesterday the deputy minister told the Ambassador that Baku had informed Moscow of the decision on "
            "December 30. He said Russia had cut electricity supplies two days later.")
    fixed, _, _ = _run(text, "2007-01-12")
    assert {t.text: t.value for t in fixed}["two days later"] == "2007-01-01"


def test_a_paragraph_that_reacts_keeps_the_time_of_the_one_before() -> None:
    text = ("In early April a Duma deputy said Russian arms had gone to Armenia. Officials confirmed the list of "
            "deliveries and the dates of the flights.\n\n"
            "Baku reacted sharply. Aliyev sent a message to Yeltsin. Parliament held hearings.\n\n"
            "The economy grew fast in those years. Oil output rose steadily.")
    _, narrative, texts = _run(text, "1997-07-04")
    by_text = dict(zip(texts, narrative))
    assert by_text["Aliyev sent a message to Yeltsin."].date_start == "1997-04"
    assert by_text["The economy grew fast in those years."].basis == "none"


def test_a_date_in_a_that_clause_after_a_noun_is_background() -> None:
    text = ("Aliyev and Yeltsin signed a friendship treaty in the Kremlin on Thursday. The document replaces a "
            "treaty that Yeltsin concluded with Elchibey in 1992. Economic agreements were signed on the same day.")
    fixed, narrative, _ = _run(text, "1997-07-04")
    assert {t.text: t.value for t in fixed}["the same day"] == "1997-07-03"
    assert narrative[1].date_start == "1997-07-03"   # the main clause is carried, not the treaty of 1992


def test_a_state_since_a_date_does_not_replace_the_time_of_the_passage() -> None:
    text = ("The two presidents signed the declaration on Tuesday. They also discussed Karabakh, where Russian "
            "peacekeepers have been deployed since November 2020. Putin said relations had reached a new level.")
    _, narrative, _ = _run(text, "2022-02-22")
    assert [(n.basis, n.date_start) for n in narrative] == [
        ("explicit", "2022-02-22"), ("carried", "2022-02-22"), ("carried", "2022-02-22")]


def test_a_paragraph_that_goes_on_reporting_a_statement_keeps_its_time() -> None:
    text = ("President Aliyev said on Sunday that the airliner had been hit by fire from the ground. The jet "
            "came down near Aktau on Wednesday. Most of the passengers died.\n\n"
            "Aliyev said Russian officials had tried to hush the matter up. He also rejected a Russian "
            "proposal on the investigation.\n\n"
            "The airline has suspended flights to several Russian cities. Its fleet is small.")
    _, narrative, texts = _run(text, "2024-12-30")
    by_text = dict(zip(texts, narrative))
    rejected = by_text["He also rejected a Russian proposal on the investigation."]
    assert (rejected.basis, rejected.date_start) == ("carried", "2024-12-29")
    assert by_text["The airline has suspended flights to several Russian cities."].basis == "none"

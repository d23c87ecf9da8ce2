"""The time a passage goes on with after a dated statement that reports an earlier date, and a reference to an
event named before ("during the visit") in a sentence whose own time is only a plan. Texts written for these
tests."""

from __future__ import annotations

import pytest

from dyadscope.ingest import from_text
from dyadscope.options import Options
from dyadscope.pipeline import analyse

HEADER = """UNCLAS SECTION 01 OF 01 BAKU 000233

R 141200Z {dtg}
FM AMEMBASSY BAKU
TO SECSTATE WASHDC 3120

E.O. 12958: N/A
TAGS: PREL, AJ, RS
SUBJECT: AZERBAIJAN: NOTES ON A RUSSIAN VISIT

"""

REPORTED = HEADER.format(dtg="MAY 10") + """1. (SBU) The deputy minister told Poloff on May 12 that the Russian premier's stay in Baku on April 22 had gone smoothly. The two sides signed four trade protocols.

2. (SBU) He said the premier also laid a wreath at the memorial.
"""

CAPITALS = HEADER.format(dtg="APR 07") + """1. (SBU) THE DEPUTY MINISTER TOLD POLOFF ON APRIL 5 THAT THE MARCH VISIT OF THE RUSSIAN PREMIER TO BAKU HAD GONE SMOOTHLY. THE TWO SIDES SIGNED FOUR TRADE PROTOCOLS.
"""

OLD_YEAR = HEADER.format(dtg="MAY 10") + """1. (SBU) The deputy minister told Poloff on May 12 that the treaty of June 1997 still held. Both sides complied with its terms.
"""

DURING = HEADER.format(dtg="JUL 10") + """1. (SBU) The minister told Poloff on July 8 that the Russian president's visit to Baku on June 30 had been useful. The state gas company signed a supply deal with Gazprom during the visit to deliver gas from March 2011.

2. (SBU) Separately, the minister met the Iranian envoy. The oil company signed a pipeline deal during the visit on July 2.
"""


def _narrative(text: str) -> dict[str, tuple[str, str | None]]:
    doc = from_text(text, Options(), doc="cable.txt")
    analysis = analyse(doc, Options(), ("segment", "time"))
    return {" ".join(s.text.split())[:30]: (n.basis, n.date_start) for s, n in zip(analysis.sentences, analysis.narrative)}


@pytest.mark.parametrize(("text", "opening", "expected"), [
    (REPORTED, "The two sides signed four trad", ("carried", "2010-04-22")),
    (REPORTED, "He said the premier also laid ", ("carried", "2010-04-22")),
    (CAPITALS, "THE TWO SIDES SIGNED FOUR TRAD", ("carried", "2007-03")),
    (OLD_YEAR, "Both sides complied with its t", ("carried", "2010-05-12")),   # an earlier year: background
])
def test_a_dated_statement_passes_on_the_time_it_reports_when_it_is_earlier_in_the_same_year(
        text: str, opening: str, expected: tuple[str, str | None]) -> None:
    times = _narrative(text)
    found = next(v for k, v in times.items() if k.startswith(opening))
    assert found == expected, times


@pytest.mark.parametrize(("opening", "expected"), [
    ("The state gas company signed a", ("carried", "2010-06-30")),   # its own time is a plan after the report
    ("The oil company signed a pipel", ("explicit", "2010-07-02")),  # its own date stands
])
def test_during_the_visit_dates_a_sentence_whose_own_time_is_only_a_plan(
        opening: str, expected: tuple[str, str | None]) -> None:
    times = _narrative(DURING)
    found = next(v for k, v in times.items() if k.startswith(opening))
    assert found == expected, times


SIDES = """Moscow, 14 March 2019.

Lavrov received the Azerbaijani foreign minister in Moscow on Tuesday.

The two sides discussed the joint statement, which the presidents adopted on 1 September 2018. They also spoke about Caspian shipping.
"""

SIDES_RU = """Москва, 14 марта 2019 года. Лавров принял в Москве министра иностранных дел Азербайджана.

Стороны обсудили совместное заявление, которое президенты приняли 1 сентября 2018 года. Министры также говорили о судоходстве на Каспии.
"""

NO_CONTINUATION = """Moscow, 14 March 2019.

Lavrov received the Azerbaijani foreign minister in Moscow on Tuesday.

Caviar exports fell sharply. The joint statement, which the presidents adopted on 1 September 2018, is being drafted anew.
"""


def _plain(text: str) -> dict[str, tuple[str, str | None]]:
    doc = from_text(text, Options(), doc="note.txt")
    analysis = analyse(doc, Options(), ("segment", "time"))
    return {" ".join(s.text.split())[:24]: (n.basis, n.date_start) for s, n in zip(analysis.sentences, analysis.narrative)}


@pytest.mark.parametrize(("text", "opening", "expected"), [
    (SIDES, "The two sides discussed ", ("carried", "2019-03-12")),
    (SIDES, "They also spoke about Ca", ("carried", "2019-03-12")),
    (SIDES_RU, "Стороны обсудили совмест", ("carried", "2019-03-14")),
    (SIDES_RU, "Министры также говорили ", ("carried", "2019-03-14")),
    (NO_CONTINUATION, "The joint statement, whi", ("none", None)),   # no passage, and background only
])
def test_a_relative_clause_date_is_background_and_the_two_sides_go_on_with_the_meeting(
        text: str, opening: str, expected: tuple[str, str | None]) -> None:
    times = _plain(text)
    found = next(v for k, v in times.items() if k.startswith(opening))
    assert found == expected, times

"""Dates in diplomatic cables: the publication date comes from the date-time group, and relative dates
("on November 4", "yesterday", "last week", "two days later") resolve against it. The cables are written for
these tests."""

from __future__ import annotations

import pytest

from dyadscope.ingest import from_text
from dyadscope.options import Options
from dyadscope.pipeline import analyse

CABLE = """C O N F I D E N T I A L SECTION 01 OF 02 BAKU 000714

SIPDIS

P 151230Z NOV 08
FM AMEMBASSY BAKU
TO SECSTATE WASHDC PRIORITY 0455

E.O. 12958: DECL: 11/15/2018
TAGS: PREL, ENRG, AJ, RS
SUBJECT: AZERBAIJAN: FOREIGN MINISTER ON THE RUSSIAN VISIT AND
GAS PRICE TALKS

Classified By: Ambassador Jane Doe for reasons 1.4 (b) and (d).

1. (C) Summary: The foreign minister told the Ambassador on November 13 that the Russian president's visit had gone well. End summary.

2. (C) The minister said that the two presidents met for three hours on November 10 in Baku.

3. (C) Yesterday the deputy energy minister received a delegation from Moscow. Last week the state oil company rejected a Russian offer to buy all of its gas.

4. (C) On October 28 Russia delivered the last fuel shipment under the old contract. Two days later Baku halted the talks on a new one.

DOE
"""

CAPITALS = """UNCLAS SECTION 01 OF 02 BAKU 000041

R 121344Z JAN 07
FM AMEMBASSY BAKU
TO SECSTATE WASHDC 2217

E.O. 12958: DECL: 01/12/2017
TAGS: ENRG, PREL, AJ, RS
SUBJECT: AZERBAIJAN STOPS OIL EXPORTS THROUGH RUSSIA

1. (SBU) ON NOVEMBER 4 THE RUSSIAN GAS MONOPOLY TOLD THE STATE OIL
COMPANY THAT IT WOULD DOUBLE THE GAS PRICE. THE COMPANY REJECTED THE
OFFER LAST WEEK.

2. (SBU) YESTERDAY THE DEPUTY FOREIGN MINISTER TOLD THE AMBASSADOR THAT
BAKU HAD INFORMED MOSCOW OF ITS DECISION ON DECEMBER 30. HE SAID THAT
RUSSIA HAD CUT ELECTRICITY SUPPLIES TWO DAYS LATER.

DERSE
"""


def _values(text: str) -> tuple[str | None, dict[str, str]]:
    doc = from_text(text, Options(), doc="cable.txt")
    analysis = analyse(doc, Options(), ("segment", "time"))
    return doc.published, {" ".join(t.text.split()): t.value for t in analysis.timexes}


@pytest.mark.parametrize(("text", "published", "expected"), [
    (CABLE, "2008-11-15", {"November 13": "2008-11-13", "November 10": "2008-11-10", "Yesterday": "2008-11-14",
                           "Last week": "2008-W45", "October 28": "2008-10-28", "Two days later": "2008-10-30"}),
    (CAPITALS, "2007-01-12", {"NOVEMBER 4": "2006-11-04", "LAST WEEK": "2007-W01", "YESTERDAY": "2007-01-11",
                              "DECEMBER 30": "2006-12-30", "TWO DAYS LATER": "2007-01-01"}),
])
def test_relative_dates_in_a_cable_resolve_against_its_date_time_group(
        text: str, published: str, expected: dict[str, str]) -> None:
    found_published, values = _values(text)
    assert found_published == published
    for surface, value in expected.items():
        assert values.get(surface) == value, (surface, values)


MEETING = """C O N F I D E N T I A L BAKU 000102

P 061015Z FEB 09
FM AMEMBASSY BAKU
TO SECSTATE WASHDC PRIORITY 0870

E.O. 12958: DECL: 02/06/2019
TAGS: PREL, MARR, AJ, RS
SUBJECT: AZERBAIJAN: FOREIGN MINISTER ON RUSSIAN ARMS FOR ARMENIA

1. (C) Summary: In a February 3 meeting with the Ambassador, the foreign minister protested reports of Russian arms deliveries to Armenia. End summary.

2. (C) The minister complained that Moscow supplied arms to both sides of the conflict.

3. (C) The ministry's spokesman later told journalists that the question would be raised in Moscow.

DOE
"""


def test_a_cable_keeps_the_time_of_its_meeting_across_numbered_paragraphs() -> None:
    doc = from_text(MEETING, Options(), doc="cable.txt")
    analysis = analyse(doc, Options(), ("segment", "time"))
    by_text = {s.text: n for s, n in zip(analysis.sentences, analysis.narrative)}
    complained = next(n for t, n in by_text.items() if t.startswith("The minister complained"))
    assert (complained.basis, complained.date_start) == ("carried", "2009-02-03")
    meeting = next(t for t in analysis.timexes if t.text == "February 3")
    assert meeting.value == "2009-02-03"   # "a February 3 meeting": the last February 3

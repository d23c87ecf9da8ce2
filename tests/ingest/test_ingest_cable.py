"""A cable's metadata, line by line: date-time groups, two-digit years, the DECL line as weak evidence, the
sender, the Classified-By name — table-driven, with negative cases; and texts that are not cables."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadscope.ingest.meta_cable import cable_metadata, full_year
from dyadscope.text.clean.cable import is_cable

HEADER = ("C O N F I D E N T I A L BAKU 000412\n\nSIPDIS\n\nE.O. 12958: DECL: {decl}\nTAGS: PREL, AJ, RS\n"
          "SUBJECT: AZERBAIJAN: MINISTER ON GAS TALKS\n\n{extra}\n")
BODY = "\n1. (C) The Minister told the Ambassador on {day} that talks with Gazprom would go on.\n\n2. (C) No more.\n"


def _values(text: str) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for v in cable_metadata(text):
        out.setdefault(v.field, []).append((v.value, v.basis))
    return out


@pytest.mark.parametrize(("two_digits", "year"), [(8, 2008), (94, 1994), (66, 1966), (0, 2000)])
def test_a_two_digit_cable_year_is_the_latest_year_not_after_next_year(two_digits: int, year: int) -> None:
    assert full_year(two_digits, dt.date(2025, 6, 1)) == year


DATES = [
    ("a priority date-time group", "P 141322Z MAR 08\nFM AMEMBASSY BAKU", "2008-03-14", "cable_dtg"),
    ("a routine group with a four-digit year", "R 051230Z MAR 2008\nFM AMEMBASSY BAKU", "2008-03-05", "cable_dtg"),
    ("an immediate group from the 1990s", "O 101530Z DEC 94\nFM AMEMBASSY MOSCOW", "1994-12-10", "cable_dtg"),
    ("a flash group", "Z 020405Z AUG 08\nFM AMEMBASSY TBILISI", "2008-08-02", "cable_dtg"),
    ("a release table's Created line", "Reference ID: 08BAKU412\nCreated: 2008-04-11 09:10", "2008-04-11", "cable_dtg"),
]


@pytest.mark.parametrize(("label", "top", "published", "basis"), DATES, ids=[d[0] for d in DATES])
def test_the_date_time_group_dates_a_cable_to_the_day(label: str, top: str, published: str, basis: str) -> None:
    text = top + "\n" + HEADER.format(decl="04/11/2018", extra="") + BODY.format(day="April 10")
    assert (published, basis) in _values(text)["published"]


def test_a_declassification_date_the_reference_id_confirms_dates_the_cable() -> None:
    text = "Reference ID: 08BAKU412\n" + HEADER.format(decl="04/11/2018", extra="") + BODY.format(day="May 2")
    assert ("2008-04-11", "cable_decl") in _values(text)["published"]


def test_a_declassification_date_the_body_confirms_dates_the_cable() -> None:
    text = HEADER.format(decl="04/11/2018", extra="") + BODY.format(day="April 10")
    assert _values(text)["published"] == [("2008-04-11", "cable_decl")]


NO_DATE = [
    ("a declassification date nothing confirms", "05/10/2019", "March 3", ""),
    ("a declassification date the reference id contradicts", "05/10/2019", "May 3", "Reference ID: 11BAKU412"),
    ("no declassification date at all", "OADR", "March 3", ""),
    ("an impossible date-time group", "OADR", "March 3", "P 311322Z FEB 08"),
]


@pytest.mark.parametrize(("label", "decl", "day", "top"), NO_DATE, ids=[d[0] for d in NO_DATE])
def test_weak_or_broken_evidence_gives_no_day(label: str, decl: str, day: str, top: str) -> None:
    text = (top + "\n" if top else "") + HEADER.format(decl=decl, extra="") + BODY.format(day=day)
    assert not any(basis in ("cable_dtg", "cable_decl") for _, basis in _values(text).get("published", []))


SENDERS = [
    ("an embassy", "FM AMEMBASSY BAKU", "US Embassy Baku"),
    ("a consulate", "FROM: AMCONSUL ISTANBUL", "US Consulate Istanbul"),
    ("the department", "FM SECSTATE WASHDC", "US Department of State"),
    ("a release table's origin", "Origin: Embassy Moscow", "US Embassy Moscow"),
]


@pytest.mark.parametrize(("label", "line", "outlet"), SENDERS, ids=[s[0] for s in SENDERS])
def test_the_sender_is_the_outlet(label: str, line: str, outlet: str) -> None:
    text = "R 051230Z MAR 08\n" + line + "\n" + HEADER.format(decl="03/05/2018", extra="") + BODY.format(day="May 2")
    assert _values(text)["outlet"][0] == (outlet, "cable_origin")


CLASSIFIED = [
    ("an ambassador", "Classified By: Ambassador Anne E. Derse, Reasons 1.4 (b) and (d)", "Anne E. Derse"),
    ("a chargé", "Classified By: Charge d'Affaires a.i. Donald Lu for reasons 1.4 (b,d)", "Donald Lu"),
    ("an officer in capitals", "CLASSIFIED BY: POLITICAL OFFICER JOAN SMITH. REASON: 1.4 (B), (D)", "Joan Smith"),
]


@pytest.mark.parametrize(("label", "line", "author"), CLASSIFIED, ids=[c[0] for c in CLASSIFIED])
def test_the_classifying_officer_is_the_author_when_no_one_signs(label: str, line: str, author: str) -> None:
    text = HEADER.format(decl="03/05/2018", extra=line) + BODY.format(day="May 2")
    assert _values(text)["author"] == [(author, "cable_classified_by")]


def test_a_position_without_a_name_gives_no_author() -> None:
    text = HEADER.format(decl="03/05/2018", extra="Classified By: Ambassador for reasons 1.4 (b) and (d)")
    assert "author" not in _values(text + BODY.format(day="May 2"))


def test_the_signer_is_the_author_in_full_when_classified_by_names_the_same_person() -> None:
    text = HEADER.format(decl="03/05/2018", extra="Classified By: Ambassador Anne E. Derse, Reasons 1.4 (b), (d)")
    assert _values(text + BODY.format(day="May 2") + "DERSE\n")["author"][0] == ("Anne E. Derse", "cable_signature")


NOT_CABLES = [
    ("a memo with a subject line", "Subject: Notes on the Baku meeting\nFrom: the research desk\n\nWe met in Baku."),
    ("a news story about leaked cables", ("WikiLeaks cables show that the US embassy in Baku reported on gas talks.\n\n"
                                         "One cable, classified by the ambassador, described the talks as tense.")),
    ("a copyright line", "(c) 2019 Caspian Ledger. All rights reserved.\n\nThe talks resumed on Monday."),
]


@pytest.mark.parametrize(("label", "text"), NOT_CABLES, ids=[n[0] for n in NOT_CABLES])
def test_texts_that_mention_cables_are_no_cables(label: str, text: str) -> None:
    assert not is_cable(text)
    assert cable_metadata(text) == ()


SUBJECTS = [
    ("a subject wrapped over two lines", "SUBJECT: AZERBAIJAN: MINISTER ON RUSSIAN\nGAS OFFER\n",
     "Azerbaijan: Minister on Russian Gas Offer"),
    ("a subject followed by its references", ("SUBJECT: AZERBAIJAN: MINISTER ON RUSSIAN\nGAS OFFER\n"
     "REF: A. BAKU 0099 B. MOSCOW 0456\n"), "Azerbaijan: Minister on Russian Gas Offer"),
    ("a subject followed by the classifying officer", ("SUBJECT: RUSSIAN GAS OFFER\n"
     "Classified By: Charge d'Affaires Jane Example for reasons 1.4 (b) and (d)\n"), "Russian Gas Offer"),
]


@pytest.mark.parametrize(("label", "subject", "title"), SUBJECTS, ids=[s[0] for s in SUBJECTS])
def test_the_subject_is_the_title_and_stops_at_the_next_labelled_line(label: str, subject: str, title: str) -> None:
    text = ("C O N F I D E N T I A L BAKU 000412\n\nSIPDIS\n\nE.O. 12958: DECL: 04/11/2018\nTAGS: PREL, AJ, RS\n"
            + subject + BODY.format(day="April 10"))
    assert [v for v, _ in _values(text)["title"]] == [title]

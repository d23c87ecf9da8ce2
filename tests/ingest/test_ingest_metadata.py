"""Metadata from the text itself: datelines, bylines, labels, journal lines, copyright lines, author notes and
titles — table-driven with invented headers, negative cases, and field by field on the seed documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyadscope.ingest import from_text, load_file
from dyadscope.options import Options

OPTIONS = Options()
BODY = ("\n\nThe two governments signed a protocol on the joint management of the Samur water intake, "
        "after talks that lasted most of the year and involved engineers from both sides of the river. "
        "Farmers in the valley had long complained about the uneven distribution of the water.\n")


def meta(header: str, footer: str = "") -> dict[str, Any]:
    doc = from_text(header + BODY + footer, OPTIONS)
    return {"title": doc.title, "author": doc.author, "outlet": doc.outlet, "published": doc.published,
            "precision": doc.published_precision, "basis": doc.published_basis, "bases": doc.metadata_basis,
            "warnings": doc.warnings, "evidence": doc.metadata_evidence}


POSITIVE = [
    ("a weekday dateline", "Wednesday, 12 March 2003",
     {"published": "2003-03-12", "precision": "day", "basis": "dateline"}),
    ("a month-first dateline", "March 12, 2003", {"published": "2003-03-12", "precision": "day"}),
    ("a dotted numeric dateline", "12.03.2003", {"published": "2003-03-12", "precision": "day"}),
    ("a Russian dateline", "12 марта 2003 г.", {"published": "2003-03-12", "precision": "day"}),
    ("a Turkish dateline", "5 Haziran 2019 Çarşamba".replace(" Çarşamba", ""), {"published": "2019-06-05"}),
    ("a month-and-year dateline", "November 2014", {"published": "2014-11", "precision": "month"}),
    ("an ISO dateline with a time", "2016-07-04 09:15", {"published": "2016-07-04", "precision": "day"}),
    ("a byline with an issue date", "By Gulnara Example (5/14/2004 issue of the Caspian Ledger)",
     {"author": "Gulnara Example", "outlet": "Caspian Ledger", "published": "2004-05-14", "basis": "byline"}),
    ("a byline with an outlet", "By Rustam Guliyev, Caspian Ledger",
     {"author": "Rustam Guliyev", "outlet": "Caspian Ledger"}),
    ("an update stamp with the time first", "Updated 14:32 GMT, 3 March 2024",
     {"published": "2024-03-03", "precision": "day", "basis": "dateline"}),
    ("a published and an updated stamp on one line", "Published: 12 June 2023 | Last updated: 13 June 2023 09:15",
     {"published": "2023-06-12", "precision": "day"}),
    ("an encyclopedia title above the page's tabs", ("Samur water accord\nArticle Talk\nRead Edit View history\n"
                                                     "Tools\nFrom Wikipedia, the free encyclopedia"),
     {"title": "Samur water accord"}),
    ("a headline under a breadcrumb and over a dateline", ("Home / World / Caucasus\n\nBaku and Moscow sign a transit "
                                                           "pact\n\nUpdated 14:32 GMT, 3 March 2024"),
     {"title": "Baku and Moscow sign a transit pact", "published": "2024-03-03"}),
    ("a stamp with a time zone offset", "4 March 2025 at 10:20 GMT+4 · Updated 4 March 2025 at 12:45 GMT+4",
     {"published": "2025-03-04", "precision": "day"}),
    ("a byline with two authors", "By Leyla Karimova and S. Peter Holm",
     {"author": "Leyla Karimova; S. Peter Holm"}),
    ("a byline in capitals", "BY NIGAR HASANOVA", {"author": "Nigar Hasanova"}),
    ("a posted-by line with a date", "Posted by Leyla Karimova on 4 June 2012",
     {"author": "Leyla Karimova", "published": "2012-06-04"}),
    ("a labelled author and date", "Author: Teymur Rzayev\nDate: 2006-01-23",
     {"author": "Teymur Rzayev", "published": "2006-01-23", "basis": "label"}),
    ("a cable header", "Created: 2006-01-23 12:34\nSUBJECT: AZERBAIJAN: FOREIGN MINISTER ON GAS TRANSIT",
     {"published": "2006-01-23", "title": "Azerbaijan: Foreign Minister on Gas Transit"}),
    ("a journal line with one season", "Caspian Policy Review, Vol. 12, No. 3, Fall 2011",
     {"outlet": "Caspian Policy Review", "published": "2011", "precision": "season", "basis": "journal_line"}),
    ("a journal line with a double issue and a page number",
     "Caucasus Affairs Review, Vol. 7, No. 2 & 3, Summer & Fall 2008     48",
     {"outlet": "Caucasus Affairs Review", "published": "2008", "precision": "year"}),
    ("a title over lines in capitals above a marked name",
     "GAS, GRAIN AND GRIEVANCES:\nTHE NORTHERN BORDER\nAFTER 2010\n\nNigar Hasanova*",
     {"title": "Gas, Grain and Grievances: The Northern Border after 2010", "author": "Nigar Hasanova"}),
    ("a section label and a date", "Analysis · 14 March 2019", {"published": "2019-03-14", "basis": "dateline"}),
    ("an issue line alone above the title", "No. 3 · Spring 2019\n\nBETWEEN TWO CAPITALS\n\nNigar Hasanova*",
     {"published": "2019", "precision": "season", "basis": "journal_line", "title": "Between Two Capitals"}),
    ("a journal name above an issue line",
     "Caspian Policy Quarterly\nIssue 7 · March 2020\n\nFerries Return to the Caspian\n\nBy Rustam Guliyev",
     {"published": "2020-03", "precision": "month", "title": "Ferries Return to the Caspian"}),
    ("a volume and issue with the season in brackets", "Vol. 12, No. 3 (Fall 2011)",
     {"published": "2011", "precision": "season", "basis": "journal_line"}),
    ("the season before the issue number", "Spring 2019 | Issue 3", {"published": "2019", "precision": "season"}),
    ("a running header with the issue, the journal and a page", "No. 3 · Spring 2019    Caspian Policy Quarterly    45",
     {"published": "2019", "outlet": "Caspian Policy Quarterly"}),
    ("a wire tag on a headline", "UPDATE 2-Russia and Azerbaijan sign a declaration\n\nBy Rustam Guliyev",
     {"title": "Russia and Azerbaijan sign a declaration"}),
    ("a breadcrumb above a headline", "Home › News › Caucasus\n\nFerries return to the Caspian\n\nBy Rustam Guliyev",
     {"title": "Ferries return to the Caspian"}),
    ("a title above a byline", "Talks on the Samur River Resume\n\nBy Rustam Guliyev",
     {"title": "Talks on the Samur River Resume", "author": "Rustam Guliyev"}),
    ("a name above an affiliation line", "Elmar Sadigov\n\nSenior Research Fellow at the Baku Policy Centre",
     {"author": "Elmar Sadigov"}),
    ("an encyclopedia header", "Samur water dispute\n\nFrom Wikipedia, the free encyclopedia",
     {"title": "Samur water dispute", "outlet": "Wikipedia"}),
    ("a wire dateline", "BAKU, March 12, 2003 (Caspian Ledger) - Officials said the talks would go on.",
     {"published": "2003-03-12", "basis": "dateline"}),
    ("a wire dateline with two places", "Talks end in a deal\n\nMOSCOW/BAKU, 3 May 2019 -- Officials signed it.",
     {"published": "2019-05-03", "title": "Talks end in a deal"}),
    ("a Russian wire dateline", "Министры встретились в Баку\n\nБаку, 14 мая 2019 года. Министры подписали протокол.",
     {"published": "2019-05-14", "title": "Министры встретились в Баку"}),
    ("a title above a wire dateline without a year", ("BORDER REOPENS AFTER SIX WEEKS\n\nQUBA, May 3 (CL) -- The"
     " crossing reopened."), {"title": "Border Reopens after Six Weeks", "published": None}),
    ("a Markdown heading and an emphasised byline with a place",
     "# Ferry line reopens after four months\n\n*By Caspian Ledger staff · Aktau, 3 April 2019*",
     {"title": "Ferry line reopens after four months", "author": "Caspian Ledger staff",
      "outlet": "Caspian Ledger", "published": "2019-04-03"}),
    ("a headline above a byline after site furniture",
     ("Caspian Ledger | Home | News | Analysis | About\n\nTuesday, 3 May 2016\n\nFiled under: Reports\n\n"
     "Rate this item 1 2 3 4 5 (3 votes)\n\nFerries return to the Caspian\n\nBy Rustam Guliyev"),
     {"title": "Ferries return to the Caspian", "author": "Rustam Guliyev", "published": "2016-05-03"}),
    ("a lone first line above the body", "Ferries return to the Caspian" + BODY.rstrip(),
     {"title": "Ferries return to the Caspian"}),
    ("a title right above a paragraph on one line", "Samur River water agreement" + BODY.rstrip().replace("\n\n", "\n", 1),
     {"title": "Samur River water agreement"}),
]

FOOTERS = [
    ("a copyright line with a year and a person", "\nCopyright © 2011 by Teymur Rzayev",
     {"author": "Teymur Rzayev", "published": "2011", "precision": "year", "basis": "copyright"}),
    ("a copyright line naming a person", "\nCopyright© by Parvin Example", {"author": "Parvin Example"}),
    ("a copyright line naming an organisation", "\n© 2019 Caspian Ledger. All rights reserved.",
     {"outlet": "Caspian Ledger", "published": None}),
    ("an author note", "\n* Nigar Hasanova is a Senior Fellow at the Baku Policy Institute.",
     {"author": "Nigar Hasanova"}),
    ("an encyclopedia revision line", "\nThis page was last edited on 5 March 2024, at 10:12 (UTC).",
     {"published": "2024-03-05", "basis": "last_edited"}),
    ("a credit line naming a desk", "\nReporting by the Caspian Ledger desk.",
     {"author": "Caspian Ledger desk", "outlet": "Caspian Ledger"}),
    ("a filed-by line with a date", "\n*Filed by the Caspian Desk, 13 August 2018.*",
     {"author": "Caspian Desk", "outlet": None, "published": "2018-08-13"}),
    ("a closing signature naming the outlet", "\n-- Transcaucasus Wire Service", {"outlet": "Transcaucasus Wire Service"}),
    ("a closing note on the author", "\n*Nigar Hasanova writes on the politics of the Caspian region.*",
     {"author": "Nigar Hasanova"}),
    ("a closing biography", "\nNigar Hasanova is a senior fellow at the Baku Policy Institute.",
     {"author": "Nigar Hasanova"}),
]

NEGATIVE = [
    ("a body sentence starting with 'By' and a year", "By 1995, Moscow had withdrawn most of its border guards.",
     "author"),
    ("a body sentence starting with 'By the end'", "By the end of the decade both sides had changed course.",
     "author"),
    ("a sentence mentioning a month", "March 2003 was a turning point for the talks on the river.", "published"),
    ("a section heading on the first line", "I. Introduction\n\nBy Rustam Guliyev", "title"),
    ("a printed line running on into the next", ("The two governments signed a protocol on the joint\nmanagement of "
     "the water intake after talks that lasted most of the year."), "title"),
    ("interface lines above a name", ("Read in Russian\nRate this item\n(votes: 4)\nShare\nElmar Sadigov\n\n"
                                     "Senior Fellow at the Baku Policy Centre"), "title"),
    ("a bare name without an affiliation", "Elmar Sadigov\n\nThe summit opened on a cold morning.", "author"),
    ("a site menu above a dateline", "Caspian Ledger | Home | News | About\n\nTuesday, 3 May 2016", "title"),
    ("a section label above a byline", "Published in Regional Briefs\n\nBy Rustam Guliyev", "title"),
    ("a sentence opening with 'Updated' and a date", "Updated figures for 3 March 2024 showed a rise in trade.",
     "published"),
    ("a place and date inside a sentence", "Baku, 5 December 2023 was a cold day for the talks on the river.",
     "published"),
    ("a section label and a title", "Analysis - The war that changed the Caucasus", "published"),
    ("a resolution number and a year in a sentence", "The Security Council adopted Resolution No. 822 in 1993.",
     "published"),
    ("an issue number in running text", "The journal gave No. 3 of its 2019 volume to the Caspian.", "published"),
    ("a reference list entry with a volume", ("1. Anna Example, \"Caspian oil\", Energy Quarterly, Vol. 3, No. 4, "
                                             "December 1999 - February 2000, p. 82-83."), "outlet"),
]

NEGATIVE_FOOTERS = [
    ("a body sentence about copyright law", "\nCopyright law in Azerbaijan was rewritten in 1996 after long debate.",
     ("author", "outlet", "published")),
    ("a closing sentence about a president", "\nIlham Aliyev is the president of Azerbaijan since 2003.",
     ("author",)),
    ("a dash before a quotation", "\n-- and that, the minister said, was the end of the matter.", ("author", "outlet")),
    ("a site-wide copyright range", "\n© 2001–2024 Caspian Ledger", ("published",)),
]


@pytest.mark.parametrize(("label", "header", "expected"), POSITIVE, ids=[c[0] for c in POSITIVE])
def test_header_lines_give_metadata(label: str, header: str, expected: dict[str, Any]) -> None:
    found = meta(header)
    assert {k: found[k] for k in expected} == expected


@pytest.mark.parametrize(("label", "footer", "expected"), FOOTERS, ids=[c[0] for c in FOOTERS])
def test_footer_lines_give_metadata(label: str, footer: str, expected: dict[str, Any]) -> None:
    found = meta("", footer)
    assert {k: found[k] for k in expected} == expected


@pytest.mark.parametrize(("label", "header", "field"), NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_body_lines_are_not_taken_for_metadata(label: str, header: str, field: str) -> None:
    assert meta(header)[field] is None


@pytest.mark.parametrize(("label", "footer", "fields"), NEGATIVE_FOOTERS, ids=[c[0] for c in NEGATIVE_FOOTERS])
def test_body_lines_at_the_end_are_not_taken_for_metadata(label: str, footer: str, fields: tuple[str, ...]) -> None:
    found = meta("", footer)
    assert all(found[f] is None for f in fields)


def test_nothing_found_means_no_date_and_basis_none() -> None:
    found = meta("")
    assert (found["published"], found["precision"], found["basis"]) == (None, None, "none")
    assert found["bases"] == {} and found["evidence"] == {}


def test_an_ambiguous_numeric_date_alone_keeps_only_its_year() -> None:
    found = meta("By Gulnara Example (4/5/2004 issue of the Caspian Ledger)")
    assert (found["published"], found["precision"]) == ("2004", "year")
    assert any("day-first or month-first" in w for w in found["warnings"])


def test_an_ambiguous_numeric_date_confirmed_by_a_dateline_keeps_its_day() -> None:
    found = meta("Monday, 5 April 2004\n\nBy Gulnara Example (4/5/2004 issue of the Caspian Ledger)")
    assert (found["published"], found["precision"]) == ("2004-04-05", "day")
    assert not found["warnings"]


def test_conflicting_dates_keep_the_stronger_and_warn() -> None:
    found = meta("Monday, 5 April 2004\n\nPosted by Leyla Karimova on 9 May 2005")
    assert found["published"] == "2004-04-05"
    assert any("publication date" in w for w in found["warnings"])


def test_every_value_carries_its_rule_and_the_text_it_came_from() -> None:
    header = "Wednesday, 12 March 2003\n\nBy Gulnara Example (3/12/2003 issue of the Caspian Ledger)"
    doc = from_text(header + BODY, OPTIONS)
    raw = header + BODY
    for field in ("author", "published", "outlet"):
        ev = doc.metadata_evidence[field]
        assert ev["rule"].startswith("ingest.meta.v1:")
        assert raw[ev["start"]:ev["end"]] in ev["text"]
    assert raw[doc.metadata_evidence["author"]["start"]:doc.metadata_evidence["author"]["end"]] == "Gulnara Example"


# ---- the seed documents, field by field against the gold ----

#: which gold values the text itself states (the others are inferred from outside the text and must stay empty)
SEED_FIELDS: dict[str, dict[str, str]] = {
    "000": {"title": "gold", "author": "gold", "published": "absent", "outlet": "gold"},
    "001": {"title": "gold", "author": "gold", "published": "gold", "outlet": "within"},
    "002": {"title": "gold", "author": "gold", "published": "absent", "outlet": "gold"},
    "003": {"title": "gold", "author": "gold", "published": "absent", "outlet": "absent"},
    "004": {"title": "gold", "author": "gold", "published": "gold", "outlet": "within"},
}


def _gold(shared: Path) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in (shared / "gold" / "seed_docs.jsonl").read_text().splitlines() if line]
    return {row["doc"][:3]: row for row in rows}


@pytest.fixture(scope="module")
def seed_docs(shared: Path) -> dict[str, Any]:
    return {p.name[:3]: load_file(p, OPTIONS) for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))}


@pytest.mark.parametrize("key", sorted(SEED_FIELDS))
def test_seed_metadata_matches_the_gold_where_the_text_states_it(shared: Path, seed_docs: dict[str, Any],
                                                                  key: str) -> None:
    gold, doc = _gold(shared)[key], seed_docs[key]
    for field, how in SEED_FIELDS[key].items():
        ours = getattr(doc, field)
        if field == "published":
            expected = gold["publication_date"]
            if how == "gold":
                assert (ours, doc.published_precision) == (expected, gold["date_precision"]), (key, field)
                continue
        else:
            expected = gold[field]
        if how == "absent":
            assert ours is None, (key, field, ours)
        elif how == "within":
            assert ours and ours.lower() in expected.lower(), (key, field, ours, expected)
        else:
            assert ours == expected, (key, field, ours, expected)
    if SEED_FIELDS[key]["published"] == "absent":
        assert doc.published_basis == "none"


@pytest.mark.parametrize("key", sorted(SEED_FIELDS))
def test_seed_languages_match_the_gold(shared: Path, seed_docs: dict[str, Any], key: str) -> None:
    gold, doc = _gold(shared)[key], seed_docs[key]
    assert list(doc.languages) == gold["languages"]
    assert doc.language == gold["languages"][0]
    assert doc.mixed_language is False

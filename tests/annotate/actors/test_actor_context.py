"""Mentions the whole document makes clear: names introduced by a role, and the two sides of a cable."""

from __future__ import annotations

from dyadscope.annotate.actors import mentions_of
from dyadscope.annotate.actors.context import cable_sides
from dyadscope.options import make_options
from dyadscope.pipeline import Analysis
from dyadscope.records import Document, text_id
from dyadscope.text.stage import segment_stage

CABLE_META = {"outlet": "cable_origin", "published": "cable_dtg"}


def _mentions(text: str, **meta: object) -> list[tuple[str, str | None, str]]:
    doc = Document(doc="x.txt", doc_id=text_id(text), text=text, language="en", **meta)  # type: ignore[arg-type]
    analysis = segment_stage(Analysis(document=doc), make_options())
    return [(m.text, m.actor, m.rule.split(":")[-1]) for m in mentions_of(analysis)]


def test_a_cable_from_baku_has_the_embassy_and_the_host_as_its_sides() -> None:
    doc = Document(doc="c.txt", doc_id="x", text="x", outlet="US Embassy Baku", metadata_basis=CABLE_META)
    sides = cable_sides(doc)
    assert sides is not None and (sides.sender, sides.host) == ("USA", "AZE")


def test_a_document_that_is_no_cable_has_no_sides() -> None:
    doc = Document(doc="n.txt", doc_id="x", text="x", outlet="US Embassy Baku", metadata_basis={"outlet": "byline"})
    assert cable_sides(doc) is None


def test_in_a_cable_the_ambassador_is_the_embassy_and_a_bare_minister_the_host() -> None:
    found = _mentions("Deputy Foreign Minister Ilgar Mammadli told the Ambassador on May 4 that Moscow was calm.",
                      outlet="US Embassy Baku", metadata_basis=CABLE_META)
    assert ("the Ambassador", "USA", "cable_embassy") in found
    assert ("Deputy Foreign Minister", "AZE", "cable_host") in found
    assert ("Moscow", "RUS", "name") in found


def test_outside_a_cable_the_ambassador_is_nobody() -> None:
    found = _mentions("Deputy Foreign Minister Ilgar Mammadli told the Ambassador that Moscow was calm.")
    assert [m for m in found if m[2] in ("cable_embassy", "cable_host")] == []


def test_a_name_introduced_by_a_role_is_the_same_actor_later() -> None:
    found = _mentions("Azerbaijani Deputy Foreign Minister Ilgar Mammadli met the press. Later Mammadli left.")
    assert ("Mammadli", "AZE", "named_earlier") in found


def test_two_presidents_are_not_the_host() -> None:
    found = _mentions("The two presidents met.", outlet="US Embassy Moscow", metadata_basis=CABLE_META)
    assert [m for m in found if m[2] == "cable_host"] == []

"""Events in diplomatic cables: a contact between the embassy's side and a host official has the host official
as its source (gold convention: "told the Ambassador on November 4" is CONSULT from the host official)."""

from __future__ import annotations

import pytest
from events_helpers import planned

from dyadscope.options import make_options
from dyadscope.pipeline import run
from dyadscope.records import Document, text_id

CABLE_META = {"outlet": "cable_origin", "published": "cable_dtg"}


def _events(text: str, cable: bool) -> list[tuple[str, str | None, str | None]]:
    meta = {"outlet": "US Embassy Baku", "metadata_basis": CABLE_META} if cable else {}
    doc = Document(doc="c.txt", doc_id=text_id(text), text=text, language="en", published="2008-11-01",
                   published_precision="day", **meta)  # type: ignore[arg-type]
    analysis = run(doc, planned(), make_options())
    return [(e.plover, e.source, e.target) for e in analysis.events if e.modality in ("asserted", "reported")]


@pytest.mark.parametrize("text, expected", [
    ("On October 30 Emboffs met with Deputy Foreign Minister Araz Azimov in Baku.", ("CONSULT", "AZE", "USA")),
    ("On October 30 the Ambassador met Foreign Minister Elmar Mammadyarov.", ("CONSULT", "AZE", "USA")),
    ("On October 30 Foreign Minister Elmar Mammadyarov told the Ambassador that Moscow was calm.",
     ("CONSULT", "AZE", "USA")),
])
def test_in_a_cable_a_contact_with_the_embassy_starts_from_the_host_official(text: str, expected: tuple) -> None:
    assert expected in _events(text, cable=True)


def test_outside_a_cable_a_meeting_keeps_the_order_of_naming() -> None:
    found = _events("On October 30 US envoy Matthew Bryza met with Foreign Minister Elmar Mammadyarov.", cable=False)
    assert ("CONSULT", "USA", "AZE") in found


def test_in_a_cable_a_request_by_the_embassy_keeps_its_direction() -> None:
    found = _events("On October 30 Foreign Minister Elmar Mammadyarov met the Ambassador. The Ambassador urged him to "
                    "keep the Minsk Group format.", cable=True)
    assert ("REQUEST", "USA", "AZE") in found

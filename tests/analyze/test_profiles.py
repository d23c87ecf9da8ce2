"""Source profiles: stance from evaluative words near actor mentions (table-driven), and on the seeds."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from dyadscope.analyze.profiles import SMOOTHING, profile_document, stance_terms
from dyadscope.records import Document, Event, Mention
from dyadscope.text.segment import segment

sys.path.insert(0, str(Path(__file__).resolve().parent))
NAMES = {"Russia": "RUS", "Moscow": "RUS", "Azerbaijan": "AZE", "Baku": "AZE", "Armenia": "ARM"}


def mentions(text: str) -> list[Mention]:
    out = []
    for s in segment("d", text):
        for m in re.finditer("|".join(NAMES), s.text):
            out.append(Mention("d", s.index, s.start + m.start(), s.start + m.end(), m.group(0), NAMES[m.group(0)],
                               f"t:{m.group(0)}"))
    return out


def weights(text: str) -> list[tuple[str, str, float]]:
    return [(t.actor, t.term.lower(), t.weight) for t in stance_terms(segment("d", text), mentions(text))]


CASES = [
    ("condemnation counts against the actor named", "Russia continued its aggression in the region.",
     [("RUS", "aggression", -3.0)]),
    ("praise counts for it", "Baku proved a reliable partner.", [("AZE", "reliable", 2.0), ("AZE", "partner", 1.0)]),
    ("a negator flips the sign", "Moscow is not a reliable neighbour.", [("RUS", "reliable", -2.0)]),
    ("an intensifier scales it", "Moscow was extremely hostile to the project.", [("RUS", "hostile", -4.0)]),
    ("a term counts for the nearest mention",
     "Armenia praised the talks, while Russia kept up the pressure.", [("RUS", "pressure", -1.0)]),
    ("scare quotes do not count", 'Azerbaijan knows the cost of "friendship" with Russia.', []),
    ("the end of a compound does not count", "Baku launched a counter-terrorist operation.", []),
    ("a term far from any mention does not count",
     ("Russia said that in the long years of slow and careful work on the many open questions the partner "
     "states had been patient."), []),
    ("descriptive conflict words carry no judgement", "Russia and Azerbaijan fought a war over sanctions.", []),
]


@pytest.mark.parametrize("comment,text,expected", CASES, ids=[c[0] for c in CASES])
def test_evaluative_words_near_a_mention_count_for_that_actor(comment: str, text: str, expected: list) -> None:
    assert weights(text) == expected


def test_a_stance_resting_on_few_words_stays_near_zero_and_shows_its_counts() -> None:
    text = "Russia is a reliable partner."
    doc = Document(doc="x.txt", doc_id="d", text=text)
    profile = profile_document(doc, segment("d", text), mentions(text), actors=("AZE", "RUS"))
    rus = profile.stance["RUS"]
    assert rus.score == pytest.approx(3.0 / (2 + SMOOTHING))
    assert (rus.mentions, rus.positive, rus.negative) == (1, 2, 0)
    assert profile.stance["AZE"].mentions == 0 and profile.stance["AZE"].score == 0.0


def test_the_quad_mix_and_issues_come_from_the_documents_happened_events() -> None:
    doc = Document(doc="x.txt", doc_id="d", text="x")

    def ev(quad: int, modality: str, issues: tuple[str, ...]) -> Event:
        return Event(doc="x.txt", doc_id="d", sentence="x", start=0, end=1, trigger="x", trigger_start=0,
                     trigger_end=1, source="AZE", target="RUS", plover="CONSULT", quad=quad, intensity=1.0,
                     modality=modality, issues=issues)

    events = [ev(1, "asserted", ("TRADE",)), ev(4, "reported", ("KARABAKH",)), ev(4, "hypothetical", ("KARABAKH",))]
    profile = profile_document(doc, [], [], events)
    assert profile.quads == {1: 1, 2: 0, 3: 0, 4: 1}
    assert profile.net_cooperation() == 0.0
    assert profile.issues == {"KARABAKH": 2, "TRADE": 1}


def test_the_seeds_run_from_critical_to_favourable_toward_russia(shared: Path) -> None:
    from seedkit import seed

    def stance(prefix: str) -> float:
        a = seed(prefix)
        return profile_document(a.document, a.sentences, a.mentions, a.events, actors=("AZE", "RUS")).stance["RUS"].score

    s = {p: stance(p) for p in ("000", "001", "002", "003", "004")}
    # measured: 000 -0.82, 001 -0.59, 002 -0.67, 003 +1.32, 004 +0.25 (002 moves with the actor dictionary)
    assert s["000"] < -0.4 and s["003"] > 0.8, s
    assert s["000"] < s["004"] < s["003"] and s["000"] < s["001"] < s["003"], s
    assert s["002"] < 0, s


def test_a_documents_issues_are_also_weighed_over_its_whole_text() -> None:
    text = "The ceasefire in Karabakh held. The talks on the Caspian seabed stalled again."
    doc = Document(doc="x.txt", doc_id="d", text=text, language="en")
    terms = profile_document(doc, segment("d", text), []).issue_terms
    assert {"KARABAKH", "CASPIAN"} <= set(terms)
    assert list(terms.values()) == sorted(terms.values(), reverse=True)

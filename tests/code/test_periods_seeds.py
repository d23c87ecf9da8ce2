"""Periodisations on the seed documents, scored against ../shared/gold/seed_periods.jsonl."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analyze"))
from seedkit import GOLD, seed_analyses

from dyadscope.analyze.quality import load_gold, score_periods


@pytest.fixture(scope="module")
def score(shared: Path):
    periods = [p for a in seed_analyses() for p in a.periods]
    return score_periods(load_gold(GOLD / "seed_periods.jsonl"), periods)


def test_every_relationship_periodisation_of_the_seeds_is_found_with_the_right_years(score) -> None:
    assert score.relationship_gold == 9
    assert score.recall == 1.0, score.misses


def test_most_stages_found_are_periodisations_the_gold_lists(score) -> None:
    # floor just under what is measured (12 of 12 on the seeds); the gold's implicit schemes are not looked for
    assert score.precision >= 0.9, score.extra


def test_cited_schemes_are_labelled_cited() -> None:
    cited = [p for a in seed_analyses() for p in a.periods if p.kind == "cited"]
    assert {p.doc[:3] for p in cited} == {"001"}
    assert [(p.start, p.end) for p in cited] == [("1991-08", "1992-03"), ("1992-03", "1993-11"), ("1993-11", "1996-06")]
    assert {p.scope for p in cited} == {"policy"}

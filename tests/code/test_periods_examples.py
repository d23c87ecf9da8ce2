"""Periodisations on the embedded example corpus, which the rules were not written against
(examples/gold/az-ru-periods.jsonl)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analyze"))
from seedkit import EXAMPLES_GOLD, example_analyses

from dyadscope.analyze.quality import load_gold, score_periods


def test_the_example_corpus_periodisations_are_found_with_their_years() -> None:
    periods = [p for a in example_analyses() for p in a.periods]
    score = score_periods(load_gold(EXAMPLES_GOLD / "az-ru-periods.jsonl"), periods)
    # measured: 10 of 10 relationship stages with the right years (the last one's end is told in the sentences
    # after "The stage closed with a dispute"), 10 of 10 stages found are in the gold
    assert score.relationship_gold == 10
    assert score.recall >= 0.95, score.misses
    assert score.precision >= 0.9, score.extra

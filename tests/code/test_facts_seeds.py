"""Facts on the seed documents, scored against ../shared/gold/seed_facts.jsonl (recall by quote coverage)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analyze"))
from seedkit import GOLD, seed_analyses

from dyadscope.analyze.quality import FactScore, load_gold, score_facts


@pytest.fixture(scope="module")
def scores(shared: Path) -> tuple[FactScore, FactScore]:
    gold = load_gold(GOLD / "seed_facts.jsonl")
    facts = [f for a in seed_analyses() for f in a.facts]
    checked = [f for f in facts if f.kind != "dated_mention"]
    return score_facts(gold, facts), score_facts(gold, checked)


def test_most_gold_facts_are_found(scores: tuple[FactScore, FactScore]) -> None:
    # measured: 74 of 82 (0.90); floors just under
    every, _ = scores
    assert every.recall >= 0.87, every.misses
    assert every.value_right >= 62


def test_most_gold_facts_are_found_by_the_typed_rules_alone(scores: tuple[FactScore, FactScore]) -> None:
    # measured: 60 of 82 (0.73) without the low-confidence dated mentions
    _, typed = scores
    assert typed.recall >= 0.70, typed.misses


def test_putins_coming_to_power_has_one_subject_key_in_every_seed_that_dates_it() -> None:
    keyed = {(f.doc[:3], f.date) for a in seed_analyses() for f in a.facts if f.subject.endswith("putin:took_office")}
    assert keyed == {("000", "1999"), ("001", "2001"), ("002", "2000")}

"""Detected stages: change points in yearly net cooperation, with a documented penalty and bootstrap support."""

from __future__ import annotations

import math
import random

from dyadscope.analyze.index import Unit
from dyadscope.analyze.stages import RULESET, detect_stages


def units(spec: list[tuple[range, float, int]], seed: int = 3) -> list[Unit]:
    """(years, share of cooperative events, events per year) → units."""
    rng = random.Random(seed)
    out = []
    for years, coop, per_year in spec:
        for y in years:
            for i in range(per_year):
                quad = 1 if rng.random() < coop else 4
                out.append(Unit("AZE", "RUS", str(y), "year", quad, 3.0 if quad == 1 else -6.0, (f"d{i % 4}",)))
    return out


def test_a_clear_shift_from_conflict_to_cooperation_is_found_where_it_happened() -> None:
    found = detect_stages(units([(range(1991, 2000), 0.15, 6), (range(2000, 2011), 0.9, 6)]))
    (cp,) = found.change_points
    assert cp.year == 2000 and cp.low <= 2000 <= cp.high and cp.support >= 0.8
    first, second = found.periods
    assert (first.start, first.end, second.start, second.end) == ("1991", "1999", "2000", "2010")
    assert first.kind == "detected" and first.rule.startswith(RULESET)
    assert "-" in first.label.split("net cooperation")[1] and "+" in second.label.split("net cooperation")[1]


def test_a_steady_relationship_has_no_change_point() -> None:
    assert detect_stages(units([(range(1991, 2011), 0.6, 6)])).change_points == ()


def test_a_shift_resting_on_one_event_a_year_is_not_enough() -> None:
    found = detect_stages(units([(range(1991, 1994), 0.0, 1), (range(1994, 1996), 1.0, 1)]))
    assert found.change_points == ()


def test_the_penalty_follows_the_documented_rule_and_years_without_events_weigh_nothing() -> None:
    data = units([(range(1991, 1995), 0.5, 4), (range(1998, 2000), 0.5, 4)])
    found = detect_stages(data, bootstrap=0)
    assert math.isclose(found.penalty, 2 * found.sigma2 * math.log(len(data)))
    assert found.years == tuple(range(1991, 2000))
    assert found.weights[4:7] == (0, 0, 0) and found.net[4] is None


def test_no_events_give_no_stages() -> None:
    assert detect_stages([]).periods == ()

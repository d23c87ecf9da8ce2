"""The event scorer gives exactly the figures of the reference scorer (../shared/tools/score_events.py)."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import GOLD, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadscope.errors import GoldFileError
from dyadscope.evaluate.events import covers, load_gold, normalise, same_date, score


def _reference() -> ModuleType:
    path = SHARED / "tools" / "score_events.py"
    spec = importlib.util.spec_from_file_location("reference_score_events", path)
    assert spec and spec.loader, f"the reference scorer is missing at {path}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reference(shared: Path) -> ModuleType:
    return _reference()


@pytest.fixture(scope="module")
def gold(shared: Path) -> list[dict[str, Any]]:
    return load_gold(GOLD / "seed_events.jsonl")


def _system_from_gold(gold: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """A system output made from the gold itself, perturbed: wrong actors, quads and dates, dropped and
    duplicated events, other modalities and sentences that only partly cover the quote."""
    rng = random.Random(seed)
    out = []
    for g in gold:
        roll = rng.random()
        if roll < 0.15:
            continue
        s = {"doc": g["doc"], "sentence": f"Before. {g['quote']} after.", "source": g["source"],
             "target": g["target"], "quad": g["quad"], "date_start": g["date_start"], "date_end": g["date_end"],
             "modality": rng.choice(["asserted", "asserted", "reported", "opinion", None])}
        if roll < 0.3:
            s["source"], s["target"] = s["target"], s["source"]
        elif roll < 0.4:
            s["quad"] = 4 if s["quad"] != 4 else 1
        elif roll < 0.5:
            s["date_start"] = "1999"
        elif roll < 0.55:
            words = g["quote"].split()
            s["sentence"] = " ".join(words[: max(1, int(len(words) * 0.85))])
        out.append(s)
        if rng.random() < 0.1:
            out.append(copy.deepcopy(s))
    out.append({"doc": "other.txt", "sentence": "x", "source": "RUS", "target": "AZE", "quad": 1,
                "modality": "asserted"})
    return out


@pytest.mark.parametrize("seed", range(6))
def test_our_scorer_equals_the_reference_on_perturbed_outputs(reference: ModuleType, gold, seed: int) -> None:
    system = _system_from_gold(gold, seed)
    assert score(gold, system).as_dict() == reference.score(gold, system)


def test_our_scorer_equals_the_reference_per_document(reference: ModuleType, gold) -> None:
    system = _system_from_gold(gold, 42)
    for doc in sorted({g["doc"] for g in gold}):
        assert score(gold, system, docs=[doc]).as_dict() == reference.score(gold, system, {doc})


def test_our_scorer_equals_the_reference_on_real_extract_output(reference: ModuleType, gold, seed_events) -> None:
    assert score(gold, seed_events).as_dict() == reference.score(gold, seed_events)


@pytest.fixture(scope="module")
def seed_events(shared: Path) -> list[dict[str, Any]]:
    from events_gold import seed_event_records

    return seed_event_records()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_normalise_and_covers_agree_with_the_reference(sentence: str, quote: str) -> None:
    ref = _reference()
    assert normalise(sentence) == ref.norm(sentence)
    assert covers(normalise(sentence), normalise(quote)) == ref.covers(ref.norm(sentence), ref.norm(quote))


@pytest.mark.parametrize("gold_date, system_date, expected", [
    (("1993", None), ("1993-09-20", "1993-09-20"), True),
    (("1993-09", None), ("1993", "1993"), False),
    (("2003-02-26", "2003-02-27"), ("2003-02-26", "2003-02-27"), True),
    (("2003-02-26", "2003-02-27"), ("2003-02-26", "2003-02-26"), False),
    (("2003-02-26", "2003-02-27"), ("2003-02-26", None), False),
    ((None, None), ("2003", "2003"), False),
    (("1992", "2000"), ("1992", "2000"), True),
])
def test_a_date_matches_at_the_gold_precision_and_both_ends_of_a_range(gold_date, system_date, expected) -> None:
    g = {"date_start": gold_date[0], "date_end": gold_date[1]}
    s = {"date_start": system_date[0], "date_end": system_date[1]}
    assert same_date(g, s) is expected
    assert _reference().date_ok(g, s) is expected


def test_eighty_percent_of_a_four_word_quote_is_enough_but_not_of_a_three_word_one() -> None:
    assert covers("russia closed the border today", "russia closed the frontier border")
    assert not covers("russia closed it", "russia shut it")
    assert not covers("anything", "")


def test_a_malformed_gold_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc": "a", "quote": "q", "source": "RUS", "target": None, "quad": 1}) + "\n{oops\n",
                    encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"gold.jsonl:2"):
        load_gold(path)


def test_a_gold_record_without_its_fields_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc": "a", "quote": "q"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match="lacks source, target, quad"):
        load_gold(path)

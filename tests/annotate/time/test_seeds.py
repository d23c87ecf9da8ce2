"""Dates of the seed gold events: found in the sentence of their quote, explicitly or as its narrative time.

Each seed is loaded as the pipeline loads it (cleaned text), given the publication date the gold records
(000: unknown, 001: 2008, 002: 2011, 003: 2024-01, 004: 2003-03-12), and run through ``segment`` and ``time``.
A dated gold event counts as *explicit* when a time expression in its quote's sentence has the gold's date at
the gold's precision (both ends of a range), as *narrative* when the sentence's narrative time has it.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dyadscope.evaluate.timex import event_date_status
from dyadscope.ingest import Source, load
from dyadscope.options import Options
from dyadscope.pipeline import analyse
from tests.conftest import GOLD, SEEDS

PUBLISHED = {"000": None, "001": "2008", "002": "2011", "003": "2024-01", "004": "2003-03-12"}

#: measured: 42 explicit + 33 narrative of 90 dated gold events (see the module docstring and
#: ``bench/timex_eval.py --seeds-only``); floors just under
EXPLICIT_FLOOR = 41
TOTAL_FLOOR = 74


def _status(shared: Path) -> dict[str, str]:
    lines = (GOLD / "seed_events.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines if line.strip()]
    out: dict[str, str] = {}
    for name in sorted({e["doc"] for e in events}):
        doc = load(Source(SEEDS / name, name), Options())
        doc = dataclasses.replace(doc, published=PUBLISHED[name[:3]])
        analysis = analyse(doc, Options(), ("segment", "time"))
        out.update(event_date_status([e for e in events if e["doc"] == name], analysis))
    return out


@pytest.fixture(scope="module")
def status(shared: Path) -> dict[str, str]:
    return _status(shared)


def test_every_dated_gold_quote_is_found_in_a_sentence(status: dict[str, Any]) -> None:
    assert [k for k, v in status.items() if v == "no_sentence"] == []


def test_seed_gold_dates_are_found_in_their_sentences_above_the_floor(status: dict[str, Any]) -> None:
    counts = Counter(status.values())
    assert counts["explicit"] >= EXPLICIT_FLOOR, counts
    assert counts["explicit"] + counts["narrative"] >= TOTAL_FLOOR, counts


@pytest.mark.parametrize("event_id", ["004-E03", "001-E02", "001-E33", "002-E21", "002-E25", "002-E30",
                                      "003-E18", "000-E09", "000-E10",
                                      "003-E09", "003-E20", "003-E21"])
def test_dates_written_in_the_quote_sentence_are_found_there(status: dict[str, Any], event_id: str) -> None:
    assert status[event_id] == "explicit"


@pytest.mark.parametrize("event_id", ["004-E01", "004-E06", "004-E07", "003-E02", "001-E27", "002-E03",
                                      "002-E27", "002-E28"])
def test_dates_given_by_an_earlier_sentence_come_from_the_narrative_time(status: dict[str, Any],
                                                                        event_id: str) -> None:
    assert status[event_id] in ("explicit", "narrative")

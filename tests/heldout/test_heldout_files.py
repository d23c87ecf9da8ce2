"""The held-out check set is well-formed: every quote is in its document, codes and dates are valid, ids are
unique, the manifest names real files. No quality floors here: the set is for measuring, not for tuning."""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "bench" / "heldout"


def _kit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("heldout_kit", HELDOUT / "kit.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


kit = _kit()
EVENTS = kit.load_jsonl(kit.GOLD / "events.jsonl")
PERIODS = kit.load_jsonl(kit.GOLD / "periods.jsonl")
FACTS = kit.load_jsonl(kit.GOLD / "facts.jsonl")
DOCS = kit.load_jsonl(kit.GOLD / "docs.jsonl")
TEXTS = {d["doc"]: kit.document_text(kit.DOCS / d["doc"]) for d in DOCS}
PERIOD_VALUE = re.compile(r"^\d{4}(-\d{2})?$")


def _ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in records]


def test_every_document_file_has_a_gold_record_and_every_record_a_file() -> None:
    files = {p.name for p in kit.DOCS.iterdir() if p.name != "manifest.csv"}
    assert files == set(TEXTS)


def test_every_kind_of_document_is_represented_at_least_twice() -> None:
    counts = Counter(d["kind"] for d in DOCS)
    assert set(counts) == set(kit.KINDS)
    assert min(counts.values()) >= 2


@pytest.mark.parametrize("records", [EVENTS, PERIODS, FACTS], ids=["events", "periods", "facts"])
def test_ids_are_unique_and_name_a_gold_document(records: list[dict[str, Any]]) -> None:
    assert len(set(_ids(records))) == len(records)
    assert {r["doc"] for r in records} <= set(TEXTS)


@pytest.mark.parametrize("record", EVENTS + PERIODS + FACTS, ids=_ids(EVENTS + PERIODS + FACTS))
def test_each_quote_is_an_exact_substring_of_one_line_of_its_document(record: dict[str, Any]) -> None:
    assert kit.quote_on_one_line(record["quote"], TEXTS[record["doc"]]), record["quote"]


@pytest.mark.parametrize("event", EVENTS, ids=_ids(EVENTS))
def test_each_event_has_valid_codes_a_matching_quad_and_a_well_formed_date(event: dict[str, Any]) -> None:
    assert event["plover"] in kit.PLOVER_QUAD
    if event["plover"] == "REQUEST":
        assert event["quad"] in (1, 3)
    elif event["plover"] == "OTHER":
        assert event["quad"] in (None, 1, 2, 3, 4)
    else:
        assert event["quad"] == kit.PLOVER_QUAD[event["plover"]]
    assert event["source"] in kit.ACTORS
    assert event["target"] is None or event["target"] in kit.ACTORS
    assert set(event["issue"]) <= kit.ISSUES and event["issue"]
    start, end, precision = event["date_start"], event["date_end"], event["date_precision"]
    if start is None:
        assert end is None and precision is None
    else:
        assert kit.DATE_RE.match(start) and (end is None or kit.DATE_RE.match(end))
        expected = {4: {"year", "decade"}, 7: {"month"}, 10: {"day"}}[len(start)]
        assert precision in expected
        assert end is None or end >= start


def test_the_events_in_scope_are_enough_to_measure_each_kind() -> None:
    kinds = {d["doc"]: d["kind"] for d in DOCS}
    in_scope = [e for e in EVENTS if e["source"] in {"AZE", "RUS"} or e["target"] in {"AZE", "RUS"}]
    per_kind = Counter(kinds[e["doc"]] for e in in_scope)
    assert len(EVENTS) >= 120
    assert min(per_kind[k] for k in kit.KINDS) >= 20


@pytest.mark.parametrize("period", PERIODS, ids=_ids(PERIODS))
def test_each_period_has_well_formed_ends(period: dict[str, Any]) -> None:
    for end in ("start", "end"):
        assert period[end] is None or PERIOD_VALUE.match(period[end])
    assert period["kind"] in {"relationship", "issue_specific", "cited_russian_foreign_policy", "implicit",
                              "implicit_regional"}


def test_facts_name_their_disagreements_in_both_directions() -> None:
    by_doc_subject: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for f in FACTS:
        by_doc_subject.setdefault((f["doc"], f["subject"]), []).append(f)
    conflicting = [f for f in FACTS if f["conflicts_with"]]
    assert len({f["subject"] for f in conflicting}) >= 3
    for f in conflicting:
        for other in f["conflicts_with"]:
            if other == "established_fact":
                continue
            assert other in TEXTS
            assert any(f["doc"] in (g["conflicts_with"] or []) for g in FACTS if g["doc"] == other), (f["id"], other)


@pytest.mark.parametrize("doc", DOCS, ids=[d["doc"] for d in DOCS])
def test_each_noise_quote_is_in_its_document(doc: dict[str, Any]) -> None:
    assert doc["kind"] in kit.KINDS
    assert doc["noise"]
    for item in doc["noise"]:
        assert item["quote"] in TEXTS[doc["doc"]], item


def test_the_manifest_covers_about_half_the_documents_and_names_only_real_files() -> None:
    with open(kit.DOCS / "manifest.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == ["file", "title", "author", "outlet", "published", "url"]
    assert {r["file"] for r in rows} <= set(TEXTS)
    assert 0.3 <= len(rows) / len(TEXTS) <= 0.7

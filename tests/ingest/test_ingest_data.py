"""The language data of ingestion: files load, rules compile with unique versioned ids, word lists hold words."""

from __future__ import annotations

import re
from typing import Any

import pytest

from dyadscope.ingest.meta_text import rules
from dyadscope.lexicon import load_entries, load_yaml

FILES = ("ingest/formats.yaml", "ingest/encodings.yaml", "ingest/dates.yaml", "ingest/metadata.yaml",
         "ingest/language.yaml", "ingest/manifest.yaml", "ingest/pdf.yaml")


def _scalars(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [x for v in node.values() for x in _scalars(v)]
    if isinstance(node, list):
        return [x for v in node for x in _scalars(v)]
    return [node]


@pytest.mark.parametrize("name", FILES)
def test_each_data_file_loads_and_has_a_version(name: str) -> None:
    data = load_yaml(name)
    assert isinstance(data, dict) and int(data["version"]) >= 1


@pytest.mark.parametrize("name", ["ingest/dates.yaml", "ingest/metadata.yaml", "ingest/language.yaml"])
def test_word_lists_hold_no_values_yaml_turned_into_booleans(name: str) -> None:
    data = dict(load_yaml(name))
    for key, value in data.items():
        if isinstance(value, (list, dict)) and key not in ("entries",):
            assert not any(isinstance(x, bool) for x in _scalars(value)), key


def test_metadata_rules_compile_with_unique_versioned_ids() -> None:
    compiled = rules()
    ids = [r.rule for r in compiled]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"ingest\.meta\.v\d+:[a-z_]+", i) for i in ids)
    assert {r.scope for r in compiled} <= {"head", "tail", "edges", "any"}
    assert all(r.needles for r in compiled if r.scope == "any")


def test_metadata_rule_bases_are_all_ranked() -> None:
    bases = set(load_yaml("ingest/metadata.yaml")["bases"])
    assert {r.basis for r in rules()} <= bases


def test_skip_reasons_have_unique_ids_and_do_not_claim_readable_formats() -> None:
    readable = {ext for exts in load_yaml("ingest/formats.yaml")["formats"].values() for ext in exts}
    for entry in load_entries("ingest/formats.yaml", ("extensions", "reason")):
        assert not set(entry["extensions"]) & readable, entry["id"]


def test_every_month_number_has_names() -> None:
    months = load_yaml("ingest/dates.yaml")["months"]
    assert sorted(int(m) for m in months) == list(range(1, 13))

"""The language data of the temporal tagger: every file loads, every word is a string, every id is unique."""

from __future__ import annotations

from typing import Any

import pytest

from dyadscope.annotate.time.grammar import negatives
from dyadscope.annotate.time.words import time_words
from dyadscope.lexicon import load_entries, load_yaml

FILES = ("calendar", "numbers", "relative", "context", "negative", "rules", "scoring")
FLAGS = ("borrow_only", "everywhere")   # the only keys whose values are meant to be booleans


def _strings(node: Any, where: str) -> None:
    """Every leaf of a word table is a string or a number (YAML turns a bare 'on' or 'no' into a boolean)."""
    if isinstance(node, dict):
        for key, value in node.items():
            assert not isinstance(key, bool), f"{where}: key {key!r} read as a boolean - quote it"
            if key not in FLAGS:
                _strings(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _strings(value, f"{where}[{i}]")
    else:
        assert not isinstance(node, bool), f"{where}: {node!r} read as a boolean - quote it"


@pytest.mark.parametrize("name", FILES)
def test_each_time_data_file_has_a_version_and_no_accidental_booleans(name: str) -> None:
    data = load_yaml(f"time/{name}.yaml")
    assert isinstance(data.get("version"), int)
    _strings(data, name)


def test_rule_and_negative_ids_are_unique_and_prefixed() -> None:
    for name in ("time/rules.yaml", "time/negative.yaml"):
        ids = [e["id"] for e in load_entries(name)]
        assert len(ids) == len(set(ids))


def test_word_tables_cover_the_four_languages_of_the_corpus() -> None:
    words = time_words()
    for lang in ("en", "ru", "az", "tr"):
        assert len(set(words.months[lang].values())) == 12, lang
        assert len(set(words.weekdays[lang].values())) == 7, lang


def test_negative_contexts_compile() -> None:
    assert {n.id for n in negatives()} >= {"time/negative:reference_marker", "time/negative:currency_before"}

"""The event coder's language data: word lists hold words (YAML reads bare on/no/yes/off as booleans)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

DATA = resources.files("dyadscope").joinpath("data")
FILES = [f"events/{p.name}" for p in DATA.joinpath("events").iterdir() if p.name.endswith(".yaml")]


def _booleans(value: Any, path: str) -> list[str]:
    if isinstance(value, bool):
        return [path]
    if isinstance(value, dict):
        return [b for k, v in value.items() for b in _booleans(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [b for i, v in enumerate(value) for b in _booleans(v, f"{path}[{i}]")]
    return []


@pytest.mark.parametrize("name", sorted(FILES))
def test_word_lists_of_the_event_data_hold_no_booleans(name: str) -> None:
    data = yaml.safe_load(DATA.joinpath(*name.split("/")).read_text(encoding="utf-8"))
    # flags such as `symmetric: true` are booleans by design; inside a list a boolean is a word YAML misread
    found = [p for p in _booleans(data, name) if "[" in p.rsplit(".", 1)[-1]]
    assert not found, f"quote these words (YAML read them as true/false): {found}"


def test_a_bare_on_in_a_list_would_be_caught() -> None:
    assert _booleans(yaml.safe_load("preps: [to, on]"), "x") == ["x.preps[1]"]

"""Table-driven cases of the temporal tagger, read from cases/*.yaml (synthetic, negative, known failures)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from dyadscope.annotate.time import tag
from dyadscope.records import Timex

CASES = Path(__file__).parent / "cases"


def _load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return list(data["cases"])


def _params(name: str) -> list[Any]:
    out = []
    for case in _load(name):
        marks = [pytest.mark.xfail(strict=True, reason=case.get("comment", ""))] if case["expect"] == "fail" else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _matches(t: Timex, want: dict[str, Any]) -> bool:
    return all(getattr(t, key) == value for key, value in want.items())


def _tag(case: dict[str, Any]) -> list[Timex]:
    return tag(case["input"], published=case.get("published"), lang=case.get("lang", "en"))


@pytest.mark.parametrize("case", _params("synthetic.yaml"))
def test_synthetic_case_yields_the_expected_expressions(case: dict[str, Any]) -> None:
    found = _tag(case)
    for want in case["expected"]:
        assert any(_matches(t, want) for t in found), f"{want} not in {[(t.text, t.value) for t in found]}"
    if case.get("only"):
        assert len(found) == len(case["expected"]), [(t.text, t.value) for t in found]


@pytest.mark.parametrize("case", _params("negative.yaml"))
def test_negative_case_yields_no_time_expression(case: dict[str, Any]) -> None:
    found = _tag(case)
    assert found == [], [(t.text, t.value, t.rule) for t in found]


@pytest.mark.parametrize("case", _params("known_failures.yaml"))
def test_known_failure_still_fails_until_fixed(case: dict[str, Any]) -> None:
    found = _tag(case)
    for want in case["expected"]:
        assert any(_matches(t, want) for t in found), f"{want} not in {[(t.text, t.value) for t in found]}"


def test_every_case_file_has_ids_inputs_comments_and_expectations() -> None:
    for name in ("synthetic.yaml", "negative.yaml", "known_failures.yaml"):
        ids = set()
        for case in _load(name):
            assert {"id", "input", "comment", "expect"} <= set(case), (name, case.get("id"))
            assert case["expect"] in ("pass", "fail"), (name, case["id"])
            assert case["id"] not in ids, (name, case["id"])
            ids.add(case["id"])

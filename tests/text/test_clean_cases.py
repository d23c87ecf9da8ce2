"""Table-driven cases of the cleaner: tests/text/cases/{synthetic,negative,known_failures}.yaml.

Each case gives an input, the exact expected cleaned text and the removal kinds that must be recorded
(whitespace, line breaks, unicode and markup changes aside). Known failures must still fail.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from dyadscope.text.clean import STEP_NAMES, clean

CASES = Path(__file__).parent / "cases"
LAYOUT_KINDS = frozenset({"whitespace", "line_break", "unicode", "markup"})


def _load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return list(data["cases"])


def _params(name: str) -> list[Any]:
    out = []
    for case in _load(name):
        marks = [pytest.mark.xfail(strict=True, reason=case["comment"])] if case["expect"] == "fail" else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _check(case: dict[str, Any]) -> None:
    pages = case.get("pages")
    c = clean(case["input"], fmt=case.get("fmt", "txt"), pages=pages)
    assert c.text == case["expected"].strip(), case["comment"]
    kinds = Counter(r.kind for r in c.removed if r.kind not in LAYOUT_KINDS)
    assert kinds == Counter(case["kinds"]), case["comment"]
    if "notes" in case:
        assert c.notes is not None and case["notes"] in c.notes


@pytest.mark.parametrize("case", _params("synthetic.yaml"))
def test_each_cleaning_rule_does_what_its_case_says(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _params("negative.yaml"))
def test_body_text_that_looks_like_furniture_survives(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _params("known_failures.yaml"))
def test_known_failures_still_fail(case: dict[str, Any]) -> None:
    _check(case)


def test_case_files_are_well_formed_and_cover_every_step() -> None:
    ids: set[str] = set()
    steps: set[str] = set()
    for name in ("synthetic.yaml", "negative.yaml", "known_failures.yaml"):
        for case in _load(name):
            assert {"id", "step", "comment", "input", "expected", "kinds", "expect"} <= set(case), case.get("id")
            assert case["expect"] in ("pass", "fail")
            assert case["step"] in STEP_NAMES, case["id"]
            assert case["id"] not in ids, f"duplicate case id {case['id']}"
            ids.add(case["id"])
            steps.add(case["step"])
            if name == "known_failures.yaml":
                assert case["expect"] == "fail"
            else:
                assert case["expect"] == "pass"
    assert steps == set(STEP_NAMES), f"steps without a case: {set(STEP_NAMES) - steps}"

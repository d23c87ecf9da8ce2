"""Table-driven cases in tests/code/cases/*.yaml: synthetic events, negatives and known failures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from events_helpers import analyse_text, counts, matches

CASES = Path(__file__).parent / "cases"


def _load() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(case, id=f"{path.stem}:{case['id']}"))
    return out


def _passes(case: dict[str, Any]) -> tuple[bool, str]:
    analysis = analyse_text(case["input"], case.get("published"), language=case.get("language", "en"))
    events = list(analysis.events)
    wanted = [dict(w) for w in case.get("expected") or []]
    used: set[int] = set()
    missing = []
    for want in wanted:
        found = next((i for i, e in enumerate(events) if i not in used and matches(e, want)), None)
        if found is None:
            missing.append(want)
        else:
            used.add(found)
    extra = [e for i, e in enumerate(events) if i not in used and counts(e)]
    detail = f"missing {missing}; extra {[(e.plover, e.source, e.target, e.modality, e.trigger) for e in extra]}"
    return not missing and not extra, detail


@pytest.mark.parametrize("case", _load())
def test_case_gives_exactly_its_expected_events(case: dict[str, Any]) -> None:
    ok, detail = _passes(case)
    if case.get("expect", "pass") == "pass":
        assert ok, f"{case['id']} ({case['comment']}): {detail}"
    else:
        assert not ok, f"{case['id']} now passes: move it from known_failures.yaml to synthetic.yaml"


def test_the_case_files_hold_at_least_forty_cases() -> None:
    assert len(_load()) >= 40

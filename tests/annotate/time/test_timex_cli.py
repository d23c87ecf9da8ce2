"""``dyadscope timex``: one JSON object per expression, with the contract fields, a summary and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyadscope.cli.main import app

runner = CliRunner()

CONTRACT = {"doc", "text", "start", "end", "value", "date_start", "date_end", "precision", "kind", "sentence",
            "type", "rule"}


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.txt").write_text(
        "Envoys met in Sochi in March 1996.\n\nFrom 1992 to 2000 the talks went on for eight years.\n",
        encoding="utf-8")
    return folder


def test_timex_writes_one_object_per_expression_with_the_contract_fields(tmp_path: Path) -> None:
    out = tmp_path / "out" / "timex.jsonl"
    result = runner.invoke(app, ["timex", str(_write(tmp_path / "docs")), "--jsonl", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in rows] == ["March 1996", "1992", "2000", "eight years"]
    assert all(CONTRACT <= set(r) for r in rows)
    first = rows[0]
    assert (first["value"], first["date_start"], first["precision"], first["kind"]) == \
        ("1996-03", "1996-03", "month", "absolute")
    assert first["sentence"] == "Envoys met in Sochi in March 1996."
    assert rows[1]["date_end"] == "2000" and rows[1]["range_text"] == "1992 to 2000"
    assert rows[3]["kind"] == "duration" and rows[3]["value"] == "P8Y"


def test_timex_writes_to_stdout_and_a_summary_by_default(tmp_path: Path) -> None:
    result = runner.invoke(app, ["timex", str(_write(tmp_path / "docs"))])
    assert result.exit_code == 0
    assert '"value": "1996-03"' in result.stdout


def test_timex_exits_with_1_when_a_document_fails_and_goes_on_with_the_rest(tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs")
    result = runner.invoke(app, ["timex", str(folder), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert '"value": "1996-03"' in result.stdout


def test_timex_exits_with_2_on_a_usage_error() -> None:
    result = runner.invoke(app, ["timex"])
    assert result.exit_code == 2


def test_timex_has_help_with_an_example() -> None:
    result = runner.invoke(app, ["timex", "--help"])
    assert result.exit_code == 0
    assert "dyadscope timex" in result.stdout

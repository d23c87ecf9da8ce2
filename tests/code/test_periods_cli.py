"""``dyadscope periods``: one JSON object per stated stage (DESIGN §5)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyadscope.cli.main import app

PASSAGE = ("Relations between Minsk and Moscow can be divided into three stages. The first stage, from 1994 to "
           "2010, was marked by subsidised energy. The second stage lasted from 2011 till 2020. The last stage "
           "began with the protests that followed the election.\n")


def test_periods_writes_the_contract_fields_for_every_stage(tmp_path: Path) -> None:
    (tmp_path / "essay.txt").write_text(PASSAGE, encoding="utf-8")
    out = tmp_path / "periods.jsonl"
    result = CliRunner().invoke(app, ["periods", str(tmp_path / "essay.txt"), "--jsonl", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc"], r["start"], r["end"]) for r in rows] == [
        ("essay.txt", "1994", "2010"), ("essay.txt", "2011", "2020"), ("essay.txt", "2020", None)]
    for r in rows:
        assert {"doc", "label", "start", "end", "sentence", "kind", "rule"} <= set(r)
        assert r["sentence"] in PASSAGE and r["kind"] == "stated"
    assert rows[2]["start_basis"] == "implied"


def test_periods_writes_nothing_for_a_text_without_a_periodisation(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("The ministers met in Baku on 3 May 2004 and talked.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["periods", str(tmp_path / "note.txt")])
    assert result.exit_code == 0 and result.stdout == ""


def test_periods_names_a_file_it_cannot_read_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PASSAGE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["periods", str(tmp_path)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 3

"""`dyadscope extract` and `dyadscope eval` from the command line (DESIGN §5 contracts, exit codes)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import GOLD, SHARED
from typer.testing import CliRunner

from dyadscope.cli.main import app
from dyadscope.code.extract import EVENT_FIELDS

CONTRACT = ("doc", "doc_id", "sentence", "start", "end", "trigger", "source", "target", "source_text",
            "target_text", "source_person", "target_person", "plover", "quad", "intensity", "date_start",
            "date_end", "date_precision", "date_text", "date_basis", "issues", "modality", "confidence", "rule")
TEXT = ("Russia closed its border with Azerbaijan in December 1994.\n\n"
        "In March 1995 Baku summoned the Russian ambassador. Moscow could reopen the border with Azerbaijan.\n")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "note.txt").write_text(TEXT, encoding="utf-8")
    return folder


def test_extract_writes_one_contract_object_per_event(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["extract", str(corpus), "--jsonl", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["plover"], r["source"], r["target"], r["modality"]) for r in rows] == [
        ("SANCTION", "RUS", "AZE", "asserted"), ("ACCUSE", "AZE", "RUS", "asserted"),
        ("RETREAT", "RUS", "AZE", "hypothetical")]
    for r in rows:
        assert set(CONTRACT) <= set(r) and list(r) == list(EVENT_FIELDS)
        assert r["doc"] == "note.txt" and TEXT[r["start"]:r["end"]] == r["sentence"]
    assert rows[0]["date_start"] == "1994-12" and rows[0]["date_basis"] == "explicit"


def test_extract_prints_to_stdout_by_default(corpus: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(corpus / "note.txt")])
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["trigger"] == "closed its border"


def test_extract_names_a_failed_file_and_exits_one(corpus: Path) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(corpus)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr


def _reference_score(gold: Path, system: Path) -> dict:
    spec = importlib.util.spec_from_file_location("reference_score_events", SHARED / "tools" / "score_events.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(module.load(gold), module.load(system))


def test_eval_of_a_system_file_prints_the_reference_figures(shared: Path, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    CliRunner().invoke(app, ["extract", str(SHARED / "corpus" / "seeds" / "004_517e0e717ccffb75.txt"),
                             "--jsonl", str(out)])
    result = CliRunner().invoke(app, ["eval", "--gold", str(GOLD / "seed_events.jsonl"), "--system", str(out),
                                      "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == _reference_score(GOLD / "seed_events.jsonl", out)


def test_eval_runs_extract_on_paths_and_prints_levels(shared: Path, corpus: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "doc": "note.txt", "quote": "Russia closed its border with Azerbaijan",
                                "source": "RUS", "target": "AZE", "quad": 4, "date_start": "1994-12",
                                "date_end": "1994-12"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold), str(corpus), "--per-doc"])
    assert result.exit_code == 0, result.output
    assert "L1: P 0.500 R 1.000 F1 0.667 (n=1)" in result.stdout
    assert "L3: P 0.500 R 1.000 F1 0.667 (n=1)" in result.stdout
    assert "DATE: 1.000 of matched" in result.stdout
    assert "note.txt" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["eval", "somewhere"], "--gold"),
    (["eval", "--gold", "gold.jsonl"], "PATHS"),
])
def test_eval_without_gold_or_input_is_a_usage_error(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_eval_with_a_broken_gold_file_says_which_line(tmp_path: Path, corpus: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{broken\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold), str(corpus)])
    assert result.exit_code == 1
    assert "gold.jsonl:1" in result.stderr

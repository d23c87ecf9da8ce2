"""``dyadscope docs``: the JSON lines contract (DESIGN §5), output file, progress, summary and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from dyadscope.cli.main import app

runner = CliRunner()
CONTRACT = ("doc", "doc_id", "title", "author", "outlet", "published", "published_precision", "published_basis",
            "language", "text", "removed", "warnings")


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    places = ("Gusar", "Sheki", "Lankaran", "Ganja", "Quba", "Shamakhi", "Zaqatala")
    for i in range(n):
        (folder / f"note{i}.txt").write_text(
            f"Thursday, {i + 1} May 2014\n\nBy Rustam Guliyev\n\nOfficials met in {places[i % len(places)]} to "
            f"discuss item {i} of the border agenda, including the road repairs and the new customs post.\n")
    return folder


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_docs_writes_one_json_object_per_document_with_the_contract_fields(tmp_path: Path) -> None:
    result = runner.invoke(app, ["docs", str(_corpus(tmp_path / "c", 2))])
    assert result.exit_code == 0, result.output
    records = _lines(result.stdout)
    assert [r["doc"] for r in records] == ["note0.txt", "note1.txt"]
    for r in records:
        assert all(field in r for field in CONTRACT)
        assert all(set(x) >= {"kind", "text"} for x in r["removed"])  # type: ignore[union-attr]
    assert (records[0]["author"], records[0]["published"], records[0]["published_precision"]) == (
        "Rustam Guliyev", "2014-05-01", "day")
    assert records[1]["published_basis"] == "dateline" and records[1]["language"] == "en"


def test_docs_writes_to_a_jsonl_file_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "out" / "docs.jsonl"
    result = runner.invoke(app, ["docs", str(_corpus(tmp_path / "c", 2)), "--jsonl", str(out)])
    assert result.exit_code == 0
    assert not _lines(result.stdout)
    assert len(_lines(out.read_text(encoding="utf-8"))) == 2


def test_docs_shows_progress_and_a_closing_summary_with_skipped_reasons(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "c", 5)
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = runner.invoke(app, ["docs", str(folder)])
    assert result.exit_code == 0
    flat = " ".join(result.stderr.split())
    assert "cleaning" in flat  # the progress bar's label
    for label, count in (("read", 5), ("processed", 5), ("skipped", 1), ("failed", 0), ("cleaned", 5)):
        assert re.search(rf"\b{label}\s*\W\s*{count}\b", result.stderr), label
    assert "scan.png" in "".join(result.stderr.split()) and "an image" in flat


def test_a_missing_manifest_is_a_usage_error_with_exit_code_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["docs", str(_corpus(tmp_path / "c", 1)), "--manifest", str(tmp_path / "no.csv")])
    assert result.exit_code == 2
    assert "no.csv" in "".join(result.stderr.split())


def test_a_bad_size_limit_is_a_usage_error_with_exit_code_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["docs", str(_corpus(tmp_path / "c", 1)), "--max-bytes", "0"])
    assert result.exit_code == 2


def test_the_size_limit_flag_refuses_larger_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["docs", str(_corpus(tmp_path / "c", 2)), "--max-bytes", "50"])
    assert result.exit_code == 1
    assert "--max-bytes" in result.stderr and not _lines(result.stdout)


def test_docs_has_help_that_names_its_options() -> None:
    result = runner.invoke(app, ["docs", "--help"])
    assert result.exit_code == 0
    for option in ("--jsonl", "--manifest", "--max-bytes"):
        assert option in result.stdout


def test_an_unknown_language_code_is_a_usage_error_with_exit_code_2(tmp_path: Path) -> None:
    config = tmp_path / "dyadscope.toml"
    config.write_text('[dyadscope]\nlanguages = ["en", "xx"]\n')
    result = runner.invoke(app, ["docs", str(_corpus(tmp_path / "c", 1)), "--config", str(config)])
    assert result.exit_code == 2 and "xx" in result.stderr

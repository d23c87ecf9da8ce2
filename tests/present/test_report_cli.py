"""``dyadscope report`` over a store, and its errors."""

from __future__ import annotations

from pathlib import Path

from reportkit import small_analyses, small_records
from typer.testing import CliRunner

from dyadscope.cli.main import app
from dyadscope.store import open_store


def _store(path: Path) -> Path:
    records = small_records()
    with open_store(path) as store:
        for analysis in small_analyses():
            store.add_analysis(analysis)
        store.replace_stories(records["stories"])
        store.replace_contradictions(records["contradictions"])
    return path


def test_report_writes_one_html_file_from_a_store_and_prints_where(tmp_path: Path) -> None:
    db = _store(tmp_path / "corpus.duckdb")
    out = tmp_path / "out" / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.stdout
    page = out.read_text(encoding="utf-8")
    assert "Field report" in page and "&lt;script&gt;window.__pwned=1" in page
    assert "2 documents, 5 events (4 happened), 1 story, 1 stated period" in result.stderr


def test_report_on_a_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.duckdb"), "--out",
                                      str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "none.duckdb" in result.stderr and "build" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_report_refuses_a_malformed_dyad(tmp_path: Path) -> None:
    db = _store(tmp_path / "corpus.duckdb")
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--dyad", "AZE"])
    assert result.exit_code == 2 and "AZE-RUS" in result.stderr


def test_report_has_help() -> None:
    result = CliRunner().invoke(app, ["report", "--help"])
    assert result.exit_code == 0 and "--out" in result.stdout and "offline" in result.stdout

"""``dyadscope serve``: its checks before the server starts (missing extra, store, port) and what it runs."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from webkit import records_store

from dyadscope.cli.main import app
from dyadscope.errors import UsageError
from dyadscope.present.web import serve as serve_module
from dyadscope.present.web.serve import INSTALL, check_port, check_store, require_web

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return records_store(tmp_path_factory)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Replace the blocking server by a recorder of what it would have been started with."""
    seen: list[dict] = []

    def fake(db: Path, **kwargs: object) -> None:
        seen.append({"db": db, **kwargs})

    monkeypatch.setattr(serve_module, "run_server", fake)
    return seen


def test_serve_starts_the_server_on_the_store_host_and_port_it_is_given(db: Path, calls: list[dict]) -> None:
    result = runner.invoke(app, ["serve", "--db", str(db), "--host", "127.0.0.1", "--port", "0", "--dyad", "aze-arm"])
    assert result.exit_code == 2 and "--port 0" in result.stderr  # 0 is not a port one can browse to
    port = _free_port()
    result = runner.invoke(app, ["serve", "--db", str(db), "--port", str(port), "--dyad", "aze-arm"])
    assert result.exit_code == 0, result.output
    assert calls == [{"db": db, "host": "127.0.0.1", "port": port, "dyad": ("AZE", "ARM"), "title": None,
                      "log_level": "warning"}]
    assert f"http://127.0.0.1:{port}/" in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_without_the_web_extra_names_the_install_command(db: Path, calls: list[dict],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)  # import fastapi now raises ImportError
    result = runner.invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 2
    assert "pip install 'dyadscope[web]'" in result.stderr and "fastapi" in result.stderr
    assert calls == []
    with pytest.raises(UsageError) as info:
        require_web()
    assert info.value.hint is not None and INSTALL in info.value.hint


def test_serve_without_uvicorn_names_the_install_command_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    with pytest.raises(UsageError, match="uvicorn"):
        require_web()


def test_serve_on_a_missing_store_exits_2_and_says_how_to_build_one(tmp_path: Path, calls: list[dict]) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "none.duckdb" in result.stderr and "dyadscope build PATH... --db" in result.stderr
    assert calls == []


def test_serve_on_a_file_that_is_not_a_store_exits_1_and_says_so(tmp_path: Path, calls: list[dict]) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a database", encoding="utf-8")
    result = runner.invoke(app, ["serve", "--db", str(bad)])
    assert result.exit_code == 1 and "notes.duckdb" in result.stderr and calls == []


def test_serve_on_a_folder_exits_2(tmp_path: Path, calls: list[dict]) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path)])
    assert result.exit_code == 2 and "folder" in result.stderr


def test_serve_on_a_port_in_use_exits_2_and_suggests_another(db: Path, calls: list[dict]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 2 and "already in use" in result.stderr and f"--port {port + 1}" in result.stderr
    assert calls == []


@pytest.mark.parametrize(("args", "named"), [(["--dyad", "AZE"], "AZE-RUS"), (["--log-level", "loud"], "log-level"),
                                             (["--host", "no.such.host.invalid"], "--host")])
def test_serve_refuses_bad_flags_with_exit_2(db: Path, calls: list[dict], args: list[str], named: str) -> None:
    result = runner.invoke(app, ["serve", "--db", str(db), "--port", str(_free_port()), *args])
    assert result.exit_code == 2 and named in result.stderr and calls == []


def test_checking_a_store_a_build_is_writing_gives_a_warning_not_an_error(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from dyadscope.errors import StoreError

    db = tmp_path / "busy.duckdb"
    db.write_bytes(b"")

    def busy(*args: object, **kwargs: object) -> None:
        raise StoreError(f"the store {db} is in use by another process (process 1)", hint="wait")

    monkeypatch.setattr(serve_module, "open_store", busy)
    assert "in use by another process" in (check_store(db) or "")


def test_check_port_accepts_a_free_port() -> None:
    check_port("127.0.0.1", _free_port())


def test_serve_has_help_that_names_its_flags_and_the_extra() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for word in ("--db", "--host", "--port", "dyadscope[web]", "/api", "read-only"):
        assert word in result.stdout


def test_the_readme_documents_serve_with_its_pages_and_api() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `dyadscope serve`", 1)[1].split("\n### ", 1)[0]
    for word in ("--db", "--port", "/documents/{doc_id}", "/events/{event_id}", "/stories/{story_id}",
                 "/contradictions", "/periods", "/api/events", "format=csv", "/api/stats", "422", "404",
                 "read-only", "pip install 'dyadscope[web]'"):
        assert word in section, word

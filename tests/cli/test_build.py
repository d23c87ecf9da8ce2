"""``dyadscope build``: incremental, resumable, one writer, fail soft per document."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dyadscope.cli.main import app
from dyadscope.options import Options
from dyadscope.pipeline import Analysis, Stage
from dyadscope.store import open_store
from dyadscope.store.build import available_stages, build

runner = CliRunner()

_PLACES = ("Baku", "Moscow", "Ganja", "Sochi", "Astrakhan", "Derbent", "Lankaran", "Makhachkala")
_TOPICS = ("the northern railway link", "gas transit fees", "fishing quotas in the Caspian",
           "the border crossing at Yalama", "university exchanges", "a radar lease", "grain exports")


def synthetic_text(i: int, words: int = 120) -> str:
    """A small document of invented reporting, different for every ``i``."""
    place, topic = _PLACES[i % len(_PLACES)], _TOPICS[i % len(_TOPICS)]
    year = 1992 + i % 30
    paras = [
        f"Report {i}: talks in {place}",
        (f"On {1 + i % 27} March {year} officials of Azerbaijan and Russia met in {place} to discuss {topic}. "
        f"The delegations agreed to meet again within a year. Observers counted {i * 7 % 97} journalists."),
        (f"In {year + 1} Baku accused Moscow of delaying payments linked to {topic}. "
        f"Russia rejected the claim and proposed a joint commission. Item {i} closes here."),
    ]
    filler = " ".join(f"Note {i}.{k} on {topic} adds detail number {k}." for k in range(max(0, words // 10 - 6)))
    return "\n\n".join([*paras, filler]) + "\n"


def write_corpus(folder: Path, n: int, words: int = 120) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc_{i:03d}.txt").write_text(synthetic_text(i, words), encoding="utf-8")
    return folder


def counts(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, object] = {}
        for table in ("documents", "sentences", "timexes", "mentions", "events", "periods", "facts"):
            out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        out["duplicate_doc_ids"] = con.execute(
            "SELECT count(*) FROM (SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1)").fetchall()[0][0]
        out["duplicate_sentences"] = con.execute(
            'SELECT count(*) FROM (SELECT doc_id, "index" FROM sentences GROUP BY 1, 2 HAVING count(*) > 1)'
        ).fetchall()[0][0]
        out["per_document"] = sorted(con.execute(
            "SELECT d.doc, (SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id), "
            "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) FROM documents d").fetchall())
        return out
    finally:
        con.close()


def cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "dyadscope.cli.main", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "120"})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "docs", 60, words=150)


@pytest.fixture(scope="module")
def clean_build(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    result = runner.invoke(app, ["build", str(corpus), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return counts(db)


def test_a_build_stores_every_document_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    docs = write_corpus(tmp_path / "docs", 8)
    db = tmp_path / "s.duckdb"
    first = runner.invoke(app, ["build", str(docs), "--db", str(db), "--workers", "1"])
    assert first.exit_code == 0, first.output
    before = counts(db)
    assert before["documents"] == 8 and before["sentences"] > 8
    second = runner.invoke(app, ["build", str(docs), "--db", str(db), "--workers", "2"])
    assert second.exit_code == 0, second.output
    assert counts(db) == before
    with open_store(db, read_only=True) as s:
        runs = s.runs()
        assert [r.status for r in runs] == ["done", "done"]
        assert runs[1].counts["added"] == 0 and runs[1].counts["already_stored"] == 8
        assert s.meta()["stages"] == ",".join(available_stages())


def test_the_closing_summary_names_what_the_build_did(tmp_path: Path) -> None:
    docs = write_corpus(tmp_path / "docs", 4)
    result = runner.invoke(app, ["build", str(docs), "--db", str(tmp_path / "s.duckdb"), "--workers", "1", "-v"])
    assert result.exit_code == 0
    for label in ("read", "added", "already stored", "failed", "events added", "stories"):
        assert label in result.stderr
    assert result.stderr.count("added  doc_") == 4


def test_a_changed_file_is_a_new_document_and_the_old_one_is_superseded(tmp_path: Path) -> None:
    docs = write_corpus(tmp_path / "docs", 3)
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["build", str(docs), "--db", str(db), "--workers", "1"])
    (docs / "doc_001.txt").write_text(synthetic_text(1) + "\nA correction was added later.\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(docs), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0
    with open_store(db, read_only=True) as s:
        assert s.stats()["documents"] == 3 and s.stats()["superseded"] == 1
        assert len(list(s.documents(current_only=False))) == 4
        assert s.runs()[-1].counts["superseded"] == 1


def test_a_document_whose_coding_fails_is_named_and_the_rest_are_stored(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from dyadscope.scale import pool

    docs = write_corpus(tmp_path / "docs", 5)

    def fragile(analysis: Analysis, options: Options) -> Analysis:
        if analysis.document.doc == "doc_002.txt":
            raise ValueError("unexpected input")
        return dataclasses.replace(analysis)

    monkeypatch.setattr(pool, "_planned", lambda names: (Stage("fragile", fragile, ("document",), ()),))
    with open_store(tmp_path / "s.duckdb") as store:
        report = build([docs], store, Options(), workers=1, stages=("segment",))
        assert report.added == 4 and report.summary.exit_code == 1
        (failure,) = report.summary.failed
        assert failure.code == "stage_failed" and "doc_002.txt" in str(failure) and "ValueError" in str(failure)
        assert store.stats()["documents"] == 4


def test_the_seed_corpus_builds_with_two_workers_and_rebuilds_to_nothing(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.duckdb"
    result = runner.invoke(app, ["build", str(shared / "corpus" / "seeds"), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert counts(db)["documents"] == 5
    again = runner.invoke(app, ["build", str(shared / "corpus" / "seeds"), "--db", str(db), "--workers", "2"])
    assert again.exit_code == 0
    with open_store(db, read_only=True) as s:
        assert s.runs()[-1].counts["already_stored"] == 5


def flat(text: str) -> str:
    """Text as one line (Rich wraps long messages to the terminal width)."""
    return " ".join(text.split())


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)
    proc.communicate(timeout=60)  # EOF once the build's workers have noticed it is gone


def _wait_for_added(proc: subprocess.Popen[str], n: int, timeout: float = 120) -> list[str]:
    """Read the build's per-document lines until ``n`` documents are stored."""
    assert proc.stderr is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while sum(line.startswith("added") for line in lines) < n:
        line = proc.stderr.readline()
        if not line or time.monotonic() > deadline:
            pytest.fail(f"the build stopped before storing {n} documents: {''.join(lines)[-2000:]}")
        lines.append(line)
    return lines


def test_a_build_killed_midway_resumes_with_no_duplicate_and_no_half_written_document(
        corpus: Path, clean_build: dict[str, object], tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    proc = cli("build", str(corpus), "--db", str(db), "--workers", "1", "--verbose")
    _wait_for_added(proc, 12)
    proc.send_signal(signal.SIGKILL)
    stop(proc)
    partial = counts(db)
    assert 12 <= partial["documents"] < 60  # type: ignore[operator]
    assert partial["duplicate_doc_ids"] == 0 and partial["duplicate_sentences"] == 0
    resumed = runner.invoke(app, ["build", str(corpus), "--db", str(db), "--workers", "1"])
    assert resumed.exit_code == 0, resumed.output
    assert counts(db) == clean_build
    with open_store(db, read_only=True) as s:
        runs = s.runs()
        assert runs[0].status == "running" and runs[-1].status == "done"  # the killed run never finished
        assert runs[-1].counts["already_stored"] == partial["documents"]


def test_a_second_build_on_the_same_store_is_told_it_is_in_use(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    first = cli("build", str(corpus), "--db", str(db), "--workers", "1", "--verbose")
    try:
        _wait_for_added(first, 1)
        second = runner.invoke(app, ["build", str(corpus), "--db", str(db), "--workers", "1"])
        assert second.exit_code == 1
        assert "is in use by another process" in flat(second.stderr)
        assert "wait for it to finish, or use another --db" in flat(second.stderr)
    finally:
        stop(first)


@pytest.fixture
def no_dask(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(sys.modules, "dask", None)  # importing dask now raises ImportError
    yield


def test_the_dask_backend_without_its_extra_names_the_install(no_dask: None, tmp_path: Path) -> None:
    docs = write_corpus(tmp_path / "docs", 2)
    result = runner.invoke(app, ["build", str(docs), "--db", str(tmp_path / "s.duckdb"), "--backend", "dask"])
    assert result.exit_code == 2
    assert "pip install 'dyadscope[scale]'" in flat(result.stderr)


@pytest.mark.parametrize(("args", "message"), [
    (["--workers", "0"], "--workers must be at least 1"),
    (["--backend", "threads"], "unknown backend"),
])
def test_bad_build_options_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    docs = write_corpus(tmp_path / "docs", 1)
    result = runner.invoke(app, ["build", str(docs), "--db", str(tmp_path / "s.duckdb"), *args])
    assert result.exit_code == 2
    assert message in flat(result.stderr)


def test_unchanged_files_are_not_even_read_again_and_touched_ones_are_read_but_not_recoded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dyadscope.scale import pool

    docs = write_corpus(tmp_path / "docs", 4)
    with open_store(tmp_path / "s.duckdb") as store:
        build([docs], store, Options(), workers=1)
        loaded: list[str] = []
        real_load = pool.load

        def counting_load(source: object, options: Options) -> object:
            loaded.append(source.doc)  # type: ignore[attr-defined]
            return real_load(source, options)  # type: ignore[arg-type]

        monkeypatch.setattr(pool, "load", counting_load)
        again = build([docs], store, Options(), workers=1)
        assert (again.added, again.already_stored, loaded) == (0, 4, [])
        os.utime(docs / "doc_002.txt", ns=(1_000_000_000, 1_000_000_000))  # same text, other mtime
        third = build([docs], store, Options(), workers=1)
        assert (third.added, third.already_stored, loaded) == (0, 4, ["doc_002.txt"])
        fourth = build([docs], store, Options(), workers=1)  # the new stamp was recorded
        assert (fourth.already_stored, loaded) == (4, ["doc_002.txt"])
        assert store.stats()["documents"] == 4


def test_documents_coded_by_older_rules_are_counted_and_recoded_on_request(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from dyadscope.store import build as build_module

    docs = write_corpus(tmp_path / "docs", 3)
    db = tmp_path / "s.duckdb"
    monkeypatch.setattr(build_module, "pipeline_key", lambda names: "older-rules")
    assert runner.invoke(app, ["build", str(docs), "--db", str(db), "--workers", "1"]).exit_code == 0
    before = counts(db)
    monkeypatch.undo()
    noted = runner.invoke(app, ["build", str(docs), "--db", str(db), "--workers", "1"])
    assert noted.exit_code == 0
    assert "3 stored document(s) were coded by other stages" in flat(noted.stderr)
    assert "--recode" in flat(noted.stderr)
    recoded = runner.invoke(app, ["build", str(docs), "--db", str(db), "--workers", "2", "--recode", "-v"])
    assert recoded.exit_code == 0, recoded.output
    assert flat(recoded.stderr).count("recoded doc_") == 3
    assert counts(db) == before  # the same rules give the same records, replaced rather than added
    with open_store(db, read_only=True) as s:
        assert s.runs()[-1].counts["recoded"] == 3
        assert s.stale_documents(build_module.pipeline_key(available_stages())) == []
    again = runner.invoke(app, ["build", str(docs), "--db", str(db), "--workers", "1"])
    assert "--recode" not in flat(again.stderr)


def _children(pid: int) -> set[int]:
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == p and int(entry.name) not in out:
                    out.add(int(entry.name))
                    todo.append(int(entry.name))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_killing_a_build_with_workers_leaves_no_worker_running(corpus: Path, tmp_path: Path) -> None:
    proc = cli("build", str(corpus), "--db", str(tmp_path / "w.duckdb"), "--workers", "2", "--verbose")
    try:
        _wait_for_added(proc, 2)
        workers = _children(proc.pid)
        assert workers, "the build started no worker processes"
    finally:
        proc.send_signal(signal.SIGKILL)
        stop(proc)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.5)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and "zombie" not in Path(f"/proc/{w}/status").read_text().lower()]
    assert not alive

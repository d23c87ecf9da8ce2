"""The map over documents behind build: order, bounded windows, already-known documents, backends."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dyadscope.errors import UsageError
from dyadscope.ingest import Source, discover, load
from dyadscope.options import Options
from dyadscope.scale import Coded, Known, code_documents


def _sources(folder: Path, n: int) -> list[Source]:
    folder.mkdir()
    for i in range(n):
        (folder / f"f{i:02d}.txt").write_text(f"Item {i}. Baku and Moscow held talks in {1990 + i}.\n",
                                              encoding="utf-8")
    return [s for s in discover([folder], Options()) if isinstance(s, Source)]


@pytest.mark.parametrize("workers", [1, 2])
def test_outcomes_come_back_in_source_order_whatever_the_workers(tmp_path: Path, workers: int) -> None:
    sources = _sources(tmp_path / "docs", 9)
    outcomes = list(code_documents(sources, Options(), ("segment",), workers=workers))
    assert [o.analysis.document.doc for o in outcomes if isinstance(o, Coded)] == [s.doc for s in sources]
    assert all(o.analysis.sentences for o in outcomes if isinstance(o, Coded))


@pytest.mark.parametrize("workers", [1, 2])
def test_known_documents_are_loaded_but_not_coded(tmp_path: Path, workers: int) -> None:
    sources = _sources(tmp_path / "docs", 4)
    known = {load(sources[1], Options()).doc_id}  # the id is that of the cleaned text
    outcomes = list(code_documents(sources, Options(), ("segment",), known, workers=workers))
    assert [type(o).__name__ for o in outcomes] == ["Coded", "Known", "Coded", "Coded"]
    assert isinstance(outcomes[1], Known) and outcomes[1].doc == "f01.txt"


def test_an_unknown_stage_fails_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown stage"):
        next(code_documents(_sources(tmp_path / "docs", 1), Options(), ("no-such-stage",)))


class _FakeDask(types.ModuleType):
    """Just enough of dask's interface (delayed, compute) to check how the backend drives it."""

    def __init__(self) -> None:
        super().__init__("dask")
        self.calls: list[tuple[int, str, int]] = []

    def delayed(self, fn: Callable[..., Any]) -> Callable[..., Callable[[], Any]]:
        return lambda *args: (lambda: fn(*args))

    def compute(self, *thunks: Callable[[], Any], scheduler: str, num_workers: int) -> tuple[Any, ...]:
        self.calls.append((len(thunks), scheduler, num_workers))
        return tuple(t() for t in thunks)


def test_the_dask_backend_hands_out_bounded_windows_and_keeps_the_order(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeDask()
    monkeypatch.setitem(sys.modules, "dask", fake)
    sources = _sources(tmp_path / "docs", 7)
    outcomes = list(code_documents(sources, Options(), ("segment",), workers=1, backend="dask"))
    assert [o.analysis.document.doc for o in outcomes if isinstance(o, Coded)] == [s.doc for s in sources]
    assert [c[0] for c in fake.calls] == [3, 3, 1]  # windows of 3 tasks per worker
    assert {c[1] for c in fake.calls} == {"processes"}

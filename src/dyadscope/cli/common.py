"""Shared pieces of the command line: output files, progress bars, the closing summary, error handling.

Only this package prints messages; the library raises :mod:`dyadscope.errors` exceptions.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..batch import BatchSummary, ProgressFn
from ..errors import DyadscopeError, UsageError
from ..options import Options

err_console = Console(stderr=True, highlight=False)

F = TypeVar("F", bound=Callable[..., Any])


def handles_errors(func: F) -> F:
    """Turn dyadscope errors into a one-line message and an exit code (2 usage, 1 otherwise); no traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UsageError as exc:
            err_console.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(2) from None
        except DyadscopeError as exc:
            err_console.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(1) from None
        except BrokenPipeError:  # `dyadscope extract … | head`
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


@contextlib.contextmanager
def output(path: Path | None) -> Iterator[IO[str]]:
    """The file to write JSON lines to: ``path`` (written atomically at the end) or stdout."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            yield fh
        tmp.replace(path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc}", hint="choose a writable path for the output") from exc


def write_jsonl(fh: IO[str], record: dict[str, Any]) -> None:
    fh.write(json.dumps(record, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def progress_bar(options: Options, label: str) -> Iterator[ProgressFn]:
    """A Rich progress bar on stderr, shown once a batch has more than ``options.progress_threshold`` files."""
    state: dict[str, Any] = {"progress": None, "task": None}

    def update(done: int, total: int, name: str) -> None:
        if total <= options.progress_threshold:
            return
        if state["progress"] is None:
            prog = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("{task.fields[name]}"), console=err_console,
                            transient=False)
            prog.start()
            state["progress"] = prog
            state["task"] = prog.add_task(label, total=total, name="")
        state["progress"].update(state["task"], completed=done, name=name[:40])

    try:
        yield update
    finally:
        if state["progress"] is not None:
            state["progress"].stop()


def print_summary(summary: BatchSummary, *, what: str = "documents", extra_rows: dict[str, Any] | None = None) -> None:
    """The closing summary on stderr: read, processed, skipped and failed (each failure named)."""
    table = Table(title=f"dyadscope: {what}", show_header=False, title_justify="left")
    table.add_column("", style="bold")
    table.add_column("")
    table.add_row("read", str(summary.read))
    table.add_row("processed", str(summary.processed))
    table.add_row("skipped", str(len(summary.skipped)))
    table.add_row("failed", str(len(summary.failed)))
    for key, value in (extra_rows or {}).items():
        table.add_row(key, str(value))
    err_console.print(table)
    for s in summary.skipped:
        err_console.print(f"[yellow]skipped[/yellow] {escape(s.path)}: {escape(s.reason)}")
    for e in summary.failed:
        err_console.print(f"[red]failed[/red] {escape(f'[{e.code}]')} {escape(str(e))}")

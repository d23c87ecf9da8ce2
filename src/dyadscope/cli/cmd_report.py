"""``dyadscope report``: the self-contained HTML report of a store (DESIGN §6)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from ..present.context import build_context
from ..present.report import write_report
from ..store import DEFAULT_DB, open_store
from .common import err_console, handles_errors

DEFAULT_OUT = Path("out/report.html")


def register(app: typer.Typer) -> None:
    @app.command("report")
    @handles_errors
    def report(
        db: Annotated[Path, typer.Option("--db", help="The store to report on (built with dyadscope build).")] = Path(DEFAULT_DB),
        out: Annotated[Path, typer.Option("--out", help="Where to write the HTML file.")] = DEFAULT_OUT,
        dyad: Annotated[str, typer.Option("--dyad", help="The two states of the relationship, e.g. AZE-RUS.")] = "AZE-RUS",
        title: Annotated[str | None, typer.Option("--title", help="Title of the page.")] = None,
    ) -> None:
        """Write one self-contained HTML report (works offline): sources, timeline, index and stages, issues,
        source profiles, contradictions, facts and stories with their evidence.

        Example: dyadscope report --db out/demo.duckdb --out out/report.html
        """
        from ..store.base import parse_dyad

        pair = parse_dyad(dyad)
        assert pair is not None
        started = time.perf_counter()
        with open_store(db, read_only=True) as store:
            ctx = build_context(store, dyad=pair, title=title)
        path = write_report(ctx, out)
        seconds = time.perf_counter() - started
        typer.echo(str(path))
        counts = [(len(ctx.documents), "document"), (ctx.events_total, "event")]
        rest = [(ctx.stories_total, "story"), (len(ctx.periods), "stated period"),
                (len(ctx.stages.change_points), "detected change point"), (len(ctx.contradictions), "contradiction")]
        told = [_count(n, what) for n, what in counts]
        told[-1] += f" ({ctx.happened_total} happened)"
        told += [_count(n, what) for n, what in rest]
        err_console.print(f"report: {', '.join(told)} — written in {seconds:.1f} s")


def _count(n: int, what: str) -> str:
    """"1 story", "3 stories", "0 detected change points"."""
    if n == 1:
        return f"1 {what}"
    return f"{n} {what[:-1]}ies" if what.endswith("y") else f"{n} {what}s"

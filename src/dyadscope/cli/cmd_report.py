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
        err_console.print(
            f"report: {len(ctx.documents)} documents, {ctx.events_total} events ({ctx.happened_total} happened), "
            f"{ctx.stories_total} stories, {len(ctx.periods)} stated periods, {len(ctx.stages.change_points)} "
            f"detected change points, {len(ctx.contradictions)} contradictions — written in {seconds:.1f} s")

"""``dyadscope serve``: the web app over a store — the live report, browsable records and a JSON API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..store import DEFAULT_DB
from .common import err_console, handles_errors


def register(app: typer.Typer) -> None:
    @app.command("serve")
    @handles_errors
    def serve(
        db: Annotated[Path, typer.Option("--db", help="The store to serve (built with dyadscope build).")] = Path(DEFAULT_DB),
        host: Annotated[str, typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
        dyad: Annotated[str, typer.Option("--dyad", help="The two states of the report and stages, e.g. AZE-RUS.")] = "AZE-RUS",
        title: Annotated[str | None, typer.Option("--title", help="Title of the report page.")] = None,
        log_level: Annotated[str, typer.Option("--log-level", help="uvicorn's log level: warning, info (one line "
                                               "per request), debug.")] = "warning",
    ) -> None:
        """Serve the store as a web app (needs pip install 'dyadscope\\[web]'): the report at /, documents with
        their evidence marked, events with filters, stories, contradictions and periods, and a JSON API under
        /api (OpenAPI docs at /docs). The store is opened read-only for each request, so a build can run
        beside it (pages say the store is busy while the build writes).

        Example: dyadscope serve --db out/demo.duckdb --port 8000
        """
        from ..present.web.serve import check_port, check_store, require_web, run_server
        from ..store.base import parse_dyad

        require_web()
        pair = parse_dyad(dyad)
        assert pair is not None
        if log_level not in ("critical", "error", "warning", "info", "debug", "trace"):
            from ..errors import UsageError

            raise UsageError(f"--log-level {log_level!r} is not known", hint="use warning, info or debug")
        warning = check_store(db)
        check_port(host, port)
        if warning:
            err_console.print(f"[yellow]note:[/yellow] {escape(warning)}")
        shown = f"[{host}]" if ":" in host else host
        err_console.print(f"serving {escape(str(db))} at http://{escape(shown)}:{port}/ (API docs at /docs) "
                          f"— press Ctrl+C to stop")
        run_server(db, host=host, port=port, dyad=pair, title=title, log_level=log_level)

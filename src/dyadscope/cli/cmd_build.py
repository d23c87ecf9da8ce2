"""``dyadscope build``: ingest and code documents into the store, then resolve stories (DESIGN §6)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..options import make_options
from ..store import DEFAULT_DB, open_store
from ..store.build import build
from .common import err_console, handles_errors, print_summary, progress_bar


def register(app: typer.Typer) -> None:
    @app.command("build")
    @handles_errors
    def build_cmd(
        paths: Annotated[list[Path] | None, typer.Argument(
            help="Files or folders (walked recursively). None: only migrate the store and redo stories.")] = None,
        db: Annotated[Path, typer.Option("--db", help="The store (a DuckDB file; created when missing).")] = Path(DEFAULT_DB),
        manifest: Annotated[Path | None, typer.Option("--manifest", help="CSV/JSONL manifest or Zotero CSV export.")] = None,
        workers: Annotated[int | None, typer.Option("--workers", help="Processes coding documents (default: one per core).")] = None,
        backend: Annotated[str, typer.Option("--backend", help="process (default) or dask (pip install 'dyadscope\\[scale]').")] = "process",
        recode: Annotated[bool, typer.Option("--recode", help="Code stored documents again when the stages or "
                                             "language data changed since they were coded.")] = False,
        verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print one line per document as it is settled.")] = False,
        max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Refuse files larger than this (default 50 MB).")] = None,
        config: Annotated[Path | None, typer.Option("--config", help="TOML file with a \\[dyadscope] table.")] = None,
    ) -> None:
        """Ingest and code documents into the store; incremental and resumable.

        Documents already stored (same cleaned text) are skipped, so re-running over the same folder adds
        nothing, and a build killed midway resumes where it stopped: each document is written whole or not at
        all. A file whose content changed is stored as a new document; the old one is kept, marked superseded.
        --recode codes stored documents again (from their stored text) when the rules changed since.
        Then stories (one real-world event across documents) and contradictions are recomputed.

        Example: dyadscope build examples/az-ru --db az-ru.duckdb
        """
        options = make_options(config, manifest=manifest, max_bytes=max_bytes)
        n_workers = workers if workers is not None else max(1, os.cpu_count() or 1)

        def say(what: str, name: str) -> None:
            if verbose:
                style = {"added": "green", "recoded": "cyan", "stored": "dim", "failed": "red"}.get(what, "bold")
                err_console.print(f"[{style}]{what:6}[/{style}] {escape(name)}")

        with open_store(db) as store, progress_bar(options, "building") as progress:
            report = build(paths or [], store, options, workers=n_workers, backend=backend, progress=progress,
                           on_document=say, recode=recode)
            stats = store.stats()
        print_summary(report.summary, what=f"build into {db}", extra_rows={
            "added": report.added,
            "already stored": report.already_stored,
            "superseded": report.superseded,
            "recoded": report.recoded,
            "events added": report.events,
            "stories": report.stories,
            "contradictions": report.contradictions,
            "documents in store": stats["documents"],
            "events in store": stats["events"],
        })
        if report.stale:
            err_console.print(f"[yellow]note:[/yellow] {report.stale} stored document(s) were coded by other stages "
                              f"or language data than this dyadscope's; run with --recode to code them again")
        raise typer.Exit(report.summary.exit_code)

"""``dyadscope extract``: coded events with evidence, one JSON object per event (DESIGN §5)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..batch import BatchSummary
from ..code.extract import extract
from ..options import make_options
from .common import handles_errors, output, print_summary, progress_bar, write_jsonl


def register(app: typer.Typer) -> None:
    @app.command("extract")
    @handles_errors
    def extract_cmd(
        paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Write JSON lines here instead of stdout.")] = None,
        manifest: Annotated[Path | None, typer.Option("--manifest", help="CSV/JSONL manifest or Zotero CSV export.")] = None,
        max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Refuse files larger than this (default 50 MB).")] = None,
        config: Annotated[Path | None, typer.Option("--config", help="TOML file with a \\[dyadscope] table.")] = None,
    ) -> None:
        """Code events (who did what to whom, when) with their evidence; print one JSON object per event.

        Each object has the evidence sentence and its offsets, the trigger, source and target actor codes,
        the PLOVER type, quad and intensity, the date and how it was found, issues, modality, confidence and
        the rule that produced it.

        Example: dyadscope extract examples/az-ru --jsonl out/events.jsonl
        """
        options = make_options(config, manifest=manifest, max_bytes=max_bytes)
        summary = BatchSummary()
        with output(jsonl) as fh, progress_bar(options, "coding") as progress:
            for record in extract(paths, options, summary, progress):
                write_jsonl(fh, record)
        print_summary(summary, extra_rows={"events": summary.extra["events"]})
        raise typer.Exit(summary.exit_code)

"""``dyadscope eval``: score extracted events against gold at L1/L2/L3 and DATE (DESIGN §5, §7)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from ..batch import BatchSummary
from ..code.extract import extract
from ..errors import UsageError
from ..evaluate.events import format_report, load_gold, load_jsonl, score
from ..options import make_options
from .common import handles_errors, print_summary, progress_bar


def register(app: typer.Typer) -> None:
    @app.command("eval")
    @handles_errors
    def eval_cmd(
        paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders to extract events from.")] = None,
        gold: Annotated[Path | None, typer.Option("--gold", help="Gold events (JSON lines, ../shared/gold format).")] = None,
        system: Annotated[Path | None, typer.Option("--system", help="Score this extract output instead of running extract.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
        per_doc: Annotated[bool, typer.Option("--per-doc", help="Also print the figures of each document.")] = False,
        manifest: Annotated[Path | None, typer.Option("--manifest", help="CSV/JSONL manifest or Zotero CSV export.")] = None,
        max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Refuse files larger than this (default 50 MB).")] = None,
        config: Annotated[Path | None, typer.Option("--config", help="TOML file with a \\[dyadscope] table.")] = None,
    ) -> None:
        """Run extract on PATHS (or read --system) and score the events against --gold.

        Prints precision, recall and F1 at L1 (evidence sentence), L2 (+ directed source and target) and
        L3 (+ quad class), and DATE: the share of matched dated gold events whose date agrees, and that count
        over all dated gold events. The figures equal those of ../shared/tools/score_events.py.

        Example: dyadscope eval --gold ../shared/gold/seed_events.jsonl ../shared/corpus/seeds
        """
        if gold is None:
            raise UsageError("eval needs --gold FILE", hint="give the gold events, e.g. --gold ../shared/gold/seed_events.jsonl")
        if system is None and not paths:
            raise UsageError("eval needs PATHS to extract from, or --system FILE",
                             hint="e.g. dyadscope eval --gold gold.jsonl corpus/  or  --system events.jsonl")
        gold_records = load_gold(gold)
        summary = BatchSummary()
        if system is not None:
            records = load_jsonl(system, what="system")
        else:
            options = make_options(config, manifest=manifest, max_bytes=max_bytes)
            with progress_bar(options, "coding") as progress:
                records = list(extract(paths or [], options, summary, progress))
        result = score(gold_records, records)
        per: dict[str, Any] = {}
        if per_doc:
            for doc in sorted({g["doc"] for g in gold_records}):
                per[doc] = score(gold_records, records, docs=[doc])
        if as_json:
            payload = result.as_dict()
            if per_doc:
                payload["docs"] = {doc: r.as_dict() for doc, r in per.items()}
            typer.echo(json.dumps(payload))
        else:
            typer.echo(format_report(result))
            for doc, r in per.items():
                typer.echo("")
                typer.echo(format_report(r, title=doc))
        if system is None:
            print_summary(summary, extra_rows={"events": summary.extra["events"]})
        raise typer.Exit(summary.exit_code)

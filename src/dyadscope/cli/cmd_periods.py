"""``dyadscope periods``: the authors' own periodisations, one JSON object per stage (DESIGN §5)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..batch import BatchSummary, analyses
from ..options import make_options
from ..records import Period, to_dict
from .common import handles_errors, output, print_summary, progress_bar, write_jsonl

#: the contract fields first (DESIGN §5), then the ones that explain the record
PERIOD_FIELDS = ("doc", "label", "start", "end", "sentence", "kind", "scope", "start_basis", "end_basis",
                 "ordinal", "scheme_size", "doc_id", "offset", "end_offset", "confidence", "rule")
STAGES = ("segment", "time", "periods")


def period_json(period: Period) -> dict[str, Any]:
    """The JSON object ``dyadscope periods`` writes for one stage."""
    record = to_dict(period)
    return {k: record[k] for k in PERIOD_FIELDS}


def register(app: typer.Typer) -> None:
    @app.command("periods")
    @handles_errors
    def periods(
        paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Write JSON lines here instead of stdout.")] = None,
        manifest: Annotated[Path | None, typer.Option("--manifest", help="CSV/JSONL manifest or Zotero CSV export.")] = None,
        max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Refuse files larger than this (default 50 MB).")] = None,
        config: Annotated[Path | None, typer.Option("--config", help="TOML file with a \\[dyadscope] table.")] = None,
    ) -> None:
        """Find the stages an author divides the relationship into; print one JSON object per stage.

        Each object has doc, label, start, end (years, or year-months; null when the text does not say),
        sentence, kind (stated; cited when the author attributes the scheme to someone else; implicit for a
        section heading that names a span of years), scope (relationship, policy, issue_specific), ordinal,
        how each end was found (start_basis, end_basis: stated, implied by the neighbouring stage, anaphora,
        leader, restated, narrative) and the rule that found it.

        Example: dyadscope periods examples/az-ru --jsonl out/periods.jsonl
        """
        options = make_options(config, manifest=manifest, max_bytes=max_bytes)
        summary = BatchSummary()
        found = 0
        with output(jsonl) as fh, progress_bar(options, "periods") as progress:
            for analysis in analyses(paths, options, summary, stages=STAGES, progress=progress):
                for period in analysis.periods:
                    write_jsonl(fh, period_json(period))
                    found += 1
        print_summary(summary, what="periods", extra_rows={"periods found": found})
        raise typer.Exit(summary.exit_code)

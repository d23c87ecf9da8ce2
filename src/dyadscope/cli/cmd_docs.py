"""``dyadscope docs``: clean documents with metadata, one JSON object per document (DESIGN §5)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..batch import BatchSummary, documents
from ..options import make_options
from ..records import to_dict
from .common import handles_errors, output, print_summary, progress_bar, write_jsonl

DOC_FIELDS = ("doc", "doc_id", "title", "author", "outlet", "url", "published", "published_precision",
              "published_basis", "language", "languages", "mixed_language", "format", "encoding", "text",
              "removed", "warnings", "metadata_basis", "notes", "paragraph_languages")


def register(app: typer.Typer) -> None:
    @app.command("docs")
    @handles_errors
    def docs(
        paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
        jsonl: Annotated[Optional[Path], typer.Option("--jsonl", help="Write JSON lines here instead of stdout.")] = None,
        manifest: Annotated[Optional[Path], typer.Option("--manifest", help="CSV/JSONL manifest or Zotero CSV export.")] = None,
        max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Refuse files larger than this (default 50 MB).")] = None,
        config: Annotated[Optional[Path], typer.Option("--config", help="TOML file with a \\[dyadscope] table.")] = None,
    ) -> None:
        """Load, decode and clean documents; print one JSON object per document (text, metadata, removed spans).

        Example: dyadscope docs examples/az-ru --jsonl out/docs.jsonl
        """
        options = make_options(config, manifest=manifest, max_bytes=max_bytes)
        summary = BatchSummary()
        with output(jsonl) as fh, progress_bar(options, "cleaning") as progress:
            for doc in documents(paths, options, summary, progress):
                record = to_dict(doc)
                write_jsonl(fh, {k: record[k] for k in DOC_FIELDS})
        print_summary(summary, extra_rows={"changes recorded": sum(summary.removed_kinds.values())})
        raise typer.Exit(summary.exit_code)

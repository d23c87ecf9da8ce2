"""``dyadscope docs``: clean documents with metadata, one JSON object per document (DESIGN §5)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..batch import BatchSummary, documents
from ..options import make_options
from ..records import to_dict
from .common import handles_errors, output, print_summary, progress_bar, write_jsonl

DOC_FIELDS = ("doc", "doc_id", "title", "author", "outlet", "url", "published", "published_precision",
              "published_basis", "language", "languages", "mixed_language", "format", "encoding", "text",
              "removed", "warnings", "metadata_basis", "metadata_evidence", "notes", "paragraph_languages")


def register(app: typer.Typer) -> None:
    @app.command("docs")
    @handles_errors
    def docs(
        paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Write JSON lines here instead of stdout.")] = None,
        manifest: Annotated[Path | None, typer.Option("--manifest", help="CSV/JSONL manifest or Zotero CSV export.")] = None,
        max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Refuse files larger than this (default 50 MB).")] = None,
        config: Annotated[Path | None, typer.Option("--config", help="TOML file with a \\[dyadscope] table.")] = None,
    ) -> None:
        """Load, decode and clean documents; print one JSON object per document (text, metadata, removed spans).

        Reads .txt/.md (any common encoding), .html/.htm, .pdf (text layer) and .docx; skips other files.

        Metadata: a manifest (manifest.csv/.jsonl, --manifest, Zotero CSV) beats file metadata and header lines.

        Exit code 1 when a file failed (named on stderr; the others are still written), 2 on a usage error.

        Example: dyadscope docs examples/az-ru --jsonl out/docs.jsonl
        """
        options = make_options(config, manifest=manifest, max_bytes=max_bytes)
        summary = BatchSummary()
        with output(jsonl) as fh, progress_bar(options, "cleaning") as progress:
            for doc in documents(paths, options, summary, progress):
                record = to_dict(doc)
                write_jsonl(fh, {k: record[k] for k in DOC_FIELDS})
        print_summary(summary, extra_rows={
            "cleaned": summary.processed,
            "changes recorded": sum(summary.removed_kinds.values()),
            "most frequent changes": ", ".join(f"{k} {n}" for k, n in summary.removed_kinds.most_common(4)) or "-",
        })
        raise typer.Exit(summary.exit_code)

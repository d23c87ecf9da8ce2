"""``dyadscope timex``: time expressions of documents, one JSON object per expression (DESIGN §5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from ..batch import BatchSummary, analyses
from ..pipeline import Analysis
from .common import handles_errors, output, print_summary, progress_bar, write_jsonl


def timex_records(analysis: Analysis) -> Iterator[dict[str, Any]]:
    """The output objects of one analysed document (contract fields first, then the explanation)."""
    doc = analysis.document
    sentences = {s.index: s for s in analysis.sentences}
    for t in analysis.timexes:
        sentence = sentences.get(t.sentence)
        yield {
            "doc": doc.doc, "text": t.text, "start": t.start, "end": t.end, "value": t.value,
            "date_start": t.date_start, "date_end": t.date_end, "precision": t.precision, "kind": t.kind,
            "sentence": sentence.text if sentence else None, "type": t.type, "rule": t.rule,
            "mod": t.mod, "anchor": t.anchor, "doc_id": doc.doc_id, "sentence_index": t.sentence,
            "range_text": doc.text[t.range_start:t.range_end] if t.range_start is not None else None,
            "published": doc.published,
        }


def register(app: typer.Typer) -> None:
    @app.command("timex")
    @handles_errors
    def timex(
        paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Write JSON lines here instead of stdout.")] = None,
        manifest: Annotated[Path | None, typer.Option("--manifest", help="CSV/JSONL manifest (publication dates).")] = None,
        max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Refuse files larger than this (default 50 MB).")] = None,
        config: Annotated[Path | None, typer.Option("--config", help="TOML file with a \\[dyadscope] table.")] = None,
    ) -> None:
        """Find and normalise time expressions; print one JSON object per expression.

        Values follow TIMEX3 (2003-02, 199, 2008-SU, P14Y, PRESENT_REF); date_start/date_end give the interval
        (both ends of a range), precision its grain. Relative expressions resolve against the publication date
        (from the document or the manifest).

        Example: dyadscope timex examples/az-ru --jsonl out/timex.jsonl
        """
        from ..options import make_options

        options = make_options(config, manifest=manifest, max_bytes=max_bytes)
        summary = BatchSummary()
        found = 0
        with output(jsonl) as fh, progress_bar(options, "tagging times") as progress:
            for analysis in analyses(paths, options, summary, stages=("segment", "time"), progress=progress):
                for record in timex_records(analysis):
                    write_jsonl(fh, record)
                    found += 1
        print_summary(summary, extra_rows={"time expressions": found})
        raise typer.Exit(summary.exit_code)

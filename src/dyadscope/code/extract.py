"""Events of files and folders as JSON-ready records: the library side of ``dyadscope extract`` (DESIGN §5)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..batch import BatchSummary, ProgressFn, analyses
from ..options import Options
from ..records import Event, to_dict

#: the stages ``extract`` runs (what events need, nothing more)
EXTRACT_STAGES: tuple[str, ...] = ("segment", "time", "actors", "events")

#: the fields of one extracted event, in output order: the DESIGN §5 contract, then extras
EVENT_FIELDS: tuple[str, ...] = (
    "doc", "doc_id", "sentence", "start", "end", "trigger", "source", "target", "source_text", "target_text",
    "source_person", "target_person", "plover", "quad", "intensity", "date_start", "date_end",
    "date_precision", "date_text", "date_basis", "issues", "modality", "confidence", "rule",
    # extras
    "event_id", "trigger_start", "trigger_end", "mode", "attributed_to", "sentence_index", "target_basis", "source_basis",
    "modality_rule", "modality_cue", "date_rule",
)


def event_record(event: Event) -> dict[str, Any]:
    """One event as the JSON object ``extract`` writes; ``doc`` is the file's base name."""
    data = to_dict(event)
    record = {k: data[k] for k in EVENT_FIELDS}
    record["doc"] = os.path.basename(str(event.doc)) if event.doc else event.doc
    return record


def extract(paths: Sequence[Path], options: Options, summary: BatchSummary,
            progress: ProgressFn | None = None, stages: Sequence[str] = EXTRACT_STAGES) -> Iterator[dict[str, Any]]:
    """Event records of every document under ``paths``, document by document, failing soft per document."""
    for analysis in analyses(paths, options, summary, stages=stages, progress=progress):
        summary.extra["events"] += len(analysis.events)
        for event in analysis.events:
            yield event_record(event)

"""The seed documents through the pipeline, with their publication dates from a manifest made in a temporary
folder (the dates come from ../shared/gold/seed_docs.jsonl), for the event tests."""

from __future__ import annotations

import csv
import json
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from conftest import GOLD, SEEDS
from events_helpers import planned

from dyadscope.batch import BatchSummary, documents
from dyadscope.code.extract import event_record
from dyadscope.options import make_options
from dyadscope.pipeline import Analysis, run


def write_manifest(folder: Path) -> Path:
    """manifest.csv for the seeds: a range of dates ("2000/2001") gives its first date."""
    path = folder / "manifest.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "title", "author", "outlet", "published", "url"])
        for line in (GOLD / "seed_docs.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                published = str(d.get("publication_date") or "").split("/")[0]
                writer.writerow([d["doc"], d.get("title") or "", d.get("author") or "", "", published, ""])
    return path


@lru_cache(maxsize=1)
def seed_analyses() -> tuple[Analysis, ...]:
    folder = Path(tempfile.mkdtemp(prefix="dyadscope-seeds-"))
    options = make_options(None, manifest=write_manifest(folder))
    summary = BatchSummary()
    stages = planned()
    out = tuple(run(doc, stages, options) for doc in documents([SEEDS], options, summary))
    assert not summary.failed, summary.failed
    return out


def seed_event_records() -> list[dict[str, Any]]:
    return [event_record(e) for a in seed_analyses() for e in a.events]

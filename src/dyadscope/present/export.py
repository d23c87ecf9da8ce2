"""Exports of stored events: GDELT-style rows (CSV, JSON lines, Parquet) and PLOVER JSON records.

**GDELT-style rows** keep the column names analysts know from GDELT 1.0/2.0 event tables, filled from our
records, followed by our evidence columns:

- ``GLOBALEVENTID``: a stable 60-bit integer derived from ``event_id`` (also given as ``event_id``);
- ``SQLDATE`` (``YYYYMMDD``), ``MonthYear`` (``YYYYMM``), ``Year``, ``FractionDate`` from the event's own date
  (not the article's). Parts the text does not give are ``00``: "1993" is ``SQLDATE`` 19930000, "September
  1993" 19930900; ``DatePrecision`` says which. Undated events have empty date columns;
- ``Actor1Code``/``Actor1Name``, ``Actor2Code``/``Actor2Name``: source and target code and text;
- ``EventCode``: the PLOVER type; ``QuadClass``; ``GoldsteinScale``: our intensity (−10…+10) and
  ``GoldsteinTable``: the id and version of the intensity table it comes from;
- ``NumMentions``, ``NumSources``: mentions and distinct documents of the event's story (1 and 1 when the
  event is in no story); ``StoryID``;
- ``SOURCEURL``: the document's URL, or its path when it has none;
- evidence: ``event_id``, ``doc``, ``doc_id``, ``sentence``, ``start``, ``end``, ``trigger``, ``rule``,
  ``date_start``, ``date_end``, ``date_text``, ``date_basis``, ``modality``, ``issues``, ``mode``,
  ``confidence``, ``source_person``, ``target_person``.

**PLOVER JSON** follows the record shape of the PLOVER gold standard (``id``, ``date``, ``source``/``target``
as lists of ``{actorText, code}``, ``event``, ``eventText``, ``mode``, ``context``, ``text``, ``textInfo``
with the inline ``(SRC: …)``/``(TAR: …)``/``(EVT: …)`` markup, ``language``, ``publication``, ``coder``,
``version``, ``dateCoded``). ``date`` is our partial ISO date (``"1993"``, ``"1993-09"``, ``"1993-09-20"``);
``context`` is the issue codes, lower case, comma-separated; extra fields carry the evidence.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import __version__
from ..errors import UsageError
from ..records import Event, Story
from ..resolve.intervals import interval
from ..store import Store

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "DatePrecision",
    "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name",
    "EventCode", "QuadClass", "GoldsteinScale", "GoldsteinTable",
    "NumMentions", "NumSources", "StoryID", "SOURCEURL",
)
EVIDENCE_COLUMNS: tuple[str, ...] = (
    "event_id", "doc", "doc_id", "sentence", "start", "end", "trigger", "rule", "date_start", "date_end",
    "date_precision", "date_text", "date_basis", "modality", "issues", "mode", "confidence", "source_person",
    "target_person",
)
COLUMNS: tuple[str, ...] = GDELT_COLUMNS + EVIDENCE_COLUMNS

SCHEMA = pa.schema([
    ("GLOBALEVENTID", pa.int64()), ("SQLDATE", pa.int32()), ("MonthYear", pa.int32()), ("Year", pa.int32()),
    ("FractionDate", pa.float64()), ("DatePrecision", pa.string()),
    ("Actor1Code", pa.string()), ("Actor1Name", pa.string()), ("Actor2Code", pa.string()),
    ("Actor2Name", pa.string()), ("EventCode", pa.string()), ("QuadClass", pa.int32()),
    ("GoldsteinScale", pa.float64()), ("GoldsteinTable", pa.string()), ("NumMentions", pa.int32()),
    ("NumSources", pa.int32()), ("StoryID", pa.string()), ("SOURCEURL", pa.string()),
    ("event_id", pa.string()), ("doc", pa.string()), ("doc_id", pa.string()), ("sentence", pa.string()),
    ("start", pa.int32()), ("end", pa.int32()), ("trigger", pa.string()), ("rule", pa.string()),
    ("date_start", pa.string()), ("date_end", pa.string()), ("date_precision", pa.string()),
    ("date_text", pa.string()), ("date_basis", pa.string()), ("modality", pa.string()),
    ("issues", pa.list_(pa.string())), ("mode", pa.string()), ("confidence", pa.float64()),
    ("source_person", pa.string()), ("target_person", pa.string()),
])

FORMATS = ("table", "csv", "jsonl", "parquet")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to export (see ``Store.events`` for the meaning of each filter)."""

    dyad: str | None = None
    since: str | None = None
    until: str | None = None
    issue: str | None = None
    happened_only: bool = True


def global_event_id(event_id: str) -> int:
    """A stable 60-bit integer for an event id (GDELT's GLOBALEVENTID is an integer)."""
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def gdelt_dates(date_start: str | None, precision: str | None) -> dict[str, Any]:
    """SQLDATE, MonthYear, Year, FractionDate for a partial ISO date; unknown parts are 00."""
    iv = interval(date_start, precision)
    if iv is None or date_start is None:
        return {"SQLDATE": None, "MonthYear": None, "Year": None, "FractionDate": None}
    parts = date_start.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and precision not in ("year", "decade", "century") else 0
    day = int(parts[2]) if len(parts) > 2 and month and precision in (None, "day") else 0
    lo = iv[0]
    fraction = lo.year + (lo.timetuple().tm_yday - 1) / (366 if _leap(lo.year) else 365)
    return {"SQLDATE": year * 10000 + month * 100 + day, "MonthYear": year * 100 + month, "Year": year,
            "FractionDate": round(fraction, 4)}


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def gdelt_row(event: Event, story: Story | None, source_url: str | None, intensity_table: str) -> dict[str, Any]:
    """One GDELT-style row (``COLUMNS``, in order) for an event."""
    row: dict[str, Any] = {
        "GLOBALEVENTID": global_event_id(event.event_id),
        **gdelt_dates(event.date_start, event.date_precision),
        "DatePrecision": event.date_precision,
        "Actor1Code": event.source, "Actor1Name": event.source_text,
        "Actor2Code": event.target, "Actor2Name": event.target_text,
        "EventCode": event.plover, "QuadClass": event.quad,
        "GoldsteinScale": event.intensity, "GoldsteinTable": intensity_table,
        "NumMentions": story.num_mentions if story else 1, "NumSources": story.num_sources if story else 1,
        "StoryID": story.story_id if story else None, "SOURCEURL": source_url,
    }
    for name in EVIDENCE_COLUMNS:
        value = getattr(event, name)
        row[name] = list(value) if isinstance(value, tuple) else value
    return row


def _markup(event: Event) -> str:
    """The sentence with PLOVER's inline markup around the actors and the trigger."""
    text = event.sentence
    spans: list[tuple[int, int, str]] = []
    t0, t1 = event.trigger_start - event.start, event.trigger_end - event.start
    if 0 <= t0 < t1 <= len(text):
        spans.append((t0, t1, "EVT"))
    for surface, tag in ((event.source_text, "SRC"), (event.target_text, "TAR")):
        if surface:
            i = text.find(surface)
            if i >= 0 and not any(a < i + len(surface) and i < b for a, b, _ in spans):
                spans.append((i, i + len(surface), tag))
    for a, b, tag in sorted(spans, reverse=True):
        text = f"{text[:a]}({tag}: {text[a:b]}){text[b:]}"
    return text


def plover_record(event: Event, story: Story | None, *, publication: str | None = None,
                  language: str | None = None, coded: str | None = None) -> dict[str, Any]:
    """One PLOVER JSON record for an event."""

    def actor(code: str | None, text: str | None, person: str | None) -> list[dict[str, Any]] | str:
        if not code:
            return ""
        out: dict[str, Any] = {"actorText": text or code, "code": code}
        if person:
            out["person"] = person
        return [out]

    record: dict[str, Any] = {
        "id": event.event_id,
        "date": event.date_start or "",
        "dateEnd": event.date_end,
        "datePrecision": event.date_precision,
        "source": actor(event.source, event.source_text, event.source_person),
        "target": actor(event.target, event.target_text, event.target_person),
        "event": event.plover,
        "eventText": event.trigger,
        "mode": event.mode or "",
        "context": ",".join(i.lower() for i in event.issues),
        "text": event.sentence,
        "textInfo": {"markup": _markup(event)},
        "language": language or "en",
        "publication": publication or event.doc,
        "coder": "dyadscope",
        "version": __version__,
        "dateCoded": coded or dt.date.today().isoformat(),
        "quad": event.quad,
        "intensity": event.intensity,
        "modality": event.modality,
        "issues": list(event.issues),
        "evidence": {"doc": event.doc, "doc_id": event.doc_id, "start": event.start, "end": event.end,
                     "trigger_start": event.trigger_start, "trigger_end": event.trigger_end,
                     "rule": event.rule, "date_text": event.date_text, "date_basis": event.date_basis,
                     "confidence": event.confidence},
    }
    if story is not None:
        record["story"] = {"id": story.story_id, "numMentions": story.num_mentions,
                           "numSources": story.num_sources, "dateConflict": story.date_conflict}
    return record


def _docs(store: Store) -> dict[str, tuple[str | None, str | None, str | None, str]]:
    """doc_id -> (url or path, outlet, language, date added)."""
    return {i.doc_id: (i.url or i.path, i.outlet, i.language, i.added[:10]) for i in store.document_infos()}


def gdelt_rows(store: Store, query: EventQuery) -> Iterator[dict[str, Any]]:
    """GDELT-style rows of the events ``query`` selects, in date order."""
    docs = _docs(store)
    table = store.meta().get("intensity_table", "")
    for event, story in store.events_with_stories(query.dyad, query.since, query.until, query.issue,
                                                  query.happened_only):
        yield gdelt_row(event, story, docs.get(event.doc_id, (None,))[0], table)


def plover_records(store: Store, query: EventQuery) -> Iterator[dict[str, Any]]:
    """PLOVER JSON records of the events ``query`` selects, in date order."""
    docs = _docs(store)
    for event, story in store.events_with_stories(query.dyad, query.since, query.until, query.issue,
                                                  query.happened_only):
        _, outlet, language, added = docs.get(event.doc_id, (None, None, None, ""))
        yield plover_record(event, story, publication=outlet, language=language, coded=added or None)


def write_csv(rows: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    """CSV with a header of ``COLUMNS``; lists are joined with ``;``. Returns the number of rows."""
    writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
        n += 1
    return n


def write_jsonl(records: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    n = 0
    for record in records:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json_array(records: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    """A JSON array written record by record (PLOVER files are arrays)."""
    n = 0
    fh.write("[")
    for record in records:
        fh.write(",\n" if n else "\n")
        fh.write(json.dumps(record, ensure_ascii=False))
        n += 1
    fh.write("\n]\n" if n else "]\n")
    return n


def write_parquet(rows: Iterable[dict[str, Any]], path: Path, *, batch: int = 5000) -> int:
    """Parquet with ``SCHEMA``, written in row groups of ``batch`` rows (memory stays flat)."""
    n = 0
    chunk: list[dict[str, Any]] = []
    try:
        with pq.ParquetWriter(str(path), SCHEMA) as writer:
            for row in rows:
                chunk.append(row)
                if len(chunk) >= batch:
                    writer.write_table(pa.Table.from_pylist(chunk, schema=SCHEMA))
                    n += len(chunk)
                    chunk = []
            writer.write_table(pa.Table.from_pylist(chunk, schema=SCHEMA))
            n += len(chunk)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc}", hint="choose a writable path for --out") from exc
    return n

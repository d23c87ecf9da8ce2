"""Named migrations of the DuckDB schema, applied once each, in order (STYLE 11).

Each migration is ``(name, step)``: ``step`` is SQL (statements separated by ``;``) or a function of the
connection. Applied names are recorded in the ``migrations`` table with the time they ran; the schema version
is the number of migrations applied. Never edit or reorder a migration that has shipped: add a new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from ..resolve.intervals import interval

Step = str | Callable[[Any], None]


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    step: Step


_INITIAL = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY, started VARCHAR, finished VARCHAR, status VARCHAR,
    paths VARCHAR[], stages VARCHAR[], counts JSON);
CREATE TABLE documents (
    seq BIGINT NOT NULL, doc_id VARCHAR PRIMARY KEY, doc VARCHAR NOT NULL, text VARCHAR NOT NULL,
    title VARCHAR, author VARCHAR, outlet VARCHAR, url VARCHAR, published VARCHAR,
    published_precision VARCHAR, published_basis VARCHAR, language VARCHAR, languages VARCHAR[],
    mixed_language BOOLEAN, format VARCHAR, encoding VARCHAR, path VARCHAR, removed JSON,
    warnings VARCHAR[], metadata_basis JSON, notes VARCHAR, paragraph_languages VARCHAR[],
    source_key VARCHAR, run_id VARCHAR, pipeline_key VARCHAR, added VARCHAR, extra JSON);
CREATE TABLE sentences (
    doc_id VARCHAR NOT NULL, "index" INTEGER, paragraph INTEGER, "start" INTEGER, "end" INTEGER,
    text VARCHAR, extra JSON);
CREATE TABLE timexes (
    doc_id VARCHAR NOT NULL, seq INTEGER, sentence INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR,
    value VARCHAR, date_start VARCHAR, date_end VARCHAR, "precision" VARCHAR, kind VARCHAR, type VARCHAR,
    anchor VARCHAR, rule VARCHAR, extra JSON);
CREATE TABLE mentions (
    doc_id VARCHAR NOT NULL, seq INTEGER, sentence INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR,
    actor VARCHAR, entry_id VARCHAR, person VARCHAR, detail VARCHAR, kind VARCHAR, rule VARCHAR, extra JSON);
CREATE TABLE events (
    event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, seq INTEGER, doc VARCHAR, sentence VARCHAR,
    "start" INTEGER, "end" INTEGER, trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    source VARCHAR, target VARCHAR, plover VARCHAR, quad INTEGER, intensity DOUBLE, modality VARCHAR,
    source_text VARCHAR, target_text VARCHAR, source_person VARCHAR, target_person VARCHAR,
    date_start VARCHAR, date_end VARCHAR, date_precision VARCHAR, date_text VARCHAR, date_basis VARCHAR,
    issues VARCHAR[], mode VARCHAR, attributed_to VARCHAR, confidence DOUBLE, rule VARCHAR,
    sentence_index INTEGER, extra JSON);
CREATE TABLE periods (
    doc_id VARCHAR NOT NULL, seq INTEGER, doc VARCHAR, label VARCHAR, "start" VARCHAR, "end" VARCHAR,
    sentence VARCHAR, "offset" INTEGER, kind VARCHAR, confidence DOUBLE, rule VARCHAR, extra JSON);
CREATE TABLE facts (
    doc_id VARCHAR NOT NULL, seq INTEGER, doc VARCHAR, subject VARCHAR, value VARCHAR, unit VARCHAR,
    date VARCHAR, sentence VARCHAR, "start" INTEGER, "end" INTEGER, quote VARCHAR, rule VARCHAR, extra JSON);
CREATE TABLE stories (
    story_id VARCHAR PRIMARY KEY, seq BIGINT, plover VARCHAR, source VARCHAR, target VARCHAR,
    date_start VARCHAR, date_end VARCHAR, date_precision VARCHAR, docs VARCHAR[], issues VARCHAR[],
    num_mentions INTEGER, num_sources INTEGER, date_conflict BOOLEAN, extra JSON);
CREATE TABLE story_events (story_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, position INTEGER);
CREATE TABLE contradictions (
    seq BIGINT, kind VARCHAR, subject VARCHAR, a_doc VARCHAR, a_value VARCHAR, a_quote VARCHAR,
    b_doc VARCHAR, b_value VARCHAR, b_quote VARCHAR, note VARCHAR, extra JSON);
"""

_SUPERSEDED = "ALTER TABLE documents ADD COLUMN superseded_by VARCHAR"


def _event_date_bounds(con: Any) -> None:
    """Give events the day interval of their ``date_start`` (for date filters in SQL), filling old rows."""
    con.execute("ALTER TABLE events ADD COLUMN start_lo DATE")
    con.execute("ALTER TABLE events ADD COLUMN start_hi DATE")
    rows = con.execute(
        "SELECT DISTINCT date_start, date_precision FROM events WHERE date_start IS NOT NULL").fetchall()
    for value, precision in rows:
        iv = interval(value, precision)
        if iv is None:
            continue
        con.execute("UPDATE events SET start_lo = ?, start_hi = ? WHERE date_start = ? "
                    "AND date_precision IS NOT DISTINCT FROM ?", [iv[0], iv[1], value, precision])


_FILE_STAMP = """
ALTER TABLE documents ADD COLUMN file_size BIGINT;
ALTER TABLE documents ADD COLUMN file_mtime_ns BIGINT
"""

#: the schema, as an ordered list of named steps; the schema version is the length of this list
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _INITIAL),
    Migration("0002_documents_superseded_by", _SUPERSEDED),
    Migration("0003_events_date_bounds", _event_date_bounds),
    Migration("0004_documents_file_stamp", _FILE_STAMP),
)

SCHEMA_VERSION = len(MIGRATIONS)


def applied(con: Any) -> list[str]:
    """Names of the migrations applied to this database, in order ([] for a new database)."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations' "
                         "AND table_schema = current_schema()").fetchall()[0][0]
    if not exists:
        return []
    return [r[0] for r in con.execute("SELECT name FROM migrations ORDER BY n").fetchall()]


def pending(con: Any) -> list[Migration]:
    """Migrations not yet applied; raises StoreError when the database knows migrations this code does not."""
    done = applied(con)
    known = [m.name for m in MIGRATIONS]
    unknown = [n for n in done if n not in known]
    if unknown:
        raise StoreError(f"the store was written by a newer dyadscope (schema steps {', '.join(unknown)})",
                         hint="upgrade dyadscope, or build into another --db")
    if done != known[:len(done)]:
        raise StoreError(f"the store's schema history {done} does not match this dyadscope's {known}",
                         hint="build into a new --db")
    return list(MIGRATIONS[len(done):])


def migrate(con: Any, upto: int | None = None) -> list[str]:
    """Apply pending migrations (up to number ``upto``), each in its own transaction; returns their names."""
    con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied VARCHAR, n INTEGER)")
    todo = pending(con)
    start = len(MIGRATIONS) - len(todo)
    names = []
    for i, m in enumerate(todo, start=start + 1):
        if upto is not None and i > upto:
            break
        con.begin()
        try:
            if isinstance(m.step, str):
                for statement in (s.strip() for s in m.step.split(";")):
                    if statement:
                        con.execute(statement)
            else:
                m.step(con)
            con.execute("INSERT INTO migrations VALUES (?, ?, ?)",
                        [m.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), i])
            con.commit()
        except Exception as exc:
            con.rollback()
            raise StoreError(f"migration {m.name} failed: {exc}",
                             hint="the store is unchanged by this step; report the error with the store file") from exc
        names.append(m.name)
    return names

"""Named migrations: applied once each, in order, recorded; an old-schema store is migrated with its data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from dyadscope.errors import StoreError
from dyadscope.store import SCHEMA_VERSION, open_store
from dyadscope.store.migrations import MIGRATIONS, applied, migrate


def _old_store(path: Path, upto: int) -> None:
    """A store as an earlier dyadscope left it: only the first ``upto`` migrations, with one event in it."""
    con = duckdb.connect(str(path))
    migrate(con, upto=upto)
    con.execute("INSERT INTO documents (seq, doc_id, doc, text, path, source_key) "
                "VALUES (1, 'd1', 'old.txt', 'Russia protested.', 'old.txt', '/x/old.txt')")
    con.execute("INSERT INTO events (event_id, doc_id, seq, doc, sentence, \"start\", \"end\", trigger, source, "
                "target, plover, quad, intensity, modality, date_start, date_precision, issues) VALUES "
                "('e1', 'd1', 0, 'old.txt', 'Russia protested.', 0, 17, 'protested', 'RUS', 'AZE', 'ACCUSE', 3, "
                "-2.0, 'asserted', '1993-09', 'month', ['KARABAKH'])")
    con.close()


def test_migration_names_are_unique_and_ordered() -> None:
    names = [m.name for m in MIGRATIONS]
    assert len(set(names)) == len(names)
    assert names == sorted(names)
    assert SCHEMA_VERSION == len(MIGRATIONS)


def test_a_new_store_gets_every_migration_once_and_records_them(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    with open_store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.meta()["schema_version"] == str(SCHEMA_VERSION)
    with open_store(db) as s:  # reopening applies nothing again
        assert s.schema_version() == SCHEMA_VERSION
    con = duckdb.connect(str(db), read_only=True)
    assert applied(con) == [m.name for m in MIGRATIONS]
    con.close()


def test_an_old_schema_store_is_migrated_on_a_writable_open_and_keeps_its_data(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _old_store(db, upto=1)
    with open_store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION
        events = list(s.events())
        assert [e.event_id for e in events] == ["e1"]
        assert events[0].issues == ("KARABAKH",)
        # the date bounds the last migration added were filled for the old row, so date filters see it
        assert [e.event_id for e in s.events(since="1993-09", until="1993-09-30")] == ["e1"]
        assert list(s.events(since="1993-10")) == []
        assert s.stats()["superseded"] == 0
    con = duckdb.connect(str(db), read_only=True)
    lo, hi = con.execute("SELECT start_lo, start_hi FROM events").fetchall()[0]
    con.close()
    assert (lo, hi) == (dt.date(1993, 9, 1), dt.date(1993, 9, 30))


def test_a_read_only_open_of_an_old_schema_store_says_how_to_migrate(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _old_store(db, upto=2)
    with pytest.raises(StoreError, match="older than") as info:
        open_store(db, read_only=True)
    assert f"dyadscope build --db {db}" in str(info.value)


def test_a_store_written_by_a_newer_dyadscope_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "newer.duckdb"
    with open_store(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO migrations VALUES ('9999_from_the_future', '2099-01-01', 999)")
    con.close()
    with pytest.raises(StoreError, match="newer dyadscope"):
        open_store(db)


def test_a_failing_migration_leaves_the_store_at_the_previous_version(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from dyadscope.store import migrations

    db = tmp_path / "fail.duckdb"
    with open_store(db):
        pass

    def boom(con: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, migrations.Migration("0999_broken", boom)))
    con = duckdb.connect(str(db))
    with pytest.raises(StoreError, match="0999_broken failed"):
        migrations.migrate(con)
    assert applied(con) == [m.name for m in MIGRATIONS]
    con.close()

"""``dyadscope events``: the stored events as a table, CSV, JSON lines, Parquet and PLOVER JSON, filtered."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dyadscope.cli.main import app
from dyadscope.pipeline import Analysis
from dyadscope.present.export import COLUMNS, GDELT_COLUMNS, gdelt_dates, global_event_id
from dyadscope.records import PLOVER_TYPES, Document, Event, text_id
from dyadscope.store import open_store
from dyadscope.store.build import resolve_corpus

runner = CliRunner()


def _doc(text: str, name: str, url: str | None = None) -> Document:
    return Document(doc=name, doc_id=text_id(text), text=text, url=url, path=f"/corpus/{name}")


def _event(doc: Document, sentence: str, trigger: str, src: str, src_text: str, tgt: str, tgt_text: str,
           plover: str, quad: int, intensity: float, date: str | None, precision: str | None,
           issues: tuple[str, ...] = (), modality: str = "asserted") -> Event:
    start = doc.text.index(sentence)
    t = start + sentence.index(trigger)
    return Event(doc=doc.doc, doc_id=doc.doc_id, sentence=sentence, start=start, end=start + len(sentence),
                 trigger=trigger, trigger_start=t, trigger_end=t + len(trigger), source=src, target=tgt,
                 source_text=src_text, target_text=tgt_text, plover=plover, quad=quad, intensity=intensity,
                 modality=modality, date_start=date, date_precision=precision, date_text=date,
                 date_basis="explicit" if date else "none", issues=issues, rule="events.rules.v1:test")


S1 = "Russian and Azerbaijani ministers met in Baku on 12 March 1994 to discuss the Caspian."
S2 = "In 1995 Baku accused Moscow of arming Karabakh separatists."
S3 = "Moscow signed a defence pact with Yerevan in July 1997."
S4 = "Baku might threaten to close the pipeline in 1999."
S5 = "In March 1994 the Azerbaijani foreign minister met his Russian counterpart in Baku on the Caspian."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("events") / "ev.duckdb"
    a = _doc(f"{S1} {S2} {S3} {S4}", "a.txt", url="https://example.org/a")
    b = _doc(S5, "b.txt")
    with open_store(path) as store:
        store.add_analysis(Analysis(document=a, events=(
            _event(a, S1, "met", "RUS", "Russian", "AZE", "Azerbaijani", "CONSULT", 1, 1.0, "1994-03-12", "day",
                   ("CASPIAN",)),
            _event(a, S2, "accused", "AZE", "Baku", "RUS", "Moscow", "ACCUSE", 3, -2.0, "1995", "year",
                   ("KARABAKH", "ARMS")),
            _event(a, S3, "signed", "RUS", "Moscow", "ARM", "Yerevan", "SUPPORT", 1, 3.5, "1997-07", "month",
                   ("SECURITY_ALIGNMENT",)),
            _event(a, S4, "threaten", "AZE", "Baku", "RUS", "", "THREATEN", 3, -4.0, "1999", "year", ("ENERGY",),
                   modality="hypothetical"),
        )))
        store.add_analysis(Analysis(document=b, events=(
            _event(b, S5, "met", "AZE", "Azerbaijani", "RUS", "Russian", "CONSULT", 1, 1.0, "1994-03", "month",
                   ("CASPIAN",)),
        )))
        resolve_corpus(store)
        store.set_meta({"intensity_table": "events/intensity.v1"})
    return path


def _csv(db: Path, *args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_csv_starts_with_the_gdelt_columns_and_carries_the_evidence(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "csv"])
    header = result.stdout.splitlines()[0].split(",")
    assert header[:len(GDELT_COLUMNS)] == list(GDELT_COLUMNS)
    assert header == list(COLUMNS)
    rows = {r["sentence"]: r for r in _csv(db)}
    meeting = rows[S1]
    assert (meeting["SQLDATE"], meeting["MonthYear"], meeting["Year"]) == ("19940312", "199403", "1994")
    assert (meeting["Actor1Code"], meeting["Actor2Code"], meeting["EventCode"], meeting["QuadClass"]) == (
        "RUS", "AZE", "CONSULT", "1")
    assert (meeting["NumMentions"], meeting["NumSources"]) == ("2", "2")  # the same meeting in both documents
    assert meeting["SOURCEURL"] == "https://example.org/a" and rows[S5]["SOURCEURL"] == "/corpus/b.txt"
    assert meeting["GoldsteinScale"] == "1.0" and meeting["GoldsteinTable"] == "events/intensity.v1"
    assert meeting["rule"] == "events.rules.v1:test" and meeting["date_basis"] == "explicit"
    assert rows[S2]["SQLDATE"] == "19950000" and rows[S2]["issues"] == "KARABAKH;ARMS"
    assert rows[S2]["NumSources"] == "1"
    assert rows[S1]["StoryID"] == rows[S5]["StoryID"] != rows[S2]["StoryID"]
    start, end = int(meeting["start"]), int(meeting["end"])
    assert end - start == len(S1)


FILTERS = [
    ([], [S5, S1, S2, S3], "happened events only, by date (March 1994 starts before the 12th)"),
    (["--dyad", "AZE-RUS"], [S5, S1, S2], "either direction"),
    (["--dyad", "ARM-RUS"], [S3], "another dyad"),
    (["--since", "1995"], [S2, S3], "since a year"),
    (["--until", "1994-03"], [S5, S1], "until a month"),
    (["--since", "1994-03-13", "--until", "1996"], [S5, S2], "a month-precision date reaches past the 12th"),
    (["--issue", "KARABAKH"], [S2], "an issue"),
    (["--issue", "caspian", "--dyad", "AZE-RUS"], [S5, S1], "filters combine, any case"),
    (["--all", "--since", "1998"], [S4], "--all adds events that did not happen"),
    (["--limit", "1"], [S5], "a limit"),
]


@pytest.mark.parametrize(("args", "expected", "why"), FILTERS, ids=[f[2] for f in FILTERS])
def test_filters_select_events(db: Path, args: list[str], expected: list[str], why: str) -> None:
    assert [r["sentence"] for r in _csv(db, *args)] == expected, why


def test_jsonl_has_one_object_per_event_with_every_column(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    assert all(list(r) == list(COLUMNS) for r in rows)
    assert rows[2]["issues"] == ["KARABAKH", "ARMS"] and rows[2]["GLOBALEVENTID"] == global_event_id(rows[2]["event_id"])


def test_parquet_is_readable_with_the_same_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    result = runner.invoke(app, ["events", "--db", str(db), "--out", str(out), "--dyad", "AZE-RUS"])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS) and table.num_rows == 3
    assert table.column("EventCode").to_pylist() == ["CONSULT", "CONSULT", "ACCUSE"]
    assert table.column("issues").to_pylist()[2] == ["KARABAKH", "ARMS"]
    assert not (tmp_path / "events.parquet.part").exists()


def _gsr_types(shared: Path) -> dict[str, set[str]]:
    records = json.loads((shared / "external" / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    types: dict[str, set[str]] = {}
    for r in records:
        if r.get("event") == "DOCUMENT":
            continue
        for k, v in r.items():
            types.setdefault(k, set()).add(type(v).__name__)
    return types


def test_plover_json_records_have_the_shape_of_the_plover_gold_standard(db: Path, shared: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--plover-json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert len(records) == 4
    gsr = _gsr_types(shared)
    required = {"id", "date", "event", "eventText", "text", "textInfo", "language", "publication", "coder",
                "version", "dateCoded", "source", "target", "context", "mode"}
    for r in records:
        assert required <= set(r)
        for key, value in r.items():
            if key in gsr:
                assert type(value).__name__ in gsr[key], (key, value)
        assert r["event"] in PLOVER_TYPES
        assert all(set(a) >= {"actorText", "code"} for a in r["source"])
    meeting = next(r for r in records if r["text"] == S1)
    assert meeting["source"] == [{"actorText": "Russian", "code": "RUS"}]
    assert meeting["textInfo"]["markup"].startswith("(SRC: Russian) and (TAR: Azerbaijani) ministers (EVT: met)")
    assert meeting["context"] == "caspian" and meeting["date"] == "1994-03-12"
    assert meeting["story"]["numSources"] == 2
    lines = runner.invoke(app, ["events", "--db", str(db), "--plover-json", "--format", "jsonl"]).stdout
    assert [json.loads(line) for line in lines.splitlines()] == records


def test_the_default_table_shows_date_actors_type_and_evidence(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--dyad", "AZE-RUS"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for text in ("1994-03-12", "CONSULT", "ACCUSE", "accused", "a.txt"):
        assert text in result.stdout
    assert "THREATEN" not in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "parquet"], "Parquet needs a file"),
    (["--plover-json", "--format", "csv"], "--plover-json writes JSON"),
    (["--format", "xml"], "unknown --format"),
    (["--since", "early 1990s"], "is not a date"),
    (["--dyad", "AZERUS"], "bad dyad"),
])
def test_bad_options_are_usage_errors(db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), *args])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.split())


def test_a_missing_store_says_to_build_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "dyadscope build" in " ".join(result.stderr.split())


@pytest.mark.parametrize(("date", "precision", "expected"), [
    ("1993", "year", (19930000, 199300, 1993)),
    ("1993-09", "month", (19930900, 199309, 1993)),
    ("1993-09-20", "day", (19930920, 199309, 1993)),
    ("1993-09-20", None, (19930920, 199309, 1993)),
    ("1990", "decade", (19900000, 199000, 1990)),
    (None, None, (None, None, None)),
    ("sometime", None, (None, None, None)),
])
def test_gdelt_dates_keep_unknown_parts_as_zeros(date: str | None, precision: str | None,
                                                 expected: tuple[int | None, ...]) -> None:
    got = gdelt_dates(date, precision)
    assert (got["SQLDATE"], got["MonthYear"], got["Year"]) == expected


def test_the_story_counts_are_those_of_the_event_story(db: Path) -> None:
    rows = _csv(db)
    assert Counter(r["NumSources"] for r in rows) == Counter({"2": 2, "1": 2})

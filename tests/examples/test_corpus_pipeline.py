"""The example corpus goes through the whole pipeline, scored against its own gold (a second development gold
beside the seeds', on text the rules were not written from).

Floors sit just under what was measured when they were set (see each test); raise them when the pipeline
gets better, never lower them to make a regression pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from examples_kit import CORPUS, GOLD_DIR, documents, gold

from dyadscope.analyze.quality import load_gold, normalise, score_periods
from dyadscope.evaluate.events import score as score_events
from dyadscope.ingest import Skipped, ingest_paths
from dyadscope.options import make_options
from dyadscope.pipeline import Analysis, analyse
from dyadscope.records import Document, to_dict


@pytest.fixture(scope="module")
def ingested() -> list[Document | Skipped | Exception]:
    return list(ingest_paths([CORPUS], make_options(None)))


@pytest.fixture(scope="module")
def docs(ingested: list[Document | Skipped | Exception]) -> dict[str, Document]:
    return {d.doc: d for d in ingested if isinstance(d, Document)}


@pytest.fixture(scope="module")
def analyses(docs: dict[str, Document]) -> list[Analysis]:
    options = make_options(None)
    return [analyse(d, options) for d in docs.values()]


def test_every_example_document_is_ingested_and_the_sources_file_is_skipped(ingested, docs) -> None:
    assert set(docs) == {p.name for p in documents()}
    skipped = [s for s in ingested if isinstance(s, Skipped)]
    assert [Path(s.path).name for s in skipped] == ["SOURCES.md"]
    assert not [e for e in ingested if isinstance(e, Exception)]


def test_the_windows_1251_note_is_decoded_and_read_as_russian(docs) -> None:
    note = docs["2023-12-lavrov-bayramov-ru.txt"]
    assert "5 декабря 2023 года" in note.text
    assert note.language == "ru"


def test_cleaning_keeps_almost_every_annotated_event_quote(docs) -> None:
    # measured 128 of 128 (earlier cleaners dropped bold-led paragraphs of the analysis as footnotes)
    rows = gold("az-ru-events.jsonl")
    kept = [r for r in rows if normalise(r["quote"]) in normalise(docs[r["doc"]].text)]
    assert len(kept) / len(rows) >= 0.97, sorted({r["id"] for r in rows} - {r["id"] for r in kept})


def test_most_document_metadata_is_found(docs) -> None:
    # measured 30 of 40 fields (0.75); misses: the markdown byline, the Russian title/dateline/outlet,
    # the DOCX outlet, the HTML headline (og:title is shorter) and the widget page's headline
    fields = (("title", "title"), ("author", "author"), ("outlet", "outlet"), ("publication_date", "published"))
    rows = gold("az-ru-docs.jsonl")
    right = sum((getattr(docs[r["doc"]], sf) or None) == (r[gf] or None) for r in rows for gf, sf in fields)
    assert right / (len(rows) * len(fields)) >= 0.7


def test_some_author_periodisations_are_found_and_none_invented(analyses) -> None:
    # measured recall 6 of 10 relationship stages with the right years, precision 9 of 9; misses: stage
    # ends implied by the next stage, and the briefing's single "period after 2020"
    periods = [p for a in analyses for p in a.periods]
    score = score_periods(load_gold(GOLD_DIR / "az-ru-periods.jsonl"), periods)
    assert score.relationship_gold == 10
    assert score.recall >= 0.55, score.misses
    assert score.precision >= 0.9, score.extra


def test_events_are_found_with_their_actors_and_dates_above_the_floors(analyses) -> None:
    # measured: L1 F1 0.466, L2 F1 0.379, L3 F1 0.330, dates right for 0.756 of matched dated events
    # (the seeds gave 0.488 / 0.411 / 0.376 / 0.812 with the code of the day)
    system = [to_dict(e) for a in analyses for e in a.events]
    result = score_events(gold("az-ru-events.jsonl"), system)
    levels = result.levels
    assert levels["L1"].f1 >= 0.43, result.as_dict()
    assert levels["L2"].f1 >= 0.34, result.as_dict()
    assert levels["L3"].f1 >= 0.30, result.as_dict()
    assert result.date_accuracy >= 0.70, result.as_dict()

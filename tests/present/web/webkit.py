"""Helpers for the web app tests (a plain module with a unique name, imported by the test files).

Two stores:

- :func:`records_store`: hand-made records with known values (three documents, one superseded copy, events
  of every filterable kind, a story whose sources disagree on its date, contradictions, a periodisation,
  removals, metadata evidence) — the page contexts and the filters are pinned against it;
- :func:`built_store`: the small corpus in ``corpus/`` (written for these tests) run through the real
  ``dyadscope build`` — every route is exercised on it, and one of its documents carries hostile markup.

Both are built once per test session under pytest's temporary folder.
"""

from __future__ import annotations

import socket
import warnings
from pathlib import Path
from typing import Any

import pytest

from dyadscope.options import make_options
from dyadscope.pipeline import Analysis
from dyadscope.records import Contradiction, Document, Event, Period, Removal, Sentence, Story, text_id
from dyadscope.store import open_store
from dyadscope.store.build import build

CORPUS = Path(__file__).resolve().parent / "corpus"
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & "q"'


def web_client(db: Path, **kwargs: Any) -> Any:
    """A FastAPI TestClient over the app serving ``db`` (starlette's note about httpx2 silenced)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dyadscope.present.web.app import create_app

    return TestClient(create_app(db, **kwargs), raise_server_exceptions=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _once(factory: pytest.TempPathFactory, name: str) -> tuple[Path, bool]:
    """A store path shared by the whole session, and whether it still has to be built."""
    folder = factory.getbasetemp() / f"web-{name}"
    path = folder / "store.duckdb"
    if path.exists():
        return path, False
    folder.mkdir(parents=True, exist_ok=True)
    return path, True


def built_store(factory: pytest.TempPathFactory) -> Path:
    """The corpus in ``corpus/`` built with the real pipeline (``dyadscope build``'s library function)."""
    path, todo = _once(factory, "built")
    if todo:
        with open_store(path) as store:
            report = build([CORPUS], store, make_options(), workers=1)
        assert report.summary.failed == [], report.summary.failed
    return path


# --- hand-made records -------------------------------------------------------------------------------


class _Doc:
    """A document written sentence by sentence, so every offset is known."""

    def __init__(self, name: str, paragraphs: list[list[str]], **meta: Any) -> None:
        text, spans = "", []
        for p, sentences in enumerate(paragraphs):
            if p:
                text += "\n\n"
            for i, s in enumerate(sentences):
                if i:
                    text += " "
                spans.append((p, len(text), len(text) + len(s)))
                text += s
        self.document = Document(doc=name, doc_id=text_id(text), text=text, path=f"/corpus/{name}", **meta)
        self.sentences = [Sentence(self.document.doc_id, i, p, a, b, text[a:b]) for i, (p, a, b) in enumerate(spans)]
        self.events: list[Event] = []

    def event(self, event_id: str, sentence: int, trigger: str, source: str | None, target: str | None,
              plover: str, quad: int | None, date: str | None, precision: str | None, *, modality: str = "asserted",
              issues: tuple[str, ...] = (), source_text: str | None = None, target_text: str | None = None) -> Event:
        s = self.sentences[sentence]
        t = s.start + s.text.index(trigger)
        ev = Event(doc=self.document.doc, doc_id=self.document.doc_id, sentence=s.text, start=s.start, end=s.end,
                   trigger=trigger, trigger_start=t, trigger_end=t + len(trigger), source=source, target=target,
                   plover=plover, quad=quad, intensity={1: 3.0, 2: 6.0, 3: -3.0, 4: -7.0}.get(quad or 0, 0.0),
                   modality=modality, source_text=source_text, target_text=target_text, date_start=date,
                   date_end=date, date_precision=precision, date_text=date, date_basis="explicit" if date else "none",
                   issues=issues, rule="events.rules.v1:test", sentence_index=s.index, event_id=event_id,
                   modality_rule=f"modality.v1:{modality}", date_rule="dating.v1:explicit" if date else "")
        self.events.append(ev)
        return ev

    def analysis(self, periods: tuple[Period, ...] = ()) -> Analysis:
        return Analysis(document=self.document, sentences=tuple(self.sentences), events=tuple(self.events),
                        periods=periods)


def records() -> dict[str, Any]:
    """The hand-made corpus: documents (as _Doc), stories, contradictions, periods."""
    a = _Doc("a.txt", [
        ["Ties between Baku and Moscow went through two stages.", "The first stage lasted from 1991 to 1999."],
        ["Azerbaijan signed a friendship treaty with Russia in 1997.",
         "Moscow accused Baku of helping Chechen fighters in May 1999, officials said.",
         "Russia might cut gas supplies to Azerbaijan in 2001."],
    ], title="Two stages of a relationship", author="A. Writer", outlet="Review", published="2004-05-03",
        published_precision="day", published_basis="dateline", language="en",
        metadata_basis={"title": "manifest", "published": "dateline"},
        metadata_evidence={"published": {"rule": "ingest.meta.v1:dateline", "text": "BAKU, 3 May 2004",
                                         "start": 0, "end": 16}},
        removed=(Removal("running_header", "REVIEW 2004", "clean.pdf.v1:header", 120, 131),
                 Removal("running_header", "REVIEW 2004", "clean.pdf.v1:header", 900, 911),
                 Removal("hyphenation", "rela-\ntionship", "clean.layout.v1:hyphen", 40, 54, "relationship")))
    b = _Doc("b.txt", [
        ["Russia signed the friendship treaty with Azerbaijan in 1998.",
         "On 14 February 2003 Azerbaijan and Russia agreed to build a railway bridge.",
         "Armenia consulted Russia in 2004."],
    ], title="Field report", published="2003-03-12", published_basis="manifest", language="en")
    h = _Doc("h.txt", [[f"Russia closed the border with Azerbaijan in 2010 {HOSTILE} in protest."]],
             title=f"Hostile {HOSTILE}", language="en")
    old = _Doc("c.txt", [["An early draft about Moscow and Baku."]], title="Draft")
    new = _Doc("c.txt", [["A revised note about Moscow and Baku."]], title="Revised note")
    a.event("ev-a1", 2, "signed", "AZE", "RUS", "SUPPORT", 1, "1997", "year", issues=("SECURITY_ALIGNMENT",),
            source_text="Azerbaijan", target_text="Russia")
    a.event("ev-a2", 3, "accused", "RUS", "AZE", "ACCUSE", 3, "1999-05", "month", modality="reported",
            issues=("NORTH_CAUCASUS",), source_text="Moscow", target_text="Baku")
    a.event("ev-a3", 4, "cut", "RUS", "AZE", "SANCTION", 4, "2001", "year", modality="hypothetical",
            issues=("ENERGY",))
    b.event("ev-b1", 0, "signed", "RUS", "AZE", "SUPPORT", 1, "1998", "year", issues=("SECURITY_ALIGNMENT",))
    b.event("ev-b2", 1, "agreed", "AZE", "RUS", "AGREE", 1, "2003-02-14", "day", issues=("TRANSPORT_CORRIDORS",))
    b.event("ev-b3", 2, "consulted", "ARM", "RUS", "CONSULT", 1, "2004", "year")
    h.event("ev-h1", 0, "closed", "RUS", "AZE", "SANCTION", 4, "2010", "year", issues=("TRADE",))
    h.event("ev-h2", 0, "protest", "AZE", "RUS", "ACCUSE", 3, None, None)
    story = Story(story_id="st-treaty", plover="SUPPORT", source="AZE", target="RUS", date_start="1997",
                  date_end="1997", date_precision="year", event_ids=("ev-a1", "ev-b1"), docs=("a.txt", "b.txt"),
                  issues=("SECURITY_ALIGNMENT",), num_mentions=2, num_sources=2, date_conflict=True,
                  trigger="signed", rule="resolve.stories.v1")
    lone = Story(story_id="st-bridge", plover="AGREE", source="AZE", target="RUS", date_start="2003-02-14",
                 date_end="2003-02-14", date_precision="day", event_ids=("ev-b2",), docs=("b.txt",),
                 num_mentions=1, num_sources=1, trigger="agreed")
    contradictions = [
        Contradiction("story_date", "story:st-treaty", "b.txt", "1998", b.sentences[0].text, "a.txt", "1997",
                      a.sentences[2].text, "b.txt dates it 1998; 1 of 2 sources agree on 1997",
                      a_start=b.sentences[0].start, a_end=b.sentences[0].end, b_start=a.sentences[2].start,
                      b_end=a.sentences[2].end, a_doc_id=b.document.doc_id, b_doc_id=a.document.doc_id,
                      rule="contradictions.rules.v1:story_date"),
        Contradiction("fact", "treaty:signed", "a.txt", "1997", a.sentences[2].text, "h.txt", "2010",
                      f"It says {HOSTILE}", "1997 vs 2010", rule="contradictions.rules.v1:fact"),
    ]
    s1 = a.sentences[1]
    period = Period(doc="a.txt", doc_id=a.document.doc_id, label="First stage (1991–1999)", start="1991", end="1999",
                    sentence=s1.text, offset=s1.start, kind="stated", rule="periods.rules.v1:ordinal",
                    start_basis="stated", end_basis="stated", ordinal=1, scheme_size=2)
    return {"a": a, "b": b, "h": h, "old": old, "new": new, "stories": [story, lone],
            "contradictions": contradictions, "periods": {"a": (period,)}}


def records_store(factory: pytest.TempPathFactory) -> Path:
    """The hand-made corpus in a store (``c.txt`` stored twice: its first text is superseded)."""
    path, todo = _once(factory, "records")
    if todo:
        r = records()
        with open_store(path) as store:
            for key in ("a", "b", "h", "old", "new"):
                store.add_analysis(r[key].analysis(r["periods"].get(key, ())))
            store.replace_stories(r["stories"])
            store.replace_contradictions(r["contradictions"])
            store.set_meta({"intensity_table": "events/intensity.v1"})
    return path

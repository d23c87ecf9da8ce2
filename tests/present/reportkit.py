"""Helpers for the report tests: a small hand-made corpus with hostile text in it, and the seeds' report
(a plain module with a unique name, imported by the test files; no conftest, so nothing shadows the root one)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from dyadscope.pipeline import Analysis
from dyadscope.present.context import ReportContext, context_from_records
from dyadscope.records import Contradiction, Document, Event, Fact, Mention, Period, Removal, Sentence, Story

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analyze"))

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & </script>'


def _event(doc: Document, eid: str, sentence: str, src: str, tgt: str, plover: str, quad: int, intensity: float,
           date: str, precision: str, modality: str = "asserted") -> Event:
    start = doc.text.index(sentence)
    return Event(doc=doc.doc, doc_id=doc.doc_id, sentence=sentence, start=start, end=start + len(sentence),
                 trigger="met", trigger_start=start, trigger_end=start + 3, source=src, target=tgt, plover=plover,
                 quad=quad, intensity=intensity, modality=modality, date_start=date, date_precision=precision,
                 date_basis="explicit", issues=("TRADE",) if quad <= 2 else ("KARABAKH",), rule="events.rules.v1:test",
                 event_id=eid)


def _sentences(doc: Document) -> list[Sentence]:
    out, pos = [], 0
    for i, part in enumerate(doc.text.split("\n")):
        out.append(Sentence(doc.doc_id, i, i, pos, pos + len(part), part))
        pos += len(part) + 1
    return out


def small_records() -> dict[str, list]:
    """Two documents, five events (one story seen in both), a periodisation, facts and a contradiction."""
    a_text = "\n".join([
        "Russia and Azerbaijan signed a reliable partnership treaty in 1997.",
        "In 1999 Russia accused Baku of hostile pressure.",
        f"The author adds {HOSTILE} to test escaping.",
        "The relationship can be divided into two stages; the first stage lasted from 1991 to 1999.",
    ])
    b_text = ("Baku and Moscow signed the treaty in 1997.\n"
              "In 2003 Russia and Azerbaijan agreed on military cooperation.\n"
              "Putin came to power in 2001.")
    a = Document(doc="a.txt", doc_id="id-a", text=a_text, title=f"Essay {HOSTILE}", author="A. Author",
                 outlet="Review", published="2004-05-01", published_basis="manifest", language="en",
                 removed=(Removal("running_header", "Review 2004", "clean.v1:header"),))
    b = Document(doc="b.txt", doc_id="id-b", text=b_text, title="Field report", published="2003-03-12",
                 published_basis="dateline", language="en")
    events = [
        _event(a, "e1", a_text.split("\n")[0], "AZE", "RUS", "SUPPORT", 1, 3.5, "1997", "year"),
        _event(a, "e2", a_text.split("\n")[1], "RUS", "AZE", "ACCUSE", 3, -3.0, "1999", "year"),
        _event(a, "e3", a_text.split("\n")[2], "RUS", "AZE", "THREATEN", 3, -6.0, "1999-05", "month", "opinion"),
        _event(b, "e4", b_text.split("\n")[0], "AZE", "RUS", "SUPPORT", 1, 3.5, "1997", "year"),
        _event(b, "e5", b_text.split("\n")[1], "AZE", "RUS", "COOPERATE", 2, 6.0, "2003-02", "month"),
    ]
    story = Story(story_id="st1", plover="SUPPORT", source="AZE", target="RUS", date_start="1997", date_end=None,
                  date_precision="year", event_ids=("e1", "e4"), docs=("a.txt", "b.txt"), issues=("TRADE",),
                  num_mentions=2, num_sources=2, trigger="signed")
    period = Period(doc="a.txt", doc_id="id-a", label="First stage (1991–1999)", start="1991", end="1999",
                    sentence=a_text.split("\n")[3], offset=a_text.index("The relationship"), kind="stated",
                    rule="periods.rules.v1:ordinal", ordinal=1, scheme_size=2)
    facts = [
        Fact(doc="a.txt", doc_id="id-a", subject="vladimir_putin:took_office", value="2000", unit="date",
             date="2000", sentence="x", start=0, end=1, kind="happening", date_basis="explicit"),
        Fact(doc="b.txt", doc_id="id-b", subject="vladimir_putin:took_office", value="2001", unit="date",
             date="2001", sentence=b_text.split("\n")[2], start=b_text.index("Putin"), end=len(b_text),
             kind="happening", date_basis="explicit"),
        Fact(doc="b.txt", doc_id="id-b", subject="mention:x", value="2003", unit="date", date="2003", sentence="x",
             start=0, end=1, kind="dated_mention"),
    ]
    contradiction = Contradiction("fact", "vladimir_putin:took_office", "a.txt", "2000", f"He came {HOSTILE}",
                                  "b.txt", "2001", "Putin came to power in 2001.", "2000 (stated) vs 2001 (stated)")
    sentences = _sentences(a) + _sentences(b)
    mentions = []
    for s in sentences:
        for word, code in (("Russia", "RUS"), ("Moscow", "RUS"), ("Azerbaijan", "AZE"), ("Baku", "AZE")):
            k = s.text.find(word)
            if k >= 0:
                mentions.append(Mention(s.doc_id, s.index, s.start + k, s.start + k + len(word), word, code, f"t:{code}"))
    return {"documents": [a, b], "events": events, "stories": [story], "periods": [period], "facts": facts,
            "contradictions": [contradiction], "mentions": mentions, "sentences": sentences}


def small_context() -> ReportContext:
    r = small_records()
    return context_from_records(r["documents"], r["events"], stories=r["stories"], periods=r["periods"],
                                facts=r["facts"], contradictions=r["contradictions"], mentions=r["mentions"],
                                sentences=r["sentences"], generated="2024-01-01 00:00 UTC", bootstrap=20)


def small_analyses() -> list[Analysis]:
    """The small corpus as per-document analyses, ready for a store."""
    r = small_records()
    out = []
    for d in r["documents"]:
        mine = {key: tuple(x for x in r[key] if x.doc_id == d.doc_id)
                for key in ("sentences", "mentions", "events", "periods", "facts")}
        out.append(Analysis(document=d, **mine))
    return out


@cache
def seed_context() -> ReportContext:
    """The report context of the five seeds, analysed in-process, with stories and contradictions."""
    from seedkit import seed_analyses

    from dyadscope.resolve.contradictions import find_contradictions
    from dyadscope.resolve.stories import resolve

    analyses = seed_analyses()
    events = [e if e.event_id else e.with_id() for a in analyses for e in a.events]
    facts = [f for a in analyses for f in a.facts]
    resolution = resolve(events)
    contradictions = list(resolution.contradictions) + find_contradictions(facts, resolution.stories)
    return context_from_records(
        [a.document for a in analyses], events, stories=resolution.stories,
        periods=[p for a in analyses for p in a.periods], facts=facts, contradictions=contradictions,
        mentions=[m for a in analyses for m in a.mentions], sentences=[s for a in analyses for s in a.sentences],
        generated="2024-01-01 00:00 UTC")

"""The five seed documents run through the pipeline in-process, for the tests of periods, facts, analyses and
the report (imported by path from tests/code and tests/present as well).

Every stage that is installed runs. Where an upstream stage is not installed yet, a small stand-in keeps
these tests meaningful: a year/month regex for the ``time`` stage (timexes only), and — when ingestion still
returns the raw text of a PDF extraction — a re-joining of hard-wrapped lines. Both stand-ins live here only.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path

from dyadscope import pipeline
from dyadscope.ingest import Source, load
from dyadscope.options import Options
from dyadscope.pipeline import DEFAULT_STAGES, Analysis, registered
from dyadscope.records import Document, Timex, text_id

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def year_timexes(analysis: Analysis) -> tuple[Timex, ...]:
    """Stand-in for the time stage: bare four-digit years and 'Month YYYY'."""
    out = []
    doc_id = analysis.document.doc_id
    for s in analysis.sentences:
        for m in re.finditer(rf"\b(?:({MONTHS})\s+)?(1[89]\d\d|20\d\d)\b", s.text):
            value = m.group(2)
            if m.group(1):
                value = f"{value}-{MONTHS.split('|').index(m.group(1)) + 1:02d}"
            out.append(Timex(doc_id, s.index, s.start + m.start(), s.start + m.end(), m.group(0), value, value,
                             value, "month" if m.group(1) else "year", "absolute", rule="tests.year_regex"))
    return tuple(out)


def _rejoined(doc: Document) -> Document:
    """Stand-in for PDF clean-up when ingestion does not do it yet: join hard-wrapped lines."""
    text = doc.text
    if len(re.findall(r"[a-z,][ \t]*\n[ \t]*\n[ \t]*[a-z]", text)) < 20:
        return doc
    text = re.sub(r"(?<=[a-z])-[ \t]*\n\s*\n?(?=[a-z])", "", text)
    text = re.sub(r"(?<![.!?:\"”])[ \t]*\n[ \t]*\n[ \t]*(?=\S)", " ", text)
    text = re.sub(r"(?<=[.”\"])\d{1,3}(?=\s)", "", text)
    return dataclasses.replace(doc, text=text, doc_id=text_id(text))


@cache
def seed_analyses() -> tuple[Analysis, ...]:
    """Every seed document analysed by every installed stage (with the stand-ins above where needed)."""
    options = Options()
    have = set(registered())
    stages = {name: pipeline._REGISTRY[name] for name in have}
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = _rejoined(load(Source(path, path.name), options))
        analysis = Analysis(document=doc)
        for name in DEFAULT_STAGES:
            if name in stages:
                analysis = stages[name].func(analysis, options)
            elif name == "time":
                analysis = dataclasses.replace(analysis, timexes=year_timexes(analysis))
        out.append(analysis)
    return tuple(out)


def seed(prefix: str) -> Analysis:
    """The analysis of the seed whose file name starts with ``prefix`` ("000" … "004")."""
    (found,) = [a for a in seed_analyses() if a.document.doc.startswith(prefix)]
    return found

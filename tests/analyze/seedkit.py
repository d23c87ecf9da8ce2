"""The five seed documents run through the pipeline in-process, for the tests of periods, facts, analyses and
the report (imported by path from tests/code and tests/present as well).

Every stage that is installed runs. Where an upstream stage is not installed yet, a small stand-in keeps
these tests meaningful: a year/month regex for the ``time`` stage (timexes only), a few names of the region
for the ``actors`` stage (mentions only), and — when ingestion still
returns the raw text of a PDF extraction — a re-joining of hard-wrapped lines. Both stand-ins live here only.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path

from dyadscope import pipeline
from dyadscope.ingest import load_file
from dyadscope.options import Options
from dyadscope.pipeline import DEFAULT_STAGES, Analysis, registered
from dyadscope.records import Document, Mention, Timex, text_id

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


#: stand-in actor dictionary (only used while the actors stage is not installed)
ACTOR_WORDS = {
    "RUS": ["Russia", "Russian", "Russians", "Moscow", "Kremlin", "Russian Federation", "USSR", "Soviet"],
    "AZE": ["Azerbaijan", "Azerbaijani", "Azerbaijanis", "Azeri", "Azeris", "Baku"],
    "ARM": ["Armenia", "Armenian", "Armenians", "Yerevan"],
    "TUR": ["Turkey", "Turkish", "Ankara"],
    "IRN": ["Iran", "Iranian", "Tehran"],
    "GEO": ["Georgia", "Georgian", "Tbilisi"],
    "USA": ["United States", "U.S.", "Washington", "American"],
    "NATO": ["NATO"],
    "CIS": ["CIS", "Commonwealth of Independent States"],
}
PERSON_WORDS = {"Vladimir Putin": ("RUS", "Putin"), "Boris Yeltsin": ("RUS", "Yeltsin"),
                "Heydar Aliyev": ("AZE", "Heydar Aliyev|Haydar Aliyev"), "Ilham Aliyev": ("AZE", "Ilham Aliyev")}


def stand_in_mentions(analysis: Analysis) -> tuple[Mention, ...]:
    """Stand-in for the actors stage: a handful of names and adjectives of the region."""
    alts = [(code, w, None) for code, words in ACTOR_WORDS.items() for w in words]
    alts += [(code, w, person) for person, (code, ws) in PERSON_WORDS.items() for w in ws.split("|")]
    out = []
    for s in analysis.sentences:
        taken: list[tuple[int, int]] = []
        for code, word, person in sorted(alts, key=lambda a: -len(a[1])):
            for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", s.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                out.append(Mention(analysis.document.doc_id, s.index, s.start + m.start(), s.start + m.end(),
                                   m.group(0), code, f"tests:{code}", person=person,
                                   kind="person" if person else "state", rule="tests.stand_in_actors"))
    return tuple(sorted(out, key=lambda m: m.start))


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
        doc = _rejoined(load_file(path, options))
        analysis = Analysis(document=doc)
        for name in DEFAULT_STAGES:
            if name in stages:
                analysis = stages[name].func(analysis, options)
            elif name == "time":
                analysis = dataclasses.replace(analysis, timexes=year_timexes(analysis))
            elif name == "actors":
                analysis = dataclasses.replace(analysis, mentions=stand_in_mentions(analysis))
        out.append(analysis)
    return tuple(out)


def seed(prefix: str) -> Analysis:
    """The analysis of the seed whose file name starts with ``prefix`` ("000" … "004")."""
    (found,) = [a for a in seed_analyses() if a.document.doc.startswith(prefix)]
    return found


EXAMPLES = ROOT / "examples" / "az-ru"
EXAMPLES_GOLD = ROOT / "examples" / "gold"


@cache
def example_analyses() -> tuple[Analysis, ...]:
    """The embedded example corpus (examples/az-ru) through the installed pipeline, as ``build`` would."""
    from dyadscope.batch import BatchSummary, analyses
    from dyadscope.pipeline import DEFAULT_STAGES

    have = set(registered())
    return tuple(analyses([EXAMPLES], Options(), BatchSummary(), stages=[s for s in DEFAULT_STAGES if s in have]))

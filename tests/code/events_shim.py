"""Stand-ins for the ``time`` and ``actors`` stages, used by the event tests only while those stages are
not installed. The real stages win whenever they are registered (see :func:`stages`)."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from pathlib import Path

import yaml

from dyadscope import pipeline
from dyadscope.lexicon import load_yaml
from dyadscope.options import Options
from dyadscope.pipeline import Analysis
from dyadscope.records import Mention, NarrativeTime, Timex

FIXTURES = Path(__file__).parent / "fixtures"
_YEAR = re.compile(r"\b(?:in|since|by|of|from)?\s*((?:1[89]|20)\d\d)\b")


@lru_cache(maxsize=1)
def _actor_regex() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    table: dict[str, tuple[str, str]] = {}
    for e in load_yaml("actors/states.yaml")["entries"]:
        code = e.get("actor", e["id"])
        for key, kind in (("names", "state"), ("adjectives", "adjective"), ("people", "people"),
                          ("capitals", "capital")):
            for w in e.get(key, []) or []:
                table[str(w)] = (code, kind)
    orgs = yaml.safe_load((FIXTURES / "shim_orgs.yaml").read_text(encoding="utf-8"))
    for code, names in orgs.items():
        for w in names:
            table[str(w)] = (code, "org" if code != "USA" else "state")
    alts = sorted(table, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?!\w)"), table


def shim_actors(analysis: Analysis, options: Options) -> Analysis:
    rx, table = _actor_regex()
    out = []
    for s in analysis.sentences:
        for m in rx.finditer(s.text):
            code, kind = table[m.group()]
            out.append(Mention(doc_id=s.doc_id, sentence=s.index, start=s.start + m.start(), end=s.start + m.end(),
                               text=m.group(), actor=code, entry_id=f"shim:{code}", kind=kind, rule="shim.v1"))
    return dataclasses.replace(analysis, mentions=tuple(out))


def shim_time(analysis: Analysis, options: Options) -> Analysis:
    timexes, narrative = [], []
    current: str | None = None
    para = -1
    for s in analysis.sentences:
        if s.paragraph != para:
            current, para = None, s.paragraph
        own = None
        for m in _YEAR.finditer(s.text):
            y = m.group(1)
            start = s.start + m.start(1)
            timexes.append(Timex(doc_id=s.doc_id, sentence=s.index, start=start, end=start + 4, text=y, value=y,
                                 date_start=y, date_end=y, precision="year", kind="absolute", rule="shim.v1"))
            own = own or y
        basis = "explicit" if own else ("carried" if current else "none")
        current = own or current
        narrative.append(NarrativeTime(doc_id=s.doc_id, sentence=s.index, date_start=current, date_end=current,
                                       precision="year" if current else None, basis=basis, text=current))
    return dataclasses.replace(analysis, timexes=tuple(timexes), narrative=tuple(narrative))


def stages() -> tuple[str, ...]:
    """Register the stand-ins for whichever of ``time`` and ``actors`` is missing; the default stage names."""
    try:
        have = set(pipeline.registered())
    except ImportError:               # a stage module half-written in the working tree: use the stand-ins
        import dyadscope.code.events
        import dyadscope.text.stage  # noqa: F401

        have = set(pipeline._REGISTRY) - {"time", "actors"}
    if "time" not in have:
        pipeline.stage("time", requires=("sentences",), assigns=("timexes", "narrative"))(shim_time)
    if "actors" not in have:
        pipeline.stage("actors", requires=("sentences",), assigns=("mentions",))(shim_actors)
    return ("segment", "time", "actors", "events")


def planned() -> tuple[pipeline.Stage, ...]:
    """The planned stages, stand-ins included (planned by hand when a stage module cannot be imported)."""
    names = stages()
    try:
        return pipeline.plan(names)
    except ImportError:
        return tuple(pipeline._REGISTRY[n] for n in names)

"""Event type and actor agreement on two public gold sets (read from ../shared/external, never copied here).

- ``plover-gsr-cameo/PLOVER_GSR_CAMEO.json``: PLOVER gold records (CAMEO manual examples coded in PLOVER).
  Each record's ``text`` is coded as a one-sentence document; its gold is the record's ``event`` type (the
  draft's DEMAND, FIGHT, DISAPPROVE and INVESTIGATE read as REQUEST, ASSAULT, ACCUSE and ACCUSE) and the
  codes of its ``source`` and ``target`` actors.
- ``petr2-gsr/PETR2_GSR_validation.xml``: PETRARCH-2 validation sentences (real news) with CAMEO event codes
  and actor codes. The XML is malformed, so records are split on ``<Sentence …/>``; CAMEO codes are mapped to
  PLOVER with ``plover-gsr-cameo/CAMEO2PLOVER-2021.txt``. Records marked ``noevents`` are negatives. The 58
  records listed in ``ptb_parse_matched_ids.txt`` are scored apart as well (the subset PETRARCH-2's own F1
  of 0.80 refers to).

Scores, per record set:
- *type*: precision, recall and F1 of (record, PLOVER type) pairs, counting every event the coder finds
  whatever its modality (the CAMEO manual examples are often plans or statements);
- *actors*: among gold events whose type was found, the share whose source (and target) country agrees —
  codes are compared on their first three letters (``GUYJUD`` → ``GUY``; sectors are beyond our model);
- *negatives*: the share of no-event records on which the coder finds an event that counts as happened.

    .venv/bin/python bench/external_events.py [--show N]

Prints a JSON summary (and, with --show, N disagreements per set) and writes bench/results/external_events.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyadscope.code.extract import EXTRACT_STAGES
from dyadscope.options import make_options
from dyadscope.pipeline import plan, run
from dyadscope.records import HAPPENED, Document, Event, text_id

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DYADSCOPE_SHARED", ROOT.parent / "shared")).resolve()
EXTERNAL = SHARED / "external"


@dataclass
class Record:
    id: str
    text: str
    types: set[str]                                   # gold PLOVER types (empty: no event)
    actors: list[tuple[str, set[str], set[str]]]      # (type, source countries, target countries)
    date: str | None = None


@dataclass
class Tally:
    records: int = 0
    gold_pairs: int = 0
    system_pairs: int = 0
    right_pairs: int = 0
    typed: int = 0
    source_right: int = 0
    target_right: int = 0
    both_right: int = 0
    negatives: int = 0
    negatives_with_events: int = 0
    misses: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        p = self.right_pairs / self.system_pairs if self.system_pairs else 0.0
        r = self.right_pairs / self.gold_pairs if self.gold_pairs else 0.0
        return {
            "records": self.records, "gold_types": self.gold_pairs, "system_types": self.system_pairs,
            "type": {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0},
            "actors_of_typed": {
                "n": self.typed,
                "source": round(self.source_right / self.typed, 3) if self.typed else 0.0,
                "target": round(self.target_right / self.typed, 3) if self.typed else 0.0,
                "both": round(self.both_right / self.typed, 3) if self.typed else 0.0,
            },
            "negatives": {"n": self.negatives,
                          "with_events": round(self.negatives_with_events / self.negatives, 3) if self.negatives else 0.0},
        }


def country(code: str | None) -> str:
    return (code or "")[:3].upper()


def cameo_to_plover(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def plover_of(code: str, table: dict[str, str]) -> str | None:
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None


#: types of the 0.5 PLOVER draft the gold set was coded in, and their names today
OLD_TYPES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def _codes(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {country(a.get("code")) for a in actors if isinstance(a, dict)}


def plover_records(path: Path) -> list[Record]:
    out = []
    for r in json.loads(path.read_text(encoding="utf-8")):
        if r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        typ = OLD_TYPES.get(r["event"], r["event"])
        out.append(Record(id=r["id"], text=r["text"], types={typ},
                          actors=[(typ, _codes(r.get("source")), _codes(r.get("target")))], date=r.get("date")))
    return out


def petr_records(path: Path, table: dict[str, str]) -> list[Record]:
    text = path.read_text(encoding="utf-8", errors="replace")
    out = []
    for block in re.split(r"(?=<Sentence )", text)[1:]:
        head = re.search(r"<Sentence ([^>]*?)/?>", block)
        body = re.search(r"<Text>(.*?)</Text>", block, re.DOTALL)
        if not head or not body:
            continue
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', head.group(1)))
        actors, types = [], set()
        for coding in re.findall(r"<EventCoding ([^>]*?)/?>", block):
            c = dict(re.findall(r'(\w+)="([^"]*)"', coding))
            if "eventcode" not in c:
                continue
            t = plover_of(c["eventcode"], table)
            if t:
                types.add(t)
                actors.append((t, {country(c.get("sourcecode"))}, {country(c.get("targetcode"))}))
        date = attrs.get("date")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None
        out.append(Record(id=attrs.get("id", "?"), text=" ".join(body.group(1).split()), types=types,
                          actors=actors, date=iso))
    return out


def code(records: Iterable[Record]) -> dict[str, list[Event]]:
    options = make_options(None)
    stages = plan(EXTRACT_STAGES)
    out = {}
    for r in records:
        doc = Document(doc=f"{r.id}.txt", doc_id=text_id(r.text), text=r.text, published=r.date,
                       published_precision="day" if r.date else None, language="en")
        out[r.id] = list(run(doc, stages, options).events)
    return out


def tally(records: list[Record], events: dict[str, list[Event]], show: int) -> Tally:
    t = Tally()
    for r in records:
        t.records += 1
        evs = events[r.id]
        found = {e.plover for e in evs}
        if not r.types:
            t.negatives += 1
            t.negatives_with_events += any(e.modality in HAPPENED for e in evs)
            continue
        t.gold_pairs += len(r.types)
        t.system_pairs += len(found)
        t.right_pairs += len(found & r.types)
        for typ, src, tgt in r.actors:
            same = [e for e in evs if e.plover == typ]
            if not same:
                if len(t.misses) < show:
                    t.misses.append(f"{r.id}: want {typ} {sorted(src)}->{sorted(tgt)}, got "
                                    f"{[(e.plover, e.source, e.target) for e in evs]} | {r.text[:120]}")
                continue
            t.typed += 1
            s_ok = any(country(e.source) in src for e in same)
            g_ok = any(country(e.target) in tgt for e in same)
            both = any(country(e.source) in src and country(e.target) in tgt for e in same)
            t.source_right += s_ok
            t.target_right += g_ok
            t.both_right += both
    return t


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print N misses per set")
    args = ap.parse_args(argv)
    plover_dir = EXTERNAL / "plover-gsr-cameo"
    petr_dir = EXTERNAL / "petr2-gsr"
    if not plover_dir.is_dir() or not petr_dir.is_dir():
        sys.exit(f"the external datasets are missing under {EXTERNAL}; set DYADSCOPE_SHARED")
    table = cameo_to_plover(plover_dir / "CAMEO2PLOVER-2021.txt")
    plover = plover_records(plover_dir / "PLOVER_GSR_CAMEO.json")
    petr = petr_records(petr_dir / "PETR2_GSR_validation.xml", table)
    matched = set((petr_dir / "ptb_parse_matched_ids.txt").read_text(encoding="utf-8").split())
    events = code(plover) | code(petr)
    sets = {
        "plover_gsr": tally(plover, events, args.show),
        "petr2_gsr": tally(petr, events, args.show),
        "petr2_gsr_parse_matched": tally([r for r in petr if r.id in matched], events, 0),
    }
    summary = {name: t.summary() for name, t in sets.items()}
    print(json.dumps(summary, indent=2))
    for name, t in sets.items():
        for line in t.misses:
            print(f"[{name}] {line}")
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "external_events.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


if __name__ == "__main__":
    main()

"""TempEval-3 style quality of the temporal tagger, against dateparser's ``search_dates`` as the naive baseline.

Data (read from ``../shared/external``):

- TimeBank (183 documents, mostly WSJ) — the rules were tuned on it;
- AQUAINT (73 news documents, APW/NYT/XIE), split by file-name order: even positions (37) tuned on, odd
  positions (36) held out;
- MEANTIME English (120 Wikinews articles, only their annotated first sentences) — held out.

For each split: the gold expressions, our ``segment`` + ``time`` stages (publication date = the document's
creation time) and dateparser's ``search_dates`` (``RELATIVE_BASE`` = creation time; each found string is a
day-precision date) are scored with :func:`dyadscope.evaluate.timex.score` — strict and relaxed extent F1 and
value F1 (relaxed match with the same TIMEX3 value), the same figures as ``../shared/tools/timex_score.py``.

    .venv/bin/python bench/timex_eval.py                 # all splits, with the dateparser baseline
    .venv/bin/python bench/timex_eval.py --no-baseline   # ours only (fast)
    .venv/bin/python bench/timex_eval.py --errors        # + error analysis of the tuning splits, by cause
    .venv/bin/python bench/timex_eval.py --seeds-only    # dates of the seed gold events (--examples N misses)

Seed dates: each seed is loaded as the pipeline loads it, given the publication date the gold records, and run
through ``segment`` and ``time``; a dated gold event of ../shared/gold/seed_events.jsonl is *explicit* when a
time expression of its quote's sentence has the gold date, *narrative* when that sentence's narrative time has
it (:func:`dyadscope.evaluate.timex.event_date_status`).

The error analysis reads only the tuning splits (TimeBank, AQUAINT even): the held-out splits are scored, never
looked into.

Prints a table and writes JSON to bench/results/timex_eval.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TBAQ = SHARED / "external" / "tempeval3-tbaq-cleaned"
MEANTIME = SHARED / "external" / "meantime-en" / "intra-doc_annotation"


def splits() -> dict[str, Any]:
    from dyadscope.evaluate.timex import read_meantime, read_timeml

    aquaint = read_timeml(TBAQ / "AQUAINT")
    return {
        "timebank (tuned)": read_timeml(TBAQ / "TimeBank"),
        "aquaint even (tuned)": aquaint[0::2],
        "aquaint odd (held out)": aquaint[1::2],
        "meantime (held out)": read_meantime(MEANTIME),
        "aquaint all": aquaint,
    }


def dateparser_records(docs: list[Any]) -> list[dict[str, Any]]:
    """The naive baseline: every string dateparser's search_dates finds, as a day-precision date."""
    from dateparser.search import search_dates

    out: list[dict[str, Any]] = []
    for d in docs:
        base = dt.datetime.fromisoformat(d.dct[:10]) if d.dct else None
        settings = {"RELATIVE_BASE": base} if base else {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(d.text, languages=["en"], settings=settings) or []
        pos = 0
        for surface, when in found:
            start = d.text.find(surface, pos)
            pos = start + len(surface) if start >= 0 else pos
            out.append({"doc": d.doc, "text": surface, "value": when.date().isoformat(),
                        "start": max(start, 0)})
    out.sort(key=lambda r: (r["doc"], r["start"]))
    return out


#: the publication date of each seed as the gold records it (000: unknown)
SEED_PUBLISHED = {"000": None, "001": "2008", "002": "2011", "003": "2024-01", "004": "2003-03-12"}


def seed_dates(examples: int = 0) -> dict[str, Any]:
    """Counts of explicit / narrative / missed dates of the dated seed gold events (and the misses, printed)."""
    import dataclasses
    from collections import Counter

    from dyadscope.evaluate.timex import event_date_status
    from dyadscope.ingest import Source, load
    from dyadscope.options import Options
    from dyadscope.pipeline import analyse

    lines = (SHARED / "gold" / "seed_events.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines if line.strip()]
    status: dict[str, str] = {}
    for name in sorted({e["doc"] for e in events}):
        doc = load(Source(SHARED / "corpus" / "seeds" / name, name), Options())
        doc = dataclasses.replace(doc, published=SEED_PUBLISHED[name[:3]])
        analysis = analyse(doc, Options(), ("segment", "time"))
        mine = [e for e in events if e["doc"] == name]
        status.update(event_date_status(mine, analysis))
        shown = 0
        for e in mine:
            if status.get(e["id"]) in ("missed", "no_sentence") and shown < examples:
                shown += 1
                print(f"{e['id']} gold {e['date_start']}..{e['date_end']} ({status[e['id']]}): {e['quote'][:90]!r}")
    counts = Counter(status.values())
    return {"dated_gold_events": len(status), **{k: counts.get(k, 0) for k in
                                                  ("explicit", "narrative", "missed", "no_sentence")}}


TUNING = ("timebank (tuned)", "aquaint even (tuned)")
_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_NARRATIVE = re.compile(r"\b(?:ago|earlier|later|before|after|following|previous|prior|same|that)\b", re.IGNORECASE)
_DEICTIC = re.compile(r"\b(?:last|this|next|past|coming|current|the year|the month|the week)\b", re.IGNORECASE)
_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?", re.IGNORECASE)


def value_cause(gold: dict[str, Any], system: dict[str, Any]) -> str:
    """Why a system expression that overlaps a gold one has another value, as a group name."""
    gv, sv, text = str(gold.get("value") or ""), str(system.get("value") or ""), gold["text"]
    if gv in _REFS or sv in _REFS:
        return "reference (PRESENT_REF/PAST_REF/FUTURE_REF) vs value"
    if gold.get("type") == "SET" or system.get("type") == "SET":
        return "set"
    if gv.startswith("P") != sv.startswith("P"):
        return "duration vs date"
    if gv.startswith("P"):
        return "duration value"
    if "T" in gv[4:] or "T" in sv[4:]:
        return "time of day"
    if "-Q" in gv or "-Q" in sv or "quarter" in text.lower():
        return "quarter"
    if _WEEKDAY.search(text):
        return "weekday anchored to the creation time"
    if "-W" in gv or "-W" in sv:
        return "week"
    if _NARRATIVE.search(text):
        return "narrative offset (a year earlier, that day)"
    if _DEICTIC.search(text):
        return "deictic unit (last year, this month)"
    if _MONTH.search(text) and not re.search(r"\d{4}", text):
        return "year-less date (which year)"
    return "other"


def _shape(record: dict[str, Any]) -> str:
    value = str(record.get("value") or "")
    if value in _REFS:
        return "reference"
    return str(record.get("type") or ("DURATION" if value.startswith("P") else "DATE"))


def error_groups(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """The errors of a tuning split, by cause: missed and spurious extents (by type and rule), extent
    boundaries (strict vs relaxed, by rule) and wrong values (by kind)."""
    from dyadscope.evaluate.timex import errors

    found = errors(gold, system)
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for g in found["missed"]:
        out["missed extent"][_shape(g)].append(f"{g['text']!r} {g['value']}")
    for s in found["spurious"]:
        out["spurious extent"][str(s.get("rule", "")).split(":")[-1]].append(f"{s['text']!r} {s['value']}")
    for g, s in found["boundary"]:
        side = "longer" if len(s["text"]) > len(g["text"]) else "shorter"
        out["extent boundary"][f"{str(s.get('rule', '')).split(':')[-1]} ({side})"].append(
            f"gold {g['text']!r} / ours {s['text']!r}")
    for g, s in found["wrong_value"]:
        out["wrong value"][value_cause(g, s)].append(
            f"{g['text']!r} gold {g['value']} ours {s['value']} ({str(s.get('rule', '')).split(':')[-1]})")
    return out


def print_errors(name: str, groups: dict[str, dict[str, list[str]]], examples: int) -> None:
    print(f"\n== errors on {name} ==")
    for cause, by in groups.items():
        print(f"{cause}: {sum(len(v) for v in by.values())}")
        for key, items in sorted(by.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(items):4d}  {key}")
            for item in items[:examples]:
                print(f"          {item}")


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser (slow)")
    parser.add_argument("--errors", action="store_true", help="error analysis of the tuning splits, by cause")
    parser.add_argument("--tuning-only", action="store_true", help="score the tuning splits only")
    parser.add_argument("--examples", type=int, default=3, help="examples per error group")
    parser.add_argument("--seeds-only", action="store_true", help="only the dates of the seed gold events")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "timex_eval.json")
    args = parser.parse_args(argv)

    from dyadscope.evaluate.timex import gold_records, run_tagger, score

    result: dict[str, Any] = {"seed event dates": seed_dates(args.examples if args.seeds_only else 0)}
    print("seed event dates:", json.dumps(result["seed event dates"]))
    if args.seeds_only:
        return result
    for name, docs in splits().items():
        if args.tuning_only and name not in TUNING:
            continue
        gold = gold_records(docs)
        start = time.process_time()
        records = run_tagger(docs)
        ours = score(gold, records)
        ours["cpu_seconds"] = round(time.process_time() - start, 2)
        if args.errors and name in TUNING:
            print_errors(name, error_groups(gold, records), args.examples)
        row: dict[str, Any] = {"documents": len(docs), "dyadscope": ours}
        if not args.no_baseline:
            start = time.process_time()
            base = score(gold, dateparser_records(docs))
            base["cpu_seconds"] = round(time.process_time() - start, 2)
            row["dateparser_search_dates"] = base
        result[name] = row
    print(f"{'split':26} {'docs':>4} {'gold':>5} | {'ours: strict relaxed value':>27} | "
          f"{'dateparser: strict relaxed value':>33}")
    for name, row in result.items():
        if "dyadscope" not in row:
            continue
        o = row["dyadscope"]
        b = row.get("dateparser_search_dates", {})
        base = (f"{b['strict_f1']:>12.3f} {b['relaxed_f1']:>7.3f} {b['value_f1']:>5.3f}" if b else f"{'-':>26}")
        print(f"{name:26} {row['documents']:>4} {o['gold']:>5} | {o['strict_f1']:>12.3f} {o['relaxed_f1']:>7.3f} "
              f"{o['value_f1']:>5.3f} | {base:>33}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main(sys.argv[1:])

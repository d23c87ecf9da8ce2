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

Prints a table and writes JSON to bench/results/timex_eval.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import warnings
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


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser (slow)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "timex_eval.json")
    args = parser.parse_args(argv)

    from dyadscope.evaluate.timex import gold_records, run_tagger, score

    result: dict[str, Any] = {}
    for name, docs in splits().items():
        gold = gold_records(docs)
        start = time.process_time()
        ours = score(gold, run_tagger(docs))
        ours["cpu_seconds"] = round(time.process_time() - start, 2)
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

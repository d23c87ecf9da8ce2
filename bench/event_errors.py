"""Error analysis of the event coder on a tuning corpus: misses and false positives counted by cause.

Runs the ``extract`` stages on the documents, scores them against the gold like ``dyadscope eval`` does, and
sorts every gold event that is not matched at L3 and every counted system event that matches no gold event
into one cause:

misses (gold events)
  - ``quad``: right sentence and actors, wrong quad class (the trigger's type)
  - ``direction_flip``: source and target exchanged
  - ``wrong_source`` / ``wrong_target`` / ``no_target`` / ``both_wrong``: right sentence, wrong actors
  - ``modality:<value>``: the system coded it but ruled it did not happen
  - ``out_of_scope``: the system coded it with neither AZE nor RUS
  - ``taken``: the sentence's system events all serve other gold events of the sentence
  - ``split``: no sentence of the document covers the quote (segmentation or cleaning)
  - ``no_source`` / ``no_target_found`` / ``content``: a trigger was found but no event came of it
  - ``no_trigger``: nothing in the sentence matched the trigger lexicon
false positives (system events that count)
  - ``extra_in_gold_sentence``: the sentence holds gold events, all matched elsewhere
  - ``spurious``: no gold event in the sentence (broken down by type and rule)

Use it on the tuning sets only (the seeds and ``examples/az-ru``), never on ``bench/heldout``:

    .venv/bin/python bench/event_errors.py --gold ../shared/gold/seed_events.jsonl ../shared/corpus/seeds \
        --seed-manifest
    .venv/bin/python bench/event_errors.py --gold examples/gold/az-ru-events.jsonl examples/az-ru --show no_trigger
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from dyadscope.batch import BatchSummary, analyses
from dyadscope.code import roles, triggers
from dyadscope.code.events import DocContext, _is_content
from dyadscope.code.extract import EXTRACT_STAGES, event_record
from dyadscope.evaluate.events import COUNTED_MODALITIES, DEFAULT_SCOPE, covers, load_gold, normalise, score
from dyadscope.options import make_options
from dyadscope.pipeline import Analysis

ROOT = Path(__file__).resolve().parents[1]
Record = dict[str, Any]


def seed_manifest(gold_docs: Path, folder: Path) -> Path:
    """A manifest of the seeds' publication dates from the gold's document records (first date of a range)."""
    path = folder / "manifest.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "title", "author", "outlet", "published", "url"])
        for line in gold_docs.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                w.writerow([d["doc"], "", "", "", str(d.get("publication_date") or "").split("/")[0], ""])
    return path


def trigger_diagnosis(analysis: Analysis, quote: str) -> tuple[str, str]:
    """Why no event came of the sentence that covers ``quote``: split, no_trigger, content, no_source, …"""
    ctx = DocContext.build(analysis)
    sentence = next((s for s in analysis.sentences if covers(normalise(s.text), quote)), None)
    if sentence is None:
        return "split", ""
    ch = ctx.chunks(sentence.index)
    hits = triggers.find(ch)
    if not hits:
        return "no_trigger", sentence.text
    args = ctx.args(sentence.index)
    ch = ctx.chunks(sentence.index)
    heads = [h.head for h in hits if h.head_kind == "verb"]
    done: list[tuple[triggers.Hit, roles.Roles]] = []
    kept: list[triggers.Hit] = []
    why = []
    for hit in hits:
        if _is_content(ch, hit, kept, []):
            why.append("content")
            continue
        kept.append(hit)
        r = roles.assign(ch, hit, args, done, heads)
        done.append((hit, r))
        why.append("no_source" if r.source is None else "no_target_found" if r.target is None else "other")
    cause = "no_source" if "no_source" in why else "no_target_found" if "no_target_found" in why else \
        "content" if "content" in why else "roles_other"
    detail = "; ".join(f"{h.entry.id}:{ch.surface(h.start, h.end)}" for h in hits)
    return cause, f"{sentence.text}  [{detail}] args={[(a.code, a.text) for a in args]}"


def analyse(paths: list[Path], gold: list[Record], manifest: Path | None) -> dict[str, Any]:
    options = make_options(None, manifest=manifest)
    summary = BatchSummary()
    docs: dict[str, Analysis] = {}
    records: list[Record] = []
    for a in analyses(paths, options, summary, stages=EXTRACT_STAGES):
        docs[Path(a.document.doc).name] = a
        records.extend(event_record(e) for e in a.events)
    result = score(gold, records)
    scope = DEFAULT_SCOPE
    annotated = {g["doc"] for g in gold}
    gold_in = [g for g in gold if g.get("source") in scope or g.get("target") in scope]
    sys_in = [s for s in records if s["doc"] in annotated and (s.get("source") in scope or s.get("target") in scope)
              and s.get("modality") in COUNTED_MODALITIES]
    level_of = {gi: (si, lv) for gi, si, lv in result.matches}
    matched_sys = {si for si, _ in level_of.values()}
    misses: dict[str, list[str]] = defaultdict(list)
    for gi, g in enumerate(gold_in):
        quote = normalise(g["quote"])
        want = f"{g['doc']} {g.get('id')}: {g['plover']} {g['source']}->{g['target']} q{g['quad']} | {g['quote']}"
        if gi in level_of:
            si, lv = level_of[gi]
            s = sys_in[si]
            got = f"  got {s['plover']} {s['source']}->{s['target']} q{s['quad']} [{s['rule']}] «{s['trigger']}»"
            if lv == 3:
                continue
            if lv == 2:
                misses["quad"].append(want + got)
            elif s["source"] == g["target"] and s["target"] == g["source"]:
                misses["direction_flip"].append(want + got)
            elif s["source"] == g["source"]:
                misses["no_target" if s["target"] is None else "wrong_target"].append(want + got)
            elif s["target"] == g["target"]:
                misses["wrong_source"].append(want + got)
            else:
                misses["both_wrong"].append(want + got)
            continue
        near = [s for s in records if s["doc"] == g["doc"] and covers(normalise(s["sentence"]), quote)]
        counted = [s for s in near if s.get("modality") in COUNTED_MODALITIES
                   and (s.get("source") in scope or s.get("target") in scope)]
        if counted:
            misses["taken"].append(want)
        elif any(s.get("modality") not in COUNTED_MODALITIES for s in near):
            s = next(s for s in near if s.get("modality") not in COUNTED_MODALITIES)
            misses[f"modality:{s['modality']}"].append(
                want + f"  cue «{s.get('modality_cue')}» {s['plover']} {s['source']}->{s['target']}")
        elif near:
            s = near[0]
            misses["out_of_scope"].append(want + f"  got {s['plover']} {s['source']}->{s['target']}")
        elif g["doc"] not in docs:
            misses["no_document"].append(want)
        else:
            cause, detail = trigger_diagnosis(docs[g["doc"]], quote)
            misses[cause].append(want + "\n      " + detail)
    false_pos: dict[str, list[str]] = defaultdict(list)
    spurious_by: Counter[str] = Counter()
    for si, s in enumerate(sys_in):
        if si in matched_sys:
            continue
        sent = normalise(s["sentence"])
        line = (f"{s['doc']}: {s['plover']} {s['source']}->{s['target']} [{s['rule']}] «{s['trigger']}» "
                f"{s['modality']}{' implied:' + s['target_basis'] + '/' + s['source_basis'] if 'implied' in (s['target_basis'], s['source_basis']) else ''} | {s['sentence'][:220]}")
        if any(g["doc"] == s["doc"] and covers(sent, normalise(g["quote"])) for g in gold_in):
            false_pos["extra_in_gold_sentence"].append(line)
        else:
            false_pos["spurious"].append(line)
            spurious_by[s["rule"].split(":")[-1]] += 1
    return {"result": result, "misses": misses, "false_pos": false_pos, "spurious_by": spurious_by}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--manifest", type=Path)
    ap.add_argument("--seed-manifest", action="store_true",
                    help="make a manifest from ../shared/gold/seed_docs.jsonl (publication dates of the seeds)")
    ap.add_argument("--dump", type=Path, help="write each gold id's matched level (0-3) as JSON, to compare runs")
    ap.add_argument("--show", action="append", default=[], help="list the items of this cause (repeatable; 'all')")
    args = ap.parse_args(argv)
    if any("heldout" in str(p) for p in [*args.paths, args.gold]):
        sys.exit("bench/heldout is for measuring only: run bench/heldout/run.py, not this analysis")
    manifest = args.manifest
    if args.seed_manifest:
        manifest = seed_manifest(ROOT.parent / "shared" / "gold" / "seed_docs.jsonl", Path(tempfile.mkdtemp()))
    gold = load_gold(args.gold)
    out = analyse(args.paths, gold, manifest)
    if args.dump:
        scope = DEFAULT_SCOPE
        gold_in = [g for g in gold if g.get("source") in scope or g.get("target") in scope]
        levels = {gold_in[gi].get("id", str(gi)): lv for gi, _, lv in out["result"].matches}
        args.dump.write_text(json.dumps({g.get("id"): levels.get(g.get("id"), 0) for g in gold_in}, indent=0))
    print(json.dumps(out["result"].as_dict()))
    print("misses (gold events not matched at L3):")
    for cause, items in sorted(out["misses"].items(), key=lambda kv: -len(kv[1])):
        print(f"  {cause:24s} {len(items)}")
    print("false positives (counted system events matching no gold event):")
    for cause, items in sorted(out["false_pos"].items(), key=lambda kv: -len(kv[1])):
        print(f"  {cause:24s} {len(items)}")
    print("  spurious by rule: " + ", ".join(f"{k} {v}" for k, v in out["spurious_by"].most_common(12)))
    for cause in args.show:
        pools = {**out["misses"], **out["false_pos"]}
        for name, items in sorted(pools.items()):
            if cause in ("all", name):
                print(f"\n== {name} ({len(items)})")
                for item in items:
                    print("  " + item)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

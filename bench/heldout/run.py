"""Run dyadscope on the held-out documents and measure it against their gold (see README.md here).

The system is run through its command line, as a user would run it:

    dyadscope extract bench/heldout/docs --jsonl …      dyadscope docs    bench/heldout/docs --jsonl …
    dyadscope periods bench/heldout/docs --jsonl …      dyadscope timex   bench/heldout/docs --jsonl …
    dyadscope eval --gold bench/heldout/gold/events.jsonl bench/heldout/docs --json

and prints, per kind of document (news, analysis, cable, encyclopedia) and overall:

- events at L1/L2/L3 and DATE, by ``dyadscope eval`` and by the reference scorer
  ``../shared/tools/score_events.py`` (the two must agree; a disagreement is printed and fails the run);
- stated periods found (the system's sentence covers the gold quote) and found with the right years;
- metadata fields right (title, author, outlet, publication date at the gold's precision, its precision, language);
- gold noise that survived cleaning, and gold quotes (events, periods, facts) lost by cleaning;
- facts found with the right value, and the planted disagreements between documents found as contradictions
  (through the library: ``analyses`` with the default stages, then ``find_contradictions``);
- dated gold events whose date a time expression of the same sentence gives (and of the same document).

    .venv/bin/python bench/heldout/run.py                 # the tables
    .venv/bin/python bench/heldout/run.py --details       # also every miss, to see what breaks
    .venv/bin/python bench/heldout/run.py --json out.json # also the figures as JSON

Exit status: 0, or 1 when ``dyadscope eval`` and the reference scorer disagree or a command failed outright.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kit

ROOT = kit.HERE.parents[1]
SHARED = Path(os.environ.get("DYADSCOPE_SHARED", ROOT.parent / "shared")).resolve()
REFERENCE = SHARED / "tools" / "score_events.py"
GROUPS = (*kit.KINDS, "all")
LEVELS = ("L1", "L2", "L3")
KEPT_NOISE = {"all_caps", "section_heading", "title_block", "typo"}          # not expected to go
JOIN_NOISE = {"hard_line_breaks", "hyphenation_across_lines", "line_break_in_compound", "pdf_line_breaks"}
Record = dict[str, Any]


def dyadscope_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "dyadscope"
    return [str(exe)] if exe.exists() else ["dyadscope"]


def run_cli(args: list[str], failures: list[str]) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(dyadscope_cmd() + args, check=False, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"})
    if proc.returncode not in (0, 1):
        failures.append(f"dyadscope {' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    elif proc.returncode == 1:
        failures.append(f"dyadscope {args[0]}: some documents failed: {proc.stderr.strip()[-300:]}")
    return proc


def reference_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_events", REFERENCE)
    if spec is None or spec.loader is None or not REFERENCE.exists():
        sys.exit(f"the reference scorer is missing at {REFERENCE}; set DYADSCOPE_SHARED")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collapse(text: str) -> str:
    return " ".join(text.split())


# --- events -------------------------------------------------------------------------------------------------

def score_events(gold: list[Record], system: list[Record], groups: dict[str, list[str]], ref: ModuleType,
                 system_path: Path, failures: list[str], tmp: Path) -> dict[str, Any]:
    """Reference scores per group, each checked against ``dyadscope eval --system`` on the same records."""
    out: dict[str, Any] = {}
    for group, docs in groups.items():
        result = ref.score(gold, system, set(docs))
        group_gold = tmp / f"gold-{group}.jsonl"
        group_gold.write_text("".join(json.dumps(g) + "\n" for g in gold if g["doc"] in docs), encoding="utf-8")
        proc = run_cli(["eval", "--gold", str(group_gold), "--system", str(system_path), "--json"], failures)
        cli = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else None
        if cli != result:
            failures.append(f"events {group}: dyadscope eval {cli} != reference {result}")
        out[group] = {**result, "agrees": cli == result}
    return out


def event_misses(gold: list[Record], system: list[Record], ref: ModuleType) -> list[str]:
    """One line per gold event in scope that is not matched at L3 or has a wrong date, with the nearest output."""
    lines = []
    for g in gold:
        if not ref.in_scope(g):
            continue
        q = ref.norm(g["quote"])
        cands = [s for s in system if s.get("doc") == g["doc"] and ref.covers(ref.norm(s.get("sentence", "")), q)]
        happened = [s for s in cands if s.get("modality") in ref.HAPPENED and ref.in_scope(s)]
        best = next((s for s in happened if s.get("source") == g["source"] and s.get("target") == g["target"]
                     and s.get("quad") == g["quad"]), None)
        if best and (not g["date_start"] or ref.date_ok(g, best)):
            continue
        want = f"{g['source']}>{g['target']} {g['plover']}/{g['quad']} {g['date_start']}..{g['date_end']}"
        if not cands:
            got = "NO EVENT IN SENTENCE"
        else:
            got = " | ".join(f"{s.get('source')}>{s.get('target')} {s.get('plover')}/{s.get('quad')} "
                             f"{s.get('date_start')}..{s.get('date_end')} {s.get('modality')} [{s.get('trigger')}]"
                             for s in cands[:3])
        lines.append(f"  {g['id']:8} want {want:48} got {got}\n           {g['quote'][:110]}")
    return lines


# --- periods ------------------------------------------------------------------------------------------------

def year(value: str | None) -> str | None:
    return str(value)[:4] if value else None


def score_periods(gold: list[Record], system: list[Record], groups: dict[str, list[str]], ref: ModuleType,
                  details: list[str]) -> dict[str, Any]:
    found: dict[str, bool] = {}
    right: dict[str, bool] = {}
    for g in gold:
        q = ref.norm(g["quote"])
        hits = [s for s in system if s.get("doc") == g["doc"] and ref.covers(ref.norm(s.get("sentence", "")), q)]
        found[g["id"]] = bool(hits)
        right[g["id"]] = any(year(s.get("start")) == year(g["start"]) and year(s.get("end")) == year(g["end"])
                             for s in hits)
        if not right[g["id"]]:
            got = "; ".join(f"{s.get('start')}–{s.get('end')}" for s in hits) or "not found"
            details.append(f"  {g['id']:8} {g['kind']:28} want {g['start']}–{g['end']!s:<8} got {got}  «{g['quote'][:70]}»")
    out: dict[str, Any] = {}
    for group, docs in groups.items():
        for label, wanted in (("stated", lambda k: not k.startswith("implicit")), ("implicit", lambda k: k.startswith("implicit"))):
            sel = [g for g in gold if g["doc"] in docs and wanted(g["kind"])]
            out.setdefault(group, {})[label] = {"gold": len(sel), "found": sum(found[g["id"]] for g in sel),
                                                 "years_right": sum(right[g["id"]] for g in sel)}
        out[group]["system"] = sum(1 for s in system if s.get("doc") in docs)
    return out


# --- metadata, cleaning -------------------------------------------------------------------------------------

def _contains(a: str | None, b: str | None) -> bool:
    na, nb = kit.norm(a), kit.norm(b)
    if not na or not nb:
        return not na and not nb
    return na in nb or nb in na


def metadata_checks(gold: Record, doc: Record) -> dict[str, bool]:
    pub, sys_pub = gold["publication_date"], doc.get("published")
    if pub is None:
        date_ok = sys_pub is None
    else:
        date_ok = bool(sys_pub) and str(sys_pub)[: len(pub)] == pub
    return {
        "title": kit.norm(gold["title"]) == kit.norm(doc.get("title")),
        "author": _contains(gold["author"], doc.get("author")),
        "outlet": _contains(gold["outlet"], doc.get("outlet")),
        "published": date_ok,
        "precision": gold["date_precision"] == doc.get("published_precision"),
        "language": doc.get("language") == gold["languages"][0],
    }


def noise_survives(item: Record, text: str) -> bool | None:
    """True when the noise is still in the cleaned text; None for noise that is meant to stay."""
    kind, quote = item["type"], item["quote"]
    if kind in KEPT_NOISE:
        return None
    if kind in JOIN_NOISE:
        pattern = "".join(r"[ \t]*\n\s*" if "\n" in part else (r"[ \t]+" if part.isspace() else re.escape(part))
                          for part in re.split(r"(\s+)", quote) if part)
        return re.search(pattern, text) is not None
    return collapse(quote) in collapse(text)


def cleaning(gold_docs: list[Record], docs: dict[str, Record], gold_quotes: list[Record], groups: dict[str, list[str]],
             details: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    meta: dict[str, Any] = {}
    noise: dict[str, Any] = {}
    lost_quotes: dict[str, list[str]] = defaultdict(list)
    for r in gold_quotes:
        text = docs.get(r["doc"], {}).get("text", "")
        if kit.norm(r["quote"]) not in kit.norm(text):
            lost_quotes[r["doc"]].append(r["id"])
    per_doc_meta = {}
    per_doc_noise: dict[str, list[tuple[Record, bool | None]]] = {}
    for g in gold_docs:
        d = docs.get(g["doc"], {})
        per_doc_meta[g["doc"]] = metadata_checks(g, d)
        per_doc_noise[g["doc"]] = [(n, noise_survives(n, d.get("text", ""))) for n in g["noise"]]
        wrong = [f"{k}: want {g.get(k if k != 'published' else 'publication_date')!r} got {d.get(k)!r}"
                 for k, ok in per_doc_meta[g["doc"]].items() if not ok and k not in ("precision", "language")]
        if not per_doc_meta[g["doc"]]["precision"]:
            wrong.append(f"precision: want {g['date_precision']!r} got {d.get('published_precision')!r}")
        survived = [f"{n['type']}«{collapse(n['quote'])[:40]}»" for n, s in per_doc_noise[g["doc"]] if s]
        if wrong or survived or lost_quotes[g["doc"]]:
            details.append(f"  {g['doc']}")
            details += [f"      metadata {w}" for w in wrong]
            details += [f"      noise kept: {s}" for s in survived]
            if lost_quotes[g["doc"]]:
                details.append(f"      gold quotes lost: {', '.join(lost_quotes[g['doc']])}")
    for group, names in groups.items():
        fields: Counter[str] = Counter()
        for name in names:
            fields.update({k: int(v) for k, v in per_doc_meta[name].items()})
        meta[group] = {"docs": len(names), **dict(fields)}
        items = [s for name in names for _, s in per_doc_noise[name] if s is not None]
        quotes = [r for r in gold_quotes if r["doc"] in names]
        noise[group] = {"noise": len(items), "survived": sum(items), "quotes": len(quotes),
                        "quotes_lost": sum(len(lost_quotes[n]) for n in names)}
    return meta, noise


# --- time expressions ---------------------------------------------------------------------------------------

def timex_of_gold_dates(gold: list[Record], timexes: list[Record], groups: dict[str, list[str]],
                        ref: ModuleType) -> dict[str, Any]:
    by_doc: dict[str, list[Record]] = defaultdict(list)
    for t in timexes:
        by_doc[t.get("doc", "")].append(t)
    in_sentence: dict[str, bool] = {}
    in_doc: dict[str, bool] = {}
    dated = [g for g in gold if g["date_start"] and ref.in_scope(g)]
    for g in dated:
        q = ref.norm(g["quote"])
        same = [t for t in by_doc[g["doc"]] if ref.date_ok(g, t)]
        in_doc[g["id"]] = bool(same)
        in_sentence[g["id"]] = any(ref.covers(ref.norm(t.get("sentence", "")), q) for t in same)
    out = {}
    for group, docs in groups.items():
        sel = [g for g in dated if g["doc"] in docs]
        out[group] = {"dated_gold": len(sel), "in_sentence": sum(in_sentence[g["id"]] for g in sel),
                      "in_document": sum(in_doc[g["id"]] for g in sel),
                      "timexes": sum(len(by_doc[d]) for d in docs)}
    return out


# --- facts and contradictions (library: the facts stage has no command of its own) -------------------------

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
ISO = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def fact_value_ok(gold_value: str, fact: Any) -> bool:
    value = str(fact.value)
    first = gold_value.split("/")[0]
    if ISO.match(first):
        return value[: len(first)] == first
    g = NUMBER.search(gold_value)
    v = NUMBER.search(value)
    if not g or not v:
        return kit.norm(gold_value) == kit.norm(value)
    gv, sv = float(g.group()), float(v.group())
    if fact.low is not None and fact.high is not None and fact.low <= gv <= fact.high:
        return True
    return any(abs(sv - gv * scale) <= 0.05 * max(abs(gv * scale), 1.0) for scale in (1, 1e3, 1e6, 1e9))


def planted_pairs(gold: list[Record]) -> list[list[Any]]:
    """[fact, fact, found] for each pair of gold facts of two documents that name each other as disagreeing."""
    pairs: list[list[Any]] = []
    for i, g in enumerate(gold):
        for h in gold[i + 1:]:
            if h["doc"] in (g["conflicts_with"] or []) and g["doc"] in (h["conflicts_with"] or []):
                pairs.append([g, h, False])
    return pairs


def same_value(gold_value: str, value: str) -> bool:
    first = gold_value.split("/")[0]
    if ISO.match(first):
        return value[: len(first)] == first or first[: len(value)] == value
    g, v = NUMBER.search(gold_value), NUMBER.search(value)
    if g is None or v is None:
        return False
    return abs(float(g.group()) - float(v.group())) <= 0.05 * max(abs(float(g.group())), 1.0)


def same_claims(pair: list[Any], a_doc: str, a_value: str, b_doc: str, b_value: str) -> bool:
    values = {a_doc: str(a_value), b_doc: str(b_value)}
    return all(same_value(str(f["value"]), values[f["doc"]]) for f in pair[:2])


def score_facts(gold: list[Record], groups: dict[str, list[str]], docs_dir: Path, ref: ModuleType,
                details: list[str]) -> dict[str, Any]:
    from dyadscope.batch import BatchSummary
    from dyadscope.code.extract import analyses
    from dyadscope.options import make_options
    from dyadscope.pipeline import DEFAULT_STAGES
    from dyadscope.resolve.contradictions import find_contradictions

    facts = [f for a in analyses([docs_dir], make_options(None), BatchSummary(), stages=DEFAULT_STAGES) for f in a.facts]
    by_doc: dict[str, list[Any]] = defaultdict(list)
    for f in facts:
        by_doc[os.path.basename(f.doc)].append(f)
    found: dict[str, bool] = {}
    right: dict[str, bool] = {}
    for g in gold:
        q = ref.norm(g["quote"])
        hits = [f for f in by_doc[g["doc"]] if ref.covers(ref.norm(f.sentence), q)]
        found[g["id"]] = bool(hits)
        right[g["id"]] = any(fact_value_ok(str(g["value"]), f) for f in hits)
        if not right[g["id"]]:
            got = "; ".join(f"{f.subject}={f.value}" for f in hits[:3]) or "not found"
            details.append(f"  {g['id']:8} want {g['subject'][:45]}={g['value']:<12} got {got}")
    planted = planted_pairs(gold)
    contradictions = find_contradictions(facts)
    expected = 0
    for c in contradictions:
        a, b = os.path.basename(c.a_doc), os.path.basename(c.b_doc)
        hit = [p for p in planted if {p[0]["doc"], p[1]["doc"]} == {a, b} and same_claims(p, a, c.a_value, b, c.b_value)]
        for p in hit:
            p[2] = True
        expected += bool(hit)
        details.append(f"  contradiction ({'planted' if hit else 'NOT IN GOLD'}): {c.subject}: {a}={c.a_value} vs {b}={c.b_value}")
    for g, h, seen in planted:
        if not seen:
            details.append(f"  planted disagreement missed: {g['subject']}: {g['doc']}={g['value']} vs {h['doc']}={h['value']}")
    out: dict[str, Any] = {}
    for group, names in groups.items():
        sel = [g for g in gold if g["doc"] in names]
        out[group] = {"gold": len(sel), "found": sum(found[g["id"]] for g in sel),
                      "value_right": sum(right[g["id"]] for g in sel),
                      "system": sum(len(by_doc[n]) for n in names)}
    out["contradictions"] = {"planted_pairs": len(planted), "found": sum(1 for p in planted if p[2]),
                             "system": len(contradictions), "not_in_gold": len(contradictions) - expected}
    return out


# --- printing -----------------------------------------------------------------------------------------------

def table(title: str, header: list[str], rows: list[list[Any]]) -> str:
    cells = [header] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def fmt(r: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))

    return "\n".join([title, fmt(header), "  ".join("-" * w for w in widths)] + [fmt(r) for r in cells[1:]])


def prf(d: dict[str, Any]) -> str:
    return f"{d['p']:.2f}/{d['r']:.2f}/{d['f1']:.2f}"


def report(res: dict[str, Any]) -> str:
    ev, per, meta, noise, tx = res["events"], res["periods"], res["metadata"], res["cleaning"], res["timex"]
    fa = res["facts"]
    parts = [
        table("EVENTS (P/R/F1; DATE = correct dates / dated gold among L1 matches, and / all dated gold)",
              ["kind", "docs", "gold", "sys", "L1", "L2", "L3", "DATE acc", "DATE rec", "ref=eval"],
              [[g, len(res["groups"][g]), ev[g]["gold"], ev[g]["system"], prf(ev[g]["L1"]), prf(ev[g]["L2"]),
                prf(ev[g]["L3"]), f"{ev[g]['DATE']['acc_of_matched']:.2f}", f"{ev[g]['DATE']['recall_of_dated']:.2f}",
                "yes" if ev[g]["agrees"] else "NO"] for g in GROUPS]),
        table("PERIODS (found = a system period's sentence covers the gold quote; years = start and end years equal)",
              ["kind", "stated gold", "found", "years", "implicit gold", "found", "years", "system"],
              [[g, per[g]["stated"]["gold"], per[g]["stated"]["found"], per[g]["stated"]["years_right"],
                per[g]["implicit"]["gold"], per[g]["implicit"]["found"], per[g]["implicit"]["years_right"],
                per[g]["system"]] for g in GROUPS]),
        table("METADATA (fields right / documents)",
              ["kind", "docs", "title", "author", "outlet", "published", "precision", "language"],
              [[g, meta[g]["docs"], *(meta[g].get(k, 0) for k in
                                      ("title", "author", "outlet", "published", "precision", "language"))]
               for g in GROUPS]),
        table("CLEANING (gold noise that survived; gold quotes of events/periods/facts no longer in the cleaned text)",
              ["kind", "noise items", "survived", "gold quotes", "lost"],
              [[g, noise[g]["noise"], noise[g]["survived"], noise[g]["quotes"], noise[g]["quotes_lost"]] for g in GROUPS]),
        table("FACTS (found = a system fact's sentence covers the gold quote; value = and its value agrees)",
              ["kind", "gold", "found", "value", "system"],
              [[g, fa[g]["gold"], fa[g]["found"], fa[g]["value_right"], fa[g]["system"]] for g in GROUPS])
        + "\ncontradictions: {found} of {planted_pairs} planted document pairs found; {system} reported, "
          "{not_in_gold} between documents the gold does not set against each other".format(**fa["contradictions"]),
        table("TIME EXPRESSIONS (dated gold events in scope whose date a timex gives, in the same sentence / anywhere)",
              ["kind", "dated gold", "in sentence", "in document", "timexes"],
              [[g, tx[g]["dated_gold"], tx[g]["in_sentence"], tx[g]["in_document"], tx[g]["timexes"]] for g in GROUPS]),
    ]
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, default=kit.DOCS, help="folder of held-out documents")
    parser.add_argument("--details", action="store_true", help="print every miss")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    gold_path = kit.GOLD / "events.jsonl"
    gold = kit.load_jsonl(gold_path)
    gold_docs = kit.load_jsonl(kit.GOLD / "docs.jsonl")
    gold_periods = kit.load_jsonl(kit.GOLD / "periods.jsonl")
    gold_facts = kit.load_jsonl(kit.GOLD / "facts.jsonl")
    groups = {k: [d["doc"] for d in gold_docs if d["kind"] == k] for k in kit.KINDS}
    groups["all"] = [d["doc"] for d in gold_docs]
    ref = reference_scorer()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="heldout-") as name:
        tmp = Path(name)
        outputs = {cmd: tmp / f"{cmd}.jsonl" for cmd in ("extract", "docs", "periods", "timex")}
        for cmd, path in outputs.items():
            run_cli([cmd, str(args.docs), "--jsonl", str(path)], failures)
        loaded = {cmd: kit.load_jsonl(p) if p.exists() else [] for cmd, p in outputs.items()}
        full = run_cli(["eval", "--gold", str(gold_path), str(args.docs), "--json"], failures)
        events = score_events(gold, loaded["extract"], groups, ref, outputs["extract"], failures, tmp)
        full_cli = json.loads(full.stdout.strip().splitlines()[-1]) if full.stdout.strip() else None
        if full_cli != ref.score(gold, loaded["extract"]):
            failures.append(f"dyadscope eval on the documents {full_cli} != reference on extract's output")
    docs = {d["doc"]: d for d in loaded["docs"]}
    details: dict[str, list[str]] = {"events": [], "periods": [], "facts": [], "cleaning": []}
    res: dict[str, Any] = {"groups": groups, "events": events}
    res["periods"] = score_periods(gold_periods, loaded["periods"], groups, ref, details["periods"])
    res["metadata"], res["cleaning"] = cleaning(gold_docs, docs, gold + gold_periods + gold_facts, groups,
                                                details["cleaning"])
    res["timex"] = timex_of_gold_dates(gold, loaded["timex"], groups, ref)
    res["facts"] = score_facts(gold_facts, groups, args.docs, ref, details["facts"])
    print(report(res))
    if args.details:
        details["events"] = event_misses(gold, loaded["extract"], ref)
        for name, lines in details.items():
            print(f"\n{name.upper()}: misses ({len(lines)})")
            print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({**res, "failures": failures}, indent=1) + "\n", encoding="utf-8")
    for f in failures:
        print(f"\nNOTE: {f}", file=sys.stderr)
    hard = [f for f in failures if "!=" in f or "exited" in f]
    return 1 if hard else 0


if __name__ == "__main__":
    sys.exit(main())

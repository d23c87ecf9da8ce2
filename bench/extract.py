"""Benchmark of ``extract`` end to end against blank spaCy tokenisation of the same text, in the same run.

The five seed documents (``../shared/corpus/seeds``) are copied into a temporary folder until the copies hold
``--mb`` megabytes (2 by default); each copy ends with its own numbered line. Then, after a warm-up on the
seeds themselves, in one process:

- *extract*: ingest (read, decode, clean, metadata) → segment → time → actors → events for every copy, the
  library path of ``dyadscope extract``;
- *tokenise*: read every copy and tokenise it with ``spacy.blank("en")`` (``make_doc``);
- a breakdown: the time of each stage on the same documents.

Each is run ``--repeat`` times (best time kept). Times are the CPU time of this process
(``time.process_time``), so other work on a shared machine does not inflate them; ``--clock wall`` measures
elapsed time instead (what a user waits on an idle machine). Figures of merit: sentences per second (one core)
for extract (goal ≥ 1,500) and the ratio extract/tokenise (goal ≤ 5). ``--profile N`` adds the top N
functions of a cProfile run of the events stage.

    .venv/bin/python bench/extract.py
    .venv/bin/python bench/extract.py --mb 5 --profile 25

Prints a JSON summary and writes it to bench/results/extract.json.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ingest import SEEDS, make_corpus  # bench/ingest.py: numbered copies of the seeds

from dyadscope.code.extract import EXTRACT_STAGES
from dyadscope.ingest import Source, load
from dyadscope.options import Options, make_options
from dyadscope.pipeline import Analysis, Stage, plan
from dyadscope.records import Document

ROOT = Path(__file__).resolve().parents[1]


#: the clock every figure is read from (``--clock``): CPU time of this process, or elapsed time
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}
clock: Callable[[], float] = time.process_time


def best_of(repeat: int, func: Callable[[], Any]) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(repeat):
        start = clock()
        value = func()
        best = min(best, clock() - start)
    return best, value


def extract_all(paths: list[Path], stages: tuple[Stage, ...], options: Options) -> tuple[int, int]:
    """Ingest and run the extract stages on every file; (sentences, events)."""
    sentences = events = 0
    for p in paths:
        analysis = Analysis(document=load(Source(path=p, doc=p.name, fmt="txt"), options))
        for st in stages:
            analysis = st.func(analysis, options)
        sentences += len(analysis.sentences)
        events += len(analysis.events)
    return sentences, events


def tokenise_all(paths: list[Path], nlp: Any) -> int:
    tokens = 0
    for p in paths:
        tokens += len(nlp.make_doc(p.read_text(encoding="utf-8")))
    return tokens


def breakdown(paths: list[Path], stages: tuple[Stage, ...], options: Options) -> dict[str, float]:
    """Seconds per step over all files (ingest, then each stage)."""
    times = {"ingest": 0.0, **{st.name: 0.0 for st in stages}}
    for p in paths:
        t0 = clock()
        doc: Document = load(Source(path=p, doc=p.name, fmt="txt"), options)
        times["ingest"] += clock() - t0
        analysis = Analysis(document=doc)
        for st in stages:
            t0 = clock()
            analysis = st.func(analysis, options)
            times[st.name] += clock() - t0
    return {k: round(v, 3) for k, v in times.items()}


def profile_events(paths: list[Path], stages: tuple[Stage, ...], options: Options, top: int) -> str:
    prepared = []
    for p in paths:
        analysis = Analysis(document=load(Source(path=p, doc=p.name, fmt="txt"), options))
        for st in stages[:-1]:
            analysis = st.func(analysis, options)
        prepared.append(analysis)
    events = stages[-1]
    prof = cProfile.Profile()
    prof.enable()
    for analysis in prepared:
        events.func(analysis, options)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="megabytes of text to run on (default 2)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each measurement; the best is kept")
    ap.add_argument("--profile", type=int, default=0, help="print the top N functions of the events stage")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                    help="cpu: CPU time of this process (default; robust on a shared machine); wall: elapsed time")
    args = ap.parse_args(argv)
    global clock
    clock = CLOCKS[args.clock]

    import spacy

    nlp = spacy.blank("en")
    options = make_options(None)
    stages = plan(EXTRACT_STAGES)
    with tempfile.TemporaryDirectory(prefix="dyadscope-bench-") as tmp:
        paths = make_corpus(Path(tmp), args.mb)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        extract_all(sorted(SEEDS.glob("*.txt")), stages, options)        # warm caches and lexicons
        tokenise_all(paths[:5], nlp)
        t_extract, (sentences, n_events) = best_of(args.repeat, lambda: extract_all(paths, stages, options))
        t_tokenise, tokens = best_of(args.repeat, lambda: tokenise_all(paths, nlp))
        steps = breakdown(paths, stages, options)
        profile = profile_events(paths[:25], stages, options, args.profile) if args.profile else ""
    summary = {
        "clock": args.clock,
        "documents": len(paths), "megabytes": round(megabytes, 2), "sentences": sentences, "events": n_events,
        "tokens": tokens, "extract_s": round(t_extract, 3), "tokenise_s": round(t_tokenise, 3),
        "sentences_per_s": round(sentences / t_extract), "ratio_extract_to_tokenise": round(t_extract / t_tokenise, 2),
        "breakdown_s": steps,
        "breakdown_ratio_to_tokenise": {k: round(v / t_tokenise, 2) for k, v in steps.items()},
        "goals": {"sentences_per_s": 1500, "ratio_extract_to_tokenise": 5},
    }
    print(json.dumps(summary, indent=2))
    if profile:
        print(profile)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "extract.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


if __name__ == "__main__":
    main()

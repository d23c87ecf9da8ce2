"""Benchmark of ingestion and cleaning against blank spaCy tokenisation of the same files, in the same run.

The five seed documents (``../shared/corpus/seeds``) are copied into a temporary folder until the copies
hold at least ``--mb`` megabytes (20 by default); each copy ends with its own numbered line so that every
copy is a distinct document. Then, after a warm-up on the seeds themselves:

- *ingest*: :func:`dyadscope.ingest.load` on every copy — read, decode, clean, metadata, language — the library
  function, not the command line;
- *tokenise*: read every copy and tokenise it with ``spacy.blank("en")`` (``make_doc``).

Each is run ``--repeat`` times (best time kept). The ratio ingest/tokenise is the figure of merit (the target is
2 or less); a breakdown times each step of ingestion on the same texts. ``--profile`` adds the top functions of
a cProfile run of the ingestion pass.

    .venv/bin/python bench/ingest.py                    # 20 MB
    .venv/bin/python bench/ingest.py --mb 5 --profile 25

Prints a JSON summary and writes it to bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dyadscope.ingest import Source, load
from dyadscope.ingest.api import clean_text
from dyadscope.ingest.decode import decode_bytes
from dyadscope.ingest.language import detect_languages
from dyadscope.ingest.meta_text import text_metadata
from dyadscope.options import Options

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DYADSCOPE_SHARED", ROOT.parent / "shared")).resolve()
SEEDS = SHARED / "corpus" / "seeds"


def make_corpus(folder: Path, megabytes: float) -> list[Path]:
    """Numbered copies of the seeds in ``folder`` until they hold ``megabytes`` MB."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        sys.exit(f"no seed documents in {SEEDS}; set DYADSCOPE_SHARED")
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    paths, total, i = [], 0, 0
    while total < megabytes * 1_000_000:
        k = i % len(seeds)
        text = f"{texts[k].rstrip()}\n\nArchive copy {i:05d}.\n"
        path = folder / f"{seeds[k].stem}_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        total += len(text.encode("utf-8"))
        i += 1
    return paths


def best_of(repeat: int, func: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def ingest_all(paths: list[Path], options: Options) -> None:
    for p in paths:
        load(Source(path=p, doc=p.name, fmt="txt"), options)


def tokenise_all(paths: list[Path], nlp: Any) -> None:
    for p in paths:
        nlp.make_doc(p.read_text(encoding="utf-8"))


def breakdown(paths: list[Path], options: Options) -> dict[str, float]:
    """Seconds spent in each step of ingestion over ``paths`` (one pass each, on the same texts)."""
    start = time.perf_counter()
    raw = [p.read_bytes() for p in paths]
    read = time.perf_counter() - start
    start = time.perf_counter()
    texts = [decode_bytes(b, "bench.txt").text for b in raw]
    decode = time.perf_counter() - start
    start = time.perf_counter()
    cleaned = [clean_text(t, "txt", None, options).text for t in texts]
    clean = time.perf_counter() - start
    start = time.perf_counter()
    for t in texts:
        text_metadata(t, options.languages)
    meta = time.perf_counter() - start
    start = time.perf_counter()
    for c, t in zip(cleaned, texts):
        detect_languages(c, options, raw_text=t)
    lang = time.perf_counter() - start
    return {"read": read, "decode": decode, "clean": clean, "metadata": meta, "language": lang}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="megabytes of copies to write (default 20)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each pass; the best is kept")
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions of a profiled pass")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = parser.parse_args()

    import spacy

    options = Options()
    nlp = spacy.blank("en")
    with tempfile.TemporaryDirectory(prefix="dyadscope-bench-ingest-") as tmp:
        paths = make_corpus(Path(tmp), args.mb)
        size = sum(p.stat().st_size for p in paths)
        warm = sorted(SEEDS.glob("*.txt"))
        ingest_all(warm, options)
        tokenise_all(warm, nlp)
        tokenise = best_of(args.repeat, lambda: tokenise_all(paths, nlp))
        ingest = best_of(args.repeat, lambda: ingest_all(paths, options))
        steps = breakdown(paths, options)
        profile_text = ""
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            ingest_all(paths[: max(1, len(paths) // 4)], options)
            prof.disable()
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(args.profile)
            profile_text = out.getvalue()
    mb = size / 1_000_000
    result = {
        "documents": len(paths), "megabytes": round(mb, 2), "cores": os.cpu_count(),
        "ingest_seconds": round(ingest, 2), "tokenise_seconds": round(tokenise, 2),
        "ingest_docs_per_s": round(len(paths) / ingest, 1), "ingest_mb_per_s": round(mb / ingest, 2),
        "tokenise_docs_per_s": round(len(paths) / tokenise, 1), "tokenise_mb_per_s": round(mb / tokenise, 2),
        "ratio_ingest_to_tokenise": round(ingest / tokenise, 2),
        "breakdown_seconds": {k: round(v, 2) for k, v in steps.items()},
    }
    if profile_text:
        print(profile_text)
    print(json.dumps(result, indent=2))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Speed of the cleaner against blank spaCy tokenisation of the same text (not collected by pytest).

    .venv/bin/python tests/text/bench_clean.py [--mb 20]

Cleans the seed documents over and over (as separate documents) until about ``--mb`` megabytes have gone
through, then tokenises the same texts with a blank English spaCy pipeline, and prints both rates and their
ratio. A second run cleans one long document (the seeds joined, each copy numbered so no paragraph repeats)
to show that time grows linearly with length.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import spacy

from dyadscope.text.clean import clean

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def _rate(n_bytes: int, seconds: float) -> float:
    return n_bytes / 1e6 / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20.0)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seeds under {SEEDS}")
    size = sum(len(t.encode("utf-8")) for t in texts)
    rounds = max(1, int(args.mb * 1e6 / size))
    clean(texts[0])                                   # load data files and compile patterns once
    nlp = spacy.blank("en")
    w0, c0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for t in texts:
            clean(t)
    w_clean, c_clean = time.perf_counter() - w0, time.process_time() - c0
    w0, c0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for t in texts:
            nlp.make_doc(t)
    w_tok, c_tok = time.perf_counter() - w0, time.process_time() - c0
    total = size * rounds
    print(f"documents: {len(texts) * rounds}  text: {total / 1e6:.1f} MB   (wall s / CPU s / MB/s of CPU time)")
    print(f"clean():           {w_clean:7.2f} / {c_clean:7.2f}  {_rate(total, c_clean):6.2f} MB/s")
    print(f"spaCy tokenise:    {w_tok:7.2f} / {c_tok:7.2f}  {_rate(total, c_tok):6.2f} MB/s")
    print(f"clean / tokenise:  {c_clean / c_tok:.2f} (CPU time)  {w_clean / w_tok:.2f} (wall time)")
    for copies in (5, 20):
        big = "\n\n".join(re.sub(r"\b(the)\b", f"the{i}", t, count=3) for i in range(copies) for t in texts)
        t0 = time.process_time()
        clean(big)
        dt = time.process_time() - t0
        n = len(big.encode("utf-8"))
        print(f"one document of {n / 1e6:.2f} MB: {dt:.2f} CPU s  {_rate(n, dt):.2f} MB/s")


if __name__ == "__main__":
    main()

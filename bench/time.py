"""Speed of the temporal tagger against blank spaCy tokenisation of the same sentences, in the same run.

The texts are the five seeds (``../shared/corpus/seeds``, cleaned as the pipeline cleans them), TimeBank and
AQUAINT (``../shared/external/tempeval3-tbaq-cleaned``) and MEANTIME, split into sentences once with
:func:`dyadscope.text.segment.segment`. Then, after a warm-up:

- *tag*: :func:`dyadscope.annotate.time.tag_sentences` on every document, given its sentences (the ``time``
  stage's work without the narrative step), and separately with :func:`narrate` added (the narrative time, as the stage runs it);
- *tokenise*: ``spacy.blank("en").make_doc`` on every sentence text.

Each pass runs ``--repeat`` times (best kept), in one process (one core), timed in CPU seconds of the process
(``time.process_time``: other work on a shared machine does not count against it; the wall-clock best is
reported too). The figures of merit: sentences per second of tagging (goal: 20,000 or more per core) and the
ratio tag time / tokenise time.

    .venv/bin/python bench/time.py
    .venv/bin/python bench/time.py --repeat 5 --copies 3

Prints a JSON summary and writes it to bench/results/time.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _documents() -> list[tuple[str, str, str | None]]:
    """(doc, text, publication date) of every benchmark document."""
    from dyadscope.evaluate.timex import read_meantime, read_timeml
    from dyadscope.ingest import Source, load
    from dyadscope.options import Options

    docs: list[tuple[str, str, str | None]] = []
    for path in sorted((SHARED / "corpus" / "seeds").glob("*.txt")):
        d = load(Source(path, path.name), Options())
        docs.append((d.doc, d.text, d.published))
    tbaq = SHARED / "external" / "tempeval3-tbaq-cleaned"
    for folder in (tbaq / "TimeBank", tbaq / "AQUAINT"):
        docs.extend((d.doc, d.text, (d.dct or "")[:10] or None) for d in read_timeml(folder))
    meantime = SHARED / "external" / "meantime-en" / "intra-doc_annotation"
    docs.extend((d.doc, d.text, d.dct) for d in read_meantime(meantime))
    return docs


def main(argv: list[str]) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes per measurement (best kept)")
    parser.add_argument("--copies", type=int, default=1, help="run over the corpus this many times per pass")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "time.json")
    args = parser.parse_args(argv)

    import spacy

    from dyadscope.annotate.time import narrate, tag_sentences
    from dyadscope.text.segment import segment

    docs = _documents()
    segmented = [(doc, text, pub, segment(doc, text)) for doc, text, pub in docs] * args.copies
    n_sentences = sum(len(s) for *_, s in segmented)
    n_chars = sum(len(t) for _, t, _, _ in segmented)
    nlp = spacy.blank("en")
    sentence_texts = [s.text for *_, sents in segmented for s in sents]

    def run_tag() -> int:
        return sum(len(tag_sentences(doc, text, sents, published=pub)) for doc, text, pub, sents in segmented)

    def run_tag_narrative() -> int:
        total = 0
        for doc, text, pub, sents in segmented:
            timexes = tag_sentences(doc, text, sents, published=pub)
            total += len(narrate(sents, timexes, text, published=pub)[1])
        return total

    def run_tokenise() -> int:
        return sum(len(nlp.make_doc(t)) for t in sentence_texts)

    walls: dict[str, float] = {}

    def best(func: object) -> tuple[float, int]:
        times, wall, result = [], [], 0
        for _ in range(args.repeat):
            start, start_wall = time.process_time(), time.perf_counter()
            result = func()  # type: ignore[operator]
            times.append(time.process_time() - start)
            wall.append(time.perf_counter() - start_wall)
        walls[getattr(func, "__name__", "?")] = min(wall)
        return min(times), result

    run_tag()
    run_tokenise()   # warm-up: compiled patterns, spaCy's tables
    tag_s, n_timex = best(run_tag)
    narrative_s, _ = best(run_tag_narrative)
    tok_s, n_tokens = best(run_tokenise)
    summary: dict[str, object] = {
        "documents": len(segmented), "sentences": n_sentences, "characters": n_chars,
        "timexes": n_timex, "tokens": n_tokens,
        "tag_seconds": round(tag_s, 3), "tag_sentences_per_s": round(n_sentences / tag_s),
        "tag_and_narrative_seconds": round(narrative_s, 3),
        "tag_and_narrative_sentences_per_s": round(n_sentences / narrative_s),
        "tokenise_seconds": round(tok_s, 3), "tokenise_sentences_per_s": round(n_sentences / tok_s),
        "ratio_tag_to_tokenise": round(tag_s / tok_s, 2),
        "ratio_tag_and_narrative_to_tokenise": round(narrative_s / tok_s, 2),
        "goal_sentences_per_s_per_core": 20000,
        "wall_seconds_best": {k: round(v, 3) for k, v in walls.items()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    main(sys.argv[1:])

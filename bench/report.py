"""Benchmark: build the report's context and render the HTML for a large synthetic corpus.

    .venv/bin/python bench/report.py [--events 100000] [--docs 200] [--out out/bench_report.html]

The records are synthetic (random dyadic events over 1991–2024 in 200 documents, with a shift from conflict
to cooperation in 2008, three quarters of them in two-event stories, with sentences, mentions, periods,
facts and contradictions); generating them is not timed. Timed: ``context_from_records`` (index, stages with bootstrap, profiles, stories) and ``render``
(figures to JSON, the page), and writing the file — wall-clock (``total_s``) and this process's CPU time
(``cpu_s``, which other programs on a busy machine do not inflate). Prints one JSON object and writes it to
bench/results/report.json. The target is under 5 s for 100,000 events.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from dyadscope.present.context import context_from_records
from dyadscope.present.report import render
from dyadscope.records import Contradiction, Document, Event, Fact, Mention, Period, Sentence, Story, text_id

PLOVER_QUAD = [("CONSULT", 1, 1.0), ("SUPPORT", 1, 3.5), ("AGREE", 1, 3.0), ("COOPERATE", 2, 6.0), ("AID", 2, 7.0),
               ("ACCUSE", 3, -2.0), ("REJECT", 3, -4.0), ("THREATEN", 3, -6.0), ("SANCTION", 4, -5.0),
               ("COERCE", 4, -7.0), ("ASSAULT", 4, -9.0)]
ISSUES = ["KARABAKH", "ENERGY", "PIPELINES", "TRADE", "SECURITY_ALIGNMENT", "CASPIAN", "MIGRATION"]
WORDS = ["the", "ministers", "met", "in", "the", "capital", "and", "agreed", "on", "a", "plan", "for", "cooperation", "while", "the", "sides", "accused", "each", "other", "of", "pressure", "over", "the", "pipeline", "and", "the", "disputed", "region"]


def synthesise(n_events: int, n_docs: int, seed: int = 7) -> dict[str, list]:
    rng = random.Random(seed)
    docs, sentences, mentions = [], [], []
    for d in range(n_docs):
        lines = [" ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + "." for _ in range(40)]
        lines = [f"Russia {ln}" if i % 3 == 0 else f"Azerbaijan is a reliable partner; {ln}" if i % 5 == 0 else ln
                 for i, ln in enumerate(lines)]
        text = " ".join(lines)
        doc_id = text_id(f"{d}:{text}")
        docs.append(Document(doc=f"doc{d:04d}.txt", doc_id=doc_id, text=text, title=f"Synthetic source {d}",
                             published=f"{rng.randint(1995, 2024)}-01-01", published_basis="manifest", language="en"))
        pos = 0
        for i, ln in enumerate(lines):
            sentences.append(Sentence(doc_id, i, 0, pos, pos + len(ln), ln))
            if ln.startswith("Russia"):
                mentions.append(Mention(doc_id, i, pos, pos + 6, "Russia", "RUS", "bench:RUS"))
            if ln.startswith("Azerbaijan"):
                mentions.append(Mention(doc_id, i, pos, pos + 10, "Azerbaijan", "AZE", "bench:AZE"))
            pos += len(ln) + 1
    events = []
    for k in range(n_events):
        d = docs[k % n_docs]
        year = rng.randint(1991, 2024)
        # a regime change in 2008: mostly conflict before, mostly cooperation after (so stages are detected)
        coop = rng.random() < (0.35 if year < 2008 else 0.7)
        plover, quad, intensity = rng.choice([p for p in PLOVER_QUAD if (p[1] <= 2) == coop])
        month = rng.randint(1, 12)
        precise = rng.random() < 0.6
        src, tgt = ("AZE", "RUS") if rng.random() < 0.5 else ("RUS", "AZE")
        sentence = " ".join(rng.choice(WORDS) for _ in range(30))
        events.append(Event(
            doc=d.doc, doc_id=d.doc_id, sentence=sentence, start=0, end=len(sentence), trigger="met", trigger_start=4,
            trigger_end=7, source=src, target=tgt, plover=plover, quad=quad, intensity=intensity,
            modality="asserted" if rng.random() < 0.9 else "opinion",
            date_start=f"{year}-{month:02d}" if precise else str(year), date_precision="month" if precise else "year",
            date_basis="explicit", issues=(rng.choice(ISSUES),), rule="bench.v1:synthetic",
            event_id=f"e{k:08d}"))
    stories = []
    for k in range(0, int(n_events * 0.75), 2):
        a, b = events[k], events[k + 1]
        stories.append(Story(story_id=f"s{k:08d}", plover=a.plover, source=a.source, target=a.target,
                             date_start=a.date_start, date_end=None, date_precision=a.date_precision,
                             event_ids=(a.event_id, b.event_id), docs=(a.doc, b.doc), issues=a.issues,
                             num_mentions=2, num_sources=2, trigger="met"))
    periods = [Period(doc=d.doc, doc_id=d.doc_id, label=f"Stage {i + 1}", start=str(1991 + 8 * i),
                      end=str(1998 + 8 * i), sentence="The relationship went through stages.", ordinal=i + 1)
               for d in docs[:12] for i in range(3)]
    facts = [Fact(doc=d.doc, doc_id=d.doc_id, subject="AZE-RUS:trade_turnover", value=str(1000 + i), unit="USD",
                  date="2020", sentence="Trade grew.", start=0, end=11, kind="quantity", actors=("AZE", "RUS"))
             for i, d in enumerate(docs)]
    contradictions = [Contradiction("fact", "AZE-RUS:trade_turnover", docs[i].doc, "1", "Trade grew.",
                                    docs[i + 1].doc, "2", "Trade fell.", "synthetic") for i in range(50)]
    return {"documents": docs, "events": events, "stories": stories, "periods": periods, "facts": facts,
            "contradictions": contradictions, "mentions": mentions, "sentences": sentences}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--out", type=Path, default=Path("out/bench_report.html"))
    args = ap.parse_args()
    data = synthesise(args.events, args.docs)
    c0 = time.process_time()
    t0 = time.perf_counter()
    ctx = context_from_records(
        data["documents"], data["events"], stories=data["stories"], periods=data["periods"], facts=data["facts"],
        contradictions=data["contradictions"], mentions=data["mentions"], sentences=data["sentences"],
        generated="bench")
    t1 = time.perf_counter()
    page = render(ctx)
    t2 = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page, encoding="utf-8")
    t3 = time.perf_counter()
    cpu = time.process_time() - c0
    result = {"events": args.events, "documents": args.docs, "stories": len(data["stories"]),
              "context_s": round(t1 - t0, 3), "render_s": round(t2 - t1, 3), "write_s": round(t3 - t2, 3),
              "total_s": round(t3 - t0, 3), "cpu_s": round(cpu, 3), "html_mb": round(len(page.encode()) / 1e6, 2),
              "timeline_points": len(ctx.timeline), "out": str(args.out)}
    Path("bench/results").mkdir(parents=True, exist_ok=True)
    Path("bench/results/report.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

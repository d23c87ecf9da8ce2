"""The report renders 100,000 events in under 5 seconds (context and page; generating the records is not timed).

Timed in this process's CPU time, so that other programs running on a shared test machine do not make it
fail; ``bench/report.py`` reports wall-clock time as well."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

from dyadscope.present.context import context_from_records
from dyadscope.present.report import render

BENCH = Path(__file__).resolve().parents[2] / "bench" / "report.py"


def test_a_hundred_thousand_events_render_in_under_five_seconds() -> None:
    spec = importlib.util.spec_from_file_location("bench_report", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    data = bench.synthesise(100_000, 200)
    started = time.process_time()
    ctx = context_from_records(
        data["documents"], data["events"], stories=data["stories"], periods=data["periods"], facts=data["facts"],
        contradictions=data["contradictions"], mentions=data["mentions"], sentences=data["sentences"],
        generated="test")
    page = render(ctx)
    seconds = time.process_time() - started
    assert len(ctx.timeline) == 20_000 and "evenly sampled" in ctx.timeline_note
    assert ctx.events_total == 100_000 and sum(p.n for p in ctx.index_year if p.direction == "both") > 55_000
    assert len(page) < 25_000_000
    assert seconds < 5.0, f"{seconds:.2f} s"

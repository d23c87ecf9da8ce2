"""Benchmark of ``dyadscope build``: throughput and peak memory over a large corpus.

The five seed documents (``../shared/corpus/seeds``) are copied N times (10,000 documents by default), each copy
varied by a line after its first paragraph so that every copy is its own document (its own doc_id). ``dyadscope build`` runs over
them as a user would run it (a subprocess; its per-document lines drive a progress bar here), while this script samples the resident memory
of the whole process tree (the build and its workers) from /proc. Then the same build is run again, which must
add nothing (incremental), and the second run's time is recorded too.

    .venv/bin/python bench/build.py                       # 10,000 documents, one worker per core
    .venv/bin/python bench/build.py --docs 2000 --workers 2 --json out/bench-build-2000.json

Prints a JSON summary: documents/s, peak RSS of the tree, of the main process and of the largest worker,
the counts the store ends with, and the re-run's time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DYADSCOPE_SHARED", ROOT.parent / "shared")).resolve()
SEEDS = SHARED / "corpus" / "seeds"


def make_corpus(folder: Path, n: int) -> int:
    """Write ``n`` varied copies of the seed documents into ``folder``; returns their total size in bytes."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        sys.exit(f"no seed documents in {SEEDS}; set DYADSCOPE_SHARED")
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    total = 0
    for i in range(n):
        k = i % len(seeds)
        sub = folder / f"{i // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        head, sep, rest = texts[k].partition("\n\n")  # the mark goes after the first paragraph: inside the body
        text = f"{head}{sep}Archive copy {i:05d}.\n\n{rest}" if sep else f"{head}\n\nArchive copy {i:05d}.\n"
        path = sub / f"{seeds[k].stem}_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(parents.get(pid, ()))
    return out


class Sampler(threading.Thread):
    """Samples the RSS of a process and its descendants every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_tree = self.peak_main = self.peak_child = self.last_tree = 0
        self.samples: list[tuple[float, int]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        t0 = time.monotonic()
        while not self.stopped.is_set():
            pids = _descendants(self.pid)
            sizes = {p: _rss_kb(p) for p in pids}
            tree = sum(sizes.values())
            self.last_tree = tree
            self.peak_tree = max(self.peak_tree, tree)
            self.peak_main = max(self.peak_main, sizes.get(self.pid, 0))
            self.peak_child = max([self.peak_child, *(v for p, v in sizes.items() if p != self.pid)])
            self.samples.append((round(time.monotonic() - t0, 1), tree))
            self.stopped.wait(self.interval)


def run_build(corpus: Path, db: Path, workers: int, total: int) -> dict[str, object]:
    """Run ``dyadscope build --verbose`` over ``corpus``, with a progress bar fed by its per-document lines, while
    sampling the memory of its process tree; also note the tree's memory as documents are settled."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    exe = Path(sys.executable).with_name("dyadscope")
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "dyadscope.cli.main"]),
           "build", str(corpus), "--db", str(db), "--workers", str(workers), "--verbose"]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    settled = 0
    by_docs: list[tuple[int, int]] = []   # (documents settled, tree RSS in MB) every tenth of the corpus
    tail: list[str] = []
    assert proc.stderr is not None
    with Progress(TextColumn("[bold]build"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True)) as bar:
        task = bar.add_task("build", total=total)
        for line in proc.stderr:
            if line.split(" ", 1)[0] in ("added", "stored", "failed", "recoded"):
                settled += 1
                bar.update(task, completed=settled)
                if settled % max(1, total // 10) == 0:
                    by_docs.append((settled, sampler.last_tree // 1024))
            else:
                tail.append(line.rstrip())
    rc = proc.wait()
    seconds = time.monotonic() - t0
    sampler.stopped.set()
    sampler.join()
    return {"exit_code": rc, "seconds": round(seconds, 1), "documents_settled": settled,
            "peak_rss_tree_mb": sampler.peak_tree // 1024, "peak_rss_main_mb": sampler.peak_main // 1024,
            "peak_rss_largest_worker_mb": sampler.peak_child // 1024,
            "rss_tree_mb_by_documents_settled": by_docs,
            "summary": [" ".join(t.strip("│┌┐└┘─┬┴├┤ ").split()) for t in tail if t.strip("│┌┐└┘─┬┴├┤ ")]}


def store_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ("documents", "sentences", "timexes", "mentions", "events", "periods", "facts", "stories",
                          "contradictions")}
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents to build (copies of the seeds)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="build --workers")
    ap.add_argument("--workdir", type=Path, default=None, help="where to put the corpus and the store (kept)")
    ap.add_argument("--json", type=Path, default=None, help="also write the summary here")
    ap.add_argument("--no-rerun", action="store_true", help="skip the incremental re-run")
    ap.add_argument("--keep", action="store_true", help="keep the corpus and the store (in --workdir or a temp dir)")
    args = ap.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="dyadscope-bench-"))
    corpus, db = work / "corpus", work / "bench.duckdb"
    if corpus.exists():
        shutil.rmtree(corpus)
    for p in (db, db.with_name(db.name + ".wal")):
        p.unlink(missing_ok=True)
    size = make_corpus(corpus, args.docs)
    first = run_build(corpus, db, args.workers, args.docs)
    result: dict[str, object] = {
        "documents": args.docs, "corpus_mb": round(size / 2**20, 1), "workers": args.workers,
        "cpu_count": os.cpu_count(), "build": first,
        "documents_per_second": round(args.docs / float(first["seconds"]), 2),  # type: ignore[arg-type]
        "store": store_counts(db), "store_mb": round(db.stat().st_size / 2**20, 1),
    }
    if not args.no_rerun:
        second = run_build(corpus, db, args.workers, args.docs)
        result["rerun"] = second
        result["rerun_store_unchanged"] = store_counts(db) == result["store"]
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    if args.workdir is None and not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

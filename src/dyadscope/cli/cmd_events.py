"""``dyadscope events``: stored events as a table, or exported as CSV, JSON lines, Parquet or PLOVER JSON."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import UsageError
from ..present.export import (
    FORMATS,
    EventQuery,
    gdelt_rows,
    plover_records,
    write_csv,
    write_json_array,
    write_jsonl,
    write_parquet,
)
from ..store import DEFAULT_DB, open_store
from .common import err_console, handles_errors, output

_SUFFIX_FORMAT = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".json": "json"}


def choose_format(fmt: str | None, out: Path | None, plover: bool) -> str:
    """The output format from --format, else from --out's suffix, else a table (a JSON array for PLOVER)."""
    if fmt is None and out is not None:
        fmt = _SUFFIX_FORMAT.get(out.suffix.lower())
    if fmt is None or fmt == "json":
        fmt = "json" if plover else ("table" if out is None else "csv")
    if fmt not in FORMATS and fmt != "json":
        raise UsageError(f"unknown --format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if plover and fmt in ("csv", "parquet"):
        raise UsageError("--plover-json writes JSON", hint="use --format jsonl, or leave --format out for an array")
    if plover and fmt == "table":
        fmt = "json"
    if fmt == "parquet" and out is None:
        raise UsageError("Parquet needs a file", hint="add --out events.parquet")
    return fmt


def _table(rows: Iterator[dict[str, Any]], console: Console) -> int:
    table = Table(show_lines=False, header_style="bold", expand=False)
    for col in ("date", "source", "event", "target", "quad", "int.", "src"):
        table.add_column(col, no_wrap=True)
    table.add_column("trigger", no_wrap=True, max_width=18, overflow="ellipsis")
    table.add_column("doc", no_wrap=True, max_width=24, overflow="ellipsis")
    table.add_column("sentence", overflow="fold", ratio=1, min_width=30)
    n = 0
    for r in rows:
        date = r["date_start"] or "—"
        if r["date_end"] and r["date_end"] != r["date_start"]:
            date += f"/{r['date_end']}"
        sentence = r["sentence"] if len(r["sentence"]) <= 200 else r["sentence"][:197] + "…"
        table.add_row(date, r["Actor1Code"] or "—", r["EventCode"], r["Actor2Code"] or "—",
                      str(r["QuadClass"] or ""), f"{r['GoldsteinScale']:+.1f}", str(r["NumSources"]), r["trigger"],
                      r["doc"], sentence)
        n += 1
    console.print(table)
    return n


def register(app: typer.Typer) -> None:
    @app.command("events")
    @handles_errors
    def events(
        db: Annotated[Path, typer.Option("--db", help="The store built by dyadscope build.")] = Path(DEFAULT_DB),
        dyad: Annotated[str | None, typer.Option("--dyad", help="Two actor codes, either direction: AZE-RUS.")] = None,
        since: Annotated[str | None, typer.Option("--since", help="Events dated on or after: 1991, 1991-06, 1991-06-15.")] = None,
        until: Annotated[str | None, typer.Option("--until", help="Events dated on or before: 2000, 2000-06.")] = None,
        issue: Annotated[str | None, typer.Option("--issue", help="One issue code: KARABAKH, ENERGY, CASPIAN, ...")] = None,
        fmt: Annotated[str | None, typer.Option("--format", help="table (default), csv, jsonl or parquet.")] = None,
        out: Annotated[Path | None, typer.Option("--out", help="Write to this file (format from its suffix).")] = None,
        plover_json: Annotated[bool, typer.Option("--plover-json", help="Records in the PLOVER JSON format.")] = False,
        all_modalities: Annotated[bool, typer.Option("--all", help="Also events that did not happen "
                                                     "(hypothetical, future, negated, opinion).")] = False,
        limit: Annotated[int | None, typer.Option("--limit", help="At most this many events.")] = None,
    ) -> None:
        """List or export the events in the store, with their evidence.

        CSV, JSON lines and Parquet carry GDELT-style columns (GLOBALEVENTID, SQLDATE, Actor1Code, Actor2Code,
        EventCode = the PLOVER type, QuadClass, GoldsteinScale = our intensity, NumMentions, NumSources,
        SOURCEURL) followed by the evidence (sentence, doc, start, end, rule, date_basis, modality).
        --plover-json writes PLOVER records (a JSON array, or one per line with --format jsonl).

        Example: dyadscope events --dyad AZE-RUS --since 1991 --until 2000-06 --issue KARABAKH --out ev.csv
        """
        chosen = choose_format(fmt, out, plover_json)
        query = EventQuery(dyad=dyad, since=since, until=until, issue=issue, happened_only=not all_modalities)
        with open_store(db, read_only=True) as store:
            records = plover_records(store, query) if plover_json else gdelt_rows(store, query)
            if limit is not None:
                records = itertools.islice(records, max(0, limit))
            if chosen == "parquet":
                assert out is not None
                tmp = out.with_name(out.name + ".part")
                n = write_parquet(records, tmp)
                tmp.replace(out)
            elif chosen == "table" and out is None:
                terminal = Console(file=sys.stdout)
                n = _table(records, terminal if terminal.is_terminal else Console(file=sys.stdout, width=200))
            else:
                with output(out) as fh:
                    if chosen == "table":
                        n = _table(records, Console(file=fh, width=200))
                    elif chosen == "csv":
                        n = write_csv(records, fh)
                    elif chosen == "jsonl":
                        n = write_jsonl(records, fh)
                    else:
                        n = write_json_array(records, fh)
        if out is not None or chosen != "table":
            err_console.print(f"{n} event(s){f' written to {out}' if out else ''}")

"""Manifests: the metadata a user knows about their files (DESIGN §5).

Three shapes are read (columns in ``data/ingest/manifest.yaml``):

- ``manifest.csv`` with ``file,title,author,outlet,published,url`` (and optionally ``encoding``);
- ``manifest.jsonl``: one object per line with the same keys;
- a Zotero CSV export as it comes (``Title``, ``Author``, ``Publication Title``, ``Date``, ``Url``,
  ``File Attachments``): attachments are absolute paths separated by ``; `` and are matched on their last
  folder and name, or on the name alone when that is unique; authors "Last, First" become "First Last".

A file is matched by its absolute path, its path relative to the manifest's folder, its folder and name, or
its name when no other row has the same name. Manifest values win over anything found in the document.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any

from ..errors import ManifestError
from ..lexicon import load_yaml, version_of
from .dates import parse_date
from .items import MetaValue

_FIELDS = ("title", "author", "outlet", "published", "url", "encoding")


@dataclass(frozen=True, slots=True)
class ManifestRow:
    line: int
    files: tuple[str, ...]
    values: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        return dict(self.values).get(name)


@dataclass(frozen=True, slots=True)
class Manifest:
    path: Path
    kind: str                                # "csv" | "jsonl" | "zotero"
    rows: tuple[ManifestRow, ...]
    _index: dict[str, list[ManifestRow]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def base(self) -> Path:
        return self.path.parent

    def lookup(self, file: Path) -> ManifestRow | None:
        """The row describing ``file``, or None."""
        resolved = Path(file).resolve()
        keys = [f"abs:{resolved.as_posix()}"]
        try:
            keys.append(f"rel:{resolved.relative_to(self.base.resolve()).as_posix()}")
        except ValueError:
            pass
        keys.append(f"tail:{resolved.parent.name}/{resolved.name}")
        keys.append(f"name:{resolved.name}")
        for key in keys:
            rows = self._index.get(key, [])
            if len(rows) == 1:
                return rows[0]
        return None


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return dict(load_yaml("ingest/manifest.yaml"))


def _norm(column: str) -> str:
    return " ".join(column.replace("_", " ").lower().split())


def _index(rows: list[ManifestRow], base: Path) -> dict[str, list[ManifestRow]]:
    index: dict[str, list[ManifestRow]] = defaultdict(list)
    for row in rows:
        keys: set[str] = set()
        for ref in row.files:
            p = PureWindowsPath(ref) if "\\" in ref and "/" not in ref else PurePath(ref)
            name = p.name
            keys.add(f"name:{name}")
            if len(p.parts) > 1:
                keys.add(f"tail:{p.parent.name}/{name}")
            full = Path(ref) if Path(ref).is_absolute() else base / ref
            keys.add(f"abs:{full.resolve().as_posix()}")
            if not p.is_absolute():
                keys.add(f"rel:{Path(ref).as_posix().lstrip('./')}")
        for key in keys:
            index[key].append(row)
    return dict(index)


def read_manifest(path: Path) -> Manifest:
    """Read the manifest at ``path``; raises ManifestError (naming the file and line) when it is malformed."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ManifestError(path, f"cannot read the manifest ({exc.strerror or exc})",
                            hint="check the path and its permissions") from exc
    except UnicodeDecodeError as exc:
        raise ManifestError(path, f"the manifest is not UTF-8 (byte {exc.start})",
                            hint="save the manifest as UTF-8") from exc
    if path.suffix.lower() == ".jsonl":
        kind, rows = "jsonl", _jsonl_rows(path, text)
    else:
        kind, rows = _csv_rows(path, text)
    return Manifest(path=path, kind=kind, rows=tuple(rows), _index=_index(rows, path.parent))


def _row(path: Path, line: int, record: dict[str, Any], mapping: dict[str, str], zotero: bool) -> ManifestRow:
    cfg = _config()["zotero"]
    values: list[tuple[str, str]] = []
    files: tuple[str, ...] = ()
    for column, value in record.items():
        name = mapping.get(_norm(str(column))) if column is not None else None
        if name is None or value is None:
            continue
        value = str(value).strip()
        if not value:
            continue
        if name == "file":
            parts = value.split(cfg["attachment_separator"]) if zotero else [value]
            files = tuple(p.strip() for p in parts if p.strip())
        elif name == "author" and zotero:
            values.append((name, _zotero_authors(value, cfg["author_separator"])))
        else:
            values.append((name, value))
    return ManifestRow(line=line, files=files, values=tuple(values))


def _zotero_authors(value: str, separator: str) -> str:
    names = []
    for person in value.split(separator.strip()):
        person = person.strip()
        if "," in person:
            last, first = (s.strip() for s in person.split(",", 1))
            person = f"{first} {last}".strip()
        if person:
            names.append(person)
    return "; ".join(names)


def _plain_mapping() -> dict[str, str]:
    return {_norm(alias): name for name, aliases in _config()["columns"].items() for alias in aliases}


def _csv_rows(path: Path, text: str) -> tuple[str, list[ManifestRow]]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h for h in (reader.fieldnames or []) if h is not None]
    zcfg = _config()["zotero"]
    zotero = all(col in header for col in zcfg["signature"][-1:]) and any(c in header for c in zcfg["signature"][:-1])
    if zotero:
        mapping = {_norm(col): name for name, col in zcfg["columns"].items()}
    else:
        mapping = _plain_mapping()
    if "file" not in {mapping.get(_norm(h)) for h in header}:
        raise ManifestError(path, f"the manifest has no file column (columns found: {', '.join(header) or 'none'})")
    rows = []
    try:
        for i, record in enumerate(reader, start=2):
            if None in record:
                raise ManifestError(path, f"line {i} has more cells than the header has columns",
                                    hint="quote cells that hold commas")
            row = _row(path, i, record, mapping, zotero)
            if row.files:
                rows.append(row)
    except csv.Error as exc:
        raise ManifestError(path, f"line {reader.line_num}: {exc}") from exc
    return ("zotero" if zotero else "csv"), rows


def _jsonl_rows(path: Path, text: str) -> list[ManifestRow]:
    mapping = _plain_mapping()
    rows = []
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ManifestError(path, f"line {i} is not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise ManifestError(path, f"line {i} is not a JSON object")
        row = _row(path, i, record, mapping, zotero=False)
        if not row.files:
            raise ManifestError(path, f"line {i} has no \"file\" key")
        rows.append(row)
    return rows


def manifest_values(manifest: Manifest, row: ManifestRow) -> tuple[MetaValue, ...]:
    """The metadata of one manifest row as MetaValues (basis "manifest").

    A ``published`` cell that cannot be read as a date comes back with ``precision=None`` so the caller can
    warn about it and fall back to other sources.
    """
    rule = f"ingest.manifest.v{version_of('ingest/manifest.yaml')}:{manifest.kind}"
    where = f"{manifest.path.name} line {row.line}"
    out = []
    for name, value in row.values:
        if name == "published":
            parsed = parse_date(value)
            if parsed is None:
                out.append(MetaValue(name, value, "manifest", rule, where, precision=None))
                continue
            out.append(MetaValue(name, parsed.value, "manifest", rule, where, precision=parsed.precision))
        elif name in _FIELDS:
            out.append(MetaValue(name, value, "manifest", rule, where))
    return tuple(out)

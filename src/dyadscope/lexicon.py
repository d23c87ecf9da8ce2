"""The one loader for language data under ``dyadscope/data/``.

Actor dictionaries, trigger lexicons, issue lexicons, date words and boilerplate patterns are YAML or CSV
files. This module reads them, validates their shape and gives every entry a stable id; nothing of the
kind is a literal in code (STYLE 2). Loads are cached, so calling these in a hot path is cheap.

Conventions for a data file:

- YAML files start with a mapping holding ``version`` (an integer) and ``entries`` (a list of mappings),
  or they are a plain mapping for small tables (``load_yaml``).
- Each entry has an ``id`` unique within the file; :func:`load_entries` prefixes it with the file's stem,
  so ids are unique across files (``actors/states:RUS``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .errors import DataFileError

_PACKAGE = "dyadscope"


def _read_text(name: str) -> str:
    path = resources.files(_PACKAGE).joinpath("data", *name.split("/"))
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataFileError(f"language data file data/{name} is missing",
                            hint="reinstall dyadscope (pip install -e .) or restore the file") from exc


@cache
def load_yaml(name: str) -> Any:
    """Parsed YAML of ``data/<name>`` (cached; treat the result as read-only)."""
    try:
        return yaml.safe_load(_read_text(name))
    except yaml.YAMLError as exc:
        raise DataFileError(f"data/{name} is not valid YAML: {exc}", hint="fix the file's syntax") from exc


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<name>`` as dicts (cached); lines starting with ``#`` are comments."""
    text = _read_text(name)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(io.StringIO("\n".join(lines))))


def version_of(name: str) -> int:
    """The ``version`` field of a YAML data file (1 when absent)."""
    data = load_yaml(name)
    return int(data.get("version", 1)) if isinstance(data, dict) else 1


@cache
def load_entries(name: str, required: Sequence[str] = ()) -> tuple[dict[str, Any], ...]:
    """Entries of a YAML data file, validated: each is a mapping with a unique ``id`` and the required keys.

    Returns copies with ``id`` made global: ``"<file stem>:<id>"``.
    """
    data = load_yaml(name)
    entries = data.get("entries") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise DataFileError(f"data/{name} has no list of entries", hint="put the entries under 'entries:'")
    stem = re.sub(r"\.(ya?ml|csv)$", "", name)
    seen: set[str] = set()
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise DataFileError(f"data/{name}: entry {i + 1} is not a mapping")
        missing = [k for k in ("id", *required) if k not in entry]
        if missing:
            raise DataFileError(f"data/{name}: entry {i + 1} ({entry.get('id', '?')}) lacks {', '.join(missing)}")
        eid = str(entry["id"])
        if eid in seen:
            raise DataFileError(f"data/{name}: duplicate id {eid!r}", hint="give every entry its own id")
        seen.add(eid)
        out.append({**entry, "id": f"{stem}:{eid}"})
    return tuple(out)


def words_pattern(words: Iterable[str], *, boundary: bool = True) -> str:
    """A regex alternation for a word list, longest first, each escaped (for lexicons compiled to regex)."""
    alts = sorted({re.escape(w) for w in words if w}, key=len, reverse=True)
    body = "|".join(alts) if alts else r"(?!x)x"
    return rf"\b(?:{body})\b" if boundary else f"(?:{body})"

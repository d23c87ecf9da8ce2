"""Quad class and intensity of an event, from the documented table ``data/events/intensity.yaml``."""

from __future__ import annotations

from functools import cache

from ..errors import DataFileError
from ..lexicon import load_entries
from ..records import PLOVER_TYPES

INTENSITY_FILE = "events/intensity.yaml"

_Key = tuple[str, str | None, str | None]


@cache
def _table() -> dict[_Key, tuple[int | None, float]]:
    table: dict[_Key, tuple[int | None, float]] = {}
    for row in load_entries(INTENSITY_FILE, required=("plover", "quad", "intensity", "reason")):
        plover = str(row["plover"])
        if plover not in PLOVER_TYPES:
            raise DataFileError(f"data/{INTENSITY_FILE}: row {row['id']} has unknown type {plover!r}")
        value = float(row["intensity"])
        if not -10.0 <= value <= 10.0:
            raise DataFileError(f"data/{INTENSITY_FILE}: row {row['id']} intensity {value} is outside -10..10")
        quad = row["quad"]
        table[(plover, row.get("mode"), row.get("form"))] = (int(quad) if quad is not None else None, value)
    missing = [t for t in PLOVER_TYPES if (t, None, None) not in table]
    if missing:
        raise DataFileError(f"data/{INTENSITY_FILE} has no default row for {', '.join(missing)}",
                            hint="add a row with only plover, quad, intensity and reason for each type")
    return table


def quad_and_intensity(plover: str, mode: str | None = None, form: str | None = None) -> tuple[int | None, float]:
    """(quad, intensity) for a type, refined by mode and form where the table has a row for them."""
    table = _table()
    for key in ((plover, mode, form), (plover, None, form), (plover, mode, None), (plover, None, None)):
        if key in table:
            return table[key]
    raise DataFileError(f"no intensity row for {plover}", hint=f"add one to data/{INTENSITY_FILE}")

"""Choosing a document's metadata among the values found for it.

Candidates come from the manifest, the file format (HTML metadata, DOCX core properties, the PDF information
dictionary) and the text (:mod:`dyadscope.ingest.meta_text`). For each field the value from the strongest
kind of evidence wins (the ``bases`` order of ``data/ingest/metadata.yaml``: manifest first), and within one
kind the first found. Nothing is invented: no candidate, no value (``published_basis: "none"``).

Publication dates are checked against each other: an all-numeric date whose day and month could be swapped
(4/5/2004) keeps day precision only when another source confirms that reading, and is otherwise kept at
year precision; sources that disagree give a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..lexicon import load_yaml
from .items import META_FIELDS, MetaValue


@dataclass(frozen=True, slots=True)
class ChosenMetadata:
    values: dict[str, MetaValue] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def get(self, name: str) -> str | None:
        v = self.values.get(name)
        return v.value if v else None

    def document_fields(self) -> dict[str, Any]:
        """The Document fields these values fill."""
        published = self.values.get("published")
        out: dict[str, Any] = {name: self.get(name) for name in META_FIELDS}
        out["published_precision"] = published.precision if published else None
        out["published_basis"] = published.basis if published else "none"
        out["metadata_basis"] = {name: v.basis for name, v in self.values.items()}
        out["metadata_evidence"] = {name: v.evidence() for name, v in self.values.items()}
        return out


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    bases = load_yaml("ingest/metadata.yaml")["bases"]
    return {str(b): i for i, b in enumerate(bases)}


def _rank(v: MetaValue) -> int:
    return _ranks().get(v.basis, len(_ranks()))


def _agree(a: str, b: str) -> bool:
    """Two ISO dates agree when one is a prefix of the other (2003 and 2003-03-12)."""
    return a.startswith(b) or b.startswith(a)


def _date(candidates: list[MetaValue], warnings: list[str]) -> MetaValue | None:
    usable = []
    for v in candidates:
        if v.precision is None:
            warnings.append(f"the {v.basis} date {v.value!r} ({v.text}) is not a date dyadscope can read; ignored")
        else:
            usable.append(v)
    if not usable:
        return None
    chosen = usable[0]
    others = [v for v in usable[1:] if v.basis != chosen.basis or v.rule != chosen.rule]
    if chosen.alternative:
        if any(o.precision == "day" and o.value == chosen.alternative for o in others):
            chosen = replace(chosen, value=chosen.alternative, alternative=None)
        elif not any(o.precision == "day" and o.value == chosen.value for o in others):
            warnings.append(f"the date in {chosen.text!r} could be read day-first or month-first and nothing else "
                            f"in the document settles it; kept the year only")
            chosen = replace(chosen, value=chosen.value[:4], precision="year", alternative=None)
    for o in others:
        if not _agree(o.value, chosen.value) and not (o.alternative and _agree(o.alternative, chosen.value)):
            warnings.append(f"publication date: {o.basis} says {o.value} ({o.text!r}) but {chosen.basis} says "
                            f"{chosen.value}; kept {chosen.value}")
            break
    return chosen


def choose(candidates: Sequence[MetaValue]) -> ChosenMetadata:
    """The value of each field from the strongest evidence, with warnings about conflicts."""
    ordered = sorted(enumerate(candidates), key=lambda iv: (_rank(iv[1]), iv[0]))
    by_field: dict[str, list[MetaValue]] = {}
    for _, v in ordered:
        by_field.setdefault(v.field, []).append(v)
    warnings: list[str] = []
    values: dict[str, MetaValue] = {}
    for name in META_FIELDS:
        found = by_field.get(name, [])
        if name == "published":
            chosen = _date(found, warnings)
            if chosen:
                values[name] = chosen
        elif found:
            values[name] = found[0]
    return ChosenMetadata(values=values, warnings=tuple(warnings))

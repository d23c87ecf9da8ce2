"""The small records ingestion passes between its steps.

- :class:`Source` — a file found by :func:`~dyadscope.ingest.walk.discover`, with its format and the manifest
  row that describes it (if any);
- :class:`Skipped` — a file that is not a document, with the reason;
- :class:`MetaValue` — one metadata value with where it came from;
- :class:`Loaded` — what a format loader made of a file's bytes, before cleaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Removal

#: the metadata fields a document carries
META_FIELDS: tuple[str, ...] = ("title", "author", "outlet", "url", "published")


@dataclass(frozen=True, slots=True)
class MetaValue:
    """One value for a metadata field, and the evidence for it.

    ``basis`` is the kind of evidence ("manifest", "html", "dateline", "byline", …); ``rule`` the rule id and
    version that read it; ``text`` the exact text it was read from; ``start``/``end`` its offsets in the
    decoded text before cleaning (None for file properties and manifests). For ``published``, ``precision``
    is day, month, season or year.
    """

    field: str
    value: str
    basis: str
    rule: str
    text: str = ""
    start: int | None = None
    end: int | None = None
    precision: str | None = None
    #: for an all-numeric date whose day and month could be swapped: the other reading
    alternative: str | None = None

    def evidence(self) -> dict[str, Any]:
        out: dict[str, Any] = {"basis": self.basis, "rule": self.rule, "text": self.text}
        if self.start is not None:
            out["start"] = self.start
            out["end"] = self.end
        return out


@dataclass(frozen=True, slots=True)
class Source:
    """A file to load. ``doc`` is the name reported for it (the basename); ``fmt`` the format found by
    :func:`discover` (None: decided from the extension when loading); ``meta`` the manifest's values;
    ``encoding`` an encoding the manifest gives for the file (overrides detection)."""

    path: Path
    doc: str
    fmt: str | None = None
    meta: tuple[MetaValue, ...] = ()
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path that is not a document (an image, a hidden or ignored file …) and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Loaded:
    """A file's text as its loader read it, before cleaning.

    ``text`` goes to the cleaner; ``meta_text`` is what metadata rules read (for PDFs it still holds the
    running headers the loader took out of ``text``); ``pages`` is the text per PDF page (for the cleaner's
    running-header rules); ``properties`` are metadata from the file format (HTML meta tags, DOCX core
    properties, the PDF information dictionary); ``removed`` what the loader itself dropped.
    """

    text: str
    fmt: str
    meta_text: str
    encoding: str | None = None
    pages: tuple[str, ...] | None = None
    properties: tuple[MetaValue, ...] = ()
    removed: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = ()

"""Minimal ingestion (plain UTF-8 text only); replaced by the full loaders."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import IngestError, UnreadableFileError
from ..options import Options
from ..records import Document, text_id


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    doc: str


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


def discover(paths: Sequence[Path], options: Options) -> Iterator[Source | Skipped | IngestError]:
    for p in paths:
        p = Path(p)
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file():
                if f.suffix.lower() in (".txt", ".md"):
                    yield Source(f, f.name)
                else:
                    yield Skipped(str(f), f"unsupported file type {f.suffix or '(none)'}")


def load(source: Source, options: Options) -> Document:
    try:
        text = source.path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UnreadableFileError(source.path, str(exc)) from exc
    return Document(doc=source.doc, doc_id=text_id(text), text=text, path=str(source.path))


def ingest_paths(paths: Sequence[Path], options: Options) -> Iterator[Document | Skipped | IngestError]:
    for item in discover(paths, options):
        if isinstance(item, Source):
            try:
                yield load(item, options)
            except IngestError as exc:
                yield exc
        else:
            yield item

"""Ingestion: files and folders in, clean :class:`~dyadscope.records.Document` records out (DESIGN §1–2).

Public API (used by the CLI and by ``build``):

- :func:`discover` — walk paths into :class:`Source` items, :class:`Skipped` items (unsupported files, with
  a reason) and :class:`~dyadscope.errors.IngestError` items (symlink loops, unreadable folders);
- :func:`load` — one source into a Document (raises an IngestError subclass on bad input);
- :func:`ingest_paths` — both, failing soft per file.
"""

from .api import Skipped, Source, discover, ingest_paths, load

__all__ = ["Skipped", "Source", "discover", "ingest_paths", "load"]

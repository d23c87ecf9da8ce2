"""Ingestion: files and folders in, clean :class:`~dyadscope.records.Document` records out (DESIGN §1–2).

Public API (used by the CLI, by ``build`` and by batch runs):

- :func:`discover` — walk paths into :class:`Source` items, :class:`Skipped` items (unsupported, hidden or
  ignored files, with a reason) and :class:`~dyadscope.errors.IngestError` items (symlink loops, unreadable
  folders, malformed manifests);
- :func:`load` — one source into a Document (raises an IngestError subclass on bad input);
- :func:`load_file` — one path into a Document; :func:`from_text` — a string into a Document;
- :func:`document_from_bytes` — a file's bytes into a Document;
- :func:`ingest_paths` — discover and load, failing soft per file.
"""

from .api import document_from_bytes, from_text, ingest_paths, load, load_file
from .items import MetaValue, Skipped, Source
from .walk import discover

__all__ = ["MetaValue", "Skipped", "Source", "discover", "document_from_bytes", "from_text", "ingest_paths",
           "load", "load_file"]

"""Loading one file into a :class:`~dyadscope.records.Document`: read, decode, extract, clean, metadata, language.

The steps, for a file's bytes:

1. the format loader (:mod:`.load_text`, :mod:`.load_html`, :mod:`.load_pdf`, :mod:`.load_docx`) gives the
   raw text, file-level metadata and what it dropped itself (PDF margins and footnote markers);
2. the cleaner (``dyadscope.text.clean.clean``) removes boilerplate and repairs the text; every change is
   kept in ``removed``. Where the cleaner is not installed the decoded text is used as it is, with a warning;
3. metadata: manifest, then file properties, then the text's own header lines read *before* cleaning
   (:mod:`.meta_text`, chosen by :mod:`.metadata`);
4. languages of the cleaned text (:mod:`.language`).

``doc_id`` is the sha256 of the cleaned text. Every failure is an IngestError subclass naming the file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import DyadscopeError, EmptyFileError, FileTooLargeError, IngestError, UnreadableFileError
from ..options import Options
from ..records import Document, Removal, text_id
from .items import Loaded, MetaValue, Skipped, Source
from .language import detect_languages
from .load_docx import load_docx
from .load_html import load_html
from .load_pdf import load_pdf
from .load_text import load_text
from .meta_text import text_metadata
from .metadata import choose
from .walk import discover, format_of

CLEANER_MISSING = "the text cleaner (dyadscope.text.clean) is not installed: the text is as decoded, uncleaned"


@dataclass(frozen=True, slots=True)
class _Cleaned:
    text: str
    removed: tuple[Removal, ...]
    warnings: tuple[str, ...]
    notes: str | None


def sniff_format(data: bytes) -> str:
    """The format of a file without a known extension, from its first bytes."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
    head = data[:2048].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "html"
    return "txt"


def _load_format(data: bytes, path: Path, fmt: str, encoding: str | None) -> Loaded:
    if fmt == "pdf":
        return load_pdf(data, path)
    if fmt == "docx":
        return load_docx(data, path)
    if fmt == "html":
        return load_html(data, path, encoding)
    return load_text(data, path, fmt, encoding)


def clean_text(raw: str, fmt: str, pages: Sequence[str] | None, options: Options) -> _Cleaned:
    """Run the cleaner on a loader's text; the text unchanged (with a warning) if no cleaner is installed."""
    try:
        from ..text.clean import clean
    except ImportError as exc:  # not installed, or its package is still without ``clean``
        if exc.name and "dyadscope.text.clean".startswith(exc.name):
            return _Cleaned(raw.strip("\n"), (), (CLEANER_MISSING,), None)
        raise
    cleaned = clean(raw, fmt=fmt, pages=list(pages) if pages is not None else None, options=options)
    return _Cleaned(cleaned.text, tuple(cleaned.removed), tuple(cleaned.warnings), cleaned.notes)


def document_from_bytes(data: bytes, doc: str, options: Options, *, fmt: str | None = None,
                        path: Path | None = None, meta: Sequence[MetaValue] = (),
                        encoding: str | None = None) -> Document:
    """A Document from a file's bytes. ``fmt`` defaults to the extension of ``doc`` (or sniffing)."""
    where = path if path is not None else Path(doc)
    if not data:
        raise EmptyFileError(where, "the file is empty (0 bytes)")
    fmt = fmt or format_of(Path(doc)) or sniff_format(data)
    try:
        loaded = _load_format(data, where, fmt, encoding)
        cleaned = clean_text(loaded.text, loaded.fmt, loaded.pages, options)
        if not cleaned.text.strip():
            raise EmptyFileError(where, "no text is left after cleaning (the file holds only boilerplate)",
                                 hint="check the file's content; it may be a navigation page or a cover")
        chosen = choose((*meta, *loaded.properties, *text_metadata(loaded.meta_text, tuple(options.languages))))
        langs = detect_languages(cleaned.text, options, raw_text=loaded.meta_text)
    except DyadscopeError:
        raise
    except Exception as exc:
        raise IngestError(where, f"unexpected {type(exc).__name__} while reading it: {exc}",
                          hint="this is a bug in dyadscope; please report it together with the file") from exc
    return Document(
        doc=doc, doc_id=text_id(cleaned.text), text=cleaned.text, **chosen.document_fields(),
        language=langs.language, languages=langs.languages, mixed_language=langs.mixed,
        paragraph_languages=langs.paragraph_languages, format=loaded.fmt, encoding=loaded.encoding,
        path=str(path) if path is not None else None, removed=(*loaded.removed, *cleaned.removed),
        warnings=(*loaded.warnings, *cleaned.warnings, *chosen.warnings), notes=cleaned.notes)


def from_text(text: str, options: Options, doc: str = "text.txt", fmt: str = "txt") -> Document:
    """A Document from a string (a pasted text, a test fixture), as if read from a UTF-8 file named ``doc``."""
    return document_from_bytes(text.encode("utf-8"), doc, options, fmt=fmt)


def read_source_bytes(path: Path, options: Options) -> bytes:
    """The bytes of ``path``, after the size limit check; raises the IngestError that fits."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise UnreadableFileError(path, "the file does not exist (any more)") from exc
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot read it ({exc.strerror or exc})") from exc
    if size == 0:
        raise EmptyFileError(path, "the file is empty (0 bytes)")
    if size > options.max_bytes:
        raise FileTooLargeError(path, f"the file is {size:,} bytes, over the limit of {options.max_bytes:,} bytes")
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise UnreadableFileError(path, "permission denied: you may not read this file") from exc
    except IsADirectoryError as exc:
        raise UnreadableFileError(path, "it is a folder, not a file") from exc
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot read it ({exc.strerror or exc})") from exc


def load(source: Source, options: Options) -> Document:
    """One source into a cleaned Document with metadata; raises an IngestError subclass on bad input."""
    path = Path(source.path)
    data = read_source_bytes(path, options)
    return document_from_bytes(data, source.doc, options, fmt=source.fmt, path=path, meta=source.meta,
                               encoding=source.encoding)


def load_file(path: Path, options: Options) -> Document:
    """One file by path (no manifest) into a Document."""
    path = Path(path)
    return load(Source(path=path, doc=path.name, fmt=format_of(path)), options)


def ingest_paths(paths: Sequence[Path], options: Options) -> Iterator[Document | Skipped | IngestError]:
    """Every document under ``paths``, failing soft: Documents, Skipped items and IngestErrors, in walk order."""
    for item in discover(paths, options):
        if isinstance(item, Source):
            try:
                yield load(item, options)
            except IngestError as exc:
                yield exc
        else:
            yield item

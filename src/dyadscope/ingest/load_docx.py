"""Word documents (.docx): paragraphs and tables in document order, and the core properties.

Each paragraph becomes a paragraph of the text (blank-line separated); a table row becomes one line with its
cells separated by `` | ``. The core properties ``title``, ``author`` and ``created`` become metadata
(basis ``docx``); a property that is a tool's default ("Microsoft Word - …", "User") is ignored.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from ..errors import CorruptDocxError, EmptyFileError
from .decode import binary_kind
from .items import Loaded, MetaValue
from .names import junk_property

RULE = "ingest.docx.v1"


def _open(data: bytes, path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data.startswith(bytes.fromhex("d0cf11e0a1b11ae1")):
        raise CorruptDocxError(path, "the file is an old binary Word document or a password-protected DOCX",
                               hint="open it in a word processor and save it as an unprotected .docx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        kind = binary_kind(data[:4096])
        what = f"the bytes are {kind}" if kind else "the file is not a ZIP package"
        raise CorruptDocxError(path, f"{what}, so it is not a valid DOCX")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError) as exc:
        raise CorruptDocxError(path, f"the DOCX package is damaged or incomplete ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:
        raise CorruptDocxError(path, f"the DOCX cannot be read ({type(exc).__name__}: {exc})") from exc


def _blocks(document: Any) -> list[str]:
    from docx.table import Table

    out: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                        cells.append(text)
                if cells:
                    rows.append(" | ".join(cells))
            if rows:
                out.append("\n".join(rows))
        else:
            text = item.text.strip()
            if text:
                out.append(text)
    return out


def load_docx(data: bytes, path: Path) -> Loaded:
    """A ``.docx`` file."""
    document = _open(data, path)
    try:
        blocks = _blocks(document)
        core = document.core_properties
        title, author, created = core.title, core.author, core.created
    except Exception as exc:
        raise CorruptDocxError(path, f"the DOCX content cannot be read ({type(exc).__name__}: {exc})") from exc
    if not blocks:
        raise EmptyFileError(path, "the DOCX has no text")
    props = []
    for name, value in (("title", title), ("author", author)):
        value = " ".join((value or "").split())
        if value and not junk_property(value):
            props.append(MetaValue(name, value, "docx", f"{RULE}:core_{name}", value))
    if isinstance(created, dt.datetime) and created.year >= 1900:
        props.append(MetaValue("published", created.date().isoformat(), "docx", f"{RULE}:core_created",
                               created.isoformat(), precision="day"))
    text = "\n\n".join(blocks)
    return Loaded(text=text, fmt="docx", meta_text=text, properties=tuple(props))

"""Reading the example corpus (``examples/az-ru``) and its annotations (``examples/gold``) for the tests.

The PDF and the DOCX are built from text kept in ``examples/tools/make_pdf.py`` and ``make_docx.py``; their
``source_text()`` is what the annotations quote. Other documents are read as they are on disk (the
Windows-1251 note decoded as such, the HTML page with its entities resolved).
"""

from __future__ import annotations

import fnmatch
import html
import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CORPUS = EXAMPLES / "az-ru"
GOLD_DIR = EXAMPLES / "gold"
TOOLS = EXAMPLES / "tools"
SUPPORTED = {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}
MANIFESTS = {"manifest.csv", "manifest.jsonl"}


@cache
def tool(name: str) -> ModuleType:
    """Import ``examples/tools/<name>.py`` (it is a script, not a package module)."""
    spec = importlib.util.spec_from_file_location(f"examples_tools_{name}", TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered while it executes
    spec.loader.exec_module(module)
    return module


def ignore_patterns() -> list[str]:
    path = CORPUS / ".dyadscopeignore"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def documents() -> list[Path]:
    """The files the ingestion walker treats as documents: supported, not hidden, not a manifest, not ignored."""
    patterns = ignore_patterns()
    out = []
    for p in sorted(CORPUS.rglob("*")):
        rel = p.relative_to(CORPUS).as_posix()
        if not p.is_file() or p.suffix.lower() not in SUPPORTED or p.name in MANIFESTS:
            continue
        if any(part.startswith(".") for part in p.relative_to(CORPUS).parts):
            continue
        if any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(p.name, pat) for pat in patterns):
            continue
        out.append(p)
    return out


def raw_text(path: Path) -> str:
    """The text of a text-format document as stored: UTF-8, or Windows-1251 when that fails."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251")


@cache
def text_of(doc: str) -> str:
    """The text the annotations quote, for a document named by file name."""
    path = CORPUS / doc
    if path.suffix == ".pdf":
        return str(tool("make_pdf").source_text())
    if path.suffix == ".docx":
        return str(tool("make_docx").source_text())
    text = raw_text(path).replace("\r\n", "\n")
    return html.unescape(text) if path.suffix in (".html", ".htm") else text


def gold(name: str) -> list[dict[str, Any]]:
    lines = (GOLD_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(ln) for ln in lines if ln.strip()]


def pdf_text(path: Path) -> str:
    """Text of a PDF as pypdfium2 extracts it, one page after another."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()

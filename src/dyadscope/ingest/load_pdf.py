"""PDF files: the text layer page by page (pypdfium2), cleaned of what character geometry shows is not body.

pypdfium2 gives each page's text. pdfplumber then reads the characters' sizes and positions to find
(``data/ingest/pdf.yaml``):

- margin lines — lines inside the top or bottom band of the page that repeat on other pages once digits are
  masked (running headers and footers), or that are only a page number; they are dropped from the page;
- superscript footnote markers — digits or ``* † ‡`` in a smaller font, raised above the line's baseline;
  they are dropped from the word they were glued to.

Both are recorded in ``removed`` (kinds ``running_header``, ``running_footer``, ``page_number``,
``footnote_marker``). The metadata rules read the text *with* the margins (a running journal line names the
outlet and date). Line-end hyphens that PDFium marks as soft are given back as ``-`` plus a line break so
the cleaner decides about them like in any other text. Each page's text ends with a line break;
``text`` joins the pages with a blank line (the cleaner, given ``pages``, joins them with form feeds).

A PDF with no text on any page has no text layer (a scan): it is refused with EmptyFileError saying OCR is
needed; pages without text among others give a warning.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import CorruptPdfError, EmptyFileError, EncryptedPdfError
from ..lexicon import load_yaml, version_of
from ..records import Removal
from .items import Loaded, MetaValue
from .names import junk_property

_DIGITS_RE = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class _MarginLine:
    page: int
    text: str
    top_band: bool


@dataclass(frozen=True, slots=True)
class _Superscript:
    page: int
    text: str
    before: str


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return dict(load_yaml("ingest/pdf.yaml"))


def _rule(name: str) -> str:
    return f"ingest.pdf.v{version_of('ingest/pdf.yaml')}:{name}"


def _page_texts(data: bytes, path: Path) -> tuple[list[str], dict[str, str]]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdfError(path, "the PDF is encrypted with a password") from exc
        raise CorruptPdfError(path, f"the PDF cannot be opened ({exc})") from exc
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            raw = textpage.get_text_range()
            textpage.close()
            page.close()
            text = raw.replace("\r\n", "\n").replace("\r", "\n")
            text = text.replace("\ufffe", "-\n").replace("\x02", "-\n")
            pages.append(text)
        meta = {str(k): str(v) for k, v in pdf.get_metadata_dict().items() if v}
    except pdfium.PdfiumError as exc:
        raise CorruptPdfError(path, f"the PDF is damaged: {exc}") from exc
    finally:
        pdf.close()
    if not pages:
        raise CorruptPdfError(path, "the PDF has no pages")
    return pages, meta


def _lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into visual lines by their top coordinate."""
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        if lines and abs(float(lines[-1][0]["top"]) - float(w["top"])) <= max(2.0, 0.3 * float(w["size"])):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: float(w["x0"])) for line in lines]


def _geometry(data: bytes, n_pages: int) -> tuple[list[_MarginLine], list[_Superscript]]:
    import pdfplumber

    cfg = _config()
    band = float(cfg["margin_band"])
    sup_re = re.compile(str(cfg["superscript_pattern"]))
    margins: list[_MarginLine] = []
    sups: list[_Superscript] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for p, page in enumerate(pdf.pages[:n_pages]):
            words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
            if not words:
                continue
            height = float(page.height)
            body = statistics.median(float(w["size"]) for w in words)
            for line in _lines(words):
                top = min(float(w["top"]) for w in line)
                bottom = max(float(w["bottom"]) for w in line)
                text = " ".join(str(w["text"]) for w in line)
                if bottom <= height * band or top >= height * (1 - band):
                    margins.append(_MarginLine(p, text, top_band=bottom <= height * band))
                    continue
                base = statistics.median(float(w["bottom"]) for w in line)
                for i, w in enumerate(line):
                    size = float(w["size"])
                    if (i > 0 and sup_re.match(str(w["text"])) and size <= body * float(cfg["superscript_max_size"])
                            and float(w["bottom"]) <= base - body * float(cfg["superscript_rise"])):
                        sups.append(_Superscript(p, str(w["text"]), str(line[i - 1]["text"])))
    return margins, sups


def _masked(text: str) -> str:
    return _DIGITS_RE.sub("#", " ".join(text.lower().split()))


def _drop_margins(pages: list[str], margins: list[_MarginLine]) -> tuple[list[str], list[Removal]]:
    cfg = _config()
    page_number = re.compile(str(cfg["page_number_pattern"]), re.IGNORECASE)
    pages_of = Counter(k for _, k in {(m.page, _masked(m.text)) for m in margins})
    removed: list[Removal] = []
    out = list(pages)
    for m in margins:
        norm = " ".join(m.text.split())
        if page_number.match(norm):
            kind = "page_number"
        elif pages_of[_masked(m.text)] >= int(cfg["margin_min_pages"]):
            kind = "running_header" if m.top_band else "running_footer"
        else:
            continue
        lines = out[m.page].split("\n")
        for i, line in enumerate(lines):
            if " ".join(line.split()) == norm:
                removed.append(Removal(kind=kind, text=line, rule=_rule("margin_band")))
                del lines[i]
                break
        out[m.page] = "\n".join(lines)
    return out, removed


def _drop_superscripts(pages: list[str], sups: list[_Superscript]) -> tuple[list[str], list[Removal]]:
    out = list(pages)
    cursor = [0] * len(pages)
    removed: list[Removal] = []
    for s in sups:
        pattern = re.compile(re.escape(s.before) + r"[ \t]?(" + re.escape(s.text) + r")(?![\d])")
        text = out[s.page]
        m = pattern.search(text, cursor[s.page]) or pattern.search(text)
        if not m:
            continue
        start = m.start(1) - (1 if text[m.start(1) - 1] in " \t" else 0)
        out[s.page] = text[:start] + text[m.end(1):]
        cursor[s.page] = start
        removed.append(Removal(kind="footnote_marker", text=s.text, rule=_rule("superscript")))
    return out, removed


def load_pdf(data: bytes, path: Path) -> Loaded:
    """A ``.pdf`` file."""
    pages, info = _page_texts(data, path)
    if not any(p.strip() for p in pages):
        raise EmptyFileError(path, f"the PDF has no text layer on any of its {len(pages)} page(s) (a scan?)",
                             hint="run OCR on it first (e.g. ocrmypdf) and retry")
    warnings = []
    empty = [str(i + 1) for i, p in enumerate(pages) if not p.strip()]
    if empty:
        warnings.append(f"page(s) {', '.join(empty[:20])} have no text layer; OCR is needed to read them")
    removed: list[Removal] = []
    clean_pages = pages
    try:
        margins, sups = _geometry(data, len(pages))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds; geometry is an extra
        warnings.append(f"character geometry unavailable ({type(exc).__name__}); running headers and "
                        "footnote numbers were left to the cleaner")
    else:
        clean_pages, removed_sup = _drop_superscripts(pages, sups)
        clean_pages, removed_margin = _drop_margins(clean_pages, margins)
        removed = removed_margin + removed_sup
    props = []
    for name, key in (("title", "Title"), ("author", "Author")):
        value = " ".join(info.get(key, "").split())
        if value and not junk_property(value):
            props.append(MetaValue(name, value, "pdf", _rule(f"info_{key.lower()}"), info[key]))
    return Loaded(text="\n\n".join(p.strip("\n") for p in clean_pages), fmt="pdf",
                  meta_text="\n\n".join(p.strip("\n") for p in pages),
                  pages=tuple(p.strip("\n") + "\n" for p in clean_pages),
                  properties=tuple(props), removed=tuple(removed), warnings=tuple(warnings))

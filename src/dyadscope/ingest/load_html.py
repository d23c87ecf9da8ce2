"""HTML pages: the main text and the page's metadata.

trafilatura extracts the main text (``favor_precision=True``: navigation, comments and widgets are left out)
and the metadata from meta tags and structured data (title from ``og:title``/``<title>``, author, site name as
the outlet, publication date, canonical URL). The date is read only from the page's metadata (no extensive
search of the text). When trafilatura finds no main text, readability-lxml's article extraction is used. A
page saved from a MediaWiki site (an encyclopedia article) is read by :mod:`.load_mediawiki` instead.
Each block of the main text becomes a paragraph (separated by a blank line).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import EmptyFileError
from .dates import parse_date
from .decode import Decoded, normalise_newlines
from .items import Loaded, MetaValue
from .load_mediawiki import is_mediawiki, mediawiki_page
from .load_text import decode_with

RULE = "ingest.html.v1"
_WS_RE = re.compile(r"\s+")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "list", "table"})
_CONTAINERS = frozenset({"list", "quote", "div", "section", "body"})
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th",
           "dd", "dt", "section", "article", "figcaption")


def _decode_html(data: bytes, path: Path, encoding: str | None) -> Decoded:
    if not encoding:
        m = _CHARSET_RE.search(data[:8192])
        if m:
            declared = m.group(1).decode("ascii", "replace")
            try:
                return Decoded(normalise_newlines(data.decode(declared)), declared.lower())
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect instead
    return decode_with(data, path, encoding)


def _paragraphs(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _inline_text(el: Any) -> str:
    """An element's text with ``<lb/>`` as a line break and other white space collapsed."""
    parts: list[str] = [_WS_RE.sub(" ", el.text or "")]
    for child in el:
        parts.append("\n" if child.tag == "lb" else _inline_text(child))
        parts.append(_WS_RE.sub(" ", child.tail or ""))
    return "\n".join(line.strip() for line in "".join(parts).split("\n") if line.strip())


def _blocks(el: Any) -> list[str]:
    """Paragraph texts of trafilatura's XML body, in order: one per heading, paragraph, list item, quote,
    and one line per table row (cells separated by `` | ``)."""
    out: list[str] = []
    for child in el:
        if child.tag == "table":
            rows = [" | ".join(c for c in (_inline_text(cell) for cell in row.iter("cell")) if c)
                    for row in child.iter("row")]
            text = "\n".join(r for r in rows if r)
        elif child.tag in _CONTAINERS and any(g.tag in _XML_BLOCKS for g in child):
            out.extend(_blocks(child))
            continue
        else:
            text = _inline_text(child)
        if text:
            out.append(text)
    return out


def _trafilatura(html: str) -> tuple[str, dict[str, Any]]:
    import trafilatura

    result = trafilatura.bare_extraction(
        html, favor_precision=True, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if result is None:
        return "", {}
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = getattr(result, "body", None)
    if body is not None and len(body):
        return "\n\n".join(_blocks(body)), data
    return _paragraphs(str(data.get("text") or "")), data


def _readability(html: str) -> tuple[str, str | None]:
    import lxml.html
    from readability import Document as Readable

    try:
        doc = Readable(html)
        summary = doc.summary(html_partial=True)
        title = doc.short_title() or None
    except Exception:  # noqa: BLE001 - readability raises bare exceptions on odd pages
        return "", None
    root = lxml.html.fromstring(summary) if summary.strip() else None
    if root is None:
        return "", title
    blocks = []
    for el in root.iter(*_BLOCKS):
        if any(child.tag in _BLOCKS for child in el):
            text = (el.text or "").strip()
        else:
            text = el.text_content().strip()
        if text:
            blocks.append(text)
    return "\n\n".join(blocks), title


def load_html(data: bytes, path: Path, encoding: str | None = None) -> Loaded:
    """An ``.html``/``.htm`` file."""
    decoded = _decode_html(data, path, encoding)
    text, meta = _trafilatura(decoded.text)
    warnings = list(decoded.warnings)
    title = meta.get("title")
    if not text.strip():
        text, readable_title = _readability(decoded.text)
        title = title or readable_title
        if text.strip():
            warnings.append("trafilatura found no main text; used readability-lxml's article extraction")
    wiki = mediawiki_page(decoded.text) if is_mediawiki(decoded.text) else None
    if wiki is not None:
        text, title = wiki.text, wiki.title or title
    body = text.strip()
    if not body:
        raise EmptyFileError(path, "the HTML page has no main text (only navigation, scripts or markup)",
                             hint="save the article's own page, or its text, and retry")
    props = []
    for name, key in (("title", "title"), ("author", "author"), ("outlet", "sitename"), ("url", "url")):
        value = title if name == "title" else meta.get(key)
        if value and str(value).strip():
            props.append(MetaValue(name, " ".join(str(value).split()), "html", f"{RULE}:{key}", str(value)))
    if meta.get("date"):
        parsed = parse_date(str(meta["date"]))
        if parsed:
            props.append(MetaValue("published", parsed.value, "html", f"{RULE}:date", str(meta["date"]),
                                   precision=parsed.precision))
    return Loaded(text=body, fmt="html", meta_text=body, encoding=decoded.encoding, properties=tuple(props),
                  warnings=tuple(warnings))

"""Helpers shared by the held-out runner (``run.py``) and its smoke test: where the files are, the text of a
document as a reader sees it, the scorer's normalisation, and the kinds of document.

Nothing here imports dyadscope: the gold must be checkable without the system under test.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold"
KINDS = ("news", "analysis", "cable", "encyclopedia")

PLOVER_QUAD: dict[str, int | None] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
    "OTHER": None,
}
ACTORS = {
    "AZE", "RUS", "ARM", "TUR", "IRN", "GEO", "USA", "UKR", "KAZ", "FRA", "ABK", "OSS",
    "NATO", "EU", "CIS", "CSTO", "OSCE", "UN", "GUAM", "PACE", "EAEU",
}
ISSUES = {
    "KARABAKH", "CASPIAN", "ENERGY", "PIPELINES", "SECURITY_ALIGNMENT", "ARMS", "NORTH_CAUCASUS", "MIGRATION",
    "TRADE", "TRANSPORT_CORRIDORS", "DOMESTIC_POLITICS", "GABALA", "CULTURE_EDUCATION", "AVIATION", "MEDIA", "OTHER",
}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

_BLOCK = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "main", "article",
    "section", "aside", "figure", "figcaption", "blockquote", "form", "table", "tr", "td", "th", "br", "button",
    "title", "body", "html",
}
_INVISIBLE = {"script", "style", "noscript", "template", "head"}


def visible_text(html: str) -> str:
    """The text a browser shows for ``html``: no scripts, styles or head; one line per block element."""
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(html)
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _INVISIBLE:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def document_text(path: Path) -> str:
    """The raw text of a document file as the gold quotes it (the visible text for HTML)."""
    raw = path.read_text(encoding="utf-8")
    return visible_text(raw) if path.suffix.lower() in {".html", ".htm"} else raw


def quote_on_one_line(quote: str, text: str) -> bool:
    return "\n" not in quote and any(quote in line for line in text.split("\n"))


def norm(text: str | None) -> str:
    """The normalisation of ``../shared/tools/score_events.py`` (case, punctuation, line-break hyphenation)."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    text = text.lower().replace("’", "'")
    return " ".join(re.findall(r"[a-z0-9а-яё]+", text))


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def kinds() -> dict[str, str]:
    """Document file name -> kind, from ``gold/docs.jsonl``."""
    return {d["doc"]: d["kind"] for d in load_jsonl(GOLD / "docs.jsonl")}

"""Encyclopedia pages saved from a MediaWiki site (Wikipedia and its mirrors) as HTML.

General extractors drop what an encyclopedia article needs (section headings wrapped in MediaWiki's heading
blocks) and keep what it does not (edit links, reference marks in ``<sup>``). When a page carries MediaWiki's
markup (``mw-parser-output``, ``mw-content-text``, ``firstHeading``), its text is read here instead: the title
heading, the "From …, the free encyclopedia" line, then every heading, paragraph, list item and table row of
the article body in order (a row's cells joined by " | "), then the category links and the "last edited" and
licence lines of the footer. Edit links, reference marks, the table of contents, navigation boxes, images and
maintenance boxes are left out; everything else (infobox rows, hatnotes, the reference list) is left to the
cleaner's encyclopedia rules, which know what each of them is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_MARKERS = ("mw-parser-output", "mw-content-text", 'id="firstHeading"', "mw-headline")
_WS_RE = re.compile(r"\s+")
_BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dd", "dt", "blockquote", "pre", "tr",
                     "caption"})
_DROP_CLASSES = ("reference", "mw-editsection", "toc", "navbox", "vertical-navbox", "mw-empty-elt", "thumb",
                 "ambox", "metadata", "noprint", "mw-jump-link", "printfooter", "catlinks", "sistersitebox",
                 "portalbox", "authority-control", "mw-indicators")


@dataclass(frozen=True, slots=True)
class WikiPage:
    text: str
    title: str | None


def is_mediawiki(html: str) -> bool:
    """Does the page carry MediaWiki's markup?"""
    return any(m in html for m in _MARKERS)


def _class_xpath(cls: str) -> str:
    return f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]"


def _text(el: Any) -> str:
    return _WS_RE.sub(" ", el.text_content()).strip()


def _row(tr: Any) -> str:
    cells = [_text(c) for c in tr if isinstance(c.tag, str) and c.tag in ("th", "td")]
    return " | ".join(c for c in cells if c)


def _blocks(content: Any) -> list[str]:
    """The text of each outermost block element under ``content``, in document order."""
    out: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _BLOCKS:
                text = _row(child) if tag == "tr" else _text(child)
                if text:
                    out.append(text)
            elif tag:
                walk(child)

    walk(content)
    return out


def _first(root: Any, *xpaths: str) -> Any:
    for xp in xpaths:
        found = root.xpath(xp)
        if found:
            return found[0]
    return None


def mediawiki_page(html: str) -> WikiPage | None:
    """The article text of a MediaWiki page, or None when no article body is found."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, TypeError):
        return None
    heading = _first(root, "//h1[@id='firstHeading']", "//h1")
    title = _text(heading) if heading is not None else None
    site = _first(root, "//*[@id='siteSub']")
    footer = [_first(root, xp) for xp in ("//*[@id='catlinks']", "//*[@id='footer-info-lastmod']",
                                         "//*[@id='footer-info-copyright']")]
    closing = []
    for el in footer:
        if el is None:
            continue
        links = [_text(a) for a in el.xpath(".//li")]
        label = _text(el) if not links else f"Categories: {' | '.join(x for x in links if x)}"
        closing.append(label)
    content = _first(root, "//div[contains(concat(' ', normalize-space(@class), ' '), ' mw-parser-output ')]",
                     "//*[@id='mw-content-text']", "//*[@id='bodyContent']")
    if content is None:
        return None
    for cls in _DROP_CLASSES:
        for el in content.xpath(_class_xpath(cls)):
            el.drop_tree()
    for el in content.xpath(".//style|.//script|.//figure|.//*[@id='toc']"):
        el.drop_tree()
    body = _blocks(content)
    if not body:
        return None
    head = [x for x in (title, _text(site) if site is not None else None) if x]
    return WikiPage("\n\n".join([*head, *body, *closing]), title)

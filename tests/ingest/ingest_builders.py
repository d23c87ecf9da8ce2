"""Builders for the ingestion tests: PDF, DOCX and HTML files made in a temporary folder from text written
for these tests (invented events and people; nothing copied from any source)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

HEADER = "Caucasus Affairs Review, Vol. 4, No. 2, Spring 2016"

BODY_LINES = [
    "The mixed commission on the northern border met in Derbent to settle the last dis-",
    "puted sections of the boundary between the two republics after months of delay.",
    "Officials from Baku and Moscow agreed to open a second crossing for lorries and",
    "to share the cost of a new bridge over the river, according to the minutes.",
    "The talks were described by both delegations as businesslike and constructive.",
]
LATER_PAGES = [
    ["On the second day the experts walked the river bank near the old customs house",
     "and marked three places where the channel had moved since the last survey.",
     "They proposed to follow the middle of the main channel wherever it runs.",
     "Farmers on both banks were promised access to their fields across the line."],
    ["The commission will meet again in Khachmaz once the maps have been printed.",
     "Its report goes to both governments, which must approve it before signing.",
     "Observers from the regional water agency attended the closing session.",
     "No date was set for the signing of the final border protocol itself."],
]


def make_pdf(path: Path, *, pages: int = 3, header: str = HEADER, title: str | None = "Border talks",
             author: str | None = "Ilona Marsh", superscript: bool = True, encrypt: str | None = None,
             text: bool = True) -> Path:
    """A PDF with a running header and a page number on every page, a line ending in a hyphen, and a
    superscript footnote number after the word "delay." on the first page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    for page in range(pages):
        if not text:
            c.rect(72, 300, 300, 300, fill=1)
            c.showPage()
            continue
        c.setFont("Helvetica", 9)
        c.drawString(72, height - 36, header)
        c.drawCentredString(width / 2, 30, str(page + 41))
        c.setFont("Helvetica", 11)
        y = height - 110
        lines = BODY_LINES if page == 0 else LATER_PAGES[(page - 1) % len(LATER_PAGES)]
        for i, line in enumerate(lines):
            c.drawString(72, y, line if page <= len(LATER_PAGES) else f"{line} ({page})")
            if page == 0 and i == 1 and superscript:
                x = 72 + c.stringWidth(line, "Helvetica", 11)
                c.setFont("Helvetica", 6.5)
                c.drawString(x + 0.5, y + 4.5, "3")
                c.setFont("Helvetica", 11)
            y -= 15
        c.showPage()
    c.save()
    return path


def make_docx(path: Path, paragraphs: Sequence[str], *, title: str | None = None, author: str | None = None,
              created: dt.datetime | None = None, table: Sequence[Sequence[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    props = document.core_properties
    props.title = title or ""
    props.author = author or ""
    if created is not None:
        props.created = created
    document.save(str(path))
    return path


ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry line to Aktau reopens | Caspian Ledger</title>
<meta property="og:title" content="Ferry line to Aktau reopens">
<meta name="author" content="Rustam Guliyev">
<meta property="og:site_name" content="Caspian Ledger">
<meta property="article:published_time" content="2019-04-03T09:30:00+04:00">
<link rel="canonical" href="https://ledger.example.org/2019/ferry-aktau">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/energy">Energy</a></li><li><a href="/login">Log in</a></li></ul></nav>
<article>
<h1>Ferry line to Aktau reopens</h1>
<p>The ferry line between Alat and Aktau resumed service on Tuesday after a pause of four months, the port
authority said, with two vessels sailing each week in both directions.</p>
<p>Freight companies had asked the transport ministry in January to restore the route, which carries grain,
steel and containers bound for the Black Sea ports through Georgia.</p>
<p>Officials expect the line to handle about thirty thousand tonnes a month by the end of the year, provided
that the new customs post at the terminal opens as planned.</p>
</article>
<footer><p>Subscribe to our newsletter</p><p>Copyright 2019 Caspian Ledger</p></footer>
</body></html>
"""

# a page trafilatura finds no main text in (all text in a table cell list); readability still reads it
SPARSE_HTML = """<html><head><title>Note</title></head><body><div id="main"><div class="entry">
<div>Delegations from the two capitals signed a memorandum on river water sharing in Qusar on Friday,
and agreed to meet again in the spring to review the flow measurements taken at the border stations.</div>
</div></div></body></html>
"""

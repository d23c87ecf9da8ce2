"""The frame every page of the web app shares: the navigation, the style sheet, escaping and small HTML parts.

Document text is untrusted input: every value goes through :func:`e` (``html.escape``) before it reaches the
page, and links are built from percent-encoded ids. Pages carry no script of their own; the report page
(``/``) keeps the inline scripts of :mod:`dyadscope.present.report`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

__all__ = ["NAV", "NAV_CSS", "Mark", "e", "highlight", "href", "nav", "page", "pager", "table"]

#: (path, label, key) of the navigation, in order
NAV: tuple[tuple[str, str, str], ...] = (
    ("/", "Report", "report"), ("/documents", "Documents", "documents"), ("/events", "Events", "events"),
    ("/stories", "Stories", "stories"), ("/contradictions", "Contradictions", "contradictions"),
    ("/periods", "Periods", "periods"), ("/docs", "API", "api"),
)

NAV_CSS = """
nav.ds-nav{background:#16385a;padding:6px 28px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,
Arial,sans-serif;font-size:.95em}nav.ds-nav a{color:#dfe9f3;text-decoration:none;margin-right:18px}
nav.ds-nav a.on{color:#fff;font-weight:600;border-bottom:2px solid #fff}nav.ds-nav b{color:#fff;margin-right:22px}
"""

_CSS = NAV_CSS + """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0;color:#222;
background:#fff;line-height:1.45}main{padding:8px 28px 40px;max-width:1400px}h1{font-size:1.4em;margin:18px 0 6px}
h2{border-bottom:2px solid #1f4e79;padding-bottom:4px;font-size:1.15em;margin-top:26px}a{color:#1f4e79}
table{border-collapse:collapse;width:100%;font-size:.86em}th,td{border:1px solid #ddd;padding:4px 6px;
vertical-align:top;text-align:left}th{background:#f0f4f8}tr:nth-child(even) td{background:#fafafa}
.num{text-align:right;font-variant-numeric:tabular-nums}.quote{font-style:italic}.muted{color:#777}
.note{font-size:.88em;color:#555;margin:4px 0}.tag{display:inline-block;background:#e8eef5;border-radius:3px;
padding:0 5px;margin:0 2px;font-size:.85em}.warn{background:#fde2e1}.q1{color:#31a354}.q2{color:#006d2c}
.q3{color:#e6550d}.q4{color:#a50f15}.text{white-space:pre-wrap;font-family:Georgia,'Times New Roman',serif;
font-size:1.02em;max-width:60em;border:1px solid #e3e3e3;padding:12px 16px;background:#fcfcfc}
mark{background:#fff2a8}mark.ev{background:#ffe98f}mark.trigger{background:#ffcf70;font-weight:600}
.src{border-bottom:2px solid #2b7bb9}.tgt{border-bottom:2px dashed #b92b5b}sup a{text-decoration:none;
font-size:.8em;margin-left:1px}dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:8px 0}
dl.kv dt{font-weight:600;color:#444}dl.kv dd{margin:0}form.filters{display:flex;flex-wrap:wrap;gap:8px 14px;
align-items:end;background:#f0f4f8;padding:8px 12px;border-radius:6px;margin:10px 0}form.filters label{display:flex;
flex-direction:column;font-size:.82em;color:#444}form.filters input,form.filters select{font-size:1em;padding:2px 4px}
.pager{margin:10px 0}.pager a,.pager span{margin-right:14px}details{margin:4px 0;border:1px solid #e3e3e3;
border-radius:4px;padding:4px 8px}summary{cursor:pointer}.context{max-width:60em;font-size:1.05em}
span[id]:target+mark{outline:2px solid #1f4e79;outline-offset:1px}span[id]{scroll-margin-top:80px}
"""


def e(value: object) -> str:
    """``value`` as escaped HTML text (None is empty)."""
    return html.escape("" if value is None else str(value))


def href(*parts: str, query: str = "", fragment: str = "") -> str:
    """An escaped, percent-encoded site path: ``href("documents", doc_id)`` → ``/documents/<id>``."""
    path = "/" + "/".join(quote(p, safe="") for p in parts)
    return html.escape(path + query + (f"#{quote(fragment, safe='')}" if fragment else ""))


def nav(active: str) -> str:
    """The navigation bar; ``active`` is the key of the current page."""
    items = "".join(f'<a href="{p}"{" class=on" if key == active else ""}>{e(label)}</a>' for p, label, key in NAV)
    return f'<nav class="ds-nav"><b>dyadscope</b>{items}</nav>'


def page(title: str, body: str, *, active: str = "") -> str:
    """A whole page: head, navigation and ``body`` (already-escaped HTML)."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} · dyadscope</title><link rel="icon" href="/favicon.ico"><style>{_CSS}</style></head>
<body>{nav(active)}<main>
{body}
</main></body></html>
"""


def table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = (), empty: str = "") -> str:
    """A table; ``head`` is plain text, cells are already-escaped HTML."""
    body = "".join("<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    if not body and empty:
        return f'<p class="note">{e(empty)}</p>'
    th = "".join(f"<th>{e(h)}</th>" for h in head)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def pager(total: int, offset: int, limit: int | None, link: Callable[[int], str], what: str = "rows") -> str:
    """"Showing a–b of n" with links to the previous and next pages; ``link(offset)`` gives an escaped href."""
    if total == 0:
        return f'<p class="pager muted">No {e(what)} match.</p>'
    step = limit or total
    last = min(total, offset + step)
    parts = [f"<span>{what} {offset + 1 if offset < total else total:,}–{last:,} of {total:,}</span>"]
    if offset > 0:
        parts.append(f'<a href="{link(max(0, offset - step))}" rel="prev">← previous</a>')
    if last < total:
        parts.append(f'<a href="{link(offset + step)}" rel="next">next →</a>')
    return f'<p class="pager">{"".join(parts)}</p>'


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of a text to wrap: ``tag`` with ``cls``, optional link, tooltip and anchor id."""

    start: int
    end: int
    cls: str
    tag: str = "mark"
    title: str | None = None
    anchor: str | None = None


def highlight(text: str, marks: Iterable[Mark], offset: int = 0) -> str:
    """``text`` escaped, with each mark wrapped (offsets are ``offset``-based: pass a sentence's start to mark
    document offsets inside the sentence). Marks outside the text or overlapping an earlier one are dropped."""
    kept: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        a, b = m.start - offset, m.end - offset
        if a < 0 or b > len(text) or a >= b or (kept and a < kept[-1].end - offset):
            continue
        kept.append(m)
    out, pos = [], 0
    for m in kept:
        a, b = m.start - offset, m.end - offset
        attrs = f' class="{e(m.cls)}"' + (f' title="{e(m.title)}"' if m.title else "") + (
            f' id="{e(m.anchor)}"' if m.anchor else "")
        out.append(f"{e(text[pos:a])}<{m.tag}{attrs}>{e(text[a:b])}</{m.tag}>")
        pos = b
    out.append(e(text[pos:]))
    return "".join(out)

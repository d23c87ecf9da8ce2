"""HTML of the document pages: the list, and one document with its evidence marked and its cleaning listed."""

from __future__ import annotations

from .documents import DocumentPage, DocumentsPage, EventLink, TextSegment
from .layout import e, href, page, table
from .query import query_string
from .render_events import date_label

__all__ = ["render_document", "render_documents"]


def render_documents(ctx: DocumentsPage) -> str:
    rows = []
    for d in ctx.documents:
        title = f'<a class="doc-link" href="{href("documents", d.doc_id)}">{e(d.title or d.doc)}</a>'
        flag = ' <span class="tag warn">superseded</span>' if d.superseded_by else ""
        rows.append([f'{title}{flag}<br><span class="muted">{e(d.doc)}</span>', e(d.outlet), e(d.published),
                     e(d.language), f"{d.n_sentences:,}",
                     (f'<a href="{href("events", query=query_string({"doc": d.doc_id, "modality": "all"}))}">'
                     f"{d.n_events:,}</a>"),
                     e(d.added[:19].replace("T", " "))])
    note = ""
    if ctx.superseded and not ctx.show_all:
        note = (f'<p class="note">{ctx.superseded} superseded document(s) (an older text of a file that changed) '
                f'are not listed: <a href="/documents?all=true">list them too</a>.</p>')
    body = (f"<h1>Documents</h1><p class=\"note\">{len(ctx.documents):,} document(s). Open one to read its cleaned "
            f"text with every event's evidence marked, its metadata with where each field came from, and what the "
            f"cleaner removed.</p>{note}"
            + table(["document", "outlet", "published", "language", "sentences", "events", "added"], rows,
                    numeric=(4, 5), empty="The store holds no documents yet: run dyadscope build PATH --db FILE."))
    return page("Documents", body, active="documents")


def _marker(ev: EventLink) -> str:
    cls = f"q{ev.quad}" if ev.quad else ""
    title = f"{ev.source or '—'} {ev.plover} {ev.target or '—'} · {ev.modality} · {date_label(ev.date, None)}"
    return f'<a class="{cls}" href="{href("events", ev.event_id)}" title="{e(title)}">[{ev.number}]</a>'


def _text(segments: tuple[TextSegment, ...], events: tuple[EventLink, ...]) -> str:
    by_id = {ev.event_id: ev for ev in events}
    out = []
    for seg in segments:
        anchor = f'<span id="{e(seg.anchor)}"></span>' if seg.anchor else ""
        if seg.event_ids:
            happened = any(by_id[i].happened for i in seg.event_ids if i in by_id)
            title = ", ".join(f"[{by_id[i].number}]" for i in seg.event_ids if i in by_id)
            cls = "ev" if happened else "ev muted"
            piece = f'<mark class="{cls}" title="evidence of {e(title)}">{e(seg.text)}</mark>'
        else:
            piece = e(seg.text)
        ends = "".join(_marker(by_id[i]) for i in seg.ends if i in by_id)
        out.append(anchor + piece + (f"<sup>{ends}</sup>" if ends else ""))
    return "".join(out)


def render_document(ctx: DocumentPage) -> str:
    d = ctx.document
    meta = table(["field", "value", "basis", "evidence", "rule"],
                 ([e(m.field), e(m.value) if m.value is not None else '<span class="muted">not found</span>',
                   e(m.basis or "—"),
                   (f'<span class="quote">{e(m.evidence)}</span>' if m.evidence else "")
                   + (f' <span class="muted">(characters {m.start}–{m.end} before cleaning)</span>'
                      if m.start is not None else ""), f'<span class="muted">{e(m.rule)}</span>']
                  for m in ctx.metadata))
    extra = [f"format {e(d.format)}", f"encoding {e(d.encoding or '—')}",
             f"languages {e(', '.join(d.languages) or d.language or '—')}", f"{ctx.sentences:,} sentences",
             f"{len(ctx.events):,} events", f"doc_id <code>{e(d.doc_id)}</code>"]
    if d.mixed_language:
        extra.append('<span class="tag">mixed language</span>')
    superseded = (f'<p class="note"><span class="tag warn">superseded</span> this file was read again with other '
                  f'content: <a href="{href("documents", ctx.superseded_by)}">the newer document</a>.</p>'
                  if ctx.superseded_by else "")
    warnings = "".join(f'<li>{e(w)}</li>' for w in d.warnings)
    events = table(["#", "event", "date", "modality", "trigger"],
                   ([_marker(ev), (f'<a href="{href("events", ev.event_id)}">{e(ev.source or "—")} {e(ev.plover)} '
                     f'{e(ev.target or "—")}</a>'), e(date_label(ev.date, None)), e(ev.modality), e(ev.trigger)]
                    for ev in ctx.events), empty="No event was coded from this document.")
    removed = "".join(
        f"<details><summary><b>{e(g.kind)}</b> · {len(g.removals)} span(s)</summary>"
        + table(["removed text", "replaced by", "offsets (before this step)", "rule"],
                ([f'<span class="quote">{e(r.text)}</span>', e(repr(r.replacement)) if r.replacement else "—",
                  f"{r.start}–{r.end}" if r.start is not None else "—", f'<span class="muted">{e(r.rule)}</span>']
                 for r in g.removals)) + "</details>" for g in ctx.removed) or \
        '<p class="note">The cleaner removed nothing from this document.</p>'
    periods = table(["stage", "start", "end", "evidence"],
                    ([e(p.label), e(p.start), e(p.end),
                      f'<a href="#o{p.offset}">{e(p.sentence)}</a>' if p.offset >= 0 else e(p.sentence)]
                     for p in ctx.periods), empty="No periodisation is stated in this document.")
    contra = table(["subject", "this document says", "the other says", "why"],
                   ([e(c.subject), e(c.a_value if c.a_doc_id == d.doc_id else c.b_value),
                     e(c.b_value if c.a_doc_id == d.doc_id else c.a_value), e(c.note)] for c in ctx.contradictions),
                   empty="No contradiction involves this document.")
    notes = (f"<details><summary>End-notes separated from the text ({len(d.notes):,} characters)</summary>"
             f'<div class="text">{e(d.notes)}</div></details>' if d.notes else "")
    body = (f"<h1>{e(d.title or d.doc)}</h1><p class=\"note\">{e(d.doc)} · {' · '.join(extra)}</p>{superseded}"
            f"<h2>Metadata and where it came from</h2>{meta}"
            + (f'<ul class="note">{warnings}</ul>' if warnings else "")
            + f'<h2>Cleaned text</h2><p class="note">Marked: the evidence sentence of each event (pale: events that '
              f'did not happen — plans, hypotheticals, opinions, negations); the numbers link to the events.</p>'
              f'<div class="text" id="text">{_text(ctx.segments, ctx.events)}</div>{notes}'
            + f"<h2>Events</h2>{events}<h2>Removed by the cleaner, by kind</h2>{removed}"
            + f"<h2>Periodisations</h2>{periods}<h2>Contradictions</h2>{contra}")
    return page(d.title or d.doc, body, active="documents")

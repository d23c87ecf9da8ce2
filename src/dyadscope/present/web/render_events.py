"""HTML of the event pages: the filtered list (with its form and pager) and one event with its evidence."""

from __future__ import annotations

from ...records import HAPPENED, Event
from .events import EventPage, EventsPage
from .layout import Mark, e, highlight, href, page, pager, table
from .query import MAX_LIMIT, query_string

__all__ = ["date_label", "event_title", "render_event", "render_events", "sentence_html"]

#: characters of a sentence shown in the event list
LIST_CHARS = 260


def date_label(start: str | None, end: str | None) -> str:
    """``1994-12-19``, ``1992 – 2000`` (a range), or ``undated``."""
    if not start:
        return "undated"
    return f"{start} – {end}" if end and end != start else start


def event_title(ev: Event) -> str:
    return f"{ev.source or '—'} {ev.plover} {ev.target or '—'}"


def sentence_html(ev: Event, *, limit: int | None = None) -> str:
    """The evidence sentence, escaped, with the trigger marked and the source and target underlined."""
    text = ev.sentence
    marks = [Mark(ev.trigger_start, ev.trigger_end, "trigger", title=f"trigger · {ev.rule}")]
    for surface, cls, who in ((ev.source_text, "src", "source"), (ev.target_text, "tgt", "target")):
        if surface:
            i = text.find(surface)
            if i >= 0:
                marks.append(Mark(ev.start + i, ev.start + i + len(surface), cls, tag="span", title=who))
    if limit is not None and len(text) > limit:
        shown = highlight(text[:limit - 1], [m for m in marks if m.end <= ev.start + limit - 1], offset=ev.start)
        return shown + "…"
    return highlight(text, marks, offset=ev.start)


def _select(name: str, label: str, current: str | None, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{e(v)}"{" selected" if v == (current or "") else ""}>{e(t)}</option>'
                   for v, t in options)
    return f'<label>{e(label)}<select name="{e(name)}">{opts}</select></label>'


def _input(name: str, label: str, value: object, placeholder: str, size: int = 9) -> str:
    return (f'<label>{e(label)}<input name="{e(name)}" value="{e(value)}" placeholder="{e(placeholder)}" '
            f'size="{size}"></label>')


def _form(ctx: EventsPage) -> str:
    f, ch = ctx.filter, ctx.choices
    anyone = [("", "any")]
    docs = ch.documents
    return (
        '<form class="filters" method="get" action="/events">'
        + _input("dyad", "dyad", "-".join(f.dyad) if f.dyad else "", "AZE-RUS")
        + _input("since", "since", f.since, "1991") + _input("until", "until", f.until, "2000-06")
        + _select("issue", "issue", f.issue, anyone + [(i, i) for i in ch.issues])
        + _select("plover", "PLOVER type", f.plover, anyone + [(p, p) for p in ch.plover])
        + _select("quad", "quad", str(f.quad) if f.quad else None, anyone + [(str(q), str(q)) for q in (1, 2, 3, 4)])
        + _select("modality", "modality", f.modality, [(m, m) for m in ch.modalities])
        + _select("doc", "document", ctx.doc_id or f.doc, anyone + [(i, t if len(t) <= 60 else t[:59] + "…") for i, t in docs])
        + _input("limit", "per page", f.limit or "", f"1–{MAX_LIMIT}", size=5)
        + '<button type="submit">Filter</button> <a href="/events">clear</a></form>')


def _row(ev: Event) -> list[str]:
    basis = f'<br><span class="muted">{e(ev.date_basis)}</span>'
    quad = f'<span class="q{ev.quad}">{ev.quad}</span>' if ev.quad else "—"
    modality = e(ev.modality) if ev.modality in HAPPENED else f'<span class="tag warn">{e(ev.modality)}</span>'
    issues = "".join(f'<span class="tag">{e(i)}</span>' for i in ev.issues)
    return [f"{e(date_label(ev.date_start, ev.date_end))}{basis}",
            f'<a class="event-link" href="{href("events", ev.event_id)}">{e(event_title(ev))}</a>',
            quad, f"{ev.intensity:+.1f}", modality,
            f"{sentence_html(ev, limit=LIST_CHARS)} {issues}",
            f'<a class="doc-link" href="{href("documents", ev.doc_id, fragment=f"o{ev.start}")}">{e(ev.doc)}</a>']


def render_events(ctx: EventsPage) -> str:
    f = ctx.filter

    def link(offset: int) -> str:
        return href("events", query=query_string(f.params(offset=offset)))

    export = query_string({k: v for k, v in f.params().items() if k not in ("offset", "limit")})
    sep = "&" if export else "?"
    body = (f"<h1>Events</h1>{_form(ctx)}"
            f'<p class="note">Dates are those the text gives the event (not the article date); the basis says how '
            f"it was found. “happened” keeps asserted and reported events. Export this selection: "
            f'<a href="{e("/api/events" + export + sep + "format=csv")}">CSV (GDELT-style columns)</a> · '
            f'<a href="{e("/api/events" + export + sep + "format=plover")}">PLOVER JSON</a> · '
            f'<a href="{e("/api/events" + export)}">JSON</a></p>'
            + pager(ctx.total, f.offset, f.limit, link, "events")
            + table(["date (basis)", "source · type · target", "quad", "intensity", "modality", "evidence", "document"],
                    (_row(ev) for ev in ctx.events), numeric=(3,))
            + (pager(ctx.total, f.offset, f.limit, link, "events") if len(ctx.events) > 20 else ""))
    return page("Events", body, active="events")


def _actor(code: str | None, text: str | None, person: str | None) -> str:
    if not code:
        return '<span class="muted">none</span>'
    parts = [f"<b>{e(code)}</b>"]
    if text:
        parts.append(f"“{e(text)}”")
    if person:
        parts.append(f'<span class="muted">person: {e(person)}</span>')
    return " ".join(parts)


def render_event(ctx: EventPage) -> str:
    ev = ctx.event
    story = ""
    if ctx.story is not None:
        st = ctx.story
        flag = ' <span class="tag warn">sources disagree on its date</span>' if st.date_conflict else ""
        story = (f'<a class="story-link" href="{href("stories", st.story_id)}">{e(st.story_id)}</a>: '
                 f"{st.num_mentions} mention(s) in {st.num_sources} document(s), agreed date "
                 f"{e(date_label(st.date_start, st.date_end))}{flag}")
    attributed = f" — attributed to {e(ev.attributed_to)}" if ev.attributed_to else ""
    cue = f" (cue: “{e(ev.modality_cue)}”)" if ev.modality_cue else ""
    facts = [
        ("source", _actor(ev.source, ev.source_text, ev.source_person)),
        ("target", _actor(ev.target, ev.target_text, ev.target_person)
         + (f' <span class="muted">({e(ev.target_basis)})</span>' if ev.target_basis != "text" else "")),
        ("event", f'<b>{e(ev.plover)}</b> · quad <span class="q{ev.quad}">{e(ev.quad)}</span> · intensity '
                  f"{ev.intensity:+.1f}" + (f" · mode {e(ev.mode)}" if ev.mode else "")),
        ("trigger", f"“{e(ev.trigger)}”"),
        ("date", f"<b>{e(date_label(ev.date_start, ev.date_end))}</b> · precision {e(ev.date_precision or '—')} · "
                 f"basis <b>{e(ev.date_basis)}</b>" + (f" · from “{e(ev.date_text)}”" if ev.date_text else "")
                 + (f' <span class="muted">{e(ev.date_rule)}</span>' if ev.date_rule else "")),
        ("modality", f"<b>{e(ev.modality)}</b>{attributed}{cue}"
                     + (f' <span class="muted">{e(ev.modality_rule)}</span>' if ev.modality_rule else "")),
        ("issues", "".join(f'<span class="tag">{e(i)}</span>' for i in ev.issues) or "—"),
        ("rule", f"<code>{e(ev.rule)}</code> · confidence {ev.confidence:.2f}"),
        ("document", f'<a class="doc-link" href="{href("documents", ev.doc_id, fragment=f"o{ev.start}")}">'
                     f"{e(ctx.doc_title or ev.doc)}</a> <span class=\"muted\">{e(ev.doc)} · published "
                     f"{e(ctx.doc_published or 'unknown')} · characters {ev.start}–{ev.end}</span>"
                     + (' <span class="tag warn">superseded</span>' if ctx.superseded else "")),
        ("story", story or '<span class="muted">in no story</span>'),
        ("event id", f"<code>{e(ev.event_id)}</code>"),
    ]
    kv = "".join(f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in facts)
    others = table(["event", "trigger", "modality"],
                   ([f'<a href="{href("events", o.event_id)}">{e(event_title(o))}</a>', e(o.trigger), e(o.modality)]
                    for o in ctx.others), empty="No other event was coded from this sentence.")
    body = (f"<h1>{e(event_title(ev))} <span class=\"muted\">{e(date_label(ev.date_start, ev.date_end))}</span></h1>"
            f'<h2>Evidence in context</h2><p class="context"><span class="muted">{e(ctx.before)}</span>'
            f'<mark class="ev" id="evidence">{sentence_html(ev)}</mark><span class="muted">{e(ctx.after)}</span></p>'
            f'<p class="note">Marked: the trigger (bold), the source (solid underline) and the target (dashed).</p>'
            f'<h2>Record</h2><dl class="kv">{kv}</dl><h2>Other events from the same sentence</h2>{others}')
    return page(event_title(ev), body, active="events")

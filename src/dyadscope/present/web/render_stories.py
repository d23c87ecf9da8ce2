"""HTML of the cross-document pages (stories, one story, contradictions, periods) and of error pages."""

from __future__ import annotations

from ...records import HAPPENED
from .layout import e, href, page, pager, table
from .query import query_string
from .render_events import date_label, sentence_html
from .stories import ContradictionsPage, PeriodsPage, StoriesPage, StoryPage

__all__ = ["render_contradictions", "render_error", "render_periods", "render_stories", "render_story"]


def _story_title(source: str | None, plover: str, target: str | None) -> str:
    return f"{source or '—'} {plover} {target or '—'}"


def render_stories(ctx: StoriesPage) -> str:
    f = ctx.filter

    def link(offset: int) -> str:
        return href("stories", query=query_string(f.params(offset=offset)))

    rows = []
    for s in ctx.stories:
        flag = ' <span class="tag warn">dates disagree</span>' if s.date_conflict else ""
        rows.append([e(date_label(s.date_start, s.date_end)),
                     (f'<a class="story-link" href="{href("stories", s.story_id)}">'
                     f"{e(_story_title(s.source, s.plover, s.target))}</a>{flag}"),
                     f"“{e(s.trigger)}”", str(s.num_sources), str(s.num_mentions),
                     "".join(f'<span class="tag">{e(i)}</span>' for i in s.issues)])
    filters = ('<a href="/stories">all</a> · <a href="/stories?min_sources=2">seen in 2+ documents</a> · '
               '<a href="/stories?conflict=true">sources disagree on the date</a>')
    body = (f"<h1>Stories</h1><p class=\"note\">A story is one real-world event as one or more sentences and "
            f"documents report it; its date is the one most sources support. Show: {filters}.</p>"
            + pager(ctx.total, f.offset, f.limit, link, "stories")
            + table(["agreed date", "story", "trigger", "sources", "mentions", "issues"], rows, numeric=(3, 4)))
    return page("Stories", body, active="stories")


def render_story(ctx: StoryPage) -> str:
    s = ctx.story
    rows = []
    for m in ctx.mentions:
        ev = m.event
        agree = {True: "agrees", False: '<span class="tag warn">differs</span>', None: '<span class="muted">—</span>'}
        modality = e(ev.modality) if ev.modality in HAPPENED else f'<span class="tag warn">{e(ev.modality)}</span>'
        rows.append([(f'<a class="doc-link" href="{href("documents", ev.doc_id, fragment=f"o{ev.start}")}">'
                     f'{e(m.doc_title or ev.doc)}</a><br><span class="muted">{e(ev.doc)}</span>'),
                     (f"{e(date_label(ev.date_start, ev.date_end))}<br><span class=\"muted\">{e(ev.date_basis)}"
                     f"{' · ' + e(ev.date_text) if ev.date_text else ''}</span>"), agree[m.agrees], modality,
                     f'{sentence_html(ev)} <a class="event-link" href="{href("events", ev.event_id)}">event</a>'])
    dates = ", ".join(f"{e(d)} ({n})" for d, n in ctx.dates)
    conflict = (f'<p class="note"><span class="tag warn">dates disagree</span> the mentions give {dates}; the '
                f"agreed date is the one more sources support.</p>" if s.date_conflict else
                f'<p class="note">Dates given by the mentions: {dates or "none"}.</p>')
    contra = table(["kind", "one says", "another says", "why"],
                   ([e(c.kind), f"<b>{e(c.a_value)}</b> — {e(c.a_doc)}<br><span class=\"quote\">{e(c.a_quote)}</span>",
                     f"<b>{e(c.b_value)}</b> — {e(c.b_doc)}<br><span class=\"quote\">{e(c.b_quote)}</span>",
                     e(c.note)] for c in ctx.contradictions), empty="No contradiction was recorded about this story.")
    issues = "".join(f'<span class="tag">{e(i)}</span>' for i in s.issues)
    body = (f"<h1>{e(_story_title(s.source, s.plover, s.target))} <span class=\"muted\">"
            f"{e(date_label(s.date_start, s.date_end))}</span></h1>"
            f'<p class="note">“{e(s.trigger)}” · {s.num_mentions} mention(s) in {s.num_sources} document(s) · '
            f"agreed date {e(date_label(s.date_start, s.date_end))} ({e(s.date_precision or 'no precision')}) "
            f"{issues} · <code>{e(s.story_id)}</code> · {e(s.rule)}</p>{conflict}"
            f"<h2>Mentions</h2>"
            + table(["document", "date (basis)", "vs agreed date", "modality", "evidence"], rows)
            + f"<h2>Contradictions</h2>{contra}")
    return page(_story_title(s.source, s.plover, s.target), body, active="stories")


def _side(doc: str, doc_id: str | None, value: str, quote: str, start: int) -> str:
    name = (f'<a class="doc-link" href="{href("documents", doc_id, fragment=f"o{start}" if start >= 0 else "")}">'
            f"{e(doc)}</a>" if doc_id else e(doc))
    return f'<b>{e(value)}</b> — {name}<br><span class="quote">{e(quote)}</span>'


def render_contradictions(ctx: ContradictionsPage) -> str:
    rows = []
    for r in ctx.rows:
        c = r.contradiction
        subject = e(c.subject)
        if r.story_id:
            subject += f'<br><a class="story-link" href="{href("stories", r.story_id)}">the story</a>'
        rows.append([f'{subject}<br><span class="muted">{e(c.kind)}</span>',
                     _side(c.a_doc, r.a_doc_id, c.a_value, c.a_quote, c.a_start),
                     _side(c.b_doc, r.b_doc_id, c.b_value, c.b_quote, c.b_start),
                     f'{e(c.note)}<br><span class="muted">{e(c.rule)}</span>'])
    kinds = " · ".join(f'<a href="{href("contradictions", query=query_string({"kind": k}))}">{e(k)}</a> ({n})'
                       for k, n in sorted(ctx.kinds.items()))
    body = (f"<h1>Contradictions</h1><p class=\"note\">Two claims that cannot both be true: facts two documents "
            f"state differently, and dates a document gives against its better-supported story. "
            f"{('Kinds: ' + kinds + ' · <a href=/contradictions>all</a>') if kinds else ''}</p>"
            + table(["subject", "one source says", "another says", "why they cannot both be true"], rows,
                    empty="No contradictions between documents were found."))
    return page("Contradictions", body, active="contradictions")


def render_periods(ctx: PeriodsPage) -> str:
    stated = table(["document", "stage", "start (basis)", "end (basis)", "kind / scope", "evidence", "rule"],
                   ([(f'<a class="doc-link" href="{href("documents", p.doc_id)}">{e(ctx.doc_titles.get(p.doc_id, p.doc))}'
                     f"</a>"), e(p.label), f'{e(p.start)} <span class="muted">{e(p.start_basis)}</span>',
                     f'{e(p.end)} <span class="muted">{e(p.end_basis)}</span>', f"{e(p.kind)} / {e(p.scope)}",
                     f'<a class="quote" href="{href("documents", p.doc_id, fragment=f"o{p.offset}")}">'
                     f"{e(p.sentence)}</a>" if p.offset >= 0 else f'<span class="quote">{e(p.sentence)}</span>',
                     f'<span class="muted">{e(p.rule)}</span>'] for p in ctx.stated),
                   empty="No document states a periodisation of the relationship.")
    st = ctx.stages
    if st.years:
        cps = "; ".join(f"{c.year} (90% of resamples between {c.low} and {c.high}, support {c.support:.0%})"
                        for c in st.change_points) or "none found"
        detected = (f'<p class="note">Change points of the yearly net cooperation of {e("–".join(ctx.dyad))} '
                    f"(ruptures Pelt, weighted L2, penalty {st.penalty:.2f}): {e(cps)}.</p>"
                    + table(["detected stage", "from", "to", "support of its start"],
                            ([e(p.label), e(p.start), e(p.end), f"{p.confidence:.0%}"] for p in st.periods)))
    else:
        detected = '<p class="note">No dated events of the dyad: no index and no detected stages.</p>'
    body = (f"<h1>Periods</h1><h2>Stages stated by the authors</h2>{stated}"
            f"<h2>Stages detected from the events</h2>{detected}")
    return page("Periods", body, active="periods")


def render_error(status: int, message: str, hint: str | None = None) -> str:
    """The page of a failed request (404, 422, 503): what happened and what to do."""
    titles = {404: "Not found", 422: "Bad request", 503: "Store unavailable"}
    title = titles.get(status, "Error")
    body = (f"<h1>{status} · {e(title)}</h1><p>{e(message)}</p>"
            + (f'<p class="note">{e(hint)}</p>' if hint else "")
            + '<p class="note"><a href="/">Back to the report</a></p>')
    return page(title, body)

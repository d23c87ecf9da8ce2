"""The static HTML report: one self-contained file that works offline (DESIGN §6).

:func:`render` turns a :class:`~dyadscope.present.context.ReportContext` into a page: plotly.js is inlined
(no CDN), fonts are the reader's own (no web fonts), and every piece of document text is HTML-escaped —
documents are untrusted input. Figures are embedded as JSON with ``<``, ``>`` and ``&`` escaped so no text
can close the script element. Sections: corpus and sources; timeline; relationship index with detected
stages and the authors' periodisations; issues over time; source profiles; contradictions; facts; stories
with every evidence.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from ..errors import UsageError
from .charts import QUAD_NAMES, figures
from .context import ReportContext

__all__ = ["render", "write_report"]

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0;color:#222;
background:#fff;line-height:1.45}
header{background:#1f4e79;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:1.5em}
header p{margin:2px 0;opacity:.9}main{padding:8px 28px 40px;max-width:1400px}
section{margin:28px 0}h2{border-bottom:2px solid #1f4e79;padding-bottom:4px;font-size:1.2em}
table{border-collapse:collapse;width:100%;font-size:.86em}th,td{border:1px solid #ddd;padding:4px 6px;
vertical-align:top;text-align:left}th{background:#f0f4f8;position:sticky;top:0}tr:nth-child(even) td{background:#fafafa}
.num{text-align:right;font-variant-numeric:tabular-nums}.quote{font-style:italic;color:#333}.muted{color:#777}
.note{font-size:.85em;color:#555;margin:4px 0}.chart{width:100%;min-height:300px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}.card{background:#f0f4f8;border-radius:6px;
padding:8px 14px;min-width:110px}.card b{display:block;font-size:1.4em}
details{margin:4px 0;border:1px solid #e3e3e3;border-radius:4px;padding:4px 8px}summary{cursor:pointer}
details li{margin:3px 0}.tag{display:inline-block;background:#e8eef5;border-radius:3px;padding:0 5px;margin:0 2px;
font-size:.85em}.q1{color:#31a354}.q2{color:#006d2c}.q3{color:#e6550d}.q4{color:#a50f15}
"""

_BOOT = """
(function(){var figs=JSON.parse(document.getElementById('dyadscope-figures').textContent);
var config={displaylogo:false,responsive:true,modeBarButtonsToRemove:['sendDataToCloud']};
Object.keys(figs).forEach(function(id){var el=document.getElementById(id);
if(el){Plotly.newPlot(el,figs[id].data,figs[id].layout,config);}});})();
"""


@cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return str(get_plotlyjs())


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """A table; cells are already-escaped HTML."""
    th = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td class=\"num\">{c}</td>" if i in numeric else f"<td>{c}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _cards(ctx: ReportContext) -> str:
    items = [("documents", len(ctx.documents)), ("events", ctx.events_total), ("happened", ctx.happened_total),
             ("stories", ctx.stories_total), ("stated periods", len(ctx.periods)),
             ("detected stages", len(ctx.stages.periods)), ("contradictions", len(ctx.contradictions)),
             ("facts", ctx.facts_total)]
    return "<div class=\"cards\">" + "".join(f"<div class=\"card\"><b>{n:,}</b>{_e(k)}</div>" for k, n in items) + "</div>"


def _documents(ctx: ReportContext) -> str:
    rows = []
    for d in ctx.documents:
        removed = ", ".join(f"{_e(k)}: {n}" for k, n in d.removed.items()) or "<span class=\"muted\">none</span>"
        rows.append([f"<b>{_e(d.title or d.doc)}</b><br><span class=\"muted\">{_e(d.doc)}</span>", _e(d.author),
                     _e(d.outlet), f"{_e(d.published)}<br><span class=\"muted\">{_e(d.published_basis)}</span>",
                     _e(d.language), str(d.sentences), str(d.events), str(d.happened), str(d.facts), str(d.periods),
                     removed])
    return _table(["document", "author", "outlet", "published (basis)", "language", "sentences", "events",
                   "happened", "facts", "periods", "removed noise"], rows, numeric=(5, 6, 7, 8, 9))


def _stages(ctx: ReportContext) -> str:
    st = ctx.stages
    if not st.years:
        return "<p class=\"note\">No dated events of the dyad: no index and no detected stages.</p>"
    rows = [[_e(p.label), _e(p.start), _e(p.end), f"{p.confidence:.0%}"] for p in st.periods]
    cps = "; ".join(f"{c.year} (90% of resamples between {c.low} and {c.high}, support {c.support:.0%})"
                    for c in st.change_points) or "none found"
    return (f"<p class=\"note\">Change points (ruptures Pelt, weighted L2 on yearly net cooperation, penalty "
            f"2·σ²·ln N = {st.penalty:.2f} with σ² = {st.sigma2:.2f}; uncertainty by bootstrap over events): "
            f"{_e(cps)}.</p>" + _table(["detected stage", "from", "to", "support of its start"], rows))


def _periods(ctx: ReportContext) -> str:
    if not ctx.periods:
        return "<p class=\"note\">No document states a periodisation of the relationship.</p>"
    rows = [[_e(p.doc), _e(p.label), f"{_e(p.start)} <span class=\"muted\">{_e(p.start_basis)}</span>",
             f"{_e(p.end)} <span class=\"muted\">{_e(p.end_basis)}</span>", f"{_e(p.kind)} / {_e(p.scope)}",
             f"<span class=\"quote\">{_e(p.sentence)}</span>", f"<span class=\"muted\">{_e(p.rule)}</span>"]
            for p in ctx.periods]
    return _table(["document", "stage", "start (basis)", "end (basis)", "kind / scope", "evidence", "rule"], rows)


def _profiles(ctx: ReportContext) -> str:
    rows = []
    for p in ctx.profiles:
        shares = p.quad_shares()
        mix = " ".join(f"<span class=\"q{q}\">q{q} {shares[q]:.0%}</span>" for q in (1, 2, 3, 4))
        net = p.net_cooperation()
        issues = " ".join(f"<span class=\"tag\">{_e(i)} {n}</span>" for i, n in list(p.issues.items())[:6])
        terms = " ".join(f"<span class=\"tag\">{_e(i)} {w:g}</span>" for i, w in list(p.issue_terms.items())[:6])
        rows.append([_e(p.title or p.doc), str(p.happened_events), mix if p.happened_events else "—",
                     f"{net:+.2f}" if net is not None else "—", issues or "—", terms or "—"])
    return _table(["document", "happened events", "quad mix", "net cooperation", "issues of its events",
                   "issues in its text (lexicon weight)"], rows, numeric=(1, 3))


def _contradictions(ctx: ReportContext) -> str:
    if not ctx.contradictions:
        return "<p class=\"note\">No contradictions between documents were found.</p>"
    rows = [[f"{_e(c.subject)}<br><span class=\"muted\">{_e(c.kind)}</span>",
             f"<b>{_e(c.a_value)}</b> — {_e(c.a_doc)}<br><span class=\"quote\">{_e(c.a_quote)}</span>",
             f"<b>{_e(c.b_value)}</b> — {_e(c.b_doc)}<br><span class=\"quote\">{_e(c.b_quote)}</span>", _e(c.note)]
            for c in ctx.contradictions]
    return _table(["subject", "one source says", "another says", "why they cannot both be true"], rows)


def _facts(ctx: ReportContext) -> str:
    rows = [[_e(f.doc), _e(f.subject), f"{_e(f.value)} {_e(f.unit)}", _e(f.date), _e(f.qualifier),
             f"<span class=\"quote\">{_e(f.sentence)}</span>", f"<span class=\"muted\">{_e(f.rule)}</span>"]
            for f in ctx.facts]
    more = f" (the first {len(ctx.facts):,} of {ctx.facts_total:,})" if ctx.facts_total > len(ctx.facts) else ""
    return (f"<details><summary>{ctx.facts_total:,} checkable facts{more}</summary>"
            + _table(["document", "subject", "value", "date", "qualifier", "evidence", "rule"], rows) + "</details>")


def _stories(ctx: ReportContext) -> str:
    parts = []
    for s in ctx.stories:
        quad = ""
        items = "".join(f"<li><b>{_e(m.doc)}</b> <span class=\"muted\">{_e(m.date)} · {_e(m.modality)}</span><br>"
                        f"<span class=\"quote\">{_e(m.sentence)}</span></li>" for m in s.mentions)
        flag = " <span class=\"tag\">dates disagree</span>" if s.date_conflict else ""
        issues = "".join(f"<span class=\"tag\">{_e(i)}</span>" for i in s.issues)
        parts.append(f"<details><summary><b>{_e(s.date or 'undated')}</b> · {_e(s.source)} {_e(s.plover)} "
                     f"{_e(s.target)} — “{_e(s.trigger)}” · {s.num_sources} source(s), {s.num_mentions} mention(s)"
                     f"{quad}{flag} {issues}</summary><ul>{items}</ul></details>")
    more = (f"<p class=\"note\">Listed: the {len(ctx.stories):,} best-sourced of {ctx.stories_total:,} stories.</p>"
            if ctx.stories_total > len(ctx.stories) else "")
    return more + ("".join(parts) or "<p class=\"note\">No stories.</p>")


def render(ctx: ReportContext) -> str:
    """The whole page as one string (needs no server and no network to display)."""
    figs = figures(ctx)
    quads = ", ".join(f"{q} {n}" for q, n in QUAD_NAMES.items())
    timeline_note = f"<p class=\"note\">{_e(ctx.timeline_note)}</p>" if ctx.timeline_note else ""
    issues_note = ("" if ctx.issues_by_year else
                   "<p class=\"note\">No happened event carries an issue code, so there is nothing to stack.</p>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(ctx.title)}</title><style>{_CSS}</style></head>
<body><header><h1>{_e(ctx.title)}</h1>
<p>Generated {_e(ctx.generated)} by dyadscope. Every event, period, fact and contradiction below links back to
the sentence it came from.</p></header><main>
{_cards(ctx)}
<section id="corpus"><h2>Corpus and sources</h2>{_documents(ctx)}</section>
<section id="timeline"><h2>Timeline</h2><p class="note">Events that the documents state as having happened,
placed at the date the text gives them (not the article date). Quads: {_e(quads)}. Hover a point for its
evidence sentence, document and rule.</p>{timeline_note}<div id="fig-timeline" class="chart"></div></section>
<section id="index"><h2>Relationship index and stages</h2><p class="note">Net cooperation = ((q1+q2)−(q3+q4))/n
per year; one real-world event (story) counts once; marker size and the grey bars show how many events stand
behind each year. Purple: detected change points with their uncertainty. Coloured bands above: each author's own
periodisation.</p><div id="fig-index" class="chart"></div>{_stages(ctx)}
<h3>Periodisations stated in the documents</h3>{_periods(ctx)}</section>
<section id="issues"><h2>Issues over time</h2>{issues_note}<div id="fig-issues" class="chart"></div></section>
<section id="profiles"><h2>Source profiles</h2><p class="note">Stance: evaluative words near each actor's
mentions (weights −3 … +3), summed and divided by (terms + 3), so a stance resting on few words stays near zero;
red is critical, blue favourable; the counts behind each cell are shown.</p><div id="fig-profiles" class="chart"></div>{_profiles(ctx)}</section>
<section id="contradictions"><h2>Contradictions</h2>{_contradictions(ctx)}</section>
<section id="facts"><h2>Facts</h2>{_facts(ctx)}</section>
<section id="stories"><h2>Stories and their evidence</h2>{_stories(ctx)}</section>
</main>
<script type="application/json" id="dyadscope-figures">{_json(figs)}</script>
<script>{_plotly_js()}</script>
<script>{_BOOT}</script>
</body></html>
"""


def write_report(ctx: ReportContext, path: str | Path) -> Path:
    """Render ``ctx`` and write it to ``path`` (parent folders are created); returns the path."""
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(render(ctx), encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        raise UsageError(f"cannot write the report to {out}: {exc}", hint="choose a writable path with --out") from exc
    return out

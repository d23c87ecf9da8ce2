"""Plotly figures of the report, as plain ``{"data": [...], "layout": {...}}`` dicts built from the context.

Plain dicts (not ``plotly.graph_objects``) keep rendering fast for large corpora; the page hands them to the
inlined plotly.js. Every text that comes from a document is HTML-escaped here, because plotly renders a
subset of HTML in hover labels and annotations.
"""

from __future__ import annotations

import html
import math
import re
from collections import defaultdict
from typing import Any

from .context import ReportContext

__all__ = ["QUAD_COLORS", "QUAD_NAMES", "figures"]

Figure = dict[str, Any]
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLORS = {1: "#74c476", 2: "#238b45", 3: "#fd8d3c", 4: "#d7301f"}
DOC_COLORS = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2", "#edc948", "#9c755f", "#bab0ac",
              "#ff9da7")
_FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", "size": 12}


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=False)


_LINE = re.compile(r".{1,90}(?:\s+|$)|\S+")


def _wrap(text: str) -> str:
    """Escaped text broken into lines of about 90 characters at spaces (for hover labels)."""
    return "<br>".join(line.strip() for line in _LINE.findall(_esc(text)) if line.strip())


def _layout(title: str, **extra: Any) -> dict[str, Any]:
    base = {"title": {"text": _esc(title), "x": 0.01}, "font": _FONT, "margin": {"l": 60, "r": 30, "t": 50, "b": 50},
            "hovermode": "closest", "paper_bgcolor": "white", "plot_bgcolor": "#fafafa",
            "legend": {"orientation": "h", "y": -0.15}}
    base.update(extra)
    return base


def timeline(ctx: ReportContext) -> Figure:
    """Events as points by date (x) and intensity (y), one trace per quad; hover shows the evidence."""
    by_quad: dict[int, list[Any]] = defaultdict(list)
    for p in ctx.timeline:
        by_quad[p.quad].append(p)
    data = []
    for quad in (1, 2, 3, 4):
        pts = by_quad.get(quad, [])
        data.append({
            "type": "scattergl", "mode": "markers", "name": f"{quad} {QUAD_NAMES[quad]}",
            "x": [p.x for p in pts], "y": [p.intensity for p in pts],
            "marker": {"color": QUAD_COLORS[quad], "size": 7, "opacity": 0.75},
            "hovertext": [f"<b>{_esc(p.date)}</b> · {_esc(p.source)} {_esc(p.plover)} {_esc(p.target)} "
                          f"(“{_esc(p.trigger)}”)<br>{_wrap(p.sentence)}<br><i>{_esc(p.doc)}</i> · {_esc(p.rule)}"
                          for p in pts],
            "hoverinfo": "text"})
    return {"data": data, "layout": _layout("Timeline of events (dated in the text)",
                                            xaxis={"title": {"text": "year"}}, yaxis={"title": {"text": "intensity"},
                                                                                    "range": [-10.5, 10.5]},
                                            height=460)}


def _period_years(p: Any, last: int) -> tuple[float, float] | None:
    try:
        a = int((p.start or p.end or "")[:4])
    except ValueError:
        return None
    try:
        b = int((p.end or "")[:4]) if p.end else max(last, a)
    except ValueError:
        b = max(last, a)
    if not p.start:
        a = b
    return a, b + 1


def index(ctx: ReportContext) -> Figure:
    """Net cooperation per year (marker size = events), events per year, detected change points with their
    uncertainty, and each author's periodisation as bands above."""
    both = [p for p in ctx.index_year if p.direction == "both"]
    years = [int(p.period) for p in both]
    data: list[dict[str, Any]] = [{
        "type": "bar", "name": "events per year", "x": years, "y": [p.n for p in both], "yaxis": "y2",
        "marker": {"color": "#cccccc"}, "opacity": 0.6, "hoverinfo": "skip"}]
    data.append({
        "type": "scatter", "mode": "lines+markers", "name": "net cooperation (both directions)", "x": years,
        "y": [round(p.net_cooperation, 3) for p in both],
        "marker": {"size": [6 + 3 * math.sqrt(p.n) for p in both], "color": "#1f4e79"},
        "hovertext": [f"<b>{p.period}</b>: net cooperation {p.net_cooperation:+.2f}<br>{p.n} events from "
                      f"{p.sources} document(s)<br>quads 1–4: {p.q1} / {p.q2} / {p.q3} / {p.q4}<br>mean intensity "
                      f"{p.mean_intensity:+.1f}; Goldstein-style sum {p.goldstein:+.1f}" for p in both],
        "hoverinfo": "text"})
    for direction, dash in ((f"{ctx.dyad[0]}>{ctx.dyad[1]}", "dot"), (f"{ctx.dyad[1]}>{ctx.dyad[0]}", "dash")):
        pts = [p for p in ctx.index_year if p.direction == direction]
        data.append({"type": "scatter", "mode": "lines", "name": direction.replace(">", " → "),
                     "x": [int(p.period) for p in pts], "y": [round(p.net_cooperation, 3) for p in pts],
                     "line": {"dash": dash, "width": 1.5}, "hovertext": [f"{p.period}: {p.net_cooperation:+.2f} "
                     f"({p.n} events)" for p in pts], "hoverinfo": "text"})
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    for cp in ctx.stages.change_points:
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": cp.low - 0.5, "x1": cp.high + 0.5,
                       "y0": 0, "y1": 0.68, "fillcolor": "#9467bd", "opacity": 0.12, "line": {"width": 0}})
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": cp.year - 0.5, "x1": cp.year - 0.5,
                       "y0": 0, "y1": 0.68, "line": {"color": "#9467bd", "dash": "dash"}})
        annotations.append({"x": cp.year - 0.5, "y": 0.68, "xref": "x", "yref": "paper", "showarrow": False,
                            "text": f"change {cp.year} (±: {cp.low}–{cp.high}, support {cp.support:.0%})",
                            "font": {"size": 10, "color": "#6a3d9a"}, "yanchor": "bottom"})
    last = max(years) if years else 2024
    docs = sorted({p.doc for p in ctx.periods})
    band_x: list[float] = []
    band_y: list[float] = []
    band_text: list[str] = []
    for row, doc in enumerate(docs):
        y0 = 0.72 + row * (0.26 / max(len(docs), 1))
        y1 = y0 + 0.22 / max(len(docs), 1)
        color = DOC_COLORS[row % len(DOC_COLORS)]
        for k, p in enumerate(x for x in ctx.periods if x.doc == doc):
            span = _period_years(p, last)
            if span is None:
                continue
            shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": span[0] - 0.5, "x1": span[1] - 0.5,
                           "y0": y0, "y1": y1, "fillcolor": color, "opacity": 0.35 + 0.25 * (k % 2),
                           "line": {"width": 1, "color": "white"}})
            band_x.append((span[0] + span[1]) / 2 - 0.5)
            band_y.append((y0 + y1) / 2)
            band_text.append(f"<b>{_esc(ctx.doc_titles.get(doc, doc))}</b> ({_esc(p.kind)}, {_esc(p.scope)})<br>"
                             f"{_wrap(p.label)}<br>{_esc(p.start or '?')}–{_esc(p.end or '')}")
        annotations.append({"x": 0, "y": (y0 + y1) / 2, "xref": "paper", "yref": "paper", "xanchor": "right",
                            "showarrow": False, "text": _esc(doc[:22]), "font": {"size": 9, "color": color}})
    data.append({"type": "scatter", "mode": "markers", "name": "authors' periodisations", "x": band_x,
                 "y": band_y, "yaxis": "y3", "marker": {"size": 10, "opacity": 0}, "hovertext": band_text,
                 "hoverinfo": "text", "showlegend": False})
    return {"data": data, "layout": _layout(
        "Relationship index by year, detected stages and the authors' periodisations",
        xaxis={"title": {"text": "year"}, "dtick": 1 if years and max(years) - min(years) < 25 else 5},
        yaxis={"title": {"text": "net cooperation"}, "range": [-1.1, 1.1], "domain": [0, 0.68], "zeroline": True},
        yaxis2={"overlaying": "y", "side": "right", "title": {"text": "events"}, "showgrid": False},
        yaxis3={"domain": [0.7, 1.0], "range": [0.7, 1.0], "visible": False},
        shapes=shapes, annotations=annotations, height=560, barmode="overlay",
        margin={"l": 150, "r": 40, "t": 50, "b": 50})}


def issues(ctx: ReportContext) -> Figure:
    """Stacked happened-event counts per issue and year."""
    data = []
    for issue, counts in ctx.issues_by_year.items():
        data.append({"type": "bar", "name": _esc(issue), "x": [int(y) for y in counts], "y": list(counts.values()),
                     "hovertemplate": f"{_esc(issue)} %{{x}}: %{{y}} events<extra></extra>"})
    return {"data": data, "layout": _layout("Issues over time (happened events per year)", barmode="stack",
                                            xaxis={"title": {"text": "year"}}, yaxis={"title": {"text": "events"}},
                                            height=420)}


def profiles(ctx: ReportContext) -> Figure:
    """Stance score per document (rows) and actor (columns), with the counts behind each cell."""
    actors: list[str] = list(ctx.dyad)
    for p in ctx.profiles:
        actors += [a for a in p.stance if a not in actors]
    actors = actors[:8]
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    hover: list[list[str]] = []
    for p in ctx.profiles:
        zr: list[float | None] = []
        tr: list[str] = []
        hr: list[str] = []
        for a in actors:
            st = p.stance.get(a)
            if st is None or st.mentions == 0:
                zr.append(None)
                tr.append("")
                hr.append(f"{_esc(p.doc)} · {a}: not mentioned")
                continue
            zr.append(round(st.score, 3))
            tr.append(f"{st.score:+.2f}<br>{st.mentions} m, +{st.positive}/−{st.negative}")
            terms = ", ".join(f"{_esc(t)} ({w:+.1f})" for t, w in st.top_terms)
            hr.append(f"<b>{_esc(p.doc)}</b> toward {a}: {st.score:+.2f}<br>{st.mentions} mentions, "
                      f"{st.positive} positive and {st.negative} negative terms<br>{terms}")
        z.append(zr)
        text.append(tr)
        hover.append(hr)
    rows = [_esc((p.title or p.doc)[:40]) for p in ctx.profiles]
    return {"data": [{"type": "heatmap", "z": z, "x": actors, "y": rows, "text": text, "texttemplate": "%{text}",
                      "hovertext": hover, "hoverinfo": "text", "colorscale": "RdBu", "reversescale": True, "zmid": 0,
                      "colorbar": {"title": {"text": "stance"}}}],
            "layout": _layout("Source profiles: stance toward each actor (m = mentions, +/− = evaluative terms)",
                              height=max(260, 70 + 48 * len(rows)), margin={"l": 260, "r": 30, "t": 50, "b": 40},
                              yaxis={"autorange": "reversed"})}


def figures(ctx: ReportContext) -> dict[str, Figure]:
    """Every figure of the page, keyed by the id of the element it is drawn in."""
    return {"fig-timeline": timeline(ctx), "fig-index": index(ctx), "fig-issues": issues(ctx),
            "fig-profiles": profiles(ctx)}

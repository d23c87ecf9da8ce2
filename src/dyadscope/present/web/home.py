"""The home page: the report of :mod:`dyadscope.present.report`, rendered live, with the site's navigation."""

from __future__ import annotations

from ...errors import DyadscopeError
from ..context import ReportContext
from ..report import render
from .layout import NAV_CSS, nav

__all__ = ["render_home"]


def render_home(ctx: ReportContext) -> str:
    """The report page with the navigation bar added at the top of its body."""
    html = render(ctx)
    if "</head>" not in html or "<body>" not in html:  # pragma: no cover - the report always has both
        raise DyadscopeError("the report page has no <head> or <body> to add the navigation to")
    html = html.replace("</head>", f"<style>{NAV_CSS}</style></head>", 1)
    return html.replace("<body>", "<body>" + nav("report"), 1)

"""The HTML page: self-contained, offline, and safe with untrusted document text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from reportkit import HOSTILE, small_context

from dyadscope.errors import UsageError
from dyadscope.present.report import render, write_report


@pytest.fixture(scope="module")
def page() -> str:
    return render(small_context())


def test_document_text_is_escaped_everywhere(page: str) -> None:
    assert HOSTILE not in page
    assert "window.__pwned=1</script>" not in page
    assert 'onerror="window.__pwned=2"' not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page


def test_the_figures_json_cannot_close_its_script_element(page: str) -> None:
    body = re.search(r'<script type="application/json" id="dyadscope-figures">(.*?)</script>', page, re.DOTALL)
    assert body is not None
    assert "<" not in body.group(1) and ">" not in body.group(1)
    figures = json.loads(body.group(1))
    assert set(figures) == {"fig-timeline", "fig-index", "fig-issues", "fig-profiles"}


def test_the_page_needs_no_network(page: str) -> None:
    markup = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.DOTALL)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", markup)
    assert not re.search(r"<script[^>]+src=", page) and not re.search(r"<link[^>]+href=", page)
    assert "@import" not in page and "fonts.googleapis" not in page and "cdn.plot.ly/plotly" not in page
    assert "Plotly.newPlot" in page and len(page) > 3_000_000  # plotly.js is inlined


def test_every_section_is_on_the_page(page: str) -> None:
    for section in ("corpus", "timeline", "index", "issues", "profiles", "contradictions", "facts", "stories"):
        assert f'<section id="{section}">' in page
    assert "<details><summary><b>1997</b> · AZE SUPPORT RUS" in page
    assert "Putin came to power in 2001." in page


def test_the_report_is_written_atomically_and_a_bad_path_is_a_usage_error(tmp_path: Path) -> None:
    out = write_report(small_context(), tmp_path / "sub" / "report.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(out.parent.glob("*.part"))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UsageError, match="--out"):
        write_report(small_context(), blocker / "report.html")

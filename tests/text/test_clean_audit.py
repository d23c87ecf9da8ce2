"""The cleaner explains itself: every change replays, rules are named and versioned, options and errors."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import spacy
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadscope.errors import UsageError
from dyadscope.options import make_options
from dyadscope.records import Removal
from dyadscope.text.clean import STEP_NAMES, clean, trace
from dyadscope.text.clean.data import (
    char_map,
    chrome_patterns,
    fallback_words,
    header_patterns,
    layout_words,
    notes_data,
)

RULE_RE = re.compile(r"^clean\.[a-z_]+\.v\d+:[a-z_.]+$")
SAMPLES = [
    "Rate this article\n(votes: 3, rating: 4)\n\nThe talks in Baku ended on Friday.\n\nFor business\nAbout us\n",
    ("The line was drawn in 1992.1 Both sides agreed.2 The map followed.3\n\n1. A. Author, \"Title\", Vol. 2, 1999, p. 4.\n"
    "2. B. Author, \"Other\", Journal, 2001, p. 7.\n"),
    "a broken hyphen-\nated word and a line\nthat wraps over\nseveral printed\nlines in a narrow\ncolumn of text.",
    "",
    "   \n\n  \n",
]


def _replay(before: str, removed: tuple[Removal, ...]) -> str:
    out, pos = [], 0
    for r in sorted(removed, key=lambda r: r.start or 0):
        assert r.start is not None and r.end is not None
        assert before[r.start:r.end] == r.text, r
        out.append(before[pos:r.start])
        out.append(r.replacement)
        pos = r.end
    out.append(before[pos:])
    return "".join(out)


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def test_every_change_replays_onto_the_input_of_its_step(shared: Path) -> None:
    for raw in [*_seed_texts(), *SAMPLES]:
        for t in trace(raw):
            assert _replay(t.before, t.result.removed) == t.result.text, t.step


def test_every_removal_names_a_versioned_rule_and_a_kind(shared: Path) -> None:
    for raw in [*_seed_texts(), *SAMPLES]:
        for r in clean(raw).removed:
            assert RULE_RE.match(r.rule), r.rule
            assert r.kind and r.kind.replace("_", "").isalpha()


def test_the_steps_run_characters_first_and_repairs_last() -> None:
    assert STEP_NAMES == ("unicode", "markup", "cable", "running_headers", "encyclopedia", "chrome", "notes",
                          "front_back_matter",
                          "footnote_markers", "paragraphs", "cable_marks", "repeats", "datelines", "drop_caps",
                          "spacing")


def test_cleaned_text_has_paragraphs_separated_by_one_blank_line(shared: Path) -> None:
    for raw in [*_seed_texts(), *SAMPLES]:
        text = clean(raw).text
        assert text == text.strip()
        assert "\n\n\n" not in text
        assert all(p.strip() and "\n" not in p for p in text.split("\n\n") if text)


def test_cleaning_its_own_output_changes_nothing(shared: Path) -> None:
    for raw in _seed_texts():
        once = clean(raw).text
        assert clean(once).text == once


def test_language_data_files_load_and_compile() -> None:
    assert len(chrome_patterns()) >= 40
    assert len({p.id for p in chrome_patterns()}) == len(chrome_patterns())
    assert "\u00a0" in {chr(k) for k in char_map().table}
    assert notes_data().heading.match("References") and notes_data().signals
    assert header_patterns().running and header_patterns().page_number
    assert "the" in layout_words().continuation and "throughout" in fallback_words()


def test_pages_of_a_pdf_are_cleaned_as_one_text_split_by_form_feeds() -> None:
    pages = ["Journal of Tests 1\nThe first page ends in the middle of a", "Journal of Tests 2\nsentence on the next."]
    t = trace("ignored", fmt="pdf", pages=pages)
    assert t[0].before == "\n\f".join(pages)
    assert "middle of a sentence on the next." in clean("ignored", fmt="pdf", pages=pages).text


def test_a_step_can_be_skipped_through_options() -> None:
    options = make_options(extra={"clean": {"skip": ["repeats"]}})
    text = "The same paragraph of more than six words here.\n\nThe same paragraph of more than six words here."
    assert clean(text, options=options).text.count("The same paragraph") == 2
    assert clean(text).text.count("The same paragraph") == 1


def test_an_unknown_step_or_format_is_a_usage_error_that_names_the_choices() -> None:
    with pytest.raises(UsageError, match="known steps"):
        clean("x", options=make_options(extra={"clean": {"skip": ["nonsense"]}}))
    with pytest.raises(UsageError, match="txt, md, html, pdf, docx"):
        clean("x", fmt="rtf")


def test_the_public_interface_is_pinned() -> None:
    import dyadscope.text.clean as package

    assert sorted(package.__all__) == ["Cleaned", "FORMATS", "STEPS", "STEP_NAMES", "Step", "Trace", "clean", "trace"]
    assert [f for f in package.Cleaned.__dataclass_fields__] == ["text", "removed", "warnings", "notes"]


def test_notes_are_none_when_nothing_was_moved() -> None:
    assert clean("A plain paragraph of text without notes.").notes is None


TEXT = st.text(alphabet=st.sampled_from(list("abcAB .,;:-–—\n\n\n\u00a0\u00ad\f\t1290“”*|()[]©@")), max_size=400)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_cleans_without_error_and_every_change_replays(raw: str) -> None:
    for t in trace(raw):
        assert _replay(t.before, t.result.removed) == t.result.text, t.step
    text = clean(raw).text
    assert "\n\n\n" not in text and text == text.strip()


def test_cleaning_costs_about_as_much_as_blank_spacy_tokenisation(shared: Path) -> None:
    texts = _seed_texts()
    nlp = spacy.blank("en")
    clean(texts[0])
    nlp.make_doc(texts[0])

    def best(fn: object) -> float:
        times = []
        for _ in range(3):
            t0 = time.process_time()
            for t in texts:
                fn(t)  # type: ignore[operator]
            times.append(time.process_time() - t0)
        return min(times)

    ratio = best(clean) / best(nlp.make_doc)
    # measured about 1.0 on the seeds (tests/text/bench_clean.py); the floor leaves room for noisy machines
    assert ratio < 2.5, f"clean() costs {ratio:.2f}x blank spaCy tokenisation"

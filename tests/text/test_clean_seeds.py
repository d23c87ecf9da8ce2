"""The cleaner on the five seed documents: no evidence is lost, and the annotated noise is gone.

Reads the seeds and the gold from ``../shared`` (fixtures in tests/conftest.py). Expected forms are
derived from the gold's quotes and notes, not written here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from conftest import GOLD, SEEDS

from dyadscope.text.clean import Cleaned, clean

GOLD_FILES = ("seed_events.jsonl", "seed_facts.jsonl", "seed_periods.jsonl")


def norm(text: str) -> str:
    """As ../shared/tools/score_events.py normalises, with spaces dropped as well."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    text = text.lower().replace("’", "'")
    return "".join(re.findall(r"[a-z0-9а-яё]+", text))


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@cache
def cleaned(doc: str) -> Cleaned:
    return clean((SEEDS / doc).read_text(encoding="utf-8"))


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _quotes() -> list[tuple[str, str, str]]:
    if not GOLD.is_dir():
        return []
    return [(r["doc"], r["id"], r["quote"]) for f in GOLD_FILES for r in _jsonl(GOLD / f)]


def _noise() -> list[tuple[str, dict]]:
    if not GOLD.is_dir():
        return []
    return [(d["doc"], n) for d in _jsonl(GOLD / "seed_docs.jsonl") for n in d.get("noise", [])]


@pytest.mark.parametrize("doc,rid,quote", _quotes(), ids=[q[1] for q in _quotes()])
def test_every_gold_quote_survives_cleaning(shared: Path, doc: str, rid: str, quote: str) -> None:
    assert norm(quote) in norm(cleaned(doc).text), f"{rid}: the cleaner dropped evidence {quote!r}"


# --- the gold noise ----------------------------------------------------------------------------------

def _note_examples(note: str) -> list[str]:
    """Strings quoted with '...' in a gold note (further examples of the same noise)."""
    return [m.replace("\\n", "\n") for m in re.findall(r"'([^']+)'", note or "")]


def _removed_text(c: Cleaned) -> str:
    return flat(" ".join(r.text for r in c.removed))


def gone(doc: str, n: dict) -> None:
    """The noise is out of the body, and a Removal explains it."""
    c = cleaned(doc)
    for line in (ln for ln in n["quote"].split("\n") if ln.strip()):
        assert flat(line) not in flat(c.text), f"{n['type']}: {line!r} is still in the body"
        assert flat(line) in _removed_text(c), f"{n['type']}: no removal records {line!r}"


def once(doc: str, n: dict) -> None:
    """A repeated paragraph or lead sentence is left exactly once."""
    first = flat(n["quote"].split("\n")[0])
    assert flat(cleaned(doc).text).count(first) == 1


def kept(doc: str, n: dict) -> None:
    """Typos are the author's: quoted exactly as printed, never corrected."""
    text = flat(cleaned(doc).text)
    raw = flat((SEEDS / doc).read_text(encoding="utf-8"))
    assert flat(n["quote"]) in text
    for example in _note_examples(n.get("note", "")):
        if flat(example) in raw:            # the note's further examples, where the text has them
            assert flat(example) in text, example


def joined(doc: str, n: dict) -> None:
    """Hard line breaks inside a paragraph are gone: the quote reads on one line."""
    assert flat(n["quote"]) in cleaned(doc).text


def to_notes(doc: str, n: dict) -> None:
    """End-notes, reference items and footnote texts move to ``notes``."""
    c = cleaned(doc)
    assert flat(n["quote"]) not in flat(c.text)
    assert c.notes is not None and flat(n["quote"]) in flat(c.notes)


def footnote_inline(doc: str, n: dict) -> None:
    """A footnote that landed mid-sentence goes to notes and the sentence is whole again."""
    to_notes(doc, n)
    halves = _note_examples(n.get("note", ""))
    assert len(halves) == 2
    assert f"{halves[0]} {halves[1]}" in flat(cleaned(doc).text)


def markers(doc: str, n: dict) -> None:
    """Glued note numbers are deleted; the word, the year and the punctuation stay; none is left."""
    text = flat(cleaned(doc).text)
    left = re.findall(r"[^\W\d_][.,;:!?…][”’\"]?\d{1,3}\b|[”’]\d{1,3}\b", text)
    assert not left, left
    for example in [n["quote"], *_note_examples(n.get("note", ""))]:
        m = re.search(r"([^\d\s])(\d{1,3})(\s|$)", example)
        if not m:
            continue
        assert flat(example) not in text, example
        assert flat(example[: m.end(1)] + example[m.end(2):]) in text, example


# Expected results of the line-end hyphens the gold names: compounds keep the hyphen, split words join.
HYPHENATION = {
    ("re", "domination"): "re-domination", ("one", "seventh"): "one-seventh",
    ("Russian", "Azerbaijani"): "Russian-Azerbaijani", ("through", "out"): "throughout",
    ("ac", "cusing"): "accusing", ("Kara", "bakh"): "Karabakh", ("part", "ners"): "partners",
}


def hyphenation(doc: str, n: dict) -> None:
    text = cleaned(doc).text
    for example in [n["quote"], *_note_examples(n.get("note", ""))]:
        m = re.search(r"(\w+)-\s*\n\s*(\w+)", example)
        assert m, example
        expected = HYPHENATION[(m.group(1), m.group(2))]
        assert re.search(rf"\b{re.escape(expected)}\b", text), f"{example!r} should read {expected!r}"
    assert not re.search(r"\w-\n", text)


def drop_cap(doc: str, n: dict) -> None:
    letter = re.search(r"drop cap '(\w)'", n["note"])
    assert letter, "the gold note names the lost letter"
    repaired = letter.group(1) + n["quote"].strip()
    assert flat(repaired) in flat(cleaned(doc).text)
    assert "drop_cap" in {r.kind for r in cleaned(doc).removed}


def spaces(doc: str, n: dict) -> None:
    text = flat(cleaned(doc).text)
    for example in [n["quote"], *_note_examples(n.get("note", ""))]:
        fixed = re.sub(r" ([-–—])(?=\w)", r" \1 ", re.sub(r",(?=\w)", ", ", example))
        assert flat(fixed) in text, fixed


def heading_kept(doc: str, n: dict) -> None:
    """Section headings are body structure: each stays, as a paragraph of its own."""
    paragraphs = cleaned(doc).text.split("\n\n")
    for example in [n["quote"], *_note_examples(n.get("note", ""))]:
        assert example in paragraphs


def lost_upstream(doc: str, n: dict) -> None:
    """Headings stripped before the text reached us cannot be restored; the sentences around stay."""
    assert norm(n["quote"]) in norm(cleaned(doc).text)


CHECKS: dict[str, Callable[[str, dict], None]] = {
    "running_header": gone, "rating_widget": gone, "poll_widget": gone, "view_counter": gone,
    "related_widget": gone, "staff_publications_widget": gone, "publisher_boilerplate": gone,
    "newsletter_cta": gone, "language_switch_link": gone, "footer_navigation": gone,
    "copyright_footer": gone, "contact_footer": gone, "dateline": gone, "byline": gone,
    "section_label": gone, "byline_block": gone, "split_title": gone,
    "repeated_paragraph": once, "duplicated_lead_sentence": once,
    "typo": kept, "ocr_typo": kept,
    "pdf_line_breaks": joined, "block_quote_layout": joined, "narrow_column_wrap": joined,
    "reference_list": to_notes, "truncated_reference": to_notes, "author_footnote_inline": to_notes,
    "footnote_inline": footnote_inline, "footnote_markers_glued": markers,
    "hyphenation_across_lines": hyphenation, "lost_drop_cap": drop_cap, "missing_spaces": spaces,
    "section_headings": heading_kept, "stripped_headings": lost_upstream,
}


@pytest.mark.parametrize("doc,noise", _noise(), ids=[f"{d[:3]}-{n['type']}" for d, n in _noise()])
def test_gold_noise_is_handled_as_decided(shared: Path, doc: str, noise: dict) -> None:
    check = CHECKS.get(noise["type"])
    assert check is not None, f"new noise type {noise['type']!r} in the gold: decide how the cleaner treats it"
    check(doc, noise)


def test_seed_cleaning_leaves_no_unexplained_changes(shared: Path) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        c = cleaned(path.name)
        assert c.text == c.text.strip() and "\n\n\n" not in c.text
        assert all(r.rule.startswith("clean.") and ".v" in r.rule for r in c.removed)

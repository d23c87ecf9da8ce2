"""Whole documents of each kind dyadscope is accepted on — cables, encyclopedia articles, journal pages and
analyses, news pages — loaded as files: metadata, what cleaning keeps and removes, notes, sentences.

The cases are data (tests/ingest/cases/documents.yaml), written by the dyadscope team; known failures are marked
``expect: fail`` and must keep failing until fixed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from dyadscope.ingest import from_text
from dyadscope.options import Options
from dyadscope.records import Document
from dyadscope.text.segment import segment

CASES = Path(__file__).parent / "cases" / "documents.yaml"
OPTIONS = Options()
KINDS = {"cable", "encyclopedia", "analysis", "news"}
CHECKS = ("metadata", "keep", "gone", "notes", "sentences", "kinds")


def _cases() -> list[dict[str, Any]]:
    return list(yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"])


def _params(check: str) -> list[Any]:
    out = []
    for case in _cases():
        if check not in case:
            continue
        marks = [pytest.mark.xfail(strict=True, reason=case["comment"])] if case["expect"] == "fail" else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


_LOADED: dict[str, Document] = {}


def _load(case: dict[str, Any]) -> Document:
    if case["id"] not in _LOADED:
        fmt = {".html": "html", ".htm": "html", ".md": "md"}.get(Path(case["file"]).suffix, "txt")
        _LOADED[case["id"]] = from_text(case["input"], OPTIONS, doc=case["file"], fmt=fmt)
    return _LOADED[case["id"]]


def _norm(s: str | None) -> str:
    return " ".join(re.findall(r"\w+", (s or "").lower()))


@pytest.mark.parametrize("case", _params("metadata"))
def test_each_document_gives_the_metadata_its_case_names(case: dict[str, Any]) -> None:
    doc = _load(case)
    got = {"title": doc.title, "author": doc.author, "outlet": doc.outlet, "published": doc.published,
           "precision": doc.published_precision, "basis": doc.published_basis}
    for field, want in case["metadata"].items():
        if field == "title" and want is not None:
            assert _norm(got["title"]) == _norm(want), (field, got)
        else:
            assert got[field] == want, (field, got)


@pytest.mark.parametrize("case", _params("keep") + _params("gone"))
def test_each_document_keeps_its_body_and_loses_its_furniture(case: dict[str, Any]) -> None:
    doc = _load(case)
    for text in case.get("keep", ()):
        assert text in doc.text, f"lost: {text!r}"
    for text in case.get("gone", ()):
        assert text not in doc.text, f"kept: {text!r}"


@pytest.mark.parametrize("case", _params("notes"))
def test_each_document_moves_its_closing_matter_to_the_notes(case: dict[str, Any]) -> None:
    doc = _load(case)
    for text in case["notes"]:
        assert doc.notes is not None and text in " ".join(doc.notes.split()), f"not in the notes: {text!r}"


@pytest.mark.parametrize("case", _params("sentences"))
def test_each_document_is_cut_into_the_sentences_a_reader_sees(case: dict[str, Any]) -> None:
    doc = _load(case)
    sentences = {s.text for s in segment(doc.doc_id, doc.text, doc.language)}
    for text in case["sentences"]:
        assert text in sentences, f"no such sentence: {text!r}"


@pytest.mark.parametrize("case", _params("kinds"))
def test_each_document_records_what_was_removed_by_kind(case: dict[str, Any]) -> None:
    doc = _load(case)
    kinds = {r.kind for r in doc.removed}
    assert set(case["kinds"]) <= kinds, set(case["kinds"]) - kinds


def test_document_cases_are_well_formed_and_cover_every_kind() -> None:
    ids: set[str] = set()
    kinds: set[str] = set()
    for case in _cases():
        assert {"id", "kind", "comment", "file", "input", "expect"} <= set(case), case.get("id")
        assert any(check in case for check in CHECKS), case["id"]
        assert case["expect"] in ("pass", "fail") and case["kind"] in KINDS, case["id"]
        assert case["id"] not in ids, f"duplicate case id {case['id']}"
        ids.add(case["id"])
        kinds.add(case["kind"])
    assert kinds == KINDS


DEV = Path(__file__).resolve().parents[2] / "bench" / "events_dev"


def test_the_development_cable_and_encyclopedia_article_keep_every_gold_quote() -> None:
    import json

    from dyadscope.ingest import load_file

    gold = [json.loads(line) for line in (DEV / "gold" / "events.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    docs = {p.name: load_file(p, OPTIONS) for p in sorted((DEV / "docs").iterdir())}
    lost = [g["id"] for g in gold if _norm(g["quote"]) not in _norm(docs[g["doc"]].text)]
    assert not lost
    cable = docs["cable-2009-07-baku-gazprom.txt"]
    assert (cable.published, cable.published_basis, cable.outlet) == ("2009-07-12", "cable_dtg", "US Embassy Baku")
    assert cable.author == "Martin Kessling" and "Medvedev" in (cable.title or "")
    article = docs["encyclopedia-russia-azerbaijan-military.txt"]
    assert article.title == "Azerbaijan–Russia military relations" and article.published == "2025-05-03"
    assert "[edit]" not in article.text and "Contents" not in article.text and "References" in (article.notes or "")

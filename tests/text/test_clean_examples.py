"""The cleaner on the plain-text and Markdown documents of the example corpus (examples/az-ru), which it
was not tuned on: the evidence in the corpus gold survives, and the annotated page furniture is gone.

The PDF, DOCX and HTML documents need the loaders first; the ingestion tests cover them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from conftest import EXAMPLES

from dyadscope.text.clean import Cleaned, clean

GOLD = EXAMPLES.parent / "gold"
FORMATS = {".txt": "txt", ".md": "md"}
GONE = {"dateline", "sign_off", "related_links", "site_menu", "rating_widget", "view_counter",
        "related_publications", "newsletter", "share_links", "kicker", "author_note", "reprint_notice"}
ONCE = {"repeated_headline"}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return "".join(re.findall(r"[a-z0-9а-яё]+", text.lower().replace("’", "'")))


def flat(text: str) -> str:
    return " ".join(re.sub(r"[*_#]", "", text).split())


def _jsonl(name: str) -> list[dict]:
    path = GOLD / name
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _readable(doc: str) -> bool:
    return Path(doc).suffix in FORMATS and (EXAMPLES / doc).is_file()


@cache
def cleaned(doc: str) -> Cleaned:
    data = (EXAMPLES / doc).read_bytes()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("cp1251")
    return clean(raw, fmt=FORMATS[Path(doc).suffix])


QUOTES = [(r["doc"], r.get("id", ""), r["quote"])
          for f in ("az-ru-events.jsonl", "az-ru-facts.jsonl", "az-ru-periods.jsonl")
          for r in _jsonl(f) if _readable(r["doc"])]
NOISE = [(d["doc"], n) for d in _jsonl("az-ru-docs.jsonl") if _readable(d["doc"])
         for n in d.get("noise", []) if n["type"] in GONE | ONCE]


@pytest.mark.parametrize("doc,rid,quote", QUOTES, ids=[f"{q[0][:12]}-{q[1]}" for q in QUOTES])
def test_example_evidence_survives_cleaning(doc: str, rid: str, quote: str) -> None:
    assert norm(quote) in norm(cleaned(doc).text), quote


@pytest.mark.parametrize("doc,noise", NOISE, ids=[f"{d[:12]}-{n['type']}" for d, n in NOISE])
def test_example_page_furniture_is_gone(doc: str, noise: dict) -> None:
    text = flat(cleaned(doc).text)
    first = flat(noise["quote"].split("\n")[0])
    if noise["type"] in ONCE:
        assert text.count(first) == 1
    else:
        assert first not in text

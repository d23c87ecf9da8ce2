"""The embedded example corpus is complete, messy in the intended ways, reproducible, and its annotations
quote it exactly."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from examples_kit import CORPUS, EXAMPLES, GOLD_DIR, documents, gold, pdf_text, raw_text, text_of, tool

PDF = CORPUS / "caspian-affairs-review-2013.pdf"
DOCX = CORPUS / "briefing-2024-after-karabakh.docx"
RUSSIAN = CORPUS / "2023-12-lavrov-bayramov-ru.txt"
HTML = CORPUS / "2024-12-azal-crash.html"
BYLINE = CORPUS / "2025-07-yekaterinburg-fallout.txt"

PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "OTHER": None,
}
PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}
ACTOR = re.compile(r"^[A-Z]{3,6}$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def article_text(doc: Path) -> str:
    """Roughly the article text of a document, for length checks."""
    if doc.suffix in (".html", ".htm"):
        body = re.search(r'<div class="article-body">(.*?)</div>\s*<div class="tags">', raw_text(doc), re.DOTALL)
        assert body, "the example page lost its article body"
        return re.sub(r"<[^>]+>", " ", body.group(1))
    return text_of(doc.name)


# ------------------------------------------------------------------------------------------- the corpus

def test_the_corpus_has_eight_to_ten_documents() -> None:
    assert 8 <= len(documents()) <= 10, [d.name for d in documents()]


@pytest.mark.parametrize("suffix", [".html", ".pdf", ".docx", ".md", ".txt"])
def test_every_format_users_bring_is_represented(suffix: str) -> None:
    assert any(d.suffix == suffix for d in documents())


def test_each_document_is_short_but_substantial() -> None:
    sizes = {d.name: words(article_text(d)) for d in documents()}
    assert all(200 <= n <= 750 for n in sizes.values()), sizes


def test_the_whole_example_folder_stays_well_under_a_megabyte() -> None:
    total = sum(p.stat().st_size for p in EXAMPLES.rglob("*") if p.is_file())
    assert total < 400_000, total


def test_sources_and_annotations_are_not_documents_of_the_corpus() -> None:
    names = {d.name for d in documents()}
    assert "SOURCES.md" not in names and "manifest.csv" not in names
    assert (CORPUS / "SOURCES.md").exists()
    assert not any(p.name.startswith("expected") for p in CORPUS.iterdir())


def test_the_russian_note_is_windows_1251_and_not_utf8() -> None:
    data = RUSSIAN.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1251")
    assert "5 декабря 2023 года" in text
    assert b"\r\n" in data


def test_the_pdf_has_several_pages_with_running_heads_and_page_numbers() -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(PDF))
    try:
        pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        meta = pdf.get_metadata_dict()
    finally:
        pdf.close()
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=41):
        assert re.search(rf"Caspian Affairs Review, Vol\. 9, No\. 2, Summer 2013\s+{number}\b", page)
    assert meta["Author"] == "Teymur Ashrafli"
    assert meta["CreationDate"].startswith("D:2013")


def test_the_pdf_text_comes_out_hyphenated_and_with_glued_note_numbers() -> None:
    text = pdf_text(PDF)
    assert re.search(r"\w[-\ufffe]\s*\n?\w", text)  # a word broken at a line end
    assert "a year.1" in text  # superscript note number glued to the sentence
    assert "Terms as summarised by the Russian presidency" in text


def test_the_docx_opens_with_its_properties_header_and_table() -> None:
    import docx

    d = docx.Document(str(DOCX))
    props = d.core_properties
    assert props.title and props.author == "Caspian Policy Desk"
    assert props.created is not None and props.created.year == 2024
    assert "NOT FOR CITATION" in d.sections[0].header.paragraphs[0].text
    assert d.tables and d.tables[0].rows[0].cells[0].text == "Year"


def test_the_html_page_carries_title_author_and_publication_time() -> None:
    page = raw_text(HTML)
    assert re.search(r"<title>[^<]+</title>", page)
    assert '<meta name="author" content="Rena Talibova">' in page
    assert 'property="article:published_time" content="2024-12-30T09:15:00+04:00"' in page
    for chrome in ("cookie", "Share on Facebook", "Related articles", "&copy; 2024"):
        assert chrome in page


def test_the_field_report_has_a_byline_with_issue_date_and_web_widgets() -> None:
    text = raw_text(BYLINE)
    assert re.search(r"^By [A-Z][a-z]+ [A-Z][a-z]+ \(\d{1,2}/\d{1,2}/\d{4} issue of the [^)]+\)$", text, re.MULTILINE)
    for widget in ("Rate this item", "Read 1,284 times", "Related publications", "Newsletter"):
        assert widget in text


def test_the_manifest_names_existing_files_and_only_some_of_them() -> None:
    with (CORPUS / "manifest.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == ["file", "title", "author", "outlet", "published", "url"]
    names = {d.name for d in documents()}
    assert {r["file"] for r in rows} <= names
    assert 0 < len(rows) < len(names)
    assert all(DATE.match(r["published"]) for r in rows)


def test_sources_lists_every_document_and_says_who_wrote_them() -> None:
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert "written by the dyadscope team for demonstration" in sources
    for d in documents():
        assert f"## {d.name}" in sources, d.name
    assert sources.count("https://") >= 40


# ----------------------------------------------------------------------------------- the generators

def test_regenerating_the_pdf_reproduces_the_committed_file(tmp_path: Path) -> None:
    out = tool("make_pdf").build(tmp_path / "again.pdf")
    assert out.read_bytes() == PDF.read_bytes()


def test_regenerating_the_docx_reproduces_the_committed_file(tmp_path: Path) -> None:
    out = tool("make_docx").build(tmp_path / "again.docx")
    assert out.read_bytes() == DOCX.read_bytes()


def test_the_pdf_says_what_its_source_text_says_once_headers_notes_and_hyphens_are_undone() -> None:
    make_pdf = tool("make_pdf")
    lines = [ln for ln in pdf_text(PDF).replace("\r", "").split("\n")
             if not ln.startswith(("Caspian Affairs Review, Vol.", "\u00a9 2013"))]
    joined = re.sub(r"-\n", "", "\n".join(lines).replace("\ufffe", ""))
    joined = re.sub(r"(?<=[a-z]\.)\d(?=\s)", "", joined)  # superscript note numbers glued to sentences

    def squash(text: str) -> str:
        return re.sub(r"\s+", "", text)

    flat = squash(joined)
    for n, note in make_pdf.FOOTNOTES.items():  # notes sit at the foot of a page, inside a paragraph
        flat = flat.replace(squash(f"{n} {note}"), "")
    for _kind, para in make_pdf.BODY:
        assert squash(re.sub(r"\[\^\d+\]", "", para)) in flat, para[:60]


def test_the_docx_says_what_its_source_text_says() -> None:
    import docx

    d = docx.Document(str(DOCX))
    body = [p.text for p in d.paragraphs if p.text]
    table = "\n".join("\t".join(c.text for c in row.cells) for row in d.tables[0].rows)
    expected = [t for k, t in tool("make_docx").BLOCKS if k != "table"]
    assert body == expected
    assert table == next(t for k, t in tool("make_docx").BLOCKS if k == "table")


def test_no_document_repeats_a_twelve_word_run_of_the_seeds(shared: Path) -> None:
    def grams(text: str) -> set[tuple[str, ...]]:
        ws = re.findall(r"\w+", text.lower())
        return {tuple(ws[i:i + 12]) for i in range(len(ws) - 11)}

    seeds: set[tuple[str, ...]] = set()
    for seed in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        seeds |= grams(seed.read_text(encoding="utf-8", errors="replace"))
    for d in documents():
        assert not grams(text_of(d.name)) & seeds, d.name


# ----------------------------------------------------------------------------------- the annotations

@pytest.mark.parametrize("name", ["az-ru-events.jsonl", "az-ru-periods.jsonl", "az-ru-facts.jsonl"])
def test_every_annotated_quote_is_on_one_line_of_its_document(name: str) -> None:
    missing = [r["id"] for r in gold(name)
               if "\n" in r["quote"] or not any(r["quote"] in ln for ln in text_of(r["doc"]).splitlines())]
    assert not missing


def test_annotation_ids_are_unique_and_name_documents_of_the_corpus() -> None:
    names = {d.name for d in documents()}
    for name in ("az-ru-events.jsonl", "az-ru-periods.jsonl", "az-ru-facts.jsonl", "az-ru-docs.jsonl"):
        rows = gold(name)
        assert {r["doc"] for r in rows} <= names, name
        ids = [r["id"] for r in rows if "id" in r]
        assert len(ids) == len(set(ids)), name


def test_every_document_has_annotated_events() -> None:
    per_doc = Counter(r["doc"] for r in gold("az-ru-events.jsonl"))
    assert set(per_doc) == {d.name for d in documents()}
    assert sum(per_doc.values()) >= 60


def test_events_follow_the_gold_conventions() -> None:
    for r in gold("az-ru-events.jsonl"):
        assert r["plover"] in PLOVER_QUAD, r["id"]
        expected = PLOVER_QUAD[r["plover"]]
        if r["plover"] == "REQUEST":
            assert r["quad"] in (1, 3), r["id"]  # an appeal is 1, a demand 3
        elif r["plover"] != "OTHER":
            assert r["quad"] == expected, r["id"]
        assert ACTOR.match(r["source"]), r["id"]
        assert r["target"] is None or ACTOR.match(r["target"]), r["id"]
        start, end, precision = r["date_start"], r["date_end"], r["date_precision"]
        if start is None:
            assert end is None and precision is None, r["id"]
        else:
            assert DATE.match(start) and len(start) == PRECISION_LENGTH[precision], r["id"]
            assert end is None or (DATE.match(end) and len(end) == len(start) and end >= start), r["id"]
        assert isinstance(r["issue"], list) and r["issue"], r["id"]


def test_the_annotated_events_reach_across_the_whole_period_and_many_event_types() -> None:
    rows = gold("az-ru-events.jsonl")
    years = {int(r["date_start"][:4]) for r in rows if r["date_start"]}
    assert min(years) <= 1992 and max(years) >= 2025
    assert len({r["plover"] for r in rows}) >= 12
    assert any(r["source"] == "RUS" and r["target"] == "AZE" and r["plover"] == "SANCTION" for r in rows)
    assert any(r["source"] == "AZE" and r["target"] == "RUS" and r["plover"] == "ACCUSE" for r in rows)


def test_at_least_two_documents_state_a_periodisation_of_the_relationship() -> None:
    rows = [r for r in gold("az-ru-periods.jsonl") if r["kind"] == "relationship"]
    per_doc = Counter(r["doc"] for r in rows)
    assert sum(1 for n in per_doc.values() if n >= 3) >= 2, per_doc
    for r in rows:
        assert DATE.match(r["start"]) and (r["end"] is None or r["end"] >= r["start"]), r["id"]


def test_disagreeing_facts_point_at_each_other() -> None:
    rows = gold("az-ru-facts.jsonl")
    pairs = {(r["doc"], other) for r in rows for other in (r["conflicts_with"] or []) if other != "established_fact"}
    assert len({frozenset(p) for p in pairs}) >= 3
    for a, b in pairs:
        assert (b, a) in pairs, (a, b)


def test_document_metadata_annotations_quote_the_noise_they_describe() -> None:
    import docx

    for r in gold("az-ru-docs.jsonl"):
        path = CORPUS / r["doc"]
        if path.suffix == ".pdf":
            seen = pdf_text(path).replace("\r", "").replace("\ufffe", "-\n")
        elif path.suffix == ".docx":
            d = docx.Document(str(path))
            seen = "\n".join([p.text for p in d.paragraphs] + [d.sections[0].header.paragraphs[0].text,
                             d.sections[0].footer.paragraphs[0].text]
                             + ["\t".join(c.text for c in row.cells) for row in d.tables[0].rows])
        else:
            seen = text_of(r["doc"])
        for noise in r["noise"]:
            assert noise["quote"] in seen, (r["doc"], noise["quote"])
        assert DATE.match(r["publication_date"]) and len(r["publication_date"]) == PRECISION_LENGTH[r["date_precision"]]


def test_the_gold_folder_holds_only_what_the_readme_describes() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for p in sorted(GOLD_DIR.iterdir()):
        assert f"gold/{p.name}" in readme, p.name

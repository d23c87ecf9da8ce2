"""Every loader on files made here: text in several encodings, Markdown, HTML, PDF and DOCX."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from ingest_builders import ARTICLE_HTML, HEADER, SPARSE_HTML, make_docx, make_pdf

from dyadscope.errors import EmptyFileError
from dyadscope.ingest import from_text, load_file
from dyadscope.ingest.api import sniff_format
from dyadscope.ingest.load_docx import load_docx
from dyadscope.ingest.load_pdf import load_pdf
from dyadscope.options import Options
from dyadscope.records import text_id

OPTIONS = Options()
RUSSIAN = ("Вице-премьеры двух стран обсудили в Баку строительство нового моста через реку Самур.\n\n"
           "Работы должны начаться весной, сообщила пресс-служба правительства.")


@pytest.mark.parametrize(("name", "data", "encoding"), [
    ("cp1251.txt", RUSSIAN.encode("cp1251"), "cp1251"),
    ("utf16.txt", codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), "utf-16-le"),
    ("utf16-nobom.txt", RUSSIAN.encode("utf-16-be"), "utf-16-be"),
    ("bom.txt", codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), "utf-8"),
    ("plain.md", RUSSIAN.encode("utf-8"), "utf-8"),
])
def test_a_russian_text_file_loads_right_in_any_encoding(tmp_path: Path, name: str, data: bytes,
                                                          encoding: str) -> None:
    (path := tmp_path / name).write_bytes(data)
    doc = load_file(path, OPTIONS)
    assert doc.text == RUSSIAN
    assert doc.encoding == encoding
    assert doc.language == "ru"
    assert doc.format == ("md" if name.endswith(".md") else "txt")
    assert doc.doc == name and doc.doc_id == text_id(doc.text)


def test_html_gives_the_main_text_without_navigation_and_its_metadata(tmp_path: Path) -> None:
    (path := tmp_path / "ferry.html").write_text(ARTICLE_HTML, encoding="utf-8")
    doc = load_file(path, OPTIONS)
    assert "resumed service on Tuesday" in doc.text
    assert "Log in" not in doc.text and "Subscribe" not in doc.text
    assert doc.text.count("\n\n") >= 3  # one paragraph per block
    assert (doc.title, doc.author, doc.outlet) == ("Ferry line to Aktau reopens", "Rustam Guliyev", "Caspian Ledger")
    assert doc.url == "https://ledger.example.org/2019/ferry-aktau"
    assert (doc.published, doc.published_precision, doc.published_basis) == ("2019-04-03", "day", "html")
    assert doc.metadata_basis["author"] == "html" and doc.format == "html"


def test_html_joins_source_line_breaks_inside_a_paragraph(tmp_path: Path) -> None:
    (path := tmp_path / "sparse.htm").write_text(SPARSE_HTML, encoding="utf-8")
    doc = load_file(path, OPTIONS)
    assert "on Friday, and agreed" in doc.text


def test_html_falls_back_to_readability_when_trafilatura_finds_nothing(tmp_path: Path) -> None:
    text = ("Delegations from the two capitals signed a memorandum on sharing the water of the Samur river on "
            "Friday, and agreed to meet again in the spring to review the flow measurements.")
    (path := tmp_path / "aside.html").write_text(f"<html><body><aside><p>{text}</p></aside></body></html>")
    doc = load_file(path, OPTIONS)
    assert doc.text == text
    assert any("readability" in w for w in doc.warnings)


def test_html_with_no_main_text_is_an_empty_file(tmp_path: Path) -> None:
    (path := tmp_path / "nav.html").write_text("<html><body><footer><p>Contact us</p></footer></body></html>")
    with pytest.raises(EmptyFileError, match="no main text"):
        load_file(path, OPTIONS)


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    html = (f'<html><head><meta charset="windows-1251"><title>Мост</title></head><body><article><p>{RUSSIAN}</p>'
            f'<p>{RUSSIAN}</p></article></body></html>')
    (path := tmp_path / "ru.html").write_bytes(html.encode("cp1251"))
    doc = load_file(path, OPTIONS)
    assert "строительство нового моста" in doc.text
    assert doc.encoding == "windows-1251"


def test_pdf_drops_running_headers_page_numbers_and_superscript_markers(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "talks.pdf", pages=3)
    doc = load_file(path, OPTIONS)
    assert HEADER not in doc.text
    kinds = [r.kind for r in doc.removed if r.rule.startswith("ingest.pdf")]
    assert kinds.count("running_header") == 3 and kinds.count("page_number") == 3
    assert kinds.count("footnote_marker") == 1
    assert "after months of delay." in doc.text and "delay.3" not in doc.text and "delay. 3" not in doc.text
    assert {r.rule for r in doc.removed if r.kind in ("running_header", "page_number", "footnote_marker")} == {
        "ingest.pdf.v1:margin_band", "ingest.pdf.v1:superscript"}
    assert "41" not in doc.text.split()


def test_pdf_keeps_line_end_hyphens_for_the_cleaner_and_text_per_page(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "talks.pdf", pages=2)
    loaded = load_pdf(path.read_bytes(), path)
    assert loaded.pages is not None and len(loaded.pages) == 2
    assert "dis-\nputed" in loaded.pages[0]
    assert HEADER in loaded.meta_text  # metadata rules still see the running journal line


def test_pdf_metadata_comes_from_its_properties_and_its_running_journal_line(tmp_path: Path) -> None:
    doc = load_file(make_pdf(tmp_path / "talks.pdf", pages=2), OPTIONS)
    assert (doc.title, doc.author) == ("Border talks", "Ilona Marsh")
    assert doc.outlet == "Caucasus Affairs Review"
    assert (doc.published, doc.published_precision, doc.published_basis) == ("2016", "season", "journal_line")


def test_pdf_tool_default_properties_are_ignored(tmp_path: Path) -> None:
    doc = load_file(make_pdf(tmp_path / "t.pdf", pages=2, title="Microsoft Word - draft7.docx", author="User"),
                    OPTIONS)
    assert doc.title is None and doc.author is None


def test_a_single_page_pdf_keeps_its_top_line_unless_it_is_a_page_number(tmp_path: Path) -> None:
    doc = load_file(make_pdf(tmp_path / "one.pdf", pages=1, superscript=False), OPTIONS)
    assert [r.kind for r in doc.removed if r.rule.startswith("ingest.pdf")] == ["page_number"]
    # the loader keeps the journal's issue line; the cleaner takes it out after it was read as metadata
    assert [r.rule.split(":")[1] for r in doc.removed if HEADER in r.text] == ["issue_line"]
    assert doc.outlet == "Caucasus Affairs Review" and doc.published_precision == "season"


def test_docx_gives_paragraphs_tables_and_core_properties(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "tariffs.docx", [
        "Pipeline tariffs raised",
        "The operator raised the transit tariff for oil shipped from Baku to the Black Sea by eight per cent.",
        "Shippers said they would appeal to the regulator.",
    ], title="Pipeline tariffs", author="Leyla Karimova", created=dt.datetime(2017, 5, 4, 10, 0),
        table=[["Year", "Tonnes"], ["2016", "4.1 million"]])
    doc = load_file(path, OPTIONS)
    assert doc.text.split("\n\n")[:2] == ["Pipeline tariffs raised", ("The operator raised the transit tariff for "
                                          "oil shipped from Baku to the Black Sea by eight per cent.")]
    assert "Year | Tonnes" in doc.text and "2016 | 4.1 million" in doc.text
    assert "Year | Tonnes\n2016 | 4.1 million" in load_docx(path.read_bytes(), path).text
    assert (doc.title, doc.author, doc.published, doc.published_precision) == (
        "Pipeline tariffs", "Leyla Karimova", "2017-05-04", "day")
    assert doc.metadata_basis == {"title": "docx", "author": "docx", "published": "docx"}
    assert doc.format == "docx"


@pytest.mark.parametrize(("head", "fmt"), [
    (b"%PDF-1.7\n", "pdf"),
    (b"<!DOCTYPE html><html><body>", "html"),
    (b"Plain words about the Caspian", "txt"),
])
def test_files_without_an_extension_are_sniffed(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


def test_from_text_builds_a_document_from_a_string() -> None:
    doc = from_text("By Leyla Karimova\n\nThe talks in Qabala ended without a statement on the radar lease.",
                    OPTIONS, doc="pasted.txt")
    assert doc.author == "Leyla Karimova" and doc.doc == "pasted.txt" and doc.path is None

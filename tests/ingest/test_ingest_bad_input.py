"""Bad input: every kind of broken file gets exactly one typed error that names it and says what to do; the
rest of the batch is processed, and ``dyadscope docs`` exits 1 without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_builders import make_docx, make_pdf
from typer.testing import CliRunner

from dyadscope.cli.main import app
from dyadscope.errors import (
    BinaryContentError,
    CorruptDocxError,
    CorruptPdfError,
    DecodeError,
    EmptyFileError,
    EncryptedPdfError,
    FileTooLargeError,
    IngestError,
    SymlinkLoopError,
    UnreadableFileError,
)
from dyadscope.ingest import Skipped, ingest_paths
from dyadscope.options import Options
from dyadscope.records import Document

GOOD = ("Azerbaijani and Russian customs officers agreed in Samur on Thursday to extend the opening hours of "
        "the border crossing during the harvest season.\n")

runner = CliRunner()


def _good_pdf_bytes(tmp: Path) -> bytes:
    return make_pdf(tmp / "source.pdf", pages=2).read_bytes()


def make_empty(folder: Path) -> Path:
    (p := folder / "empty.txt").write_bytes(b"")
    return p


def make_whitespace(folder: Path) -> Path:
    (p := folder / "blank.txt").write_text("  \n\n\t  \n")
    return p


def make_nul_bytes(folder: Path) -> Path:
    (p := folder / "nul.txt").write_bytes(b"\x00\x01\x02\x03binary\x00\x00" * 200)
    return p


def make_png_as_text(folder: Path) -> Path:
    (p := folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    return p


def make_undecodable(folder: Path) -> Path:
    (p := folder / "garbled.txt").write_bytes(bytes((i * 37 + 11) % 128 + 128 for i in range(3000)))
    return p


def make_truncated_pdf(folder: Path) -> Path:
    data = _good_pdf_bytes(folder.parent)
    (p := folder / "truncated.pdf").write_bytes(data[: len(data) // 2])
    return p


def make_random_pdf(folder: Path) -> Path:
    (p := folder / "random.pdf").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(5000)))
    return p


def make_encrypted_pdf(folder: Path) -> Path:
    return make_pdf(folder / "locked.pdf", pages=1, encrypt="caspian")


def make_scanned_pdf(folder: Path) -> Path:
    return make_pdf(folder / "scan.pdf", pages=2, text=False)


def make_corrupt_docx(folder: Path) -> Path:
    (p := folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a word document")
    return p


def make_docx_without_body(folder: Path) -> Path:
    p = folder / "hollow.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("docProps/app.xml", "<Properties/>")
    return p


def make_too_large(folder: Path) -> Path:
    (p := folder / "huge.txt").write_text(GOOD * 1000)
    return p


CASES: list[tuple[str, Callable[[Path], Path], type[IngestError], str]] = [
    ("an empty file", make_empty, EmptyFileError, "empty"),
    ("a whitespace-only file", make_whitespace, EmptyFileError, "whitespace"),
    ("NUL bytes behind .txt", make_nul_bytes, BinaryContentError, "NUL"),
    ("a PNG behind .txt", make_png_as_text, BinaryContentError, "PNG"),
    ("undecodable bytes", make_undecodable, DecodeError, "encoding"),
    ("a truncated PDF", make_truncated_pdf, CorruptPdfError, "cannot be opened"),
    ("random bytes named .pdf", make_random_pdf, CorruptPdfError, "cannot be opened"),
    ("an encrypted PDF", make_encrypted_pdf, EncryptedPdfError, "password"),
    ("a PDF without a text layer", make_scanned_pdf, EmptyFileError, "OCR"),
    ("a corrupt DOCX", make_corrupt_docx, CorruptDocxError, "DOCX"),
    ("a DOCX package without its document part", make_docx_without_body, CorruptDocxError, "DOCX"),
    ("a file over the size limit", make_too_large, FileTooLargeError, "--max-bytes"),
]


def _batch(tmp_path: Path, make: Callable[[Path], Path]) -> tuple[Path, Path]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD)
    bad = make(folder)
    make_docx(folder / "z_good.docx", [GOOD.strip()])
    return folder, bad


def _run(folder: Path) -> tuple[list[Document], list[IngestError], list[Skipped]]:
    docs, errors, skipped = [], [], []
    for item in ingest_paths([folder], Options(max_bytes=100_000)):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, IngestError):
            errors.append(item)
        else:
            skipped.append(item)
    return docs, errors, skipped


@pytest.mark.parametrize(("label", "make", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_bad_file_gets_one_typed_error_and_the_batch_goes_on(
        tmp_path: Path, label: str, make: Callable[[Path], Path], error: type[IngestError], words: str) -> None:
    folder, bad = _batch(tmp_path, make)
    docs, errors, _ = _run(folder)
    assert [type(e) for e in errors] == [error], label
    message = str(errors[0])
    assert str(bad) in message and words in message
    assert errors[0].hint  # says what to do
    assert sorted(d.doc for d in docs) == ["a_good.txt", "z_good.docx"]


@pytest.mark.parametrize(("label", "make", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_the_docs_command_names_the_bad_file_and_exits_1_without_a_traceback(
        tmp_path: Path, label: str, make: Callable[[Path], Path], error: type[IngestError], words: str) -> None:
    folder, bad = _batch(tmp_path, make)
    result = runner.invoke(app, ["docs", str(folder), "--max-bytes", "100000"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    flat = "".join(result.stderr.split())  # the summary may wrap long paths
    assert bad.name in flat and "".join(words.split()) in flat
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert sorted(r["doc"] for r in lines) == ["a_good.txt", "z_good.docx"]


def test_a_symlink_loop_is_one_error_and_the_other_files_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "note.txt").write_text(GOOD)
    (folder / "inner" / "back").symlink_to(folder, target_is_directory=True)
    docs, errors, _ = _run(folder)
    assert [type(e) for e in errors] == [SymlinkLoopError]
    assert str(folder / "inner" / "back") in str(errors[0])
    assert [d.doc for d in docs] == ["note.txt"]


def test_a_self_referencing_symlink_is_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    docs, errors, _ = _run(tmp_path)
    assert [type(e) for e in errors] == [SymlinkLoopError]
    assert "self.txt" in str(errors[0])
    assert [d.doc for d in docs] == ["good.txt"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not stop root from reading; "
                           "test_a_file_that_cannot_be_read_is_unreadable covers the same path")
def test_a_file_without_read_permission_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    try:
        docs, errors, _ = _run(tmp_path)
    finally:
        locked.chmod(0o644)
    assert [type(e) for e in errors] == [UnreadableFileError]
    assert "locked.txt" in str(errors[0]) and "permission" in str(errors[0])
    assert [d.doc for d in docs] == ["good.txt"]


def test_a_file_that_cannot_be_read_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    docs, errors, _ = _run(tmp_path)
    assert [type(e) for e in errors] == [UnreadableFileError]
    assert str(locked) in str(errors[0]) and "permission" in str(errors[0])
    assert [d.doc for d in docs] == ["good.txt"]


def test_a_path_that_does_not_exist_is_named(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    items = list(ingest_paths([tmp_path / "missing.txt", tmp_path / "good.txt"], Options()))
    assert isinstance(items[0], UnreadableFileError) and "missing.txt" in str(items[0])
    assert isinstance(items[1], Document)


def test_a_malformed_manifest_is_one_error_and_the_documents_are_still_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "manifest.jsonl").write_text('{"file": "good.txt", "title": "Samur"}\n{not json\n')
    docs, errors, _ = _run(tmp_path)
    assert [e.code for e in errors] == ["manifest"]
    assert "manifest.jsonl" in str(errors[0]) and "line 2" in str(errors[0])
    assert [d.doc for d in docs] == ["good.txt"]


def test_the_installed_command_exits_1_and_prints_no_traceback(tmp_path: Path) -> None:
    folder, _ = _batch(tmp_path, make_corrupt_docx)
    proc = subprocess.run([sys.executable, "-m", "dyadscope.cli.main", "docs", str(folder)],
                          check=False, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "broken.docx" in "".join(proc.stderr.split())  # the summary may wrap long paths
    assert len([line for line in proc.stdout.splitlines() if line.startswith("{")]) == 2

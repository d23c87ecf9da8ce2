"""One exception hierarchy for dyadscope.

Library code raises these; only the edges (CLI, web) turn them into messages and exit codes. Every error
names what it is about (a file, a record, an option) and says what the user can do next.

    DyadscopeError
    ├── UsageError            bad arguments or options (exit code 2)
    ├── DataFileError         a language-data file under ``dyadscope/data`` is malformed
    ├── IngestError           one input file could not be turned into a document
    │   ├── EmptyFileError
    │   ├── BinaryContentError
    │   ├── DecodeError
    │   ├── FileTooLargeError
    │   ├── CorruptPdfError
    │   ├── EncryptedPdfError
    │   ├── CorruptDocxError
    │   ├── SymlinkLoopError
    │   ├── UnreadableFileError
    │   └── ManifestError
    ├── StoreError            the store could not be opened, migrated or written
    └── GoldFileError         a gold file for ``eval`` is malformed
"""

from __future__ import annotations

from pathlib import Path


class DyadscopeError(Exception):
    """Base class of every error dyadscope raises on purpose."""

    #: short, stable machine name of the error kind (used in summaries and JSON errors)
    code = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class UsageError(DyadscopeError):
    code = "usage"


class DataFileError(DyadscopeError):
    code = "data_file"


class StoreError(DyadscopeError):
    code = "store"


class GoldFileError(DyadscopeError):
    code = "gold_file"


class IngestError(DyadscopeError):
    """A single input file failed; the batch goes on without it."""

    code = "ingest"
    default_hint = "check the file, or leave it out of the batch"

    def __init__(self, path: str | Path, message: str, *, hint: str | None = None) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: {message}", hint=hint or self.default_hint)


class EmptyFileError(IngestError):
    code = "empty_file"
    default_hint = "the file has no text; re-export it from its source or remove it"


class BinaryContentError(IngestError):
    code = "binary_content"
    default_hint = "the bytes are not text although the extension says so; rename it to its real format"


class DecodeError(IngestError):
    code = "undecodable"
    default_hint = "save the file as UTF-8, or give its encoding in the manifest's 'encoding' column"


class FileTooLargeError(IngestError):
    code = "too_large"
    default_hint = "split the file, or raise the limit with --max-bytes"


class CorruptPdfError(IngestError):
    code = "corrupt_pdf"
    default_hint = "the PDF is truncated or damaged; download or export it again"


class EncryptedPdfError(IngestError):
    code = "encrypted_pdf"
    default_hint = "the PDF is password-protected; save an unprotected copy (e.g. print to PDF) and retry"


class CorruptDocxError(IngestError):
    code = "corrupt_docx"
    default_hint = "the DOCX is not a valid Word file; open and save it again in a word processor"


class SymlinkLoopError(IngestError):
    code = "symlink_loop"
    default_hint = "a symbolic link points back into a folder already walked; remove the link"


class UnreadableFileError(IngestError):
    code = "unreadable"
    default_hint = "check that the file exists and that you may read it (permissions)"


class ManifestError(IngestError):
    code = "manifest"
    default_hint = "fix the manifest (columns: file,title,author,outlet,published,url) and retry"

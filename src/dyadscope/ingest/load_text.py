"""Plain text and Markdown: decode the bytes (see :mod:`dyadscope.ingest.decode`)."""

from __future__ import annotations

from pathlib import Path

from ..errors import DecodeError
from .decode import Decoded, decode_bytes, normalise_newlines
from .items import Loaded


def decode_with(data: bytes, path: Path, encoding: str | None) -> Decoded:
    """Decode ``data`` with the given encoding (from a manifest), or detect it when None."""
    if not encoding:
        return decode_bytes(data, path)
    try:
        text = data.decode(encoding)
    except LookupError as exc:
        raise DecodeError(path, f"the manifest gives an unknown encoding {encoding!r}",
                          hint="use a Python codec name such as utf-8, cp1251 or latin-1") from exc
    except UnicodeDecodeError as exc:
        raise DecodeError(path, f"the bytes are not valid {encoding} as the manifest says (byte {exc.start})",
                          hint="correct the manifest's encoding column or leave it empty to detect it") from exc
    return Decoded(normalise_newlines(text), encoding)


def load_text(data: bytes, path: Path, fmt: str = "txt", encoding: str | None = None) -> Loaded:
    """A ``.txt`` or ``.md`` file."""
    decoded = decode_with(data, path, encoding)
    return Loaded(text=decoded.text, fmt=fmt, meta_text=decoded.text, encoding=decoded.encoding,
                  warnings=decoded.warnings)

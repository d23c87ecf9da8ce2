"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a BOM, legacy single-byte encodings.

The order of checks:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32);
2. known binary signatures (PNG, ZIP, PDF …) and NUL bytes mean binary content — unless the NULs are the
   high bytes of UTF-16 text without a BOM, which is then decoded;
3. strict UTF-8;
4. the legacy encodings of ``data/ingest/encodings.yaml`` plus charset-normalizer's guess, each scored for
   plausibility (:func:`plausibility`): words must stay within one script, prose is mostly lower case and has
   a normal share of vowels, Latin text is mostly unaccented. That is what tells Windows-1251 Russian from
   the same bytes read as Latin-1 ("Ïðèâåò") or KOI8-R.

Line ends come out as ``\\n``. Raises :class:`~dyadscope.errors.EmptyFileError`,
:class:`~dyadscope.errors.BinaryContentError` or :class:`~dyadscope.errors.DecodeError`, naming the file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import BinaryContentError, DecodeError, EmptyFileError
from ..lexicon import load_yaml

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WORD_RE = re.compile(r"[^\W\d_]+")
_NEWLINES_RE = re.compile(r"\r\n?")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Script:
    name: str
    letters: re.Pattern[str]
    vowels: frozenset[str]
    doubtful: frozenset[str]


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    data = load_yaml("ingest/encodings.yaml")
    return dict(data)


@lru_cache(maxsize=1)
def _scripts() -> tuple[_Script, ...]:
    out = []
    for name, spec in _config()["scripts"].items():
        cls = "".join(spec["ranges"])
        out.append(_Script(name, re.compile(f"[{cls}]+"), frozenset(spec.get("vowels", "")),
                           frozenset(spec.get("doubtful", ""))))
    return tuple(out)


@lru_cache(maxsize=1)
def _magic() -> tuple[tuple[bytes, str, bool], ...]:
    data = load_yaml("ingest/formats.yaml")
    return tuple((bytes.fromhex(m["hex"]), str(m["name"]), bool(m.get("strong", False))) for m in data["magic"])


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM character is dropped."""
    text = _NEWLINES_RE.sub("\n", text)
    return text.removeprefix("\ufeff")


def binary_kind(head: bytes) -> str | None:
    """What the first bytes say a file is, if they carry a binary signature ("a PNG image"), else None."""
    sample = head[:4096]
    looks_binary = b"\x00" in sample or not _valid_utf8_prefix(sample)
    for magic, name, strong in _magic():
        if head.startswith(magic) and (strong or looks_binary):
            return name
    return None


def _valid_utf8_prefix(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3  # only a character cut at the end of the sample
    return True


def plausibility(text: str) -> float:
    """How much ``text`` looks like real prose (0–1); see the module docstring and encodings.yaml."""
    cfg = _config()["plausibility"]
    sample = text[: int(_config()["sniff_bytes"])]
    if not sample:
        return 0.0
    control = sum(1 for ch in sample if _is_control(ch))
    if control / len(sample) > float(cfg["max_control"]):
        return 0.0
    visible = len(sample) - sum(1 for ch in sample if ch.isspace())
    symbols = sum(1 for ch in sample if unicodedata.category(ch)[0] == "S")
    words = _WORD_RE.findall(sample)
    n_letters = sum(len(w) for w in words)
    if n_letters < int(cfg["min_letters"]):
        return 1.0
    scripts = _scripts()
    single = lower = vowels = latin = accented = doubtful = 0
    for word in words:
        script = next((s for s in scripts if s.letters.fullmatch(word)), None)
        if script is None or not _case_consistent(word):
            continue
        single += 1
        for ch in word:
            if ch.islower():
                lower += 1
            low = ch.lower()
            if low in script.vowels:
                vowels += 1
            if ch in script.doubtful:
                doubtful += 1
        if script.name == "latin":
            latin += len(word)
            accented += sum(1 for ch in word if ord(ch) > 127)
    penalty = max(0.0, symbols / max(visible, 1) - float(cfg["max_symbols"])) * 10
    single_share = single / len(words)
    penalty += max(0.0, float(cfg["min_single_script_words"]) - single_share) * 5
    penalty += max(0.0, float(cfg["min_lowercase"]) - lower / n_letters) * 2
    lo, hi = (float(v) for v in cfg["vowel_share"])
    vowel_share = vowels / n_letters
    penalty += (max(0.0, lo - vowel_share) + max(0.0, vowel_share - hi)) * 3
    if latin:
        penalty += max(0.0, accented / latin - float(cfg["max_accented_latin"])) * 2
    penalty += max(0.0, doubtful / n_letters - float(cfg["max_doubtful"])) * 10
    return max(0.0, 1.0 - penalty)


def _case_consistent(word: str) -> bool:
    """lower, Capitalised or UPPER: a word that changes case inside ("ьщьАБЮ") is not a real word."""
    return word.islower() or word.isupper() or (word[0].isupper() and (len(word) == 1 or word[1:].islower()))


def _is_control(ch: str) -> bool:
    if ch in "\n\r\t\f\v":
        return False
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cn", "Co") or ch == "\ufffd"


def _utf16_without_bom(data: bytes) -> Decoded | None:
    best: tuple[float, str, str] | None = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best and best[0] >= float(_config()["plausibility"]["min_score"]):
        return Decoded(normalise_newlines(best[2]), best[1])
    return None


def _legacy_candidates(data: bytes) -> list[str]:
    names = [codecs.lookup(c).name for c in _config()["candidates"]]
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data[: int(_config()["sniff_bytes"])]).best()
    except Exception:  # noqa: BLE001 - a failing guesser just gives no candidate
        guess = None
    if guess is not None and guess.encoding:
        name = codecs.lookup(guess.encoding).name
        if name not in names and name not in ("utf-8",):
            names.append(name)
    return names


def decode_bytes(data: bytes, path: str | Path) -> Decoded:
    """The text of ``data`` (the bytes of the file at ``path``, named in errors)."""
    if not data:
        raise EmptyFileError(path, "the file is empty (0 bytes)")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(path, f"the file starts with a {enc} byte-order mark but is not valid {enc} "
                                        f"(byte {exc.start + len(bom)})") from exc
            return _checked(Decoded(normalise_newlines(text), enc), path)
    cfg = _config()
    head = data[: int(cfg["sniff_bytes"])]
    kind = binary_kind(head)
    if kind:
        raise BinaryContentError(path, f"the bytes are {kind}, not text")
    if b"\x00" in head:
        decoded = _utf16_without_bom(data)
        if decoded:
            return _checked(decoded, path)
        if head.count(b"\x00") / len(head) > float(cfg["max_nul_share"]):
            raise BinaryContentError(path, "the file holds NUL bytes: it is binary data, not text")
    try:
        return _checked(Decoded(normalise_newlines(data.decode("utf-8")), "utf-8"), path)
    except UnicodeDecodeError:
        pass
    return _checked(_decode_legacy(data, path), path)


def _decode_legacy(data: bytes, path: str | Path) -> Decoded:
    cfg = _config()["plausibility"]
    min_score = float(cfg["min_score"])
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd")
    if invalid / len(data) <= float(cfg["max_invalid_utf8"]) and plausibility(lenient.replace("\ufffd", "")) >= min_score:
        return Decoded(normalise_newlines(lenient), "utf-8",
                       (f"{invalid} invalid UTF-8 byte sequence(s) were replaced with U+FFFD",))
    best: tuple[float, int, str, str] | None = None
    for rank, enc in enumerate(_legacy_candidates(data)):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0] + 0.02:
            best = (score, rank, enc, text)
    if best is None or best[0] < min_score:
        raise DecodeError(path, "the bytes are neither UTF-8/UTF-16 nor plausible text in a known single-byte "
                                "encoding (tried " + ", ".join(_legacy_candidates(data)[:6]) + ")")
    return Decoded(normalise_newlines(best[3]), best[2])


def _checked(decoded: Decoded, path: str | Path) -> Decoded:
    if not decoded.text.strip():
        raise EmptyFileError(path, "the file holds only whitespace")
    sample = decoded.text[:4096]
    control = len(_CONTROL_RE.findall(sample))
    if control / len(sample) > 0.05:
        raise BinaryContentError(path, f"decoded as {decoded.encoding}, the text is mostly control characters")
    return decoded

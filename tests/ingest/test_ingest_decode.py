"""Decoding: byte-order marks, UTF-16 without a BOM, Windows-1251 and other single-byte encodings, binary."""

from __future__ import annotations

import codecs

import pytest

from dyadscope.errors import BinaryContentError, DecodeError, EmptyFileError
from dyadscope.ingest.decode import binary_kind, decode_bytes, plausibility

RUSSIAN = ("Министр иностранных дел Азербайджана провёл в Москве переговоры со своим российским коллегой. "
           "Стороны обсудили торговлю, транспортный коридор север-юг и безопасность на Каспии.\n"
           "Следующая встреча назначена на осень.")
ENGLISH = ("The transport ministers of the two countries met in Astrakhan on Monday and agreed to extend the "
           "rail corridor to the Iranian border.\nA working group will report in the autumn.")
GERMAN = ("Die Außenminister trafen sich in München, um über die Gaslieferungen durch den südlichen Korridor "
          "zu sprechen. Größere Mengen sind für nächstes Jahr geplant.")
TURKISH = ("Türkiye ile Azerbaycan arasındaki ilişkiler son yıllarda güçlendi; iki ülke enerji, ulaştırma ve "
           "savunma alanlarında işbirliğini genişletmeyi kararlaştırdı.")


@pytest.mark.parametrize(("label", "data", "text", "encoding"), [
    ("utf-8", RUSSIAN.encode("utf-8"), RUSSIAN, "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH, "utf-8"),
    ("utf-16 LE with BOM", codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16-le"),
    ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH, "utf-16-be"),
    ("utf-16 LE without BOM", RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16-le"),
    ("utf-16 BE without BOM", ENGLISH.encode("utf-16-be"), ENGLISH, "utf-16-be"),
    ("windows-1251 Russian", RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
    ("koi8-r Russian", RUSSIAN.encode("koi8-r"), RUSSIAN, "koi8-r"),
    ("latin-1 German", GERMAN.encode("latin-1"), GERMAN, None),
    ("windows-1254 Turkish", TURKISH.encode("cp1254"), TURKISH, "cp1254"),
])
def test_text_in_each_encoding_comes_out_right(label: str, data: bytes, text: str, encoding: str | None) -> None:
    decoded = decode_bytes(data, f"{label}.txt")
    assert decoded.text == text
    if encoding:
        assert decoded.encoding == encoding


def test_windows_1251_is_not_taken_for_latin_1_or_koi8() -> None:
    data = RUSSIAN.encode("cp1251")
    assert plausibility(data.decode("cp1251")) > 0.9
    for wrong in ("latin-1", "cp1252", "koi8-r", "iso-8859-5"):
        assert plausibility(data.decode(wrong)) < 0.6, wrong


def test_windows_line_ends_become_newlines() -> None:
    assert decode_bytes(b"first line\r\nsecond line\rthird", "crlf.txt").text == "first line\nsecond line\nthird"


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning() -> None:
    data = (ENGLISH * 20).encode() + b"\xff" + (ENGLISH * 20).encode()
    decoded = decode_bytes(data, "stray.txt")
    assert decoded.encoding == "utf-8"
    assert "\ufffd" in decoded.text
    assert any("U+FFFD" in w for w in decoded.warnings)


@pytest.mark.parametrize(("label", "data", "error", "words"), [
    ("empty", b"", EmptyFileError, "empty"),
    ("whitespace only", b"  \n\t\r\n  ", EmptyFileError, "whitespace"),
    ("PNG behind .txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), BinaryContentError, "PNG"),
    ("NUL bytes", b"report\x00\x00\x01\x02" * 64, BinaryContentError, "NUL"),
    ("PDF behind .txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", BinaryContentError, "PDF"),
    ("undecodable high bytes", bytes((i * 37 + 11) % 128 + 128 for i in range(2000)), DecodeError, "encoding"),
])
def test_bad_bytes_raise_one_typed_error_naming_the_file(label: str, data: bytes, error: type, words: str) -> None:
    with pytest.raises(error) as info:
        decode_bytes(data, f"/corpus/{label}.txt")
    assert f"/corpus/{label}.txt" in str(info.value)
    assert words in str(info.value)


@pytest.mark.parametrize(("head", "kind"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"PK\x03\x04\x14\x00", "ZIP"),
    (b"\x7fELF\x02\x01", "ELF"),
    (b"MZ\x90\x00\x03\x00", "EXE"),
    (b"MZ is the code of the new airline in the region", None),
    (b"GIFTS were exchanged at the summit", None),
])
def test_binary_signatures_are_recognised_but_not_in_ordinary_text(head: bytes, kind: str | None) -> None:
    found = binary_kind(head)
    assert (found is None) if kind is None else (kind in (found or ""))

"""hrd.read.text: encodings, normalisation, empty and binary input."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from hrd.errors import EmptyInputError, UnsupportedInputError
from hrd.read.text import decode_bytes, decode_text, normalise_text

SAMPLE = "Brussels, 4 March 2021\n\nThe EU raised concerns about Paraguay’s prisons – and São Tomé.\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with its BOM, native order
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        SAMPLE.encode("utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "utf16-le", "utf32"],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data) == SAMPLE


def test_legacy_encoding_is_detected() -> None:
    text = (
        "La délégation de l'Union européenne a évoqué la liberté d'expression, "
        "la détention préventive et les défenseurs des droits de l'homme à Bruxelles. " * 3
    )
    assert decode_bytes(text.encode("cp1252")) == text


def test_declared_charset_is_used_when_utf8_fails() -> None:
    assert decode_bytes("Genève".encode("latin-1"), charset="latin-1") == "Genève"


def test_line_ends_are_normalised() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour"


def test_unicode_is_nfc_and_nothing_else_changes() -> None:
    decomposed = unicodedata.normalize("NFD", "Café  Genève\t x ")
    text = normalise_text(decomposed)
    assert text == "Café  Genève\t x "
    assert unicodedata.is_normalized("NFC", text)


def test_document_carries_source_and_raw_hash() -> None:
    doc = decode_text(b"Some text.", source="a.txt")
    assert (doc.text, doc.source, doc.media_type) == ("Some text.", "a.txt", "text/plain")
    assert doc.raw_sha256 is not None and len(doc.raw_sha256) == 64
    assert doc.title is None and doc.published is None


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8 + b"  \n", " \n".encode("utf-16")])
def test_empty_or_whitespace_is_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        bytes(range(256)) * 4,
        b"text with a NUL\x00 inside",
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 10 + b"abc",
    ],
    ids=["png", "all-bytes", "nul", "controls"],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(UnsupportedInputError, match="binary data, not text"):
        decode_bytes(data)


def test_non_english_text_is_not_an_error() -> None:
    text = "Die Europäische Union und Paraguay führten ihren Menschenrechtsdialog."
    assert decode_bytes(text.encode("utf-8")) == text


@pytest.mark.parametrize("charset", ["\x00", "utf-8\x00", "undefined", "rot13", "idna", "no-such-charset"])
def test_a_declared_charset_python_cannot_use_is_ignored(charset: str) -> None:
    # Found by fuzzing: a charset with a NUL raised ValueError, 'undefined' raised UnicodeError.
    text = "Menschenrechtsdialog in Zürich, 4. März 2021."
    assert decode_bytes(text.encode("cp1252"), charset=charset) == text


def test_a_lone_surrogate_becomes_the_replacement_character() -> None:
    # Found by fuzzing: a PDF's CMap (and once a declared escape codec) gave text that cannot be encoded.
    assert normalise_text("The EU \ud800 met in Brussels.") == "The EU \ufffd met in Brussels."
    assert normalise_text("a\udc80b\ud83d") == "a\ufffdb\ufffd"


@pytest.mark.parametrize("charset", ["unicode-escape", "raw_unicode_escape", "utf-7", "punycode"])
def test_a_declared_escape_codec_is_no_charset(charset: str) -> None:
    # An escape codec would turn a backslash and the bytes after it into other characters.
    text = "C:\\Reports\\Zürich 4. März 2021 \\x41"
    assert decode_bytes(text.encode("cp1252"), charset=charset) == text

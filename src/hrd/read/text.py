"""Plain text: bytes in any common encoding -> a :class:`Document` with normalised text.

UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 with a BOM are
decoded directly; anything else is given to charset-normalizer. The text is
then normalised -- line ends to ``\\n``, Unicode to NFC, a stray BOM dropped --
and otherwise left as it was, so that offsets into it mean the same thing to
every later stage.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from charset_normalizer import from_bytes

from ..errors import EmptyInputError, UnsupportedInputError
from .document import Document

__all__ = ["decode_bytes", "decode_text", "normalise_text"]

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_TEXT_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
"""Control characters other than whitespace, and the replacement character."""
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_MAX_CONTROL_SHARE = 0.02
"""Above this share of control characters (or undecodable bytes) the data is not text."""


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_NOT_TEXT_RE.findall(text)) / len(text) > _MAX_CONTROL_SHARE


_NOT_CHARSETS = frozenset({"unicode_escape", "raw_unicode_escape", "punycode", "idna", "utf_7", "palmos"})
"""Codecs Python accepts for ``bytes.decode`` that no document is written in (escape and domain codecs)."""


def _is_charset(name: str) -> bool:
    """A declared charset is a character encoding (not an escape codec such as "unicode-escape")."""
    try:
        return codecs.lookup(name).name.replace("-", "_") not in _NOT_CHARSETS
    except (LookupError, ValueError):  # unknown, or a name with a NUL
        return False


def _decode(data: bytes, charset: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise UnsupportedInputError(
                    f"binary data, not text (invalid {encoding.upper()} after its byte-order mark)"
                ) from None
    if b"\x00" in data:
        raise UnsupportedInputError("binary data, not text")
    candidates = ["utf-8"] + ([charset] if charset and _is_charset(charset) else [])
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (ValueError, LookupError):  # undecodable, or a declared charset Python cannot use
            continue
    best = from_bytes(data).best()
    if best is None:
        raise UnsupportedInputError("binary data, not text")
    return str(best)


def normalise_text(text: str) -> str:
    """Line ends to ``\\n``, Unicode to NFC, no byte-order mark, no lone surrogate; nothing else changes."""
    # pypdf's CMaps and escape codecs can give lone surrogates, which no UTF-8 store or page can hold.
    text = _SURROGATE_RE.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    text = unicodedata.normalize("NFC", text)
    return text.lstrip("\ufeff")


def decode_bytes(data: bytes, *, charset: str | None = None) -> str:
    """Decode ``data`` to normalised text, refusing empty and binary input.

    ``charset`` is a hint (an HTTP ``charset`` parameter), tried after UTF-8.
    """
    if not data:
        raise EmptyInputError("no text")
    if not data.strip():
        raise EmptyInputError("only whitespace")
    text = normalise_text(_decode(data, charset))
    if not text.strip():
        raise EmptyInputError("only whitespace")
    if _looks_binary(text):
        raise UnsupportedInputError("binary data, not text")
    return text


def decode_text(
    data: bytes, *, source: str, charset: str | None = None, media_type: str = "text/plain"
) -> Document:
    """Read ``data`` as a plain-text document named ``source``."""
    text = decode_bytes(data, charset=charset)
    return Document(
        text=text,
        source=source,
        media_type=media_type,
        raw_sha256=hashlib.sha256(data).hexdigest(),
    )

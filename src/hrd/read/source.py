"""Choosing a reader: by media type, file extension and the bytes themselves.

:func:`read_path` reads a file, refusing one over ``settings.max_input_bytes``
before reading it whole; :func:`read_bytes` reads bytes already in hand (an
upload, a fetched body). Both give a :class:`Document` or raise one of the
errors of :mod:`hrd.errors`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from ..errors import InputTooLargeError, NotFoundError, ReadError, UnsupportedInputError
from ..settings import Settings
from .document import Document
from .feeds import is_feed
from .html import read_html
from .pdf import read_pdf
from .text import decode_text

__all__ = ["Kind", "format_size", "read_bytes", "read_path", "sniff"]

Kind = Literal["text", "html", "pdf"]

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
_MEDIA_TYPES: dict[str, Kind] = {
    "text/plain": "text",
    "text/markdown": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
}
# The comments' star is possessive (*+): backtracking into it is exponential in their number.
_HTML_RE = re.compile(
    rb"(?i)\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*+(?:<!doctype\s+html|<html|<head|<body)", re.S
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def format_size(n: int) -> str:
    """``n`` bytes as megabytes, e.g. '10 MB' or '12.5 MB'."""
    mb = n / (1024 * 1024)
    return f"{mb:.0f} MB" if mb >= 100 or mb == int(mb) else f"{mb:.1f} MB"


def _too_large(what: str, size: int, limit: int) -> InputTooLargeError:
    return InputTooLargeError(f"{what} is {format_size(size)}, over the {format_size(limit)} limit")


def sniff(data: bytes, *, name: str = "", media_type: str | None = None) -> Kind:
    """The reader for ``data``: from its magic bytes, media type, name's extension, content."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedInputError(f"unsupported format: {what}; give text, HTML or PDF")
    if is_feed(data, media_type):
        raise UnsupportedInputError("this is a feed, not a document: read its entries instead")
    if media_type in _MEDIA_TYPES:
        return _MEDIA_TYPES[media_type]
    ext = Path(name.split("?", 1)[0]).suffix.lower()
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    return "html" if _HTML_RE.match(data[:4096]) else "text"


def read_bytes(
    data: bytes,
    *,
    source: str,
    media_type: str | None = None,
    settings: Settings,
    charset: str | None = None,
) -> Document:
    """Read bytes in hand (an upload, a fetched body) as a document.

    ``media_type`` is the declared type without parameters ('text/html');
    ``charset`` a declared character set for text.
    """
    if len(data) > settings.max_input_bytes:
        raise _too_large("input", len(data), settings.max_input_bytes)
    kind = sniff(data, name=source, media_type=media_type)
    if kind == "pdf":
        return read_pdf(data, source=source)
    if kind == "html":
        url = source if source.startswith(("http://", "https://")) else None
        return read_html(data, source=source, url=url)
    return decode_text(data, source=source, charset=charset)


def read_path(path: str | Path, *, settings: Settings) -> Document:
    """Read the file at ``path`` as a document, choosing the reader by extension and content."""
    p = Path(path)
    limit = settings.max_input_bytes
    try:
        if p.is_dir():
            raise ReadError("is a directory, not a file")
        size = p.stat().st_size
        if size > limit:
            raise _too_large("file", size, limit)
        with p.open("rb") as fh:
            # Read one byte past the limit: devices and pipes report no size.
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise NotFoundError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(f"cannot read the file ({exc.strerror or type(exc).__name__})") from None
    if len(data) > limit:
        raise _too_large("file", len(data), limit)
    return read_bytes(data, source=str(path), settings=settings)

"""PDF files: the text layer of every page, through pypdf, reflowed into paragraphs.

pypdf's layout mode keeps the vertical gaps between paragraphs as blank
lines. Lines wrapped by the page width are joined again (a word hyphenated
across a line break is mended) so that the extractor sees one paragraph per
block, as in a text readout; a short line -- the last line of a paragraph, a
heading, a dateline -- ends its paragraph. Bare page numbers are dropped, and
so are running headers and footers (a line at the top or bottom of most pages).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import re

from pypdf import PdfReader

from ..errors import EmptyInputError, ReadError
from .document import Document
from .text import normalise_text

__all__ = ["read_pdf", "reflow"]

_PAGE_NUMBER_RE = re.compile(r"(?i)^(page\s+)?\d{1,4}(\s*(/|of)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$")
_SPACES_RE = re.compile(r"[ \t\u00a0]{2,}")
_HYPHEN_END_RE = re.compile(r"([a-zà-ÿ]+)-$")
_LOWER_START_RE = re.compile(r"^([a-zà-ÿ]+)")
_COMPOUND_RE = re.compile(r"(?<![a-zà-ÿ])[a-zà-ÿ]+-[a-zà-ÿ]+")
"""Starts at a word's start only: from inside a long word, each start would rescan the word (quadratic)."""
_SENTENCE_END = (".", "!", "?", ":", ";", '."', ".”", ".)")
_SHORT = 0.75
"""A line shorter than this share of the page's full line width ends its paragraph."""


def _page_lines(text: str) -> list[str]:
    lines = [_SPACES_RE.sub(" ", ln).strip() for ln in text.split("\n")]
    return ["" if _PAGE_NUMBER_RE.match(ln) else ln for ln in lines]


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Blank the running header and footer: a first or last line repeated on most pages."""
    if len(pages) < 3:
        return pages
    seen: dict[str, int] = {}
    for lines in pages:
        filled = [ln for ln in lines if ln]
        for ln in {*filled[:1], *filled[-1:]}:
            key = re.sub(r"\d+", "#", ln)
            seen[key] = seen.get(key, 0) + 1
    running = {key for key, n in seen.items() if n >= 0.6 * len(pages)}
    if not running:
        return pages
    return [["" if re.sub(r"\d+", "#", ln) in running else ln for ln in lines] for lines in pages]


def _full_width(lines: list[str]) -> int:
    lengths = sorted(len(ln) for ln in lines if ln)
    if not lengths:
        return 0
    return lengths[int(0.9 * (len(lengths) - 1))]


def _continue(parts: list[str], line: str, compounds: set[str]) -> None:
    """Append a wrapped ``line`` to a paragraph's ``parts``, mending a word hyphenated at the break."""
    prev = parts[-1]
    if prev.endswith("-"):
        end, start = _HYPHEN_END_RE.search(prev[-60:]), _LOWER_START_RE.match(line)
        if end and start:
            # Keep the hyphen of a compound the document writes with one elsewhere.
            if f"{end.group(1)}-{start.group(1)}" not in compounds:
                parts[-1] = prev[:-1]
            parts.append(line)
            return
    parts.append(" ")
    parts.append(line)


def reflow(pages: list[str]) -> str:
    """Paragraphs of the pages' text: wrapped lines joined, paragraphs split by blank lines."""
    all_lines = _drop_running_lines([_page_lines(p) for p in pages])
    compounds = set(_COMPOUND_RE.findall("\n".join(ln for lines in all_lines for ln in lines)))
    paragraphs: list[str] = []
    parts: list[str] = []

    def close() -> None:
        if parts:
            paragraphs.append("".join(parts))
            parts.clear()

    for lines in all_lines:
        width = _full_width(lines)
        for ln in lines:
            if not ln:
                close()
                continue
            if parts:
                _continue(parts, ln, compounds)
            else:
                parts.append(ln)
            if len(ln) < _SHORT * width and not ln.endswith("-"):
                close()
        # A paragraph that runs on to the next page is continued there.
        if parts and parts[-1].endswith(_SENTENCE_END):
            close()
    close()
    return "\n\n".join(paragraphs)


def _page_text(page: object) -> str:
    extract = getattr(page, "extract_text")  # noqa: B009 - pypdf is untyped here
    try:
        return str(extract(extraction_mode="layout"))
    except Exception:  # layout mode fails on some fonts; plain mode is the fallback
        return str(extract())


def _pdf_date(value: object) -> dt.date | None:
    m = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(value or ""))
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def read_pdf(data: bytes, *, source: str) -> Document:
    """Read a PDF's text layer as a document; refuse encrypted, corrupt and scanned files."""
    if not data.strip():
        raise EmptyInputError("no PDF data")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError("encrypted PDF: it needs a password")
        pages = [_page_text(page) for page in reader.pages]
        info = reader.metadata
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise ReadError(f"corrupt or damaged PDF ({type(exc).__name__})") from None
    text = normalise_text(reflow(pages))
    if not text.strip():  # no text at all, or only page numbers
        raise ReadError("no text layer (scanned PDF?)")
    title = normalise_text(str(info.get("/Title") or "")).strip() or None if info else None
    published = _pdf_date(info.get("/CreationDate")) if info else None
    return Document(
        text=text,
        source=source,
        media_type="application/pdf",
        title=title,
        published=published,
        raw_sha256=hashlib.sha256(data).hexdigest(),
    )

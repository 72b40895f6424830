"""Web pages: HTML bytes -> the article's text, through trafilatura.

Trafilatura drops navigation, footers and other boilerplate and returns the
article as a small XML tree (``head``, ``p``, ``list``/``item``, ``table``,
``quote``). Each block becomes a paragraph of its own, separated by a blank
line, so that the extractor sees the page's paragraphs; a ``<br>`` inside a
paragraph stays a line break. The page title comes first, as the first line,
and the publication date is the day written just after the headline (a dateline),
else the one trafilatura's date finder takes from the page's metadata.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ..errors import EmptyInputError, ReadError
from .document import Document
from .text import normalise_text

__all__ = ["MAX_ELEMENTS", "read_html"]

_SPACE_RE = re.compile(r"[ \t\u00a0]+")
_TAG_RE = re.compile(rb"<[A-Za-z]")
MAX_ELEMENTS = 150_000
"""More elements than this is no readout page; trafilatura needs ~0.1 ms per element."""


def _inline_text(el: Any) -> str:
    """The text of one block, with ``<lb/>`` as a line break and spaces collapsed."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            parts.append("\n" if node.tag == "lb" else node.text or "")
        elif node is not el and node.tail:
            parts.append(node.tail)
    lines = (_SPACE_RE.sub(" ", ln).strip() for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _blocks(body: Any) -> list[str]:
    """One string per paragraph-like block of trafilatura's output tree, in order."""
    out: list[str] = []
    for el in body:
        if el.tag == "list":
            out.extend(_inline_text(item) for item in el.iter("item"))
        elif el.tag == "table":
            rows = (" | ".join(_inline_text(c) for c in row.iter("cell")) for row in el.iter("row"))
            out.append("\n".join(r for r in rows if r.strip(" |")))
        else:
            out.append(_inline_text(el))
        if el.tail and el.tail.strip():
            out.append(_SPACE_RE.sub(" ", el.tail).strip())
    return [b for b in out if b.strip()]


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
)}  # fmt: skip
_DAY_FIRST = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b")
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_WORDS = re.compile(
    r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?\s+((?:19|20)\d\d)\b|\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b"
)
_DATELINE_ZONE = 400
"""How many characters of visible text after the headline a dateline may stand in."""


def _first_date(text: str) -> dt.date | None:
    """The first day written in ``text``: 28/06/2019, 2019-06-28, 28 June 2019, June 28, 2019."""
    found: list[tuple[int, dt.date]] = []
    for m in _DAY_FIRST.finditer(text):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (b, a) if b > 12 >= a else (a, b)  # 06/28/2019 on a US site
        found += [(m.start(), d) for d in [_day(y, month, day)] if d]
    for m in _ISO.finditer(text):
        found += [(m.start(), d) for d in [_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))] if d]
    for m in _WORDS.finditer(text):
        words = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        number = _MONTHS.get(words[1][:3].lower(), 0)
        found += [(m.start(), d) for d in [_day(int(words[2]), number, int(words[0]))] if d]
    return min(found)[1] if found else None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dateline(data: bytes) -> dt.date | None:
    """The day written just after the page's headline (``<h1>``): the article's dateline, which a
    page's sidebar of older news cannot displace."""
    try:
        root = etree.fromstring(data, etree.HTMLParser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    seen, after = [], False
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript"):
            if after and isinstance(node.tail, str):
                seen.append(node.tail)
            continue
        if node.tag == "h1" and not after:
            after = True
            seen.append(node.tail or "")
            continue
        if after:
            seen += [node.text or "", node.tail or ""]
            if sum(map(len, seen)) > _DATELINE_ZONE:
                break
    return _first_date(" ".join(" ".join(seen).split())[:_DATELINE_ZONE]) if after else None


def read_html(data: bytes, *, source: str, url: str | None = None) -> Document:
    """Read an HTML page as a document: the article's text, its title and date.

    ``url`` is the page's address when it was fetched (helps the date finder).
    """
    if not data.strip():
        raise EmptyInputError("no HTML")
    elements = len(_TAG_RE.findall(data))
    if elements > MAX_ELEMENTS:
        raise ReadError(f"too many HTML elements ({elements:,}, over {MAX_ELEMENTS:,}): not a readout page")
    import trafilatura  # imported here: it takes a second, and text or PDF input never needs it

    try:
        extracted = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            output_format="python",
        )
    # AssertionError: htmldate (trafilatura's date finder) drops the root element of a page that
    # starts with <math>, <svg>, <rdf>..., and lxml asserts the element has a parent.
    except (ValueError, TypeError, RecursionError, AssertionError) as exc:
        raise ReadError(f"could not parse the HTML page ({type(exc).__name__} in trafilatura)") from None
    body = getattr(extracted, "body", None)
    blocks = _blocks(body) if body is not None else []
    if not blocks:
        raise ReadError("no article text found")
    title = getattr(extracted, "title", None)
    title = _SPACE_RE.sub(" ", title).strip() if isinstance(title, str) and title.strip() else None
    if title and blocks[0] != title:
        blocks.insert(0, title)
    text = normalise_text("\n\n".join(blocks))
    return Document(
        text=text,
        source=source,
        media_type="text/html",
        title=title,
        published=_dateline(data) or _date(getattr(extracted, "date", None)),
        raw_sha256=hashlib.sha256(data).hexdigest(),
    )

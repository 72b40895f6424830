"""Feeds: RSS and Atom bytes -> the entries they link to.

The XML is first parsed with defusedxml, which refuses entity declarations
(the "billion laughs" expansion) and external entities, and only then given
to feedparser.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..errors import EmptyInputError, ReadError

__all__ = ["FEED_MEDIA_TYPES", "FeedEntry", "feed_links", "is_feed"]

FEED_MEDIA_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
)
_XML_MEDIA_TYPES = frozenset({"application/xml", "text/xml"})
_ROOT_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]")
_PROLOGUE_RE = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*", re.S)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: dt.date | None = None


def is_feed(data: bytes, media_type: str | None = None) -> bool:
    """True if ``data`` (served as ``media_type``) is an RSS or Atom feed."""
    if media_type in FEED_MEDIA_TYPES:
        return True
    if media_type not in (None, "", "application/octet-stream", *_XML_MEDIA_TYPES):
        return False
    head = data[:4096]
    start = _PROLOGUE_RE.match(head)
    rest = head[start.end() if start else 0 :]
    # Skip a DOCTYPE or stylesheet instruction before the root element.
    while rest.startswith((b"<!", b"<?")):
        end = rest.find(b">")
        if end < 0:
            return False
        rest = rest[end + 1 :].lstrip()
    return bool(_ROOT_RE.match(rest))


def _date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def feed_links(data: bytes) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed that link somewhere, in feed order."""
    if not data.strip():
        raise EmptyInputError("no feed data")
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ReadError("feed refused: XML entity declarations are not allowed") from None
    except (ParseError, ValueError, LookupError) as exc:  # LookupError: an unknown declared encoding
        raise ReadError(f"not a well-formed XML feed ({exc})") from None
    parsed = feedparser.parse(data, resolve_relative_uris=True, sanitize_html=True)
    if not parsed.get("version"):
        raise ReadError("not an RSS or Atom feed")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        url = str(entry.get("link") or "").strip()
        if not url.startswith(("http://", "https://")) or url in seen:
            continue
        seen.add(url)
        title = str(entry.get("title") or "").strip() or None
        entries.append(FeedEntry(url=url, title=title, published=_date(entry)))
    return entries

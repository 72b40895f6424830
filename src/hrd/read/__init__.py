"""Readers: bytes from files, URLs and feeds -> :class:`Document`.

Every reader raises only the errors of :mod:`hrd.errors`, each with a one-line
message: :class:`~hrd.errors.EmptyInputError`, :class:`~hrd.errors.UnsupportedInputError`,
:class:`~hrd.errors.InputTooLargeError`, :class:`~hrd.errors.ReadError`,
:class:`~hrd.errors.NotFoundError` (a missing file) and :class:`~hrd.errors.FetchError`.
"""

from __future__ import annotations

from .document import Document
from .feeds import FeedEntry, feed_links, is_feed
from .fetch import Fetched, fetch, fetch_feed, fetch_url
from .html import read_html
from .pdf import read_pdf
from .source import read_bytes, read_path, sniff
from .text import decode_text

__all__ = [
    "Document",
    "FeedEntry",
    "Fetched",
    "decode_text",
    "feed_links",
    "fetch",
    "fetch_feed",
    "fetch_url",
    "is_feed",
    "read_bytes",
    "read_html",
    "read_path",
    "read_pdf",
    "sniff",
]

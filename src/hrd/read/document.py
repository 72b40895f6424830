"""The value every reader returns: one document's text and what is known about it."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

__all__ = ["Document"]


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    """The readout's text, normalised to UTF-8 with '\\n' line ends: what extraction reads."""
    source: str
    """The file path or URL it was read from."""
    media_type: str
    """'text/plain', 'text/html', 'application/pdf', ..."""
    title: str | None = None
    published: dt.date | None = None
    """A publication date known from the container (HTML meta, feed entry, PDF info)."""
    raw_sha256: str | None = None
    """Hash of the bytes as read (before decoding), to detect unchanged sources."""

    @property
    def sha256(self) -> str:
        """Hash of the text: the document's identity in the store."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

"""Readers: bytes from files, URLs and feeds -> :class:`Document`."""

from __future__ import annotations

from .document import Document

__all__ = ["Document"]

"""The store: documents, meetings, statements and their review, in SQLite or PostgreSQL."""

from __future__ import annotations

from .engine import make_engine, open_engine, read, upgrade, write

__all__ = ["make_engine", "open_engine", "read", "upgrade", "write"]

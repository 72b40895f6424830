"""Time in UTC, the same on every backend (SQLite hands back naive datetimes)."""

from __future__ import annotations

import datetime as dt

__all__ = ["as_utc", "utcnow"]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` as an aware UTC datetime; naive values are UTC already."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)

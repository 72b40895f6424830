"""A small in-process memo for whole-database views (home totals, partner list).

An entry is valid while :func:`hrd.store.views.data_version` is unchanged: any stored document or
review change gives a new version, so a cached view is never stale.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from ..store.overview import data_version

__all__ = ["ViewCache"]

T = TypeVar("T")


class ViewCache:
    def __init__(self, size: int = 64) -> None:
        self._entries: dict[Hashable, tuple[tuple[int, int], Any]] = {}
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: Hashable, session: Session, compute: Callable[[], T]) -> T:
        """The value of ``compute()`` for ``key`` at the database's current data version."""
        version = data_version(session=session)
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and entry[0] == version:
            value: T = entry[1]
            return value
        value = compute()
        with self._lock:
            if len(self._entries) >= self._size:
                self._entries.clear()
            self._entries[key] = (version, value)
        return value

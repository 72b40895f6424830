"""The tracking views run on every backend: the store's database fixtures."""

from __future__ import annotations

from store.conftest import (  # noqa: F401  (database fixtures)
    db_url,
    engine,
    loaded,
    postgres_migrated,
    sqlite_template,
)

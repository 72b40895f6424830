from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from hrd.errors import DatabaseNotReadyError
from hrd.settings import Settings
from hrd.store.engine import current_revision, head_revision, make_engine, open_engine, read, upgrade, write
from hrd.store.repo import store_record
from hrd.store.search import SearchQuery, search

from .samples import kz_record


def test_an_unmigrated_database_is_refused_with_the_remedy(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'new' / 'hrd.sqlite'}")
    with pytest.raises(DatabaseNotReadyError, match=r"database is not migrated: run `hrd db upgrade`"):
        open_engine(settings)


def test_upgrade_creates_the_schema_and_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hrd.sqlite'}"
    engine = make_engine(url)
    assert current_revision(engine) is None
    assert upgrade(engine) == head_revision()
    assert upgrade(engine) == head_revision()
    open_engine(Settings(database_url=url)).dispose()


def test_an_unreachable_server_is_not_ready() -> None:
    settings = Settings(database_url="postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(DatabaseNotReadyError, match="cannot open the database"):
        open_engine(settings)


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert int(conn.execute(text("PRAGMA busy_timeout")).scalar() or 0) >= 10_000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_migrations_reach_the_head_on_every_backend(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()


def test_the_full_text_index_follows_the_statements(engine: Engine) -> None:
    # Guards the SQLite triggers (and PostgreSQL generated columns) against later migrations.
    write(engine, lambda s: store_record(record=kz_record(), session=s))
    found = read(engine, lambda s: search(SearchQuery("torture"), session=s))
    assert found.total_statements == 1

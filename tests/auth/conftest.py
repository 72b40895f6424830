"""Auth tests run on the store's backends (SQLite always, PostgreSQL with HRD_TEST_POSTGRES_URL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from hrd.auth.principal import Principal, operator
from hrd.auth.roles import Role
from hrd.auth.users import add_user
from hrd.store.engine import write
from store.conftest import db_url, engine, postgres_migrated, sqlite_template

__all__ = ["db_url", "engine", "postgres_migrated", "sqlite_template"]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def admin() -> Principal:
    return operator()


@pytest.fixture
def make_user(engine: Engine, admin: Principal) -> Callable[..., int]:
    def make(name: str, role: Role, password: str | None = PASSWORD) -> int:
        info = write(engine, lambda s: add_user(s, admin, name=name, role=role, password=password))
        return info.id

    return make


@contextmanager
def audit_unguarded(engine: Engine) -> Iterator[None]:
    """Lift the append-only guard for a while, as an attacker with DDL rights could."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.begin() as conn:
        if sqlite:
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change"))
    try:
        yield
    finally:
        if not sqlite:  # the PostgreSQL database outlives the test; each SQLite file is the test's own
            with engine.begin() as conn:
                conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change"))

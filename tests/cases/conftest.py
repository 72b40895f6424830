"""Case-register tests on the store's backends, with a fresh key and a few rounds per partner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from hrd.auth.principal import Principal
from hrd.auth.roles import Role
from hrd.cases.crypto import Keyring, generate_key, parse_key
from hrd.cases.models import CaseInput, Category, Charge, Status, StatusEntry
from hrd.store.engine import write
from hrd.store.tables import MeetingRow, Series
from store.conftest import db_url, engine, postgres_migrated, sqlite_template

__all__ = ["db_url", "engine", "postgres_migrated", "sqlite_template"]

T = TypeVar("T")
OFFICER = Principal("olga", Role.CASE_OFFICER, 3)
ADMIN = Principal("root", Role.ADMIN, 4)


@pytest.fixture
def keys() -> Keyring:
    return Keyring(parse_key(generate_key()))


@pytest.fixture
def rounds(engine: Engine) -> dict[str, list[int]]:
    """Meeting ids: KZ rounds 1-3 (2021-2023), UZ round 1."""

    def work(session: Session) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for partner, count in [("KZ", 3), ("UZ", 1)]:
            series = Series(partner=partner, kind="dialogue")
            session.add(series)
            session.flush()
            meetings = [
                MeetingRow(series_id=series.id, ordinal=n, start=dt.date(2020 + n, 6, 1))
                for n in range(1, count + 1)
            ]
            session.add_all(meetings)
            session.flush()
            out[partner] = [m.id for m in meetings]
        return out

    return write(engine, work)


def sample(name: str = "Jane Doe", partner: str = "KZ", **kw: Any) -> CaseInput:
    values: dict[str, Any] = {
        "aliases": ("J. Doe",),
        "notes": "arrested at home",
        "charges": (Charge("Criminal Code", "174", "inciting discord"),),
        "status": StatusEntry(Status.DETAINED, dt.date(2021, 3, 1), "family", "pre-trial"),
    }
    values.update(kw)
    return CaseInput(partner, name, Category.JOURNALIST, **values)


def run(engine: Engine) -> Callable[[Callable[[Session], T]], T]:
    """``run(engine)(lambda s: ...)``: one write transaction (case reads are audited, so they write)."""

    def go(work: Callable[[Session], T]) -> T:
        return write(engine, work)

    return go

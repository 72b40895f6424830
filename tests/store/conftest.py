"""Store tests run on every backend: SQLite always, PostgreSQL when HRD_TEST_POSTGRES_URL is set.

Start a throwaway server with ``export HRD_TEST_POSTGRES_URL="$(scripts/pg-test-server start)"``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from hrd.read import read_path
from hrd.record import Record
from hrd.settings import Settings
from hrd.store.engine import make_engine, upgrade, write
from hrd.store.repo import store_document
from hrd.store.tables import Base

WEB_FIXTURES = Path(__file__).parent.parent / "fixtures" / "web"

POSTGRES_URL = os.environ.get("HRD_TEST_POSTGRES_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(
                not POSTGRES_URL,
                reason="PostgreSQL: set HRD_TEST_POSTGRES_URL (e.g. $(scripts/pg-test-server start))",
            ),
        ],
    ),
]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "hrd.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_migrated() -> str:
    assert POSTGRES_URL
    engine = make_engine(POSTGRES_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    engine.dispose()
    return POSTGRES_URL


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty, migrated database on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "hrd.sqlite"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_migrated")
    engine = make_engine(url)
    with engine.begin() as conn:
        names = ", ".join(t.name for t in Base.metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def loaded(engine: Engine) -> Engine:
    """The database with the hand-written web fixtures (two partners, three meetings, four documents)."""
    for path in sorted(WEB_FIXTURES.glob("*.txt")):
        document = read_path(path, settings=Settings())
        record = Record.model_validate_json(path.with_suffix(".json").read_text())
        write(
            engine,
            lambda s, d=document, r=record: store_document(document=d, record=r, extractor=None, session=s),
        )
    return engine


@pytest.fixture(scope="session")
def schema() -> dict[str, object]:
    import json

    path = Path(__file__).parent.parent / "fixtures" / "record.schema.json"
    data: dict[str, object] = json.loads(path.read_text())
    return data

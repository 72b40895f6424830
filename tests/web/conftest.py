"""Web tests: a real SQLite database built once from hand-written readouts and their records.

The database is copied for each test, so tests may write.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hrd.read import read_path
from hrd.record import Record
from hrd.settings import Settings
from hrd.store.engine import make_engine, upgrade, write
from hrd.store.repo import store_document
from hrd.web import create_app

FIXTURES = Path(__file__).parent.parent / "fixtures" / "web"


@pytest.fixture(scope="session")
def web_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "hrd.sqlite"
    settings = Settings(database_url=f"sqlite:///{path}")
    engine = make_engine(settings.database_url)
    upgrade(engine)
    for text in sorted(FIXTURES.glob("*.txt")):
        # The expected records beside the readouts keep these tests independent of the extractor.
        document = read_path(text, settings=settings)
        record = Record.model_validate_json(text.with_suffix(".json").read_text())
        write(
            engine,
            lambda s, d=document, r=record: store_document(document=d, record=r, extractor="test", session=s),
        )
    engine.dispose()
    return path


@pytest.fixture
def settings(tmp_path: Path, web_template: Path) -> Settings:
    path = tmp_path / "hrd.sqlite"
    shutil.copy(web_template, path)
    return Settings(database_url=f"sqlite:///{path}", max_input_bytes=200_000)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app) as test_client:
        yield test_client
    app.state.engine.dispose()


@pytest.fixture
def kz_meetings(client: TestClient) -> dict[int, int]:
    """Ordinal -> meeting id of the Kazakhstan dialogues."""
    data = client.get("/api/v1/meetings", params={"partner": "KZ"}).json()["data"]
    return {m["ordinal"]: m["meeting_id"] for m in data}


def document_id(client: TestClient, key: str) -> int:
    for doc in client.get("/api/v1/documents").json()["data"]:
        if doc["key"] == key:
            return int(doc["id"])
    raise AssertionError(f"no document {key}")

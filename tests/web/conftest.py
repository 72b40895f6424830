"""Web tests: a real SQLite database built once from hand-written readouts and their records.

The database is copied for each test, so tests may write. It holds one account per role (named
after the role, API tokens only; :func:`role_tokens` gives their tokens), and :func:`client`
speaks as the administrator.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy.orm import Session

from hrd.auth import Role, operator, scopes_for
from hrd.auth.tokens import create_token
from hrd.auth.users import add_user
from hrd.cases.crypto import generate_key
from hrd.read import read_path
from hrd.record import Record
from hrd.settings import Settings
from hrd.store.engine import make_engine, upgrade, write
from hrd.store.repo import store_document
from hrd.web import create_app

FIXTURES = Path(__file__).parent.parent / "fixtures" / "web"
CASE_KEY = generate_key()
"""The case-data key of the test databases (a fresh one per test run)."""


def _accounts(session: Session) -> dict[str, str]:
    """One account per role, named after it, with an API token of every scope the role has."""
    who, tokens = operator(), {}
    for role in Role:
        add_user(session, who, name=role.label, role=role, password=None)
        tokens[role.label] = create_token(session, who, user=role.label, scopes=scopes_for(role)).token
    return tokens


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
    path.with_suffix(".tokens.json").write_text(json.dumps(write(engine, _accounts)))
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def role_tokens(web_template: Path) -> dict[str, str]:
    """Role label -> API token of the account of that role."""
    tokens: dict[str, str] = json.loads(web_template.with_suffix(".tokens.json").read_text())
    return tokens


@pytest.fixture
def settings(tmp_path: Path, web_template: Path) -> Settings:
    path = tmp_path / "hrd.sqlite"
    shutil.copy(web_template, path)
    return Settings(database_url=f"sqlite:///{path}", max_input_bytes=200_000, secret_key=SecretStr(CASE_KEY))


@pytest.fixture
def client(settings: Settings, role_tokens: dict[str, str]) -> Iterator[TestClient]:
    """A client of the application that speaks as the administrator (an API token)."""
    app = create_app(settings)
    with TestClient(app, headers={"Authorization": f"Bearer {role_tokens['admin']}"}) as test_client:
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

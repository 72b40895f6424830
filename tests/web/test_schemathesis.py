"""Property tests of the JSON API from its OpenAPI document: no input makes the server fail (no 5xx).

The default run tries a few examples per operation; the acceptance run tries 100:

    HRD_SCHEMATHESIS_EXAMPLES=100 .venv/bin/pytest tests/web/test_schemathesis.py

POST /api/v1/ingest/url is left out: it fetches whatever URL is generated (it is tested against a
local HTTP server in tests/web/api/test_ingest.py).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from pydantic import SecretStr
from schemathesis.checks import not_a_server_error

from hrd.settings import Settings
from hrd.store.engine import make_engine
from hrd.web import create_app

from .conftest import CASE_KEY

EXAMPLES = int(os.environ.get("HRD_SCHEMATHESIS_EXAMPLES", "12"))
EXCLUDED = {"/api/v1/ingest/url"}


def _operations() -> list[str]:
    """The operations of the spec ('GET /api/v1/partners', ...); the spec needs no database."""
    engine = make_engine("sqlite://")
    spec = create_app(Settings(database_url="sqlite://"), engine=engine).openapi()
    engine.dispose()
    return [
        f"{m.upper()} {path}" for path, item in spec["paths"].items() for m in item if path not in EXCLUDED
    ]


@pytest.fixture(scope="module")
def api_schema(
    tmp_path_factory: pytest.TempPathFactory, web_template: Path, role_tokens: dict[str, str]
) -> Iterator[Any]:
    path = tmp_path_factory.mktemp("schemathesis") / "hrd.sqlite"
    shutil.copy(web_template, path)
    key = SecretStr(CASE_KEY)
    app = create_app(Settings(database_url=f"sqlite:///{path}", max_input_bytes=100_000, secret_key=key))
    yield schemathesis.openapi.from_asgi("/api/openapi.json", app, headers=_admin(role_tokens))
    app.state.engine.dispose()


def _admin(role_tokens: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {role_tokens['admin']}"}


@pytest.mark.parametrize("label", _operations())
def test_operation_never_fails(api_schema: Any, role_tokens: dict[str, str], label: str) -> None:
    operation = next(r.ok() for r in api_schema.get_all_operations() if r.ok().label == label)

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=_admin(role_tokens), checks=[not_a_server_error])

    run()

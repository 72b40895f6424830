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
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from hrd.settings import Settings
from hrd.web import create_app

EXAMPLES = int(os.environ.get("HRD_SCHEMATHESIS_EXAMPLES", "12"))


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, web_template: Path) -> Iterator[Any]:
    path = tmp_path_factory.mktemp("schemathesis") / "hrd.sqlite"
    shutil.copy(web_template, path)
    app = create_app(Settings(database_url=f"sqlite:///{path}", max_input_bytes=100_000))
    yield schemathesis.openapi.from_asgi("/api/openapi.json", app).exclude(path="/api/v1/ingest/url")
    app.state.engine.dispose()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
def test_api_never_fails(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error])

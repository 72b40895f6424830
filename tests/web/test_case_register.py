"""The case register on the web: canaries never leak, stale edits get 409, the pages work.

The canary sweep puts a unique string in every confidential field (tests/web/casedata.py) and
walks every GET route of the app with real ids as each caller without the case-officer role:
no answer (body or headers) holds a canary. Nor do the logs of a sweep by a case officer, the
search index, the exports, errors and conflicts, or the database file.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from hrd.store.engine import read
from hrd.store.exports import ExportFilters, export

from .casedata import CANARY, Cases, canaries_in
from .test_authz import NEEDS, url_of, world  # noqa: F401  (the module's fixture)

World = tuple[dict[bool, TestClient], Cases, dict[str, dict[str, object]]]
GETS = sorted(path for method, path in NEEDS if method == "GET")


def bearer(role_tokens: dict[str, str], role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {role_tokens[role]}"}


def sweep(client: TestClient, headers: dict[str, str], values: dict[str, dict[str, object]]) -> list[str]:
    """Every GET route with both sets of ids; the URLs whose answer holds a canary."""
    leaks = []
    for variant in values.values():
        for path in GETS:
            url = url_of(path, variant)
            response = client.get(url, headers=headers)
            if canaries_in(response.content) or canaries_in(str(response.headers)):
                leaks.append(url)
    return leaks


@pytest.mark.parametrize("caller", ["anonymous-read", "viewer", "analyst"])
def test_no_canary_reaches_a_caller_without_the_case_role(
    world: World,  # noqa: F811
    role_tokens: dict[str, str],
    caller: str,
) -> None:
    clients, _, values = world
    headers = {} if caller == "anonymous-read" else bearer(role_tokens, caller)
    assert sweep(clients[True], headers, values) == []


def test_the_sweep_can_see_a_leak(world: World, role_tokens: dict[str, str]) -> None:  # noqa: F811
    clients, cases, values = world
    leaks = sweep(clients[False], bearer(role_tokens, "case-officer"), values)
    assert f"/cases/{cases.kz}" in leaks and "/api/v1/cases/partners/KZ/next.md" in leaks


def test_no_canary_in_logs_search_or_exports(
    world: World,  # noqa: F811
    role_tokens: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    clients, cases, values = world
    officer = bearer(role_tokens, "case-officer")
    with caplog.at_level(logging.DEBUG):
        sweep(clients[False], officer, values)
        sweep(clients[True], {}, values)
        too_long = {"version": 1, "name": CANARY + "y" * 20_001}
        assert (
            clients[False].post(f"/api/v1/cases/{cases.kz}/edit", json=too_long, headers=officer).status_code
            == 422
        )
        stale = {"version": 1, "notes": CANARY + "stale"}
        conflict = clients[False].post(f"/api/v1/cases/{cases.kz}/edit", json=stale, headers=officer)
        assert conflict.status_code == 409 and not canaries_in(conflict.content)
        bad_page = clients[False].post(
            f"/cases/{cases.kz}",
            data={"action": "edit", "version": "1", "name": CANARY + "p", "category": "other"},
            headers=officer,
        )
        assert bad_page.status_code == 409
    assert caplog.records, "the sweep logs something (so the check can see a leak)"
    assert not canaries_in(caplog.text)
    assert not any(canaries_in(str(r.args)) for r in caplog.records)
    admin = bearer(role_tokens, "admin")
    hits = clients[False].get("/api/v1/search", params={"q": CANARY + "name1x"}, headers=admin).json()
    assert hits["statements"]["count"] == 0 and hits["documents"]["count"] == 0
    engine = clients[False].app.state.engine  # type: ignore[attr-defined]
    for fmt in ("jsonl", "json", "csv"):
        out = io.StringIO()
        read(engine, lambda s, f=fmt, o=out: export(o, format=f, filters=ExportFilters(), session=s))
        assert out.getvalue() and not canaries_in(out.getvalue())
    database = Path(str(make_url(str(engine.url)).database))
    for file in database.parent.glob(database.name + "*"):
        assert CANARY.encode() not in file.read_bytes(), f"plaintext case data in {file.name}"


def test_a_stale_edit_gets_409_with_the_current_version_on_the_page(
    world: World,  # noqa: F811
    role_tokens: dict[str, str],
) -> None:
    clients, cases, _ = world
    officer = bearer(role_tokens, "case-officer")
    client = clients[False]
    version = client.get(f"/api/v1/cases/{cases.mn}", headers=officer).json()["version"]
    form = {"action": "status", "version": str(version), "status": "released", "on": "2023-01-02"}
    assert client.post(f"/cases/{cases.mn}", data=form, headers=officer).status_code == 303
    again = client.post(f"/cases/{cases.mn}", data=form, headers=officer)
    assert again.status_code == 409
    assert f"it is at version {version + 1}" in again.text and 'id="case-conflict"' in again.text
    assert again.headers["cache-control"] == "no-store"
    history = client.get(f"/api/v1/cases/{cases.mn}", headers=officer).json()["history"]
    assert [h["status"] for h in history].count("released") == 1, "nothing written twice"


PAIRS = 1000


def test_pairs_of_edits_from_the_same_version_give_exactly_one_409_each(
    world: World,  # noqa: F811
    role_tokens: dict[str, str],
) -> None:
    clients, _, _ = world
    client = clients[False]
    officer = bearer(role_tokens, "case-officer")
    made = client.post(
        "/api/v1/cases", json={"partner": "MN", "name": "P", "category": "other"}, headers=officer
    )
    case_id, version = made.json()["id"], made.json()["version"]

    def edit(n: int, seen: int) -> tuple[int, dict[str, object]]:
        body = {"version": seen, "notes": f"edit {n}"}
        response = client.post(f"/api/v1/cases/{case_id}/edit", json=body, headers=officer)
        return response.status_code, response.json()

    one_each = 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for pair in range(PAIRS):
            first, second = pool.map(edit, (2 * pair, 2 * pair + 1), (version, version))
            statuses = sorted([first[0], second[0]])
            assert statuses == [200, 409], (pair, first, second)
            won = first if first[0] == 200 else second
            lost = second if won is first else first
            assert lost[1]["current_version"] == won[1]["version"] == version + 1
            version += 1
            one_each += 1
    assert one_each == PAIRS
    final = client.get(f"/api/v1/cases/{case_id}", headers=officer).json()
    assert final["version"] == PAIRS + 1


def test_openapi_shows_no_example_of_case_data(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()

    def keys(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                yield key
                yield from keys(value)
        elif isinstance(node, list):
            for item in node:
                yield from keys(item)

    case_paths = {p: v for p, v in spec["paths"].items() if p.startswith("/api/v1/cases")}
    assert len(case_paths) >= 8
    case_schemas = {
        n: s
        for n, s in spec["components"]["schemas"].items()
        if n.startswith(("Case", "Charge", "Status", "Reply", "NextList", "Suggestion"))
    }
    assert "CaseOut" in case_schemas
    found = set(keys(case_paths)) | set(keys(case_schemas))
    assert "example" not in found and "examples" not in found

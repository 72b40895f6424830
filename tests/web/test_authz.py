"""The authorization matrix: every route of the app x every kind of caller x {public, confidential}.

Routes are enumerated from the application (a route without an entry in NEEDS fails). Each
route is requested by an anonymous caller (with the anonymous read-only mode off, then on) and
by one account of each role (API tokens), once pointed at public records (Mongolia, which has
no case linked to its meetings... the ids of Mongolian records) and once at confidential ones
(the Kazakh case, the meeting and partner it is linked to). Every cell's expected status comes
from one table: the least caller a route needs (NEEDS) and the status it answers an allowed
caller. Requests carry no valid body, so the allowed status is a validation error or a 404 and
nothing changes between cells.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from hrd.settings import Settings
from hrd.web import create_app

from .casedata import Cases, canaries_in, open_cases
from .test_app import app_routes

OPEN, SIGNED_IN, VIEWER, ANALYST, OFFICER, ADMIN = (
    "open",
    "signed-in",
    "viewer",
    "analyst",
    "case-officer",
    "admin",
)
RANK = {VIEWER: 1, ANALYST: 2, OFFICER: 3, ADMIN: 4}
CALLERS = ("anonymous", "anonymous-read", VIEWER, ANALYST, OFFICER, ADMIN)
VARIANTS = ("public", "confidential")

# (method, route) -> (the least caller the route needs, the status an allowed caller gets,
# or {variant: status} when the two differ).
NEEDS: dict[tuple[str, str], tuple[str, int | dict[str, int]]] = {
    ("GET", "/static"): (OPEN, 200),
    ("GET", "/login"): (OPEN, 200),
    ("POST", "/login"): (OPEN, 403),  # plain http from a non-loopback address: no password here
    ("POST", "/api/v1/auth/login"): (OPEN, 422),
    ("POST", "/logout"): (SIGNED_IN, 303),
    ("GET", "/account"): (SIGNED_IN, 200),
    ("POST", "/account/tokens"): (SIGNED_IN, 422),
    ("POST", "/account/tokens/{token_id}/revoke"): (SIGNED_IN, 404),
    ("POST", "/api/v1/auth/logout"): (SIGNED_IN, 204),
    ("GET", "/api/v1/auth/me"): (SIGNED_IN, 200),
    ("GET", "/api/v1/auth/tokens"): (SIGNED_IN, 200),
    ("POST", "/api/v1/auth/tokens"): (SIGNED_IN, 422),
    ("POST", "/api/v1/auth/tokens/{token_id}/revoke"): (SIGNED_IN, 404),
    # public records: reading
    ("GET", "/"): (VIEWER, 200),
    ("GET", "/partners/{partner}"): (VIEWER, 200),
    ("GET", "/meetings/{meeting_id}"): (VIEWER, 200),
    ("GET", "/documents/{ref}"): (VIEWER, 200),
    ("GET", "/search"): (VIEWER, 200),
    ("GET", "/ingest"): (VIEWER, 200),
    ("GET", "/review"): (VIEWER, 200),
    ("GET", "/api/docs"): (VIEWER, 200),
    ("GET", "/api/openapi.json"): (VIEWER, 200),
    ("GET", "/partners/{partner}/tracking"): (VIEWER, 200),
    ("GET", "/partners/{partner}/charts/{kind}/{chart}"): (VIEWER, 200),
    ("GET", "/provisions/{provision_id}"): (VIEWER, 200),
    ("GET", "/partners/{partner}/brief"): (VIEWER, 200),
    ("GET", "/partners/{partner}/brief.pdf"): (VIEWER, 200),
    ("GET", "/partners/{partner}/follow-up"): (VIEWER, 200),
    ("GET", "/partners/{partner}/benchmarks"): (VIEWER, 200),
    ("GET", "/api/v1/partners"): (VIEWER, 200),
    ("GET", "/api/v1/partners/{partner}"): (VIEWER, 200),
    ("GET", "/api/v1/series"): (VIEWER, 200),
    ("GET", "/api/v1/series/{series_id}"): (VIEWER, 200),
    ("GET", "/api/v1/series/{series_id}/meetings"): (VIEWER, 200),
    ("GET", "/api/v1/meetings"): (VIEWER, 200),
    ("GET", "/api/v1/meetings/{meeting_id}"): (VIEWER, 200),
    ("GET", "/api/v1/statements"): (VIEWER, 200),
    ("GET", "/api/v1/statements/{statement_id}"): (VIEWER, 200),
    ("GET", "/api/v1/documents"): (VIEWER, 200),
    ("GET", "/api/v1/documents/{ref}"): (VIEWER, 200),
    ("GET", "/api/v1/documents/{ref}/record"): (VIEWER, 200),
    ("GET", "/api/v1/documents/{ref}/text"): (VIEWER, 200),
    ("GET", "/api/v1/search"): (VIEWER, 200),
    ("GET", "/api/v1/codes/topics"): (VIEWER, 200),
    ("GET", "/api/v1/codes/acts"): (VIEWER, 200),
    ("GET", "/api/v1/review"): (VIEWER, 200),
    ("GET", "/api/v1/partners/{partner}/tracking"): (VIEWER, 200),
    ("GET", "/api/v1/provisions/{provision_id}"): (VIEWER, 200),
    ("GET", "/api/v1/partners/{partner}/follow-up"): (VIEWER, 200),
    ("GET", "/api/v1/partners/{partner}/benchmarks"): (VIEWER, 200),
    # public records: review, ingest, follow-up and benchmark writes
    ("POST", "/ingest"): (ANALYST, 422),
    ("POST", "/review/{statement_id}"): (ANALYST, 422),
    ("POST", "/documents/{ref}/statements"): (ANALYST, 422),
    ("POST", "/partners/{partner}/follow-up/{statement_id}"): (ANALYST, 422),
    ("POST", "/partners/{partner}/benchmarks"): (ANALYST, 422),
    ("POST", "/partners/{partner}/benchmarks/{benchmark_id}"): (ANALYST, 422),
    ("POST", "/api/v1/ingest/file"): (ANALYST, 422),
    ("POST", "/api/v1/ingest/url"): (ANALYST, 422),
    ("POST", "/api/v1/review/{statement_id}/confirm"): (ANALYST, 422),
    ("POST", "/api/v1/review/{statement_id}/reject"): (ANALYST, 422),
    ("POST", "/api/v1/review/{statement_id}/edit"): (ANALYST, 422),
    ("POST", "/api/v1/review/add"): (ANALYST, 422),
    ("POST", "/api/v1/follow-up/{statement_id}"): (ANALYST, 422),
    ("POST", "/api/v1/partners/{partner}/benchmarks"): (ANALYST, 422),
    ("POST", "/api/v1/benchmarks/{benchmark_id}/assessments"): (ANALYST, 422),
    # the confidential case register
    ("GET", "/cases"): (OFFICER, 200),
    ("POST", "/cases"): (OFFICER, 422),
    ("GET", "/cases/{case_id}"): (OFFICER, 200),
    ("POST", "/cases/{case_id}"): (OFFICER, 422),
    ("GET", "/cases/partners/{partner}"): (OFFICER, 200),
    ("POST", "/cases/partners/{partner}/lists"): (OFFICER, 422),
    ("GET", "/api/v1/cases"): (OFFICER, 200),
    ("POST", "/api/v1/cases"): (OFFICER, 422),
    ("GET", "/api/v1/cases/{case_id}"): (OFFICER, 200),
    ("POST", "/api/v1/cases/{case_id}/edit"): (OFFICER, 422),
    ("POST", "/api/v1/cases/{case_id}/status"): (OFFICER, 422),
    ("POST", "/api/v1/cases/{case_id}/meetings"): (OFFICER, 422),
    ("POST", "/api/v1/cases/{case_id}/replies"): (OFFICER, 422),
    ("POST", "/api/v1/cases/partners/{partner}/lists"): (OFFICER, 422),
    ("GET", "/api/v1/cases/partners/{partner}/next"): (OFFICER, 200),
    ("GET", "/api/v1/cases/partners/{partner}/next.md"): (OFFICER, 200),
    ("GET", "/api/v1/cases/partners/{partner}/suggestions"): (OFFICER, 200),
    # accounts of others
    ("GET", "/admin/users"): (ADMIN, 200),
    ("POST", "/admin/users"): (ADMIN, 422),
    ("POST", "/admin/users/{name}"): (ADMIN, 422),
    ("GET", "/api/v1/users"): (ADMIN, 200),
    ("POST", "/api/v1/users"): (ADMIN, 422),
    ("POST", "/api/v1/users/{name}/disable"): (ADMIN, 404),
    ("POST", "/api/v1/users/{name}/role"): (ADMIN, 422),
}


def allowed(caller: str, need: str) -> bool:
    if need == OPEN:
        return True
    if caller == "anonymous":
        return False
    if caller == "anonymous-read":
        return need == VIEWER
    return need == SIGNED_IN or RANK[caller] >= RANK[need]


def expected(caller: str, method: str, path: str, variant: str) -> int:
    """The status of one cell of the matrix."""
    need, ok = NEEDS[(method, path)]
    if allowed(caller, need):
        return ok if isinstance(ok, int) else ok[variant]
    if caller.startswith("anonymous"):
        return 303 if method == "GET" and not path.startswith("/api/") else 401  # pages: to the login page
    return 403


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, web_template: object, role_tokens: dict[str, str]
) -> Iterator[tuple[dict[bool, TestClient], Cases, dict[str, dict[str, object]]]]:
    import shutil
    from pathlib import Path

    from pydantic import SecretStr

    from .conftest import CASE_KEY

    path = tmp_path_factory.mktemp("authz") / "hrd.sqlite"
    shutil.copy(Path(str(web_template)), path)
    clients: dict[bool, TestClient] = {}
    apps = []
    for anonymous_read in (False, True):
        settings = Settings(
            database_url=f"sqlite:///{path}", secret_key=SecretStr(CASE_KEY), anonymous_read=anonymous_read
        )
        app = create_app(settings)
        apps.append(app)
        clients[anonymous_read] = TestClient(app, follow_redirects=False).__enter__()
    admin = {"Authorization": f"Bearer {role_tokens['admin']}"}
    cases = open_cases(clients[False], role_tokens[OFFICER])
    c = clients[False]

    def first(url: str) -> int:
        return int(c.get(url, headers=admin).json()["data"][0]["id"])

    common = {"kind": "human-rights-dialogue", "chart": "matrix.png", "provision_id": 1, "token_id": 999}
    values: dict[str, dict[str, object]] = {
        "public": {
            **common,
            "partner": "MN",
            "meeting_id": cases.mn_meeting,
            "statement_id": first("/api/v1/statements?partner=MN&limit=1"),
            "ref": "mn-2020",
            "series_id": first("/api/v1/series?partner=MN"),
            "case_id": cases.mn,
            "name": "nobody",
            "benchmark_id": 999,
        },
        "confidential": {
            **common,
            "partner": "KZ",
            "meeting_id": cases.kz_meeting,
            "statement_id": first("/api/v1/statements?partner=KZ&limit=1"),
            "ref": "kz-2021",
            "series_id": first("/api/v1/series?partner=KZ"),
            "case_id": cases.kz,
            "name": "nobody",
            "benchmark_id": 999,
        },
    }
    yield clients, cases, values
    for client in clients.values():
        client.__exit__(None, None, None)
    for app in apps:
        app.state.engine.dispose()


def test_every_route_has_an_entry(client: TestClient) -> None:
    routes = app_routes(client)
    assert routes - NEEDS.keys() == set(), "routes without an entry in NEEDS"
    assert NEEDS.keys() - routes == set(), "entries in NEEDS for routes that do not exist"


def url_of(path: str, values: dict[str, object]) -> str:
    return "/static/style.css" if path == "/static" else path.format(**values)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("caller", CALLERS)
def test_authorization_matrix(
    world: tuple[dict[bool, TestClient], Cases, dict[str, dict[str, object]]],
    role_tokens: dict[str, str],
    caller: str,
    variant: str,
) -> None:
    clients, _, values = world
    client = clients[caller == "anonymous-read"]
    headers = {} if caller.startswith("anonymous") else {"Authorization": f"Bearer {role_tokens[caller]}"}
    wrong = []
    for method, path in sorted(NEEDS):
        url = url_of(path, values[variant])
        response = client.request(method, url, headers=headers)
        want = expected(caller, method, path, variant)
        if response.status_code != want:
            wrong.append(f"{method} {url}: {response.status_code}, expected {want}")
        if want in (401, 403, 303) and canaries_in(response.content):
            wrong.append(f"{method} {url}: confidential data in a refusal")
        if want == 303 and path != "/logout" and not response.headers["location"].startswith("/login?next="):
            wrong.append(f"{method} {url}: redirects to {response.headers['location']}")
    assert wrong == []

"""The application as a whole: every route has a test entry, headers, errors, static assets."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from hrd.errors import DatabaseNotReadyError
from hrd.settings import Settings
from hrd.web import create_app
from hrd.web.security import CSP, csp

from .conftest import document_id

# (method, route path) -> (example URL, JSON body or None, expected status). A new route without an
# entry here fails test_every_route_is_in_the_table; each entry is requested by test_route_table.
ROUTES: dict[tuple[str, str], tuple[str, dict[str, Any] | None, int]] = {
    ("GET", "/"): ("/", None, 200),
    ("GET", "/partners/{partner}"): ("/partners/KZ", None, 200),
    ("GET", "/meetings/{meeting_id}"): ("/meetings/{m12}", None, 200),
    ("GET", "/documents/{ref}"): ("/documents/kz-2021", None, 200),
    ("GET", "/search"): ("/search?q=torture", None, 200),
    ("GET", "/ingest"): ("/ingest", None, 200),
    ("POST", "/ingest"): ("/ingest", None, 422),
    ("GET", "/review"): ("/review", None, 200),
    ("POST", "/review/{statement_id}"): ("/review/{statement}", None, 422),
    ("POST", "/documents/{ref}/statements"): ("/documents/kz-2021/statements", None, 422),
    ("GET", "/api/docs"): ("/api/docs", None, 200),
    ("GET", "/api/openapi.json"): ("/api/openapi.json", None, 200),
    ("GET", "/static"): ("/static/style.css", None, 200),
    ("GET", "/api/v1/partners"): ("/api/v1/partners", None, 200),
    ("GET", "/api/v1/partners/{partner}"): ("/api/v1/partners/MN", None, 200),
    ("GET", "/api/v1/series"): ("/api/v1/series", None, 200),
    ("GET", "/api/v1/series/{series_id}"): ("/api/v1/series/{series}", None, 200),
    ("GET", "/api/v1/series/{series_id}/meetings"): ("/api/v1/series/{series}/meetings", None, 200),
    ("GET", "/api/v1/meetings"): ("/api/v1/meetings", None, 200),
    ("GET", "/api/v1/meetings/{meeting_id}"): ("/api/v1/meetings/{m12}", None, 200),
    ("GET", "/api/v1/statements"): ("/api/v1/statements?partner=KZ", None, 200),
    ("GET", "/api/v1/statements/{statement_id}"): ("/api/v1/statements/{statement}", None, 200),
    ("GET", "/api/v1/documents"): ("/api/v1/documents", None, 200),
    ("GET", "/api/v1/documents/{ref}"): ("/api/v1/documents/kz-2022", None, 200),
    ("GET", "/api/v1/documents/{ref}/record"): ("/api/v1/documents/kz-2022/record", None, 200),
    ("GET", "/api/v1/documents/{ref}/text"): ("/api/v1/documents/kz-2022/text", None, 200),
    ("GET", "/api/v1/search"): ("/api/v1/search?q=assembly", None, 200),
    ("GET", "/api/v1/codes/topics"): ("/api/v1/codes/topics", None, 200),
    ("GET", "/api/v1/codes/acts"): ("/api/v1/codes/acts", None, 200),
    ("POST", "/api/v1/ingest/file"): ("/api/v1/ingest/file", None, 422),
    ("POST", "/api/v1/ingest/url"): ("/api/v1/ingest/url", {"url": "ftp://example.org/x"}, 422),
    ("GET", "/api/v1/review"): ("/api/v1/review", None, 200),
    ("POST", "/api/v1/review/{statement_id}/confirm"): (
        "/api/v1/review/{statement}/confirm",
        {"version": 1},
        200,
    ),
    ("POST", "/api/v1/review/{statement_id}/reject"): (
        "/api/v1/review/{statement}/reject",
        {"version": 1},
        200,
    ),
    ("POST", "/api/v1/review/{statement_id}/edit"): (
        "/api/v1/review/{statement}/edit",
        {"version": 1, "act": "call"},
        200,
    ),
    ("POST", "/api/v1/review/add"): (
        "/api/v1/review/add",
        {"document": "mn-2020", "actor": "EU", "act": "stress", "topics": ["general"]},
        201,
    ),
    # tracking (issue 5): pages, chart downloads, the brief, follow-up and benchmarks
    ("GET", "/partners/{partner}/tracking"): ("/partners/KZ/tracking", None, 200),
    ("GET", "/partners/{partner}/charts/{kind}/{chart}"): (
        "/partners/KZ/charts/human-rights-dialogue/matrix.png",
        None,
        200,
    ),
    ("GET", "/provisions/{provision_id}"): ("/provisions/1", None, 200),
    ("GET", "/partners/{partner}/brief"): ("/partners/KZ/brief", None, 200),
    ("GET", "/partners/{partner}/brief.pdf"): ("/partners/MN/brief.pdf", None, 200),
    ("GET", "/partners/{partner}/follow-up"): ("/partners/KZ/follow-up", None, 200),
    ("POST", "/partners/{partner}/follow-up/{statement_id}"): (
        "/partners/KZ/follow-up/{statement}",
        None,
        422,
    ),
    ("GET", "/partners/{partner}/benchmarks"): ("/partners/KZ/benchmarks", None, 200),
    ("POST", "/partners/{partner}/benchmarks"): ("/partners/KZ/benchmarks", None, 422),
    ("POST", "/partners/{partner}/benchmarks/{benchmark_id}"): ("/partners/KZ/benchmarks/1", None, 422),
    ("GET", "/api/v1/partners/{partner}/tracking"): ("/api/v1/partners/KZ/tracking", None, 200),
    ("GET", "/api/v1/provisions/{provision_id}"): ("/api/v1/provisions/1", None, 200),
    ("GET", "/api/v1/partners/{partner}/follow-up"): ("/api/v1/partners/KZ/follow-up", None, 200),
    ("POST", "/api/v1/follow-up/{statement_id}"): (
        "/api/v1/follow-up/{statement}",
        {"status": "finished", "version": 0},
        422,
    ),
    ("GET", "/api/v1/partners/{partner}/benchmarks"): ("/api/v1/partners/KZ/benchmarks", None, 200),
    ("POST", "/api/v1/partners/{partner}/benchmarks"): (
        "/api/v1/partners/KZ/benchmarks",
        {"topic": "torture", "change": "end"},
        201,
    ),
    ("POST", "/api/v1/benchmarks/{benchmark_id}/assessments"): (
        "/api/v1/benchmarks/999/assessments",
        {"meeting_id": 1, "result": "met"},
        404,
    ),
    # accounts (issue 6): the client is the admin with an API token; TestClient is plain http from
    # a non-loopback address, so password logins are refused (403); redirects are followed
    ("GET", "/login"): ("/login", None, 200),
    ("POST", "/login"): ("/login", None, 403),
    ("POST", "/logout"): ("/logout", None, 200),
    ("GET", "/account"): ("/account", None, 200),
    ("POST", "/account/tokens"): ("/account/tokens", None, 422),
    ("POST", "/account/tokens/{token_id}/revoke"): ("/account/tokens/999/revoke", None, 404),
    ("GET", "/admin/users"): ("/admin/users", None, 200),
    ("POST", "/admin/users"): ("/admin/users", None, 422),
    ("POST", "/admin/users/{name}"): ("/admin/users/viewer", None, 422),
    ("POST", "/api/v1/auth/login"): ("/api/v1/auth/login", {"name": "admin", "password": "x"}, 403),
    ("POST", "/api/v1/auth/logout"): ("/api/v1/auth/logout", {}, 204),
    ("GET", "/api/v1/auth/me"): ("/api/v1/auth/me", None, 200),
    ("GET", "/api/v1/auth/tokens"): ("/api/v1/auth/tokens", None, 200),
    ("POST", "/api/v1/auth/tokens"): ("/api/v1/auth/tokens", {"scopes": ["public:read"]}, 201),
    ("POST", "/api/v1/auth/tokens/{token_id}/revoke"): ("/api/v1/auth/tokens/999/revoke", {}, 404),
    ("GET", "/api/v1/users"): ("/api/v1/users", None, 200),
    ("POST", "/api/v1/users"): ("/api/v1/users", {"name": "new", "role": "viewer"}, 201),
    ("POST", "/api/v1/users/{name}/disable"): ("/api/v1/users/viewer/disable", {}, 200),
    ("POST", "/api/v1/users/{name}/role"): ("/api/v1/users/viewer/role", {"role": "analyst"}, 200),
    # the case register (issue 6): the database has no case, so a case id answers 404
    ("GET", "/cases"): ("/cases", None, 200),
    ("POST", "/cases"): ("/cases", None, 422),
    ("GET", "/cases/{case_id}"): ("/cases/1", None, 404),
    ("POST", "/cases/{case_id}"): ("/cases/1", None, 404),
    ("GET", "/cases/partners/{partner}"): ("/cases/partners/KZ", None, 200),
    ("POST", "/cases/partners/{partner}/lists"): ("/cases/partners/KZ/lists", None, 422),
    ("GET", "/api/v1/cases"): ("/api/v1/cases", None, 200),
    ("POST", "/api/v1/cases"): (
        "/api/v1/cases",
        {"partner": "KZ", "name": "A. Person", "category": "journalist"},
        201,
    ),
    ("GET", "/api/v1/cases/{case_id}"): ("/api/v1/cases/1", None, 404),
    ("POST", "/api/v1/cases/{case_id}/edit"): ("/api/v1/cases/1/edit", {"version": 1}, 404),
    ("POST", "/api/v1/cases/{case_id}/status"): (
        "/api/v1/cases/1/status",
        {"version": 1, "status": "detained"},
        404,
    ),
    ("POST", "/api/v1/cases/{case_id}/meetings"): (
        "/api/v1/cases/1/meetings",
        {"version": 1, "meeting_id": 1},
        404,
    ),
    ("POST", "/api/v1/cases/{case_id}/replies"): (
        "/api/v1/cases/1/replies",
        {"version": 1, "text": "x"},
        404,
    ),
    ("POST", "/api/v1/cases/partners/{partner}/lists"): (
        "/api/v1/cases/partners/KZ/lists",
        {"case_ids": [1], "handed_over_on": "2024-01-01"},
        404,
    ),
    ("GET", "/api/v1/cases/partners/{partner}/next"): ("/api/v1/cases/partners/KZ/next", None, 200),
    ("GET", "/api/v1/cases/partners/{partner}/next.md"): ("/api/v1/cases/partners/KZ/next.md", None, 200),
    ("GET", "/api/v1/cases/partners/{partner}/suggestions"): (
        "/api/v1/cases/partners/KZ/suggestions",
        None,
        200,
    ),
}


def app_routes(client: TestClient) -> set[tuple[str, str]]:
    """(method, path) of every route, including those of included routers."""
    found: set[tuple[str, str]] = set()
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Mount):
            found.add(("GET", route.path))
            continue
        # FastAPI >= 0.160 keeps included routers as branches with "effective" route contexts.
        contexts = route.effective_route_contexts() if hasattr(route, "effective_route_contexts") else [route]
        for context in contexts:
            assert isinstance(context, APIRoute | Route) or hasattr(context, "methods"), context
            found.update((m, context.path) for m in context.methods or () if m != "HEAD")
    return found


def test_every_route_is_in_the_table(client: TestClient) -> None:
    routes = app_routes(client)
    assert routes - ROUTES.keys() == set(), "routes without an entry in ROUTES"
    assert ROUTES.keys() - routes == set(), "entries in ROUTES for routes that do not exist"


@pytest.mark.parametrize("key", sorted(ROUTES))
def test_route_table(client: TestClient, kz_meetings: dict[int, int], key: tuple[str, str]) -> None:
    statement = client.get("/api/v1/review", params={"limit": 1}).json()["data"][0]["id"]
    series = client.get("/api/v1/series").json()["data"][0]["id"]
    url, body, status = ROUTES[key]
    url = url.format(m12=kz_meetings[12], statement=statement, series=series)
    method = key[0]
    response = client.request(method, url, json=body) if body is not None else client.request(method, url)
    assert response.status_code == status, response.text[:300]
    header = response.headers["content-security-policy"]
    assert header == csp(header.split("'nonce-")[1].split("'")[0]) and "nonce-{" in CSP


def test_security_headers_on_pages_api_and_errors(client: TestClient) -> None:
    for url in ("/", "/api/v1/partners", "/static/app.js", "/no-such-page", "/api/v1/no-such"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_pages_have_no_inline_script(client: TestClient, kz_meetings: dict[int, int]) -> None:
    for url in (
        "/",
        "/partners/KZ",
        f"/meetings/{kz_meetings[12]}",
        "/search?q=torture",
        "/review",
        "/ingest",
        "/documents/kz-2021",
    ):
        html = client.get(url).text
        assert html.count("<script") == html.count('<script src="/static/'), url
        assert " on" + "click=" not in html


def test_unknown_api_path_is_a_problem(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "not found",
        "status": 404,
        "detail": "Not Found",
        "instance": "/api/v1/nothing-here",
    }


def test_unknown_page_is_an_html_error(client: TestClient) -> None:
    response = client.get("/partners/ZZ")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no meetings with partner" in response.text


def test_invalid_query_is_a_problem(client: TestClient) -> None:
    response = client.get("/api/v1/partners", params={"limit": 0})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "limit" in response.json()["detail"]


def test_openapi_lists_every_api_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["title"] == "HRD Tracker"
    paths = set(spec["paths"])
    api = {path for _, path in ROUTES if path.startswith("/api/v1/")}
    assert api <= paths
    assert not any(p.startswith(("/partners", "/review/")) for p in paths), "pages stay out of the spec"


def test_static_assets_are_local(client: TestClient) -> None:
    html = client.get("/").text
    assert "http://" not in html.replace('xmlns="http://www.w3.org', "")
    assert "https://" not in html
    assert (
        client.get("/static/app.js")
        .headers["content-type"]
        .startswith(("text/javascript", "application/javascript"))
    )


def test_create_app_refuses_an_unmigrated_database(tmp_path: Any) -> None:
    with pytest.raises(DatabaseNotReadyError):
        create_app(Settings(database_url=f"sqlite:///{tmp_path / 'empty.sqlite'}"))


def test_document_lookup_by_key_and_id(client: TestClient) -> None:
    doc = document_id(client, "kz-2021")
    assert client.get(f"/api/v1/documents/{doc}").json()["document"]["key"] == "kz-2021"


def test_a_served_app_reads_search_parts_in_parallel_and_closes_its_pool(
    settings: Settings, role_tokens: dict[str, str]
) -> None:
    app = create_app(settings)
    assert app.state.read_pool is None  # not served yet: requests read on their own session only
    with TestClient(app, headers={"Authorization": f"Bearer {role_tokens['admin']}"}) as served:
        pool = app.state.read_pool
        assert pool is not None
        body = served.get("/api/v1/search", params={"q": "freedom"}).json()
        assert body["statements"]["count"] >= 2 and body["documents"]["count"] >= 2
    assert app.state.read_pool is None
    with pytest.raises(RuntimeError):  # closed with the app
        pool.submit(lambda s: None)
    app.state.engine.dispose()

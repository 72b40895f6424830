"""Signing in and out: the session cookie, CSRF tokens, API tokens and what a page needs."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from hrd.auth import Role, operator
from hrd.auth.users import add_user
from hrd.settings import Settings
from hrd.store.engine import open_engine, write
from hrd.web import create_app
from hrd.web.auth import Need, requirement
from hrd.web.pages.account import safe_next

PASSWORD = "correct horse battery"


@pytest.fixture
def app_with_user(settings: Settings) -> Iterator[object]:
    engine = open_engine(settings)
    write(engine, lambda s: add_user(s, operator(), name="ana", role=Role.ANALYST, password=PASSWORD))
    engine.dispose()
    app = create_app(settings)
    yield app
    app.state.engine.dispose()


def client_of(app: object, base_url: str, peer: str = "testclient") -> TestClient:
    return TestClient(app, base_url=base_url, client=(peer, 5000), follow_redirects=False)  # type: ignore[arg-type]


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]{64})"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def sign_in(client: TestClient, next_url: str = "/account") -> None:
    response = client.post("/login", data={"name": "ana", "password": PASSWORD, "next": next_url})
    assert response.status_code == 303, response.text[:300]
    assert response.headers["location"] == next_url


def test_https_login_sets_a_host_cookie_and_the_session_works(app_with_user: object) -> None:
    client = client_of(app_with_user, "https://hrd.example")
    sign_in(client)
    cookie = client.cookies.jar
    header = next(
        v
        for k, v in client.post("/login", data={"name": "ana", "password": PASSWORD}).headers.multi_items()
        if k == "set-cookie"
    )
    assert header.startswith("__Host-hrd_session=")
    for attribute in ("HttpOnly", "Secure", "SameSite=strict", "Path=/"):
        assert attribute.lower() in header.lower()
    assert "domain" not in header.lower()
    assert any(c.name == "__Host-hrd_session" for c in cookie)
    page = client.get("/account")
    assert page.status_code == 200 and "ana" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert client.get("/cases").status_code == 403, "an analyst is not a case officer"


def test_plain_http_logins_only_from_loopback(app_with_user: object) -> None:
    local = client_of(app_with_user, "http://localhost:8000", peer="127.0.0.1")
    response = local.post("/login", data={"name": "ana", "password": PASSWORD, "next": "/"})
    assert response.status_code == 303
    header = response.headers["set-cookie"]
    assert header.startswith("hrd_session=") and "secure" not in header.lower()
    assert "httponly" in header.lower() and "samesite=strict" in header.lower()
    assert local.get("/").status_code == 200
    remote = client_of(app_with_user, "http://hrd.example", peer="192.0.2.7")
    refused = remote.post("/login", data={"name": "ana", "password": PASSWORD})
    assert refused.status_code == 403 and "https" in refused.text
    assert "set-cookie" not in refused.headers


def test_a_cookie_of_the_other_scheme_does_not_count(app_with_user: object) -> None:
    client = client_of(app_with_user, "https://hrd.example")
    sign_in(client)
    token = next(c.value for c in client.cookies.jar if c.name == "__Host-hrd_session")
    bare = client_of(app_with_user, "https://hrd.example")
    bare.cookies.set("hrd_session", token)
    assert bare.get("/").status_code == 303, "over https only the __Host- cookie is a session"


def test_wrong_password_is_401_and_says_nothing_more(app_with_user: object) -> None:
    client = client_of(app_with_user, "https://hrd.example")
    for name in ("ana", "nobody"):
        response = client.post("/login", data={"name": name, "password": "wrong"})
        assert response.status_code == 401
        assert "wrong user name or password" in response.text
        assert "set-cookie" not in response.headers


def test_forms_need_the_csrf_token_of_the_session(app_with_user: object) -> None:
    client = client_of(app_with_user, "https://hrd.example")
    sign_in(client)
    account = client.get("/account").text
    token = csrf_of(account)
    assert account.count('name="csrf"') == account.count('method="post"') >= 2, "every POST form"
    form = {"label": "ci", "scopes": "public:read", "days": "30"}
    assert client.post("/account/tokens", data=form).status_code == 403
    assert client.post("/account/tokens", data={**form, "csrf": "0" * 64}).status_code == 403
    made = client.post("/account/tokens", data={**form, "csrf": token})
    assert made.status_code == 201 and "hrd_" in made.text
    assert client.post("/ingest", data={"url": ""}).status_code == 403, "every unsafe request"
    assert client.post("/logout", data={"csrf": token}).status_code == 303
    assert client.get("/account").status_code == 303, "signed out"


def test_api_login_gives_the_csrf_token_for_the_header(app_with_user: object) -> None:
    client = client_of(app_with_user, "https://hrd.example")
    me = client.post("/api/v1/auth/login", json={"name": "ana", "password": PASSWORD})
    assert me.status_code == 200 and me.json()["role"] == "analyst"
    token = me.json()["csrf_token"]
    assert client.get("/api/v1/auth/me").json()["csrf_token"] == token
    body = {"scopes": ["public:read"], "label": "script"}
    assert client.post("/api/v1/auth/tokens", json=body).status_code == 403
    made = client.post("/api/v1/auth/tokens", json=body, headers={"X-CSRF-Token": token})
    assert made.status_code == 201
    bearer = {"Authorization": f"Bearer {made.json()['token']}"}
    fresh = client_of(app_with_user, "https://hrd.example")
    assert fresh.get("/api/v1/partners", headers=bearer).status_code == 200
    assert fresh.post("/api/v1/review/add", json={}, headers=bearer).status_code == 403, (
        "scope public:read only"
    )
    assert client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": token}).status_code == 204
    assert client.get("/api/v1/auth/me").status_code == 401


def test_bad_credentials_never_fall_back_to_anonymous(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"anonymous_read": True}))
    client = TestClient(app, follow_redirects=False)
    assert client.get("/api/v1/partners").status_code == 200, "anonymous read-only mode"
    assert client.post("/api/v1/review/add", json={}).status_code == 401
    for header in ("Bearer hrd_nope", "Basic YWRtaW46eA==", "Bearer "):
        assert client.get("/api/v1/partners", headers={"Authorization": header}).status_code == 401
    client.cookies.set("hrd_session", "stale")
    assert client.get("/").status_code == 303
    app.state.engine.dispose()


def test_pages_send_anonymous_callers_to_the_login_page(settings: Settings) -> None:
    app = create_app(settings)
    client = TestClient(app, follow_redirects=False)
    response = client.get("/partners/KZ?rounds=3")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/partners/KZ%3Frounds%3D3"
    assert client.get("/api/v1/partners").status_code == 401
    login = client.get("/login?next=//evil.example/")
    assert 'name="next" value="/"' in login.text
    app.state.engine.dispose()


def test_safe_next_keeps_to_this_site() -> None:
    assert safe_next("/partners/KZ?x=1") == "/partners/KZ?x=1"
    for bad in ("//evil.example", "/\\evil.example", "https://evil.example", "", None, "/a\nb"):
        assert safe_next(bad) == "/"


def test_requirements_by_path() -> None:
    assert requirement("GET", "/login") is Need.NOTHING
    assert requirement("POST", "/logout") is Need.SIGNED_IN
    assert requirement("GET", "/partners/KZ") == ("read", "public")
    assert requirement("POST", "/partners/KZ/benchmarks") == ("write", "public")
    assert requirement("GET", "/case-lists/1") == ("read", "cases"), "prefixes without a boundary"
    assert requirement("DELETE", "/api/v1/users/x") == ("write", "users")

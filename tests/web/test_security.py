"""The security middleware on a minimal app of its own."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient
from starlette.types import Scope

from hrd.web.security import BodyLimit, SameOrigin, SecurityHeaders, csp


async def echo(request: Request) -> Response:
    return PlainTextResponse(str(len(await request.body())))


def too_large(scope: Scope, limit: int) -> Response:
    return PlainTextResponse(f"over {limit}", status_code=413)


def client(limit: int) -> TestClient:
    app = Starlette(routes=[Route("/", echo, methods=["GET", "POST"])])
    return TestClient(SecurityHeaders(BodyLimit(app, limit=limit, too_large=too_large)))


def test_body_within_the_limit_reaches_the_app_whole() -> None:
    assert client(100).post("/", content=b"x" * 100).text == "100"


def test_streamed_body_over_the_limit() -> None:
    response = client(100).post("/", content=iter([b"x" * 60, b"x" * 60]))
    assert (response.status_code, response.text) == (413, "over 100")


def test_declared_length_over_the_limit() -> None:
    assert client(10).post("/", content=b"x" * 11).status_code == 413


def test_headers_added_but_not_overridden() -> None:
    response = client(10).get("/")
    header = response.headers["content-security-policy"]
    nonce = header.split("'nonce-")[1].split("'")[0]
    assert len(nonce) >= 22 and header == csp(nonce)
    assert client(10).get("/").headers["content-security-policy"] != header, "a new nonce each time"
    assert response.headers["x-frame-options"] == "DENY"


def forbidden(scope: Scope) -> Response:
    return PlainTextResponse("no", status_code=403)


def same_origin_client() -> TestClient:
    app = Starlette(routes=[Route("/", echo, methods=["GET", "POST"])])
    return TestClient(SameOrigin(app, forbidden=forbidden), base_url="http://hrd.test")


def test_cross_site_posts_are_refused() -> None:
    client = same_origin_client()
    assert client.post("/", content=b"x", headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.post("/", content=b"x", headers={"origin": "http://evil.test"}).status_code == 403
    assert client.post("/", content=b"x", headers={"origin": "null"}).status_code == 403


def test_same_site_and_plain_clients_pass() -> None:
    client = same_origin_client()
    assert client.post("/", content=b"x", headers={"origin": "http://hrd.test"}).text == "1"
    assert client.post("/", content=b"x", headers={"sec-fetch-site": "same-origin"}).text == "1"
    assert client.post("/", content=b"xy").text == "2"
    assert client.get("/", headers={"sec-fetch-site": "cross-site"}).status_code == 200, "reading is open"

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from hrd.settings import Settings
from hrd.web import create_app

READOUT = (
    "EU and Mongolia hold 5th Human Rights Dialogue\n\n"
    "Ulaanbaatar, 20 May 2023\n\n"
    "The European Union and Mongolia held the fifth round of their Human Rights Dialogue in "
    "Ulaanbaatar on 20 May 2023.\n\n"
    "The EU expressed concern about the death penalty and urged Mongolia to protect journalists.\n"
)


def upload(client: TestClient, data: bytes, name: str = "readout.txt", mime: str = "text/plain") -> object:
    return client.post("/api/v1/ingest/file", files={"file": (name, data, mime)})


def test_upload_a_readout(client: TestClient) -> None:
    response = client.post(
        "/api/v1/ingest/file", files={"file": ("mn-2023.txt", READOUT.encode(), "text/plain")}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    [outcome] = body["outcomes"]
    assert outcome["status"] == "ingested" and outcome["statements"] >= 1
    assert [(m["partner"], m["ordinal"]) for m in body["meetings"]] == [("MN", 5)]
    partner = client.get("/api/v1/partners/MN").json()
    assert [r["round"]["ordinal"] for r in partner["rounds"]] == [4, 5]
    again = client.post("/api/v1/ingest/file", files={"file": ("copy.txt", READOUT.encode(), "text/plain")})
    assert again.json()["outcomes"][0]["status"] == "unchanged"


@pytest.mark.parametrize(
    ("data", "status", "words"),
    [
        (b"", 422, "empty"),
        (b"   \n\n  ", 422, "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, 415, "unsupported"),
        (bytes(range(256)) * 20, 415, "unsupported"),
    ],
)
def test_bad_uploads_are_4xx_problems(client: TestClient, data: bytes, status: int, words: str) -> None:
    response = client.post(
        "/api/v1/ingest/file", files={"file": ("bad.txt", data, "application/octet-stream")}
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert words in response.json()["title"]


def test_oversize_upload_is_413(client: TestClient, settings: Settings) -> None:
    data = b"word " * (settings.max_input_bytes // 5 + 10)
    response = client.post("/api/v1/ingest/file", files={"file": ("big.txt", data, "text/plain")})
    assert response.status_code == 413
    assert response.json()["title"] == "input too large"


def test_body_far_over_the_limit_is_refused_while_streaming(client: TestClient, settings: Settings) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts the bytes as they come
        for _ in range(settings.max_input_bytes // 10_000 + 20):
            yield b"x" * 10_000

    response = client.post("/api/v1/ingest/file", content=chunks(), headers={"content-type": "text/plain"})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


def test_declared_length_over_the_limit_is_refused(client: TestClient, settings: Settings) -> None:
    response = client.post(
        "/api/v1/ingest/file",
        content=b"x" * (settings.max_input_bytes + 70_000),
        headers={"content-type": "x/y"},
    )
    assert response.status_code == 413


def test_missing_file_is_422(client: TestClient) -> None:
    assert client.post("/api/v1/ingest/file").status_code == 422


class _Readout(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = READOUT.encode()
        self.send_response(200 if self.path == "/readout.txt" else 404)
        self.send_header("content-type", "text/plain; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def readout_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Readout)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def intranet_client(settings: Settings, role_tokens: dict[str, str]) -> Iterator[TestClient]:
    """The administrator's client of an application allowed to fetch from private addresses."""
    app = create_app(settings.model_copy(update={"allow_private_urls": True}))
    with TestClient(app, headers={"Authorization": f"Bearer {role_tokens['admin']}"}) as test_client:
        yield test_client
    app.state.engine.dispose()


def test_ingest_a_url(intranet_client: TestClient, readout_server: str) -> None:
    response = intranet_client.post("/api/v1/ingest/url", json={"url": f"{readout_server}/readout.txt"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["outcomes"][0]["status"] == "ingested"
    assert [(m["partner"], m["ordinal"]) for m in body["meetings"]] == [("MN", 5)]


def test_url_that_fails_is_reported(intranet_client: TestClient, readout_server: str) -> None:
    body = intranet_client.post("/api/v1/ingest/url", json={"url": f"{readout_server}/missing"}).json()
    assert body["outcomes"][0]["status"] == "failed" and body["meetings"] == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]", "169.254.169.254"])
def test_url_on_a_private_address_is_refused_by_default(
    client: TestClient, readout_server: str, host: str
) -> None:
    port = readout_server.rsplit(":", 1)[1]
    response = client.post("/api/v1/ingest/url", json={"url": f"http://{host}:{port}/readout.txt"})
    assert response.status_code == 200, response.text
    body = response.json()
    [outcome] = body["outcomes"]
    assert outcome["status"] == "failed" and body["meetings"] == []
    assert outcome["reason"].startswith("refused: ")
    assert outcome["reason"].endswith(" address; set HRD_ALLOW_PRIVATE_URLS=1 to allow private hosts")


def test_not_a_web_url_is_422(client: TestClient) -> None:
    response = client.post("/api/v1/ingest/url", json={"url": "file:///etc/passwd"})
    assert response.status_code == 422
    assert "http" in response.json()["detail"]


def test_changed_file_under_the_same_name_is_a_new_version(client: TestClient) -> None:
    first = client.post("/api/v1/ingest/file", files={"file": ("a/b/mn.txt", READOUT.encode(), "text/plain")})
    changed = (READOUT + "\nCorrected on 21 May 2023.\n").encode()
    second = client.post("/api/v1/ingest/file", files={"file": ("mn.txt", changed, "text/plain")})
    one, two = first.json()["outcomes"][0], second.json()["outcomes"][0]
    assert (one["document"], one["version"]) == ("mn", 1)
    assert (two["document"], two["version"], two["status"]) == ("mn", 2, "ingested")
    detail = client.get(f"/api/v1/documents/{two['document_id']}").json()
    assert [v["version"] for v in detail["versions"]] == [1, 2]
    assert client.get("/api/v1/documents/mn").json()["document"]["version"] == 2, "the key gives the latest"

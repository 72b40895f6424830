"""hrd.read.fetch against a real HTTP server on 127.0.0.1, started by the test."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pdfbytes import text_pdf

from hrd.errors import EmptyInputError, FetchError, UnsupportedInputError
from hrd.read.fetch import fetch, fetch_feed, fetch_url
from hrd.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "read"
LIMIT = 64 * 1024
RELEASE = threading.Event()
"""Set at teardown so that handlers that hang return and the server stops at once."""

PDF = text_pdf([["The EU and Paraguay met in Asunción on 2 June 2020 for their Human Rights Dialogue."]])
ROUTES: dict[str, tuple[str, bytes]] = {
    "/readout.html": ("text/html; charset=utf-8", (FIXTURES / "paraguay-2021.html").read_bytes()),
    "/readout.txt": ("text/plain; charset=ISO-8859-1", "Réunion à Genève le 2 juin 2020.".encode("latin-1")),
    "/readout.pdf": ("application/pdf", PDF),
    "/download": ("application/octet-stream", PDF),
    "/feed.rss": ("application/rss+xml", (FIXTURES / "feed.rss").read_bytes()),
    "/image.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
    "/empty.txt": ("text/plain", b""),
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(self, status: int, content_type: str | None, body: bytes, length: bool = True) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path in ROUTES:
            self._send(200, *ROUTES[path])
        elif path == "/agent":
            self._send(200, "text/plain", self.headers.get("User-Agent", "").encode())
        elif path == "/untyped":
            self._send(200, None, b"A readout served without a content type, about a dialogue.")
        elif path == "/never":
            RELEASE.wait(30)  # accepts the connection, never answers
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            while not RELEASE.is_set():  # a few bytes at a time, forever
                try:
                    self.wfile.write(b"slow ")
                    self.wfile.flush()
                except OSError:
                    return
                RELEASE.wait(0.05)
        elif path == "/big":  # no Content-Length: only counting the stream catches it
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(4 * LIMIT // 1024):
                    self.wfile.write(b"x" * 1024)
            except OSError:
                return
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif path == "/gone":
            self._send(404, "text/html", b"<h1>Not found</h1>")
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/readout.html")
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        else:
            self._send(500, "text/plain", b"no such route")


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    RELEASE.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        RELEASE.set()
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(fetch_timeout=1.0, max_input_bytes=LIMIT, user_agent="hrd-test/1")


def test_html_page(base_url: str, settings: Settings) -> None:
    doc = fetch_url(f"{base_url}/readout.html", settings=settings)
    assert doc.media_type == "text/html"
    assert doc.source == f"{base_url}/readout.html"
    assert doc.title == "EU and Paraguay hold their fifth Human Rights Dialogue"
    assert doc.published == dt.date(2021, 3, 4)
    assert "Asunción in 2022" in doc.text


def test_plain_text_uses_the_declared_charset(base_url: str, settings: Settings) -> None:
    doc = fetch_url(f"{base_url}/readout.txt", settings=settings)
    assert doc.text == "Réunion à Genève le 2 juin 2020."


def test_pdf(base_url: str, settings: Settings) -> None:
    doc = fetch_url(f"{base_url}/readout.pdf", settings=settings)
    assert doc.media_type == "application/pdf"
    assert "Human Rights Dialogue" in doc.text


def test_octet_stream_is_sniffed(base_url: str, settings: Settings) -> None:
    doc = fetch_url(f"{base_url}/download", settings=settings)
    assert doc.media_type == "application/pdf"


def test_missing_content_type_is_sniffed(base_url: str, settings: Settings) -> None:
    assert fetch_url(f"{base_url}/untyped", settings=settings).text.startswith("A readout served")


def test_redirect_is_followed_and_final_url_kept(base_url: str, settings: Settings) -> None:
    got = fetch(f"{base_url}/redirect", settings=settings)
    assert got.url == f"{base_url}/readout.html"
    assert (got.media_type, got.charset) == ("text/html", "utf-8")


def test_user_agent_from_settings(base_url: str, settings: Settings) -> None:
    assert fetch(f"{base_url}/agent", settings=settings).data == b"hrd-test/1"


def test_feed(base_url: str, settings: Settings) -> None:
    entries = fetch_feed(f"{base_url}/feed.rss", settings=settings)
    assert [e.url for e in entries] == [
        "https://example.org/news/paraguay-hrd-5",
        "https://example.org/news/uruguay-sc-6",
    ]


def test_feed_is_not_a_document(base_url: str, settings: Settings) -> None:
    with pytest.raises(UnsupportedInputError, match="feed"):
        fetch_url(f"{base_url}/feed.rss", settings=settings)


def test_page_is_not_a_feed(base_url: str, settings: Settings) -> None:
    with pytest.raises(UnsupportedInputError, match="not a feed"):
        fetch_feed(f"{base_url}/readout.html", settings=settings)


@pytest.mark.timeout(20)
def test_server_that_never_answers(base_url: str, settings: Settings) -> None:
    with pytest.raises(FetchError, match="timeout"):
        fetch(f"{base_url}/never", settings=settings)


@pytest.mark.timeout(20)
def test_server_that_trickles_forever(base_url: str, settings: Settings) -> None:
    with pytest.raises(FetchError, match="timeout"):
        fetch(f"{base_url}/trickle", settings=settings)


def test_oversize_streamed_body(base_url: str, settings: Settings) -> None:
    with pytest.raises(FetchError, match=r"too large: over the 0\.1 MB limit"):
        fetch(f"{base_url}/big", settings=settings)


def test_oversize_declared_length(base_url: str, settings: Settings) -> None:
    with pytest.raises(FetchError, match="too large: 50 MB"):
        fetch(f"{base_url}/big-declared", settings=settings)


def test_wrong_content_type(base_url: str, settings: Settings) -> None:
    with pytest.raises(FetchError, match="wrong content type image/png"):
        fetch(f"{base_url}/image.png", settings=settings)


def test_http_error_status(base_url: str, settings: Settings) -> None:
    with pytest.raises(FetchError, match="HTTP status 404 Not Found"):
        fetch(f"{base_url}/gone", settings=settings)


def test_redirect_loop(base_url: str, settings: Settings) -> None:
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(f"{base_url}/loop", settings=settings)


def test_empty_body_is_empty_input(base_url: str, settings: Settings) -> None:
    with pytest.raises(EmptyInputError):
        fetch_url(f"{base_url}/empty.txt", settings=settings)


def test_connection_refused(settings: Settings) -> None:
    with pytest.raises(FetchError, match="connection failed"):
        # Port 1 on the loopback interface: nothing listens there.
        fetch("http://127.0.0.1:1/", settings=settings)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "/x"])
def test_only_http_urls(url: str, settings: Settings) -> None:
    with pytest.raises(FetchError, match="only http:// and https:// URLs"):
        fetch(url, settings=settings)

"""hrd.read.fetch against real HTTP servers on 127.0.0.1 (and 127.0.0.2), started by the test.

These servers are on loopback addresses, which the fetcher refuses by default: the tests that
fetch from them pass ``allow_private_urls=True`` (or an explicit address policy) on purpose.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address
from pathlib import Path

import pytest
from pdfbytes import text_pdf

from hrd.errors import AddressRefusedError, EmptyInputError, FetchError, UnsupportedInputError, http_status
from hrd.read.addresses import IPAddress, allow_all, refusal
from hrd.read.fetch import fetch, fetch_feed, fetch_url
from hrd.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "read"
LIMIT = 64 * 1024
RELEASE = threading.Event()
"""Set at teardown so that handlers that hang return and the server stops at once."""
HITS: list[str] = []
"""Every request the servers received, as 'host:port/path' (to show a refused URL sent none)."""

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
        HITS.append(f"{self.server.server_address[0]}:{self.server.server_address[1]}{path}")
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
        elif path.startswith("/chain/"):  # /chain/3 -> /chain/2 -> /chain/1 -> /chain/0 -> the readout
            left = int(path.removeprefix("/chain/"))
            self.send_response(307)
            self.send_header("Location", f"/chain/{left - 1}" if left > 0 else "/readout.txt")
            self.end_headers()
        elif path.startswith("/to?"):  # a redirect to whatever follows the '?'
            self.send_response(302)
            self.send_header("Location", path.removeprefix("/to?"))
            self.end_headers()
        else:
            self._send(500, "text/plain", b"no such route")


def _serve(host: str) -> Iterator[str]:
    RELEASE.clear()
    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        RELEASE.set()
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    yield from _serve("127.0.0.1")


@pytest.fixture(scope="module")
def other_url() -> Iterator[str]:
    """A second server, on another loopback address (Linux answers on all of 127.0.0.0/8)."""
    yield from _serve("127.0.0.2")


@pytest.fixture(scope="module")
def settings() -> Settings:
    """Private addresses allowed: the test servers are on the loopback interface."""
    return Settings(
        fetch_timeout=1.0, max_input_bytes=LIMIT, user_agent="hrd-test/1", allow_private_urls=True
    )


@pytest.fixture(scope="module")
def strict() -> Settings:
    """The default: public addresses only."""
    return Settings(
        fetch_timeout=1.0, max_input_bytes=LIMIT, user_agent="hrd-test/1", allow_private_urls=False
    )


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


def test_redirects_are_followed_up_to_five_hops(base_url: str, settings: Settings) -> None:
    assert fetch(f"{base_url}/chain/4", settings=settings).url == f"{base_url}/readout.txt"  # 5 hops
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
        fetch(f"{base_url}/chain/5", settings=settings)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/readout.txt", "gopher://x/"])
def test_redirect_to_another_scheme_is_refused(base_url: str, settings: Settings, target: str) -> None:
    with pytest.raises(FetchError, match=f"redirect refused: only http:// and https:// URLs.*{target[:4]}"):
        fetch(f"{base_url}/to?{target}", settings=settings)


# -- addresses: loopback, private and other non-public hosts are refused unless allowed ------------


def test_the_setting_is_off_by_default_and_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HRD_ALLOW_PRIVATE_URLS", raising=False)
    assert Settings().allow_private_urls is False
    monkeypatch.setenv("HRD_ALLOW_PRIVATE_URLS", "1")
    assert Settings().allow_private_urls is True


def test_loopback_server_is_refused_by_default(base_url: str, strict: Settings) -> None:
    HITS.clear()
    with pytest.raises(AddressRefusedError) as caught:
        fetch_url(f"{base_url}/readout.txt", settings=strict)
    assert str(caught.value) == (
        "refused: 127.0.0.1 is a loopback address; set HRD_ALLOW_PRIVATE_URLS=1 to allow private hosts"
    )
    assert isinstance(caught.value, FetchError) and http_status(caught.value) == 403
    assert HITS == [], "no request may reach a refused address"


def test_loopback_server_is_fetched_with_the_setting(base_url: str, strict: Settings) -> None:
    allowed = strict.model_copy(update={"allow_private_urls": True})
    assert fetch_url(f"{base_url}/readout.txt", settings=allowed).text.startswith("Réunion")


def test_the_setting_from_the_environment_allows_the_loopback_server(
    base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRD_ALLOW_PRIVATE_URLS", "1")
    assert fetch(f"{base_url}/agent", settings=Settings(fetch_timeout=1.0)).data.startswith(b"hrd-tracker/")


def test_a_name_that_resolves_to_loopback_is_refused(base_url: str, strict: Settings) -> None:
    port = base_url.rsplit(":", 1)[1]
    HITS.clear()
    with pytest.raises(
        AddressRefusedError, match=r"^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback"
    ):
        fetch(f"http://localhost:{port}/readout.txt", settings=strict)
    assert HITS == []


@pytest.mark.parametrize(
    ("host", "shown"),
    [
        ("2130706433", "2130706433 resolves to 127.0.0.1"),  # 127.0.0.1 as one decimal number
        ("0x7f.0.0.1", "0x7f.0.0.1 resolves to 127.0.0.1"),
        ("127.1", "127.1 resolves to 127.0.0.1"),
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1 is"),  # IPv4-mapped IPv6
        ("[::ffff:7f00:1]", "::ffff:7f00:1 is"),
    ],
)
def test_other_spellings_of_the_loopback_server_are_refused_and_do_reach_it_when_allowed(
    base_url: str, strict: Settings, settings: Settings, host: str, shown: str
) -> None:
    url = f"http://{host}:{base_url.rsplit(':', 1)[1]}/readout.txt"
    with pytest.raises(AddressRefusedError, match=f"^refused: {re.escape(shown)}.* a loopback address"):
        fetch(url, settings=strict)
    assert fetch(url, settings=settings).data.startswith("Réunion".encode("latin-1")), "the same server"


@pytest.mark.parametrize(
    ("host", "what"),
    [
        ("[::1]", "::1 is a loopback address"),
        ("0.0.0.0", "0.0.0.0 is an unspecified address"),
        ("[::]", ":: is an unspecified address"),
        ("169.254.169.254", "169.254.169.254 is a link-local address"),  # the cloud metadata service
        ("10.1.2.3", "10.1.2.3 is a private address"),
        ("192.168.0.1", "192.168.0.1 is a private address"),
        ("[fd00::1]", "fd00::1 is a private address"),
        ("224.0.0.1", "224.0.0.1 is a multicast address"),
        ("240.0.0.1", "240.0.0.1 is a reserved address"),
        ("100.64.0.1", "100.64.0.1 is a non-public address"),
    ],
)
def test_non_public_literal_hosts_are_refused(strict: Settings, host: str, what: str) -> None:
    with pytest.raises(AddressRefusedError, match=f"^refused: {re.escape(what)}; set HRD_ALLOW"):
        fetch(f"http://{host}:9/readout.html", settings=strict)


def test_https_is_checked_too(strict: Settings) -> None:
    with pytest.raises(AddressRefusedError, match=r"127\.0\.0\.1 is a loopback address"):
        fetch("https://127.0.0.1:9/", settings=strict)


def _only_the_first_server(ip: IPAddress) -> str | None:
    """A policy for these tests: 127.0.0.1 (the first server) may be reached, nothing else private."""
    return None if ip == IPv4Address("127.0.0.1") else refusal(ip)


def test_a_redirect_to_a_private_address_is_refused(
    base_url: str, other_url: str, settings: Settings
) -> None:
    target = f"{other_url}/readout.txt"
    HITS.clear()
    with pytest.raises(AddressRefusedError) as caught:
        fetch(f"{base_url}/to?{target}", settings=settings, policy=_only_the_first_server)
    assert str(caught.value) == (
        f"refused redirect to {target}: 127.0.0.2 is a loopback address; "
        "set HRD_ALLOW_PRIVATE_URLS=1 to allow private hosts"
    )
    first_only = [f"{base_url.removeprefix('http://')}/to?{target}"]
    assert list(HITS) == first_only, "the second server got nothing"
    # The same redirect with every address allowed does reach the second server.
    assert fetch(f"{base_url}/to?{target}", settings=settings, policy=allow_all).url == target


@pytest.mark.parametrize(
    ("target", "what"),
    [
        ("http://[::1]:9/", "::1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("https://10.0.0.1/", "10.0.0.1 is a private address"),
    ],
)
def test_redirects_to_other_non_public_hosts_are_refused(
    base_url: str, settings: Settings, target: str, what: str
) -> None:
    with pytest.raises(AddressRefusedError, match=f"^refused redirect to .*: {re.escape(what)}; set"):
        fetch(f"{base_url}/to?{target}", settings=settings, policy=_only_the_first_server)

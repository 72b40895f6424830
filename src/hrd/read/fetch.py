"""URLs: fetch a readout or a feed over HTTP(S), within a time and size budget.

The body is streamed and counted as it arrives, so an oversize answer is cut
off at ``settings.max_input_bytes`` whatever its ``Content-Length`` says, and
the whole exchange must end within ``settings.fetch_timeout`` seconds (each
network wait is bounded by the same figure). Every failure is a
:class:`~hrd.errors.FetchError` whose message says why.

Only http and https URLs are fetched, and by default only from public
addresses: a host that is or resolves to a loopback, private, link-local or
other non-public address is an :class:`~hrd.errors.AddressRefusedError`
unless ``settings.allow_private_urls`` is set (see :mod:`hrd.read.addresses`
for how and where the check is made, and what it leaves open). Redirects are
followed here, hop by hop (at most five): each target must be http(s) again,
and its connection is checked like the first.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from ..errors import AddressRefusedError, FetchError, UnsupportedInputError
from ..settings import Settings
from .addresses import AddressPolicy, allow_all, guarded_transport, refusal
from .document import Document
from .feeds import FEED_MEDIA_TYPES, FeedEntry, feed_links, is_feed
from .source import format_size, read_bytes

__all__ = ["ACCEPTED_MEDIA_TYPES", "Fetched", "fetch", "fetch_feed", "fetch_url"]

ACCEPTED_MEDIA_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "application/pdf", "application/x-pdf"}
    | {"application/xml", "text/xml", "application/octet-stream"}  # XML may be a feed; bytes are sniffed
    | FEED_MEDIA_TYPES
)
_ACCEPT = "text/html, application/xhtml+xml, application/pdf, text/plain;q=0.8, application/xml;q=0.5"
_MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    """The final URL, after redirects."""
    media_type: str | None
    """The declared type without parameters, lower case ('text/html'); None if not declared."""
    charset: str | None
    data: bytes


def _check_url(url: httpx.URL, shown: str) -> None:
    if url.scheme not in ("http", "https") or not url.host:
        raise FetchError(f"only http:// and https:// URLs can be fetched, not {shown!r}")


def _media_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    main, *params = (part.strip() for part in header.split(";"))
    charsets = [p.split("=", 1)[1].strip("\"' ") for p in params if p.lower().startswith("charset=")]
    charset = charsets[0] if charsets else None
    return main.lower() or None, charset or None


def _receive(response: httpx.Response, *, limit: int, deadline: float, timeout: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"too large: {format_size(int(declared))}, over the {format_size(limit)} limit")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise FetchError(f"too large: over the {format_size(limit)} limit")
        if time.monotonic() > deadline:
            raise FetchError(f"timeout: no complete answer within {timeout:g} s")
    return bytes(body)


def _policy(settings: Settings) -> AddressPolicy:
    return allow_all if settings.allow_private_urls else refusal


def _get(client: httpx.Client, url: httpx.URL, *, settings: Settings, deadline: float) -> Fetched | httpx.URL:
    """One hop: the answer, or the URL a redirect points to."""
    with client.stream("GET", url) as response:
        location = response.headers.get("location")
        if response.status_code in _REDIRECTS and location:
            target = url.join(location.strip())
            try:
                _check_url(target, location)
            except FetchError as exc:
                raise FetchError(f"redirect refused: {exc}") from None
            return target
        if response.status_code >= 400:
            raise FetchError(f"HTTP status {response.status_code} {response.reason_phrase}".rstrip())
        media_type, charset = _media_type(response.headers.get("content-type"))
        if media_type is not None and media_type not in ACCEPTED_MEDIA_TYPES:
            raise FetchError(f"wrong content type {media_type}: expected HTML, plain text, PDF or a feed")
        timeout = settings.fetch_timeout
        data = _receive(response, limit=settings.max_input_bytes, deadline=deadline, timeout=timeout)
        return Fetched(url=str(url), media_type=media_type, charset=charset, data=data)


def fetch(url: str, *, settings: Settings, policy: AddressPolicy | None = None) -> Fetched:
    """GET ``url`` and return its body, refusing wrong types, oversize bodies and slow servers.

    ``policy`` decides which addresses may be connected to, at every hop; by default
    public ones only, or all with ``settings.allow_private_urls``.
    """
    timeout = settings.fetch_timeout
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": settings.user_agent, "Accept": _ACCEPT}
    try:
        current = httpx.URL(url)
        _check_url(current, url)
        transport = guarded_transport(policy or _policy(settings))
        with httpx.Client(
            timeout=timeout, follow_redirects=False, headers=headers, transport=transport, trust_env=False
        ) as client:
            for hop in range(_MAX_REDIRECTS + 1):
                if time.monotonic() > deadline:
                    raise FetchError(f"timeout: no answer within {timeout:g} s")
                try:
                    got = _get(client, current, settings=settings, deadline=deadline)
                except AddressRefusedError as exc:
                    if hop == 0:
                        raise
                    reason = exc.message.removeprefix("refused: ")
                    raise AddressRefusedError(f"refused redirect to {current}: {reason}") from None
                if isinstance(got, Fetched):
                    return got
                current = got
    except httpx.TimeoutException:
        raise FetchError(f"timeout: no answer within {timeout:g} s") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"connection failed ({type(exc).__name__}: {exc})") from None
    raise FetchError(f"too many redirects (more than {_MAX_REDIRECTS})")


def fetch_url(url: str, *, settings: Settings) -> Document:
    """Fetch ``url`` and read it as a document (HTML, text or PDF).

    A feed is not a document: :class:`~hrd.errors.UnsupportedInputError`; use
    :func:`fetch_feed`.
    """
    got = fetch(url, settings=settings)
    return read_bytes(
        got.data, source=got.url, media_type=got.media_type, charset=got.charset, settings=settings
    )


def fetch_feed(url: str, *, settings: Settings) -> list[FeedEntry]:
    """Fetch an RSS or Atom feed and return its entries."""
    got = fetch(url, settings=settings)
    if not is_feed(got.data, got.media_type):
        raise UnsupportedInputError(f"not a feed: {got.media_type or 'no content type'}")
    return feed_links(got.data)

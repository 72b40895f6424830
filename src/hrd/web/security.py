"""Security headers on every response, and a limit on request bodies counted as they stream in."""

from __future__ import annotations

from collections.abc import Callable

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import confidential, new_nonce

__all__ = ["CSP", "BodyLimit", "SameOrigin", "SecurityHeaders", "csp"]

CSP = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'strict-dynamic'; "
    "style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
"""The policy; ``{nonce}`` is a fresh value per response (templates put it on their script tags).

With ``'strict-dynamic'`` a browser runs only scripts that carry the nonce; older ones fall back
to ``'self'``. No inline script or style attribute runs either way.
"""
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def csp(nonce: str) -> str:
    return CSP.format(nonce=nonce)


class SecurityHeaders:
    """Adds the Content-Security-Policy with a per-request nonce, nosniff, frame and referrer policies,
    and ``Cache-Control: no-store`` on confidential paths (case register, accounts, login).

    The nonce is in ``request.state.csp_nonce`` for the templates.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = new_nonce()
        scope.setdefault("state", {})["csp_nonce"] = nonce
        no_store = confidential(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if not (no_store and k == b"cache-control")
                ]
                names = {name for name, _ in headers}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                if b"content-security-policy" not in names:
                    extra.append((b"content-security-policy", csp(nonce).encode()))
                if no_store:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*headers, *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


TooLarge = Callable[[Scope, int], Response]


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes, counting the bytes as they arrive.

    A declared Content-Length over the limit is refused before reading; otherwise
    the body is read up to the limit (never further) and replayed to the app.
    ``too_large`` makes the answer (a problem document or a page).
    """

    def __init__(self, app: ASGIApp, *, limit: int, too_large: TooLarge) -> None:
        self.app, self.limit, self.too_large = app, limit, too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"POST", "PUT", "PATCH"}:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self.too_large(scope, self.limit)(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self.too_large(scope, self.limit)(scope, receive, send)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SameOrigin:
    """Refuses state-changing requests that a browser says come from another site (basic CSRF defence).

    A POST, PUT, PATCH or DELETE with ``Sec-Fetch-Site: cross-site`` or an ``Origin`` whose host is
    not the request's own host gets 403 (``forbidden`` makes the answer). Clients that send neither
    header (scripts, the API's users) are not affected.
    """

    def __init__(self, app: ASGIApp, *, forbidden: Callable[[Scope], Response]) -> None:
        self.app, self.forbidden = app, forbidden

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in {"POST", "PUT", "PATCH", "DELETE"}:
            headers = dict(scope.get("headers", []))
            site = headers.get(b"sec-fetch-site", b"").decode("latin-1")
            origin = headers.get(b"origin", b"").decode("latin-1")
            host = headers.get(b"host", b"").decode("latin-1")
            foreign_origin = bool(origin) and origin != "null" and origin.split("://", 1)[-1] != host
            if site == "cross-site" or foreign_origin or origin == "null":
                await self.forbidden(scope)(scope, receive, send)
                return
        await self.app(scope, receive, send)

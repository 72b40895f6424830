"""Who is asking, and may they: the one authorization dependency of every route.

:func:`authorize` is an application-wide dependency. For each request it

1. works out what the route needs from the method and the path
   (:func:`requirement`): nothing (the login page), a signed-in user (the
   account pages), or an action on a resource (reading public records needs
   ``viewer``, changing them ``analyst``, anything under ``/cases`` or
   ``/api/v1/cases`` ``case-officer``, anything under ``/admin`` or
   ``/api/v1/users`` ``admin``);
2. turns the request's credentials into a :class:`~hrd.auth.Principal`: an
   ``Authorization: Bearer hrd_...`` API token, or the session cookie, or
   nobody (allowed to read public records only with ``Settings.anonymous_read``);
3. refuses what the principal may not do: 401 (a page redirects to the login
   page) for a caller who is not signed in, 403 for a role too low;
4. checks the CSRF token (form field ``csrf`` or header ``X-CSRF-Token``) of
   every state-changing request that a session cookie authenticates. API
   tokens are not ambient credentials, so their requests need none.

The session cookie is ``__Host-hrd_session`` (``Secure``) over https. Over
plain http it is ``hrd_session`` without ``Secure``, and a password is only
accepted from a loopback address (``127.0.0.1``, ``::1``, ``localhost``), so
that nobody signs in over an unencrypted network by mistake. Behind a TLS
proxy, let uvicorn trust the proxy's forwarded headers.
"""

from __future__ import annotations

import enum
import ipaddress
import re
import secrets
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from ..auth import ANONYMOUS, Action, AuthenticationError, Principal, Resource, authenticate
from ..auth.csrf import check_csrf, csrf_token
from ..cases import Keyring, load_keyring
from ..store.engine import read
from .deps import get_engine, get_settings

__all__ = [
    "CSRF_FIELD",
    "CSRF_HEADER",
    "HTTPS_COOKIE",
    "LOCAL_COOKIE",
    "KeysDep",
    "Need",
    "PrincipalDep",
    "authorize",
    "confidential",
    "end_session_cookie",
    "keyring",
    "loopback",
    "new_nonce",
    "requirement",
    "session_cookie",
    "set_session_cookie",
    "with_csrf_fields",
]

HTTPS_COOKIE = "__Host-hrd_session"
LOCAL_COOKIE = "hrd_session"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


class Need(enum.Enum):
    NOTHING = "nothing"
    """Open to everyone: the login page and the login API."""
    SIGNED_IN = "signed-in"
    """Any signed-in user, whatever the role: logout, one's own account and tokens."""


Requirement = Need | tuple[Action, Resource]

OPEN = frozenset({("GET", "/login"), ("POST", "/login"), ("POST", "/api/v1/auth/login")})
SIGNED_IN_PREFIXES = ("/logout", "/account", "/api/v1/auth/")
RESOURCES: tuple[tuple[tuple[str, ...], Resource], ...] = (
    (("/case", "/api/v1/case"), Resource.CASES),
    (("/admin", "/api/v1/users"), Resource.USERS),
    (("/api/v1/audit",), Resource.AUDIT),
)


def requirement(method: str, path: str) -> Requirement:
    """What a request needs: the rules are prefixes, so a new route is covered as soon as it exists.

    A route outside every prefix holds public records: reading needs ``viewer``, anything else
    ``analyst``. Prefixes match without a segment boundary (``/case-lists`` is confidential too).
    """
    if (method, path) in OPEN:
        return Need.NOTHING
    if path.startswith(SIGNED_IN_PREFIXES):
        return Need.SIGNED_IN
    action = Action.READ if method in SAFE else Action.WRITE
    for prefixes, resource in RESOURCES:
        if path.startswith(prefixes):
            return (action, resource)
    return (action, Resource.PUBLIC)


def confidential(path: str) -> bool:
    """Answers on ``path`` must not be stored by any cache (``Cache-Control: no-store``)."""
    if path.startswith(("/login", *SIGNED_IN_PREFIXES, "/api/v1/auth/login")):
        return True
    return any(path.startswith(prefixes) for prefixes, _ in RESOURCES)


def loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def session_cookie(request: Request) -> str | None:
    """The session token the request carries: only the ``__Host-`` cookie counts over https."""
    name = HTTPS_COOKIE if request.url.scheme == "https" else LOCAL_COOKIE
    return request.cookies.get(name) or None


def set_session_cookie(request: Request, response: Response, token: str, max_age: int) -> None:
    """Give the client its session: ``__Host-`` and ``Secure`` over https, the local name over http."""
    https = request.url.scheme == "https"
    response.set_cookie(
        HTTPS_COOKIE if https else LOCAL_COOKIE,
        token,
        max_age=max_age,
        path="/",
        secure=https,
        httponly=True,
        samesite="strict",
    )


def end_session_cookie(request: Request, response: Response) -> None:
    https = request.url.scheme == "https"
    response.delete_cookie(
        HTTPS_COOKIE if https else LOCAL_COOKIE, path="/", secure=https, httponly=True, samesite="strict"
    )


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        if header:
            raise AuthenticationError("the Authorization header must be 'Bearer <API token>'")
        return None
    return value.strip()


def _is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def _sign_in_first(request: Request, error: AuthenticationError) -> Exception:
    """A page asks the browser to sign in (redirect); the API answers 401 with a challenge."""
    if not _is_api(request.url.path) and request.method in SAFE:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return HTTPException(303, "sign in first", headers={"Location": f"/login?next={quote(target)}"})
    return error


async def _submitted_csrf(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    kind = request.headers.get("content-type", "")
    if kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        # Parsed once here with the tightest limits of the app's forms; the endpoint gets it cached.
        form = await request.form(max_files=1, max_fields=1000)
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


async def authorize(request: Request) -> Principal:
    """The principal of the request, once it is known to be allowed on this route (see the module)."""
    need = requirement(request.method, request.url.path)
    settings = get_settings(request)
    cookie = session_cookie(request)
    try:
        api_token = _bearer(request)

        def who(session: Session) -> Principal:
            return authenticate(session, settings=settings, session_token=cookie, api_token=api_token)

        principal = await run_in_threadpool(read, get_engine(request), who)
    except AuthenticationError as error:
        if need is Need.NOTHING:
            principal = ANONYMOUS
        else:
            raise _sign_in_first(request, error) from None
    request.state.principal = principal
    request.state.may_read_cases = principal.can(Action.READ, Resource.CASES)  # for the menus
    request.state.may_manage_users = principal.can(Action.READ, Resource.USERS)
    if principal.via == "session" and cookie:
        request.state.csrf = csrf_token(cookie)
    if need is Need.NOTHING:
        return principal
    if principal.role is None and (need is Need.SIGNED_IN or not principal.can(*need)):
        raise _sign_in_first(request, AuthenticationError("sign in first"))
    if need is not Need.SIGNED_IN:
        principal.require(*need)
    if request.method not in SAFE and principal.via == "session" and cookie:
        check_csrf(cookie, await _submitted_csrf(request))
    return principal


PrincipalDep = Annotated[Principal, Depends(authorize)]


def keyring(request: Request) -> Keyring:
    """The case-data keys, loaded once per application (503 when none is configured)."""
    keys: Keyring | None = getattr(request.app.state, "case_keys", None)
    if keys is None:
        keys = load_keyring(get_settings(request))
        request.app.state.case_keys = keys
    return keys


KeysDep = Annotated[Keyring, Depends(keyring)]

_POST_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"[^>]*>", re.IGNORECASE)


def with_csrf_fields(html: str, token: str | None) -> str:
    """Put the CSRF token into every POST form of a rendered page.

    Safe on our own templates: autoescaping turns any ``<`` of data into ``&lt;``, so every
    ``<form`` tag in the output comes from a template.
    """
    if not token:
        return html
    field = f'<input type="hidden" name="{CSRF_FIELD}" value="{token}">'
    return _POST_FORM.sub(lambda m: m.group(0) + field, html)


def new_nonce() -> str:
    """A fresh Content-Security-Policy nonce (128 random bits)."""
    return secrets.token_urlsafe(16)

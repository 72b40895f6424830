"""Signing in and out, one's own account and API tokens, and the administrators' user list."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ...auth import AuthenticationError, Principal, Role, logout, parse_role, parse_scopes, scopes_for
from ...auth.sessions import SESSION_TTL, Login, login
from ...auth.tokens import create_token, list_tokens, revoke_token
from ...auth.users import add_user, disable_user, enable_user, list_users, set_role
from ...errors import HRDError, InvalidInputError, PermissionDeniedError, http_status
from ...store.engine import read, write
from ..auth import PrincipalDep, end_session_cookie, loopback, session_cookie, set_session_cookie
from ..deps import get_engine
from ..render import render
from ..throttle import LoginThrottle

__all__ = ["check_channel", "router", "safe_next", "sign_in"]

router = APIRouter(include_in_schema=False)
TokenId = Annotated[int, Path(ge=1, le=2**31 - 1)]
UserName = Annotated[str, Path(min_length=1, max_length=100)]


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this site only (no ``//host`` or ``/\\host``)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")) or "\n" in target:
        return "/"
    return target[:2000]


def _login_page(request: Request, *, next_url: str, error: HRDError | None = None) -> HTMLResponse:
    status = http_status(error) if error else 200
    return render(request, "login.html", {"next": next_url, "error": error}, status_code=status)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: Annotated[str | None, Query(max_length=2000)] = None) -> HTMLResponse:
    return _login_page(request, next_url=safe_next(next))


def check_channel(request: Request) -> None:
    if request.url.scheme != "https" and not loopback(request.client.host if request.client else None):
        raise PermissionDeniedError("sign in over https: passwords are not sent over plain http")


def _throttle(request: Request) -> LoginThrottle:
    throttle: LoginThrottle | None = getattr(request.app.state, "login_throttle", None)
    if throttle is None:
        throttle = request.app.state.login_throttle = LoginThrottle()
    return throttle


async def sign_in(request: Request, name: str, password: str) -> Login:
    """Check the channel and the throttle, then the password (for the page and the API)."""
    check_channel(request)
    if not name or not password:
        raise InvalidInputError("give your user name and password")
    address = request.client.host if request.client else "unknown"
    throttle = _throttle(request)
    throttle.check(address, name)
    engine = get_engine(request)
    try:
        done = await run_in_threadpool(lambda: login(engine, name=name, password=password))
    except AuthenticationError:
        throttle.failed(address, name)
        raise
    throttle.succeeded(address, name)
    return done


@router.post("/login", response_class=HTMLResponse)
async def login_submit(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    next_url = safe_next(str(form.get("next") or ""))
    name, password = str(form.get("name") or "").strip(), str(form.get("password") or "")
    try:
        done = await sign_in(request, name, password)
    except HRDError as exc:
        return _login_page(request, next_url=next_url, error=exc)
    response = RedirectResponse(next_url, status_code=303)
    set_session_cookie(request, response, done.token, int(SESSION_TTL.total_seconds()))
    return response


@router.post("/logout")
async def logout_submit(request: Request, principal: PrincipalDep) -> Response:
    token = session_cookie(request)
    if token:
        engine = get_engine(request)
        await run_in_threadpool(lambda: write(engine, lambda s: logout(s, token=token)))
    response = RedirectResponse("/login", status_code=303)
    end_session_cookie(request, response)
    return response


def _account(
    request: Request,
    session: Session,
    principal: Principal,
    *,
    new_token: str | None = None,
    error: HRDError | None = None,
) -> HTMLResponse:
    tokens = list_tokens(session, principal, user=principal.name) if principal.user_id else []
    scopes = sorted(scopes_for(principal.role)) if principal.role else []
    context = {"who": principal, "tokens": tokens, "scopes": scopes, "new_token": new_token, "error": error}
    status = http_status(error) if error else (201 if new_token else 200)
    return render(request, "account.html", context, status_code=status)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, principal: PrincipalDep) -> HTMLResponse:
    return read(get_engine(request), lambda s: _account(request, s, principal))


def _days(form: FormData) -> dt.timedelta | None:
    text = str(form.get("days") or "").strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 3650:
        raise InvalidInputError("a token lives 1 to 3650 days (or leave the field empty)")
    return dt.timedelta(days=int(text))


@router.post("/account/tokens", response_class=HTMLResponse)
async def token_submit(request: Request, principal: PrincipalDep) -> HTMLResponse:
    form = await request.form(max_files=0, max_fields=50)
    engine = get_engine(request)
    try:
        scopes = sorted(parse_scopes([str(v) for v in form.getlist("scopes")]))
        label, life = str(form.get("label") or "").strip(), _days(form)
        new = await run_in_threadpool(
            write,
            engine,
            lambda s: create_token(
                s, principal, user=principal.name, scopes=scopes, label=label, expires_in=life
            ),
        )
    except HRDError as exc:
        error = exc
        return await run_in_threadpool(write, engine, lambda s: _account(request, s, principal, error=error))
    return await run_in_threadpool(
        write, engine, lambda s: _account(request, s, principal, new_token=new.token)
    )


@router.post("/account/tokens/{token_id}/revoke")
async def token_revoke(request: Request, principal: PrincipalDep, token_id: TokenId) -> Response:
    engine = get_engine(request)
    await run_in_threadpool(write, engine, lambda s: revoke_token(s, principal, token_id=token_id))
    return RedirectResponse("/account", status_code=303)


def _users(
    request: Request, session: Session, principal: Principal, error: HRDError | None = None
) -> HTMLResponse:
    context = {"users": list_users(session, principal), "error": error, "roles": [r.label for r in Role]}
    return render(request, "users.html", context, status_code=http_status(error) if error else 200)


@router.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request, principal: PrincipalDep) -> HTMLResponse:
    return read(get_engine(request), lambda s: _users(request, s, principal))


@router.post("/admin/users", response_class=HTMLResponse)
async def user_add_submit(request: Request, principal: PrincipalDep) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    engine = get_engine(request)
    try:
        name, password = str(form.get("name") or "").strip(), str(form.get("password") or "")
        role = parse_role(str(form.get("role") or ""))
        if len(password) < 12:
            raise InvalidInputError("a password has at least 12 characters")
        await run_in_threadpool(
            write, engine, lambda s: add_user(s, principal, name=name, role=role, password=password)
        )
    except HRDError as exc:
        error = exc
        return await run_in_threadpool(write, engine, lambda s: _users(request, s, principal, error))
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{name}")
async def user_change_submit(request: Request, principal: PrincipalDep, name: UserName) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    engine = get_engine(request)
    action = str(form.get("action") or "")
    try:
        if action == "disable":
            await run_in_threadpool(write, engine, lambda s: disable_user(s, principal, name=name))
        elif action == "enable":
            await run_in_threadpool(write, engine, lambda s: enable_user(s, principal, name=name))
        elif action == "role":
            role = parse_role(str(form.get("role") or ""))
            await run_in_threadpool(write, engine, lambda s: set_role(s, principal, name=name, role=role))
        else:
            raise InvalidInputError("unknown action on a user")
    except HRDError as exc:
        error = exc
        return await run_in_threadpool(write, engine, lambda s: _users(request, s, principal, error))
    return RedirectResponse("/admin/users", status_code=303)

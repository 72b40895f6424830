"""Signing in from scripts and browsers' JavaScript, one's API tokens, and user management (admins)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ...auth import Principal, logout, parse_role
from ...auth.csrf import csrf_token
from ...auth.sessions import SESSION_TTL
from ...auth.tokens import TokenInfo, create_token, list_tokens, revoke_token
from ...auth.users import UserInfo, add_user, disable_user, list_users, set_role
from ...errors import InvalidInputError
from ...store.engine import read, write
from ..auth import PrincipalDep, end_session_cookie, session_cookie, set_session_cookie
from ..deps import EngineDep
from ..pages.account import sign_in

__all__ = ["router"]

router = APIRouter(tags=["accounts"])
TokenId = Annotated[int, Path(ge=1, le=2**31 - 1)]
UserName = Annotated[str, Path(min_length=1, max_length=100)]


class LoginIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


class MeOut(BaseModel):
    name: str
    role: str | None
    via: str
    scopes: list[str] | None
    csrf_token: str | None = Field(
        default=None, description="Send it as X-CSRF-Token on state-changing requests made with the cookie."
    )


class TokenIn(BaseModel):
    scopes: list[str] = Field(min_length=1, max_length=20, description="Such as public:read, cases:write.")
    label: str = Field(default="", max_length=100)
    days: int | None = Field(default=90, ge=1, le=3650, description="Lifetime; null: never expires.")


class TokenOut(BaseModel):
    id: int
    user: str
    label: str
    scopes: list[str]
    created_at: dt.datetime
    expires_at: dt.datetime | None
    revoked: bool


class NewTokenOut(TokenOut):
    token: str = Field(description="The secret, shown once.")


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    role: str = Field(max_length=20, description="viewer, analyst, case-officer or admin.")
    password: str | None = Field(
        default=None, min_length=12, max_length=1000, description="Null: tokens only."
    )


class RoleIn(BaseModel):
    role: str = Field(max_length=20)


class UserOut(BaseModel):
    id: int
    name: str
    role: str
    disabled: bool
    has_password: bool
    created_at: dt.datetime


def _me(principal: Principal, cookie: str | None) -> MeOut:
    return MeOut(
        name=principal.name,
        role=principal.role.label if principal.role else None,
        via=principal.via,
        scopes=sorted(principal.scopes) if principal.scopes is not None else None,
        csrf_token=csrf_token(cookie) if cookie and principal.via == "session" else None,
    )


def _token(info: TokenInfo) -> TokenOut:
    return TokenOut(**{k: getattr(info, k) for k in TokenOut.model_fields})


def _user(info: UserInfo) -> UserOut:
    return UserOut(
        id=info.id,
        name=info.name,
        role=info.role.label,
        disabled=info.disabled,
        has_password=info.has_password,
        created_at=info.created_at,
    )


@router.post("/auth/login", response_model=MeOut)
async def api_login(request: Request, body: LoginIn, response: Response) -> MeOut:
    """Open a session: sets the HttpOnly session cookie and answers the CSRF token to send back."""
    done = await sign_in(request, body.name, body.password)
    set_session_cookie(request, response, done.token, int(SESSION_TTL.total_seconds()))
    return _me(done.principal, done.token)


@router.post("/auth/logout", status_code=204)
async def api_logout(request: Request, engine: EngineDep, principal: PrincipalDep) -> Response:
    token = session_cookie(request)
    if token:
        await run_in_threadpool(lambda: write(engine, lambda s: logout(s, token=token)))
    response = Response(status_code=204)
    end_session_cookie(request, response)
    return response


@router.get("/auth/me", response_model=MeOut)
def me(request: Request, principal: PrincipalDep) -> MeOut:
    """Who the request speaks for."""
    return _me(principal, session_cookie(request))


@router.get("/auth/tokens", response_model=list[TokenOut])
def my_tokens(engine: EngineDep, principal: PrincipalDep) -> list[TokenOut]:
    return [_token(t) for t in read(engine, lambda s: list_tokens(s, principal, user=principal.name))]


@router.post("/auth/tokens", response_model=NewTokenOut, status_code=201)
def new_token(engine: EngineDep, principal: PrincipalDep, body: TokenIn) -> NewTokenOut:
    """A token for yourself (signed in with a password), within your role's scopes."""
    life = dt.timedelta(days=body.days) if body.days else None
    new = write(
        engine,
        lambda s: create_token(
            s, principal, user=principal.name, scopes=body.scopes, label=body.label, expires_in=life
        ),
    )
    return NewTokenOut(**_token(new.info).model_dump(), token=new.token)


@router.post("/auth/tokens/{token_id}/revoke", response_model=TokenOut)
def revoke(engine: EngineDep, principal: PrincipalDep, token_id: TokenId) -> TokenOut:
    return _token(write(engine, lambda s: revoke_token(s, principal, token_id=token_id)))


@router.get("/users", response_model=list[UserOut])
def users(engine: EngineDep, principal: PrincipalDep) -> list[UserOut]:
    """Every account (administrators)."""
    return [_user(u) for u in read(engine, lambda s: list_users(s, principal))]


@router.post("/users", response_model=UserOut, status_code=201)
def new_user(engine: EngineDep, principal: PrincipalDep, body: UserIn) -> UserOut:
    role = parse_role(body.role)
    return _user(
        write(engine, lambda s: add_user(s, principal, name=body.name, role=role, password=body.password))
    )


@router.post("/users/{name}/disable", response_model=UserOut)
def disable(engine: EngineDep, principal: PrincipalDep, name: UserName) -> UserOut:
    """Disable an account: its sessions end and its tokens are revoked."""
    return _user(write(engine, lambda s: disable_user(s, principal, name=name)))


@router.post("/users/{name}/role", response_model=UserOut)
def change_role(engine: EngineDep, principal: PrincipalDep, name: UserName, body: RoleIn) -> UserOut:
    role = parse_role(body.role)
    if not body.role:
        raise InvalidInputError("give a role")
    return _user(write(engine, lambda s: set_role(s, principal, name=name, role=role)))

"""API tokens: scoped, revocable, shown once, kept as their SHA-256."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidInputError, NotFoundError, PermissionDeniedError
from . import audit
from .clock import as_utc, utcnow
from .principal import Principal
from .roles import Action, Resource, parse_role, parse_scopes, scopes_for
from .secrets import new_api_token, token_hash
from .tables import ApiTokenRow, UserRow
from .users import get_user

__all__ = ["NewToken", "TokenInfo", "create_token", "list_tokens", "revoke_token"]


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    user: str
    label: str
    scopes: tuple[str, ...]
    created_at: dt.datetime
    expires_at: dt.datetime | None
    revoked: bool


@dataclass(frozen=True, slots=True)
class NewToken:
    info: TokenInfo
    token: str
    """The secret: shown to its owner once, never stored, never logged."""


def _info(row: ApiTokenRow, user: str) -> TokenInfo:
    return TokenInfo(
        row.id,
        user,
        row.label,
        tuple(sorted(row.scopes)),
        as_utc(row.created_at),
        as_utc(row.expires_at) if row.expires_at else None,
        row.revoked_at is not None,
    )


def _may_manage(principal: Principal, owner: UserRow) -> None:
    """Administrators manage every token; a user logged in with a password manages their own."""
    if principal.user_id == owner.id and principal.via == "session":
        return
    principal.require(Action.WRITE, Resource.USERS)


def create_token(
    session: Session,
    principal: Principal,
    *,
    user: str,
    scopes: Iterable[str],
    label: str = "",
    expires_in: dt.timedelta | None = None,
) -> NewToken:
    """A new token for ``user`` with ``scopes``, which the user's role must all allow."""
    owner = get_user(session, user)
    _may_manage(principal, owner)
    if owner.disabled:
        raise PermissionDeniedError(f"user {owner.name!r} is disabled")
    wanted = parse_scopes(scopes)
    excess = wanted - scopes_for(parse_role(owner.role))
    if excess:
        raise PermissionDeniedError(f"the {owner.role} role does not allow {', '.join(sorted(excess))}")
    if len(label) > 100:
        raise InvalidInputError("a token label has at most 100 characters")
    if expires_in is not None and expires_in <= dt.timedelta(0):
        raise InvalidInputError("a token must expire in the future")
    now = utcnow()
    secret = new_api_token()
    row = ApiTokenRow(
        user_id=owner.id,
        label=label,
        token_hash=token_hash(secret),
        scopes=sorted(wanted),
        created_at=now,
        expires_at=now + expires_in if expires_in else None,
        revoked_at=None,
    )
    session.add(row)
    session.flush()
    detail = {"user": owner.name, "scopes": sorted(wanted)}
    audit.record(session, principal, "token.create", target="api_tokens", target_id=row.id, detail=detail)
    return NewToken(_info(row, owner.name), secret)


def revoke_token(session: Session, principal: Principal, *, token_id: int) -> TokenInfo:
    row = session.get(ApiTokenRow, token_id)
    owner = session.get(UserRow, row.user_id) if row else None
    if row is None or owner is None:
        raise NotFoundError(f"no API token {token_id}")
    _may_manage(principal, owner)
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        audit.record(session, principal, "token.revoke", target="api_tokens", target_id=row.id)
    return _info(row, owner.name)


def list_tokens(session: Session, principal: Principal, *, user: str | None = None) -> list[TokenInfo]:
    """Tokens of ``user`` (yourself, or anyone for administrators), or of every user."""
    query = select(ApiTokenRow, UserRow.name).join(UserRow, UserRow.id == ApiTokenRow.user_id)
    if user is not None:
        owner = get_user(session, user)
        if principal.user_id != owner.id:
            principal.require(Action.READ, Resource.USERS)
        query = query.where(ApiTokenRow.user_id == owner.id)
    else:
        principal.require(Action.READ, Resource.USERS)
    return [_info(row, name) for row, name in session.execute(query.order_by(ApiTokenRow.id))]

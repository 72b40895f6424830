"""Accounts: add, list, disable, enable, change role and password (administrators; audited)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from . import audit
from .clock import as_utc, utcnow
from .passwords import hash_password, verify
from .principal import Principal
from .roles import Action, Resource, Role, parse_role
from .tables import ApiTokenRow, SessionRow, UserRow

__all__ = [
    "UserInfo",
    "add_user",
    "disable_user",
    "enable_user",
    "get_user",
    "list_users",
    "set_password",
    "set_role",
]

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}")


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    name: str
    role: Role
    disabled: bool
    has_password: bool
    created_at: dt.datetime


def _info(row: UserRow) -> UserInfo:
    return UserInfo(
        row.id,
        row.name,
        parse_role(row.role),
        row.disabled,
        row.password_hash is not None,
        as_utc(row.created_at),
    )


def _check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise InvalidInputError(
            "a user name has 1-100 letters, digits or . _ @ + - and starts with a letter or digit"
        )
    return name


def get_user(session: Session, name: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        raise NotFoundError(f"no user named {name[:100]!r}")
    return row


def add_user(
    session: Session, principal: Principal, *, name: str, role: Role, password: str | None
) -> UserInfo:
    """Create a user; ``password=None`` makes an account that can only use API tokens."""
    principal.require(Action.WRITE, Resource.USERS)
    _check_name(name)
    if session.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
        raise ConflictError(f"a user named {name!r} exists")
    now = utcnow()
    row = UserRow(
        name=name,
        role=role.label,
        password_hash=None if password is None else hash_password(password),
        disabled=False,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    audit.record(
        session, principal, "user.add", target="users", target_id=row.id, detail={"role": role.label}
    )
    return _info(row)


def list_users(session: Session, principal: Principal) -> list[UserInfo]:
    principal.require(Action.READ, Resource.USERS)
    return [_info(row) for row in session.scalars(select(UserRow).order_by(UserRow.name))]


def _active_admins(session: Session) -> int:
    query = select(func.count()).where(UserRow.role == Role.ADMIN.label, UserRow.disabled.is_(False))
    return session.scalar(query) or 0


def _end_access(session: Session, user_id: int, now: dt.datetime, *, tokens: bool) -> None:
    session.execute(
        update(SessionRow)
        .where(SessionRow.user_id == user_id, SessionRow.ended_at.is_(None))
        .values(ended_at=now)
    )
    if tokens:
        session.execute(
            update(ApiTokenRow)
            .where(ApiTokenRow.user_id == user_id, ApiTokenRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )


def _keep_an_admin(session: Session, row: UserRow) -> None:
    if row.role == Role.ADMIN.label and not row.disabled and _active_admins(session) <= 1:
        raise PermissionDeniedError("this is the last active administrator")


def disable_user(session: Session, principal: Principal, *, name: str) -> UserInfo:
    """Disable a user: their sessions end and their API tokens are revoked."""
    principal.require(Action.WRITE, Resource.USERS)
    row = get_user(session, name)
    if not row.disabled:
        _keep_an_admin(session, row)
        now = utcnow()
        row.disabled, row.updated_at = True, now
        _end_access(session, row.id, now, tokens=True)
        audit.record(session, principal, "user.disable", target="users", target_id=row.id)
    return _info(row)


def enable_user(session: Session, principal: Principal, *, name: str) -> UserInfo:
    principal.require(Action.WRITE, Resource.USERS)
    row = get_user(session, name)
    if row.disabled:
        row.disabled, row.updated_at = False, utcnow()
        audit.record(session, principal, "user.enable", target="users", target_id=row.id)
    return _info(row)


def set_role(session: Session, principal: Principal, *, name: str, role: Role) -> UserInfo:
    """Change a user's role; their sessions end (tokens keep only the scopes the new role allows)."""
    principal.require(Action.WRITE, Resource.USERS)
    row = get_user(session, name)
    before = parse_role(row.role)
    if before != role:
        if before == Role.ADMIN:
            _keep_an_admin(session, row)
        now = utcnow()
        row.role, row.updated_at = role.label, now
        _end_access(session, row.id, now, tokens=False)
        detail = {"from": before.label, "to": role.label}
        audit.record(session, principal, "user.role", target="users", target_id=row.id, detail=detail)
    return _info(row)


def set_password(
    session: Session, principal: Principal, *, name: str, password: str, current: str | None = None
) -> UserInfo:
    """Set a password: administrators for anyone; users for themselves, giving their ``current`` one.

    Every session of the user ends.
    """
    row = get_user(session, name)
    own = principal.user_id == row.id and principal.via == "session"
    if not (own and current is not None and row.password_hash and verify(row.password_hash, current)):
        if own and not principal.can(Action.WRITE, Resource.USERS):
            raise PermissionDeniedError("give your current password to change it")
        principal.require(Action.WRITE, Resource.USERS)
    now = utcnow()
    row.password_hash, row.updated_at = hash_password(password), now
    _end_access(session, row.id, now, tokens=False)
    audit.record(session, principal, "user.password", target="users", target_id=row.id)
    return _info(row)

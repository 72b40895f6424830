"""Login, logout and authentication of a request.

- :func:`login` checks a password and opens a session; the caller gets a
  random token (for a cookie) that the database only keeps hashed. It takes
  the engine rather than a session because a failed login must be audited
  even though it raises: the audit row is committed first.
- :func:`logout` ends a session.
- :func:`authenticate` turns what a request carries (a session token, an API
  token, or nothing) into a :class:`Principal`, or raises
  :class:`AuthenticationError`. Without credentials the caller is
  :data:`ANONYMOUS` only when ``Settings.anonymous_read`` is on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..errors import PermissionDeniedError
from ..settings import Settings
from ..store.engine import read, write
from . import audit
from .clock import as_utc, utcnow
from .passwords import dummy_verify, hash_password, needs_rehash, verify
from .principal import ANONYMOUS, Principal
from .roles import parse_role, scopes_for
from .secrets import new_session_token, token_hash
from .tables import ApiTokenRow, SessionRow, UserRow

__all__ = ["SESSION_TTL", "AuthenticationError", "Login", "authenticate", "login", "logout"]

SESSION_TTL = dt.timedelta(hours=12)
_FAILED = "wrong user name or password"


class AuthenticationError(PermissionDeniedError):
    """No valid credentials: log in (HTTP 401)."""

    status, title = 401, "authentication required"


@dataclass(frozen=True, slots=True)
class Login:
    token: str
    """The session token: give it to the client once (cookie), never log it."""
    expires_at: dt.datetime
    principal: Principal


def _principal(user: UserRow, via: str, scopes: frozenset[str] | None = None) -> Principal:
    return Principal(name=user.name, role=parse_role(user.role), user_id=user.id, scopes=scopes, via=via)


def login(
    engine: Engine,
    *,
    name: str,
    password: str,
    ttl: dt.timedelta = SESSION_TTL,
    now: dt.datetime | None = None,
) -> Login:
    """Open a session for ``name`` if ``password`` is right; else :class:`AuthenticationError` (audited).

    The slow password check runs outside the write transaction (which would
    hold SQLite's write lock meanwhile); the transaction then checks that the
    account did not change in between.
    """
    moment = now or utcnow()
    known = read(
        engine,
        lambda s: s.execute(select(UserRow.id, UserRow.password_hash).where(UserRow.name == name)).first(),
    )
    stored = known[1] if known else None
    right = verify(stored, password) if stored else dummy_verify(password)
    rehashed = hash_password(password) if right and stored and needs_rehash(stored) else None

    def attempt(session: Session) -> Login | None:
        user = session.get(UserRow, known[0]) if known and stored else None
        if user is None:
            # The attempted name is not recorded: people type passwords into the name field.
            audit.record(session, ANONYMOUS, "login.failed", detail={"reason": "unknown user"})
            return None
        who = _principal(user, "session")
        if not right or user.disabled or user.password_hash != stored:
            reason = "disabled" if user.disabled else "wrong password"
            audit.record(
                session, who, "login.failed", target="users", target_id=user.id, detail={"reason": reason}
            )
            return None
        if rehashed:
            user.password_hash = rehashed
        token = new_session_token()
        row = SessionRow(
            user_id=user.id,
            token_hash=token_hash(token),
            created_at=moment,
            expires_at=moment + ttl,
            ended_at=None,
        )
        session.add(row)
        session.flush()
        audit.record(session, who, "login", target="user_sessions", target_id=row.id)
        return Login(token, row.expires_at, who)

    result = write(engine, attempt)
    if result is None:
        raise AuthenticationError(_FAILED)
    return result


def logout(session: Session, *, token: str, now: dt.datetime | None = None) -> bool:
    """End the session of ``token``; ``False`` when it was not open."""
    row = session.scalar(select(SessionRow).where(SessionRow.token_hash == token_hash(token)))
    if row is None or row.ended_at is not None:
        return False
    row.ended_at = now or utcnow()
    user = session.get(UserRow, row.user_id)
    who = _principal(user, "session") if user else ANONYMOUS
    audit.record(session, who, "logout", target="user_sessions", target_id=row.id)
    return True


def _from_session(session: Session, token: str, moment: dt.datetime) -> Principal:
    row = session.scalar(select(SessionRow).where(SessionRow.token_hash == token_hash(token)))
    if row is None or row.ended_at is not None or as_utc(row.expires_at) <= moment:
        raise AuthenticationError("the session has ended: log in again")
    user = session.get(UserRow, row.user_id)
    if user is None or user.disabled:
        raise AuthenticationError("the session has ended: log in again")
    return _principal(user, "session")


def _from_api_token(session: Session, token: str, moment: dt.datetime) -> Principal:
    row = session.scalar(select(ApiTokenRow).where(ApiTokenRow.token_hash == token_hash(token)))
    if row is None or row.revoked_at is not None or (row.expires_at and as_utc(row.expires_at) <= moment):
        raise AuthenticationError("the API token is not valid")
    user = session.get(UserRow, row.user_id)
    if user is None or user.disabled:
        raise AuthenticationError("the API token is not valid")
    # The owner's role today bounds the token, whatever it was created with.
    scopes = frozenset(str(s) for s in row.scopes) & scopes_for(parse_role(user.role))
    return _principal(user, "token", scopes)


def authenticate(
    session: Session,
    *,
    settings: Settings,
    session_token: str | None = None,
    api_token: str | None = None,
    now: dt.datetime | None = None,
) -> Principal:
    """The caller a request speaks for. Bad credentials raise; they never fall back to anonymous."""
    moment = now or utcnow()
    if api_token:
        return _from_api_token(session, api_token, moment)
    if session_token:
        return _from_session(session, session_token, moment)
    if settings.anonymous_read:
        return ANONYMOUS
    raise AuthenticationError("log in first")

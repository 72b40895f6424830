"""Login, logout, session expiry, authentication of requests and the anonymous read-only mode."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.auth.audit import verify
from hrd.auth.principal import ANONYMOUS, Principal
from hrd.auth.roles import Role
from hrd.auth.sessions import AuthenticationError, authenticate, login, logout
from hrd.auth.tables import AuditRow, SessionRow
from hrd.auth.users import disable_user, set_password, set_role
from hrd.errors import PermissionDeniedError, http_status
from hrd.settings import Settings
from hrd.store.engine import read, write

from .conftest import PASSWORD

CLOSED = Settings(database_url="sqlite://", anonymous_read=False)
OPEN = Settings(database_url="sqlite://", anonymous_read=True)


def _who(
    engine: Engine, token: str, settings: Settings = CLOSED, now: dt.datetime | None = None
) -> Principal:
    return read(engine, lambda s: authenticate(s, settings=settings, session_token=token, now=now))


def _actions(engine: Engine) -> list[tuple[str, int | None, str]]:
    rows = read(engine, lambda s: list(s.scalars(select(AuditRow).order_by(AuditRow.id))))
    return [(r.action, r.actor_id, r.detail) for r in rows]


def test_login_opens_a_session_that_authenticates_as_the_user(
    engine: Engine, make_user: Callable[..., int]
) -> None:
    uid = make_user("ann", Role.ANALYST)
    session = login(engine, name="ann", password=PASSWORD)
    assert session.principal == Principal("ann", Role.ANALYST, uid, None, "session")
    assert _who(engine, session.token) == session.principal
    stored = read(engine, lambda s: s.scalars(select(SessionRow)).one())
    assert stored.token_hash != session.token and session.token not in stored.token_hash
    assert ("login", uid, "{}") in _actions(engine)


def test_a_wrong_password_or_unknown_user_fails_alike_and_is_audited(
    engine: Engine, make_user: Callable[..., int]
) -> None:
    uid = make_user("ann", Role.ANALYST)
    for name, password in [("ann", "wrong password here"), ("nobody-typed-a-password", PASSWORD)]:
        with pytest.raises(AuthenticationError, match="wrong user name or password") as info:
            login(engine, name=name, password=password)
        assert http_status(info.value) == 401
    failed = [a for a in _actions(engine) if a[0] == "login.failed"]
    assert failed == [
        ("login.failed", uid, '{"reason":"wrong password"}'),
        ("login.failed", None, '{"reason":"unknown user"}'),
    ]
    text = " ".join(a[2] for a in _actions(engine))
    assert "nobody-typed-a-password" not in text and PASSWORD not in text
    assert read(engine, lambda s: verify(s)).ok


def test_logout_ends_the_session(engine: Engine, make_user: Callable[..., int]) -> None:
    make_user("ann", Role.VIEWER)
    session = login(engine, name="ann", password=PASSWORD)
    assert write(engine, lambda s: logout(s, token=session.token)) is True
    assert write(engine, lambda s: logout(s, token=session.token)) is False
    with pytest.raises(AuthenticationError, match="session has ended"):
        _who(engine, session.token)
    assert [a[0] for a in _actions(engine)][-2:] == ["login", "logout"]


def test_sessions_expire(engine: Engine, make_user: Callable[..., int]) -> None:
    make_user("ann", Role.VIEWER)
    start = dt.datetime(2030, 1, 1, 9, tzinfo=dt.UTC)
    session = login(engine, name="ann", password=PASSWORD, ttl=dt.timedelta(hours=1), now=start)
    assert _who(engine, session.token, now=start + dt.timedelta(minutes=59)).name == "ann"
    with pytest.raises(AuthenticationError):
        _who(engine, session.token, now=start + dt.timedelta(hours=1))


def test_disabling_a_user_ends_their_sessions_and_refuses_login(
    engine: Engine, make_user: Callable[..., int], admin: Principal
) -> None:
    make_user("ann", Role.VIEWER)
    session = login(engine, name="ann", password=PASSWORD)
    write(engine, lambda s: disable_user(s, admin, name="ann"))
    with pytest.raises(AuthenticationError):
        _who(engine, session.token)
    with pytest.raises(AuthenticationError):
        login(engine, name="ann", password=PASSWORD)
    assert ("login.failed", 1, '{"reason":"disabled"}') in _actions(engine)


def test_a_role_change_ends_sessions_and_applies_at_the_next_login(
    engine: Engine, make_user: Callable[..., int], admin: Principal
) -> None:
    make_user("ann", Role.VIEWER)
    old = login(engine, name="ann", password=PASSWORD)
    write(engine, lambda s: set_role(s, admin, name="ann", role=Role.CASE_OFFICER))
    with pytest.raises(AuthenticationError):
        _who(engine, old.token)
    assert login(engine, name="ann", password=PASSWORD).principal.role is Role.CASE_OFFICER
    assert any(
        a[0] == "user.role" and a[2] == '{"from":"viewer","to":"case-officer"}' for a in _actions(engine)
    )


def test_a_password_change_needs_the_current_one_and_ends_sessions(
    engine: Engine, make_user: Callable[..., int]
) -> None:
    make_user("ann", Role.VIEWER)
    session = login(engine, name="ann", password=PASSWORD)
    new = "another long passphrase"
    for current in [None, "not my password"]:
        with pytest.raises(PermissionDeniedError, match="current password"):
            write(
                engine,
                lambda s, c=current: set_password(s, session.principal, name="ann", password=new, current=c),
            )
    write(engine, lambda s: set_password(s, session.principal, name="ann", password=new, current=PASSWORD))
    with pytest.raises(AuthenticationError):
        _who(engine, session.token)
    with pytest.raises(AuthenticationError):
        login(engine, name="ann", password=PASSWORD)
    assert login(engine, name="ann", password=new).principal.name == "ann"


def test_anonymous_read_only_mode_is_off_by_default(engine: Engine) -> None:
    assert Settings(database_url="sqlite://").anonymous_read is False
    with pytest.raises(AuthenticationError, match="log in first"):
        read(engine, lambda s: authenticate(s, settings=CLOSED))
    assert read(engine, lambda s: authenticate(s, settings=OPEN)) is ANONYMOUS


def test_bad_credentials_never_fall_back_to_anonymous(engine: Engine) -> None:
    with pytest.raises(AuthenticationError):
        read(engine, lambda s: authenticate(s, settings=OPEN, session_token="forged"))
    with pytest.raises(AuthenticationError):
        read(engine, lambda s: authenticate(s, settings=OPEN, api_token="hrd_forged"))


def test_a_session_token_is_random_and_unique(engine: Engine, make_user: Callable[..., int]) -> None:
    make_user("ann", Role.VIEWER)
    tokens = {login(engine, name="ann", password=PASSWORD).token for _ in range(3)}
    assert len(tokens) == 3 and all(len(t) >= 43 for t in tokens)

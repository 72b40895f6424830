"""API tokens: shown once, kept hashed, scoped, bounded by the owner's role, revocable, expiring."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.auth.principal import Principal
from hrd.auth.roles import Action, Resource, Role
from hrd.auth.sessions import AuthenticationError, authenticate, login
from hrd.auth.tables import ApiTokenRow, AuditRow
from hrd.auth.tokens import create_token, list_tokens, revoke_token
from hrd.auth.users import disable_user, set_role
from hrd.errors import NotFoundError, PermissionDeniedError
from hrd.settings import Settings
from hrd.store.engine import read, write

from .conftest import PASSWORD

SETTINGS = Settings(database_url="sqlite://")


def _auth(engine: Engine, token: str, now: dt.datetime | None = None) -> Principal:
    return read(engine, lambda s: authenticate(s, settings=SETTINGS, api_token=token, now=now))


def test_a_token_is_shown_once_kept_hashed_and_authenticates_with_its_scopes(
    engine: Engine, make_user: Callable[..., int], admin: Principal
) -> None:
    uid = make_user("ann", Role.CASE_OFFICER)
    new = write(engine, lambda s: create_token(s, admin, user="ann", scopes=["cases:read"], label="sync"))
    assert new.token.startswith("hrd_") and len(new.token) > 40
    assert new.info.scopes == ("cases:read",) and new.info.user == "ann" and not new.info.revoked
    row = read(engine, lambda s: s.scalars(select(ApiTokenRow)).one())
    assert new.token not in row.token_hash and row.token_hash != new.token
    who = _auth(engine, new.token)
    assert (who.name, who.role, who.user_id, who.via) == ("ann", Role.CASE_OFFICER, uid, "token")
    assert who.can(Action.READ, Resource.CASES)
    assert not who.can(Action.WRITE, Resource.CASES) and not who.can(Action.READ, Resource.PUBLIC)
    listed = read(engine, lambda s: list_tokens(s, admin, user="ann"))
    assert listed == [new.info] and not hasattr(listed[0], "token")
    details = read(engine, lambda s: [r.detail for r in s.scalars(select(AuditRow))])
    assert all(new.token not in d for d in details)


def test_scopes_beyond_the_owners_role_are_refused(
    engine: Engine, make_user: Callable[..., int], admin: Principal
) -> None:
    make_user("vic", Role.VIEWER)
    with pytest.raises(PermissionDeniedError, match="does not allow cases:read"):
        write(engine, lambda s: create_token(s, admin, user="vic", scopes=["cases:read"]))
    with pytest.raises(PermissionDeniedError, match="does not allow"):
        write(engine, lambda s: create_token(s, admin, user="vic", scopes=["public:*"]))


def test_revoked_tokens_stop_working(engine: Engine, make_user: Callable[..., int], admin: Principal) -> None:
    make_user("ann", Role.ANALYST)
    new = write(engine, lambda s: create_token(s, admin, user="ann", scopes=["public:read"]))
    assert _auth(engine, new.token).name == "ann"
    assert write(engine, lambda s: revoke_token(s, admin, token_id=new.info.id)).revoked
    with pytest.raises(AuthenticationError, match="not valid"):
        _auth(engine, new.token)
    with pytest.raises(NotFoundError):
        write(engine, lambda s: revoke_token(s, admin, token_id=999))


def test_tokens_expire(engine: Engine, make_user: Callable[..., int], admin: Principal) -> None:
    make_user("ann", Role.ANALYST)
    new = write(
        engine,
        lambda s: create_token(s, admin, user="ann", scopes=["public:read"], expires_in=dt.timedelta(days=1)),
    )
    assert _auth(engine, new.token).name == "ann"
    with pytest.raises(AuthenticationError):
        _auth(engine, new.token, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=1, seconds=1))


def test_a_lowered_role_narrows_existing_tokens_and_disabling_revokes_them(
    engine: Engine, make_user: Callable[..., int], admin: Principal
) -> None:
    make_user("ann", Role.CASE_OFFICER)
    new = write(engine, lambda s: create_token(s, admin, user="ann", scopes=["cases:read", "public:read"]))
    write(engine, lambda s: set_role(s, admin, name="ann", role=Role.VIEWER))
    who = _auth(engine, new.token)
    assert who.scopes == {"public:read"} and not who.can(Action.READ, Resource.CASES)
    write(engine, lambda s: disable_user(s, admin, name="ann"))
    with pytest.raises(AuthenticationError):
        _auth(engine, new.token)
    assert read(engine, lambda s: list_tokens(s, admin))[0].revoked


def test_users_manage_their_own_tokens_only_from_a_login_session(
    engine: Engine, make_user: Callable[..., int], admin: Principal
) -> None:
    make_user("ann", Role.ANALYST)
    make_user("bob", Role.ANALYST)
    ann = login(engine, name="ann", password=PASSWORD).principal
    own = write(engine, lambda s: create_token(s, ann, user="ann", scopes=["public:write"]))
    with pytest.raises(PermissionDeniedError):
        write(engine, lambda s: create_token(s, ann, user="bob", scopes=["public:read"]))
    via_token = _auth(engine, own.token)
    with pytest.raises(PermissionDeniedError):
        write(engine, lambda s: create_token(s, via_token, user="ann", scopes=["public:read"]))
    bob = login(engine, name="bob", password=PASSWORD).principal
    with pytest.raises(PermissionDeniedError):
        write(engine, lambda s: revoke_token(s, bob, token_id=own.info.id))
    with pytest.raises(PermissionDeniedError):
        read(engine, lambda s: list_tokens(s, bob, user="ann"))
    assert write(engine, lambda s: revoke_token(s, ann, token_id=own.info.id)).revoked

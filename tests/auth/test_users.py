"""Accounts: only administrators manage them; names are checked; the last administrator stays."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.auth.principal import Principal
from hrd.auth.roles import Role
from hrd.auth.tables import AuditRow, UserRow
from hrd.auth.users import add_user, disable_user, enable_user, list_users, set_role
from hrd.errors import ConflictError, InvalidInputError, PermissionDeniedError
from hrd.store.engine import read, write

from .conftest import PASSWORD


def test_add_and_list_users(engine: Engine, admin: Principal, make_user: Callable[..., int]) -> None:
    make_user("ann", Role.ANALYST)
    make_user("bot", Role.VIEWER, password=None)
    users = read(engine, lambda s: list_users(s, admin))
    assert [(u.name, u.role, u.has_password, u.disabled) for u in users] == [
        ("ann", Role.ANALYST, True, False),
        ("bot", Role.VIEWER, False, False),
    ]
    stored = read(engine, lambda s: s.scalars(select(UserRow).where(UserRow.name == "ann")).one())
    assert stored.password_hash and stored.password_hash.startswith("$argon2id$")
    assert PASSWORD not in stored.password_hash
    with pytest.raises(ConflictError):
        make_user("ann", Role.VIEWER)


@pytest.mark.parametrize("name", ["", " ann", "ann smith", "-ann", "a" * 101, "ann;drop"])
def test_bad_user_names_are_refused(engine: Engine, admin: Principal, name: str) -> None:
    with pytest.raises(InvalidInputError, match="user name"):
        write(engine, lambda s: add_user(s, admin, name=name, role=Role.VIEWER, password=PASSWORD))


@pytest.mark.parametrize("role", [Role.VIEWER, Role.ANALYST, Role.CASE_OFFICER])
def test_only_administrators_manage_users(engine: Engine, make_user: Callable[..., int], role: Role) -> None:
    uid = make_user("ann", role)
    ann = Principal("ann", role, uid)
    attempts = [
        lambda s: add_user(s, ann, name="eve", role=Role.ADMIN, password=PASSWORD),
        lambda s: list_users(s, ann),
        lambda s: set_role(s, ann, name="ann", role=Role.ADMIN),
        lambda s: disable_user(s, ann, name="ann"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDeniedError):
            write(engine, attempt)
    assert read(engine, lambda s: s.scalar(select(UserRow.role).where(UserRow.id == uid))) == role.label


def test_the_last_active_administrator_cannot_be_removed(
    engine: Engine, admin: Principal, make_user: Callable[..., int]
) -> None:
    make_user("root", Role.ADMIN)
    with pytest.raises(PermissionDeniedError, match="last active administrator"):
        write(engine, lambda s: disable_user(s, admin, name="root"))
    with pytest.raises(PermissionDeniedError, match="last active administrator"):
        write(engine, lambda s: set_role(s, admin, name="root", role=Role.ANALYST))
    make_user("second", Role.ADMIN)
    assert write(engine, lambda s: disable_user(s, admin, name="root")).disabled
    assert not write(engine, lambda s: enable_user(s, admin, name="root")).disabled


def test_every_change_of_users_is_audited(
    engine: Engine, admin: Principal, make_user: Callable[..., int]
) -> None:
    make_user("ann", Role.VIEWER)
    write(engine, lambda s: set_role(s, admin, name="ann", role=Role.ANALYST))
    write(engine, lambda s: disable_user(s, admin, name="ann"))
    write(engine, lambda s: enable_user(s, admin, name="ann"))
    rows = read(engine, lambda s: list(s.scalars(select(AuditRow).order_by(AuditRow.id))))
    assert [(r.action, r.actor, r.target_id) for r in rows] == [
        ("user.add", admin.name, 1),
        ("user.role", admin.name, 1),
        ("user.disable", admin.name, 1),
        ("user.enable", admin.name, 1),
    ]

"""The permission matrix: roles × actions × resources, written out by hand and compared with ``can``."""

from __future__ import annotations

import itertools

import pytest

from hrd.auth.principal import ANONYMOUS, Principal
from hrd.auth.roles import (
    ALL_SCOPES,
    Action,
    Resource,
    Role,
    can,
    parse_role,
    parse_scopes,
    require,
    scope_of,
    scopes_for,
)
from hrd.errors import InvalidInputError, PermissionDeniedError

R, W, X = Action.READ, Action.WRITE, Action.EXPORT
PUB, CASES, USERS, AUDIT = Resource.PUBLIC, Resource.CASES, Resource.USERS, Resource.AUDIT

EXPECTED: dict[Role | None, set[tuple[Action, Resource]]] = {
    None: {(R, PUB)},
    Role.VIEWER: {(R, PUB), (X, PUB)},
    Role.ANALYST: {(R, PUB), (X, PUB), (W, PUB)},
    Role.CASE_OFFICER: {(R, PUB), (X, PUB), (W, PUB), (R, CASES), (W, CASES)},
    Role.ADMIN: {
        (R, PUB),
        (X, PUB),
        (W, PUB),
        (R, CASES),
        (W, CASES),
        (R, USERS),
        (W, USERS),
        (R, AUDIT),
        (X, AUDIT),
    },
}
ROLES: list[Role | None] = [None, *Role]
PAIRS = list(itertools.product(Action, Resource))


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.label if r else "anonymous")
@pytest.mark.parametrize(("action", "resource"), PAIRS, ids=lambda v: str(v))
def test_can_matches_the_written_matrix(role: Role | None, action: Action, resource: Resource) -> None:
    assert can(role, action, resource) is ((action, resource) in EXPECTED[role])


@pytest.mark.parametrize(("action", "resource"), PAIRS, ids=lambda v: str(v))
def test_a_higher_role_can_do_everything_a_lower_one_can(action: Action, resource: Resource) -> None:
    allowed = [can(role, action, resource) for role in ROLES]
    assert allowed == sorted(allowed), "once a role may, every role above it may"


def test_nobody_exports_cases_and_nobody_writes_the_audit_log() -> None:
    for role in ROLES:
        assert not can(role, X, CASES)
        assert not can(role, W, AUDIT)


def test_roles_are_ordered() -> None:
    assert Role.VIEWER < Role.ANALYST < Role.CASE_OFFICER < Role.ADMIN


def test_require_raises_permission_denied_with_a_clean_message() -> None:
    require(Role.CASE_OFFICER, R, CASES)
    with pytest.raises(PermissionDeniedError, match="the analyst role may not read cases"):
        require(Role.ANALYST, R, CASES)
    with pytest.raises(PermissionDeniedError, match="anonymous"):
        require(None, X, PUB)


def test_parse_role_takes_labels_and_names() -> None:
    assert parse_role("case-officer") is Role.CASE_OFFICER
    assert parse_role(" ADMIN ") is Role.ADMIN
    assert parse_role("Case_Officer") is Role.CASE_OFFICER
    with pytest.raises(InvalidInputError, match="unknown role"):
        parse_role("root")


def test_scopes() -> None:
    assert parse_scopes(["public:read, cases:read"]) == {"public:read", "cases:read"}
    assert parse_scopes(["public:*"]) == {"public:read", "public:write", "public:export"}
    assert scopes_for(Role.VIEWER) == {"public:read", "public:export"}
    assert "cases:export" not in scopes_for(Role.ADMIN)
    assert set(ALL_SCOPES) == {scope_of(a, r) for a, r in PAIRS}
    with pytest.raises(InvalidInputError, match="unknown scope"):
        parse_scopes(["cases:delete"])
    with pytest.raises(InvalidInputError, match="at least one scope"):
        parse_scopes([" "])


def test_a_principal_with_scopes_is_bounded_by_them_and_by_its_role() -> None:
    token = Principal("ann", Role.CASE_OFFICER, 1, frozenset({"public:read", "cases:read"}), "token")
    assert token.can(R, CASES) and token.can(R, PUB)
    assert not token.can(W, CASES) and not token.can(W, PUB)
    with pytest.raises(PermissionDeniedError, match="lacks the scope cases:write"):
        token.require(W, CASES)
    overreaching = Principal("bob", Role.VIEWER, 2, frozenset({"cases:read"}), "token")
    assert not overreaching.can(R, CASES)
    assert ANONYMOUS.can(R, PUB) and not ANONYMOUS.can(X, PUB)

"""Roles, actions, resources and the one permission matrix, as pure functions.

Roles are ordered: ``viewer < analyst < case-officer < admin``; each role can
do what the roles below it can. ``None`` stands for an anonymous caller, who
may only read public records (and only when the deployment enables the
anonymous read-only mode: :func:`hrd.auth.sessions.authenticate` decides that).

A scope is ``"<resource>:<action>"`` (``"public:read"``, ``"cases:write"``);
API tokens carry a set of scopes and can never do more than their owner's
role allows.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from ..errors import InvalidInputError, PermissionDeniedError

__all__ = [
    "ALL_SCOPES",
    "MATRIX",
    "Action",
    "Resource",
    "Role",
    "can",
    "parse_role",
    "parse_scopes",
    "require",
    "scope_of",
    "scopes_for",
]


class Role(enum.IntEnum):
    """A user's role; the integer order is the privilege order."""

    VIEWER = 1
    ANALYST = 2
    CASE_OFFICER = 3
    ADMIN = 4

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")


class Action(enum.StrEnum):
    READ = "read"
    WRITE = "write"
    EXPORT = "export"


class Resource(enum.StrEnum):
    PUBLIC = "public"
    """Dialogue records, statements, reviews, search, tracking and reports."""
    CASES = "cases"
    """The confidential register of individual cases."""
    USERS = "users"
    """Accounts, roles and API tokens of other users."""
    AUDIT = "audit"


MATRIX: dict[tuple[Action, Resource], Role | None] = {
    (Action.READ, Resource.PUBLIC): Role.VIEWER,
    (Action.EXPORT, Resource.PUBLIC): Role.VIEWER,
    (Action.WRITE, Resource.PUBLIC): Role.ANALYST,
    (Action.READ, Resource.CASES): Role.CASE_OFFICER,
    (Action.WRITE, Resource.CASES): Role.CASE_OFFICER,
    (Action.EXPORT, Resource.CASES): None,
    (Action.READ, Resource.USERS): Role.ADMIN,
    (Action.WRITE, Resource.USERS): Role.ADMIN,
    (Action.EXPORT, Resource.USERS): None,
    (Action.READ, Resource.AUDIT): Role.ADMIN,
    (Action.WRITE, Resource.AUDIT): None,
    (Action.EXPORT, Resource.AUDIT): Role.ADMIN,
}
"""The least role allowed each action on each resource; ``None``: nobody.

Case data is never exported in bulk, and the audit log is written only by
the library itself (never through a permission).
"""

ANONYMOUS: frozenset[tuple[Action, Resource]] = frozenset({(Action.READ, Resource.PUBLIC)})


def can(role: Role | None, action: Action, resource: Resource) -> bool:
    """Whether ``role`` (``None``: anonymous) may do ``action`` on ``resource``."""
    if role is None:
        return (action, resource) in ANONYMOUS
    least = MATRIX[(action, resource)]
    return least is not None and role >= least


def require(role: Role | None, action: Action, resource: Resource) -> None:
    """Raise :class:`PermissionDeniedError` unless ``can(role, action, resource)``."""
    if not can(role, action, resource):
        who = "anonymous callers" if role is None else f"the {role.label} role"
        raise PermissionDeniedError(f"{who} may not {action.value} {resource.value}")


def scope_of(action: Action, resource: Resource) -> str:
    return f"{resource.value}:{action.value}"


ALL_SCOPES: tuple[str, ...] = tuple(scope_of(a, r) for (a, r) in MATRIX)


def scopes_for(role: Role) -> frozenset[str]:
    """Every scope that ``role`` holds."""
    return frozenset(scope_of(a, r) for (a, r) in MATRIX if can(role, a, r))


def parse_role(text: str) -> Role:
    """A role from its label (``case-officer``) or name (``CASE_OFFICER``), case-insensitive."""
    key = text.strip().upper().replace("-", "_")
    try:
        return Role[key]
    except KeyError:
        labels = ", ".join(r.label for r in Role)
        raise InvalidInputError(f"unknown role {text.strip()[:40]!r}: use one of {labels}") from None


def parse_scopes(texts: Iterable[str]) -> frozenset[str]:
    """Validated scopes; ``resource:*`` expands to every action on that resource."""
    out: set[str] = set()
    for raw in texts:
        for item in raw.replace(",", " ").split():
            resource, _, action = item.partition(":")
            matched = [s for s in ALL_SCOPES if s == item or (action == "*" and s.startswith(f"{resource}:"))]
            if not matched:
                raise InvalidInputError(f"unknown scope {item[:40]!r}: use one of {', '.join(ALL_SCOPES)}")
            out.update(matched)
    if not out:
        raise InvalidInputError("a token needs at least one scope")
    return frozenset(out)

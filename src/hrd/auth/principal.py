"""Who is calling: a :class:`Principal` is what every protected library function takes.

The web layer gets one from :func:`hrd.auth.sessions.authenticate` (session
cookie, API token or the anonymous read-only mode); the CLI acts as
:func:`operator`, a local administrator with direct access to the database.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from ..errors import PermissionDeniedError
from .roles import Action, Resource, Role, can, require, scope_of

__all__ = ["ANONYMOUS", "Principal", "operator"]


@dataclass(frozen=True, slots=True)
class Principal:
    name: str
    role: Role | None
    """``None``: anonymous."""
    user_id: int | None = None
    scopes: frozenset[str] | None = None
    """An API token's scopes; ``None``: everything the role allows."""
    via: str = "session"
    """``session``, ``token``, ``anonymous`` or ``cli``."""

    def can(self, action: Action, resource: Resource) -> bool:
        if not can(self.role, action, resource):
            return False
        return self.scopes is None or scope_of(action, resource) in self.scopes

    def require(self, action: Action, resource: Resource) -> None:
        """Raise :class:`PermissionDeniedError` unless this caller may do ``action`` on ``resource``."""
        require(self.role, action, resource)
        if self.scopes is not None and scope_of(action, resource) not in self.scopes:
            raise PermissionDeniedError(f"this token lacks the scope {scope_of(action, resource)}")


ANONYMOUS = Principal(name="anonymous", role=None, via="anonymous")


def operator() -> Principal:
    """The local operator of the command line: an administrator named after the OS account."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (containers)
        who = "unknown"
    return Principal(name=f"cli:{who}", role=Role.ADMIN, via="cli")

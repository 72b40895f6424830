"""Users, roles, sessions, API tokens and the audit log.

The web layer and the CLI use this package as a library: they authenticate
a request into a :class:`Principal` and pass it to every protected function.
"""

from __future__ import annotations

from .principal import ANONYMOUS, Principal, operator
from .roles import Action, Resource, Role, can, parse_role, parse_scopes, require, scopes_for
from .sessions import AuthenticationError, Login, authenticate, login, logout

__all__ = [
    "ANONYMOUS",
    "Action",
    "AuthenticationError",
    "Login",
    "Principal",
    "Resource",
    "Role",
    "authenticate",
    "can",
    "login",
    "logout",
    "operator",
    "parse_role",
    "parse_scopes",
    "require",
    "scopes_for",
]

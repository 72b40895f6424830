"""CSRF tokens bound to the login session (for the web layer's forms).

The token is an HMAC of the session token, so it needs no storage, differs
per session, and is useless without the session cookie it belongs to. The
web layer puts :func:`csrf_token` in each form and checks the submitted value
with :func:`check_csrf` on every unsafe request made with a session cookie.
"""

from __future__ import annotations

import hashlib
import hmac

from ..errors import PermissionDeniedError

__all__ = ["check_csrf", "csrf_token"]

_LABEL = b"hrd-csrf/1"


def csrf_token(session_token: str) -> str:
    return hmac.new(session_token.encode(), _LABEL, hashlib.sha256).hexdigest()


def check_csrf(session_token: str, submitted: str | None) -> None:
    """Raise :class:`PermissionDeniedError` unless ``submitted`` is the session's CSRF token."""
    if not submitted or not hmac.compare_digest(csrf_token(session_token), submitted):
        raise PermissionDeniedError("the form is stale or forged: reload the page and try again")

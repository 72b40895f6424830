"""CSRF tokens: bound to one session, checked in constant time."""

from __future__ import annotations

import pytest

from hrd.auth.csrf import check_csrf, csrf_token
from hrd.auth.secrets import new_session_token
from hrd.errors import PermissionDeniedError


def test_a_csrf_token_belongs_to_its_session() -> None:
    mine, other = new_session_token(), new_session_token()
    token = csrf_token(mine)
    assert token == csrf_token(mine) and token != csrf_token(other) and mine not in token
    check_csrf(mine, token)
    for submitted in [None, "", csrf_token(other), token[:-1], token.upper()]:
        with pytest.raises(PermissionDeniedError, match="stale or forged"):
            check_csrf(mine, submitted)

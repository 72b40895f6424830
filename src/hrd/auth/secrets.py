"""Random tokens and their at-rest form."""

from __future__ import annotations

import hashlib
import secrets

__all__ = ["API_TOKEN_PREFIX", "new_api_token", "new_session_token", "token_hash"]

API_TOKEN_PREFIX = "hrd_"  # nosec B105
"""API tokens start with this public marker (not a secret), so secret scanners and people spot them."""


def new_session_token() -> str:
    """256 random bits from the OS CSPRNG, URL-safe."""
    return secrets.token_urlsafe(32)


def new_api_token() -> str:
    return API_TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the database keeps of a token: its SHA-256 (random tokens need no salt nor slow hash)."""
    return hashlib.sha256(token.encode()).hexdigest()

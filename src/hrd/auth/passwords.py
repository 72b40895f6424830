"""Password hashing with argon2id (argon2-cffi), and the password policy.

Hashes are PHC strings (``$argon2id$v=19$m=...``): the parameters travel with
each hash, so raising them later only needs :func:`needs_rehash` at login.
Error messages never contain the password.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ..errors import InvalidInputError

__all__ = [
    "MAX_LENGTH",
    "MIN_LENGTH",
    "check_policy",
    "dummy_verify",
    "hash_password",
    "needs_rehash",
    "verify",
]

MIN_LENGTH = 12
MAX_LENGTH = 1024

# RFC 9106 second recommended option (64 MiB, 3 passes), argon2id.
_HASHER = PasswordHasher(
    time_cost=3, memory_cost=64 * 1024, parallelism=4, hash_len=32, salt_len=16, type=Type.ID
)


def check_policy(password: str) -> None:
    """Raise :class:`InvalidInputError` for a password that is too short or too long."""
    if len(password) < MIN_LENGTH:
        raise InvalidInputError(f"the password must have at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise InvalidInputError(f"the password must have at most {MAX_LENGTH} characters")
    if not password.strip():
        raise InvalidInputError("the password must not be blank")


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (which must pass :func:`check_policy`)."""
    check_policy(password)
    return _HASHER.hash(password)


def verify(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``password_hash``; a malformed hash never matches."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def dummy_verify(password: str) -> bool:
    """Spend the time of one verification, so unknown user names answer as slowly as wrong passwords."""
    verify(_dummy_hash(), password)
    return False


@cache
def _dummy_hash() -> str:
    return _HASHER.hash("hrd-dummy-password-for-equal-timing")


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters than the current ones."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True

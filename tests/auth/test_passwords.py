"""argon2id hashing, verification and the password policy."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type

from hrd.auth.passwords import MIN_LENGTH, check_policy, hash_password, needs_rehash, verify
from hrd.errors import InvalidInputError

SECRET = "a long enough passphrase"


def test_hashes_are_salted_argon2id_and_verify() -> None:
    first, second = hash_password(SECRET), hash_password(SECRET)
    assert first.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert first != second and SECRET not in first
    assert verify(first, SECRET) and verify(second, SECRET)
    assert not verify(first, SECRET + " ") and not verify(first, SECRET.upper())


def test_malformed_hashes_and_huge_inputs_never_match() -> None:
    assert not verify("not a hash", SECRET)
    assert not verify(hash_password(SECRET), "x" * 100_000)


def test_policy_messages_never_contain_the_password() -> None:
    short = "s3cret!"
    assert len(short) < MIN_LENGTH
    with pytest.raises(InvalidInputError) as info:
        check_policy(short)
    assert short not in str(info.value)
    with pytest.raises(InvalidInputError, match="blank"):
        check_policy(" " * MIN_LENGTH)
    with pytest.raises(InvalidInputError, match="at most"):
        check_policy("x" * 2000)


def test_weaker_parameters_need_a_rehash() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1, type=Type.ID).hash(SECRET)
    assert verify(weak, SECRET)
    assert needs_rehash(weak) and not needs_rehash(hash_password(SECRET))

"""Field encryption: round trip, binding to table/row/column, tampering, keyrings and key files."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from hrd.cases.crypto import (
    FORMAT,
    DecryptionError,
    Keyring,
    KeyUnavailableError,
    generate_key,
    load_keyring,
    parse_key,
    write_key_file,
)
from hrd.settings import Settings

WHERE = {"table": "cases", "row_id": 7, "column": "name"}
TEXT = "Zhanna Ädilova — «журналист» 📰"


def test_round_trip_and_fresh_nonces(keys: Keyring) -> None:
    first = keys.seal(TEXT, **WHERE)
    second = keys.seal(TEXT, **WHERE)
    assert first is not None and second is not None
    assert first != second and first[0] == FORMAT and first[1:9] == keys.current.id
    assert TEXT.encode() not in first
    assert keys.open(first, **WHERE) == keys.open(second, **WHERE) == TEXT
    assert keys.seal(None, **WHERE) is None and keys.open(None, **WHERE) is None
    assert keys.open(keys.seal("", **WHERE), **WHERE) == ""


@pytest.mark.parametrize(
    "elsewhere",
    [{"table": "case_aliases"}, {"row_id": 8}, {"row_id": 70}, {"column": "notes"}],
    ids=["other table", "other row", "row id prefix", "other column"],
)
def test_a_ciphertext_does_not_open_anywhere_else(keys: Keyring, elsewhere: dict[str, object]) -> None:
    blob = keys.seal(TEXT, **WHERE)
    with pytest.raises(DecryptionError, match="failed authentication") as info:
        keys.open(blob, **{**WHERE, **elsewhere})  # type: ignore[arg-type]
    assert TEXT not in str(info.value)


def test_any_flipped_byte_is_detected(keys: Keyring) -> None:
    blob = keys.seal(TEXT, **WHERE)
    assert blob is not None
    for i in range(len(blob)):
        damaged = bytearray(blob)
        damaged[i] ^= 0x01
        with pytest.raises((DecryptionError, KeyUnavailableError)):
            keys.open(bytes(damaged), **WHERE)
    with pytest.raises(DecryptionError, match="format"):
        keys.open(blob[:20], **WHERE)


def test_a_keyring_opens_what_older_keys_sealed_but_seals_with_the_current_one(keys: Keyring) -> None:
    old = keys
    new_key = parse_key(generate_key())
    blob = old.seal(TEXT, **WHERE)
    ring = Keyring(new_key, (old.current,))
    assert ring.open(blob, **WHERE) == TEXT
    resealed = ring.seal(TEXT, **WHERE)
    assert resealed is not None and resealed[1:9] == new_key.id
    with pytest.raises(KeyUnavailableError, match="not in the keyring"):
        old.open(resealed, **WHERE)


def test_keys_parse_from_base64_and_refuse_other_lengths() -> None:
    raw = os.urandom(32)
    assert parse_key(base64.b64encode(raw).decode()).secret == raw
    assert parse_key(base64.urlsafe_b64encode(raw).decode() + "\n").secret == raw
    with pytest.raises(KeyUnavailableError, match="32 bytes"):
        parse_key(base64.b64encode(os.urandom(16)).decode())
    with pytest.raises(KeyUnavailableError, match="base64"):
        parse_key("not base64 at all!")
    key = parse_key(generate_key())
    assert repr(key) == f"Key(id={key.id!r})"


def test_the_keyring_comes_from_the_key_file_or_the_environment(tmp_path: Path) -> None:
    current, older = generate_key(), generate_key()
    path = tmp_path / "case.key"
    path.write_text(f"# case-data keys, current first\n{current}\n\n{older}\n")
    ring = load_keyring(Settings(database_url="sqlite://", key_file=path, secret_key=generate_key()))
    assert ring.current == parse_key(current) and ring.older == (parse_key(older),)
    assert load_keyring(Settings(database_url="sqlite://", secret_key=current)).current == parse_key(current)
    with pytest.raises(KeyUnavailableError, match="HRD_KEY_FILE or HRD_SECRET_KEY"):
        load_keyring(Settings(database_url="sqlite://"))
    with pytest.raises(KeyUnavailableError, match="cannot read"):
        load_keyring(Settings(database_url="sqlite://", key_file=tmp_path / "missing.key"))


def test_a_key_file_is_private_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "case.key"
    key = write_key_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert parse_key(path.read_text()) == key
    with pytest.raises(KeyUnavailableError, match="never overwritten"):
        write_key_file(path)
    assert parse_key(path.read_text()) == key

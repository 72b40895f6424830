"""Field-level encryption of case data: AES-256-GCM with a keyring and versioned ciphertexts.

A sealed field is ``version (1 byte) | key id (8 bytes) | nonce (12 bytes) |
ciphertext and tag``. The associated data binds the ciphertext to its table,
row id and column (and to its own header), so a value copied to another row
or column does not decrypt. The key id names the key that sealed it, so a
keyring can hold the new key and the old ones while
:func:`hrd.cases.rotation.rotate_key` re-seals every field.

Keys are 32 random bytes written in base64: in a key file
(``Settings.key_file``; one key per line, the first is current, later lines
are older keys still accepted for reading) or in ``HRD_SECRET_KEY``.
Errors name the table, column and row, never a value or a key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..errors import HRDError
from ..settings import Settings

__all__ = [
    "FORMAT",
    "DecryptionError",
    "Key",
    "KeyUnavailableError",
    "Keyring",
    "generate_key",
    "load_keyring",
    "parse_key",
    "read_key_file",
    "write_key_file",
]

FORMAT = 1
_HEADER = 1 + 8
_NONCE = 12


class KeyUnavailableError(HRDError):
    """No usable key for case data is configured, or a field was sealed under a key not in the keyring."""

    status, code, title = 503, 78, "encryption key unavailable"  # EX_CONFIG


class DecryptionError(HRDError):
    """A sealed field failed authentication: it was altered, moved, or sealed under another key."""

    status, code, title = 500, 70, "confidential data failed its integrity check"  # EX_SOFTWARE


@dataclass(frozen=True, slots=True)
class Key:
    id: bytes
    secret: bytes = field(repr=False)

    @classmethod
    def of(cls, secret: bytes) -> Key:
        if len(secret) != 32:
            raise KeyUnavailableError("a case-data key must be 32 bytes (base64 of 32 random bytes)")
        return cls(hashlib.sha256(b"hrd-case-key-id/1\x00" + secret).digest()[:8], secret)

    @property
    def label(self) -> str:
        """The key id in hex, safe to show."""
        return self.id.hex()


def parse_key(text: str) -> Key:
    """A key from its base64 text (standard or URL-safe alphabet)."""
    raw = text.strip()
    try:
        secret = base64.b64decode(raw.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        raise KeyUnavailableError("a case-data key must be base64 text") from None
    return Key.of(secret)


def generate_key() -> str:
    """A new key as base64 text (from the OS CSPRNG)."""
    return base64.b64encode(secrets.token_bytes(32)).decode()


def write_key_file(path: Path) -> Key:
    """Write a new key to ``path``, readable by its owner only; an existing file is never overwritten."""
    text = generate_key()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyUnavailableError(f"{path} exists: a key file is never overwritten") from None
    with os.fdopen(fd, "w") as handle:
        handle.write(text + "\n")
    return parse_key(text)


def _aad(header: bytes, table: str, row_id: int, column: str) -> bytes:
    return b"\x00".join([b"hrd-cases/1", header, table.encode(), str(row_id).encode(), column.encode()])


@dataclass(frozen=True, slots=True)
class Keyring:
    """The current key (for sealing) and older keys (for opening only)."""

    current: Key
    older: tuple[Key, ...] = ()

    def key(self, key_id: bytes) -> Key | None:
        return next((k for k in (self.current, *self.older) if k.id == key_id), None)

    def seal(self, value: str | None, *, table: str, row_id: int, column: str) -> bytes | None:
        """Encrypt ``value`` for the field (table, row, column); ``None`` stays ``None``."""
        if value is None:
            return None
        header = bytes([FORMAT]) + self.current.id
        nonce = os.urandom(_NONCE)
        sealed = AESGCM(self.current.secret).encrypt(
            nonce, value.encode(), _aad(header, table, row_id, column)
        )
        return header + nonce + sealed

    def open(self, blob: bytes | None, *, table: str, row_id: int, column: str) -> str | None:
        """Decrypt a field sealed by :meth:`seal` for exactly this table, row and column."""
        if blob is None:
            return None
        where = f"{table}.{column} of row {row_id}"
        if len(blob) < _HEADER + _NONCE + 16 or blob[0] != FORMAT:
            raise DecryptionError(f"{where} is not a sealed value of a known format")
        key = self.key(blob[1:_HEADER])
        if key is None:
            raise KeyUnavailableError(
                f"{where} is sealed under key {blob[1:_HEADER].hex()}, not in the keyring"
            )
        nonce, sealed = blob[_HEADER : _HEADER + _NONCE], blob[_HEADER + _NONCE :]
        try:
            plain = AESGCM(key.secret).decrypt(nonce, sealed, _aad(blob[:_HEADER], table, row_id, column))
        except InvalidTag:
            raise DecryptionError(f"{where} failed authentication") from None
        return plain.decode()

    @staticmethod
    def key_id_of(blob: bytes) -> bytes:
        return blob[1:_HEADER]


def read_key_file(path: Path) -> Keyring:
    """The keys of a key file: one base64 key per line, the current one first; ``#`` starts a comment."""
    try:
        lines = [line.strip() for line in path.read_text().splitlines()]
    except OSError as exc:
        raise KeyUnavailableError(f"cannot read the key file {path}: {exc.strerror}") from None
    keys = [parse_key(line) for line in lines if line and not line.startswith("#")]
    if not keys:
        raise KeyUnavailableError(f"the key file {path} holds no key")
    return Keyring(keys[0], tuple(keys[1:]))


def load_keyring(settings: Settings) -> Keyring:
    """The keyring configured by ``Settings.key_file`` (preferred) or ``HRD_SECRET_KEY``."""
    if settings.key_file is not None:
        return read_key_file(settings.key_file)
    if settings.secret_key:
        return Keyring(parse_key(settings.secret_key.get_secret_value()))
    raise KeyUnavailableError("no key for case data: set HRD_KEY_FILE or HRD_SECRET_KEY")

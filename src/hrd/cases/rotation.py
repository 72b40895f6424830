"""Key rotation: re-seal every sealed field of the case register under a new key, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import audit
from ..auth.principal import Principal
from ..auth.roles import Role
from ..errors import PermissionDeniedError
from .crypto import Key, Keyring
from .sealing import open_field, seal_fields
from .tables import SEALED

__all__ = ["Rotation", "rotate_key"]


@dataclass(frozen=True, slots=True)
class Rotation:
    fields: int
    """Sealed fields re-sealed (empty fields are not counted)."""
    key_id: str


def rotate_key(*, new: Key, principal: Principal, keys: Keyring, session: Session) -> Rotation:
    """Open every field with ``keys`` (any key in the ring) and seal it again under ``new``.

    Administrators only. Afterwards only ``new`` is needed: make it the
    current key (first line of the key file) once the transaction committed.
    """
    if principal.role != Role.ADMIN or principal.scopes is not None:
        raise PermissionDeniedError("only an administrator (not an API token) may rotate the case-data key")
    opening = Keyring(keys.current, (*keys.older, new))
    sealing_ring = Keyring(new)
    count = 0
    for table, columns in SEALED.items():
        for row in session.scalars(select(table).execution_options(yield_per=500)):
            values = {c: open_field(opening, row, c) for c in columns}
            count += sum(v is not None for v in values.values())
            seal_fields(sealing_ring, row, values)
        session.flush()
    detail: dict[str, str | int | list[str]] = {
        "from": [k.label for k in (keys.current, *keys.older)],
        "to": new.label,
        "fields": count,
    }
    audit.record(session, principal, "cases.rotate-key", detail=detail)
    return Rotation(count, new.label)

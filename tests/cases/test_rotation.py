"""Key rotation re-seals every sealed field under the new key; the old key is then useless."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.auth.principal import Principal
from hrd.auth.roles import Role
from hrd.auth.tables import AuditRow
from hrd.cases import access, lists
from hrd.cases.crypto import Keyring, KeyUnavailableError, generate_key, parse_key
from hrd.cases.models import MeetingLink, Reply
from hrd.cases.rotation import rotate_key
from hrd.cases.tables import SEALED
from hrd.errors import PermissionDeniedError
from hrd.store.engine import read, write

from .conftest import ADMIN, OFFICER, sample


def _fill(engine: Engine, keys: Keyring, meeting: int) -> int:
    case = write(engine, lambda s: access.create_case(data=sample(), principal=OFFICER, keys=keys, session=s))
    link = MeetingLink(meeting, "raised")
    ref = write(
        engine,
        lambda s: access.link_meeting(
            case_id=case.id, version=1, link=link, principal=OFFICER, keys=keys, session=s
        ),
    )
    reply = Reply(meeting, "under review", dt.date(2021, 6, 2), "minutes")
    write(
        engine,
        lambda s: access.add_reply(
            case_id=case.id, version=ref.version, reply=reply, principal=OFFICER, keys=keys, session=s
        ),
    )
    write(
        engine,
        lambda s: lists.record_list(
            partner="KZ",
            case_ids=[case.id],
            handed_over_on=dt.date(2021, 6, 1),
            meeting_id=meeting,
            note="handed to the vice-minister",
            principal=OFFICER,
            keys=keys,
            session=s,
        ),
    )
    return case.id


def _key_ids(engine: Engine) -> set[bytes]:
    """The ids of the keys that sealed the fields now in the database."""
    found = set()
    for table, columns in SEALED.items():
        for column in columns:
            blobs = read(engine, lambda s, t=table, c=column: list(s.scalars(select(getattr(t, c)))))
            found.update(bytes(blob[1:9]) for blob in blobs if blob is not None)
    return found


def test_rotation_reseals_every_field_and_keeps_the_values(
    engine: Engine, keys: Keyring, rounds: dict[str, list[int]]
) -> None:
    case_id = _fill(engine, keys, rounds["KZ"][0])
    before = write(
        engine, lambda s: access.get_case(case_id=case_id, principal=OFFICER, keys=keys, session=s)
    )
    assert _key_ids(engine) == {keys.current.id}
    new = parse_key(generate_key())
    done = write(engine, lambda s: rotate_key(new=new, principal=ADMIN, keys=keys, session=s))
    assert done.key_id == new.label and done.fields == 16
    assert _key_ids(engine) == {new.id}
    after = write(
        engine, lambda s: access.get_case(case_id=case_id, principal=OFFICER, keys=Keyring(new), session=s)
    )
    assert after == before
    with pytest.raises(KeyUnavailableError, match="not in the keyring"):
        write(engine, lambda s: access.get_case(case_id=case_id, principal=OFFICER, keys=keys, session=s))
    rotated = read(
        engine, lambda s: s.scalars(select(AuditRow).where(AuditRow.action == "cases.rotate-key")).one()
    )
    assert new.label in rotated.detail and keys.current.label in rotated.detail


def test_an_interrupted_rotation_changes_nothing(
    engine: Engine, keys: Keyring, rounds: dict[str, list[int]]
) -> None:
    _fill(engine, keys, rounds["KZ"][0])
    stranger = Keyring(parse_key(generate_key()))
    with pytest.raises(
        KeyUnavailableError
    ):  # the fields do not open with the stranger's key: nothing is written
        write(
            engine,
            lambda s: rotate_key(new=parse_key(generate_key()), principal=ADMIN, keys=stranger, session=s),
        )
    assert _key_ids(engine) == {keys.current.id}


@pytest.mark.parametrize(
    "caller",
    [OFFICER, Principal("tok", Role.ADMIN, 9, frozenset({"cases:read", "cases:write"}), "token")],
    ids=["case officer", "admin token"],
)
def test_only_administrators_rotate(engine: Engine, keys: Keyring, caller: Principal) -> None:
    with pytest.raises(PermissionDeniedError):
        write(
            engine,
            lambda s: rotate_key(new=parse_key(generate_key()), principal=caller, keys=keys, session=s),
        )

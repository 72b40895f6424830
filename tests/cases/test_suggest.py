"""Names from public readouts, matched with the register, for case officers only."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.auth.principal import Principal
from hrd.auth.roles import Role
from hrd.auth.tables import AuditRow
from hrd.cases import access
from hrd.cases.crypto import Keyring
from hrd.cases.suggest import NameSuggestion, name_key, suggestions
from hrd.errors import PermissionDeniedError
from hrd.store.engine import read, write
from hrd.store.repo import store_document
from hrd.store.tables import MeetingRow
from store.samples import document, kz_meeting, kz_record

from .conftest import OFFICER, sample


def test_name_keys_ignore_case_accents_punctuation_and_order() -> None:
    assert name_key("Zhanna Ädilova") == name_key("ADILOVA, zhanna") == ("adilova", "zhanna")
    assert name_key("A. Example") != name_key("Example")


def test_readout_names_are_matched_with_cases_by_name_or_alias(engine: Engine, keys: Keyring) -> None:
    record = kz_record()
    meeting = kz_meeting().model_copy(
        update={"cases": kz_meeting().cases.model_copy(update={"names": ["A. Example", "Dana Doe"]})}
    )
    record = record.model_copy(update={"meetings": [meeting]})
    write(engine, lambda s: store_document(document=document(), record=record, extractor="test", session=s))
    meeting_id = read(engine, lambda s: s.scalar(select(MeetingRow.id)))
    matched = write(
        engine,
        lambda s: access.create_case(
            data=sample("Anna Example", aliases=("example a.",)), principal=OFFICER, keys=keys, session=s
        ),
    )
    write(
        engine,
        lambda s: access.create_case(data=sample("Someone Else"), principal=OFFICER, keys=keys, session=s),
    )
    found = write(engine, lambda s: suggestions(partner="KZ", principal=OFFICER, keys=keys, session=s))
    assert found == [
        NameSuggestion("A. Example", 1, meeting_id, matched.id),
        NameSuggestion("Dana Doe", 1, meeting_id, None),
    ]
    assert write(engine, lambda s: suggestions(partner="UZ", principal=OFFICER, keys=keys, session=s)) == []
    audited = read(
        engine, lambda s: s.scalars(select(AuditRow.detail).where(AuditRow.action == "case.suggest")).first()
    )
    assert audited == '{"matched":1,"names":2,"partner":"KZ"}'


@pytest.mark.parametrize("role", [None, Role.VIEWER, Role.ANALYST])
def test_suggestions_are_for_case_officers_only(engine: Engine, keys: Keyring, role: Role | None) -> None:
    with pytest.raises(PermissionDeniedError):
        write(
            engine, lambda s: suggestions(partner="KZ", principal=Principal("x", role), keys=keys, session=s)
        )

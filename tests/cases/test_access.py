"""Access to case data: roles × functions, audit rows for every read and write, binding in the database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from hrd.auth.audit import verify
from hrd.auth.principal import ANONYMOUS, Principal
from hrd.auth.roles import Role
from hrd.auth.tables import AuditRow
from hrd.cases import access, lists
from hrd.cases.crypto import DecryptionError, Keyring
from hrd.cases.models import CaseEdit, Category, Charge, MeetingLink, Reply, Status, StatusEntry
from hrd.cases.tables import CaseRow
from hrd.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from hrd.store.engine import read, write

from .conftest import ADMIN, OFFICER, sample

CALLERS: dict[str, Principal] = {
    "anonymous": ANONYMOUS,
    "viewer": Principal("vic", Role.VIEWER, 1),
    "analyst": Principal("ana", Role.ANALYST, 2),
    "officer token without cases scopes": Principal(
        "tok", Role.CASE_OFFICER, 5, frozenset({"public:read"}), "token"
    ),
    "case officer": OFFICER,
    "admin": ADMIN,
}
ALLOWED = {"case officer", "admin"}

Call = Callable[[Session, Principal, Keyring, int, dict[str, list[int]]], object]
CALLS: dict[str, Call] = {
    "create": lambda s, p, k, c, r: access.create_case(
        data=sample("New Person"), principal=p, keys=k, session=s
    ),
    "get": lambda s, p, k, c, r: access.get_case(case_id=c, principal=p, keys=k, session=s),
    "list": lambda s, p, k, c, r: access.list_cases(principal=p, keys=k, session=s),
    "edit": lambda s, p, k, c, r: access.edit_case(
        case_id=c, version=1, edit=CaseEdit(notes="n"), principal=p, keys=k, session=s
    ),
    "status": lambda s, p, k, c, r: access.add_status(
        case_id=c, version=1, entry=StatusEntry(Status.RELEASED), principal=p, keys=k, session=s
    ),
    "link": lambda s, p, k, c, r: access.link_meeting(
        case_id=c, version=1, link=MeetingLink(r["KZ"][0]), principal=p, keys=k, session=s
    ),
    "reply": lambda s, p, k, c, r: access.add_reply(
        case_id=c, version=1, reply=Reply(r["KZ"][0], "no news"), principal=p, keys=k, session=s
    ),
    "record list": lambda s, p, k, c, r: lists.record_list(
        partner="KZ", case_ids=[c], handed_over_on=dt.date(2022, 6, 1), principal=p, keys=k, session=s
    ),
    "next list": lambda s, p, k, c, r: lists.next_round_list(partner="KZ", principal=p, keys=k, session=s),
}


def _audit(engine: Engine) -> list[AuditRow]:
    return read(engine, lambda s: list(s.scalars(select(AuditRow).order_by(AuditRow.id))))


@pytest.mark.parametrize("caller", CALLERS)
def test_every_case_function_checks_the_callers_role(
    engine: Engine, keys: Keyring, rounds: dict[str, list[int]], caller: str
) -> None:
    outcomes = {}
    for name, call in CALLS.items():
        case_id = write(
            engine, lambda s: access.create_case(data=sample(), principal=OFFICER, keys=keys, session=s)
        ).id
        before = len(_audit(engine))
        try:
            write(
                engine, lambda s, call=call, case_id=case_id: call(s, CALLERS[caller], keys, case_id, rounds)
            )
            outcomes[name] = "allowed"
        except PermissionDeniedError:
            outcomes[name] = "denied"
        audited = _audit(engine)[before:]
        assert len(audited) == (1 if outcomes[name] == "allowed" else 0)
        assert all(r.actor == CALLERS[caller].name for r in audited)
    expected = "allowed" if caller in ALLOWED else "denied"
    assert outcomes == dict.fromkeys(CALLS, expected)


def test_reads_and_writes_leave_audit_rows_that_name_fields_not_values(
    engine: Engine, keys: Keyring, rounds: dict[str, list[int]]
) -> None:
    case = write(engine, lambda s: access.create_case(data=sample(), principal=OFFICER, keys=keys, session=s))
    write(engine, lambda s: access.get_case(case_id=case.id, principal=OFFICER, keys=keys, session=s))
    edit = CaseEdit(name="Janet Doe", aliases=("JD",))
    write(
        engine,
        lambda s: access.edit_case(
            case_id=case.id, version=1, edit=edit, principal=ADMIN, keys=keys, session=s
        ),
    )
    write(engine, lambda s: access.list_cases(principal=OFFICER, keys=keys, session=s, partner="KZ"))
    rows = _audit(engine)
    assert [(r.action, r.actor, r.target_id) for r in rows] == [
        ("case.create", "olga", case.id),
        ("case.read", "olga", case.id),
        ("case.edit", "root", case.id),
        ("case.list", "olga", None),
    ]
    assert json.loads(rows[2].detail) == {"version": 2, "fields": ["name", "aliases"]}
    assert json.loads(rows[3].detail) == {"partner": "KZ", "cases": [case.id]}
    everything = " ".join(f"{r.detail} {r.target} {r.action}" for r in rows)
    for secret in ["Jane", "Janet", "Doe", "JD", "arrested", "Criminal", "174", "journalist", "family"]:
        assert secret not in everything
    assert read(engine, lambda s: verify(s)).ok


def test_a_case_reads_back_whole(engine: Engine, keys: Keyring, rounds: dict[str, list[int]]) -> None:
    kz = rounds["KZ"]
    case = write(engine, lambda s: access.create_case(data=sample(), principal=OFFICER, keys=keys, session=s))
    steps: list[Callable[[Session, int], Any]] = [
        lambda s, v: access.link_meeting(
            case_id=case.id,
            version=v,
            link=MeetingLink(kz[0], "raised by the head"),
            principal=OFFICER,
            keys=keys,
            session=s,
        ),
        lambda s, v: access.add_status(
            case_id=case.id,
            version=v,
            entry=StatusEntry(Status.SENTENCED, dt.date(2021, 9, 1), "court ruling"),
            principal=OFFICER,
            keys=keys,
            session=s,
        ),
        lambda s, v: access.add_reply(
            case_id=case.id,
            version=v,
            reply=Reply(kz[1], "the case is under review", dt.date(2022, 6, 2), "minutes"),
            principal=OFFICER,
            keys=keys,
            session=s,
        ),
    ]
    version = case.version
    for step in steps:
        version = write(engine, lambda s, step=step, v=version: step(s, v)).version
    got = write(engine, lambda s: access.get_case(case_id=case.id, principal=OFFICER, keys=keys, session=s))
    assert (got.version, got.partner, got.name, got.category, got.notes) == (
        4,
        "KZ",
        "Jane Doe",
        Category.JOURNALIST,
        "arrested at home",
    )
    assert got.aliases == ("J. Doe",)
    assert [(c.instrument, c.article, c.note) for c in got.charges] == [
        ("Criminal Code", "174", "inciting discord")
    ]
    assert [(h.status, h.on, h.source) for h in got.history] == [
        (Status.DETAINED, dt.date(2021, 3, 1), "family"),
        (Status.SENTENCED, dt.date(2021, 9, 1), "court ruling"),
    ]
    assert got.status is not None and got.status.status is Status.SENTENCED
    assert got.meetings == (MeetingLink(kz[0], "raised by the head"),)
    assert got.replies == (Reply(kz[1], "the case is under review", dt.date(2022, 6, 2), "minutes"),)
    assert got.created_at.tzinfo is not None
    assert "Jane" not in repr(got) and "174" not in repr(got.charges)


def test_meetings_must_exist_and_be_rounds_with_the_cases_partner(
    engine: Engine, keys: Keyring, rounds: dict[str, list[int]]
) -> None:
    case = write(engine, lambda s: access.create_case(data=sample(), principal=OFFICER, keys=keys, session=s))
    for meeting, error in [(rounds["UZ"][0], InvalidInputError), (9999, NotFoundError)]:
        with pytest.raises(error):
            write(
                engine,
                lambda s, m=meeting: access.link_meeting(
                    case_id=case.id, version=1, link=MeetingLink(m), principal=OFFICER, keys=keys, session=s
                ),
            )
    assert (
        write(
            engine, lambda s: access.get_case(case_id=case.id, principal=OFFICER, keys=keys, session=s)
        ).version
        == 1
    )


def test_inputs_are_checked_without_echoing_them(engine: Engine, keys: Keyring) -> None:
    for data, pattern in [
        (sample(name="  "), "the name is required"),
        (sample(partner="kazakhstan"), "partner"),
        (sample(notes="x" * 20_001), "the notes is longer"),
        (sample(charges=(Charge(" "),)), "the law or code of a charge is required"),
        (sample(aliases=("x" * 20_001,)), "an alias is longer"),
    ]:
        with pytest.raises(InvalidInputError, match=pattern) as info:
            write(
                engine, lambda s, d=data: access.create_case(data=d, principal=OFFICER, keys=keys, session=s)
            )
        assert "xxxx" not in str(info.value)
    with pytest.raises(NotFoundError, match="no case 42"):
        write(engine, lambda s: access.get_case(case_id=42, principal=OFFICER, keys=keys, session=s))


def test_a_sealed_value_moved_to_another_row_or_column_does_not_open(engine: Engine, keys: Keyring) -> None:
    first = write(
        engine, lambda s: access.create_case(data=sample("Anna A"), principal=OFFICER, keys=keys, session=s)
    )
    second = write(
        engine, lambda s: access.create_case(data=sample("Boris B"), principal=OFFICER, keys=keys, session=s)
    )
    name_of_first = read(engine, lambda s: s.scalar(select(CaseRow.name).where(CaseRow.id == first.id)))
    for target, column in [(second.id, "name"), (first.id, "notes"), (first.id, "category")]:
        with engine.begin() as conn:
            original = conn.scalar(select(getattr(CaseRow, column)).where(CaseRow.id == target))
            conn.execute(update(CaseRow).where(CaseRow.id == target).values({column: name_of_first}))
        with pytest.raises(
            DecryptionError, match=f"cases.{column} of row {target} failed authentication"
        ) as info:
            write(
                engine,
                lambda s, t=target: access.get_case(case_id=t, principal=OFFICER, keys=keys, session=s),
            )
        assert "Anna" not in str(info.value)
        with engine.begin() as conn:
            conn.execute(update(CaseRow).where(CaseRow.id == target).values({column: original}))
    assert (
        write(
            engine, lambda s: access.get_case(case_id=second.id, principal=OFFICER, keys=keys, session=s)
        ).name
        == "Boris B"
    )


def test_a_sealed_value_of_the_wrong_kind_fails_without_showing_it(engine: Engine, keys: Keyring) -> None:
    case = write(engine, lambda s: access.create_case(data=sample(), principal=OFFICER, keys=keys, session=s))
    odd = keys.seal("Secret Person Name", table="cases", row_id=case.id, column="category")
    with engine.begin() as conn:
        conn.execute(update(CaseRow).where(CaseRow.id == case.id).values(category=odd))
    with pytest.raises(DecryptionError, match=f"cases.category of row {case.id} is not a category") as info:
        write(engine, lambda s: access.get_case(case_id=case.id, principal=OFFICER, keys=keys, session=s))
    assert "Secret" not in str(info.value) and info.value.__cause__ is None

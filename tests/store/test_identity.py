from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from hrd.store.engine import read, write
from hrd.store.identity import MeetingKey, partner_of, same_meeting
from hrd.store.repo import store_record
from hrd.store.tables import MeetingReport, MeetingRow, Series

from .samples import TEXT_KZ, kz_meeting, kz_record

D = dt.date


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (MeetingKey(12, None, None), MeetingKey(12, D(2020, 1, 1), D(2020, 1, 1)), True),
        (MeetingKey(12, D(2020, 1, 1), D(2020, 1, 1)), MeetingKey(13, D(2020, 1, 1), D(2020, 1, 1)), False),
        (
            MeetingKey(None, D(2020, 1, 1), D(2020, 1, 2)),
            MeetingKey(None, D(2020, 1, 2), D(2020, 1, 2)),
            True,
        ),
        (
            MeetingKey(None, D(2020, 1, 1), D(2020, 1, 1)),
            MeetingKey(None, D(2020, 1, 2), D(2020, 1, 2)),
            True,
        ),
        (
            MeetingKey(None, D(2020, 1, 1), D(2020, 1, 1)),
            MeetingKey(None, D(2020, 1, 3), D(2020, 1, 3)),
            False,
        ),
        (MeetingKey(None, None, None), MeetingKey(None, None, None), False),
        (MeetingKey(12, D(2020, 1, 1), D(2020, 1, 1)), MeetingKey(None, D(2021, 1, 1), D(2021, 1, 1)), False),
    ],
)
def test_same_meeting_rule(a: MeetingKey, b: MeetingKey, same: bool) -> None:
    assert same_meeting(a, b) is same
    assert same_meeting(b, a) is same


def test_partner_of_leaves_out_the_eu() -> None:
    assert partner_of(["EU", "KZ"]) == "KZ"
    assert partner_of(["KZ", "EU"]) == "KZ"
    assert partner_of(["EU", "AUC", "ET"]) == "AUC+ET"


def _count(engine: Engine, model: type) -> int:
    return int(read(engine, lambda s: s.scalar(select(func.count()).select_from(model))))


def test_two_readouts_of_one_meeting_attach_to_one_meeting(engine: Engine) -> None:
    # The partner's readout is dated a day earlier and gives no ordinal: still the same meeting.
    write(engine, lambda s: store_record(record=kz_record("eu", source="eu"), session=s))
    kz = kz_record(
        "kz", source="kz", text=TEXT_KZ + "!", ordinal=None, start=D(2020, 11, 26), end=D(2020, 11, 26)
    )
    write(engine, lambda s: store_record(record=kz, session=s))
    assert _count(engine, MeetingRow) == 1
    assert _count(engine, MeetingReport) == 2
    assert _count(engine, Series) == 1


def test_other_rounds_and_other_kinds_are_other_meetings(engine: Engine) -> None:
    write(engine, lambda s: store_record(record=kz_record("r12", source="r12"), session=s))
    r13 = kz_record(
        "r13", source="r13", text=TEXT_KZ + "13", ordinal=13, start=D(2021, 11, 20), end=D(2021, 11, 20)
    )
    write(engine, lambda s: store_record(record=r13, session=s))
    sub = kz_record("sub", source="sub", text=TEXT_KZ + "sub", kind="subcommittee", ordinal=None)
    write(engine, lambda s: store_record(record=sub, session=s))
    assert _count(engine, MeetingRow) == 3
    assert _count(engine, Series) == 2


def test_a_later_report_fills_in_the_ordinal(engine: Engine) -> None:
    first = kz_record("a", source="a", ordinal=None)
    write(engine, lambda s: store_record(record=first, session=s))
    write(engine, lambda s: store_record(record=kz_record("b", source="b", text=TEXT_KZ + "b"), session=s))
    assert read(engine, lambda s: s.scalars(select(MeetingRow.ordinal)).all()) == [12]


def test_one_readout_of_two_meetings_of_a_kind_on_consecutive_days_stores_two(engine: Engine) -> None:
    record = kz_record("two", source="two", kind="subcommittee")
    second = kz_meeting(
        kind="subcommittee",
        name="Subcommittee on Trade",
        ordinal=None,
        start=D(2020, 11, 28),
        end=D(2020, 11, 28),
    )
    record = record.model_copy(update={"meetings": [*record.meetings, second]})
    write(engine, lambda s: store_record(record=record, session=s))
    assert _count(engine, MeetingRow) == 2
    assert _count(engine, MeetingReport) == 2
    assert _count(engine, Series) == 1

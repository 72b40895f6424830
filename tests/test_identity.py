import datetime as dt

from hrd.identity import MeetingKey, others_of, partner_of, same_meeting
from hrd.record import Meeting


def key(ordinal: int | None, start: str | None, end: str | None = None) -> MeetingKey:
    s = dt.date.fromisoformat(start) if start else None
    return MeetingKey(ordinal, s, dt.date.fromisoformat(end) if end else s)


def test_ordinals_decide_when_both_have_one() -> None:
    assert same_meeting(key(12, "2020-01-01"), key(12, "2021-05-05"))
    assert not same_meeting(key(12, "2020-01-01"), key(13, "2020-01-01"))


def test_dates_within_a_day_match_without_an_ordinal() -> None:
    assert same_meeting(key(None, "2020-01-01", "2020-01-02"), key(7, "2020-01-03"))
    assert not same_meeting(key(None, "2020-01-01"), key(7, "2020-01-03"))
    assert not same_meeting(key(None, None), key(None, None))


def test_key_orders_reversed_dates_and_fills_the_missing_one() -> None:
    m = Meeting(kind="subcommittee", parties=["EU", "KZ"], start=dt.date(2020, 3, 2), end=dt.date(2020, 3, 1))
    assert MeetingKey.of(m) == key(None, "2020-03-01", "2020-03-02")
    only_end = Meeting(kind="subcommittee", parties=["EU", "KZ"], end=dt.date(2020, 3, 1))
    assert MeetingKey.of(only_end) == key(None, "2020-03-01")


def test_partner_names() -> None:
    assert partner_of(["EU", "UZ", "KZ"]) == others_of(["KZ", "EU", "UZ"]) == "KZ+UZ"
    assert others_of(["EU"]) is None
    assert partner_of(["EU"]) == "EU"

import datetime as dt

import pytest

from hrd.record import DocumentInfo, Event, LegalRef, Meeting, Programme, Record, Statement
from hrd.track.rounds import Provision, Round, Series, TrackedStatement, mentions, rounds_from_records


def _meeting(
    kind: str, day: dt.date | None, *statements: Statement, ordinal: int | None = None, **kw: object
) -> Meeting:
    return Meeting.model_validate(
        {
            "kind": kind,
            "parties": ["EU", "KZ"],
            "start": day,
            "end": day,
            "ordinal": ordinal,
            "statements": statements,
            **kw,
        }
    )


def _record(doc: str, issuer: str | None, *meetings: Meeting) -> Record:
    return Record(document=DocumentInfo(id=doc, issuer=issuer), meetings=list(meetings))


D1, D2 = dt.date(2020, 11, 26), dt.date(2021, 11, 30)


def test_groups_by_partner_and_kind_and_orders_rounds() -> None:
    records = [
        _record("b", "EU", _meeting("human-rights-dialogue", D2, ordinal=13)),
        _record(
            "a",
            "EU",
            _meeting(
                "human-rights-dialogue",
                D1,
                Statement(actor="EU", act="concern", topics=["torture"]),
                ordinal=12,
            ),
            _meeting("subcommittee", D1 + dt.timedelta(days=1)),
        ),
        _record("c", "EU", Meeting(kind="human-rights-dialogue", parties=["EU", "UZ"], start=D1, end=D1)),
    ]
    series = rounds_from_records(records)
    assert [(s.partner, s.kind, len(s.rounds)) for s in series] == [
        ("KZ", "human-rights-dialogue", 2),
        ("KZ", "subcommittee", 1),
        ("UZ", "human-rights-dialogue", 1),
    ]
    kz = series[0]
    assert [r.ordinal for r in kz.rounds] == [12, 13]
    assert kz.rounds[0].meeting_id == "KZ:human-rights-dialogue:2020-11-26"
    assert kz.rounds[0].statements[0] == TrackedStatement(
        "a#0.0", "EU", "concern", ("torture",), (), None, "a"
    )


def test_meeting_reported_by_both_sides_is_one_round() -> None:
    eu = _record(
        "eu",
        "EU",
        _meeting(
            "human-rights-dialogue",
            D1,
            Statement(
                actor="EU",
                act="concern",
                topics=["media"],
                legal_refs=[LegalRef(instrument="Criminal Code", article="174")],
            ),
            ordinal=12,
            programmes=[Programme(name="Rule of Law programme")],
        ),
    )
    kz = _record(
        "kz",
        "KZ",
        _meeting(
            "human-rights-dialogue",
            D1,
            Statement(actor="KZ", act="inform", topics=["reforms"]),
            name="Dialogue",
            programmes=[Programme(name="rule of law programme")],
            events=[Event(what="elections", date=dt.date(2021, 1, 10))],
        ),
    )
    (series,) = rounds_from_records([eu, kz])
    (r,) = series.rounds
    assert [(s.document_id, s.issuer) for s in r.sources] == [("eu", "EU"), ("kz", "KZ")]
    assert [s.document_id for s in r.statements] == ["eu", "kz"]
    assert r.statements[0].legal_refs == (Provision("Criminal Code", "174"),)
    assert (r.ordinal, r.name) == (12, "Dialogue")
    assert len(r.programmes) == 1 and len(r.events) == 1


def test_undated_meeting_merges_by_ordinal_else_stays_apart() -> None:
    dated = _record("a", "EU", _meeting("human-rights-dialogue", D1, ordinal=12))
    by_ordinal = _record("b", "KZ", _meeting("human-rights-dialogue", None, ordinal=12))
    undated = _record("c", None, _meeting("human-rights-dialogue", None))
    undated2 = _record("d", None, _meeting("human-rights-dialogue", None))
    (series,) = rounds_from_records([dated, by_ordinal, undated, undated2])
    assert len(series.rounds) == 3
    assert len(series.rounds[0].sources) == 2
    assert series.rounds[0].meeting_id == "KZ:human-rights-dialogue:2020-11-26"
    assert len({r.meeting_id for r in series.rounds}) == 3


def test_meeting_without_partner_is_skipped() -> None:
    record = _record("x", "EU", Meeting(kind="other", parties=["EU"]))
    assert rounds_from_records([record]) == []


def test_series_sorts_rounds_and_finds_them() -> None:
    late = Round("b", "KZ", "human-rights-dialogue", 2, dt.date(2021, 1, 1))
    early = Round("a", "KZ", "human-rights-dialogue", 1, dt.date(2020, 1, 1))
    undated = Round("c", "KZ", "human-rights-dialogue")
    s = Series("KZ", "human-rights-dialogue", (undated, late, early))
    assert [r.meeting_id for r in s.rounds] == ["a", "b", "c"]
    assert [r.meeting_id for r in s.after("a")] == ["b", "c"]
    with pytest.raises(ValueError):
        s.index("zz")


def test_mentions_topic_or_provision() -> None:
    s = TrackedStatement("1", "EU", "concern", ("media",), (Provision("Law on Media"),))
    assert mentions(s, "media") and mentions(s, Provision("Law on Media"))
    assert not mentions(s, "torture") and not mentions(s, Provision("Law on Media", "1"))


def test_identity_follows_the_store_rule() -> None:
    next_day = _record("b", "KZ", _meeting("human-rights-dialogue", D1 + dt.timedelta(days=1)))
    same_day_other_ordinal = _record("c", "EU", _meeting("human-rights-dialogue", D1, ordinal=13))
    first = _record("a", "EU", _meeting("human-rights-dialogue", D1, ordinal=12))
    (series,) = rounds_from_records([first, next_day, same_day_other_ordinal])
    assert [[s.document_id for s in r.sources] for r in series.rounds] == [["a", "b"], ["c"]]


def test_partner_of_several_parties() -> None:
    meeting = Meeting(kind="other", parties=["EU", "ASEAN", "AUC"], start=D1, end=D1)
    (series,) = rounds_from_records([_record("x", "EU", meeting)])
    assert series.partner == "ASEAN+AUC"


def test_one_record_of_two_meetings_of_a_kind_on_consecutive_days_gives_two_rounds() -> None:
    first = _meeting("subcommittee", D1, ordinal=9)
    second = _meeting("subcommittee", D1 + dt.timedelta(days=1))
    (series,) = rounds_from_records([_record("doc", "EU", first, second)])
    assert len(series.rounds) == 2
    other = _record("other", "KZ", _meeting("subcommittee", D1))
    (series,) = rounds_from_records([_record("doc", "EU", first, second), other])
    assert len(series.rounds) == 2  # another document's report of the first still joins it

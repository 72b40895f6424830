from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.series import Provision
from hrd.store import review
from hrd.store.engine import read, write
from hrd.store.tables import MeetingRow, StatementRow
from hrd.store.tracking import SeriesFilter, load_series, partners_with_rounds
from hrd.track.recurring import recurring

from .tracking_samples import kz_records, store_all


def _statement_id(engine: Engine, text: str) -> int:
    return read(engine, lambda s: s.scalars(select(StatementRow.id).where(StatementRow.text == text)).one())


def test_series_from_the_database(engine: Engine) -> None:
    store_all(engine)
    assert read(engine, lambda s: partners_with_rounds(session=s)) == ["KZ", "MN"]
    found = read(engine, lambda s: load_series(session=s, filters=SeriesFilter(partner="kz")))
    assert [(x.partner, x.kind, len(x.rounds)) for x in found] == [
        ("KZ", "human-rights-dialogue", 3),
        ("KZ", "subcommittee", 1),
    ]
    hrd = found[0]
    assert [r.ordinal for r in hrd.rounds] == [10, 11, 12]
    meeting_ids = read(engine, lambda s: {m.ordinal: m.id for m in s.scalars(select(MeetingRow))})
    assert hrd.rounds[2].meeting_id == str(meeting_ids[12])
    last = hrd.rounds[2]
    # one round, two documents: the EU's and the partner's readout
    assert [(x.document_id, x.issuer) for x in last.sources] == [("eu-2021", "EU"), ("kz-2021", "KZ")]
    assert len(last.statements) == 6
    assert {x.document_id for x in last.statements} == {"eu-2021", "kz-2021"}
    assert last.next is not None and last.next.year == 2022
    assert last.events[0].date == dt.date(2031, 3, 1)
    first = hrd.rounds[0]
    assert first.cases.raised and first.cases.names == ["A. Example"]
    assert first.programmes[0].acronym == "RLP"
    cited = [x for x in first.statements if x.legal_refs]
    assert cited[0].legal_refs == (Provision("Criminal Code", "174"),)
    assert cited[0].id == str(_statement_id(engine, "concern about Article 174"))


def test_rejected_statements_leave_and_edits_apply(engine: Engine) -> None:
    store_all(engine)
    torture = _statement_id(engine, "The EU expressed concern about torture in custody.")
    expression = _statement_id(engine, "concern about Article 174")
    write(engine, lambda s: review.reject(statement_id=torture, who="ana", session=s))
    edit = review.StatementEdit(topics=["media"], legal_refs=[])
    write(engine, lambda s: review.edit(statement_id=expression, changes=edit, who="ana", session=s))
    hrd = read(engine, lambda s: load_series(session=s, filters=SeriesFilter("KZ", "human-rights-dialogue")))[
        0
    ]
    ids = {x.id: x for x in hrd.rounds[0].statements}
    assert str(torture) not in ids
    assert ids[str(expression)].topics == ("media",) and ids[str(expression)].legal_refs == ()
    # torture is now raised in rounds 11 and 12 only
    assert recurring(hrd).topic("torture") is not None
    assert recurring(hrd).topic("torture").count == 2  # type: ignore[union-attr]


def test_filters_by_kind_and_years(engine: Engine) -> None:
    store_all(engine)
    subs = read(engine, lambda s: load_series(session=s, filters=SeriesFilter(kind="subcommittee")))
    assert [(x.partner, len(x.rounds)) for x in subs] == [("KZ", 1)]
    recent = read(
        engine, lambda s: load_series(session=s, filters=SeriesFilter("KZ", since=2020, until=2020))
    )
    assert [[r.ordinal for r in x.rounds] for x in recent] == [[11]]
    assert read(engine, lambda s: load_series(session=s, filters=SeriesFilter(partner="ZZ"))) == []


def test_only_the_latest_version_of_a_document_counts(engine: Engine) -> None:
    records = kz_records()
    store_all(engine, records)
    first = records[0]
    newer = first.model_copy(
        update={"document": first.document.model_copy(update={"sha256": "f" * 64})}, deep=True
    )
    newer.meetings[0].statements = newer.meetings[0].statements[:1]
    store_all(engine, [newer])
    hrd = read(engine, lambda s: load_series(session=s, filters=SeriesFilter("KZ", "human-rights-dialogue")))[
        0
    ]
    assert len(hrd.rounds[0].statements) == 1

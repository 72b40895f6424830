from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.record import Statement
from hrd.store import review
from hrd.store.engine import read, write
from hrd.store.reextract import reextract, reextract_document
from hrd.store.repo import get_record, store_document
from hrd.store.tables import StatementRow

from .samples import TEXT_KZ, document, kz_record, kz_statements, span


def _rows(engine: Engine) -> list[tuple[int, str, str]]:
    query = select(StatementRow.id, StatementRow.act, StatementRow.state).order_by(StatementRow.id)
    return [tuple(r) for r in read(engine, lambda s: s.execute(query).all())]  # type: ignore[misc]


def test_reextraction_changes_only_proposed_statements(engine: Engine) -> None:
    stored = write(
        engine, lambda s: store_document(document=document(), record=kz_record(), extractor="old", session=s)
    )
    (a, _), (b, _), (c, _) = [(i, act) for i, act, _ in _rows(engine)]
    write(engine, lambda s: review.confirm(statement_id=a, who="ana", session=s))
    write(engine, lambda s: review.reject(statement_id=b, who="ana", session=s))

    old = kz_statements()
    extra = "called for investigations"
    newer = [
        old[0].model_copy(update={"act": "raise"}),  # over a confirmed span: not proposed again
        old[1],  # over a rejected span: not proposed again
        old[2],  # unchanged proposal: keeps its id
        Statement(actor="EU", act="call", topics=["accountability"], text=extra, span=span(TEXT_KZ, extra)),
    ]
    record = kz_record()
    record.meetings[0].statements[:] = newer
    change = write(
        engine,
        lambda s: reextract_document(document_id=stored.document_id, record=record, who="bot", session=s),
    )
    assert (change.removed, change.added, change.kept_reviewed) == (0, 1, 2)
    rows = _rows(engine)
    assert rows[:3] == [(a, "concern", "confirmed"), (b, "welcome", "rejected"), (c, "discuss", "proposed")]
    assert rows[3][1:] == ("call", "proposed")
    # The rejected claim's topic does not come back with the extraction; the new one is added.
    topics = read(engine, lambda s: get_record(ref=stored.document_id, session=s)).meetings[0].topics
    assert topics == ["torture", "expression", "death-penalty", "elections", "accountability"]

    # A further extraction that drops the new proposal removes it, and says so in the history.
    record.meetings[0].statements[:] = newer[:3]
    change = write(
        engine,
        lambda s: reextract_document(document_id=stored.document_id, record=record, who="bot", session=s),
    )
    assert (change.removed, change.added) == (1, 0)
    entries = read(engine, lambda s: review.history(document=stored.document_id, session=s))
    assert [e.action for e in entries][-2:] == ["reextract", "reextract"]
    assert entries[-1].before == {"proposed": [newer[3].model_dump(mode="json")]}


def test_reextract_runs_the_current_extractor_over_stored_texts(engine: Engine) -> None:
    # Stored with an empty record (as an old extractor that found nothing would have).
    empty = kz_record()
    empty.meetings.clear()
    write(engine, lambda s: store_document(document=document(), record=empty, extractor="old", session=s))
    report = reextract(engine=engine, who="bot")
    assert report.failed == []
    assert [c.document for c in report.changes] == ["kz-eu-2020"]
    # Whatever the current extractor finds is now proposed, and nothing reviewed was touched.
    record = read(engine, lambda s: get_record(ref="kz-eu-2020", session=s))
    found = sum(len(m.statements) for m in record.meetings)
    assert found >= 1 and report.changes[0].added == found
    assert {state for _, _, state in _rows(engine)} <= {"proposed"}

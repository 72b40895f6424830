from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from hrd.errors import ConflictError, InvalidInputError, NotFoundError
from hrd.record import LegalRef, Statement
from hrd.store import review
from hrd.store.engine import read, write
from hrd.store.repo import get_record, store_record
from hrd.store.tables import StatementRow

from .samples import kz_record


@pytest.fixture
def ids(engine: Engine) -> list[int]:
    write(engine, lambda s: store_record(record=kz_record(), session=s))
    return list(
        read(engine, lambda s: s.scalars(select(StatementRow.id).order_by(StatementRow.position)).all())
    )


def _statements(engine: Engine) -> list[Statement]:
    return read(engine, lambda s: get_record(ref="kz-eu-2020", session=s)).meetings[0].statements


def test_extracted_statements_start_proposed(engine: Engine, ids: list[int]) -> None:
    items = read(engine, lambda s: review.review_items(session=s))
    assert [i.id for i in items] == ids
    assert {i.state for i in items} == {"proposed"}


def test_confirm_edit_reject_and_the_history(engine: Engine, ids: list[int]) -> None:
    first, second, third = ids
    done = write(
        engine, lambda s: review.confirm(statement_id=first, who="ana", expected_version=1, session=s)
    )
    assert (done.state, done.version) == ("confirmed", 2)
    changes = review.StatementEdit(
        act="call", topics=["torture", "detention"], legal_refs=[LegalRef(instrument="UNCAT", article="2")]
    )
    edited = write(engine, lambda s: review.edit(statement_id=second, changes=changes, who="ben", session=s))
    assert edited.state == "edited"
    assert edited.statement.act == "call" and edited.statement.actor == "KZ"
    write(engine, lambda s: review.reject(statement_id=third, who="ana", session=s))

    statements = _statements(engine)
    assert [s.act for s in statements] == ["concern", "call"]  # the rejected one is gone
    assert statements[1].legal_refs == [LegalRef(instrument="UNCAT", article="2")]

    entries = read(engine, lambda s: review.history(document="kz-eu-2020", session=s))
    assert [(e.who, e.action) for e in entries] == [("ana", "confirm"), ("ben", "edit"), ("ana", "reject")]
    assert entries[1].before is not None and entries[1].after is not None
    assert (entries[1].before["act"], entries[1].after["act"]) == ("welcome", "call")
    assert (entries[1].before["state"], entries[1].after["state"]) == ("proposed", "edited")


def test_a_stale_version_is_a_conflict(engine: Engine, ids: list[int]) -> None:
    write(engine, lambda s: review.confirm(statement_id=ids[0], who="ana", expected_version=1, session=s))
    with pytest.raises(ConflictError):
        write(engine, lambda s: review.reject(statement_id=ids[0], who="ben", expected_version=1, session=s))
    assert _statements(engine)[0].act == "concern"


def test_a_concurrent_change_between_read_and_write_is_a_conflict(engine: Engine, ids: list[int]) -> None:
    # Ben loads the statement, Ana changes it and commits, then Ben's change is flushed.
    def ben(session: Session) -> None:
        row = session.get_one(StatementRow, ids[0])
        assert row.version == 1
        write(engine.execution_options(), lambda s: review.confirm(statement_id=ids[0], who="ana", session=s))
        row.act = "raise"
        session.flush()

    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite write transactions are exclusive: Ana would wait for Ben")
    with pytest.raises(ConflictError):
        write(engine, ben, attempts=1)


def test_add_a_missed_statement(engine: Engine, ids: list[int]) -> None:
    missed = Statement(actor="EU", act="call", topics=["elections"], text="The EU called for free elections.")
    item = write(
        engine, lambda s: review.add(document="kz-eu-2020", meeting=0, statement=missed, who="ana", session=s)
    )
    assert item.state == "added"
    assert _statements(engine)[-1] == missed
    assert read(engine, lambda s: review.history(statement_id=item.id, session=s))[0].action == "add"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (review.StatementEdit(act="applauded"), "unknown act"),
        (review.StatementEdit(topics=["weather"]), "unknown topic"),
        (review.StatementEdit(topics=[]), "at least one topic"),
        (review.StatementEdit(actor="the EU"), "actor"),
    ],
)
def test_edits_outside_the_code_lists_are_refused(
    engine: Engine, ids: list[int], changes: review.StatementEdit, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        write(engine, lambda s: review.edit(statement_id=ids[0], changes=changes, who="ana", session=s))
    assert read(engine, lambda s: s.get_one(StatementRow, ids[0]).version) == 1  # nothing changed


def test_unknown_statements_and_meetings(engine: Engine, ids: list[int]) -> None:
    with pytest.raises(NotFoundError):
        write(engine, lambda s: review.confirm(statement_id=99999, who="ana", session=s))
    missed = Statement(actor="EU", act="call", topics=["elections"])
    with pytest.raises(NotFoundError):
        write(
            engine,
            lambda s: review.add(document="kz-eu-2020", meeting=5, statement=missed, who="a", session=s),
        )


def _meeting(engine: Engine) -> tuple[list[str], bool]:
    meeting = read(engine, lambda s: get_record(ref="kz-eu-2020", session=s)).meetings[0]
    return meeting.topics, meeting.cases.raised


def test_the_meetings_topics_and_cases_follow_the_review(engine: Engine, ids: list[int]) -> None:
    first, _, third = ids
    # The sample lists 'elections' as discussed without a statement about it.
    assert _meeting(engine)[0] == ["torture", "children", "expression", "death-penalty", "elections"]
    write(engine, lambda s: review.reject(statement_id=third, who="ana", session=s))
    # The rejected claim takes its topics along; a topic listed as discussed stays; no statement
    # carries individual-cases, so cases.raised is false (dialogue-record/1: true exactly when one does).
    assert _meeting(engine) == (["torture", "children", "elections"], False)

    cases = review.StatementEdit(topics=["torture", "individual-cases"])
    write(engine, lambda s: review.edit(statement_id=first, changes=cases, who="ben", session=s))
    assert _meeting(engine) == (["torture", "children", "elections", "individual-cases"], True)

    added = Statement(actor="EU", act="raise", topics=["women"], text="women's rights")
    write(
        engine, lambda s: review.add(document="kz-eu-2020", meeting=0, statement=added, who="ana", session=s)
    )
    assert _meeting(engine)[0] == ["torture", "children", "elections", "individual-cases", "women"]

    write(
        engine,
        lambda s: review.edit(
            statement_id=first, changes=review.StatementEdit(topics=["torture"]), who="ben", session=s
        ),
    )
    assert _meeting(engine) == (["torture", "children", "elections", "women"], False)

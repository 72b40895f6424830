"""The follow-up board over the stored series, with the status analysts recorded, on every backend."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from hrd.errors import InvalidInputError, NotFoundError
from hrd.store import review
from hrd.store.engine import read, write
from hrd.store.followup import followup_history, set_followup
from hrd.store.tables import StatementRow
from hrd.track.views.followup import followup_board
from store.tracking_samples import store_all

T0 = dt.datetime(2022, 1, 10, 9, 0, tzinfo=dt.UTC)


def _id(engine: Engine, text: str) -> int:
    return read(engine, lambda s: s.scalars(select(StatementRow.id).where(StatementRow.text == text)).one())


CALL_DP = "It called for the abolition of the death penalty."
CALL_ASSEMBLY = "It called for a new law on peaceful assembly."
MORATORIUM = "The EU welcomed the moratorium."


def test_board_lists_calls_and_commitments_with_flags_and_suggestions(engine: Engine) -> None:
    store_all(engine)
    board = read(engine, lambda s: followup_board(partner="KZ", session=s, stale_after=2))
    texts = [b.item.text for b in board.items]
    # round 10: a call and a commitment; round 11: two calls; round 12: one call
    assert [(b.item.kind, b.rounds_open) for b in board.items] == [
        ("call", 2),
        ("commitment", 2),
        ("call", 1),
        ("call", 1),
        ("call", 0),
    ]
    assert CALL_DP in texts and "Kazakhstan undertook to investigate all allegations." in texts
    dp = next(b for b in board.items if b.item.text == CALL_DP)
    # the moratorium (round 11) and the abolition (round 12) are signs of progress, the latest first
    assert not dp.stale
    assert [(e.signal, e.statement.text) for e in dp.suggestions] == [
        ("progress", "It congratulated KZ on the abolition of the death penalty."),
        ("progress", MORATORIUM),
    ]
    commitment = next(b for b in board.items if b.item.kind == "commitment")
    # the partner informed on torture in round 12: progress, not stale
    assert not commitment.stale
    assert {b.item.status for b in board.items} == {"open"}
    assert board.count("open") == 5 and board.stale_count == 0


def test_stale_when_nothing_moves(engine: Engine) -> None:
    store_all(engine)
    board = read(engine, lambda s: followup_board(partner="KZ", session=s, stale_after=1))
    stale = {b.item.text for b in board.items if b.stale}
    # round 11's assembly call was pressed again (concern) in round 12, with no sign of progress
    assert stale == {CALL_ASSEMBLY}


def test_status_persists_with_its_history(engine: Engine) -> None:
    store_all(engine)
    call = _id(engine, CALL_DP)
    evidence = _id(engine, MORATORIUM)
    first = write(
        engine,
        lambda s: set_followup(
            statement_id=call,
            status="progressing",
            note="moratorium in force",
            evidence=[evidence],
            who="ana",
            expected_version=0,
            now=T0,
            session=s,
        ),
    )
    assert (first.status, first.evidence, first.version) == ("progressing", (evidence,), 1)
    second = write(
        engine,
        lambda s: set_followup(
            statement_id=call, status="fulfilled", who="ben", expected_version=1, session=s
        ),
    )
    assert second.version == 2
    board = read(engine, lambda s: followup_board(partner="KZ", session=s, status="fulfilled"))
    (item,) = board.items
    assert (item.item.status, item.item.note, item.version) == ("fulfilled", None, 2)
    assert item.current is not None and item.current.who == "ben"
    history = read(engine, lambda s: followup_history(statement_id=call, session=s))
    assert [(h.status, h.who, h.note, h.evidence) for h in history] == [
        ("progressing", "ana", "moratorium in force", (evidence,)),
        ("fulfilled", "ben", None, ()),
    ]
    assert history[0].at == T0 or history[0].at.replace(tzinfo=dt.UTC) == T0


def test_an_unknown_partner_or_status_is_refused(engine: Engine) -> None:
    store_all(engine)
    with pytest.raises(NotFoundError):
        read(engine, lambda s: followup_board(partner="ZZ", session=s))
    with pytest.raises(InvalidInputError):
        read(engine, lambda s: followup_board(partner="KZ", session=s, status="done"))


def test_a_rejected_call_is_no_item(engine: Engine) -> None:
    store_all(engine)
    call = _id(engine, CALL_DP)
    write(engine, lambda s: review.reject(statement_id=call, who="ana", session=s))
    board = read(engine, lambda s: followup_board(partner="KZ", session=s))
    assert CALL_DP not in {b.item.text for b in board.items}
    with pytest.raises(NotFoundError):
        write(engine, lambda s: set_followup(statement_id=call, status="open", who="ana", session=s))
